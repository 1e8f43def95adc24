// A small learned scorer for uncertain, hedged or vaguely attributed sentences ("some say", "may
// possibly", "is widely considered"). Logistic regression over the presence of lowercase words, word
// pairs, the sentence's first word and the categories of a small hand-written cue lexicon, trained by
// scripts/train-uncertainty.ts; the weights are data in rubrics/data/uncertainty-model.json.
// Pure: no fs, no clock. A few Map lookups per word.
// Plain import: the package is CommonJS under NodeNext, where tsc rejects import attributes; esbuild inlines the JSON.
import model from '../../../rubrics/data/uncertainty-model.json';

/** The word pattern shared by training and inference. */
export const WORD_PATTERN = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

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

/** Words with a digit share one feature: a number is a number, whatever its value. */
export const NUMBER_FEATURE = '#';
/** Marks the sentence start in the "first word" bigram. */
export const START_FEATURE = '^';

/** The feature of one word (numbers folded, ’ folded for callers that lowercased themselves). */
export function wordFeature(lowerWord: string): string {
  if (hasDigit(lowerWord)) return NUMBER_FEATURE;
  return lowerWord.includes('’') ? lowerWord.replace(/’/g, "'") : lowerWord;
}

function hasDigit(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
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
export function sentenceFeatures(
  lowerWords: readonly string[],
  vocabulary: ReadonlySet<string> = VOCABULARY,
  lexicon: Lexicon = LEXICON,
): string[] {
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
// The weights as numbers indexed by word id, so scoring a sentence builds no strings: vocabulary words have ids
// 0..V-1, `^` is V and `_` is V+1; a pair (a, b) is the key a * (V + 2) + b.
let WORD_ID = new Map<string, number>();
let START_ID = 0;
let OTHER_ID = 0;
let UNIGRAM = new Float64Array(0);
/** Lexicon category id per word id (-1: none), and the weight per category. */
let CATEGORY_OF = new Int32Array(0);
let CATEGORY = new Float64Array(0);
let PAIR = new Map<number, number>();
let BIAS = 0;
let LEXICON: Lexicon = new Map();
let VOCABULARY: ReadonlySet<string> = new Set();
/** Scratch for logOdds: the sentence counter at which a word or category id was last counted. */
let SEEN_WORD = new Int32Array(0);
let SEEN_CATEGORY = new Int32Array(0);
/** Weighted pairs counted in the current sentence: few, so a list. */
const SEEN_PAIR: number[] = [];
let sentenceCounter = 0;

function load(file: UncertaintyModelFile): void {
  const weights = new Map(file.features.map((f, i) => [f, file.weights[i]!]));
  BIAS = file.bias;
  LEXICON = lexiconFromLists(file.lexicon);
  VOCABULARY = new Set([...file.vocabulary, ...LEXICON.keys()]);
  const vocab = [...VOCABULARY];
  WORD_ID = new Map(vocab.map((w, i) => [w, i]));
  START_ID = vocab.length;
  OTHER_ID = vocab.length + 1;
  UNIGRAM = Float64Array.from(vocab, (w) => weights.get(w) ?? 0);
  const categories = [...new Set(LEXICON.values())];
  CATEGORY = Float64Array.from(categories, (c) => weights.get(c) ?? 0);
  CATEGORY_OF = Int32Array.from(vocab, (w) => (LEXICON.has(w) ? categories.indexOf(LEXICON.get(w)!) : -1));
  PAIR = new Map();
  const pairSideId = (w: string): number | undefined => (w === START_FEATURE ? START_ID : w === OTHER_WORD ? OTHER_ID : WORD_ID.get(w));
  for (const [feature, w] of weights) {
    const space = feature.indexOf(' ');
    if (space < 0) continue;
    const a = pairSideId(feature.slice(0, space));
    const b = pairSideId(feature.slice(space + 1));
    if (a !== undefined && b !== undefined) PAIR.set(a * (OTHER_ID + 1) + b, w);
  }
  SEEN_WORD = new Int32Array(vocab.length);
  SEEN_CATEGORY = new Int32Array(categories.length);
  sentenceCounter = 0;
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

/** Scratch: the model ids of the sentence being scored (grown as needed). */
let IDS = new Int32Array(256);

/** The model id of a lowercase word: `_` for words outside the vocabulary and for words in `ignore`. */
function idOf(lower: string, ignore: ReadonlySet<string> | undefined): number {
  return ignore?.has(lower) ? OTHER_ID : (WORD_ID.get(wordFeature(lower)) ?? OTHER_ID);
}

/** Makes room in IDS for n ids. */
function fillIds(n: number): void {
  if (IDS.length < n) IDS = new Int32Array(Math.max(n, IDS.length * 2));
}

function idsOf(lowerWords: readonly string[]): number {
  fillIds(lowerWords.length);
  for (let i = 0; i < lowerWords.length; i++) IDS[i] = idOf(lowerWords[i]!, undefined);
  return lowerWords.length;
}

function idsOfWords(words: readonly LowerWord[], ignore: ReadonlySet<string>): number {
  fillIds(words.length);
  for (let i = 0; i < words.length; i++) IDS[i] = idOf(words[i]!.lower, ignore);
  return words.length;
}

/** Log-odds of the first n ids in IDS, and per-word contributions (`contrib`, filled when given). Each distinct feature counts once. */
function logOdds(n: number, contrib: Float64Array | undefined): number {
  let z = BIAS;
  const stamp = ++sentenceCounter;
  const ids = OTHER_ID + 1;
  SEEN_PAIR.length = 0;
  let prev = START_ID;
  for (let i = 0; i < n; i++) {
    const f = IDS[i]!;
    let own = 0;
    let pair = 0;
    if (f !== OTHER_ID && SEEN_WORD[f] !== stamp) {
      SEEN_WORD[f] = stamp;
      own += UNIGRAM[f]!;
      const c = CATEGORY_OF[f]!;
      if (c >= 0 && SEEN_CATEGORY[c] !== stamp) {
        SEEN_CATEGORY[c] = stamp;
        own += CATEGORY[c]!;
      }
    }
    if (f !== OTHER_ID || prev !== OTHER_ID) {
      const key = prev * ids + f;
      // Only pairs with a weight can change the sum, so only they need remembering.
      const w = PAIR.get(key);
      if (w !== undefined && !SEEN_PAIR.includes(key)) {
        SEEN_PAIR.push(key);
        pair = w;
      }
    }
    z += own + pair;
    if (contrib) {
      // A pair's weight goes to its vocabulary words: all of it when the other side is `^` or `_`.
      if (i === 0 || prev === OTHER_ID) contrib[i] = own + pair;
      else if (f === OTHER_ID) {
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

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

function cuesOf(n: number): UncertaintyCue[] {
  const contrib = new Float64Array(n);
  logOdds(n, contrib);
  const cues: UncertaintyCue[] = [];
  for (let i = 0; i < n; i++) if (contrib[i]! > 0) cues.push({ index: i, weight: contrib[i]! });
  return cues.sort((a, b) => b.weight - a.weight || a.index - b.index);
}

/** Probability that a sentence (its lowercase words, from `tokenizeLower`) is an uncertain claim. */
export function scoreUncertainty(lowerWords: readonly string[]): UncertaintyScore {
  const n = idsOf(lowerWords);
  const contrib = new Float64Array(n);
  const z = logOdds(n, contrib);
  let cue = -1;
  let best = 0;
  for (let i = 0; i < n; i++) {
    if (contrib[i]! > best) {
      best = contrib[i]!;
      cue = i;
    }
  }
  return { probability: sigmoid(z), cue };
}

/** The words that raise the score, strongest first (for hovers that explain a finding). */
export function uncertaintyCues(lowerWords: readonly string[]): UncertaintyCue[] {
  return cuesOf(idsOf(lowerWords));
}

/** A sentence's words as the engine segments them (`lower` already folded). */
interface LowerWord {
  lower: string;
}

/** The scorer's probability for a sentence of engine words (words in `ignore` read as unknown). Allocates nothing. */
export function sentenceUncertainty(words: readonly LowerWord[], ignore: ReadonlySet<string> = NO_WORDS): number {
  return sigmoid(logOdds(idsOfWords(words, ignore), undefined));
}
const NO_WORDS: ReadonlySet<string> = new Set();

/**
 * The engine's door: the index of the strongest cue of a sentence of engine words whose probability reaches
 * `threshold`, or -1 (below the threshold, or no word raises the score). Words in `ignore` read as unknown ("_").
 * One id lookup per word; nothing is allocated for a sentence below the threshold.
 */
export function uncertainCue(words: readonly LowerWord[], ignore: ReadonlySet<string>, threshold: number): number {
  const n = idsOfWords(words, ignore);
  if (sigmoid(logOdds(n, undefined)) < threshold) return -1;
  return cuesOf(n)[0]?.index ?? -1;
}
