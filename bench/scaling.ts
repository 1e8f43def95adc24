// How analysis time and memory grow with the input, per shape of document (issue 8: no input may stall the
// engine). Each measurement is a fresh process, so its peak RSS is its own: the text is written to a file, the
// child reads it, loads the engine bundle, warms up on its first 64 KB and analyses it a few times. Sizes double from 64 KB to 4 MB; linear
// work takes about 2× per doubling (the target is ≤ 2.5×), and past the 200,000-word limit time should flatten.
//   node --import tsx bench/scaling.ts       the table alone (writes .bench-cache/scaling.json)
// `npm run bench` runs it too and saves it in bench/results.json.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { CACHE, ENGINE_BUILD, ENGINE_BUNDLE, ROOT, TODAY } from './common.js';
import { generateDoc } from './generate.js';

export const SCALING_SIZES = [64, 128, 256, 512, 1024, 2048, 4096].map((k) => k * 1024);
/** Time per doubling above this misses the target. */
export const MAX_DOUBLING_RATIO = 2.5;
/** A size whose median is over this is the last one measured for its shape (the rest would only take longer). */
const STOP_AFTER_MS = 8_000;
/**
 * So is a size over this that took more than 3× the size before, or the first size (64 KB) when it is over
 * this already: a super-linear shape, whose next size would take minutes.
 */
const SLOW_MS = 1_000;
/** A child that runs longer than this is stopped. */
const CHILD_TIMEOUT_MS = 30_000;

let memo = '';
/**
 * The first n characters of one generated memo (distinct text throughout, so no block comes from the cache;
 * each size is a prefix of the next).
 */
function memoText(n: number): string {
  if (memo.length < n) memo = generateDoc(7_001, Math.ceil(n / 5));
  return memo.slice(0, n);
}

export const SCALING_SHAPES: Record<string, { label: string; make: (n: number) => string }> = {
  memo: { label: 'normal memo', make: memoText },
  paragraph: { label: 'one paragraph (the memo without line breaks)', make: (n) => memoText(n).replace(/\s*\n\s*/g, ' ') },
  unterminated: {
    label: 'one sentence, no terminators',
    make: (n) =>
      memoText(n)
        .replace(/\s*\n\s*/g, ' ')
        .replace(/[.!?]/g, ''),
  },
  punctuation: {
    label: 'runs of ".", "!" and "?" with no space after',
    make: (n) => {
      const third = Math.floor((n - 20) / 3);
      return `We ship${'.'.repeat(third)}x${'!'.repeat(third)}y${'?'.repeat(third)}z done.`;
    },
  },
  frontMatter: {
    label: 'front matter line of spaces, then a short memo',
    make: (n) => {
      const memo = memoText(4096);
      const head = '---\npresence: executive\ntitle: Plan';
      const tail = 'end\n---\n';
      return `${head}${' '.repeat(Math.max(0, n - head.length - tail.length - memo.length))}${tail}${memo}`;
    },
  },
};

export interface ScalingPoint {
  bytes: number;
  /** Median analysis time of a fresh Analyzer, ms. */
  medianMs?: number;
  runs?: number;
  /** Peak RSS of the whole child process (node, the engine, the text and the analysis), MB. */
  peakRssMb?: number;
  words?: number;
  truncatedAtWords?: number;
  findings?: number;
  /** Median time ÷ the previous size's. */
  ratio?: number;
  skipped?: string;
  error?: string;
}

export interface ScalingResult {
  sizes: number[];
  targetRatio: number;
  /** RSS of a child that loaded the engine and read nothing: what every point includes. */
  baselineRssMb?: number;
  shapes: Record<string, { label: string; points: ScalingPoint[]; worstRatio?: number; ok?: boolean }>;
  wallSeconds: number;
}

/** The child: reads the file, analyses it `runs` times with fresh analyzers, prints one JSON line. */
const CHILD = `
const { readFileSync } = require('fs');
const [bundle, file, today, runs, warmups] = process.argv.slice(1);
const e = require(bundle);
const text = file ? readFileSync(file, 'utf8') : '';
// Warm-up runs on the first 64 KB compile the engine for this shape; they are not timed (without them the
// first timed run of a big size would carry the compile time and the small sizes would not).
const head = text.slice(0, 65536);
for (let i = 0; i < Number(warmups); i++) new e.Analyzer().analyze(head, undefined, { today });
const times = [];
let r;
// At most about 10 s of timed runs: a slow shape needs fewer to show it.
for (let i = 0, total = 0; i < Number(runs) && total < 10000; i++) {
  const t0 = performance.now();
  r = new e.Analyzer().analyze(text, undefined, { today });
  times.push(performance.now() - t0);
  total += times[times.length - 1];
}
times.sort((a, b) => a - b);
const mid = times.length % 2 ? times[(times.length - 1) / 2] : (times[times.length / 2 - 1] + times[times.length / 2]) / 2;
console.log(JSON.stringify({ runs: times.length, medianMs: times.length ? mid : 0, maxRssKb: process.resourceUsage().maxRSS, words: r ? r.words : 0, truncatedAtWords: r ? r.truncatedAtWords : undefined, findings: r ? r.findings.length : 0 }));
`;

interface ChildOut {
  runs: number;
  medianMs: number;
  maxRssKb: number;
  words: number;
  truncatedAtWords?: number;
  findings: number;
}

