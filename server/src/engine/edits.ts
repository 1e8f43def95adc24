import type { TextEdit } from './types.js';

/** Applies non-overlapping edits (any order) to text. Throws on overlap so a bad fix never corrupts text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    if (e.start < pos || e.end < e.start || e.end > text.length) throw new RangeError(`overlapping or out-of-range edit [${e.start}, ${e.end})`);
    out += text.slice(pos, e.start) + e.newText;
    pos = e.end;
  }
  return out + text.slice(pos);
}
