// Command-line door: presence [files|dirs|globs…] → text | json | sarif, with an exit code for CI.
import { readFileSync, writeFileSync, renameSync, unlinkSync, existsSync, statSync } from 'node:fs';
import { dirname, resolve, basename, join } from 'node:path';
import { Analyzer, fixAllSafe, type RubricSource } from './engine/index.js';
import { parseArgs, UsageError, USAGE } from './cli/args.js';
import { expandInputs } from './cli/files.js';
import { formatJson, formatSarif, formatText, type FileResult } from './cli/format.js';

declare const PRESENCE_VERSION: string | undefined;
const VERSION = typeof PRESENCE_VERSION === 'string' ? PRESENCE_VERSION : '0.0.0-dev';
/** Larger files are refused with a message rather than read into memory. */
const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** Rubric lookup for a document: a JSON path (relative to the document, then the working folder), or a workspace rubric name. */
function resolverFor(file: string): (ref: string) => RubricSource | undefined {
  return (ref) => {
    const candidates = /\.json$/i.test(ref)
      ? [resolve(dirname(file), ref), resolve(ref)]
      : [resolve('.presence', 'rubrics', `${ref}.json`)];
    for (const p of candidates) {
      if (!existsSync(p)) continue;
      try {
        return { path: p, text: readFileSync(p, 'utf8') };
      } catch {
        return undefined;
      }
    }
    return undefined;
  };
}

function writeAtomically(path: string, text: string): void {
  const tmp = join(dirname(path), `.${basename(path)}.presence-${process.pid}.tmp`);
  try {
    // The replacement keeps the original's permissions.
    writeFileSync(tmp, text, { encoding: 'utf8', mode: statSync(path).mode & 0o7777 });
    renameSync(tmp, path);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing to clean up
    }
    throw e;
  }
}

function main(argv: string[]): number {
  let opts;
  try {
    opts = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`presence: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  if (opts.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (opts.version) {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (opts.inputs.length === 0) {
    process.stderr.write('presence: no files given; try "presence docs/" or see presence --help\n');
    return 2;
  }
  const { files, missing } = expandInputs(opts.inputs);
  let status = 0;
  for (const m of missing) {
    process.stderr.write(`presence: ${m}: no such file, or no Markdown files there\n`);
    status = 2;
  }
  const analyzer = new Analyzer();
  const results: FileResult[] = [];
  for (const path of files) {
    let text: string;
    try {
      const buf = readFileSync(path);
      if (buf.length > MAX_FILE_BYTES) {
        process.stderr.write(`presence: ${path}: file is ${Math.round(buf.length / 1048576)} MB, over the ${MAX_FILE_BYTES / 1048576} MB limit; skipped\n`);
        status = 2;
        continue;
      }
      if (buf.includes(0)) {
        process.stderr.write(`presence: ${path}: looks like a binary file, not Markdown; skipped\n`);
        status = 2;
        continue;
      }
      text = buf.toString('utf8');
    } catch (e) {
      process.stderr.write(`presence: ${path}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})\n`);
      status = 2;
      continue;
    }
    const analyzeOpts = { today: opts.today, resolveRubric: resolverFor(path) };
    let fixed: number | undefined;
    if (opts.fix) {
      const out = fixAllSafe(analyzer, text, opts.rubric, analyzeOpts);
      fixed = out.applied;
      if (out.text !== text) {
        try {
          writeAtomically(path, out.text);
          text = out.text;
        } catch (e) {
          process.stderr.write(`presence: ${path}: could not write the fixes (${(e as Error).message}); the file is unchanged\n`);
          status = 2;
          fixed = 0;
        }
      }
    }
    results.push({ path, text, result: analyzer.analyze(text, opts.rubric, analyzeOpts), fixed });
  }
  const output = opts.format === 'json' ? formatJson(results) : opts.format === 'sarif' ? formatSarif(results, VERSION) : formatText(results, opts.quiet, opts.minScore);
  if (output) process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
  const failing = results.some((r) => (opts.minScore !== undefined && r.result.score.overall < opts.minScore) || r.result.findings.some((f) => f.severity === 'error'));
  return status || (failing ? 1 : 0);
}

process.exitCode = main(process.argv.slice(2));
