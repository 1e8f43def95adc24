// Inline masking: turns a block's source into prose with non-prose characters (code spans, HTML, link
// destinations, URLs, emphasis markers, escapes) replaced by spaces, keeping every offset. One linear scan.

export interface MaskResult {
  masked: string;
  hasLink: boolean;
}

const isAlnum = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/**
 * `view` is the block's source with container prefixes already blanked. Returns the masked view.
 * `onComment(start, end)` is called with view-relative offsets of each HTML comment (for disable directives).
 */
export function maskInline(view: string, onComment: (start: number, end: number) => void): MaskResult {
  // Fast path: nothing that could need masking.
  if (!/[`<\[\]!\\*_~]|https?:|www\./.test(view)) return { masked: view, hasLink: false };
  // Ranges to blank, as [start, end) pairs in increasing order (the scan only moves forward).
  const blanks: number[] = [];
  let hasLink = false;
  const blank = (s: number, e: number): void => {
    if (e <= s) return;
    if (blanks.length > 0 && blanks[blanks.length - 1] === s) blanks[blanks.length - 1] = e;
    else blanks.push(s, e);
  };
  // Backtick runs with no closer of the same length beyond a point, to keep unmatched runs linear.
  const noCloser = new Map<number, number>();
  const n = view.length;
  let i = 0;
  while (i < n) {
    const c = view[i];
    if (c === '\\' && i + 1 < n && /[!-/:-@[-`{-~]/.test(view[i + 1])) {
      blank(i, i + 1);
      i += 2;
      continue;
    }
    if (c === '`') {
      let j = i;
      while (j < n && view[j] === '`') j++;
      const len = j - i;
      const close = (noCloser.get(len) ?? -1) > i ? -1 : findRun(view, j, len);
      if (close < 0) {
        noCloser.set(len, n);
        blank(i, j);
        i = j;
        continue;
      }
      blank(i, close + len);
      i = close + len;
      continue;
    }
    if (c === '<') {
      if (view.startsWith('<!--', i)) {
        const e = view.indexOf('-->', i + 4);
        const end = e < 0 ? n : e + 3;
        onComment(i, end);
        blank(i, end);
        i = end;
        continue;
      }
      const m = /^<(?:[A-Za-z][A-Za-z0-9.+-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>]+)>/.exec(view.slice(i, i + 2048));
      if (m) {
        hasLink = true;
        blank(i, i + m[0].length);
        i += m[0].length;
        continue;
      }
      const h = /^<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/.exec(view.slice(i, i + 2048));
      if (h) {
        blank(i, i + h[0].length);
        i += h[0].length;
        continue;
      }
      i++;
      continue;
    }
    if (c === '!' && view[i + 1] === '[') {
      // Images: alt text describes a picture, not the writer's argument.
      const close = view.indexOf(']', i + 2);
      if (close > 0 && view[close + 1] === '(') {
        const e = matchParen(view, close + 1);
        if (e > 0) {
          hasLink = true;
          blank(i, e);
          i = e;
          continue;
        }
      }
      i++;
      continue;
    }
    if (c === '[' ) {
      blank(i, i + 1);
      i++;
      continue;
    }
    if (c === ']') {
      blank(i, i + 1);
      if (view[i + 1] === '(') {
        const e = matchParen(view, i + 1);
        if (e > 0) {
          hasLink = true;
          blank(i + 1, e);
          i = e;
          continue;
        }
      } else if (view[i + 1] === '[') {
        const e = view.indexOf(']', i + 2);
        if (e > 0 && !view.slice(i + 2, e).includes('\n\n')) {
          hasLink = true;
          blank(i + 1, e + 1);
          i = e + 1;
          continue;
        }
      }
      i++;
      continue;
    }
    if (c === '*' || c === '~') {
      blank(i, i + 1);
      i++;
      continue;
    }
    if (c === '_') {
      if (!(isAlnum(view[i - 1]) && isAlnum(view[i + 1]))) blank(i, i + 1);
      i++;
      continue;
    }
    if ((c === 'h' || c === 'w') && (view.startsWith('http', i) || view.startsWith('www.', i)) && /^(?:https?:\/\/|www\.)/.test(view.slice(i, i + 8)) && !isAlnum(view[i - 1])) {
      let e = i;
      while (e < n && !/[\s<>]/.test(view[e])) e++;
      // Trailing punctuation belongs to the sentence, not the URL.
      while (e > i && /[.,;:!?'")\]]/.test(view[e - 1])) e--;
      hasLink = true;
      blank(i, e);
      i = e;
      continue;
    }
    i++;
  }
  return { masked: applyBlanks(view, blanks), hasLink };
}

const SPACES = ' '.repeat(512);

/** `view` with each blank range replaced by spaces, line breaks kept. */
function applyBlanks(view: string, blanks: readonly number[]): string {
  if (blanks.length === 0) return view;
  let out = '';
  let pos = 0;
  for (let k = 0; k < blanks.length; k += 2) {
    const s = blanks[k]!;
    const e = blanks[k + 1]!;
    out += view.slice(pos, s);
    const part = view.slice(s, e);
    if (part.includes('\n') || part.includes('\r')) out += part.replace(/[^\r\n]/g, ' ');
    else out += e - s <= SPACES.length ? SPACES.slice(0, e - s) : ' '.repeat(e - s);
    pos = e;
  }
  return out + view.slice(pos);
}

function findRun(s: string, from: number, len: number): number {
  let i = s.indexOf('`', from);
  while (i >= 0) {
    let j = i;
    while (j < s.length && s[j] === '`') j++;
    if (j - i === len) return i;
    i = s.indexOf('`', j);
  }
  return -1;
}

/** Given the offset of `(`, returns the offset after its matching `)`, or -1 (link destinations nest parens). */
function matchParen(s: string, open: number): number {
  let depth = 0;
  const limit = Math.min(s.length, open + 4096);
  for (let i = open; i < limit; i++) {
    const c = s[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')') {
      depth--;
      if (depth === 0) return i + 1;
    } else if (c === '\n' && s[i + 1] === '\n') return -1;
  }
  return -1;
}
