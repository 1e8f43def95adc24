// One tool's in-process measurements, run in a child process of its own so every tool starts from a fresh heap:
//   node --import tsx bench/worker.ts <presence|write-good|alex|textlint|markdownlint|harper.js> <manifest.json> <out.json>
// Order: corpus, 1k, 10k, 100k, then the 1,000-file folder (so the big targets run on a warmed-up tool).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, TODAY, loadEngine, stats, type FolderResult, type TargetResult, type WorkerResult } from './common.js';
import { applyCharEdit, listMarkdown, typingEdits, type Manifest } from './generate.js';
import { PEER_NAMES, peer, type PeerName, type Tool } from './peers.js';

type Engine = typeof import('../server/src/presence.js');

function presenceTool(engine: Engine): Tool {
  return {
    name: 'presence',
    version: (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version,
    how: 'new Analyzer().analyze(text, undefined, { today }) per run (cold document), from the minified engine bundle',
    async setup() {},
    lint(text) {
      return new engine.Analyzer().analyze(text, undefined, { today: TODAY }).findings.length;
    },
  };
}

interface Plan {
  budgetMs: number;
  min: number;
  max: number;
  warm: number;
}
const PLANS: Record<string, Plan> = {
  corpus: { budgetMs: 3_000, min: 5, max: 40, warm: 2 },
  '1k': { budgetMs: 3_000, min: 10, max: 300, warm: 5 },
  '10k': { budgetMs: 5_000, min: 5, max: 200, warm: 3 },
  '100k': { budgetMs: 6_000, min: 3, max: 30, warm: 2 },
};
/** A tool whose single run takes longer than this is not measured at that size. */
const SKIP_MS = 60_000;
/** Past this, one run is the whole measurement (the tool is already warm from the smaller sizes). */
const SINGLE_MS = 15_000;
/** Past this, the warm-up run also counts as a measurement and 3 runs in all are taken. */
const LONG_MS = 5_000;
/** Past this, 3 runs are enough whatever the plan's minimum. */
const SLOW_MS = 1_000;
/** A peer's pass over the folder is stopped here and extrapolated. */
const FOLDER_CAP_MS = 60_000;

async function timeOnce(tool: Tool, docs: ReadonlyArray<[string, string]>): Promise<[number, number]> {
  let problems = 0;
  const t0 = performance.now();
  for (const [name, text] of docs) problems += await tool.lint(text, name);
  return [performance.now() - t0, problems];
}

async function measure(tool: Tool, docs: ReadonlyArray<[string, string]>, plan: Plan): Promise<TargetResult> {
  const [first, problems] = await timeOnce(tool, docs);
  if (first > SKIP_MS)
    return {
      warmups: 1,
      problems,
      skipped: `one run took ${(first / 1000).toFixed(1)} s (> ${SKIP_MS / 1000} s)`,
      firstRunMs: Math.round(first),
    };
  if (first > SINGLE_MS) return { stats: stats([first]), warmups: 0, problems };
  const times: number[] = [];
  let warmups = 0;
  if (first > LONG_MS) times.push(first);
  else for (warmups = 1; warmups < plan.warm; warmups++) await timeOnce(tool, docs);
  const min = first > SLOW_MS ? 3 : plan.min;
  const runs = Math.max(min, Math.min(plan.max, Math.floor(plan.budgetMs / Math.max(first, 0.01))));
  while (times.length < runs) times.push((await timeOnce(tool, docs))[0]);
  return { stats: stats(times), warmups, problems };
}

async function measureFolder(tool: Tool, files: ReadonlyArray<[string, string]>, runs: number, capMs: number): Promise<FolderResult> {
  const totals: number[] = [];
  let problems = 0;
  for (let r = 0; r < runs; r++) {
    problems = 0;
    const t0 = performance.now();
    for (let i = 0; i < files.length; i++) {
      problems += await tool.lint(files[i]![1], files[i]![0]);
      const el = performance.now() - t0;
      if (el > capMs && i + 1 < files.length) {
        return {
          runs: r,
          filesDone: i + 1,
          stoppedAfterMs: Math.round(el),
          extrapolatedMs: Math.round((el / (i + 1)) * files.length),
          problems,
          ...(totals.length ? { stats: stats(totals) } : {}),
        };
      }
    }
    totals.push(performance.now() - t0);
    if (totals[0]! > 20_000) break;
  }
  return { runs: totals.length, filesDone: files.length, stats: stats(totals), problems };
}

function incremental(engine: Engine, text: string): NonNullable<WorkerResult['incremental']> {
  const opts = { today: TODAY };
  const a = new engine.Analyzer();
  let cur = text;
  a.analyze(cur, undefined, opts);
  // Warm-up: 30 edits elsewhere in the document, then the 200 measured ones continue from that text.
  for (const e of typingEdits(cur, 30, 7)) {
    cur = applyCharEdit(cur, e);
    a.analyze(cur, undefined, opts);
  }
  const times: number[] = [];
  for (const e of typingEdits(cur, 200, 8)) {
    cur = applyCharEdit(cur, e);
    const t0 = performance.now();
    a.analyze(cur, undefined, opts);
    times.push(performance.now() - t0);
  }
  const cold: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t0 = performance.now();
    new engine.Analyzer().analyze(cur, undefined, opts);
    cold.push(performance.now() - t0);
  }
  return { doc: '10k', edits: times.length, stats: stats(times), coldMedianMs: stats(cold).median };
}

async function main(): Promise<void> {
  const [toolName, manifestPath, outPath] = process.argv.slice(2);
  if (!toolName || !manifestPath || !outPath) throw new Error('usage: worker.ts <tool> <manifest> <out>');
  const wall0 = performance.now();
  const m = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  const read = (p: string): [string, string] => [p, readFileSync(p, 'utf8')];
  const corpus = listMarkdown(m.corpus.path).map(read);
  const sizes = m.sizes.map((s) => [s.label, [read(s.path)]] as const);
  const folder = listMarkdown(m.folder.path).map(read);

  const isPresence = toolName === 'presence';
  const engine = isPresence ? loadEngine() : undefined;
  if (!isPresence && !(PEER_NAMES as readonly string[]).includes(toolName)) throw new Error(`unknown tool ${toolName}`);
  const tool = engine ? presenceTool(engine) : peer(toolName as PeerName);
  const s0 = performance.now();
  await tool.setup();
  const setupMs = Math.round(performance.now() - s0);

  const targets: Record<string, TargetResult> = {};
  if (corpus.length) targets.corpus = await measure(tool, corpus, PLANS.corpus!);
  for (const [label, docs] of sizes) targets[label] = await measure(tool, docs, PLANS[label]!);
  const folderResult = await measureFolder(tool, folder, isPresence ? 3 : 1, isPresence ? 10 * FOLDER_CAP_MS : FOLDER_CAP_MS);
  const result: WorkerResult = {
    tool: tool.name,
    version: tool.version,
    how: tool.how,
    setupMs,
    targets,
    folder: folderResult,
    wallMs: 0,
  };
  if (engine) {
    const ten = sizes.find(([l]) => l === '10k');
    if (ten) result.incremental = incremental(engine, ten[1][0]![1]);
  }
  result.rssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  result.wallMs = Math.round(performance.now() - wall0);
  writeFileSync(outPath, JSON.stringify(result, null, 2));
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
