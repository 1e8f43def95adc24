// Inline masking: turns a block's source into prose with non-prose characters (code spans, HTML, link
// destinations, URLs, emphasis markers, escapes, struck-through text) replaced by spaces, keeping every offset. One
// linear scan.

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
  if (!/[`<[\]!\\*_~]|https?:|www\./.test(view)) return { masked: view, hasLink: false };
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
  // Past this point no "~~" has a closer.
  let strikeFrom = 0;
  let parens: ParenMatcher | undefined;
  const matchParen = (open: number): number => (parens ??= new ParenMatcher(view)).match(open);
  // The next "]" at or after a point (-1: none left), so images without one do not search to the end each time.
  let bracketAt = -2;
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
      if (bracketAt !== -1 && bracketAt < i + 2) bracketAt = view.indexOf(']', i + 2);
      const close = bracketAt;
      if (close > 0 && view[close + 1] === '(') {
        const e = matchParen(close + 1);
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
    if (c === '[') {
      // A footnote reference ("…within an hour.[^1]") points to a note; it is not a word of the sentence. Nor is a
      // definition's label ("[^1]: Exact date is unknown…" at the start of a line).
      if (view[i + 1] === '^') {
        const m = /^\[\^[^\]\s]{1,32}\]/.exec(view.slice(i, i + 40));
        if (m) {
          const label = (i === 0 || view[i - 1] === '\n') && view[i + m[0].length] === ':';
          const end = i + m[0].length + (label ? 1 : 0);
          blank(i, end);
          i = end;
          continue;
        }
      }
      blank(i, i + 1);
      i++;
      continue;
    }
    if (c === ']') {
      blank(i, i + 1);
      if (view[i + 1] === '(') {
        const e = matchParen(i + 1);
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
    if (c === '~' && view[i + 1] === '~' && strikeFrom <= i && /\S/.test(view[i + 2] ?? ' ')) {
      // "~~the old plan~~ (Update: …) the new plan": struck-through text is withdrawn, kept only as a record. It is
      // not part of what the document now says, so no sentence, word count or rule reads it.
      const close = struckUntil(view, i + 2);
      if (close > 0) {
        blank(i, close);
        i = close;
        continue;
      }
      // No closer past here: no later "~~" can find one either, so each is looked for once.
      strikeFrom = n;
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
    if (
      (c === 'h' || c === 'w') &&
      (view.startsWith('http', i) || view.startsWith('www.', i)) &&
      /^(?:https?:\/\/|www\.)/.test(view.slice(i, i + 8)) &&
      !isAlnum(view[i - 1])
    ) {
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

/** The end of the "~~" that closes a strikethrough whose text starts at `from` (it follows a non-space), or -1. */
function struckUntil(s: string, from: number): number {
  let k = s.indexOf('~~', from + 1);
  while (k >= 0 && /\s/.test(s[k - 1]!)) k = s.indexOf('~~', k + 1);
  return k < 0 ? -1 : k + 2;
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

/** A link destination's `)` is at most this far after its `(`. */
const MAX_DESTINATION = 4096;

/**
 * Finds the `)` that matches a `(` after a `]` (link destinations nest parens; a blank line or a backslash
 * escape as in CommonMark). One forward scan of the view answers every question, which must come in
 * increasing order: scanning again from each `(` made "](](](…" cost 4,096 characters per `(`.
 */
class ParenMatcher {
  private pos = 0;
  private depth = 0;
  /** Where the last blank line was: it ends every destination opened before it. */
  private blankAt = -1;
  /**
   * The pending `(` after a `]` per depth (0 for none: such a `(` is never at 0), in a ring: a `(` one more than
   * MAX_DESTINATION levels deeper than another means that other can no longer close in time. Depth never exceeds
   * the length, so a short view needs a short ring.
   */
  private readonly pendingOpen: Int32Array;
  private readonly pendingDepth: Int32Array;
  /** `(` offset → offset after its `)`, for the ones that closed in time. */
  private readonly closed = new Map<number, number>();

  constructor(private readonly s: string) {
    const ring = Math.min(MAX_DESTINATION, s.length) + 1;
    this.pendingOpen = new Int32Array(ring);
    this.pendingDepth = new Int32Array(ring);
  }

  /** The offset after the `)` matching the `(` at `open` (which follows a `]`), or -1. */
  match(open: number): number {
    const limit = Math.min(this.s.length, open + MAX_DESTINATION);
    while (this.pos < limit && !this.closed.has(open) && this.blankAt < open) this.step();
    const e = this.closed.get(open) ?? -1;
    // Answers before `open` will not be asked for again.
    if (this.closed.size > MAX_DESTINATION) for (const k of this.closed.keys()) if (k < open) this.closed.delete(k);
    return e;
  }

  private step(): void {
    const s = this.s;
    const i = this.pos++;
    const c = s.charCodeAt(i);
    if (c === 92 /* \\ */) this.pos++;
    else if (c === 40 /* ( */) {
      const d = ++this.depth;
      if (s.charCodeAt(i - 1) === 93 /* ] */) {
        const slot = d % this.pendingOpen.length;
        this.pendingOpen[slot] = i;
        this.pendingDepth[slot] = d;
      }
    } else if (c === 41 /* ) */) {
      if (this.depth === 0) return;
      const d = this.depth--;
      const slot = d % this.pendingOpen.length;
      const open = this.pendingOpen[slot]!;
      if (open > 0 && open > this.blankAt && this.pendingDepth[slot] === d) {
        this.pendingOpen[slot] = 0;
        if (i < open + MAX_DESTINATION) this.closed.set(open, i + 1);
      }
    } else if (c === 10 && s.charCodeAt(i + 1) === 10) {
      this.blankAt = i;
      this.depth = 0;
    }
  }
}
