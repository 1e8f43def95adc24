// Judgment: name the uncertainty, then say what you assume, what you do meanwhile and when you revisit.
import type { BlockRule } from '../engine/rule.js';
import { docPath } from '../engine/rule.js';
import { hasDate, matchList, quoteText } from './util.js';

const openUncertainty: BlockRule = {
  id: 'judgment/open-uncertainty',
  dimension: 'judgment',
  title: 'Uncertainty with no decision',
  severity: 'warning',
  doc: docPath('judgment/open-uncertainty'),
  scope: 'block',
  check(input, out) {
    const matches = matchList(input, 'uncertainty');
    if (matches.length === 0) return;
    const resolution = input.rubric.lists.resolution;
    // The same paragraph may already hold the assumption, decision or revisit date.
    if (input.sentences.some((s) => resolution.test(s.words) || hasDate(input.text, s))) return;
    const m = matches[0];
    const last = input.sentences[input.sentences.length - 1];
    out.push({
      rule: this.id,
      start: m.start,
      end: m.end,
      message: `"${quoteText(input.text, m.start, m.end)}" leaves the reader holding the uncertainty. Say what you assume for now, what you will do meanwhile, and when you will revisit.`,
      fixes: [{ title: 'Add Assumption / Decision / Revisit by', safe: false, edits: [{ start: last.end, end: last.end, newText: ' Assumption: [what we assume]. Decision: [what we do meanwhile]. Revisit by: [date].' }] }],
    });
  },
};

export const judgmentRules = [openUncertainty];
