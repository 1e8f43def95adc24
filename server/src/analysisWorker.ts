// The analysis worker: runs the synchronous engine off the main thread, so a slow document never holds up requests
// and edits for the others. It keeps one Analyzer per open document (the per-block caches make re-analysis of the
// next version incremental); the main thread keeps the documents, settings and results.
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { Analyzer, type RubricSource } from './presence.js';
import { errorText } from './lsp/errorText.js';
import { runAnalysis } from './lsp/analysis.js';
import type { FromWorker, RubricAnswer, ToWorker, WorkerData } from './lsp/workerProtocol.js';

// A main thread that does not answer within this long is busy beyond reason: the analysis fails (rather than report
// a rubric as missing when it was only slow to come).
const ANSWER_WAIT_MS = 10_000;

const port = parentPort;
if (!port) throw new Error('analysisWorker.js runs as a worker thread of the language server');
const { answers, signal } = workerData as WorkerData;
const answered = new Int32Array(signal);
const analyzers = new Map<string, Analyzer>();
let seq = 0;

const post = (m: FromWorker) => port.postMessage(m);

function ask(job: number, ref: string, from: string | undefined): RubricSource | undefined {
  const mine = ++seq;
  post({ type: 'resolve', job, seq: mine, ref, ...(from !== undefined ? { from } : {}) });
  const deadline = Date.now() + ANSWER_WAIT_MS;
  for (;;) {
    // Older answers (to questions that timed out) are dropped here.
    for (let m = receiveMessageOnPort(answers); m; m = receiveMessageOnPort(answers)) {
      const a = m.message as RubricAnswer;
      if (a.seq === mine) return a.source;
    }
    const left = deadline - Date.now();
    if (left <= 0) throw new Error(`no answer about rubric "${ref}" within ${ANSWER_WAIT_MS / 1000} s`);
    const seen = Atomics.load(answered, 0);
    if (seen < mine) Atomics.wait(answered, 0, seen, left);
  }
}

function onMessage(m: ToWorker): void {
  if (m.type === 'forget') {
    analyzers.delete(m.uri);
    return;
  }
  const { job, req } = m;
  let analyzer = m.keep ? analyzers.get(req.uri) : undefined;
  if (!analyzer) {
    analyzer = new Analyzer();
    if (m.keep) analyzers.set(req.uri, analyzer);
  }
  // The engine may ask for the same rubric twice in one analysis (cache check, then load).
  const memo = new Map<string, RubricSource | undefined>();
  const resolve = (ref: string, from?: string): RubricSource | undefined => {
    const key = `${from ?? ''}\u0000${ref}`;
    if (!memo.has(key)) memo.set(key, ask(job, ref, from));
    return memo.get(key);
  };
  try {
    post({ type: 'result', job, result: runAnalysis(analyzer, req, resolve) });
  } catch (e) {
    analyzers.delete(req.uri); // its caches may be half-updated
    post({ type: 'failed', job, message: errorText(e) });
  }
}

port.on('message', onMessage);

// Warm up before the first document arrives: the first analysis in a fresh thread compiles the engine and builds the
// default rubric's word lists (most of a cold first squiggle). An editor opens its memo only after the initialize
// handshake, which this overlaps. When a document is already waiting (it came while this thread loaded), it goes
// first and is the warm-up: warming up on our text then would only delay it. The text is ours, fixed, and never
// reported.
const WARM_UP = [
  '# Q3 update',
  '',
  'I think we should probably move the launch to March, which protects $2.4M of renewals against the plan.',
  '',
  '## Results',
  '',
  'Revenue grew significantly and we held several meetings. Unfortunately the pilot slipped by three weeks!',
  '',
  '- Hire two engineers by May 1; owner: Dana.',
  '',
].join('\n');
setImmediate(() => {
  const waiting = receiveMessageOnPort(port);
  // Handed to the port's listeners, as any message is (not to onMessage directly: whoever listens sees them all).
  if (waiting) return void port.emit('message', waiting.message);
  try {
    new Analyzer().analyze(WARM_UP, undefined, { today: '2026-01-01' });
  } catch {
    // A failure here will show, with its message, on the first real analysis.
  }
});
