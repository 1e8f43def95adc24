// The bracketed slots Presence's template fixes write ("[date]", "[N%]", "Owner: [name]"), and the snippet form
// that turns each into a tab stop. One definition for the score (a template fix that leaves slots), the server's
// quick fixes and the client's report, so all three agree on what a slot is.

/** A bracketed slot: not a Markdown link or reference (`[text](url)`, `[text][ref]`). */
const SLOT_SOURCE = String.raw`\[[^\]\n]+\](?![([])`;
const SLOT = new RegExp(SLOT_SOURCE);

/** Whether inserted text holds a slot to fill. */
export function hasSlot(text: string): boolean {
  return SLOT.test(text);
}

/** Offset of the first slot in `text` and its length, or undefined. */
export function firstSlot(text: string): { index: number; length: number } | undefined {
  const m = SLOT.exec(text);
  return m ? { index: m.index, length: m[0].length } : undefined;
}

/** Inserted text as a snippet: each slot becomes a tab stop with its text selected, the first one first. */
export function snippetFor(text: string): string {
  let n = 0;
  let out = '';
  let last = 0;
  for (const m of text.matchAll(new RegExp(SLOT_SOURCE, 'g'))) {
    out += escapeSnippet(text.slice(last, m.index));
    out += `\${${++n}:${escapeSnippet(m[0])}}`;
    last = m.index + m[0].length;
  }
  return out + escapeSnippet(text.slice(last));
}

const escapeSnippet = (s: string): string => s.replace(/[\\$}]/g, '\\$&');
