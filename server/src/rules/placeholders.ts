// Placeholders: a bracketed slot in prose that the writer has not filled yet ("[N%]", "[owner]", "[the outcome…]").
// Not a placeholder: a link or reference link ("[text](url)", "[text][ref]", "[text]" with a definition), a task box
// ("[ ]", "[x]"), a footnote ("[^1]"), an alert ("[!NOTE]"), a citation ("[1]", "[RFC 2119]"), code.
import type { Block } from '../core/document.js';
import grammar from '../../../rubrics/data/grammar.json';

const NONE: ReadonlyArray<[number, number]> = [];

/** Offsets [start, end) of the placeholders in a block, brackets included; memoised per block start. */
export function placeholdersIn(text: string, block: Block, memo?: Map<string, unknown>): ReadonlyArray<[number, number]> {
  let byStart = memo?.get('placeholders') as Map<number, ReadonlyArray<[number, number]>> | undefined;
  if (memo && !byStart) memo.set('placeholders', (byStart = new Map()));
  const hit = byStart?.get(block.start);
  if (hit) return hit;
  // Searched inside the block only: from the block start to the next "[" anywhere in the text was a scan of the
  // rest of the document per block where brackets are rare.
  const source = text.slice(block.start, block.end);
  let i = source.indexOf('[');
  if (i < 0) {
    byStart?.set(block.start, NONE);
    return NONE;
  }
  const out: Array<[number, number]> = [];
  while (i >= 0) {
    const close = source.indexOf(']', i + 1);
    if (close < 0) break;
    const open = block.start + i;
    const end = block.start + close;
    const inner = source.slice(i + 1, close);
    if (isPlaceholder(text, block, open, end, inner, memo)) out.push([open, end + 1]);
    i = source.indexOf('[', i + 1);
  }
  byStart?.set(block.start, out);
  return out;
}

// A slot says what goes in it: lowercase words ("[date]", "[what we give up]", not a name such as "[indy-vdr]", nor
// a value that starts with its number, "[20m]" after a task), a variable ("[N%]", "[$X]"), an ellipsis ("[the
// outcome…]"), or a to-do mark ("[TBD]", "[TODO]").
const SLOT =
  /^(?:[^\p{L}\d]*\p{Ll}[\p{Ll}']*(?:[ ,:;/][^\]]*)?$|.*(?:…|\.\.\.)|[$€£#~+±-]?(?:N|X|Y|NN|XX)\b|(?:TBD|TBC|TODO|TK|XXX|FIXME)\b)/u;
// An editor's bracket in running text says something about the words around it ("these algorithms [to be migrated
// to this directory]", "[sic]", "[emphasis added]"): it is written, not left to fill.
const EDITORIAL = new Set(grammar.editorialOpeners);
const CITATION = /^(?:\d+(?:[,-]\d+)*|[A-Z][\p{L}\d.&' -]*\d[\p{L}\d.-]*)$/u;

function isPlaceholder(text: string, block: Block, open: number, close: number, inner: string, memo?: Map<string, unknown>): boolean {
  if (inner.length === 0 || inner.length > 80 || inner.includes('[') || inner.includes('\n')) return false;
  if (/^[ xX]$/.test(inner) || inner.startsWith('^') || inner.startsWith('!')) return false;
  // "(" a link (also on the next line, as writers wrap them), "[" a reference link, ":" a reference definition.
  const after = /^\s*(.)/.exec(text.slice(close + 1, close + 40))?.[1];
  const next = text.charCodeAt(close + 1);
  if (after === '(' || next === 91 || next === 58) return false;
  // The end of a link's text ("- [Design details [optional]](#design-details-optional)"): the name of what it links.
  if (next === 93 && text.charCodeAt(close + 2) === 40) return false;
  const prev = text.charCodeAt(open - 1);
  if (prev === 93 || prev === 33 || prev === 92) return false; // "][" the second half of a reference link, "![" an image, "\[" escaped
  if (inner.includes('://') || CITATION.test(inner) || !SLOT.test(inner)) return false;
  if (EDITORIAL.has(inner.trimStart().split(/\s/, 1)[0]!.toLowerCase())) return false;
  // Prose only: the bracket's content is prose in the masked text (code spans and HTML are blanked there).
  const masked = block.masked.slice(open + 1 - block.start, close - block.start);
  if (masked.trim().length === 0 || masked.trim() !== inner.trim()) return false;
  return !definedLabels(text, memo).has(inner.trim().toLowerCase());
}

/** Reference-link labels the document defines ("[label]: url"): "[label]" alone is then a link. */
function definedLabels(text: string, memo?: Map<string, unknown>): Set<string> {
  const hit = memo?.get('placeholders/labels') as Set<string> | undefined;
  if (hit) return hit;
  const labels = new Set<string>();
  for (const m of text.matchAll(/^ {0,3}\[([^\]\n]+)\]:/gm)) labels.add(m[1].trim().toLowerCase());
  memo?.set('placeholders/labels', labels);
  return labels;
}
