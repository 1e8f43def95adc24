// Helpers shared by rule families: phrase matches in sentences, numbers and dates, and edits that remove or
// replace words without leaving stray commas or a lowercase sentence start.
import { docPath, type BlockInput, type BlockRule } from './rule.js';
import type { Sentence, Word } from '../core/sentences.js';
import type { PhraseMatch, PhraseList } from '../core/phrases.js';
import type { Dimension, Fix, Severity, TextEdit } from '../engine/types.js';

export interface SentenceMatch extends PhraseMatch {
  sentence: Sentence;
  start: number;
  end: number;
}

/** Matches of a rubric word list in each sentence of the block, in order. Shared by the rules that ask: do not modify. */
export function matchList(input: BlockInput, list: string): readonly SentenceMatch[] {
  const cached = input.memo?.get(list) as SentenceMatch[] | undefined;
  if (cached) return cached;
  const id = input.rubric.index.idOf(list);
  // Most lists match nothing in a given block: those allocate and remember nothing.
  let out: SentenceMatch[] | undefined;
  for (const m of input.matches) {
    if (m.list !== id) continue;
    const sentence = input.sentences[m.sentence];
    (out ??= []).push({
      from: m.from,
      to: m.to,
      phrase: m.phrase,
      sentence,
      start: sentence.words[m.from].start,
      end: sentence.words[m.to - 1].end,
    });
  }
  if (!out) return NO_MATCHES;
  (input.memo ??= new Map()).set(list, out);
  return out;
}

// Not frozen: for…of over a frozen array leaves V8's fast path and allocates an iterator per loop.
const NO_MATCHES: readonly SentenceMatch[] = [];

