// Credit signals: what a document does, measured from the document model once per analysis. Each signal is a
// fraction 0–1 and says whether there was anything to judge; a rubric's `credit` table turns signals into the
// points each dimension can earn. The engine combines them without knowing what a signal measures.
//
// One rule holds everywhere: a sentence with a placeholder ("[N%]", "[owner]") earns nothing. A template fix
// that inserts a placeholder makes a finding go away, but it does not write the number, the ask or the cost.
import type { CreditReport, DocInput, Signal } from './rule.js';
import { hasDate, MONTHS } from './util.js';
import { isChecklistItem, isImperative, isLinkOnly, recordsDecision } from './grammar.js';
import { carriesPoint, isOpeningProse } from './point.js';
import { placeholdersIn } from './placeholders.js';
import { roleOfTitle, type SectionRole } from '../core/sectionRoles.js';
import type { Block, Section } from '../core/document.js';
import type { Sentence } from '../core/sentences.js';
import grammar from '../../../rubrics/data/grammar.json';
import sectionData from '../../../rubrics/data/section-roles.json';

/** Plain prose sentences a document needs before every dimension can be judged. */
export const MIN_JUDGED_SENTENCES = 5;
/** Plain prose sentences below which a document counts as a stub: its overall score is capped. */
export const SUBSTANCE_SENTENCES = 8;
/** Words of plain prose a Decision or Proposal section needs to state a decision ("Replace the stack." is four). */
const DECISION_WORDS = 4;
/** Words a list item needs to count as a sentence of prose. */
const LIST_SENTENCE_WORDS = 4;

/**
 * English prose is a third or more function words ("the", "of", "we", "is"…): on the corpus every document is
 * at about 0.14 or above, however terse its lists of releases and figures, and placeholder Latin ("Lorem ipsum dolor
 * sit amet…") is about 0.06, as is prose in another language. Below this share, over at least ENGLISH_MIN_WORDS
 * sampled words, the text does not read as English, and Presence, which judges English, counts no prose in it.
 */
const ENGLISH_SHARE = 0.1;
const ENGLISH_MIN_WORDS = 30;
/**
 * The share is read on each block's first words only: that is the whole of most blocks, and a third of the cost on
 * long paragraphs (on the corpus the lowest document share is 0.138 either way).
 */
const ENGLISH_SAMPLE = 24;
// Looked up by length and first and last letter, then compared: every word of the prose is tested once, and a
// Set would hash each freshly cut word string first (it doubled the tally's time on a 100k-word memo).
const shape = (w: string): number => (w.length << 16) | (w.charCodeAt(0) << 8) | (w.charCodeAt(w.length - 1) & 0xff);
const FUNCTION_WORDS = new Map<number, string[]>();
for (const w of grammar.functionWords) {
  const k = shape(w);
  FUNCTION_WORDS.set(k, [...(FUNCTION_WORDS.get(k) ?? []), w]);
}
const FUNCTION_WORD_CHARS = Math.max(...grammar.functionWords.map((w) => w.length));
function isFunctionWord(w: string): boolean {
  if (w.length > FUNCTION_WORD_CHARS || w.charCodeAt(0) > 0xff) return false;
  return FUNCTION_WORDS.get(shape(w))?.includes(w) === true;
}

/**
 * Words in order: in English an article starts a noun phrase and a preposition takes one, so neither stands before
 * an auxiliary, a conjunction or a subject pronoun ("the of", "a we", "of is", "for and"), and a sentence does not
 * end on an article. On the corpus and the outside batches at most 5% of a document's articles and prepositions
 * stand so (the median document 0%; "N/A" and a code span the mask blanked are not read); with the words of each
 * sentence shuffled, 24% (the median document), and over 12% in 211 of 228. Above MISPLACED_SHARE, over at least
 * MIN_PAIRS read, the words are not in the order of sentences, and none of it is prose.
 */
const MISPLACED_SHARE = 0.12;
// Enough pairs that one name or idiom in a short memo cannot tip the share.
const MIN_PAIRS = 12;
const ARTICLES = new Set(grammar.articles);
const NOT_AFTER_ARTICLE = new Set(grammar.notAfterArticle);
const PREPOSITIONS = new Set(grammar.prepositions);
const NOT_AFTER_PREPOSITION = new Set(grammar.notAfterPreposition);
/**
 * Undefined when words[i] is not an article or preposition read here; else whether the word after it is one that
 * cannot follow it.
 */
