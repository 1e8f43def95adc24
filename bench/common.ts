// Shared by the benchmark's orchestrator (run.ts) and its per-tool child processes (worker.ts).
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { REPO_ROOT } from '../scripts/repo.js';

export const ROOT = REPO_ROOT;
export const CACHE = join(ROOT, '.bench-cache');
export const ENGINE_BUNDLE = join(CACHE, 'engine.cjs');
export const TODAY = '2026-11-22';

/** The esbuild settings of the shipped bundles (esbuild.mjs), for an engine bundle on its own. */
export const ENGINE_BUILD = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  minify: true,
  logLevel: 'warning',
  legalComments: 'none',
  supported: { 'regexp-unicode-property-escapes': true },
} as const;

type Engine = typeof import('../server/src/presence.js');

/** The engine from a bundle built with ENGINE_BUILD. */
export function loadEngine(bundle = ENGINE_BUNDLE): Engine {
  return createRequire(join(ROOT, 'package.json'))(bundle) as Engine;
}

export interface Stats {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentiles over milliseconds, rounded to 0.01 ms. */
export function stats(xs: readonly number[]): Stats {
  const s = [...xs].sort((a, b) => a - b);
  const at = (p: number): number => s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
  const r = (x: number): number => Math.round(x * 100) / 100;
  const mid = s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
  return {
    n: s.length,
    median: r(mid),
    p95: r(at(95)),
    min: r(s[0]!),
    max: r(s[s.length - 1]!),
    mean: r(s.reduce((a, b) => a + b, 0) / s.length),
  };
}

/** One measured target (a document size, the corpus) for one tool. */
export interface TargetResult {
  /** Milliseconds per run (per pass over all files for the corpus). */
  stats?: Stats;
  warmups: number;
  /** Problems/findings the tool reported on one run: shows it did real work. */
  problems: number;
  skipped?: string;
  /** For a skipped target: the one run that was too long (a lower bound for the tool's time). */
  firstRunMs?: number;
}

/** The 1,000-file folder, linted file by file in-process. */
export interface FolderResult {
  /** Total milliseconds for the folder, per run. */
  stats?: Stats;
  runs: number;
  filesDone: number;
  /** Set when a run was stopped at the time cap: the measured time scaled to all files. */
  extrapolatedMs?: number;
  stoppedAfterMs?: number;
  problems: number;
}

export interface WorkerResult {
  tool: string;
  version: string;
  how: string;
  setupMs: number;
  targets: Record<string, TargetResult>;
  folder?: FolderResult;
  /** Presence only: one-character edits re-analysed by the same Analyzer. */
  incremental?: { doc: string; edits: number; stats: Stats; coldMedianMs: number };
  rssMb?: number;
  wallMs: number;
}
