// Command-line door: presence [files|dirs|globs…] → text | json | sarif, with an exit code for CI.
import { Analyzer, fixAllSafe } from './engine/index.js';
import { parseArgs, UsageError, USAGE, type CliOptions } from './cli/args.js';
import { expandInputs } from './cli/files.js';
import { isFailing, render, stitcher, type Rendered } from './cli/format.js';
import { Output, OutputClosed, OutputFailed, OUTPUT_CLOSED_EXIT, print } from './cli/output.js';
import { CliRubrics } from './cli/rubrics.js';
import { writeFixed } from './cli/write.js';
import { decodeUtf8, readRegularFileSync } from './io/readFile.js';

declare const PRESENCE_VERSION: string | undefined;
const VERSION = typeof PRESENCE_VERSION === 'string' ? PRESENCE_VERSION : '0.0.0-dev';

/** What one file contributes to the run. */
interface Outcome {
  rendered?: Rendered;
  /** Scored below --min-score or has an error-severity finding. */
  failing: boolean;
  /** Lines for stderr about something that was not done (not read, not fixed); each makes the exit code 2. */
  errors: string[];
  /** Lines for stderr that inform without changing the exit code. */
  notes: string[];
}

function processFile(path: string, opts: CliOptions, analyzer: Analyzer, rubrics: CliRubrics): Outcome {
  const read = readRegularFileSync(path);
  if (!read.ok) return { failing: false, errors: [`presence: ${path}: ${read.reason}; skipped`], notes: [] };
  if (read.bytes.includes(0)) return { failing: false, errors: [`presence: ${path}: looks like a binary file, not Markdown; skipped`], notes: [] };
  const errors: string[] = [];
  const notes: string[] = [];
  const decoded = decodeUtf8(read.bytes);
  let text = decoded ?? read.bytes.toString('utf8');
  if (decoded === undefined) {
    // Writing back text decoded with U+FFFD in it would damage every byte that is not UTF-8, not only the fixes.
    if (opts.fix) errors.push(`presence: ${path}: is not valid UTF-8, so --fix left it unchanged; save it as UTF-8 to fix it (its findings are still reported)`);
    else notes.push(`presence: ${path}: is not valid UTF-8; bytes that are not are read as \uFFFD in the findings`);
  }
  const analyzeOpts = { today: opts.today, resolveRubric: rubrics.forDocument(path, text) };
  let fixed: number | undefined;
  if (opts.fix && decoded !== undefined) {
    const out = fixAllSafe(analyzer, text, opts.rubric, analyzeOpts);
    fixed = out.applied;
    if (out.text !== text) {
      const refused = writeFixed(path, read, Buffer.from(out.text, 'utf8'));
      if (refused) {
        errors.push(`presence: ${path}: ${refused}; the file is unchanged`);
        fixed = 0;
      } else text = out.text;
    }
  }
  const result = analyzer.analyze(text, opts.rubric, analyzeOpts);
  return { rendered: render(opts.format, { path, result, fixed }, opts.quiet, opts.minScore), failing: isFailing(result, opts.minScore), errors, notes };
}

function main(argv: string[]): number {
  let opts: CliOptions;
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
    print(`${USAGE}\n`);
    return 0;
  }
  if (opts.version) {
    print(`${VERSION}\n`);
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
  const rubrics = new CliRubrics(opts.rubric);
  let failing = false;
  // One file at a time: worker threads were measured slower on the 2-core machines this runs on (each thread
  // pays the JIT warm-up, and the second core is mostly a hyperthread).
  const analyzer = new Analyzer();
  for (const path of files) {
    const o = processFile(path, opts, analyzer, rubrics);
    for (const line of [...rubrics.notes.splice(0), ...o.notes, ...o.errors]) process.stderr.write(`${line}\n`);
    if (o.errors.length) status = 2;
    if (o.failing) failing = true;
    if (o.rendered) out.write(stitch.file(o.rendered));
  }
  out.write(stitch.end());
  out.flush();
  return status || (failing ? 1 : 0);
}

// A closed stderr must not turn into a crash with a stack trace nobody can see.
process.stderr.on('error', () => undefined);
try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  // The reader of our output went away (`presence docs | head -1`): stop at once, like any Unix filter.
  if (e instanceof OutputClosed) process.exitCode = OUTPUT_CLOSED_EXIT;
  else if (e instanceof OutputFailed) {
    process.stderr.write(`presence: could not write the output (${e.message}); stopped\n`);
    process.exitCode = 2;
  } else throw e;
}
