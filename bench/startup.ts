// The server's part of "first squiggle after opening a memo": a cold `node dist/server.js --stdio` through
// initialize, then didOpen of a memo until its first publishDiagnostics. Each run is a fresh process, as when an
// editor starts the server. A bare `node -e 0` is timed beside it: the part no server code can remove.
// Two launches: the usual one, with the compiled code the server saved last time (io/codeCache.ts; a warm-up
// process that lives long enough to save it comes first), and the first after an install or upgrade, with an empty
// cache folder for each process.
//   node --import tsx bench/startup.ts [runs]     (after npm run build)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { LspClient } from '../test/lsp/lspClient.js';
import { ROOT, stats, type Stats } from './common.js';

export interface StartupRuns {
  toInitialized: Stats;
  openToDiagnostics: Stats;
  total: Stats;
}

export type StartupResult =
  | ({ runs: number; words: number; nodeBaseline: Stats; how: string; firstLaunch: StartupRuns } & StartupRuns)
  | { na: string };

/** Longer than the server's and the worker's wait before they save their compiled code (io/codeCache.ts). */
const SAVE_WAIT_MS = 5000;

async function launch(text: string, cacheDir: string, linger = 0): Promise<[number, number]> {
  const t0 = performance.now();
  const client = await LspClient.start({ env: { PRESENCE_CODE_CACHE: cacheDir } });
  const t1 = performance.now();
  try {
    const uri = await client.open('first.md', text);
    await client.waitForDiagnostics(uri, 1, 30_000);
    const t2 = performance.now();
    if (linger) await sleep(linger);
    return [t1 - t0, t2 - t1];
  } finally {
    client.dispose();
  }
}

function summary(times: [number, number][]): StartupRuns {
  return {
    toInitialized: stats(times.map((t) => t[0])),
    openToDiagnostics: stats(times.map((t) => t[1])),
    total: stats(times.map((t) => t[0] + t[1])),
  };
}

export async function serverStartup(text: string, runs: number): Promise<StartupResult> {
  const cache = mkdtempSync(join(tmpdir(), 'presence-bench-cache-'));
  try {
    const baseline: number[] = [];
    const usual: [number, number][] = [];
    const first: [number, number][] = [];
    await launch(text, cache, SAVE_WAIT_MS);
    for (let i = 0; i < runs; i++) {
      const b0 = performance.now();
      spawnSync(process.execPath, ['-e', '0']);
      baseline.push(performance.now() - b0);
      usual.push(await launch(text, cache));
      const empty = mkdtempSync(join(tmpdir(), 'presence-bench-nocache-'));
      try {
        first.push(await launch(text, empty));
      } finally {
        rmSync(empty, { recursive: true, force: true });
      }
    }
    return {
      runs,
      words: text.split(/\s+/).filter(Boolean).length,
      nodeBaseline: stats(baseline),
      ...summary(usual),
      firstLaunch: summary(first),
      how: 'fresh dist/server.js per run over stdio (test/lsp/lspClient.ts): spawn → initialize result, then didOpen → first publishDiagnostics (default debounce); with the code cache a warm-up process saved, and (firstLaunch) with an empty one',
    };
  } catch (e) {
    return { na: `startup run failed: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}` };
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
}

if (/startup\.ts$/.test(process.argv[1] ?? '')) {
  const text = readFileSync(join(ROOT, 'examples', 'weak-board-update.md'), 'utf8');
  void serverStartup(text, Number(process.argv[2] ?? 10)).then((r) => {
    if ('na' in r) console.log(r.na);
    else
      console.log(
        `server start → first diagnostics (${r.words}-word memo, ${r.runs} cold processes): median ${r.total.median} ms (to initialized ${r.toInitialized.median}, open → diagnostics ${r.openToDiagnostics.median}); first launch, no code cache ${r.firstLaunch.total.median} ms; bare node ${r.nodeBaseline.median} ms`,
      );
  });
}
