// Starting the analysis worker's thread. The server starts one before it loads the rest of itself (server.ts), so
// the worker's thread boots and loads the engine while the main thread loads the protocol code: on two cores the
// two loads overlap instead of following each other (about 100 ms of the first diagnostics).
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import type { WorkerData } from './workerProtocol.js';

/** The worker's heap limit: a document that needs more fails alone, and the server carries on. */
const WORKER_HEAP_MB = 2048;

export interface Spawned {
  worker: Worker;
  /** The main thread's end of the channel rubric answers go through. */
  answers: MessagePort;
  /** Where the main thread signals a rubric answer to the waiting worker. */
  signal: Int32Array;
}

export function spawnWorker(file: string): Spawned {
  const { port1, port2 } = new MessageChannel();
  const shared = new SharedArrayBuffer(4);
  const data: WorkerData = { answers: port2, signal: shared };
  // stdout: true keeps anything the worker prints off the process's stdout, which may be the LSP channel.
  const worker = new Worker(file, {
    workerData: data,
    transferList: [port2],
    stdout: true,
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
  });
  worker.unref(); // the server exits when its connection ends, whatever the worker is doing
  return { worker, answers: port1, signal: new Int32Array(shared) };
}

interface Early {
  file: string;
  spawned: Spawned;
  ended: boolean;
}
// The entry point (dist/server.js) and the server it then loads (dist/serverMain.js) are separate bundles, each with
// its own copy of this module: the prestarted worker is handed over through one process-wide slot.
const SLOT = Symbol.for('presence.prestartedWorker');
const slots = globalThis as unknown as Record<symbol, Early | undefined>;

/** Starts the worker for `file` ahead of need; the first AnalysisWorker of that file adopts it. Never throws. */
export function prestartWorker(file: string): void {
  try {
    const spawned = spawnWorker(file);
    const slot: Early = { file, spawned, ended: false };
    // Until it is adopted nobody else listens: an error must not become an uncaught exception, and a worker that
    // ended meanwhile is not adopted (the adopter starts its own, and reports what goes wrong then).
    spawned.worker.once('error', () => (slot.ended = true));
    spawned.worker.once('exit', () => (slot.ended = true));
    slots[SLOT] = slot;
  } catch {
    slots[SLOT] = undefined;
  }
}

/** The prestarted worker for `file`, if it is still running; each is handed out once. */
export function adoptWorker(file: string): Spawned | undefined {
  const slot = slots[SLOT];
  slots[SLOT] = undefined;
  if (!slot || slot.file !== file) {
    if (slot) void slot.spawned.worker.terminate();
    return undefined;
  }
  if (slot.ended) return undefined;
  return slot.spawned;
}
