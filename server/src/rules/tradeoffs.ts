// Tradeoffs: a recommendation says what it costs or what it gives up; nothing is "all upside".
import type { DocRule } from '../engine/rule.js';
import { docPath } from '../engine/rule.js';
import { listRule } from './util.js';

// A section like this anywhere in the document states the tradeoffs for every recommendation in it.
const TRADEOFF_HEADING = /\b(trade-?offs?|risks?|costs?|downsides?|alternatives?|options?|not doing|non-goals|what we give up|considered|cons)\b/i;

const unstated: DocRule = {
  id: 'tradeoffs/unstated',
  dimension: 'tradeoffs',
  title: 'Recommendation with no tradeoff',
  severity: 'warning',
  doc: docPath('tradeoffs/unstated'),
  scope: 'document',
  check(input, out) {
    const { doc } = input;
    if (doc.sections.some((s) => s.heading >= 0 && TRADEOFF_HEADING.test(s.title))) return;
    for (const section of doc.sections) {
      const blocks = section.blocks.filter((b) => !doc.blocks[b].quoted);
      if (blocks.some((b) => input.facts(b).tradeoff)) continue;
      const b = blocks.find((i) => input.facts(i).recommendations.length > 0);
      if (b === undefined) continue;
      const [start, end] = input.facts(b).recommendations[0];
      out.push({
        rule: this.id,
        start,
        end,
        message: 'This recommendation does not say what it costs or what you will not do instead. Naming the tradeoff shows you weighed it and lets the reader judge it.',
        fixes: [{ title: 'Add a "Tradeoff:" line', safe: false, edits: [{ start: end, end, newText: ' Tradeoff: we give up [what] to get [what].' }] }],
      });
    }
  },
};

const noDownside = listRule({
  id: 'tradeoffs/no-downside',
  dimension: 'tradeoffs',
  title: '"No downside" claim',
  severity: 'warning',
  list: 'noDownside',
  message: (p) => `"${p}": every choice costs something, if only the alternatives. A reader who spots the cost you left out will doubt the rest.`,
});

export const tradeoffRules = [unstated, noDownside];
