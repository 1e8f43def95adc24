// Placeholders: a bracketed slot in prose that the writer has not filled yet ("[N%]", "[owner]", "[the outcome…]").
// Not a placeholder: a link or reference link ("[text](url)", "[text][ref]", "[text]" with a definition), a task box
// ("[ ]", "[x]"), a footnote ("[^1]"), an alert ("[!NOTE]"), a citation ("[1]", "[RFC 2119]"), code.
import type { Block } from '../engine/document.js';

/** Offsets [start, end) of the placeholders in a block, brackets included; memoised per block start. */
export function placeholdersIn(text: string, block: Block, memo?: Map<string, unknown>): ReadonlyArray<[number, number]> {
  const key = `placeholders/${block.start}`;
  const hit = memo?.get(key) as Array<[number, number]> | undefined;
  if (hit) return hit;
  const out: Array<[number, number]> = [];
  let i = text.indexOf('[', block.start);
  while (i >= 0 && i < block.end) {
    const close = text.indexOf(']', i + 1);
    if (close < 0 || close >= block.end) break;
    const inner = text.slice(i + 1, close);
    if (isPlaceholder(text, block, i, close, inner, memo)) out.push([i, close + 1]);
    i = text.indexOf('[', i + 1);
  }
  memo?.set(key, out);
  return out;
}

// A slot says what goes in it: lowercase words ("[date]", "[what we give up]", not a name such as "[indy-vdr]"), a
// variable ("[N%]", "[$X]"), an ellipsis ("[the outcome…]"), or a to-do mark ("[TBD]", "[TODO]").
const SLOT = /^(?:[^\p{L}]*\p{Ll}[\p{Ll}']*(?:[ ,:;/][^\]]*)?$|.*(?:…|\.\.\.)|[$€£#~+±-]?(?:N|X|Y|NN|XX)\b|(?:TBD|TBC|TODO|TK|XXX|FIXME)\b)/u;
const CITATION = /^(?:\d+(?:[,-]\d+)*|[A-Z][\p{L}\d.&' -]*\d[\p{L}\d.-]*)$/u;

function isPlaceholder(text: string, block: Block, open: number, close: number, inner: string, memo?: Map<string, unknown>): boolean {
  if (inner.length === 0 || inner.length > 80 || inner.includes('[') || inner.includes('\n')) return false;
  if (/^[ xX]$/.test(inner) || inner.startsWith('^') || inner.startsWith('!')) return false;
  // "(" a link (also on the next line, as writers wrap them), "[" a reference link, ":" a reference definition.
  const after = /^\s*(.)/.exec(text.slice(close + 1, close + 40))?.[1];
  const next = text.charCodeAt(close + 1);
  if (after === '(' || next === 91 || next === 58) return false;
  const prev = text.charCodeAt(open - 1);
  if (prev === 93 || prev === 33 || prev === 92) return false; // "][" the second half of a reference link, "![" an image, "\[" escaped
  if (inner.includes('://') || CITATION.test(inner) || !SLOT.test(inner)) return false;
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
