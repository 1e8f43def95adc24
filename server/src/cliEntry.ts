// The CLI's entry point (dist/cli.js): loads the CLI itself (dist/cliMain.js) through V8's code cache, which a cold
// process would otherwise spend compiling (io/codeCache.ts). Small, so node parses it in no time.
import * as path from 'node:path';
import { runCached } from './io/codeCache.js';

runCached(path.join(__dirname, 'cliMain.js'), 'exit');