function outOfOrder(masked: string, base: number, words: readonly Sentence['words'][number][], i: number): boolean | undefined {
  const w = words[i]!;
  const article = ARTICLES.has(w.lower);
  if (!article && !PREPOSITIONS.has(w.lower)) return undefined;
  // Only a word between spaces: not the "A" of "N/A", and not one before a code span the mask blanked.
  const before = w.start > base ? masked.charCodeAt(w.start - base - 1) : 32;
  if (before !== 32 && before !== 10) return undefined;
  const next = words[i + 1];
  // A capitalised word after it is a name ("in May"), whatever its lowercase spelling says.
  if (next) {
    if (next.start - w.end !== 1 || next.text.charCodeAt(0) < 97) return undefined;
    return (article ? NOT_AFTER_ARTICLE : NOT_AFTER_PREPOSITION).has(next.lower);
  }
  // A sentence may end on a preposition ("what it is for"), not on an article.
  return article && /^[.!?]/.test(masked.slice(w.end - base, w.end - base + 1)) ? true : undefined;
}

/**
 * A sentence's words as one number, so a sentence written again can be told from a new one: each word's length and
 * first and last letters (reading every character cost as much as the rest of the tally; two sentences that differ
 * only inside words of the same shape count once, which real prose does not write).
 */
function sentenceKey(s: Sentence): number {
  let h = 0x811c9dc5;
  for (const { lower } of s.words) h = Math.imul(h ^ shape(lower), 0x01000193);
  return h >>> 0;
}

// Which section roles (core/sectionRoles.ts, inherited by subsections) count for which signal.
const TRADEOFF_ROLES: readonly SectionRole[] = ['drawbacks', 'alternatives'];
// A Decision, Proposal or Recommendation section (an RFC's design) states the decision the document makes.
const DECISION_ROLES: readonly SectionRole[] = ['proposal'];
/** Of a Consequences section that names no cost (only upsides), the share of its words that count as tradeoff words. */
const NEUTRAL_SHARE = 0.5;
const NEUTRAL_HEADING = `\\b(?:${sectionData.neutralDrawbacks.join('|')})\\b`;
const NEUTRAL_TEST = new RegExp(NEUTRAL_HEADING, 'i');
const NEUTRAL_ALL = new RegExp(NEUTRAL_HEADING, 'gi');
/** The heading gives a drawbacks role only by a neutral word ("Consequences"), not by one that names costs ("Risks"). */
const isNeutralDrawbacks = (title: string): boolean =>
  NEUTRAL_TEST.test(title) && roleOfTitle(title.replace(NEUTRAL_ALL, ' ')) !== 'drawbacks';
const OPTION_ROLES: readonly SectionRole[] = ['options', 'alternatives'];
const DECISION_DOC_ROLES: readonly SectionRole[] = [...DECISION_ROLES, ...OPTION_ROLES, ...TRADEOFF_ROLES];
/** Words of prose under Decision or Proposal headings that spell a decision out in full. */
const DESIGN_WORDS = 100;

