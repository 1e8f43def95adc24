// Grammar the word lists cannot see: imperative mood, metadata lines. Closed-class words are data
// (rubrics/data/grammar.json); the checks look at a sentence's words and the raw text around them.
import data from '../../../rubrics/data/grammar.json';
import type { Word } from '../core/sentences.js';

const IMPERATIVE_VERBS = new Set(data.imperativeVerbs);
const NOT_AFTER_IMPERATIVE = new Set(data.notAfterImperative);

/**
 * The sentence opens with a verb in the imperative: "Deprecate the v1 export endpoint." A capitalised base-form
 * verb first, not a question, and not followed by a word that makes it a noun ("Support for X landed",
 * "Build times fell") or a verb in another mood ("Change is hard").
 */
export function isImperative(words: readonly Word[], text: string): boolean {
  const first = words[0];
  if (!first || !/^\p{Lu}/u.test(first.text) || !IMPERATIVE_VERBS.has(first.lower)) return false;
  if (text.trimEnd().endsWith('?')) return false;
  const next = words[1];
  return next !== undefined && !NOT_AFTER_IMPERATIVE.has(next.lower);
}

// "Start Date: 2018-01-01", "- **Status:** Accepted", "Feature Name: `foo`": a short label, a colon, a value.
const METADATA_LINE = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?[\p{Lu}][\p{L}\p{N} ./#()-]{0,30}?(?:\*\*|__)?\s*:(?:\*\*|__)?(?:\s+\S.*)?$/u;

// A page's byline, as wiki and blog exports put it above the text: "Created by A, last modified by B on Apr 27, 2020".
const BYLINE =
  /^\s*(?:\*|_)?(?:created|written|authored|drafted|posted|published|(?:last )?(?:modified|updated|edited)) (?:by|on) [^.!?]{0,120}[.!?]?\s*$/i;

const DECIDED = new Set(data.decidedStatuses);
const STATUS_LINE = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?status(?:\*\*|__)?\s*:(?:\*\*|__)?\s*(.*)$/im;
const FIRST_WORD = /\p{L}+/u;

/**
 * The block records the decision as made: a "Status: Accepted" header line, or (`statusSection`) the block under a
 * "Status" heading whose first word is a decided status ("Accepted", "✅ Approved"). "Proposed" is not.
 */
export function recordsDecision(source: string, statusSection: boolean): boolean {
  const m = STATUS_LINE.exec(source);
  const rest = m ? m[1]! : statusSection ? source : '';
  const first = FIRST_WORD.exec(rest);
  return first !== null && DECIDED.has(first[0].toLowerCase());
}

/** Every non-blank line of the block is a `Key: value` header line (RFC and ADR headers, report metadata) or a byline. */
export function isMetadata(source: string): boolean {
  // Line by line, stopping at the first that is neither: most blocks are prose and fail on their first line.
  let any = false;
  for (let at = 0; at <= source.length; ) {
    let nl = source.indexOf('\n', at);
    if (nl < 0) nl = source.length;
    const l = source.slice(at, nl);
    at = nl + 1;
    if (l.trim() === '') continue;
    if (!((METADATA_LINE.test(l) && l.split(':')[0]!.trim().split(/\s+/).length <= 4) || BYLINE.test(l))) return false;
    any = true;
  }
  return any;
}

const OUTCOME_VERBS = new Set(data.outcomeVerbs);

const STATUS_COPULAS = new Set(data.statusCopulas);
const STATUS_WORDS = new Set(data.statusWords);
const STATUS_PHRASES = data.statusPhrases.map((p) => p.split(' '));
// Between the copula and the verdict: "is still green", "continues to be a healthy project", "is very much on track".
const STATUS_FILLERS = new Set(data.statusFillers);

/**
 * The sentence reports a result: "Server-side apply promoted to GA", "We shipped v2 in March", or gives a status
 * verdict, which is the bottom line of a status report: "Health is good.", "The migration is on track.",
 * "Cactus continues to be a healthy project."
 */
export function reportsOutcome(words: readonly Word[]): boolean {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!.lower;
    if (OUTCOME_VERBS.has(w)) return true;
    if (!STATUS_COPULAS.has(w)) continue;
    let k = i + 1;
    while (k < words.length && k <= i + 3 && STATUS_FILLERS.has(words[k]!.lower)) k++;
    if (k < words.length && STATUS_WORDS.has(words[k]!.lower)) return true;
    if (STATUS_PHRASES.some((p) => p.every((x, j) => words[k + j]?.lower === x))) return true;
  }
  return false;
}

/** A template's checklist item: "[x] CONTRIBUTING.md reviewed", "[ ] Meeting notes linked". */
export const isChecklistItem = (source: string): boolean => /^\s*\[[ xX]\]\s/.test(source);

const HAS_LETTER = /\p{L}/u;

/**
 * A link and little else: a reference, not a sentence of prose. "[2340 - Consistent reads](…) - v1.28", and a
 * release line "cordova-android: 3.7.1 ...... http://s.apache.org/GjF" (fewer than `words` words outside its links).
 */
export function isLinkOnly(source: string, words = 3): boolean {
  const s = source.trim();
  if (/^\[[^\]]*\]\([^)]*\)[\s\p{P}v\d.]*$/u.test(s)) return true;
  if (!s.includes('](') && !s.includes('://')) return false;
  // The words outside links: markdown links removed, then every token that is (or holds) a bare URL.
  let n = 0;
  for (const token of s.replace(/!?\[[^\]]*\]\([^)]*\)/g, ' ').split(/\s+/)) {
    if (token.includes('://') || !HAS_LETTER.test(token)) continue;
    if (++n >= words) return false;
  }
  return true;
}
