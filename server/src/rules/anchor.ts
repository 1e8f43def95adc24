// Where a document-level finding points and where document-level inserts go.
import type { DocInput } from './rule.js';

/** [start, end) of the title (or the first prose block), and the offset at the end of the document for appended sections. */
export function documentAnchor(input: DocInput): [number, number, number] {
  const { doc, text } = input;
  const first = doc.title >= 0 ? doc.blocks[doc.title] : doc.blocks[0];
  let end = text.length;
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  if (!first) return [0, 0, end];
  let anchorEnd = first.kind === 'heading' ? first.end : Math.min(first.end, first.start + 80);
  // Never end between the halves of a surrogate pair.
  const c = text.charCodeAt(anchorEnd - 1);
  if (anchorEnd < first.end && c >= 0xd800 && c <= 0xdbff) anchorEnd--;
  return [first.start, anchorEnd, end];
}

/** Offset of the start of the line holding `offset`. */
export function lineStartOf(input: DocInput, offset: number): number {
  let i = offset;
  while (i > 0 && input.text[i - 1] !== '\n' && input.text[i - 1] !== '\r') i--;
  return i;
}
