// The server's part of "first squiggle after opening a memo": a cold `node dist/server.js --stdio` through
// initialize, then didOpen of a memo until its first publishDiagnostics. Each run is a fresh process, as when an
// editor starts the server. A bare `node -e 0` is timed beside it: the part no server code can remove.
//   node --import tsx bench/startup.ts [runs]     (after npm run build)
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { LspClient } from '../test/lsp/lspClient.js';
import { ROOT, stats, type Stats } from './common.js';

export type StartupResult =
  | { runs: number; words: number; nodeBaseline: Stats; toInitialized: Stats; openToDiagnostics: Stats; total: Stats; how: string }
  | { na: string };

export async function serverStartup(text: string, runs: number): Promise<StartupResult> {
  try {
    const baseline: number[] = [];
    const init: number[] = [];
    const open: number[] = [];
    const total: number[] = [];
    for (let i = 0; i < runs; i++) {
      const b0 = performance.now();
      spawnSync(process.execPath, ['-e', '0']);
      baseline.push(performance.now() - b0);
      const t0 = performance.now();
      const client = await LspClient.start();
      const t1 = performance.now();
      try {
        const uri = await client.open('first.md', text);
        await client.waitForDiagnostics(uri, 1, 30_000);
      } finally {
        client.dispose();
      }
      const t2 = performance.now();
      init.push(t1 - t0);
      open.push(t2 - t1);
      total.push(t2 - t0);
    }
    return {
      runs,
      words: text.split(/\s+/).filter(Boolean).length,
      nodeBaseline: stats(baseline),
      toInitialized: stats(init),
      openToDiagnostics: stats(open),
      total: stats(total),
      how: 'fresh dist/server.js per run over stdio (test/lsp/lspClient.ts): spawn → initialize result, then didOpen → first publishDiagnostics (default debounce)',
    };
  } catch (e) {
    return { na: `startup run failed: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}` };
  }
}

if (/startup\.ts$/.test(process.argv[1] ?? '')) {
  const text = readFileSync(join(ROOT, 'examples', 'weak-board-update.md'), 'utf8');
  void serverStartup(text, Number(process.argv[2] ?? 10)).then((r) => {
    if ('na' in r) console.log(r.na);
    else
      console.log(
        `server start → first diagnostics (${r.words}-word memo, ${r.runs} cold processes): median ${r.total.median} ms (to initialized ${r.toInitialized.median}, open → diagnostics ${r.openToDiagnostics.median}); bare node ${r.nodeBaseline.median} ms`,
      );
  });
}
