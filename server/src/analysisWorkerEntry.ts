// The analysis worker's entry point (dist/analysisWorker.js): loads the worker itself (dist/analysisWorkerMain.js)
// through V8's code cache (io/codeCache.ts).
import * as path from 'node:path';
import { runCached } from './io/codeCache.js';

runCached(path.join(__dirname, 'analysisWorkerMain.js'), 'later');
