// Per-block facts: what the document rules (and the credit signals) need from each block, computed once per block
// after its block rules ran. The engine caches them with the block's findings and never reads them (RuleSet.facts).
import type { BlockInput } from '../engine/rule.js';
import type { ListIndex } from '../core/phrases.js';
import type { Sentence, Word } from '../core/sentences.js';
import { hasNumber } from './util.js';
import factWords from '../../../rubrics/data/block-facts.json';

/** Per-block facts that document rules need, computed once per block text and cached with its findings. */
export interface BlockFacts {
  /** Sentences that recommend, decide or commit: [start, end). */
  recommendations: Array<[number, number]>;
  /** Sentences that ask the reader for something or state a decision. */
  asks: number;
  /** Mentions of a cost, alternative or thing given up. */
  tradeoff: boolean;
  /** Mentions a financial term. */
  financial: boolean;
  /** Holds a number or a placeholder for one. */
  number: boolean;
  /** Marks an option as recommended or preferred. */
  preferred: boolean;
  /** Open questions put to the reader or the team ("Should we…?"): [start, end). */
  questions: Array<[number, number]>;
  /** Cites evidence: a number, a source, a customer or other name. */
  evidence: boolean;
  /** Names a roadmap or priorities (a heading that matches the evidence-heading list). */
  evidenceHeading: boolean;
  /** Words of the chronology opener ("Last week", "First we") that starts the block's first sentence; 0 if none. */
  chronologyOpener: number;
}

/** The facts of a block that is not analysed. */
export const NO_FACTS: BlockFacts = {
  recommendations: [],
  asks: 0,
  tradeoff: false,
  financial: false,
  number: false,
  preferred: false,
  questions: [],
  evidence: false,
  evidenceHeading: false,
  chronologyOpener: 0,
};

/** Per list id of a rubric's index, the fact bit its matches set (0 for other lists); one array per index. */
const factBitsByIndex = new WeakMap<ListIndex, Uint16Array>();
function factBits(index: ListIndex): Uint16Array {
  let bits = factBitsByIndex.get(index);
  if (!bits) {
    bits = Uint16Array.from(index.names, (n) => {
      const i = (FACT_LISTS as readonly string[]).indexOf(n);
      return i < 0 ? 0 : 1 << i;
    });
    factBitsByIndex.set(index, bits);
  }
  return bits;
}

export function moveFacts(facts: BlockFacts, base: number): BlockFacts {
  // Most blocks' facts hold no offsets at all.
  if (base === 0 || (facts.recommendations.length === 0 && facts.questions.length === 0)) return facts;
  const move = (r: Array<[number, number]>): Array<[number, number]> => (r.length ? r.map(([s, e]) => [s + base, e + base]) : r);
  return { ...facts, recommendations: move(facts.recommendations), questions: move(facts.questions) };
}

// A question the writer puts to the reader or to the team: "Should we…?", "Do we…?".
const QUESTION_START = new Set(factWords.questionStart);
const QUESTION_WRITERS = new Set(factWords.questionWriters);
// A customer or source is named after these words: "a pilot with Northwind", "requested by Acme".
const NAME_AFTER = new Set(factWords.nameAfter);
// Capitalised words that are not names of customers or sources.
const NOT_NAMES = new Set(factWords.notNames);

/** A cheap first test for a capitalised word: an uppercase ASCII letter or any non-ASCII character first. */
function startsUpper(text: string): boolean {
  const c = text.charCodeAt(0);
  return c >= 128 || (c >= 65 && c <= 90);
}

function isOpenQuestion(s: Sentence): boolean {
  const w = s.words;
  return (
    s.text.trimEnd().endsWith('?') &&
    w.length >= 3 &&
    QUESTION_START.has(w[0].lower) &&
    w.slice(0, 4).some((x) => QUESTION_WRITERS.has(x.lower))
  );
}

const MONEY = /[$€£¥]\s?\d/;
const NAME_WORD = /^\p{Lu}\p{Ll}/u;

/** A capitalised name after "with", "from", "by"…: a customer or a source. */
function namesSource(words: readonly Word[]): boolean {
  for (let k = 1; k < words.length; k++) {
    const w = words[k];
    if (startsUpper(w.text) && NAME_AFTER.has(words[k - 1].lower) && NAME_WORD.test(w.text) && !NOT_NAMES.has(w.text)) return true;
  }
  return false;
}

/** Word lists whose hits are block facts, as bits per sentence. */
const FACT_LISTS = [
  'recommendation',
  'ask',
  'preferredOption',
  'tradeoff',
  'financialTerms',
  'evidenceSources',
  'evidenceHeadings',
  'chronologyOpeners',
  'consensusDeferral',
] as const;
const [RECOMMENDATION, ASK, PREFERRED, TRADEOFF, FINANCIAL, EVIDENCE, EVIDENCE_HEADING, CHRONOLOGY, DEFERRAL] = FACT_LISTS.map(
  (_, i) => 1 << i,
);

const NO_RANGES: Array<[number, number]> = Object.freeze([]) as unknown as Array<[number, number]>;

export function blockFacts({ text: source, sentences, matches, rubric }: BlockInput): BlockFacts {
  const listBits = factBits(rubric.index);
  // Word-list hits come from the block's single pass over all lists.
  const bits = new Uint16Array(sentences.length);
  let chronologyOpener = 0;
  for (const m of matches) {
    const k = listBits[m.list];
    if (k) bits[m.sentence] |= k;
    if (k === CHRONOLOGY && m.sentence === 0 && m.from === 0) chronologyOpener = m.to;
  }
  const questions: Array<[number, number]> = [];
  let evidence = false;
  const recommendations: Array<[number, number]> = [];
  let asks = 0;
  let tradeoff = false;
  let preferred = false;
  let financial = false;
  let number = false;
  // A plain loop with hoisted patterns: a closure per sentence and a regex object per evaluation were a sizeable
  // share of a cold analysis's garbage.
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i];
    const b = bits[i];
    // "We will circle back once everyone is aligned" defers the decision: it neither asks nor commits.
    const deferred = (b & DEFERRAL) !== 0;
    if ((b & RECOMMENDATION) !== 0 && !deferred) recommendations.push([s.start, s.end]);
    if ((b & ASK) !== 0 && !deferred) asks++;
    // Marks an option as the recommended one ("Option B (recommended)").
    if (!preferred && (b & PREFERRED) !== 0) preferred = true;
    if (!tradeoff && (b & TRADEOFF) !== 0) tradeoff = true;
    if (!financial && ((b & FINANCIAL) !== 0 || MONEY.test(s.text))) financial = true;
    if (!number && hasNumber(source, s)) number = true;
    if (isOpenQuestion(s)) questions.push([s.start, s.end]);
    if (!evidence && ((b & EVIDENCE) !== 0 || namesSource(s.words))) evidence = true;
  }
  const evidenceHeading = bits.some((x) => (x & EVIDENCE_HEADING) !== 0);
  // Most blocks have neither: they share one empty list (facts are cached per block, and read only).
  return {
    recommendations: recommendations.length ? recommendations : NO_RANGES,
    asks,
    tradeoff,
    financial,
    number,
    preferred,
    questions: questions.length ? questions : NO_RANGES,
    evidence: evidence || number,
    evidenceHeading,
    chronologyOpener,
  };
}
