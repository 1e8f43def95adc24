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

const ROLES = (data.roles as Array<{ role: string; whole?: boolean; phrases: string[] }>).map((r) => r.role as SectionRole);

/** Lower-case words separated by single spaces; numbering ("1.", "A)"), markup and punctuation other than ';' and '-' inside words dropped. */
function normalise(title: string): string {
  return (
    title
      .toLowerCase()
      // "Author(s)", "Reviewer(s)": the optional plural is the plural.
      .replace(/(\p{L})\(s\)/gu, '$1s')
      .replace(/[^\p{L}\p{N};-]+/gu, ' ')
      .replace(/(^| )-+|-+( |$)/g, ' ')
      .trim()
  );
}

// The phrases, normalised as headings are, indexed by their first word (and whole-heading phrases by their text),
// so a heading is read in one pass over its words: the first role in the data's order whose phrase occurs in it as
// whole words wins.
const WHOLE = new Map<string, number>();
const BY_FIRST_WORD = new Map<string, Array<{ role: number; words: string[] }>>();
(data.roles as Array<{ whole?: boolean; phrases: string[] }>).forEach((r, role) => {
  for (const p of r.phrases) {
    const phrase = normalise(p);
    if (r.whole) {
      if (!WHOLE.has(phrase)) WHOLE.set(phrase, role);
      continue;
    }
    const words = phrase.split(' ');
    const list = BY_FIRST_WORD.get(words[0]!) ?? [];
    list.push({ role, words });
    BY_FIRST_WORD.set(words[0]!, list);
  }
});

/** The role a heading names on its own, or 'none'. */
export function roleOfTitle(title: string): SectionRole {
  const t = normalise(title);
  let best = WHOLE.get(t) ?? ROLES.length;
  const words = t.split(' ');
  for (let i = 0; i < words.length; i++) {
    const candidates = BY_FIRST_WORD.get(words[i]!);
    if (!candidates) continue;
    for (const c of candidates) {
      if (c.role >= best || i + c.words.length > words.length) continue;
      let k = 1;
      while (k < c.words.length && words[i + k] === c.words[k]) k++;
      if (k === c.words.length) best = c.role;
    }
  }
  return best < ROLES.length ? ROLES[best]! : 'none';
}
