// Calibration: the overall score against blind human ratings (test/calibration/ratings.jsonl, one row per
// document: { "doc": path, "rating": 1–5, "reason": text }). Spearman's rank correlation (ties get their
// average rank) and the bands against the ratings. Read by scripts/eval.ts; pure apart from reading the files.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT, SHARED_DIR } from './repo.ts';

export interface Rating {
  doc: string;
  rating: number;
  reason?: string;
}

/** Ranks from 1, ties sharing their average rank. */
export function ranks(xs: readonly number[]): number[] {
  const order = xs.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(xs.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1][0] === order[i][0]) j++;
    for (let k = i; k <= j; k++) out[order[k][1]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return out;
}

/** Spearman's rho: the Pearson correlation of the ranks; NaN with fewer than 3 pairs or no spread. */
export function spearman(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length || a.length < 3) return NaN;
  const ra = ranks(a);
  const rb = ranks(b);
  const mean = (xs: number[]): number => xs.reduce((n, x) => n + x, 0) / xs.length;
  const ma = mean(ra);
  const mb = mean(rb);
  let num = 0;
  let da = 0;
  let db = 0;
  for (let i = 0; i < ra.length; i++) {
    num += (ra[i] - ma) * (rb[i] - mb);
    da += (ra[i] - ma) ** 2;
    db += (rb[i] - mb) ** 2;
  }
  return da === 0 || db === 0 ? NaN : num / Math.sqrt(da * db);
}

export const RATINGS_FILE = path.join(REPO_ROOT, 'test', 'calibration', 'ratings.jsonl');
/** Every rater's file: the first rater's, then one `ratings-rater<N>.jsonl` per further blind rater. */
export const RATER_FILES = [RATINGS_FILE, path.join(REPO_ROOT, 'test', 'calibration', 'ratings-rater2.jsonl')];
/** Other documents of the corpus, rated blind after the score was last changed while reading the ratings above. */
export interface HoldOut {
  name: string;
  /** One file per rater; the reference is their mean per document. */
  files: string[];
  /** Who rated, when, and what has been read of it since. */
  about: string;
}
const CALIBRATION_DIR = path.join(REPO_ROOT, 'test', 'calibration');
export const HOLDOUTS: readonly HoldOut[] = [
  {
    name: 'hold-out 1',
    files: [path.join(CALIBRATION_DIR, 'holdout-ratings.jsonl')],
    about: 'one blind rater, 2026-12-02; its overall figure was read for each weight tried on 2026-12-03, so it is no longer untouched',
  },
  {
    name: 'hold-out 2',
    files: [path.join(CALIBRATION_DIR, 'holdout2-rater-a.jsonl'), path.join(CALIBRATION_DIR, 'holdout2-rater-b.jsonl')],
    about: 'two blind raters, 2026-12-04; 0.422 at first reading, then read document by document to find what the score misses',
  },
  {
    name: 'hold-out 3',
    files: [path.join(CALIBRATION_DIR, 'holdout3-rater-a.jsonl'), path.join(CALIBRATION_DIR, 'holdout3-rater-b.jsonl')],
    about: "two blind raters, 2026-12-04; 0.118 on the build before that day's score changes, read once more after them",
  },
  {
    name: 'hold-out 4',
    files: [path.join(CALIBRATION_DIR, 'holdout4-rater-a.jsonl'), path.join(CALIBRATION_DIR, 'holdout4-rater-b.jsonl')],
    about:
      'two blind raters, 2026-12-04; 0.359 at its one reading of the score, with the build of commit 9ea3240 (later read for one candidate feature, not adopted)',
  },
  {
    name: 'hold-out 5',
    files: [path.join(CALIBRATION_DIR, 'holdout5-rater-a.jsonl'), path.join(CALIBRATION_DIR, 'holdout5-rater-b.jsonl')],
    about: 'two blind raters, 2026-12-04 (stop 27); read once, with the build of commit 554b80e',
  },
];

/** The mean rating per document over the raters who rated it, in the first rater's order. */
export function meanRatings(raters: readonly (readonly Rating[])[]): Rating[] {
  const sums = new Map<string, { total: number; n: number }>();
  for (const rows of raters) {
    for (const r of rows) {
      const s = sums.get(r.doc) ?? { total: 0, n: 0 };
      s.total += r.rating;
      s.n++;
      sums.set(r.doc, s);
    }
  }
  return [...sums].map(([doc, s]) => ({ doc, rating: s.total / s.n }));
}

/** Spearman's rho between two raters over the documents both rated (how far the reference itself agrees). */
export function interRater(a: readonly Rating[], b: readonly Rating[]): { documents: number; spearman: number } {
  const byDoc = new Map(b.map((r) => [r.doc, r.rating]));
  const pairs = a.filter((r) => byDoc.has(r.doc)).map((r) => [r.rating, byDoc.get(r.doc)!] as const);
  return {
    documents: pairs.length,
    spearman:
      Math.round(
        spearman(
          pairs.map((p) => p[0]),
          pairs.map((p) => p[1]),
        ) * 1000,
      ) / 1000,
  };
}

/** The ratings, or undefined when the file does not exist yet. Rows that do not parse are reported, not fatal. */
export function readRatings(file = RATINGS_FILE): { ratings: Rating[]; problems: string[] } | undefined {
  if (!existsSync(file)) return undefined;
  const ratings: Rating[] = [];
  const problems: string[] = [];
  readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .forEach((line, i) => {
      if (!line.trim()) return;
      try {
        const row = JSON.parse(line) as Partial<Rating>;
        if (typeof row.doc !== 'string' || typeof row.rating !== 'number' || row.rating < 1 || row.rating > 5)
          throw new Error('expected { doc: string, rating: 1–5 }');
        ratings.push({ doc: row.doc, rating: row.rating, ...(typeof row.reason === 'string' ? { reason: row.reason } : {}) });
      } catch (e) {
        problems.push(`line ${i + 1}: ${e instanceof Error ? e.message : String(e)}`);
      }
    });
  return { ratings, problems };
}

/** A rated document's path: as written if it exists, else under the repository, ../shared or ../shared/corpus. */
export function resolveDoc(doc: string): string | undefined {
  for (const p of [doc, path.join(REPO_ROOT, doc), path.join(SHARED_DIR, doc), path.join(SHARED_DIR, 'corpus', doc)])
    if (existsSync(p)) return p;
  return undefined;
}

export interface Calibration {
  documents: number;
  missing: string[];
  spearman: number;
  /** Per band: how many documents, their mean rating, and the count per rating 1–5. */
  bands: Record<string, { documents: number; meanRating: number; byRating: number[] }>;
}

/** Scores each rated document with `score` and compares. */
export function calibrate(ratings: readonly Rating[], score: (text: string) => { overall: number; band: string }): Calibration {
  const overall: number[] = [];
  const given: number[] = [];
  const missing: string[] = [];
  const bands: Calibration['bands'] = {};
  for (const r of ratings) {
    const file = resolveDoc(r.doc);
    if (!file) {
      missing.push(r.doc);
      continue;
    }
    const s = score(readFileSync(file, 'utf8'));
    overall.push(s.overall);
    given.push(r.rating);
    const b = (bands[s.band] ??= { documents: 0, meanRating: 0, byRating: [0, 0, 0, 0, 0] });
    b.documents++;
    b.meanRating += r.rating;
    b.byRating[Math.round(r.rating) - 1]++;
  }
  for (const b of Object.values(bands)) b.meanRating = Math.round((b.meanRating / b.documents) * 100) / 100;
  return { documents: overall.length, missing, spearman: Math.round(spearman(overall, given) * 1000) / 1000, bands };
}