// A bracketed placeholder that is not a link, e.g. "[N%]", "[date]", "[owner]": a slot the writer will fill.
// core/slots.ts's slot, but at most 40 characters, on purpose: this stands in for a number or a date, and a longer
// slot is a sentence to write ("Cost: [the main cost or risk, and why it is worth paying].", or an aside in
// brackets), not a figure. Without the bound, that Cost line would count as a figure after "a huge backlog" and
// silence quantified/vague-quantity there.
const PLACEHOLDER = /\[[^\]\n]{1,40}\](?![([])/;

/**
 * A sentence, with room for the answers of hasNumber and hasDate: rules ask once per word-list match and each
 * answer scans the whole sentence, so a long sentence with many matches was quadratic. The answers belong to
 * the sentence object (a WeakMap cost more in garbage collection than it saved).
 */
type SentenceSpan = Pick<Sentence, 'start' | 'end' | 'text' | 'numeric' | 'dated'>;

// Hoisted: a regex literal in a function body is a new object each time it runs (these run once per sentence).
const DIGIT = /(?<!\p{L})\d/u;
const DAY_MONTH = /\d{1,2}\/\d{1,2}/;

/** The sentence holds a number, a money amount, or a placeholder for one. */
export function hasNumber(text: string, s: SentenceSpan): boolean {
  // A digit inside a name ("W3C", "Q3") is not a quantity.
  return (s.numeric ??= DIGIT.test(s.text) || PLACEHOLDER.test(text.slice(s.start, s.end)));
}

// "May" and "March" are also verbs: they count as months only next to a number or after "in", "by", "on"…
export const MONTHS =
  'january|february|april|june|july|august|september|october|november|december|jan|feb|apr|jun|jul|aug|sep|sept|oct|nov|dec';
const DATE_WORDS = new RegExp(
  `\\b(?:(?:in|by|on|until|since|from|early|mid|late|end of|before|after) (?:may|march)\\b|\\d{1,2} (?:may|march)\\b|(?:may|march) \\d|${MONTHS}|monday|tuesday|wednesday|thursday|friday|q[1-4]|h[12]|fy\\d{2,4}|eod|eow|eoq|eoy|end of (?:the )?(?:day|week|month|quarter|year))\\b`,
  'i',
);

// A year, but not a count ("2000 users"): after a preposition, or not followed by a word.
const YEAR = /\b(?:(?:in|by|since|until|before|after|from|during|of|early|mid|late)\s+(?:19|20)\d{2}\b|(?:19|20)\d{2}\b(?!\s+\p{L}))/iu;

/** The sentence names a date or deadline (or a placeholder for one). */
export function hasDate(text: string, s: SentenceSpan): boolean {
  return (s.dated ??=
    DATE_WORDS.test(s.text) || YEAR.test(s.text) || DAY_MONTH.test(s.text) || PLACEHOLDER.test(text.slice(s.start, s.end)));
}

/** The phrase starts its sentence (ignoring opening punctuation). */
export function atSentenceStart(m: SentenceMatch): boolean {
  return m.from === 0;
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

// Characters that open a span around a sentence's first word without being a word: emphasis, a link's bracket,
// an opening quote or parenthesis, an HTML tag. A code span is content, not a wrapper.
const OPENING_MARKUP = /^(?:[*_~[("'\u201c\u2018]|<[A-Za-z][^<>]*>)*$/;
const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t';

/**
 * Removes [start, end) — a phrase inside `sentence` — together with the comma and space around it, and
 * capitalises the next word when the phrase opened the sentence, also when markup stands before that word
 * ("Unfortunately, **the launch**" → "**The launch**"). Emphasis wrapped around the phrase alone goes with it.
 */
export function removalEdits(text: string, sentence: Sentence, start: number, end: number): TextEdit[] {
  let s = start;
  let e = end;
  // "**frankly**": markers that wrap only the phrase would be left empty ("****").
  while (s > 0 && /[*_~]/.test(text[s - 1]) && text[e] === text[s - 1]) {
    s--;
    e++;
  }
  // "(maybe)": the parentheses go with the word.
  if (text[s - 1] === '(' && text[e] === ')') {
    let b = s - 1;
    while (b > sentence.start && isBlank(text[b - 1])) b--;
    return [{ start: b, end: e + 1, newText: '' }];
  }
  const atStart = sentence.words[0]?.start === start;
  // Trailing comma and spaces ("Unfortunately, the …").
  let k = e;
  if (text[k] === ',') k++;
  while (k < text.length && isBlank(text[k])) k++;
  if (atStart) {
    const next = sentence.words.find((w) => w.start >= k);
    if (!next) return [{ start: s, end: e, newText: '' }];
    const first = text[next.start];
    const capital = capitalize(first);
    // Replace through the next word's first letter so it becomes capitalised.
    if (next.start === k) return [{ start: s, end: k + 1, newText: capital }];
    const removal: TextEdit = { start: s, end: k, newText: '' };
    if (capital === first || !OPENING_MARKUP.test(text.slice(k, next.start))) return [removal];
    return [removal, { start: next.start, end: next.start + 1, newText: capital }];
  }
  // Mid-sentence: ", hopefully, we" → " we"; "should maybe ship" → "should ship".
  let b = s;
  while (b > sentence.start && isBlank(text[b - 1])) b--;
  if (text[b - 1] === ',' && text[e] === ',') {
    return [{ start: b - 1, end: e + 1, newText: '' }];
  }
  // ", hopefully." at the end: the comma before goes too.
  if (text[b - 1] === ',' && (e >= text.length || /[.!?;:)]/.test(text[e]))) return [{ start: b - 1, end: e, newText: '' }];
  if (k > e) return [{ start: s, end: k, newText: '' }];
  // Phrase at the end of the sentence: take the space before it instead.
  return [{ start: b, end: e, newText: '' }];
}

/** Replaces [start, end) keeping a capital first letter when the original had one. */
export function replaceEdit(text: string, start: number, end: number, replacement: string): TextEdit {
  // "Soon" → "By [date]" at a sentence start, but "ASAP" (capitals throughout) → "by [date]".
  const original = text.slice(start, end);
  const capitalised = /^\p{Lu}(?:\P{Lu}|$)/u.test(original);
  const newText = capitalised && replacement ? capitalize(replacement) : replacement;
  return { start, end, newText };
}

/** The original text of a sentence holds only prose (no code, links or HTML that a move would carry along). */
export function isPlainProse(text: string, s: Sentence): boolean {
  const original = text.slice(s.start, s.end);
  return original.replace(/[*_~]/g, ' ') === s.text.replace(/[*_~]/g, ' ');
}

/**
 * Document text as a message or fix title quotes it: every run of whitespace (a line break, a list item's
 * indentation) becomes one space, so a phrase that wraps across lines reads as it would in a sentence.
 */
export function collapseSpace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** The text of [start, end) for quoting in a message or a fix title (see collapseSpace). */
export function quoteText(text: string, start: number, end: number): string {
  return collapseSpace(text.slice(start, end));
}

export function wordAt(words: readonly Word[], i: number): string {
  return words[i]?.lower ?? '';
}

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** The whole matched phrase is a phrase of `list` (not only its first words): "kind of" is in a list, "kind" alone is not. */
export const isWholePhrase = (list: PhraseList, m: SentenceMatch): boolean => list.matchAt(m.sentence.words, m.from) === m.to - m.from;

/**
 * A template the writer completes, added after the sentence as "Label: [slots]" ("… Result: [what changed because of
 * it]."). Never safe: its slots are the writer's to fill, and a slot left open is itself a finding. A rule that offers
 * one stops flagging a sentence the writer answered so (the next words in the block are "Label:"); slots still left
 * in the answer are the placeholder rule's to report.
 */
export interface SentenceTemplate {
  fix(docText: string, sentence: Sentence): Fix;
  answers(input: BlockInput, sentence: Sentence): boolean;
}

export function sentenceTemplate(title: string, label: string, body: string): SentenceTemplate {
  const answer = new RegExp(`^\\.?\\s*(?:\\*\\*)?${label}(?:\\*\\*)?:`, 'i');
  const reach = label.length + 8;
  return {
    fix(docText, sentence) {
      // A list item or heading-like line may end without a full stop: close it first so the template is a sentence of its own.
      const closed = /[.!?…][)"'’”*_]*$/.test(docText.slice(sentence.start, sentence.end));
      return { title, safe: false, edits: [{ start: sentence.end, end: sentence.end, newText: `${closed ? '' : '.'} ${label}: ${body}` }] };
    },
    answers: (input, sentence) => answer.test(input.text.slice(sentence.end, Math.min(input.block.end, sentence.end + reach))),
  };
}

/**
 * A rule that flags every phrase of one word list, with a message about the phrase as written, and optionally a
 * template after its sentence. Most word-level rules are this; the ones with conditions are written out in their family.
 */
export function listRule(spec: {
  id: string;
  dimension: Dimension;
  title: string;
  severity: Severity;
  list: string;
  message: (phrase: string) => string;
  template?: SentenceTemplate;
  /** A match the list's words alone misread. */
  skip?: (m: SentenceMatch) => boolean;
}): BlockRule {
  return {
    id: spec.id,
    dimension: spec.dimension,
    title: spec.title,
    severity: spec.severity,
    doc: docPath(spec.id),
    scope: 'block',
    check(input, out) {
      const t = spec.template;
      for (const m of matchList(input, spec.list)) {
        if (t?.answers(input, m.sentence) || spec.skip?.(m)) continue;
        out.push({
          rule: spec.id,
          start: m.start,
          end: m.end,
          message: spec.message(quoteText(input.text, m.start, m.end)),
          ...(t ? { fixes: [t.fix(input.text, m.sentence)] } : {}),
        });
      }
    },
  };
}

/**
 * Whether an offset of the block lies within a quotation: a straight or curly double quote opened before it and not
 * closed, or one that closes after it without opening there (a quotation of several paragraphs closes in its last
 * one): someone else's words, not the writer's. `masked` is the block's masked text and offsets are into it. Asked at
 * increasing offsets the counts move forward with them, so a block is read once however many times it is asked.
 */
export function quotationTest(masked: string): (at: number) => boolean {
  const QUOTE = 34;
  const OPEN = 0x201c;
  const CLOSE = 0x201d;
  const counts = (from: number, to: number): number[] => {
    const n = [0, 0, 0];
    for (let k = from; k < to; k++) {
      const c = masked.charCodeAt(k);
      if (c === QUOTE) n[0]++;
      else if (c === OPEN) n[1]++;
      else if (c === CLOSE) n[2]++;
    }
    return n;
  };
  const [straightAll, openAll, closeAll] = counts(0, masked.length);
  let [straight, open, close] = [0, 0, 0];
  let pos = 0;
  return (at) => {
    if (at < pos) [straight, open, close, pos] = [0, 0, 0, 0];
    const [s, o, c] = counts(pos, at);
    straight += s;
    open += o;
    close += c;
    pos = at;
    if (straight % 2 === 1 || open > close) return true;
    return (straightAll - straight) % 2 === 1 || closeAll - close > openAll - open;
  };
}
