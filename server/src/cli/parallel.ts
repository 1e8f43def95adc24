// Many files on the idle cores: the main thread and worker threads (the CLI itself, dist/cli.js, started again) take the
// next file in turn, and the outcomes are handed on strictly in file order, so the output is the same as from one
// thread. Each thread has its own CliRubrics; a rubric is read at most once per thread.
import { availableParallelism, loadavg } from 'node:os';
import * as path from 'node:path';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { type Outcome, processFile } from './analyzeFile.js';
import type { CliOptions } from './args.js';
import { CliRubrics } from './rubrics.js';

/**
 * Files per thread below which a worker is not worth starting: a worker spends about 0.1 s loading the bundle,
 * a cold memo of a few hundred words about 10 ms.
 */
const MIN_FILES_PER_THREAD = 16;
/** Jobs waiting at each worker, so it never idles while the main thread is busy analysing its own file. */
const QUEUED_PER_WORKER = 2;
/** How far past the next file to print the threads may run: bounds the outcomes held while one file is slow. */
const MAX_AHEAD = 32;

interface WorkerInit {
  presenceCliWorker: true;
  opts: CliOptions;
}
type ToWorker = { index: number; path: string };
type FromWorker = { type: 'ready' } | { type: 'done'; index: number; outcome: Outcome } | { type: 'failed'; stack: string };

/**
 * One analysing thread keeps more than a core busy: V8 compiles and collects garbage on threads of its own (on
 * 1,000 memos, 4.0 s of CPU in 2.7 s of wall time). On two idle cores a worker therefore competed with them and
 * made the run slower (median 3.4 s against 2.9 s), so a thread is counted as one and a half cores.
 */
const CORES_PER_THREAD = 1.5;

/**
 * How many threads to analyse `files` on: one per CORES_PER_THREAD idle cores. A worker repeats the JIT warm-up the
 * main thread has already paid (on 1,000 memos, two threads take about 40% more CPU time than one), so it only
 * shortens the run where there are cores left over; on a busy machine it made the run slower. --fix stays on one
 * thread: it rewrites files, and a file whose report is never printed (the reader went away) must not be fixed
 * ahead of it. PRESENCE_THREADS sets the count instead (1: the main thread only).
 */
export function threadCount(files: number, opts: CliOptions): number {
  if (opts.fix) return 1;
  const asked = Number.parseInt(process.env.PRESENCE_THREADS ?? '', 10);
  const byCores = Math.max(1, Math.floor(idleCores() / CORES_PER_THREAD));
  return Math.max(1, Math.min(asked > 0 ? asked : byCores, Math.floor(files / MIN_FILES_PER_THREAD)));
}

/** Cores the last minute's load average leaves free (all of them where there is none, as on Windows). */
function idleCores(): number {
  return Math.max(1, availableParallelism() - loadavg()[0]!);
}

/** Whether this thread is one of the CLI's workers (then serveWorker() runs it). */
export function isCliWorker(): boolean {
  return parentPort !== null && (workerData as WorkerInit | undefined)?.presenceCliWorker === true;
}

/** A worker's life: analyse each file the main thread posts, post its outcome back. */
export function serveWorker(): void {
  const port = parentPort!;
  const { opts } = workerData as WorkerInit;
  const rubrics = new CliRubrics(opts.rubric);
  port.on('message', (job: ToWorker) => {
    let m: FromWorker;
    try {
      m = { type: 'done', index: job.index, outcome: processFile(job.path, opts, rubrics) };
    } catch (e) {
      m = { type: 'failed', stack: e instanceof Error ? (e.stack ?? e.message) : String(e) };
    }
    port.postMessage(m);
  });
  port.postMessage({ type: 'ready' } satisfies FromWorker);
}

/**
 * Runs every file through processFile on `threads` threads and calls `each` with the outcomes in file order.
 * `each` may throw (the output was closed); the workers are stopped whatever happens.
 */
export async function analyzeInOrder(
  files: readonly string[],
  opts: CliOptions,
  threads: number,
  each: (o: Outcome) => void,
): Promise<void> {
  const rubrics = new CliRubrics(opts.rubric);
  if (threads <= 1) {
    for (const path of files) each(processFile(path, opts, rubrics));
    return;
  }
  const done = new Map<number, Outcome>();
  let next = 0;
  let printed = 0;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const notify = (): void => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const queued = new Map<Worker, number>();
  const feed = (w: Worker): void => {
    for (let n = queued.get(w); n !== undefined && n < QUEUED_PER_WORKER && next < files.length && next - printed < MAX_AHEAD; n++) {
      w.postMessage({ index: next, path: files[next]! } satisfies ToWorker);
      next++;
      queued.set(w, n + 1);
    }
  };
  const workers: Worker[] = [];
  for (let i = 1; i < threads; i++) {
    // The entry point, not this bundle: the worker then loads through the code cache too.
    const w = new Worker(path.join(__dirname, 'cli.js'), { workerData: { presenceCliWorker: true, opts } satisfies WorkerInit });
    workers.push(w);
    w.on('message', (m: FromWorker) => {
      if (m.type === 'failed') failure = new Error(`a worker thread failed: ${m.stack}`);
      else if (m.type === 'ready') queued.set(w, 0);
      else {
        done.set(m.index, m.outcome);
        queued.set(w, queued.get(w)! - 1);
      }
      feed(w);
      notify();
    });
    w.on('error', (e) => {
      failure = e;
      notify();
    });
    w.on('exit', (code) => {
      failure ??= new Error(`a worker thread stopped (exit ${code})`);
      notify();
    });
  }
  const turn = (): Promise<void> => new Promise((r) => setImmediate(r));
  try {
    while (printed < files.length) {
      if (failure) throw failure;
      const o = done.get(printed);
      if (o) {
        done.delete(printed++);
        each(o);
        for (const w of workers) feed(w);
      } else if (next < files.length && next - printed < MAX_AHEAD) {
        // The main thread takes the next file itself, then lets the workers' messages in.
        const i = next++;
        done.set(i, processFile(files[i]!, opts, rubrics));
        await turn();
      } else await new Promise<void>((r) => (wake = r));
    }
  } finally {
    for (const w of workers) {
      w.removeAllListeners('exit');
      void w.terminate();
    }
  }
}
