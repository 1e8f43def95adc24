// Section helpers shared by the structural rules: a section's subtree, and whether a section of a given role
// says something (a heading with nothing under it, or "None." / "TBD", says nothing).
import type { DocInput } from './rule.js';
import type { SectionRole } from '../core/sectionRoles.js';

/**
 * Where each section's subtree ends: sections are in document order, so a section and its subsections are the
 * contiguous range [section, end). One pass with the chain of open sections, once per document.
 */
export function subtreeEnds(input: DocInput): Int32Array {
  let ends = input.memo.get('sections/subtreeEnds') as Int32Array | undefined;
  if (ends) return ends;
  const sections = input.doc.sections;
  ends = new Int32Array(sections.length).fill(sections.length);
  const open: number[] = [];
  for (let i = 0; i < sections.length; i++) {
    while (open.length > 0 && open[open.length - 1] !== sections[i].parent) ends[open.pop()!] = i;
    open.push(i);
  }
  input.memo.set('sections/subtreeEnds', ends);
  return ends;
}

// A block that only says there is nothing here yet: "None.", "TBD", "N/A", "Coming soon.", "To be written".
const NOTHING =
  /^\W*(?:none|n\/?a|tbd|tbc|todo|to ?do|not applicable|nothing(?: yet)?|coming soon|to be (?:written|added|decided|determined|confirmed|created)|\[[^\]]*\])\W*$/i;

/** Prose words in the section and its subsections; quoted text and "None." / "TBD" blocks count for nothing. */
export function subtreeWords(input: DocInput, section: number): number {
  const end = subtreeEnds(input)[section];
  let n = 0;
  for (let s = section; s < end; s++) {
    for (const b of input.doc.sections[s].blocks) {
      const block = input.doc.blocks[b];
      if (!block.quoted && !NOTHING.test(block.masked)) n += input.wordsIn(b);
    }
  }
  return n;
}

/** Enough words to state a reason ("Search waits a quarter."). */
export const CONTENT_WORDS = 3;

/** Some section with one of these roles has content. */
export function hasContentfulRole(input: DocInput, roles: readonly SectionRole[]): boolean {
  return input.doc.sections.some((s, i) => s.heading >= 0 && roles.includes(s.role) && subtreeWords(input, i) >= CONTENT_WORDS);
}

/** The section sits where a document weighs, defers or references rather than proposes. */
export const NOT_A_LAPSE: readonly SectionRole[] = ['alternatives', 'unresolved', 'appendix', 'background', 'drawbacks'];
