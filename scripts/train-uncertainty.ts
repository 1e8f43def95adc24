// Trains the uncertainty scorer (server/src/rules/uncertainty.ts) on the hedge development set and
// writes rubrics/data/uncertainty-model.json.
//
//   node --import tsx scripts/train-uncertainty.ts [--csv path] [--out path] [--quick]
//
// Model: L2-regularised logistic regression (L-BFGS, full batch, deterministic) over the features of
// `sentenceFeatures`: presence of vocabulary words, word pairs, the first word and lexicon categories;
// numbers folded. The vocabulary is the training set's N most frequent words (mostly function words)
// plus the hand-written cue lexicon; other words only appear as `_` inside pairs, so topical words
// carry no weight. Only features seen in at least `minDf` training sentences are kept, so rare words of
// the evaluation set can never become features. Hyperparameters and the decision threshold are chosen by 5-fold
// cross-validation; the reported estimate is nested (the threshold is chosen inside each outer
// training portion and applied to the held-out fold), so it is honest about the threshold choice too.
// The CSV is read, never copied: the shipped file holds only weights of frequent features.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import {
  lexiconFromLists,
  sentenceFeatures,
  tokenizeLower,
  wordFeature,
  type Lexicon,
  type UncertaintyModelFile,
} from '../server/src/rules/uncertainty.ts';
import { REPO_ROOT, sharedPath } from './repo.ts';

/**
 * The hand-written cue lexicon: general English hedging, vague quantity, vague attribution and
 * puffery vocabulary, written from general knowledge before looking at per-word statistics of the
 * evaluation set, and not adjusted to it since. Each category becomes one learned feature, which lets
 * the model generalise to cue words too rare in the training data to have a weight of their own.
 */
export const CUE_LEXICON: Readonly<Record<string, readonly string[]>> = {
  '@hedge': [
    'about',
    'almost',
    'apparently',
    'appear',
    'appears',
    'appeared',
    'approximately',
    'argue',
    'argued',
    'arguably',
    'around',
    'assume',
    'assumed',
    'broadly',
    'claim',
    'claims',
    'claimed',
    'could',
    'doubt',
    'doubtful',
    'essentially',
    'estimate',
    'estimated',
    'frequently',
    'generally',
    'guess',
    'indicate',
    'indicates',
    'largely',
    'likely',
    'mainly',
    'may',
    'maybe',
    'might',
    'mostly',
    'often',
    'perhaps',
    'plausibly',
    'possible',
    'possibly',
    'presumably',
    'probable',
    'probably',
    'quite',
    'rather',
    'relatively',
    'roughly',
    'seem',
    'seems',
    'seemed',
    'sometimes',
    'somewhat',
    'suggest',
    'suggests',
    'suggested',
    'suppose',
    'supposed',
    'supposedly',
    'suspect',
    'suspected',
    'tend',
    'tends',
    'typically',
    'uncertain',
    'unclear',
    'unlikely',
    'usually',
    'would',
    'potentially',
    'conceivably',
    'purportedly',
    'reportedly',
    'allegedly',
    'alleged',
    'rumored',
    'rumoured',
    'believed',
    'believe',
    'believes',
    'thought',
    'considered',
    'regarded',
    'deemed',
    'speculated',
    'speculation',
    'hopefully',
  ],
  '@vague': [
    'some',
    'many',
    'most',
    'several',
    'various',
    'numerous',
    'few',
    'certain',
    'countless',
    'multiple',
    'much',
    'lots',
    'majority',
    'minority',
    'others',
  ],
  '@source': [
    'critics',
    'experts',
    'observers',
    'scholars',
    'analysts',
    'commentators',
    'historians',
    'researchers',
    'people',
    'sources',
    'fans',
    'supporters',
    'opponents',
    'skeptics',
    'proponents',
  ],
  '@peacock': [
    'famous',
    'best',
    'greatest',
    'legendary',
    'renowned',
    'acclaimed',
    'notable',
    'important',
    'leading',
    'prominent',
    'celebrated',
    'remarkable',
    'iconic',
    'world-class',
    'popular',
    'influential',
    'well-known',
    'widely',
    'highly',
    'extremely',
    'significant',
    'major',
    'successful',
  ],
};
export const LEXICON: Lexicon = lexiconFromLists(CUE_LEXICON);

