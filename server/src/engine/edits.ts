import type { Finding, TextEdit } from './types.js';

/** Applies non-overlapping edits (any order) to text. Throws on overlap so a bad fix never corrupts text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    if (e.start < pos || e.end < e.start || e.end > text.length)
      throw new RangeError(`overlapping or out-of-range edit [${e.start}, ${e.end})`);
    out += text.slice(pos, e.start) + e.newText;
    pos = e.end;
  }
  return out + text.slice(pos);
}

/** The edits of every safe fix, first come first served, skipping any that would overlap an earlier one. */
export function safeFixEdits(findings: readonly Finding[]): TextEdit[] {
  const chosen: TextEdit[] = [];
  const taken: Array<[number, number]> = [];
  for (const f of findings) {
    const fix = f.fixes.find((x) => x.safe);
    if (!fix) continue;
    // Touching ranges conflict too: two insertions at one point would interleave.
    if (fix.edits.some((e) => taken.some(([s, t]) => e.start <= t && s <= e.end))) continue;
    for (const e of fix.edits) {
      chosen.push(e);
      taken.push([e.start, e.end]);
    }
  }
  return chosen.sort((a, b) => a.start - b.start);
}
