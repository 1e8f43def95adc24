// The clause around a matched phrase, read from the words and the punctuation between them: whether it is
// negated, hedged by a modal of possibility, or subordinate (a condition, a time clause). Rules call these only
// for words a list already matched, so the cost is a few words either side of each match.
// The closed-class words are data (rubrics/data/clause.json).
import data from '../../../rubrics/data/clause.json';
import type { Word } from '../core/sentences.js';

/** "I", "we" and their contractions as a subject: the writer speaking of their own plan or conduct. */
const WRITER_SUBJECTS = new Set(data.writerSubjects);
export const isWriterSubject = (lower: string): boolean => WRITER_SUBJECTS.has(lower);

const NEGATION = new Set(data.negation);
/** Words that negate what follows them within a few words: "not", "never", "without", the "n't" forms. */
export function isNegation(lower: string): boolean {
  return NEGATION.has(lower) || lower.endsWith("n't");
}

/** Modals of possibility and capability: what may, can or would happen is not a reported fact or a commitment. */
const POSSIBILITY = new Set(data.possibility);
export const isPossibility = (lower: string): boolean => POSSIBILITY.has(lower);

/** Subordinators that open a condition or a time clause: "if the pod is moved", "once we have a few examples". */
const SUBORDINATORS = new Set(data.subordinators);
export const isSubordinator = (lower: string): boolean => SUBORDINATORS.has(lower);

// Conjunctions that always start a new clause, and coordinators that do when a subject follows ("we will ship
// soon and we may hire", but not "this may change or automate later").
const CLAUSE_CONJUNCTIONS = new Set(data.clauseConjunctions);
const COORDINATORS = new Set(data.coordinators);
const SUBJECT_START = new Set(data.subjectStart);

/** The word at k starts a new clause as a conjunction. */
function opensClause(words: readonly Word[], k: number): boolean {
  const w = words[k].lower;
  return CLAUSE_CONJUNCTIONS.has(w) || (COORDINATORS.has(w) && SUBJECT_START.has(words[k + 1]?.lower ?? ''));
}

/** Punctuation between two words that ends a clause: comma, semicolon, colon, dash, bracket, quote. */
function breaksClause(text: string, a: Word, b: Word): boolean {
  return /[,;:()\u2013\u2014[\]"\u201c\u201d]|\s-\s/.test(text.slice(a.end, b.start));
}

/**
 * Word indices [first, last] of the clause holding words [from, to): bounded by clause punctuation and by a
 * coordinator or a subordinator. A fronted adverbial ("In the future, X may…") takes the clause after its comma.
 */
/**
 * How far, in words, a clause is followed from the match. Real clauses are far shorter; the bound keeps a sentence
 * with no punctuation and thousands of matches linear (each match would otherwise walk the whole sentence).
 */
export const CLAUSE_REACH = 60;

export function clauseAround(words: readonly Word[], text: string, from: number, to: number): [number, number] {
  const lo = Math.max(0, from - CLAUSE_REACH);
  const hi = Math.min(words.length, to + CLAUSE_REACH);
  let first = from;
  while (first > lo && !breaksClause(text, words[first - 1], words[first]) && !opensClause(words, first - 1)) first--;
  let last = to - 1;
  while (
    last + 1 < hi &&
    !breaksClause(text, words[last], words[last + 1]) &&
    !opensClause(words, last + 1) &&
    !SUBORDINATORS.has(words[last + 1].lower)
  )
    last++;
  // "In the future, the crate may decide": the phrase opens the sentence as an adverbial of the next clause.
  if (first === 0 && last + 1 < hi && last - first < 4 && breaksClause(text, words[last], words[last + 1])) {
    last++;
    while (last + 1 < hi && !breaksClause(text, words[last], words[last + 1]) && !opensClause(words, last + 1)) last++;
  }
  return [first, last];
}

/** Some word in words[a..b] (inclusive) satisfies the test. */
export function anyWord(words: readonly Word[], a: number, b: number, test: (lower: string) => boolean): boolean {
  for (let k = Math.max(0, a); k <= b && k < words.length; k++) if (test(words[k].lower)) return true;
  return false;
}

/** A negation stands within `span` words before index `at`, in the same clause. */
export function negatedBefore(words: readonly Word[], text: string, at: number, span = 3): boolean {
  for (let k = at - 1; k >= 0 && k >= at - span; k--) {
    if (isNegation(words[k].lower)) return true;
    if (breaksClause(text, words[k], words[k + 1])) return false;
  }
  return false;
}

/** The clause before index `at` opens with a subordinator (a condition or a time clause). */
export function subordinateBefore(words: readonly Word[], text: string, at: number): boolean {
  for (let k = at - 1; k >= 0 && k >= at - CLAUSE_REACH; k--) {
    if (breaksClause(text, words[k], words[k + 1])) return false;
    const w = words[k].lower;
    if (SUBORDINATORS.has(w)) return true;
    if (opensClause(words, k)) return false;
  }
  return false;
}

/** The phrase [start, end) sits inside parentheses: "(eventually)", "(see the list below)". An aside. */
export function inParentheses(text: string, start: number, end: number, lo = 0, hi = text.length): boolean {
  // Looked for within a few hundred characters of the phrase, inside [lo, hi): an aside is short, and an unbounded
  // search from every match of a huge paragraph would be quadratic.
  const from = Math.max(lo, start - PAREN_REACH);
  const to = Math.min(hi, end + PAREN_REACH);
  const before = text.slice(from, start);
  const after = text.slice(end, to);
  const open = before.lastIndexOf('(');
  if (open < 0 || before.lastIndexOf(')') > open) return false;
  const close = after.indexOf(')');
  const reopen = after.indexOf('(');
  return close >= 0 && (reopen < 0 || reopen > close);
}
const PAREN_REACH = 400;