function child(bundle: string, file: string, runs: number, warmups = 0): ChildOut | { error: string } {
  const r = spawnSync(process.execPath, ['-e', CHILD, bundle, file, TODAY, String(runs), String(warmups)], {
    encoding: 'utf8',
    timeout: CHILD_TIMEOUT_MS,
    maxBuffer: 1 << 20,
  });
  if (r.status !== 0)
    return {
      error: r.signal
        ? `stopped after ${CHILD_TIMEOUT_MS / 1000} s (${r.signal})`
        : `exit ${r.status}: ${(r.stderr ?? '').trim().split('\n').slice(-2).join(' | ')}`,
    };
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as ChildOut;
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

/** Measures every shape at every size. `log` gets one line per measurement. */
export function runScaling(bundle = ENGINE_BUNDLE, log: (line: string) => void = console.log): ScalingResult {
  const t0 = performance.now();
  const dir = join(CACHE, 'scaling');
  mkdirSync(dir, { recursive: true });
  const base = child(bundle, '', 0);
  const result: ScalingResult = {
    sizes: SCALING_SIZES,
    targetRatio: MAX_DOUBLING_RATIO,
    baselineRssMb: 'error' in base ? undefined : round1(base.maxRssKb / 1024),
    shapes: {},
    wallSeconds: 0,
  };
  for (const [name, shape] of Object.entries(SCALING_SHAPES)) {
    const points: ScalingPoint[] = [];
    let stop: string | undefined;
    for (const bytes of SCALING_SIZES) {
      if (stop) {
        points.push({ bytes, skipped: stop });
        continue;
      }
      const file = join(dir, `${name}-${bytes}.md`);
      writeFileSync(file, shape.make(bytes));
      // Fewer runs for the big sizes, which are slow and steadier.
      const runs = bytes <= 256 * 1024 ? 9 : bytes <= 512 * 1024 ? 5 : 3;
      const out = child(bundle, file, runs, 2);
      rmSync(file, { force: true });
      if ('error' in out) {
        points.push({ bytes, error: out.error });
        stop = `not measured: ${kb(bytes)} failed`;
        log(`scaling ${name} ${kb(bytes)}: ${out.error}`);
        continue;
      }
      const prev = points[points.length - 1]?.medianMs;
      const p: ScalingPoint = {
        bytes,
        medianMs: round1(out.medianMs),
        runs: out.runs,
        peakRssMb: round1(out.maxRssKb / 1024),
        words: out.words,
        findings: out.findings,
      };
      if (out.truncatedAtWords !== undefined) p.truncatedAtWords = out.truncatedAtWords;
      if (prev) p.ratio = Math.round((out.medianMs / Math.max(prev, 1)) * 100) / 100;
      points.push(p);
      log(`scaling ${name} ${kb(bytes)}: ${fmt(p.medianMs!)}${p.ratio !== undefined ? ` (×${p.ratio})` : ''}, peak RSS ${p.peakRssMb} MB`);
      if (out.medianMs > STOP_AFTER_MS || (out.medianMs > SLOW_MS && (p.ratio === undefined || p.ratio > 3)))
        stop = `not measured: ${kb(bytes)} already took ${fmt(out.medianMs)}`;
    }
    // Ratios between small times are mostly noise on a shared machine: only doublings to over 100 ms count.
    const counted = points.filter((p) => p.ratio !== undefined && p.medianMs! >= 100).map((p) => p.ratio!);
    const worst = counted.length ? Math.max(...counted) : undefined;
    const complete = points.every((p) => p.medianMs !== undefined);
    result.shapes[name] = {
      label: shape.label,
      points,
      worstRatio: worst,
      ok: complete && (worst === undefined || worst <= MAX_DOUBLING_RATIO),
    };
  }
  result.wallSeconds = Math.round((performance.now() - t0) / 1000);
  return result;
}

function kb(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MB` : `${bytes / 1024} KB`;
}

function fmt(ms: number): string {
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 100) return `${Math.round(ms)} ms`;
  return `${ms.toFixed(1)} ms`;
}

/** The scaling table in Markdown: one row per shape, one cell per size (median time, ×ratio, peak RSS). */
export function scalingTable(r: ScalingResult): string {
  const lines: string[] = [];
  lines.push(
    `Median analysis time per input size (fresh \`Analyzer\`, ×N = time ÷ the previous size's, target ≤ ${r.targetRatio}× per doubling) and peak RSS of the measuring process (node with the engine loaded: ${r.baselineRssMb ?? '?'} MB). Past the 200,000-word limit the rest of a document is skipped, so time flattens.`,
  );
  lines.push('');
  lines.push(`| Shape | ${r.sizes.map(kb).join(' | ')} | Worst doubling |`);
  lines.push(`| --- |${r.sizes.map(() => ' --- |').join('')} --- |`);
  for (const s of Object.values(r.shapes)) {
    const cells = s.points.map((p) => {
      if (p.medianMs === undefined) return p.error ? `failed: ${p.error}` : 'not measured';
      return `${fmt(p.medianMs)}${p.ratio !== undefined ? ` ×${p.ratio}` : ''}, ${p.peakRssMb} MB`;
    });
    lines.push(
      `| ${s.label} | ${cells.join(' | ')} | ${s.worstRatio !== undefined ? `×${s.worstRatio}` : '—'} ${s.ok ? 'PASS' : 'MISS'} |`,
    );
  }
  lines.push('');
  return lines.join('\n');
}

if (process.argv[1] && /scaling\.ts$/.test(process.argv[1])) {
  const bundle = join(CACHE, 'engine-scaling.cjs');
  mkdirSync(CACHE, { recursive: true });
  buildSync({ ...ENGINE_BUILD, entryPoints: [join(ROOT, 'server/src/presence.ts')], outfile: bundle });
  const r = runScaling(bundle);
  writeFileSync(join(CACHE, 'scaling.json'), JSON.stringify(r, null, 2) + '\n');
  console.log('\n' + scalingTable(r));
  console.log(`${r.wallSeconds} s; wrote .bench-cache/scaling.json`);
}
