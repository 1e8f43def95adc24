// A quick, low-noise A/B loop for engine work: CPU-time medians of cold analyses (1k, 10k, 100k words) and of
// one-character edits re-analysed by one Analyzer, on the benchmark's own documents. `npm run bench` is the
// report; this is the inner loop.   node --import tsx bench/quick.ts [runs]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { CACHE, ENGINE_BUILD, ROOT, TODAY, loadEngine, stats } from './common.js';
import { applyCharEdit, ensureDocs, typingEdits } from './generate.js';

const m = ensureDocs(CACHE);
const bundle = join(CACHE, 'engine-quick.cjs');
buildSync({ ...ENGINE_BUILD, entryPoints: [join(ROOT, 'server/src/presence.ts')], outfile: bundle });
const engine = loadEngine(bundle);
const runs = Number(process.argv[2] ?? 30);

function cpuMs(f: () => void): number {
  const c0 = process.cpuUsage();
  f();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

for (const label of ['1k', '10k', '100k']) {
  const text = readFileSync(m.sizes.find((s) => s.label === label)!.path, 'utf8');
  const n = label === '100k' ? Math.max(5, Math.round(runs / 3)) : runs;
  const once = (): void => void new engine.Analyzer().analyze(text, undefined, { today: TODAY });
  for (let i = 0; i < 5; i++) once();
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    cpu.push(cpuMs(once));
    wall.push(performance.now() - t0);
  }
  const s = stats(wall);
  console.log(`${label.padEnd(5)} cold: wall median ${s.median} ms p95 ${s.p95} min ${s.min} · cpu median ${stats(cpu).median} ms`);
}
const text10k = readFileSync(m.sizes.find((s) => s.label === '10k')!.path, 'utf8');
const a = new engine.Analyzer();
let cur = text10k;
a.analyze(cur, undefined, { today: TODAY });
const edits = typingEdits(cur, 200, 8);
const wall: number[] = [];
for (const e of edits) {
  cur = applyCharEdit(cur, e);
  const t0 = performance.now();
  a.analyze(cur, undefined, { today: TODAY });
  wall.push(performance.now() - t0);
}
const s = stats(wall);
console.log(`10k   edit: wall median ${s.median} ms p95 ${s.p95} min ${s.min}`);
