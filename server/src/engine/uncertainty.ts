// A small learned scorer for uncertain, hedged or vaguely attributed sentences ("some say", "may
// possibly", "is widely considered"). Logistic regression over the presence of lowercase words, word
// pairs, the sentence's first word and the categories of a small hand-written cue lexicon, trained by
// scripts/train-uncertainty.ts; the weights are data in rubrics/data/uncertainty-model.json.
// Pure: no fs, no clock. A few Map lookups per word.
// Plain import: the package is CommonJS under NodeNext, where tsc rejects import attributes; esbuild inlines the JSON.
import model from '../../../rubrics/data/uncertainty-model.json';

/** The word pattern shared by training and inference. */
export const WORD_PATTERN = /[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu;

export interface WordToken {
  /** Lowercased, with ’ folded to '. */
  lower: string;
  /** UTF-16 offsets into the text, [start, end). */
  start: number;
  end: number;
}

/** Words of `text` with their offsets, so a cue index can be turned back into a range. */
export function tokenizeWithOffsets(text: string): WordToken[] {
  const out: WordToken[] = [];
  const re = new RegExp(WORD_PATTERN.source, WORD_PATTERN.flags);
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push({ lower: normalizeWord(m[0]), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Lowercase words of `text` (the input `scoreUncertainty` expects). */
export function tokenizeLower(text: string): string[] {
  const out: string[] = [];
  const re = new RegExp(WORD_PATTERN.source, WORD_PATTERN.flags);
  for (let m = re.exec(text); m !== null; m = re.exec(text)) out.push(normalizeWord(m[0]));
  return out;
}

function normalizeWord(word: string): string {
  const lower = word.toLowerCase();
  return lower.includes('’') ? lower.replace(/’/g, "'") : lower;
}

const HAS_DIGIT = /[0-9]/;
/** Words with a digit share one feature: a number is a number, whatever its value. */
export const NUMBER_FEATURE = '#';
/** Marks the sentence start in the "first word" bigram. */
export const START_FEATURE = '^';

/** The feature of one word (numbers folded, ’ folded for callers that lowercased themselves). */
export function wordFeature(lowerWord: string): string {
  if (HAS_DIGIT.test(lowerWord)) return NUMBER_FEATURE;
  return lowerWord.includes('’') ? lowerWord.replace(/’/g, "'") : lowerWord;
}

/** Word → `@category` for the hand-written cue lexicon (hedges, vague quantifiers, vague sources, puffery). */
export type Lexicon = ReadonlyMap<string, string>;

export function lexiconFromLists(lists: Readonly<Record<string, readonly string[]>>): Map<string, string> {
  const lex = new Map<string, string>();
  for (const [category, words] of Object.entries(lists)) for (const w of words) if (!lex.has(w)) lex.set(w, category);
  return lex;
}

/** Stands for any word outside the model's vocabulary, inside word pairs. */
export const OTHER_WORD = '_';

/**
 * The distinct features of a sentence. Words outside `vocabulary` (the training set's most frequent
 * words plus the lexicon: mostly function words and cue words) count only as `_` inside pairs, so
 * topical words can never carry weight. Features: each vocabulary word; each adjacent pair `a b`
 * (with `_` for other words, but never `_ _`); `^ a` for the first word; the lexicon category `@…`
 * of each lexicon word. Presence counts, not frequency. Training uses this; `scoreUncertainty`
 * computes the same sum inline.
 */
export function sentenceFeatures(lowerWords: readonly string[], vocabulary: ReadonlySet<string> = VOCABULARY, lexicon: Lexicon = LEXICON): string[] {
  const out = new Set<string>();
  let prev = START_FEATURE;
  for (const w of lowerWords) {
    const f0 = wordFeature(w);
    const f = vocabulary.has(f0) ? f0 : OTHER_WORD;
    if (f !== OTHER_WORD) out.add(f);
    if (f !== OTHER_WORD || prev !== OTHER_WORD) out.add(prev + ' ' + f);
    const c = lexicon.get(f);
    if (c !== undefined) out.add(c);
    prev = f;
  }
  return [...out];
}

/** The shape of rubrics/data/uncertainty-model.json. */
export interface UncertaintyModelFile {
  version: number;
  description: string;
  bias: number;
  threshold: number;
  /** `@category` → words (hand-written, not learned). */
  lexicon: Record<string, string[]>;
  /** Words that are features of their own besides the lexicon's (others are `_`). */
  vocabulary: string[];
  features: string[];
  weights: number[];
  training?: unknown;
}

const data: UncertaintyModelFile = model;
let WEIGHTS = new Map<string, number>();
let BIAS = 0;
let LEXICON: Lexicon = new Map();
let VOCABULARY: ReadonlySet<string> = new Set();

function load(file: UncertaintyModelFile): void {
  WEIGHTS = new Map(file.features.map((f, i) => [f, file.weights[i]!]));
  BIAS = file.bias;
  LEXICON = lexiconFromLists(file.lexicon);
  VOCABULARY = new Set([...file.vocabulary, ...LEXICON.keys()]);
}
load(data);

/** Sentences whose probability is at least this are flagged (chosen by cross-validation). */
export const UNCERTAINTY_THRESHOLD: number = data.threshold;

/**
 * Evaluation only: swaps in other weights (the threshold stays) and returns a function that restores the
 * shipped model. scripts/eval.ts uses it to measure the engine with out-of-fold models, so rules that call
 * the scorer are not scored on the sentences it was trained on. Nothing in the product calls it.
 */
export function swapUncertaintyModelForEvaluation(file: UncertaintyModelFile): () => void {
  load(file);
  return () => load(data);
}

export interface UncertaintyCue {
  /** Index into the words passed in. */
  index: number;
  /** How much this word raised the score (log-odds: its word and lexicon features plus its share of each pair it is in). */
  weight: number;
}

export interface UncertaintyScore {
  probability: number;
  /** Index into `lowerWords` of the word contributing most to the score, -1 if none raises it. */
  cue: number;
}

/** Log-odds and per-word contributions (`contrib`, length ≥ n, filled when given). Each distinct feature counts once. */
function logOdds(lowerWords: readonly string[], contrib: Float64Array | undefined): number {
  let z = BIAS;
  let prev = START_FEATURE;
  // One set for every call: the scorer runs on every sentence, so it should not allocate.
  const seen = SEEN;
  seen.clear();
  for (let i = 0; i < lowerWords.length; i++) {
    const f0 = wordFeature(lowerWords[i]!);
    const f = VOCABULARY.has(f0) ? f0 : OTHER_WORD;
    let own = 0;
    let pair = 0;
    if (f !== OTHER_WORD && !seen.has(f)) {
      seen.add(f);
      own += WEIGHTS.get(f) ?? 0;
      const c = LEXICON.get(f);
      if (c !== undefined && !seen.has(c)) {
        seen.add(c);
        own += WEIGHTS.get(c) ?? 0;
      }
    }
    if (f !== OTHER_WORD || prev !== OTHER_WORD) {
      const bigram = prev + ' ' + f;
      if (!seen.has(bigram)) {
        seen.add(bigram);
        pair = WEIGHTS.get(bigram) ?? 0;
      }
    }
    z += own + pair;
    if (contrib) {
      // A pair's weight goes to its vocabulary words: all of it when the other side is `^` or `_`.
      if (i === 0 || prev === OTHER_WORD) contrib[i] = own + pair;
      else if (f === OTHER_WORD) {
        contrib[i] = own;
        contrib[i - 1] = contrib[i - 1]! + pair;
      } else {
        contrib[i] = own + pair / 2;
        contrib[i - 1] = contrib[i - 1]! + pair / 2;
      }
    }
    prev = f;
  }
  return z;
}

const SEEN = new Set<string>();

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** Probability that a sentence (its lowercase words, from `tokenizeLower`) is an uncertain claim. */
export function scoreUncertainty(lowerWords: readonly string[]): UncertaintyScore {
  const contrib = new Float64Array(lowerWords.length);
  const z = logOdds(lowerWords, contrib);
  let cue = -1;
  let best = 0;
  for (let i = 0; i < contrib.length; i++) {
    if (contrib[i]! > best) {
      best = contrib[i]!;
      cue = i;
    }
  }
  return { probability: sigmoid(z), cue };
}

/** Probability only, without per-word contributions: the fast path for sentences that are not flagged. */
export function uncertaintyProbability(lowerWords: readonly string[]): number {
  return sigmoid(logOdds(lowerWords, undefined));
}

/** The words that raise the score, strongest first (for hovers that explain a finding). */
export function uncertaintyCues(lowerWords: readonly string[]): UncertaintyCue[] {
  const contrib = new Float64Array(lowerWords.length);
  logOdds(lowerWords, contrib);
  const cues: UncertaintyCue[] = [];
  for (let i = 0; i < contrib.length; i++) if (contrib[i]! > 0) cues.push({ index: i, weight: contrib[i]! });
  return cues.sort((a, b) => b.weight - a.weight || a.index - b.index);
}
