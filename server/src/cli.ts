// Command-line door: presence [files|dirs|globs…] → text | json | sarif, with an exit code for CI.
import { readFileSync, writeFileSync, renameSync, unlinkSync, existsSync, statSync } from 'node:fs';
import { dirname, resolve, basename, join } from 'node:path';
import { Analyzer, fixAllSafe, type RubricSource } from './engine/index.js';
import { parseArgs, UsageError, USAGE, type CliOptions } from './cli/args.js';
import { expandInputs } from './cli/files.js';
import { isFailing, render, stitcher, type Rendered } from './cli/format.js';

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

/** What one file contributes to the run. */
interface Outcome {
  rendered?: Rendered;
  /** Scored below --min-score or has an error-severity finding. */
  failing: boolean;
  /** Lines for stderr (I/O problems); each makes the exit code 2. */
  errors: string[];
}

function processFile(path: string, opts: CliOptions, analyzer: Analyzer): Outcome {
  let text: string;
  try {
    const buf = readFileSync(path);
    if (buf.length > MAX_FILE_BYTES) return { failing: false, errors: [`presence: ${path}: file is ${Math.round(buf.length / 1048576)} MB, over the ${MAX_FILE_BYTES / 1048576} MB limit; skipped`] };
    if (buf.includes(0)) return { failing: false, errors: [`presence: ${path}: looks like a binary file, not Markdown; skipped`] };
    text = buf.toString('utf8');
  } catch (e) {
    return { failing: false, errors: [`presence: ${path}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`] };
  }
  const errors: string[] = [];
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
        errors.push(`presence: ${path}: could not write the fixes (${(e as Error).message}); the file is unchanged`);
        fixed = 0;
      }
    }
  }
  const result = analyzer.analyze(text, opts.rubric, analyzeOpts);
  return { rendered: render(opts.format, { path, result, fixed }, opts.quiet, opts.minScore), failing: isFailing(result, opts.minScore), errors };
}

/** Collects output into chunks of about 64 KB, so a large run makes few writes. */
class Output {
  private parts: string[] = [];
  private size = 0;
  write(s: string): void {
    if (!s) return;
    this.parts.push(s);
    this.size += s.length;
    if (this.size >= 65536) this.flush();
  }
  flush(): void {
    if (this.parts.length) process.stdout.write(this.parts.join(''));
    this.parts = [];
    this.size = 0;
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
  const stitch = stitcher(opts.format, VERSION);
  const out = new Output();
  let failing = false;
  // One file at a time: worker threads were measured slower on the 2-core machines this runs on (each thread
  // pays the JIT warm-up, and the second core is mostly a hyperthread).
  const analyzer = new Analyzer();
  for (const path of files) {
    const o = processFile(path, opts, analyzer);
    for (const e of o.errors) process.stderr.write(`${e}\n`);
    if (o.errors.length) status = 2;
    if (o.failing) failing = true;
    if (o.rendered) out.write(stitch.file(o.rendered));
  }
  out.write(stitch.end());
  out.flush();
  return status || (failing ? 1 : 0);
}

process.exitCode = main(process.argv.slice(2));
