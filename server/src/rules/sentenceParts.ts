// The parts a long sentence already shows its reader: pieces set off by a semicolon, a colon or a dash, an
// enumeration labelled (a), (b) or (1), (2), and a sentence the segmenter ran together with the next because that
// one opens with code or a link (masked to blanks, so no capital letter follows the full stop). Used by
// concision/long-sentence; it only looks at sentences already past the length limit.
import type { Sentence } from '../core/sentences.js';
import abbreviations from '../../../rubrics/data/abbreviations.json';

/** A full stop after one of these ("(e.g. `File::from_raw_fd(7)`)") goes on; only a word ending there counts. */
const NOT_SENTENCE_END = new RegExp(
  `(?:^|[^\\p{L}])(?:${abbreviations.notSentenceEnd.map((a) => a.replace(/\./g, '\\.')).join('|')})$`,
  'iu',
);

/** Characters that join two words into one token when nothing else separates them (as concision.ts counts). */
const JOINERS = /^[.,@/:_+#&]+$/;

/** Reader words of s.words[from, to): "4.5.1", "Node.js", "1,500" count once. */
export function readerWordsIn(s: Sentence, from: number, to: number): number {
  const w = s.words;
  let n = to > from ? 1 : 0;
  for (let k = from + 1; k < to; k++) if (!JOINERS.test(s.text.slice(w[k - 1].end - s.start, w[k].start - s.start))) n++;
  return n;
}

/** Index of the first word of s starting at or after offset `at` (relative to s.start). */
function wordAt(s: Sentence, at: number): number {
  let lo = 0;
  let hi = s.words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (s.words[mid].start - s.start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Word indexes where the sentence breaks for the reader: after ";", after ":" + space, at a spaced dash
 * (" - ", " -- ", " – ", " — ") or an em dash, and after a full stop that the next sentence's code or link
 * followed (`source` is the block's source text; s.text is masked).
 */
function breaks(s: Sentence, source: string): number[] {
  const out: number[] = [];
  const t = s.text;
  for (const m of t.matchAll(/;|:(?=\s)|\s[-\u2013\u2014]{1,2}\s|\u2014/g)) out.push(wordAt(s, m.index! + m[0].length));
  // "…cannot access it. [`FromRawFd::from_raw_fd`] is unsafe": the masked text shows ".   is", which reads as
  // one sentence; in the source a link or code span opens the next one.
  for (const m of t.matchAll(/[.!?]\s+/g)) {
    // Not after "e.g.", "i.e.", "vs.", "cf.", "etc.": "(e.g. `File::from_raw_fd(7)`)" goes on.
    if (NOT_SENTENCE_END.test(t.slice(0, m.index!))) continue;
    let at = s.start + m.index! + 1;
    while (at < s.end && /\s/.test(source[at])) at++;
    if (source[at] === '[' || source[at] === '`') out.push(wordAt(s, at - s.start));
  }
  return out.sort((a, b) => a - b);
}

/** The reader words of the longest part of s once its semicolons, colons, dashes and missed full stops divide it. */
export function longestPart(s: Sentence, source: string): number {
  let from = 0;
  let longest = 0;
  for (const b of [...breaks(s, source), s.words.length]) {
    if (b <= from) continue;
    longest = Math.max(longest, readerWordsIn(s, from, b));
    from = b;
  }
  return longest;
}

/** "(a) … (b) …", "(1.) … (2.) …", "(i) … (ii) …": the writer has numbered the parts already. */
export function labelsItsParts(s: Sentence): boolean {
  const labels = s.text.match(/\((?:[a-h]|[1-9]\.?|i{1,3}|iv)\)/g);
  return labels !== null && labels.length >= 2;
}
