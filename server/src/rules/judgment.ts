// Judgment: name the uncertainty, then say what you assume, what you do meanwhile and when you revisit.
import type { BlockRule } from './rule.js';
import { docPath } from './rule.js';
import type { SectionRole } from '../core/sectionRoles.js';
import type { Sentence, Word } from '../core/sentences.js';
import { PhraseMatcher } from '../core/phrases.js';
import { hasDate, matchList, quoteText } from './util.js';
import { isMetadata } from './grammar.js';
import { isNegation } from './clause.js';
import data from '../../../rubrics/data/judgment.json';

// Where naming what is open is the section's job: unresolved questions, rejected alternatives (the unknown is the
// reason to reject), and the background or context that describes the problem ("it is unclear by reading the
// code"). Not drawbacks: an ADR's Consequences often hides an open item the reader must carry.
const OPEN_BY_DESIGN: ReadonlySet<SectionRole> = new Set<SectionRole>(['unresolved', 'alternatives', 'background']);
// "may introduce some confusion or uncertainty": the noun names an effect on others, a downside, not what the writer
// does not know.
const CAUSING = new Set(data.causing);

// A later sentence of the paragraph that commits the writer to an action ("Next time we will use another provider",
// "Let's create a foundation with a limited scope"): what happens meanwhile is said, unless negated ("we will not").
const COMMITTING = new PhraseMatcher(data.committing);
function commitsLater(sentences: readonly Sentence[], after: number): boolean {
  for (const s of sentences) {
    if (s.start < after) continue;
    for (const m of COMMITTING.matchAll(s.words)) if (!isNegation(s.words[m.to]?.lower ?? '')) return true;
  }
  return false;
}

function namesAnEffect(words: readonly Word[], from: number): boolean {
  for (let k = Math.max(0, from - 4); k < from; k++) if (CAUSING.has(words[k].lower)) return true;
  return false;
}

const openUncertainty: BlockRule = {
  id: 'judgment/open-uncertainty',
  dimension: 'judgment',
  title: 'Uncertainty with no decision',
  severity: 'warning',
  doc: docPath('judgment/open-uncertainty'),
  scope: 'block',
  check(input, out) {
    // "Landed: TBD", "Owner: TBD" in a header: a field the template fills in later, not a judgment left open.
    if (OPEN_BY_DESIGN.has(input.role) || input.block.quoted) return;
    const matches = matchList(input, 'uncertainty').filter(
      (m) => !(m.phrase.startsWith('uncertain') && namesAnEffect(m.sentence.words, m.from)),
    );
    if (matches.length === 0 || isMetadata(input.text.slice(input.block.start, input.block.end))) return;
    const resolution = input.rubric.lists.resolution;
    // The same paragraph may already hold the assumption, decision or revisit date.
    if (input.sentences.some((s) => resolution.holds(s) || hasDate(input.text, s))) return;
    const m = matches[0];
    if (commitsLater(input.sentences, m.sentence.end)) return;
    const last = input.sentences[input.sentences.length - 1];
    out.push({
      rule: this.id,
      start: m.start,
      end: m.end,
      message: `"${quoteText(input.text, m.start, m.end)}" leaves the reader holding the uncertainty. Say what you assume for now, what you will do meanwhile, and when you will revisit.`,
      fixes: [
        {
          title: 'Add Assumption / Decision / Revisit by',
          safe: false,
          edits: [
            {
              start: last.end,
              end: last.end,
              newText: ' Assumption: [what we assume]. Decision: [what we do meanwhile]. Revisit by: [date].',
            },
          ],
        },
      ],
    });
  },
};

export const judgmentRules = [openUncertainty];
