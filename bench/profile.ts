// Where Presence spends its time: CPU profiles (the same data as `node --cpu-prof`) of unminified bundles,
// summarised as self time per function. Profiles are kept in .bench-cache/ for Chrome DevTools.
//   node --import tsx bench/profile.ts 10k [runs]           cold analyses (also 1k, 100k, corpus)
//   node --import tsx bench/profile.ts incremental [edits]  one-character edits to the 10k memo, one Analyzer
//   node --import tsx bench/profile.ts keystroke [edits]    the language server itself (run with --cpu-prof)
//                                                           while the LSP harness types into the 10k memo
//   node --import tsx bench/profile.ts cli                  `node --cpu-prof` of the CLI on the 1,000-file folder
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Session, type Profiler } from 'node:inspector';
import { join } from 'node:path';
import { build, buildSync } from 'esbuild';
import { CACHE, ROOT, TODAY } from './common.js';
import { applyCharEdit, ensureDocs, listMarkdown, typingEdits } from './generate.js';

type Engine = typeof import('../server/src/presence.js');

function post<T>(s: Session, method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) => s.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res as T))));
}

/** Maps a bundle's line numbers to the source file esbuild marks with a `// path` comment above each module. */
const sourceMaps = new Map<string, Array<[number, string]>>();
function sourceOf(url: string, line: number): string {
  const file = url.replace(/^file:\/\//, '');
  if (!file.startsWith(CACHE)) return `${url.replace(/^.*\//, '')}:${line}`;
  let marks = sourceMaps.get(file);
  if (!marks) {
    marks = [];
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((l, i) => {
        const m = /^\/\/ ((?:server|node_modules)\/\S+)$/.exec(l);
        if (m) marks!.push([i + 1, m[1]!]);
      });
    sourceMaps.set(file, marks);
  }
  let src = '?';
  for (const [l, p] of marks) if (l <= line) src = p;
  return `${src} (bundle line ${line})`;
}

/** Prints the top functions by self time; `runs` divides totals into per-run figures. */
function summarise(profile: Profiler.Profile, runs: number, top = 25): void {
  const dt = (profile.endTime - profile.startTime) / 1000 / Math.max(1, profile.samples?.length ?? 1);
  const hits = new Map<number, number>();
  for (const id of profile.samples ?? []) hits.set(id, (hits.get(id) ?? 0) + 1);
  const byFn = new Map<string, number>();
  let total = 0;
  for (const n of profile.nodes) {
    const h = (hits.get(n.id) ?? 0) * dt;
    total += h;
    const f = n.callFrame;
    const key = `${f.functionName || '(anonymous)'}  ${f.url ? sourceOf(f.url, f.lineNumber + 1) : ''}`;
    byFn.set(key, (byFn.get(key) ?? 0) + h);
  }
  console.log(`self time by function (top ${top}):`);
  for (const [k, v] of [...byFn.entries()].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`  ${((100 * v) / total).toFixed(1).padStart(5)}%  ${(v / runs).toFixed(2).padStart(7)} ms/run  ${k}`);
}

const unminified = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  minify: false,
  keepNames: true,
  logLevel: 'warning',
  supported: { 'regexp-unicode-property-escapes': true },
} as const;

