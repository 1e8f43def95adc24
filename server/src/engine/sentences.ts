// Sentence and word segmentation over a block's masked text. Hand-written rather than Intl.Segmenter: it is
// about 4x faster here and knows business abbreviations ("e.g.", "vs.", "U.S.", "$1.2M", "Q3 2025").

export interface Word {
  /** Absolute offsets. */
  start: number;
  end: number;
  /** Lowercase, curly apostrophes straightened. */
  lower: string;
  /** Original spelling. */
  text: string;
}

export interface Sentence {
  start: number;
  end: number;
  /** The masked text of the sentence. */
  text: string;
  words: Word[];
}

// Words before a period that do not end a sentence (lowercase, without the period).
const ABBREVIATIONS = new Set(
  ('e.g i.e vs etc cf al approx est dept mr mrs ms dr prof sr jr st inc ltd co corp no nos fig figs vol ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun u.s u.k e.u p.m a.m ' +
    'ca resp incl excl min max avg yr yrs mo mos wk wks hr hrs')
    .split(' '),
);
// After these, a following capitalised word still starts a new sentence ("… and so on, etc. Next we …").
const SENTENCE_FINAL_ABBREVIATIONS = new Set(['etc']);

const TERMINATOR = /[.!?…。！？]/;
const TERMINATORS = /[.!?…。！？]/g;
const CLOSERS = /["'”’)\]»]/;
// The same word pattern as the uncertainty scorer was trained on, so its features line up with these words.
const WORD = /[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu;

export function segmentWords(text: string, base: number): Word[] {
  const words: Word[] = [];
  WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(text))) {
    const w = m[0];
    const lower = w.toLowerCase();
    words.push({ start: base + m.index, end: base + m.index + w.length, lower: lower.includes('’') ? lower.replace(/’/g, "'") : lower, text: w });
  }
  return words;
}

/** Splits a block's masked text (starting at absolute offset `base`) into sentences with their words. */
export function segmentSentences(masked: string, base: number): Sentence[] {
  const words = segmentWords(masked, base);
  const bounds: Array<[number, number]> = [];
  const n = masked.length;
  let start = 0;
  TERMINATORS.lastIndex = 0;
  for (let found = TERMINATORS.exec(masked); found; found = TERMINATORS.exec(masked)) {
    const i = found.index;
    let j = i + 1;
    while (j < n && (TERMINATOR.test(masked[j]) || CLOSERS.test(masked[j]))) j++;
    if (j < n && !/\s/.test(masked[j])) {
      // CJK full stops need no space after them.
      if (!/[。！？]/.test(masked[j - 1])) continue;
    }
    if (masked[i] === '.' && j === i + 1 && !endsSentenceAfterPeriod(masked, i, j)) continue;
    // A lowercase continuation is not a new sentence, whatever the mark ("Wow! that…", "approx. 40").
    if (/^\s+\p{Ll}/u.test(masked.slice(j, j + 8))) continue;
    bounds.push([start, j]);
    start = j;
    TERMINATORS.lastIndex = j;
  }
  bounds.push([start, n]);
  const sentences: Sentence[] = [];
  let w = 0;
  for (let [s, e] of bounds) {
    while (s < e && /\s/.test(masked[s])) s++;
    while (e > s && /\s/.test(masked[e - 1])) e--;
    if (e <= s) continue;
    const sw: Word[] = [];
    while (w < words.length && words[w].start < base + s) w++;
    while (w < words.length && words[w].end <= base + e) sw.push(words[w++]);
    if (sw.length === 0 && !/[\p{L}\p{N}]/u.test(masked.slice(s, e))) continue;
    sentences.push({ start: base + s, end: base + e, text: masked.slice(s, e), words: sw });
  }
  return sentences;
}

/** A lone period at `i` followed by whitespace: is it the end of a sentence? */
function endsSentenceAfterPeriod(masked: string, i: number, j: number): boolean {
  // The token before the period.
  let k = i;
  while (k > 0 && /[\p{L}\p{N}.'’&-]/u.test(masked[k - 1])) k--;
  const token = masked.slice(k, i);
  const lower = token.toLowerCase();
  // Next non-space character.
  let q = j;
  while (q < masked.length && /\s/.test(masked[q])) q++;
  if (q >= masked.length) return true;
  const next = masked[q];
  if (ABBREVIATIONS.has(lower)) {
    return SENTENCE_FINAL_ABBREVIATIONS.has(lower) && /\p{Lu}/u.test(next);
  }
  // Initials and dotted acronyms: "J. Smith", "U.S. market".
  if (/^\p{Lu}$/u.test(token) || /^(?:\p{L}\.)+\p{L}$/u.test(token)) return false;
  // A lowercase continuation is not a new sentence ("approx. 40 people", "cf. the plan").
  if (/\p{Ll}/u.test(next)) return false;
  return true;
}
