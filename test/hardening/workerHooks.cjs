// Preloaded into the server under test (NODE_OPTIONS=--require …) to make its analysis worker fail on demand, so a
// test can check the server survives a worker that runs out of memory. It runs in both threads:
// - main thread: the worker gets a small heap (64 MB), so running out of memory is quick and cheap;
// - worker thread: an analysis whose text contains PRESENCE-TEST-EXHAUST-MEMORY allocates until the heap is full;
//   one whose text contains PRESENCE-TEST-STUCK blocks the worker for a minute (asleep, so it costs no CPU);
//   one whose text contains PRESENCE-TEST-PRINT writes a line to the worker's stdout.
// Nothing in the server knows about this file.
'use strict';
const wt = require('node:worker_threads');
const OOM = 'PRESENCE-TEST-EXHAUST-MEMORY';
const STUCK = 'PRESENCE-TEST-STUCK';
const PRINT = 'PRESENCE-TEST-PRINT';

if (wt.isMainThread) {
  const Original = wt.Worker;
  wt.Worker = class extends Original {
    constructor(file, options = {}) {
      super(file, { ...options, resourceLimits: { ...options.resourceLimits, maxOldGenerationSizeMb: 64 } });
    }
  };
} else if (wt.parentPort) {
  const port = wt.parentPort;
  const on = port.on.bind(port);
  port.on = (event, listener) =>
    on(event, event !== 'message' ? listener : (m) => {
      const text = m && m.type === 'analyze' && typeof m.req?.text === 'string' ? m.req.text : '';
      if (text.includes(OOM)) {
        const hoard = [];
        for (;;) hoard.push(new Array(1e5).fill(hoard.length));
      }
      if (text.includes(PRINT)) console.log('Content-Length: 5\r\n\r\nhello from the worker');
      if (text.includes(STUCK)) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
      return listener(m);
    });
}
