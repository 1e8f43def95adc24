// Messages between the language server's main thread and its analysis worker (server/src/analysisWorker.ts).
// Rubric files are read on the main thread: the engine asks for them mid-analysis, synchronously, so the worker
// posts a `resolve` question and sleeps on a shared counter until the main thread has posted the answer on `answers`.
import type { MessagePort } from 'node:worker_threads';
import type { AnalysisResult, RubricSource } from '../presence.js';
import type { AnalysisRequest } from './analysis.js';

export interface WorkerData {
  /** The worker's end of the channel rubric answers come back on. */
  answers: MessagePort;
  /** One Int32: the sequence number of the latest answer posted (the worker waits on it with Atomics.wait). */
  signal: SharedArrayBuffer;
}

export type ToWorker =
  /** `keep`: the document's Analyzer is kept for the next version (its caches make re-analysis incremental). */
  | { type: 'analyze'; job: number; req: AnalysisRequest; keep: boolean }
  /** The document was closed, or its cache is no longer wanted. */
  | { type: 'forget'; uri: string };

export type FromWorker =
  | { type: 'result'; job: number; result: AnalysisResult }
  | { type: 'failed'; job: number; message: string }
  | { type: 'resolve'; job: number; seq: number; ref: string; from?: string };

export interface RubricAnswer {
  seq: number;
  source: RubricSource | undefined;
}
