// The CLIs as whole processes: Presence's `node dist/cli.js` against write-good's own CLI, each a cold process on
// the same memos in the same run (what a CI step pays: node start-up, module load, JIT warm-up, reading, output).
// Presence twice: its first run on a machine (what a fresh CI runner pays: an empty code cache, io/codeCache.ts),
// which the targets are checked on, and a later run, with the compiled code the first one saved.
//   node --import tsx bench/cli.ts            both rows on .bench-cache/docs, printed as JSON
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { CACHE, ROOT, TODAY, stats } from './common.js';
import { ensureDocs } from './generate.js';

const PRESENCE = join(ROOT, 'dist/cli.js');
const WRITE_GOOD = join(ROOT, 'node_modules/write-good/bin/write-good.js');
const RUNS = 3;
const TIMEOUT_MS = 120_000;

export interface CliTimes {
  runsMs: number[];
  medianMs: number;
}

export interface CliRow {
  /** Presence's first run: an empty code cache each time. */
  presence?: CliTimes;
  /** Presence with the code cache its warm-up run saved. */
  presenceCached?: CliTimes;
  writeGood?: CliTimes;
  /** write-good's median ÷ Presence's. */
  ratio?: number;
  /** Files in Presence's JSON report (shows it did the work). */
  files?: number;
  na?: string;
}

/** Wall time of one cold process, stdout to a file (as a CI log would take it); `cache` is Presence's code cache folder. */
function once(args: string[], out: string, cache?: string): { ms: number; status: number | null; stderr: string } {
  const fd = openSync(out, 'w');
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, {
    cwd: ROOT,
    env: cache ? { ...process.env, PRESENCE_CODE_CACHE: cache } : process.env,
    stdio: ['ignore', fd, 'pipe'],
    encoding: 'utf8',
    timeout: TIMEOUT_MS,
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - t0;
  closeSync(fd);
  return { ms, status: r.status, stderr: r.stderr ?? '' };
}

/**
 * One warm-up run of each (disk cache, not the process: every run is a fresh node; Presence's saves its code cache),
 * then RUNS rounds that take turns, Presence's first run, write-good, Presence's later run, so a change in the
 * machine's load falls on all.
 */
function row(presenceArgs: string[], writeGoodArgs: string[], name: string): CliRow {
  if (!existsSync(PRESENCE)) return { na: 'dist/cli.js is missing (npm run build)' };
  if (!existsSync(WRITE_GOOD)) return { na: 'write-good is not installed' };
  const cache = mkdtempSync(join(tmpdir(), 'presence-bench-cli-cache-'));
  try {
    return rowWith(cache, presenceArgs, writeGoodArgs, name);
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
}

function rowWith(cache: string, presenceArgs: string[], writeGoodArgs: string[], name: string): CliRow {
  const pOut = join(CACHE, `cli-${name}-presence.json`);
  const wOut = join(CACHE, `cli-${name}-write-good.txt`);
  const p = [PRESENCE, ...presenceArgs, '--format', 'json', '--today', TODAY];
  const w = [WRITE_GOOD, ...writeGoodArgs];
  const warm = once(p, pOut, cache);
  let files: number | undefined;
  try {
    files = (JSON.parse(readFileSync(pOut, 'utf8')) as unknown[]).length;
  } catch {
    return { na: `Presence's CLI did not print JSON (exit ${warm.status}${warm.stderr ? `: ${warm.stderr.trim().split('\n')[0]}` : ''})` };
  }
  const wWarm = once(w, wOut);
  // write-good exits with its number of suggestions, so the output says whether it ran, not the exit code.
  if (!readFileSync(wOut, 'utf8').includes('============='))
    return { files, na: `write-good's CLI reported nothing (exit ${wWarm.status}: ${wWarm.stderr.trim().split('\n')[0] ?? ''})` };
  const pr: number[] = [];
  const wr: number[] = [];
  const cr: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const empty = mkdtempSync(join(tmpdir(), 'presence-bench-cli-nocache-'));
    try {
      pr.push(once(p, pOut, empty).ms);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
    wr.push(once(w, wOut).ms);
    cr.push(once(p, pOut, cache).ms);
  }
  const times = (xs: number[]): CliTimes => ({ runsMs: xs.map(Math.round), medianMs: stats(xs).median });
  const presence = times(pr);
  const writeGood = times(wr);
  return { presence, presenceCached: times(cr), writeGood, ratio: Math.round((writeGood.medianMs / presence.medianMs) * 10) / 10, files };
}

/** The 1,000-file folder (Presence is given the folder, write-good the files, as a shell glob would) and one memo. */
export function cliRows(folder: string, memo: string): { folder: CliRow; memo: CliRow } {
  const files = readdirSync(folder)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => join(folder, f));
  return { folder: row([folder], files, 'folder'), memo: row([memo], [memo], 'memo') };
}

if (process.argv[1] && /cli\.ts$/.test(process.argv[1])) {
  const m = ensureDocs(CACHE);
  const memo = m.sizes.find((s) => s.label === '10k')!.path;
  console.log(JSON.stringify(cliRows(m.folder.path, memo), null, 2));
}
