// Where Presence spends its time: CPU-profiles cold analyses of a benchmark document with an unminified engine
// bundle and prints self time per function (the same data as `node --cpu-prof`, summarised).
//   node --import tsx bench/profile.ts [1k|10k|100k|corpus] [runs]
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Session, type Profiler } from 'node:inspector';
import { join } from 'node:path';
import { build } from 'esbuild';
import { CACHE, ROOT, TODAY } from './common.js';
import { ensureDocs, listMarkdown } from './generate.js';

type Engine = typeof import('../server/src/engine/index.js');

function post<T>(s: Session, method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) => s.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res as T))));
}

async function main(): Promise<void> {
  const target = process.argv[2] ?? '10k';
  const runs = Number(process.argv[3] ?? 20);
  const m = ensureDocs(CACHE);
  const bundle = join(CACHE, 'engine-profile.cjs');
  await build({ entryPoints: [join(ROOT, 'server/src/engine/index.ts')], outfile: bundle, bundle: true, platform: 'node', target: 'node18', format: 'cjs', minify: false, keepNames: true, logLevel: 'warning' });
  const engine = createRequire(join(ROOT, 'package.json'))(bundle) as Engine;
  const texts = target === 'corpus' ? listMarkdown(m.corpus.path).map((p) => readFileSync(p, 'utf8')) : [readFileSync(m.sizes.find((s) => s.label === target)!.path, 'utf8')];
  const once = (): void => {
    for (const t of texts) new engine.Analyzer().analyze(t, undefined, { today: TODAY });
  };
  for (let i = 0; i < 3; i++) once();
  const s = new Session();
  s.connect();
  await post(s, 'Profiler.enable');
  await post(s, 'Profiler.setSamplingInterval', { interval: 100 });
  await post(s, 'Profiler.start');
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) once();
  const ms = performance.now() - t0;
  const { profile } = await post<{ profile: Profiler.Profile }>(s, 'Profiler.stop');
  writeFileSync(join(CACHE, `presence-${target}.cpuprofile`), JSON.stringify(profile));

  // Self time per node = samples hitting it × the sampling interval.
  const dt = (profile.endTime - profile.startTime) / 1000 / Math.max(1, profile.samples?.length ?? 1);
  const hits = new Map<number, number>();
  for (const id of profile.samples ?? []) hits.set(id, (hits.get(id) ?? 0) + 1);
  const byFn = new Map<string, number>();
  let total = 0;
  for (const n of profile.nodes) {
    const h = (hits.get(n.id) ?? 0) * dt;
    total += h;
    const f = n.callFrame;
    const key = `${f.functionName || '(anonymous)'}  ${f.url.replace(/^.*\//, '')}:${f.lineNumber + 1}`;
    byFn.set(key, (byFn.get(key) ?? 0) + h);
  }
  console.log(`${target}: ${runs} cold analyses in ${ms.toFixed(0)} ms (${(ms / runs).toFixed(1)} ms each); profile in .bench-cache/presence-${target}.cpuprofile`);
  console.log('self time by function (top 25):');
  for (const [k, v] of [...byFn.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${((100 * v) / total).toFixed(1).padStart(5)}%  ${(v / runs).toFixed(2).padStart(7)} ms/run  ${k}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