async function profileServer(edits: number): Promise<void> {
  // NODE_OPTIONS may not carry --cpu-prof, so the harness starts a wrapper that profiles the server in-process
  // (the inspector answers synchronously on the main thread, so the profile can be written on exit).
  const server = join(CACHE, 'server-profile.js');
  // The entry points load their bundles from beside themselves (serverMain.js, and the analysis worker's, without
  // which every analysis fails over to the main thread), as in dist/.
  await build({ ...unminified, entryPoints: [join(ROOT, 'server/src/server.ts')], outfile: server });
  await build({ ...unminified, entryPoints: [join(ROOT, 'server/src/serverMain.ts')], outfile: join(CACHE, 'serverMain.js') });
  await build({ ...unminified, entryPoints: [join(ROOT, 'server/src/analysisWorkerEntry.ts')], outfile: join(CACHE, 'analysisWorker.js') });
  await build({ ...unminified, entryPoints: [join(ROOT, 'server/src/analysisWorker.ts')], outfile: join(CACHE, 'analysisWorkerMain.js') });
  const out = join(CACHE, 'presence-keystroke-server.cpuprofile');
  rmSync(out, { force: true });
  const wrapper = join(CACHE, 'server-profile-wrapper.js');
  writeFileSync(
    wrapper,
    `const { Session } = require('node:inspector');
const s = new Session();
s.connect();
s.post('Profiler.enable');
s.post('Profiler.setSamplingInterval', { interval: 100 });
s.post('Profiler.start');
process.on('exit', () => s.post('Profiler.stop', (err, r) => { if (!err) require('node:fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify(r.profile)); }));
require(${JSON.stringify(server)});
`,
  );
  process.env.PRESENCE_SERVER = wrapper; // read by the harness when it loads
  const { LspClient } = await import('../test/lsp/lspClient.js');
  const m = ensureDocs(CACHE);
  const client = await LspClient.start({ settings: { debounceMs: 0 } });
  const uri = await client.open('memo-10k.md', readFileSync(m.sizes.find((s) => s.label === '10k')!.path, 'utf8'));
  await client.waitForDiagnostics(uri, 1, 60_000);
  const t0 = performance.now();
  for (const e of typingEdits(client.text(uri), edits, 8))
    await client.waitForDiagnostics(uri, client.replace(uri, e.start, e.end, e.text), 30_000);
  const ms = performance.now() - t0;
  await client.shutdown();
  console.log(
    `keystroke: ${edits} edits in ${ms.toFixed(0)} ms (${(ms / edits).toFixed(1)} ms each; the profile also holds startup and the first analysis); profile in ${out.replace(ROOT + '/', '')}`,
  );
  summarise(JSON.parse(readFileSync(out, 'utf8')) as Profiler.Profile, edits);
}

function profileCli(): void {
  const m = ensureDocs(CACHE);
  const dir = join(CACHE, 'cli-prof');
  rmSync(dir, { recursive: true, force: true });
  const cli = join(CACHE, 'cli-profile.js');
  buildSync({ ...unminified, entryPoints: [join(ROOT, 'server/src/cli.ts')], outfile: cli });
  const t0 = performance.now();
  const r = spawnSync(
    process.execPath,
    ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval=200', cli, m.folder.path, '--format', 'json', '--today', TODAY],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const ms = performance.now() - t0;
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error(`the CLI wrote no profile (exit ${r.status})`);
  console.log(`cli: ${m.folder.files} files in ${ms.toFixed(0)} ms (profiler on); profile in ${join(dir, file).replace(ROOT + '/', '')}`);
  summarise(JSON.parse(readFileSync(join(dir, file), 'utf8')) as Profiler.Profile, 1, 30);
}

async function main(): Promise<void> {
  const target = process.argv[2] ?? '10k';
  const runs = Number(process.argv[3] ?? (target === 'incremental' || target === 'keystroke' ? 200 : 20));
  if (target === 'keystroke') return profileServer(runs);
  if (target === 'cli') return profileCli();
  const m = ensureDocs(CACHE);
  const bundle = join(CACHE, 'engine-profile.cjs');
  await build({ ...unminified, entryPoints: [join(ROOT, 'server/src/presence.ts')], outfile: bundle });
  const engine = createRequire(join(ROOT, 'package.json'))(bundle) as Engine;
  const label = target === 'incremental' ? '10k' : target;
  const texts =
    target === 'corpus'
      ? listMarkdown(m.corpus.path).map((p) => readFileSync(p, 'utf8'))
      : [readFileSync(m.sizes.find((s) => s.label === label)!.path, 'utf8')];
  let once = (): void => {
    for (const t of texts) new engine.Analyzer().analyze(t, undefined, { today: TODAY });
  };
  if (target === 'incremental') {
    const a = new engine.Analyzer();
    let cur = texts[0]!;
    const edits = typingEdits(cur, runs + 3, 8);
    let i = 0;
    a.analyze(cur, undefined, { today: TODAY });
    once = () => {
      cur = applyCharEdit(cur, edits[i++]!);
      a.analyze(cur, undefined, { today: TODAY });
    };
  }
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
  const out = join(CACHE, `presence-${target}.cpuprofile`);
  writeFileSync(out, JSON.stringify(profile));
  console.log(
    `${target}: ${runs} ${target === 'incremental' ? 'edits re-analysed' : 'cold analyses'} in ${ms.toFixed(0)} ms (${(ms / runs).toFixed(1)} ms each, profiler on); profile in ${out.replace(ROOT + '/', '')}`,
  );
  summarise(profile, runs);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
