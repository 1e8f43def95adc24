// Incremental re-parse for typing: when an edit stays inside one line of one paragraph, away from the line start
// where Markdown decides block structure (or near it, with a letter first on the line before and after), the
// document's block structure cannot change. Then only that paragraph
// is re-masked and everything after it moves by the edit's length, instead of parsing the whole text again
// (markdown-it plus masking is most of the cost of a keystroke in a long memo). Anything else returns undefined
// and the caller parses in full. test/unit/reparse.test.ts checks the result equals a full parse.
import { blockView, collectDirectives, firstBlockAfter, sortDirectives, type Directive, type Doc, type List } from './document.js';
import { lineOf } from './lines.js';
import { maskInline } from './mask.js';
import { isSpace } from './sentences.js';

/**
 * Edits at least this far into a content line cannot touch a block marker: list markers (up to nine digits and a
 * delimiter), heading hashes, fences, quotes and HTML block starts all sit within the first few characters.
 */
const MIN_COLUMN = 12;

const CHUNK = 512;

/** Characters that must not appear in the changed text: line breaks, table pipes, and what markdown-it rewrites. */
function unsafe(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 10 || c === 13 || c === 124 /* | */ || c === 0) return true;
  }
  return false;
}

/**
 * Near the start of a line, an edit cannot change block structure when the line's content begins with a letter
 * before and after it, at the same place: every block marker (a list's "-" or "1.", "#", ">", a fence, "<", "[",
 * a rule or an underline) begins with something else, and the indentation before that letter is untouched (it
 * decides which list item a paragraph belongs to). So typing at the start of a paragraph, or in its first word, is
 * still incremental.
 */
function letterFirst(old: string, text: string, ls: number, p: number): boolean {
  let f = ls;
  while (f < old.length && isSpace(old.charCodeAt(f))) f++;
  if (p < f) return false;
  return isLetter(old, f) && isLetter(text, f);
}
const LETTER = /\p{L}/u;
const isLetter = (s: string, i: number): boolean => {
  const c = s.charCodeAt(i);
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && LETTER.test(s.charAt(i)));
};

export function reparseDocument(prev: Doc, text: string): Doc | undefined {
  return reparse(prev, text)?.doc;
}

/**
 * reparseDocument, also saying which block the edit changed (-1 for none): every other block has the same source
 * text, masked text, kind and section as in `prev`, only moved.
 */
export function reparse(prev: Doc, text: string): { doc: Doc; changed: number } | undefined {
  const old = prev.text;
  if (old === text) return { doc: prev, changed: -1 };
  const min = Math.min(old.length, text.length);
  // Common prefix and suffix, compared a chunk at a time (native string comparison), then character by character.
  let p = 0;
  while (p + CHUNK <= min && old.slice(p, p + CHUNK) === text.slice(p, p + CHUNK)) p += CHUNK;
  while (p < min && old.charCodeAt(p) === text.charCodeAt(p)) p++;
  let s = 0;
  while (s + CHUNK <= min - p && old.slice(old.length - s - CHUNK, old.length - s) === text.slice(text.length - s - CHUNK, text.length - s))
    s += CHUNK;
  while (s < min - p && old.charCodeAt(old.length - 1 - s) === text.charCodeAt(text.length - 1 - s)) s++;
  const oldEnd = old.length - s;
  const newEnd = text.length - s;
  const delta = text.length - old.length;
  if (unsafe(old.slice(p, oldEnd)) || unsafe(text.slice(p, newEnd))) return undefined;
  if (prev.frontMatter && p <= prev.frontMatter.end) return undefined;
  // Where a long text's parse stopped depends on its length.
  if (prev.parsedTo !== undefined) return undefined;

  const b = firstBlockAfter(prev.blocks, p) - 1;
  if (b < 0) return undefined;
  const block = prev.blocks[b];
  if (block.kind !== 'paragraph') return undefined;
  const li = block.lines.findIndex(([ls, le]) => p >= ls && p <= le);
  if (li < 0) return undefined;
  const [ls, le] = block.lines[li];
  if (oldEnd > le) return undefined;
  if (p < ls + MIN_COLUMN && !letterFirst(old, text, ls, p)) return undefined;
  // A paragraph that opens with "[" may be a link reference definition, which an edit can make or unmake.
  if (text.charCodeAt(block.lines[0][0]) === 91 /* [ */) return undefined;
  const lineIndex = lineOf(prev.lineStarts, p);
  // Pipes anywhere on the line could make or unmake a table with the edit.
  const lineStart = prev.lineStarts[lineIndex];
  const lineStop = lineIndex + 1 < prev.lineStarts.length ? prev.lineStarts[lineIndex + 1] + delta : text.length;
  if (text.slice(lineStart, lineStop).includes('|')) return undefined;

  // The edited line's prose now ends at its last non-space character.
  let newLe = le + delta;
  while (newLe > ls && isSpace(text.charCodeAt(newLe - 1))) newLe--;
  if (newLe < p) return undefined; // the edit removed all prose after the edit point: let the parser decide
  // A line of only rule characters is a thematic break or a setext underline, not paragraph text.
  if (/^[-=*_\s]*$/.test(text.slice(ls, newLe))) return undefined;
  const lines: Array<[number, number]> = block.lines.map(([a, z], i) => (i < li ? [a, z] : i === li ? [a, newLe] : [a + delta, z + delta]));
  const lineStarts = prev.lineStarts.slice();
  for (let i = lineIndex + 1; i < lineStarts.length; i++) lineStarts[i] += delta;

  const directives: Directive[] = [];
  for (const d of prev.directives) {
    if (d.end <= block.start) directives.push(d);
    else if (d.start >= block.end) directives.push({ ...d, start: d.start + delta, end: d.end + delta });
    // Directives inside the paragraph are collected again below.
  }
  const start = lines[0][0];
  const end = lines[lines.length - 1][1];
  const { masked, hasLink } = maskInline(blockView(text, lines), (vs, ve) =>
    collectDirectives(text, lineStarts, start + vs, start + ve, directives),
  );
  sortDirectives(directives);

  const blocks = prev.blocks.slice();
  blocks[b] = { ...block, start, end, lines, masked, hasLink };
  for (let i = b + 1; i < blocks.length; i++) {
    const x = blocks[i];
    blocks[i] = { ...x, start: x.start + delta, end: x.end + delta, lines: x.lines.map((l) => [l[0] + delta, l[1] + delta]) };
  }
  const lists: List[] = prev.lists.map((l) =>
    l.end < p ? l : l.start > p ? { ...l, start: l.start + delta, end: l.end + delta } : { ...l, end: l.end + delta },
  );
  return {
    doc: { text, frontMatter: prev.frontMatter, blocks, sections: prev.sections, lists, directives, lineStarts, title: prev.title },
    changed: b,
  };
}
