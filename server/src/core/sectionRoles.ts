// What kind of section a heading opens (summary, alternatives, drawbacks…), so structural rules read a document
// the way its reader does: an "Alternatives" section holds options already weighed, an "Unresolved questions"
// section defers on purpose. The headings are data (rubrics/data/section-roles.json).
import data from '../../../rubrics/data/section-roles.json';

export const SECTION_ROLES = [
  'none',
  'summary',
  'background',
  'proposal',
  'alternatives',
  'options',
  'drawbacks',
  'unresolved',
  'asks',
  'nextSteps',
  'results',
  'appendix',
  'metadata',
] as const;
export type SectionRole = (typeof SECTION_ROLES)[number];

const ROLES: ReadonlyArray<{ role: SectionRole; whole: boolean; phrases: readonly string[] }> = (
  data.roles as Array<{ role: string; whole?: boolean; phrases: string[] }>
).map((r) => ({
  role: r.role as SectionRole,
  whole: r.whole === true,
  // Whole words: the heading is normalised to single-spaced lower-case words with a space at each end.
  phrases: r.phrases.map((p) => ` ${normalise(p)} `),
}));

/** Lower-case words separated by single spaces; numbering ("1.", "A)"), markup and punctuation other than ';' and '-' inside words dropped. */
function normalise(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^\p{L}\p{N};-]+/gu, ' ')
    .replace(/(^| )-+|-+( |$)/g, ' ')
    .trim();
}

/** The role a heading names on its own, or 'none'. */
export function roleOfTitle(title: string): SectionRole {
  const t = ` ${normalise(title)} `;
  for (const r of ROLES) if (r.phrases.some((p) => (r.whole ? t === p : t.includes(p)))) return r.role;
  return 'none';
}
