// The main thread's side of the analysis worker: one job at a time, a queue that drops superseded work, rubric
// questions answered from the main thread, and a fresh worker when one crashes or is stuck on stale work.
import type { AnalysisResult } from '../presence.js';
import type { AnalysisRequest } from './analysis.js';
import type { RubricResolver } from '../presence.js';
import type { FromWorker, RubricAnswer, ToWorker } from './workerProtocol.js';
import { errorText } from './errorText.js';
import { adoptWorker, spawnWorker, type Spawned } from './workerSpawn.js';

/** A stale analysis that has run this long is stopped by restarting the worker (other documents rebuild their caches). */
const STALE_KILL_MS = 1000;
/** Heap for the worker. A document that needs more fails alone: the worker restarts and the server carries on. */

export type Outcome = { ok: true; result: AnalysisResult } | { ok: false; cancelled: true } | { ok: false; cancelled: false; why: string };

export interface Handle {
  readonly outcome: Promise<Outcome>;
  /** The result is no longer wanted: dropped if queued, stopped if it has run long. */
  cancel(): void;
}

interface Job {
  id: number;
  req: AnalysisRequest;
  resolve: RubricResolver;
  keep: boolean;
  done: (o: Outcome) => void;
  started?: number;
  cancelled: boolean;
  killTimer?: NodeJS.Timeout;
}

export class AnalysisWorker {
  private live: Spawned | undefined;
  private readonly queue: Job[] = [];
  private running: Job | undefined;
  private nextId = 1;
  private disposed = false;

  constructor(
    private readonly file: string,
    private readonly log: (line: string) => void,
  ) {}

  /** Queues one analysis. `keep`: the worker keeps the document's caches for its next version. */
  run(req: AnalysisRequest, resolve: RubricResolver, keep: boolean): Handle {
    let done!: (o: Outcome) => void;
    const outcome = new Promise<Outcome>((r) => (done = r));
    const job: Job = { id: this.nextId++, req, resolve, keep, done, cancelled: false };
    if (this.disposed) done({ ok: false, cancelled: true });
    else {
      this.queue.push(job);
      this.pump();
    }
    return { outcome, cancel: () => this.cancel(job) };
  }

  /** Drops the worker's caches for a document. */
  /**
   * Starts the worker now, so its thread and bundle are ready before the first analysis: an editor opens the first
   * memo right after initialize, and a worker started then would hold back its first diagnostics. Never throws; a
   * worker that cannot start is reported by the first analysis that needs it.
   */
  warm(): void {
    if (this.disposed) return;
    try {
      this.ensure();
    } catch {
      // run() reports it.
    }
  }

  forget(uri: string): void {
    this.send({ type: 'forget', uri });
  }

  dispose(): void {
    this.disposed = true;
    for (const j of this.queue.splice(0)) j.done({ ok: false, cancelled: true });
    if (this.running) this.finish(this.running, { ok: false, cancelled: true });
    this.stop();
  }

  private cancel(job: Job): void {
    if (job.cancelled) return;
    job.cancelled = true;
    const i = this.queue.indexOf(job);
    if (i >= 0) {
      this.queue.splice(i, 1);
      job.done({ ok: false, cancelled: true });
      return;
    }
    if (this.running !== job || job.started === undefined) return;
    const ranMs = Date.now() - job.started;
    if (ranMs >= STALE_KILL_MS) this.restart(job);
    else job.killTimer = setTimeout(() => this.running === job && this.restart(job), STALE_KILL_MS - ranMs);
  }

  /** Stops a stale analysis: the job is reported cancelled and the queue carries on in a new worker. */
  private restart(job: Job): void {
    this.log(
      `presence: stopped a stale analysis of ${job.req.uri} after ${Date.now() - (job.started ?? Date.now())} ms; restarting the analysis worker`,
    );
    this.stop();
    this.finish(job, { ok: false, cancelled: true });
  }

  private pump(): void {
    if (this.running || this.disposed) return;
    const job = this.queue.shift();
    if (!job) return;
    this.running = job;
    job.started = Date.now();
    try {
      this.send({ type: 'analyze', job: job.id, req: job.req, keep: job.keep });
    } catch (e) {
      // The worker could not be started (or the message not sent): this job fails, the next one tries again.
      this.log(`presence: could not start the analysis worker: ${errorText(e)}`);
      this.stop();
      this.finish(job, { ok: false, cancelled: false, why: 'the analysis could not be started' });
    }
  }

  private finish(job: Job, o: Outcome): void {
    if (this.running !== job) return;
    clearTimeout(job.killTimer);
    this.running = undefined;
    job.done(job.cancelled ? { ok: false, cancelled: true } : o); // nobody wants a stale result, nor its failure
    this.pump();
  }

  private send(m: ToWorker): void {
    if (m.type === 'forget' && !this.live) return; // a new worker has no caches to drop
    this.ensure().worker.postMessage(m);
  }

  private ensure(): Spawned {
    if (this.live) return this.live;
    const live: Spawned = adoptWorker(this.file) ?? spawnWorker(this.file);
    const { worker } = live;
    worker.stdout.setEncoding('utf8');
    worker.stdout.on('data', (chunk: string) => this.log(`presence: analysis worker: ${chunk.trimEnd()}`));
    worker.on('message', (m: FromWorker) => this.onMessage(live, m));
    let failure = 'the analysis stopped unexpectedly';
    worker.on('error', (e: Error & { code?: string }) => {
      failure =
        e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'checking it ran out of memory' : `the analysis stopped unexpectedly (${e.message})`;
      this.log(`presence: the analysis worker failed: ${e.stack ?? e.message}`);
    });
    worker.on('exit', (code) => {
      if (this.live !== live) return; // stopped on purpose
      this.live = undefined;
      live.answers.close();
      const job = this.running;
      this.log(
        `presence: the analysis worker exited (code ${code})${job ? ` while checking ${job.req.uri}` : ''}; a new one starts with the next analysis`,
      );
      if (job) this.finish(job, { ok: false, cancelled: false, why: failure });
      else this.pump();
    });
    this.live = live;
    return live;
  }

  private stop(): void {
    const live = this.live;
    if (!live) return;
    this.live = undefined;
    live.answers.close();
    void live.worker.terminate();
  }

  private onMessage(live: Spawned, m: FromWorker): void {
    if (this.live !== live) return;
    const job = this.running;
    if (m.type === 'resolve') {
      let source: RubricAnswer['source'];
      try {
        source = job?.id === m.job ? job.resolve(m.ref, m.from) : undefined;
      } catch (e) {
        this.log(`presence: resolving rubric "${m.ref}" failed: ${String(e)}`);
      }
      const answer: RubricAnswer = { seq: m.seq, source };
      live.answers.postMessage(answer);
      Atomics.store(live.signal, 0, m.seq);
      Atomics.notify(live.signal, 0);
      return;
    }
    if (!job || job.id !== m.job) return;
    this.finish(
      job,
      m.type === 'result'
        ? { ok: true, result: m.result }
        : { ok: false, cancelled: false, why: `the analysis failed (${m.message.split('\n')[0]})` },
    );
    if (m.type === 'failed') this.log(`presence: analysis of ${job.req.uri} failed: ${m.message}`);
  }
}
