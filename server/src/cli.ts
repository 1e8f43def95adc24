// Command-line door: presence [files|dirs|globs…] → text | json | sarif, with an exit code for CI.
import { parseArgs, UsageError, USAGE, type CliOptions } from './cli/args.js';
import { expandInputs } from './cli/files.js';
import { stitcher } from './cli/format.js';
import { Output, OutputClosed, OutputFailed, OUTPUT_CLOSED_EXIT, print } from './cli/output.js';
import { analyzeInOrder, isCliWorker, serveWorker, threadCount } from './cli/parallel.js';

declare const PRESENCE_VERSION: string | undefined;
const VERSION = typeof PRESENCE_VERSION === 'string' ? PRESENCE_VERSION : '0.0.0-dev';

async function main(argv: string[]): Promise<number> {
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
  const noted = new Set<string>();
  let failing = false;
  await analyzeInOrder(files, opts, threadCount(files.length, opts), (o) => {
    // Threads each note a rubric once; the run notes it once.
    const fresh = o.rubricNotes.filter((n) => !noted.has(n.key));
    for (const n of fresh) noted.add(n.key);
    for (const line of [...fresh.map((n) => n.line), ...o.notes, ...o.errors]) process.stderr.write(`${line}\n`);
    if (o.errors.length) status = 2;
    if (o.failing) failing = true;
    if (o.rendered) out.write(stitch.file(o.rendered));
  });
  out.write(stitch.end());
  out.flush();
  return status || (failing ? 1 : 0);
}

async function cli(): Promise<void> {
  // A closed stderr must not turn into a crash with a stack trace nobody can see.
  process.stderr.on('error', () => undefined);
  try {
    process.exitCode = await main(process.argv.slice(2));
  } catch (e) {
    // The reader of our output went away (`presence docs | head -1`): stop at once, like any Unix filter.
    if (e instanceof OutputClosed) process.exitCode = OUTPUT_CLOSED_EXIT;
    else if (e instanceof OutputFailed) {
      process.stderr.write(`presence: could not write the output (${e.message}); stopped\n`);
      process.exitCode = 2;
    } else throw e;
  }
}

if (isCliWorker()) serveWorker();
else void cli();
