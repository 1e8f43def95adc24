// Loading a bundle through V8's code cache. A cold process spends a large share of its start compiling the bundle
// and then, function by function, what it first runs (on the CLI's 10k-word memo, ~50 ms of ~300). V8 can save
// the compiled code of a script after it has run and take it back next time, which skips both. The entry points
// (dist/cli.js, dist/server.js, dist/analysisWorker.js) are small files that load the real bundle through here.
//
// The cache is the user's own: one file per bundle under the user's cache folder, never a shared temporary
// folder, since compiled code read back is code run. It is keyed by a hash of the bundle's text and the Node
// version, because V8 checks only the source's length before trusting a cache. Anything that goes wrong (no
// cache folder, a cache V8 rejects, a failed write) falls back to compiling, which is what happens without it.
// PRESENCE_CODE_CACHE=off turns it off; PRESENCE_CODE_CACHE=<folder> puts it elsewhere.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { homedir } from 'node:os';
import * as path from 'node:path';
import { Script } from 'node:vm';

/** How long a long-running thread (the server, its worker) runs before its compiled code is saved. */
const SAVE_AFTER_MS = 4000;

/** What happened to the cache for one load: read and accepted, or written this time for the next. */
export type CacheUse = 'off' | 'used' | 'rejected' | 'written' | 'unwritable';

/** The folder the caches go in, or undefined when it is off. */
export function cacheFolder(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const asked = env.PRESENCE_CODE_CACHE;
  if (asked === 'off' || asked === '0') return undefined;
  if (asked) return path.resolve(asked);
  const base =
    process.platform === 'win32'
      ? (env.LOCALAPPDATA ?? path.join(homedir(), 'AppData', 'Local'))
      : process.platform === 'darwin'
        ? path.join(homedir(), 'Library', 'Caches')
        : (env.XDG_CACHE_HOME ?? path.join(homedir(), '.cache'));
  return path.join(base, 'presence', 'code-cache');
}

/**
 * Runs the CommonJS bundle `file` as `require` would and returns its exports. `saveAt` says when the compiled code
 * is worth saving: at 'exit' for a run that ends (the CLI), or after SAVE_AFTER_MS for a thread that lives on.
 * `onCache` hears what happened to the cache (tests).
 */
export function runCached(file: string, saveAt: 'exit' | 'later', onCache?: (use: CacheUse) => void): unknown {
  let source = readFileSync(file, 'utf8');
  // A shebang is not JavaScript inside the function wrapper; blanking it keeps the line numbers.
  if (source.startsWith('#!')) source = `//${source.slice(2)}`;
  const folder = cacheFolder();
  const name = path.basename(file, '.js');
  const key = folder ? createHash('sha256').update(process.version).update(process.arch).update(source).digest('hex').slice(0, 24) : '';
  const cacheFile = folder ? path.join(folder, `${name}-${key}.bin`) : '';
  let cachedData: Buffer | undefined;
  if (folder) {
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      // No cache yet: this run compiles, and saves one.
    }
  }
  const script = new Script(Module.wrap(source), { filename: file, cachedData });
  const used = cachedData !== undefined && !script.cachedDataRejected;
  if (!folder) onCache?.('off');
  else if (used) onCache?.('used');
  else {
    if (cachedData) onCache?.('rejected');
    const save = (): void => {
      const use = save1(script, folder, name, cacheFile);
      onCache?.(use);
    };
    if (saveAt === 'exit') process.once('exit', save);
    else setTimeout(save, SAVE_AFTER_MS).unref();
  }
  const mod = { exports: {} as unknown, filename: file, id: file, loaded: false };
  const run = script.runInThisContext() as (e: unknown, r: NodeJS.Require, m: unknown, f: string, d: string) => void;
  run.call(mod.exports, mod.exports, createRequire(file), mod, file, path.dirname(file));
  mod.loaded = true;
  return mod.exports;
}

/** Writes the script's compiled code to `cacheFile` (atomically: processes may race) and drops the bundle's older caches. */
function save1(script: Script, folder: string, name: string, cacheFile: string): CacheUse {
  try {
    const data = script.createCachedData();
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const temp = `${cacheFile}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    writeFileSync(temp, data, { mode: 0o600 });
    renameSync(temp, cacheFile);
    for (const f of readdirSync(folder)) {
      if (f.startsWith(`${name}-`) && f.endsWith('.bin') && path.join(folder, f) !== cacheFile)
        rmSync(path.join(folder, f), { force: true });
    }
    return 'written';
  } catch {
    return 'unwritable';
  }
}