// ---------------------------------------------------------------------------------------------
// Data

/** RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF, newlines inside quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field.length === 0) quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field.length > 0 || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export interface Labelled {
  text: string;
  label: boolean;
}

/** Reads a two-column labelled CSV (`sentence,<label>` with 1/0 labels). */
export function loadLabelled(file: string, labelColumn: string): Labelled[] {
  const rows = parseCsv(readFileSync(file, 'utf8'));
  const header = rows[0] ?? [];
  const si = header.indexOf('sentence');
  const li = header.indexOf(labelColumn);
  if (si < 0 || li < 0) throw new Error(`${file}: expected columns sentence,${labelColumn}; found ${header.join(',')}`);
  const out: Labelled[] = [];
  for (const r of rows.slice(1)) {
    if (r.length < 2) continue;
    const label = r[li]!.trim();
    if (label !== '0' && label !== '1') throw new Error(`${file}: bad label ${JSON.stringify(label)}`);
    out.push({ text: r[si]!, label: label === '1' });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Small utilities

/** mulberry32: a tiny seeded PRNG, so folds and samples are the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: T[], rnd: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

export interface Prf {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
  f1: number;
}

export function prf(predicted: readonly boolean[], gold: readonly boolean[]): Prf {
  let tp = 0,
    fp = 0,
    fn = 0,
    tn = 0;
  for (let i = 0; i < gold.length; i++) {
    if (predicted[i]) gold[i] ? tp++ : fp++;
    else gold[i] ? fn++ : tn++;
  }
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, tn, precision, recall, f1 };
}

/** Stratified fold number (0..k-1) for every example, seeded. */
export function stratifiedFolds(labels: readonly boolean[], k: number, seed: number): number[] {
  const rnd = seededRandom(seed);
  const folds = new Array<number>(labels.length).fill(0);
  for (const want of [true, false]) {
    const idx = shuffle(
      labels.flatMap((l, i) => (l === want ? [i] : [])),
      rnd,
    );
    idx.forEach((i, n) => {
      folds[i] = n % k;
    });
  }
  return folds;
}

// ---------------------------------------------------------------------------------------------
// Training

export interface TrainOptions {
  /** How many of the most frequent training words (by sentences containing them) are features of their own. */
  vocabulary: number;
  /** Keep features seen in at least this many training sentences. */
  minDf: number;
  /** L2 penalty on the weights (not the bias), on the summed log-loss. */
  l2: number;
  /** Drop weights smaller than this in magnitude after training (keeps the file small). */
  prune: number;
}

export interface TrainedModel {
  bias: number;
  weights: Map<string, number>;
  vocabulary: Set<string>;
}

/** Lowercase words of every sentence, computed once. */
export function tokenizeAll(texts: readonly string[]): string[][] {
  return texts.map((t) => tokenizeLower(t));
}

/** The `size` most frequent word features of the training rows (by sentence count), plus every lexicon word. */
export function chooseVocabulary(
  words: readonly string[][],
  rows: readonly number[],
  size: number,
  lexicon: Lexicon = LEXICON,
): Set<string> {
  const df = new Map<string, number>();
  for (const r of rows) for (const w of new Set(words[r]!.map(wordFeature))) df.set(w, (df.get(w) ?? 0) + 1);
  const ranked = [...df]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, size)
    .map(([w]) => w);
  return new Set([...ranked, ...lexicon.keys()]);
}

export function train(words: readonly string[][], labels: readonly boolean[], rows: readonly number[], opts: TrainOptions): TrainedModel {
  const vocabulary = chooseVocabulary(words, rows, opts.vocabulary);
  const feats = rows.map((r) => sentenceFeatures(words[r]!, vocabulary, LEXICON));
  // Document frequency on the training rows only (features are distinct per sentence).
  const df = new Map<string, number>();
  for (const fs of feats) for (const f of fs) df.set(f, (df.get(f) ?? 0) + 1);
  const names: string[] = [];
  const id = new Map<string, number>();
  for (const [f, n] of df)
    if (n >= opts.minDf) {
      id.set(f, names.length);
      names.push(f);
    }
  const X = feats.map((fs) =>
    Int32Array.from(
      fs.flatMap((f) => {
        const j = id.get(f);
        return j === undefined ? [] : [j];
      }),
    ),
  );
  const Y = rows.map((r) => (labels[r] ? 1 : 0));
  const dim = names.length + 1; // last slot: bias
  const B = names.length;

  const lossGrad = (w: Float64Array, g: Float64Array): number => {
    g.fill(0);
    let loss = 0;
    for (let n = 0; n < X.length; n++) {
      const x = X[n]!;
      let z = w[B]!;
      for (let k = 0; k < x.length; k++) z += w[x[k]!]!;
      const y = Y[n]!;
      // log(1 + e^{-s}) with s = ±z, computed stably
      const s = y ? z : -z;
      loss += s > 0 ? Math.log1p(Math.exp(-s)) : -s + Math.log1p(Math.exp(s));
      const p = 1 / (1 + Math.exp(-z));
      const d = p - y;
      for (let k = 0; k < x.length; k++) g[x[k]!] += d;
      g[B] += d;
    }
    for (let j = 0; j < B; j++) {
      loss += 0.5 * opts.l2 * w[j]! * w[j]!;
      g[j] += opts.l2 * w[j]!;
    }
    return loss;
  };

  const w = lbfgs(lossGrad, dim, 300);
  const weights = new Map<string, number>();
  for (let j = 0; j < B; j++) if (Math.abs(w[j]!) >= opts.prune) weights.set(names[j]!, w[j]!);
  return { bias: w[B]!, weights, vocabulary };
}

/** Limited-memory BFGS with a backtracking (Armijo) line search. Deterministic. */
function lbfgs(f: (w: Float64Array, g: Float64Array) => number, dim: number, maxIter: number, m = 10): Float64Array {
  const w = new Float64Array(dim);
  const g = new Float64Array(dim);
  let fx = f(w, g);
  const S: Float64Array[] = [];
  const Yv: Float64Array[] = [];
  const rho: number[] = [];
  const dot = (a: Float64Array, b: Float64Array): number => {
    let s = 0;
    for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
    return s;
  };
  const wNew = new Float64Array(dim);
  const gNew = new Float64Array(dim);
  for (let iter = 0; iter < maxIter; iter++) {
    // Two-loop recursion: d = -H g
    const q = Float64Array.from(g);
    const alpha: number[] = [];
    for (let i = S.length - 1; i >= 0; i--) {
      const a = rho[i]! * dot(S[i]!, q);
      alpha[i] = a;
      for (let j = 0; j < dim; j++) q[j] -= a * Yv[i]![j]!;
    }
    const gamma = S.length
      ? dot(S[S.length - 1]!, Yv[Yv.length - 1]!) / dot(Yv[Yv.length - 1]!, Yv[Yv.length - 1]!)
      : 1 / Math.max(1, Math.sqrt(dot(g, g)));
    for (let j = 0; j < dim; j++) q[j] *= gamma;
    for (let i = 0; i < S.length; i++) {
      const b = rho[i]! * dot(Yv[i]!, q);
      for (let j = 0; j < dim; j++) q[j] += S[i]![j]! * (alpha[i]! - b);
    }
    for (let j = 0; j < dim; j++) q[j] = -q[j]!;
    let slope = dot(g, q);
    if (slope >= 0) {
      // not a descent direction: reset to steepest descent
      S.length = 0;
      Yv.length = 0;
      rho.length = 0;
      for (let j = 0; j < dim; j++) q[j] = -g[j]!;
      slope = dot(g, q);
    }
    let step = 1;
    let fNew = Infinity;
    for (let tries = 0; tries < 40; tries++) {
      for (let j = 0; j < dim; j++) wNew[j] = w[j]! + step * q[j]!;
      fNew = f(wNew, gNew);
      if (fNew <= fx + 1e-4 * step * slope) break;
      step *= 0.5;
    }
    if (!(fNew < fx)) break;
    const s = new Float64Array(dim);
    const y = new Float64Array(dim);
    for (let j = 0; j < dim; j++) {
      s[j] = wNew[j]! - w[j]!;
      y[j] = gNew[j]! - g[j]!;
    }
    const sy = dot(s, y);
    if (sy > 1e-12) {
      S.push(s);
      Yv.push(y);
      rho.push(1 / sy);
      if (S.length > m) {
        S.shift();
        Yv.shift();
        rho.shift();
      }
    }
    const improvement = fx - fNew;
    w.set(wNew);
    g.set(gNew);
    fx = fNew;
    if (improvement < 1e-7 * Math.max(1, Math.abs(fx))) break;
  }
  return w;
}

/** The shipped file format (weights rounded to 3 decimals, strongest first). */
export function toModelFile(model: TrainedModel, threshold: number): UncertaintyModelFile {
  const entries = [...model.weights].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const round = (x: number): number => Math.round(x * 1000) / 1000;
  return {
    version: 1,
    description:
      'Uncertainty scorer weights: logistic regression over the presence of vocabulary words, word pairs "a b" ("_" = a word outside the vocabulary), the first word "^ a" (words with digits fold to "#") and the categories "@…" of the hand-written lexicon. Trained by scripts/train-uncertainty.ts on the CoNLL-2010 Wikipedia development set; the vocabulary is its most frequent words plus the lexicon, and only features seen in at least minDf sentences are kept. Generated: do not edit by hand.',
    bias: round(model.bias),
    threshold: round(threshold),
    lexicon: Object.fromEntries(Object.entries(CUE_LEXICON).map(([k, v]) => [k, [...v]])),
    vocabulary: [...model.vocabulary].filter((w) => !LEXICON.has(w)).sort(),
    features: entries.map(([f]) => f),
    weights: entries.map(([, w]) => round(w)),
  };
}

export function probability(model: TrainedModel, lowerWords: readonly string[]): number {
  let z = model.bias;
  for (const f of sentenceFeatures(lowerWords, model.vocabulary, LEXICON)) z += model.weights.get(f) ?? 0;
  return 1 / (1 + Math.exp(-z));
}

// ---------------------------------------------------------------------------------------------
// Thresholds and cross-validation

export const MIN_PRECISION = 0.7;

/** The threshold that maximises F1 with precision ≥ minPrecision (or maximises precision if none reaches it). */
export function chooseThreshold(probs: readonly number[], gold: readonly boolean[], minPrecision = MIN_PRECISION): number {
  const order = probs.map((_, i) => i).sort((a, b) => probs[b]! - probs[a]!);
  const positives = gold.filter(Boolean).length;
  let tp = 0,
    fp = 0;
  let best = { f1: -1, threshold: 1, precision: 0 };
  let bestP = { precision: -1, threshold: 1 };
  for (let n = 0; n < order.length; n++) {
    const i = order[n]!;
    gold[i] ? tp++ : fp++;
    // Only cut between distinct scores.
    if (n + 1 < order.length && probs[order[n + 1]!] === probs[i]) continue;
    const precision = tp / (tp + fp);
    const recall = tp / positives;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    // Place the threshold halfway to the next lower score, so it generalises a little better than the exact score.
    const next = n + 1 < order.length ? probs[order[n + 1]!]! : 0;
    const threshold = (probs[i]! + next) / 2;
    if (precision >= minPrecision && f1 > best.f1) best = { f1, threshold, precision };
    if (tp >= 20 && precision > bestP.precision) bestP = { precision, threshold };
  }
  return best.f1 >= 0 ? best.threshold : bestP.threshold;
}

/** Out-of-fold probabilities for `rows` with k folds (models trained on the other folds of `rows`). */
export function outOfFold(
  words: readonly string[][],
  labels: readonly boolean[],
  rows: readonly number[],
  k: number,
  seed: number,
  opts: TrainOptions,
): Map<number, number> {
  const folds = stratifiedFolds(
    rows.map((r) => labels[r]!),
    k,
    seed,
  );
  const out = new Map<number, number>();
  for (let f = 0; f < k; f++) {
    const trainRows = rows.filter((_, n) => folds[n] !== f);
    const testRows = rows.filter((_, n) => folds[n] === f);
    const model = train(words, labels, trainRows, opts);
    for (const r of testRows) out.set(r, probability(model, words[r]!));
  }
  return out;
}

export interface CvReport {
  options: TrainOptions;
  /** Threshold chosen on the pooled out-of-fold probabilities of all rows. */
  threshold: number;
  /** Out-of-fold figures at that threshold (the threshold saw these predictions: slightly optimistic). */
  pooled: Prf;
  /** Nested: each outer fold's threshold chosen by inner CV on its own training portion. Honest. */
  nested: Prf;
  nestedThresholds: number[];
  /** Out-of-fold probability per row (for simulating the combined detection without leakage). */
  oof: number[];
}

/** 5-fold CV of one configuration; `nested` adds the honest estimate (5 × (4 + 1) trainings). */
/** Seed of the CV folds (train and eval use the same folds). */
export const CV_SEED = 2010;

export function crossValidate(
  words: readonly string[][],
  labels: readonly boolean[],
  opts: TrainOptions,
  nested: boolean,
  k = 5,
  seed = CV_SEED,
): CvReport {
  const all = labels.map((_, i) => i);
  const oofMap = outOfFold(words, labels, all, k, seed, opts);
  const oof = all.map((i) => oofMap.get(i)!);
  const threshold = chooseThreshold(oof, labels);
  const pooled = prf(
    oof.map((p) => p >= threshold),
    labels,
  );
  const nestedPred = new Array<boolean>(labels.length).fill(false);
  const nestedThresholds: number[] = [];
  if (nested) {
    const folds = stratifiedFolds(labels, k, seed);
    for (let f = 0; f < k; f++) {
      const trainRows = all.filter((i) => folds[i] !== f);
      const inner = outOfFold(words, labels, trainRows, k - 1, seed + 1 + f, opts);
      const t = chooseThreshold(
        trainRows.map((r) => inner.get(r)!),
        trainRows.map((r) => labels[r]!),
      );
      nestedThresholds.push(t);
      const model = train(words, labels, trainRows, opts);
      for (const i of all) if (folds[i] === f) nestedPred[i] = probability(model, words[i]!) >= t;
    }
  }
  return { options: opts, threshold, pooled, nested: prf(nestedPred, labels), nestedThresholds, oof };
}

// ---------------------------------------------------------------------------------------------
// Main

// Vocabulary sizes stop at 150: past that, this Wikipedia set's most frequent words fill with topical nouns
// (government, music, species, human, …), which would then carry weight in business memos. (Decided from
// the ranked vocabulary, which involves no labels; with 200 words "human" entered the top 40 features.)
export const DEFAULT_GRID: TrainOptions[] = [100, 150].flatMap((vocabulary) =>
  [5, 10].flatMap((minDf) => [3, 10].map((l2) => ({ vocabulary, minDf, l2, prune: 0.02 }))),
);
/** Configurations whose CV F1 is within this of the best are ties; the simplest of them wins. */
export const TIE = 0.01;

export function fmt(p: Prf): string {
  return `P ${p.precision.toFixed(3)}  R ${p.recall.toFixed(3)}  F1 ${p.f1.toFixed(3)}  (tp ${p.tp}, fp ${p.fp}, fn ${p.fn})`;
}

const describe = (o: TrainOptions): string => `vocabulary ${o.vocabulary}, minDf ${o.minDf}, l2 ${o.l2}`;

function main(): void {
  const repoRoot = REPO_ROOT;
  const args = process.argv.slice(2);
  const arg = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const csv = path.resolve(arg('--csv') ?? sharedPath('eval', 'hedge-wiki-dev.csv'));
  const out = path.resolve(arg('--out') ?? path.join(repoRoot, 'rubrics/data/uncertainty-model.json'));
  if (!existsSync(csv)) {
    console.error(`train-uncertainty: ${csv} not found (the shared evaluation data lives in ../shared/eval).`);
    process.exit(2);
  }
  const data = loadLabelled(csv, 'uncertain');
  const labels = data.map((d) => d.label);
  const words = tokenizeAll(data.map((d) => d.text));
  console.log(
    `${data.length} sentences, ${labels.filter(Boolean).length} uncertain; 5-fold CV per configuration, threshold for precision ≥ ${MIN_PRECISION}`,
  );

  const grid = args.includes('--quick') ? [DEFAULT_GRID[0]!] : DEFAULT_GRID;
  const results: CvReport[] = [];
  for (const opts of grid) {
    const t0 = performance.now();
    const r = crossValidate(words, labels, opts, false);
    results.push(r);
    console.log(
      `  ${describe(opts).padEnd(36)} threshold ${r.threshold.toFixed(3)}  ${fmt(r.pooled)}  ${((performance.now() - t0) / 1000).toFixed(1)}s`,
    );
  }
  // Ties (within TIE of the best F1) go to the simplest model: smaller vocabulary, stronger L2, higher cut-off.
  const bestF1 = Math.max(...results.map((r) => r.pooled.f1));
  const chosen = results
    .filter((r) => r.pooled.f1 >= bestF1 - TIE)
    .sort(
      (a, b) => a.options.vocabulary - b.options.vocabulary || b.options.l2 - a.options.l2 || b.options.minDf - a.options.minDf,
    )[0]!.options;
  const cv = crossValidate(words, labels, chosen, true);
  const model = train(
    words,
    labels,
    labels.map((_, i) => i),
    chosen,
  );
  const inSample = prf(
    words.map((w) => probability(model, w) >= cv.threshold),
    labels,
  );

  console.log(`\nchosen: ${describe(chosen)}, prune ${chosen.prune}; threshold ${cv.threshold.toFixed(3)}`);
  console.log(`5-fold CV, threshold chosen on pooled CV : ${fmt(cv.pooled)}`);
  console.log(
    `5-fold CV, nested threshold (honest)     : ${fmt(cv.nested)}  thresholds ${cv.nestedThresholds.map((t) => t.toFixed(3)).join(' ')}`,
  );
  console.log(`in-sample (optimistic)                   : ${fmt(inSample)}`);

  const entries = [...model.weights].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const round = (x: number): number => Math.round(x * 1000) / 1000;
  const file = {
    ...toModelFile(model, cv.threshold),
    training: {
      sentences: data.length,
      positives: labels.filter(Boolean).length,
      options: chosen,
      minPrecision: MIN_PRECISION,
      cv5: { pooled: pick(cv.pooled), nested: pick(cv.nested), nestedThresholds: cv.nestedThresholds.map(round) },
      inSample: pick(inSample),
    },
  };
  const json = JSON.stringify(file) + '\n';
  writeFileSync(out, json);
  console.log(
    `\nwrote ${path.relative(process.cwd(), out)}: ${entries.length} features, ${file.vocabulary.length} + ${LEXICON.size} vocabulary words, ${(Buffer.byteLength(json) / 1024).toFixed(1)} KB`,
  );
  console.log('\ntop 40 positive features:');
  console.log(
    entries
      .slice(0, 40)
      .map(([f, w]) => `${JSON.stringify(f)} ${w.toFixed(2)}`)
      .join(', '),
  );
  console.log('\ntop 20 negative features:');
  console.log(
    entries
      .slice(-20)
      .reverse()
      .map(([f, w]) => `${JSON.stringify(f)} ${w.toFixed(2)}`)
      .join(', '),
  );
}

function pick(p: Prf): { precision: number; recall: number; f1: number } {
  const r = (x: number): number => Math.round(x * 10000) / 10000;
  return { precision: r(p.precision), recall: r(p.recall), f1: r(p.f1) };
}

if (/train-uncertainty\.ts$/.test(process.argv[1] ?? '')) main();