// A figure: a quantity in digits. Not one: a year ("in 2019"), an id after an acronym or "#" ("RFC 2008", "#41"),
// a version ("1.2.3", "v2"), or a digit inside a word ("Q3", "W3C").
const NUMBER = /(?<![\p{L}\d.#/_-])\d[\d,]*(?:\.\d+)*/gu;
// The month names of util.ts's dates; next to a day's number "May" and "March" are months too.
const MONTH = `(?:${MONTHS}|may|march|mar)\\.?`;
const CALENDAR_BEFORE = new RegExp(`\\b${MONTH} $`, 'i');
const CALENDAR_AFTER = new RegExp(`^(?:st|nd|rd|th)?(?:,? ${MONTH}\\b|(?:st|nd|rd|th)\\b)`, 'i');
function hasFigure(text: string): boolean {
  if (!/\d/.test(text)) return false;
  for (const m of text.matchAll(NUMBER)) {
    // "in 2019, we" and "Apr 27, 2020": the comma closes the figure's clause, it is not a thousands separator.
    const n = m[0].replace(/,+$/, '');
    if (/^(?:19|20)\d\d$/.test(n) || (n.match(/\./g)?.length ?? 0) >= 2) continue;
    if (/(?:\b\p{Lu}{2,}[ -]?|\bv)$/u.test(text.slice(Math.max(0, m.index - 8), m.index))) continue;
    // A calendar day ("Feb 5, 2015", "on 25th March", "5 December") dates the sentence; it is not a quantity.
    const after = text.slice(m.index + n.length, m.index + n.length + 12);
    if (n.length <= 2 && (CALENDAR_BEFORE.test(text.slice(Math.max(0, m.index - 11), m.index)) || CALENDAR_AFTER.test(after))) continue;
    // So does a time of day ("at 4:11 AM UTC", "17:00").
    if (n.length <= 2 && (/^:\d\d/.test(after) || /\d:$/.test(text.slice(Math.max(0, m.index - 2), m.index)))) continue;
    return true;
  }
  return false;
}

/**
 * The sentence names something specific: a figure, date or version (a digit), a name (a capitalised word past the
 * first, an acronym, a CamelCase term), code or a link. "Progress was made across several areas." names nothing.
 * Only such sentences make a document long enough to spread its findings' cost (score.ts): padding a memo with
 * sentences that say nothing must not make its hedges cheaper. The first word is not read as a name: a sentence
 * starts with a capital either way.
 */
function isInformative(source: string, s: Sentence, blockStart: number): boolean {
  if (/\d/.test(s.text)) return true;
  const words = s.words;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!.text;
    const c = w.charCodeAt(0);
    if (!(c >= 65 && c <= 90) && !(c > 0xbf && w[0] !== w[0]!.toLowerCase())) continue;
    // "Bottom line: We…", "I": a capitalised function word names nothing.
    if (isFunctionWord(words[i]!.lower)) continue;
    if (i > 0) return true;
    // "API", "GitHub": more than one capital.
    if (/\p{Lu}/u.test(w.slice(1))) return true;
  }
  // Masked out of the sentence's text: code spans and link targets.
  return /`|\]\(|https?:|www\./.test(source.slice(s.start - blockStart, s.end - blockStart));
}

/** What one pass over the document counts. */
export interface Tally {
  /**
   * Plain prose sentences (two words or more, not quoted, no placeholder), each counted once: a sentence written
   * again says nothing new. None when the text does not read as English.
   */
  sentences: number;
  /** Of those, the sentences that name something specific (isInformative). */
  informative: number;
  /** Why none of the prose counts, when none does though there is some (text that does not read as English). */
  proseNote?: string;
  /** Sentences that hold a placeholder. */
  placeholderSentences: number;
  numeric: number;
  compared: number;
  financial: number;
  asks: number;
  /** The best ask's contract: 0.5 for a date, 0.5 for who decides. */
  askContract: number;
  /** Words of prose in sections whose heading gives them the tradeoffs role. */
  tradeoffWords: number;
  /** A Consequences section names no cost: its words counted half. */
  upsidesOnly: boolean;
  /** Words of prose (no placeholder) in Decision, Proposal or Recommendation sections. */
  decisionWords: number;
  /** Summary or decision sections that open with an imperative proposal. */
  imperatives: number;
  /** Sentences elsewhere that name a cost, an alternative or a thing given up. */
  tradeoffSentences: number;
  optionWords: number;
  uncertain: number;
  resolved: number;
  /** Items under roadmap or priorities headings, and those with evidence. */
  priorityItems: number;
  evidencedItems: number;
  /** Sentences or blocks citing evidence (a number, a source, a link). */
  evidenced: number;
  /** Numeric sentences in a results section or the second half of the document. */
  results: number;
  opening: { words: number; point: boolean; number: boolean } | null;
  /** [start, end) of each counted prose sentence, in document order (flattened pairs). */
  spans: number[];
  /** The document records its decision as made ("Status: Accepted"): nobody is left to decide. */
  decided: boolean;
  /** The document has the sections of a decision document: a proposal, options, alternatives or drawbacks. */
  decisionDoc: boolean;
}

/** What one prose block contributes; independent of where the block sits, so it is cached by its text. */
interface BlockTally {
  sentences: number;
  placeholderSentences: number;
  words: number;
  /** Words of sentences that say nothing the reader can use ("Let us know your thoughts", a deferral). */
  hollowWords: number;
  numeric: number;
  compared: number;
  financial: number;
  asks: number;
  askContract: number;
  tradeoffSentences: number;
  /** In a tradeoff section: sentences that name a cost, a downside or a thing given up (the `costs` list). */
  costs: number;
  uncertain: number;
  resolved: number;
  evidenced: number;
  /**
   * A list item or bold line that opens with a question (a template's prompt, perhaps): 'asks' when it asks for the
   * asks ("What does your group need help with?"), 'other' for any other question.
   */
  question?: 'asks' | 'other';
  /** The block is a template's prompt and nothing else (one question): the form's wording, not prose. */
  prompt: boolean;
  /**
   * An ask, recommendation or other point, and a figure, among its first sentences of prose (the rubric's
   * `openingSentences`, as the opening rules read the opening): for the opening's credit.
   */
  point: boolean;
  pointNumber: boolean;
  /**
   * Indexes (into the block's sentences) of its opening sentences. Only the document's opening block has them read
   * for a point (carriesPoint), by `tally`: every other block's tally skips that reading.
   */
  openers: number[];
  /** [start, end) of each counted prose sentence, relative to the block start. */
  spans: number[];
  /** Each counted sentence's key (sentenceKey), in the order of `spans`. */
  keys: number[];
  /** Whether each counted sentence names something specific (isInformative), in the order of `spans`. */
  informative: boolean[];
  /** Of the block's first ENGLISH_SAMPLE counted words: how many were read, and how many are function words. */
  sampledWords: number;
  functionWords: number;
  /** Articles and prepositions read, and those before a word that cannot follow them (outOfOrder). */
  pairs: number;
  misplaced: number;
}

const ROLE_TRADEOFFS = 1;
/** A block's tally and what, besides its source text, it was counted with. */
interface TallyVariant {
  rubric: string;
  roles: number;
  hasLink: boolean;
  /** Placeholder offsets relative to the block start, flattened pairs. */
  placeholders: number[];
  tally: BlockTally;
}
// A block's tallies live in its own memo, kept with its cached analysis by the Analyzer that made it: no state
// outlives an Analyzer, so a fresh one (a CLI file, a benchmark run) pays the whole cost and nothing leaks between
// documents. The memo holds one variant per rubric, roles, link and placeholder offsets seen with that text.
const TALLIES = 'credit/tallies';

function samePlaceholders(a: readonly number[], b: ReadonlyArray<[number, number]>, base: number): boolean {
  if (a.length !== 2 * b.length) return false;
  for (let i = 0; i < b.length; i++) if (a[2 * i] !== b[i][0] - base || a[2 * i + 1] !== b[i][1] - base) return false;
  return true;
}

const QUESTION_END = /\?[!*_\s]*$/;

/** Where a template sets its prompts: a numbered or bulleted item, or a line in bold (a question in a paragraph is the writer's). */
const promptPlace = (block: Block, source: string): boolean => block.list >= 0 || /^\s*(\*\*|__)/.test(source);

// An answer that declines: "None.", "Nothing to mention", "N/A", "No help needed at this time".
const NO_ANSWER = /^\W*(?:no|none|nothing|n\/a|not)\b/i;

/** An invitation ("Let us know your thoughts") or a deferral ("once everyone is aligned"): prose that decides nothing. */
const isHollow = (lists: DocInput['rubric']['lists'], s: Sentence): boolean => lists.emptyAsks.holds(s) || lists.consensusDeferral.holds(s);

function blockTally(input: DocInput, b: number, roles: number): BlockTally {
  const { doc, rubric, text } = input;
  const block = doc.blocks[b];
  const placeholders = placeholdersIn(text, block, input.memo);
  // The block's own memo first (kept with its cached analysis: no lookup by text while typing elsewhere).
  const memo = input.blockMemo?.(b);
  const source = text.slice(block.start, block.end);
  const variants = memo?.[TALLIES] as TallyVariant[] | undefined;
  if (variants) {
    for (const v of variants)
      if (
        v.rubric === rubric.key &&
        v.roles === roles &&
        v.hasLink === block.hasLink &&
        samePlaceholders(v.placeholders, placeholders, block.start)
      )
        return v.tally;
  }
  const facts = input.facts(b);
  const { lists } = rubric;
  const t: BlockTally = {
    sentences: 0,
    placeholderSentences: 0,
    words: 0,
    hollowWords: 0,
    numeric: 0,
    compared: 0,
    financial: 0,
    asks: 0,
    askContract: 0,
    tradeoffSentences: 0,
    costs: 0,
    uncertain: 0,
    resolved: 0,
    evidenced: 0,
    point: false,
    pointNumber: false,
    openers: [],
    prompt: false,
    spans: [],
    keys: [],
    informative: [],
    sampledWords: 0,
    functionWords: 0,
    pairs: 0,
    misplaced: 0,
  };
  // Block facts say which word lists occur at all; a sentence is tested against a list only where the block has it.
  const mayAsk = facts.asks > 0 || facts.recommendations.length > 0;
  const sentences = input.sentences(b);
  // A template's checklist item ("[x] CONTRIBUTING.md reviewed") or its prompt (a block that is one question) is the
  // form's wording, not the writer's prose: a filled-in template with empty answers is still a stub.
  // Read once per block text (the tally of every block runs on every keystroke; this does not).
  const first = sentences[0];
  if (first && QUESTION_END.test(first.text) && promptPlace(block, source)) {
    t.question = roleOfTitle(first.text) === 'asks' ? 'asks' : 'other';
    // A prompt is the question and nothing else; one may carry a second line of guidance, which makes it prose.
    t.prompt = sentences.length === 1 && QUESTION_END.test(source);
  }
  const form = isChecklistItem(source) || t.prompt;
  // A list item that is a link and little else is a reference, not prose.
  const reference = block.list >= 0 && isLinkOnly(source, LIST_SENTENCE_WORDS);
  for (let si = 0; si < (form || reference ? 0 : sentences.length); si++) {
    const s = sentences[si]!;
    // In a list, a label of a few words ("API Expression", "component-base") is a name, not a sentence.
    if (block.list >= 0 && s.words.length < LIST_SENTENCE_WORDS) continue;
    // Two words make a sentence ("Coming soon." is one); a lone "TBD" is not prose. A safe fix drops a word or
    // two from a longer sentence, so it rarely changes the count.
    if (s.words.length < 2) continue;
    if (placeholders.length > 0 && placeholders.some(([ps]) => ps >= s.start && ps < s.end)) {
      t.placeholderSentences++;
      continue;
    }
    const opening = t.sentences < rubric.thresholds.openingSentences;
    t.sentences++;
    t.spans.push(s.start - block.start, s.end - block.start);
    t.keys.push(sentenceKey(s));
    t.informative.push(isInformative(source, s, block.start));
    const words = s.words;
    t.words += words.length;
    for (let i = 0; i < words.length && t.sampledWords < ENGLISH_SAMPLE; i++, t.sampledWords++)
      if (isFunctionWord(words[i]!.lower)) t.functionWords++;
    for (let i = 0; i < words.length; i++) {
      const placed = words[i]!.lower.length <= 4 ? outOfOrder(block.masked, block.start, words, i) : undefined;
      if (placed === undefined) continue;
      t.pairs++;
      if (placed) t.misplaced++;
    }
    const hollow = isHollow(lists, s);
    if (hollow) t.hollowWords += words.length;
    const numeric = hasFigure(s.text);
    if (numeric) {
      t.numeric++;
      if (opening) t.pointNumber = true;
      if (lists.comparators.holds(s)) t.compared++;
      if (facts.financial && (lists.financialTerms.holds(s) || /[$€£¥]\s?\d/.test(s.text))) t.financial++;
    }
    // "We might want to maybe revisit this" is not a decision: a hedged ask, like an empty one or a deferral, earns nothing.
    if (mayAsk && (lists.ask.holds(s) || lists.recommendation.holds(s)) && !hollow && !lists.hedges.holds(s)) {
      t.asks++;
      if (opening) t.point = true;
      t.askContract = Math.max(t.askContract, (hasDate(text, s) ? 0.5 : 0) + (lists.deciders.holds(s) ? 0.5 : 0));
    }
    if (!(roles & ROLE_TRADEOFFS) && facts.tradeoff && lists.tradeoff.holds(s)) t.tradeoffSentences++;
    if (roles & ROLE_TRADEOFFS && lists.costs.holds(s)) t.costs++;
    // Resolved: an assumption, estimate or revisit that is pinned to a date or a figure ("revisit by 1 March", "we
    // estimate a 60% chance"); "revisit this soon" is not.
    const resolved = (lists.resolution.holds(s) || lists.calibration.holds(s)) && (numeric || hasDate(text, s));
    if (lists.uncertainty.holds(s)) t.uncertain++;
    if (resolved) t.resolved++;
    // The opening's point, as the opening rules read it (an imperative proposal, a result, an ask).
    if (opening) t.openers.push(si);
    if (numeric || block.hasLink || (facts.evidence && lists.evidenceSources.holds(s))) t.evidenced++;
  }
  if (memo) {
    const variant: TallyVariant = {
      rubric: rubric.key,
      roles,
      hasLink: block.hasLink,
      placeholders: placeholders.flatMap(([ps, pe]) => [ps - block.start, pe - block.start]),
      tally: t,
    };
    if (variants) variants.push(variant);
    else memo[TALLIES] = [variant];
  }
  return t;
}

/** What the tally reads of the sections, which depend on the headings alone. */
interface SectionFacts {
  /** Per section: 1 tradeoffs, 2 options, 4 results, 8 decision (the role the document model gave it). */
  roleBits: Int32Array;
  /**
   * Per section: the Consequences section it belongs to when its heading, or the nearest heading above that has a
   * role of its own, gives the drawbacks role only by a neutral word; -1 otherwise.
   */
  neutralGroup: Int32Array;
  /** Sections headed "Status": a decision record's status sits in the block under it ("Accepted"). */
  statusSection: boolean[];
  decisionDoc: boolean;
}
// Typing inside a paragraph keeps the document's sections (reparse hands the same array on), so their facts are
// read once per heading structure, not on every keystroke. Weak: they go with the document that holds them.
const SECTION_FACTS = new WeakMap<readonly Section[], SectionFacts>();
function sectionFacts(sections: readonly Section[]): SectionFacts {
  const cached = SECTION_FACTS.get(sections);
  if (cached) return cached;
  // The document model gives each section its role (a subsection without one takes its parent's).
  const roleBits = Int32Array.from(
    sections,
    (s) =>
      (TRADEOFF_ROLES.includes(s.role) ? 1 : 0) |
      (OPTION_ROLES.includes(s.role) ? 2 : 0) |
      (s.role === 'results' ? 4 : 0) |
      (DECISION_ROLES.includes(s.role) ? 8 : 0),
  );
  // Consequences are not all costs: a section headed only by a neutral word ("Consequences") states a tradeoff
  // only where it names one. Its subsections without a heading role of their own ("Positive") belong to it.
  const neutralGroup = new Int32Array(sections.length).fill(-1);
  sections.forEach((s, i) => {
    if (s.role !== 'drawbacks') return;
    const own = roleOfTitle(s.title);
    if (own === 'drawbacks') neutralGroup[i] = isNeutralDrawbacks(s.title) ? i : -1;
    else if (own === 'none' && s.parent >= 0) neutralGroup[i] = neutralGroup[s.parent]!;
  });
  const facts: SectionFacts = {
    roleBits,
    neutralGroup,
    statusSection: sections.map((s) => s.role === 'metadata' && /^status$/i.test(s.title.trim())),
    decisionDoc: sections.some((s) => DECISION_DOC_ROLES.includes(s.role)),
  };
  SECTION_FACTS.set(sections, facts);
  return facts;
}

/** The document's tally, counted once per analysis (document rules and the score share it). */
export function tally(input: DocInput): Tally {
  const cached = input.memo.get('credit/tally') as Tally | undefined;
  if (cached) return cached;
  const { doc, text } = input;
  const { roleBits, neutralGroup, statusSection, decisionDoc } = sectionFacts(doc.sections);
  const t: Tally = {
    sentences: 0,
    informative: 0,
    placeholderSentences: 0,
    numeric: 0,
    compared: 0,
    financial: 0,
    asks: 0,
    askContract: 0,
    tradeoffWords: 0,
    upsidesOnly: false,
    decisionWords: 0,
    imperatives: 0,
    tradeoffSentences: 0,
    optionWords: 0,
    uncertain: 0,
    resolved: 0,
    priorityItems: 0,
    evidencedItems: 0,
    evidenced: 0,
    results: 0,
    opening: null,
    spans: [],
    decided: false,
    decisionDoc,
  };
  const neutralWords: number[] = [];
  const neutralCosted: boolean[] = [];
  // The first block of each summary or decision section: an imperative there ("Replace the self-hosted stack with
  // the managed service.") is the decision, stated.
  const firstOfSection = new Set<number>();
  doc.sections.forEach((s) => {
    if (s.role !== 'summary' && s.role !== 'proposal') return;
    const first = s.blocks.find((x) => doc.blocks[x].kind === 'paragraph' && !doc.blocks[x].quoted);
    if (first !== undefined) firstOfSection.add(first);
  });
  const half = doc.blocks.length > 0 ? doc.blocks[doc.blocks.length - 1].end / 2 : 0;
  let openingBlock = -1;
  // The section in which a template's prompt asked for the asks ("What does your group need help with?"): what the
  // writer answers under it, up to the next prompt or section, is the ask, as under an "Asks" or "Help wanted" heading.
  let askPrompt = -1;
  const said = new Set<number>();
  let sampledWords = 0;
  let functionWords = 0;
  let pairs = 0;
  let misplaced = 0;
  for (let b = 0; b < doc.blocks.length; b++) {
    const block = doc.blocks[b];
    if (block.kind !== 'paragraph' || block.quoted) continue;
    const roles = roleBits[block.section];
    // This loop runs on every keystroke: what it needs of a block comes from the block's cached tally, and the
    // block's source is sliced only for the rare tests below.
    const x = blockTally(input, b, roles & ROLE_TRADEOFFS);
    // A prompt may carry a second line of guidance ("Any areas with 2 or fewer OWNERs? (link to more details)").
    const asking = x.question !== undefined;
    if (asking) {
      askPrompt = x.question === 'asks' ? block.section : -1;
      if (x.prompt) continue;
    } else if (block.section !== askPrompt) askPrompt = -1;
    // A status is stated in the header, before the writer's opening, or under a Status heading.
    const underStatus = statusSection[block.section] === true;
    if (
      !t.decided &&
      (underStatus || (openingBlock < 0 && /status/i.test(block.masked))) &&
      recordsDecision(text.slice(block.start, block.end), underStatus)
    )
      t.decided = true;
    // The prompt itself is not its answer.
    const answersAsk = !asking && (askPrompt >= 0 || doc.sections[block.section]?.role === 'asks');
    // The opening is the first prose the writer wrote, where the opening rules find it (not a header line, a
    // byline, a label), and a block with a sentence of prose.
    if (openingBlock < 0 && b > doc.title && x.sentences > 0 && isOpeningProse(input, b)) openingBlock = b;
    // A sentence said before ("We will continue to work on this." under every heading) is not more prose.
    let fresh = 0;
    for (let i = 0; i < x.keys.length; i++) {
      if (said.has(x.keys[i]!)) continue;
      said.add(x.keys[i]!);
      fresh++;
      t.sentences++;
      if (x.informative[i]) t.informative++;
      t.spans.push(x.spans[2 * i]! + block.start, x.spans[2 * i + 1]! + block.start);
    }
    // A paragraph said before in full adds nothing: not its figures, its asks, nor words to a tradeoff section.
    if (x.keys.length > 0 && fresh === 0) continue;
    sampledWords += x.sampledWords;
    functionWords += x.functionWords;
    pairs += x.pairs;
    misplaced += x.misplaced;
    t.placeholderSentences += x.placeholderSentences;
    t.numeric += x.numeric;
    t.compared += x.compared;
    t.financial += x.financial;
    // An answer under an ask prompt or heading is an ask even in the writer's own words ("Mentoring needs a coordinator").
    t.asks += x.asks > 0 || !answersAsk || x.sentences === 0 || NO_ANSWER.test(text.slice(block.start, block.end)) ? x.asks : 1;
    t.askContract = Math.max(t.askContract, x.askContract);
    t.tradeoffSentences += x.tradeoffSentences;
    t.uncertain += x.uncertain;
    t.resolved += x.resolved;
    t.evidenced += x.evidenced;
    // An invitation or a deferral under a Decision or Drawbacks heading does not fill it.
    if (roles & 1) {
      // A Consequences section earns its words once it names a cost somewhere; a list of upsides earns a share.
      const g = neutralGroup[block.section]!;
      if (g < 0) t.tradeoffWords += x.words - x.hollowWords;
      else {
        neutralWords[g] = (neutralWords[g] ?? 0) + x.words - x.hollowWords;
        if (x.costs > 0) neutralCosted[g] = true;
      }
    }
    if (roles & 8) t.decisionWords += x.words - x.hollowWords;
    if (firstOfSection.has(b) && x.sentences > 0) {
      const first = input.sentences(b)[0];
      // "Let us know your thoughts." is imperative too, but an invitation, not a decision.
      if (first && !isHollow(input.rubric.lists, first) && isImperative(first.words, first.text)) t.imperatives++;
    }
    if (roles & 2) t.optionWords += x.words;
    if (roles & 4 || block.start >= half) t.results += x.numeric;
    if (b === openingBlock && x.sentences > 0) {
      const sentences = input.sentences(b);
      const point = x.point || x.openers.some((i) => carriesPoint(input, sentences[i]!));
      t.opening = { words: x.words, point, number: x.pointNumber };
    }
    if (block.list >= 0 && input.facts(b).evidenceHeading) {
      t.priorityItems++;
      if (x.evidenced > 0) t.evidencedItems++;
    }
  }
  neutralWords.forEach((w, g) => {
    t.tradeoffWords += neutralCosted[g] ? w : w * NEUTRAL_SHARE;
    if (!neutralCosted[g] && w > 0) t.upsidesOnly = true;
  });
  const notEnglish = sampledWords >= ENGLISH_MIN_WORDS && functionWords < ENGLISH_SHARE * sampledWords;
  const shuffled = pairs >= MIN_PAIRS && misplaced > MISPLACED_SHARE * pairs;
  if (notEnglish || shuffled) {
    t.sentences = 0;
    t.informative = 0;
    t.spans = [];
    t.opening = null;
    t.proseNote = notEnglish
      ? 'the prose does not read as English (too few words such as "the", "of" and "is"), and Presence judges English'
      : 'the words do not read as English sentences (too many pairs such as "the of" and "of is", as when words are out of order)';
  }
  input.memo.set('credit/tally', t);
  return t;
}

const frac = (n: number, of: number): number => (of <= 0 ? 0 : Math.max(0, Math.min(1, n / of)));
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** Every credit signal a rubric may name, by name. */
export const SIGNALS: Record<string, (t: Tally) => Signal> = {
  prose: (t) => ({
    value: frac(t.sentences, SUBSTANCE_SENTENCES),
    seen: t.sentences >= MIN_JUDGED_SENTENCES,
    note: `${plural(t.sentences, 'sentence')} of prose`,
    count: t.sentences,
    target: SUBSTANCE_SENTENCES,
  }),
  opening: (t) => {
    const o = t.opening;
    if (!o) return { value: 0, seen: t.sentences >= MIN_JUDGED_SENTENCES, note: 'no opening paragraph with substance' };
    const value = 0.4 + (o.point || o.number ? 0.4 : 0) + (o.number ? 0.2 : 0);
    return {
      value,
      seen: true,
      note: `opening ${o.point ? 'states an ask or decision' : o.number ? 'states an outcome' : 'has no outcome, decision or ask'}${o.number ? ' with a number' : ''}`,
    };
  },
  // "Status: Accepted" says a decision was made, not what it is: the decision itself is written somewhere.
  ask: (t) => {
    const stated = t.decisionWords >= DECISION_WORDS || t.imperatives > 0;
    return {
      value: t.asks > 0 || stated ? 1 : 0,
      seen: t.sentences >= MIN_JUDGED_SENTENCES,
      note:
        t.asks > 0
          ? `${plural(t.asks, 'ask or decision', 'asks or decisions')}`
          : stated
            ? 'the decision is stated in its own section'
            : 'no ask or decision',
    };
  },
  // A decision record whose status says the decision is made has no decider or deadline left to name.
  askContract: (t) => ({
    value: t.decided ? 1 : t.askContract,
    seen: t.asks > 0 || t.decided,
    note: t.decided
      ? 'the decision is recorded as made (status: accepted)'
      : t.askContract >= 1
        ? 'an ask names who decides and by when'
        : t.askContract > 0
          ? 'no ask names both who decides and by when'
          : 'no ask names who decides or by when',
  }),
  // A decision document spells its decision out under its own heading: the proposal, not only its name.
  design: (t) => ({
    value: frac(t.decisionWords, DESIGN_WORDS),
    seen: t.decisionDoc,
    note: t.decisionWords > 0 ? `${plural(t.decisionWords, 'word')} in decision sections` : 'no decision or proposal section with content',
  }),
  // A tradeoff section with content earns most; sentences elsewhere that name a cost or an alternative earn up to half.
  tradeoffs: (t) => ({
    value: Math.min(1, frac(t.tradeoffWords, 150) + 0.5 * frac(t.tradeoffSentences, 8)),
    seen: t.sentences >= MIN_JUDGED_SENTENCES,
    note:
      t.tradeoffWords + t.tradeoffSentences > 0
        ? `${plural(Math.round(t.tradeoffWords), 'word')} in tradeoff sections${t.upsidesOnly ? ', counting half of a Consequences section that names no cost' : ''}, ${plural(t.tradeoffSentences, 'other sentence')} naming a cost or alternative`
        : 'no cost, alternative or thing given up is stated',
  }),
  options: (t) => ({
    value: frac(t.optionWords, 40),
    seen: t.sentences >= MIN_JUDGED_SENTENCES,
    note: t.optionWords > 0 ? `${plural(t.optionWords, 'word')} on the options` : 'no options section with content',
  }),
  numbers: (t) => ({
    value: frac(t.numeric, 8),
    seen: t.sentences >= MIN_JUDGED_SENTENCES,
    note: `${plural(t.numeric, 'sentence')} with a figure`,
  }),
  comparators: (t) => ({
    value: frac(t.compared, 2),
    seen: t.numeric > 0,
    note: `${plural(t.compared, 'figure')} against a plan, target or prior period`,
  }),
  financials: (t) => ({
    value: frac(t.financial, 2),
    seen: t.sentences >= MIN_JUDGED_SENTENCES,
    note: `${plural(t.financial, 'financial figure')}`,
  }),
  resolved: (t) => ({
    value: frac(t.resolved, 2),
    seen: t.uncertain > 0 || t.resolved > 0,
    note: `${plural(t.uncertain, 'uncertainty', 'uncertainties')}, ${plural(t.resolved, 'assumption, estimate or revisit date', 'assumptions, estimates or revisit dates')}`,
  }),
  evidence: (t) =>
    t.priorityItems > 0
      ? {
          value: frac(t.evidencedItems, t.priorityItems),
          seen: true,
          note: `${t.evidencedItems} of ${plural(t.priorityItems, 'priority', 'priorities')} with evidence`,
        }
      : {
          value: frac(t.evidenced, 6),
          seen: t.sentences >= MIN_JUDGED_SENTENCES,
          note: `${plural(t.evidenced, 'sentence')} citing a figure, source or link`,
        },
  result: (t) => ({
    value: frac(t.results, 1),
    seen: t.sentences >= MIN_JUDGED_SENTENCES,
    note: t.results > 0 ? 'states a measurable result' : 'no measurable result',
  }),
};

/** Every signal's value for a document (the engine's score combines them with the rubric's credit table). */
export function creditSignals(input: DocInput): CreditReport {
  const t = tally(input);
  const signals: Record<string, Signal> = {};
  for (const [name, f] of Object.entries(SIGNALS)) signals[name] = f(t);
  // Only a decision document is judged on how it spells out its decision.
  if (!t.decisionDoc) delete signals.design;
  return {
    signals,
    sentences: t.sentences,
    informative: t.informative,
    substance: SUBSTANCE_SENTENCES,
    spans: t.spans,
    ...(t.proseNote ? { note: t.proseNote } : {}),
  };
}
