// Presence language server, the entry point. It starts the analysis worker's thread first and only then loads the
// server itself (serverMain.ts, its own bundle dist/serverMain.js), so the worker boots while the protocol code
// loads. This file stays small: node parses all of it before its first line runs. The server is loaded through V8's
// code cache (io/codeCache.ts), as the worker loads the engine.
import * as path from 'node:path';
import { runCached } from './io/codeCache.js';
import { prestartWorker } from './lsp/workerSpawn.js';

prestartWorker(path.join(__dirname, 'analysisWorker.js'));
runCached(path.join(__dirname, 'serverMain.js'), 'later');
