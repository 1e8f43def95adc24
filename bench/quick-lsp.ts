// Inner loop for server latency: keystroke → publishDiagnostics over stdio on the 10k memo (dist/server.js).
//   npm run build && node --import tsx bench/quick-lsp.ts [edits]
import { readFileSync } from 'node:fs';
import { CACHE } from './common.js';
import { ensureDocs } from './generate.js';
import { keystrokeLatency } from './lsp.js';

const m = ensureDocs(CACHE);
void keystrokeLatency(readFileSync(m.sizes.find((s) => s.label === '10k')!.path, 'utf8'), Number(process.argv[2] ?? 200)).then((r) => {
  console.log(
    'stats' in r
      ? `keystroke → diagnostics, 10k words: median ${r.stats.median} ms, p95 ${r.stats.p95} ms, min ${r.stats.min} ms (${r.edits} edits)`
      : r.na,
  );
});
