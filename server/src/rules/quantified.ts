// Quantified: speak in numbers and dates, in business terms.
import type { BlockRule, DocRule } from '../engine/rule.js';
import { docPath } from '../engine/rule.js';
import { hasDate, hasNumber, matchList, quoteText, replaceEdit } from './util.js';
import { documentAnchor } from './anchor.js';

// Vague words that stand for a size or a rate ("a significant increase" → "a [N%] increase"); the rest stand for a count.
const RATE_WORDS = /^(significant|significantly|substantial|substantially|considerable|considerably|dramatic|dramatically|meaningful|meaningfully|massive|massively|huge|sizable|sizeable)$/;

const vagueQuantity: BlockRule = {
  id: 'quantified/vague-quantity',
  dimension: 'quantified',
  title: 'Vague quantity',
  severity: 'warning',
  doc: docPath('quantified/vague-quantity'),
  scope: 'block',
  check(input, out) {
    for (const m of matchList(input, 'vagueQuantity')) {
      if (hasNumber(input.text, m.sentence)) continue;
      const prev = m.sentence.words[m.from - 1]?.lower;
      // "statistically significant" is a precise claim; "how many" is a question.
      if (prev === 'statistically' || prev === 'how' || prev === 'so' || prev === 'too' || prev === 'as') continue;
      const rate = RATE_WORDS.test(m.phrase);
      // "the majority of the tasks" → "[N%] of the tasks"; "a lot of tasks" → "[N] tasks".
      const share = /^(?:majority|most) of$/.test(m.phrase);
      const placeholder = share ? '[N%] of' : rate ? '[N%]' : '[N]';
      out.push({
        rule: this.id,
        start: m.start,
        end: m.end,
        message: `"${quoteText(input.text, m.start, m.end)}" asks the reader to guess the size. Give the number${rate ? ' (percent, dollars or units)' : ''} so they can weigh it.`,
        fixes: [{ title: `Put a number here: "${placeholder}"`, safe: false, edits: [replaceEdit(input.text, m.start, m.end, placeholder)] }],
      });
    }
  },
};

const vagueTime: BlockRule = {
  id: 'quantified/vague-time',
  dimension: 'quantified',
  title: 'Vague timing',
  severity: 'warning',
  doc: docPath('quantified/vague-time'),
  scope: 'block',
  check(input, out) {
    for (const m of matchList(input, 'vagueTime')) {
      if (hasDate(input.text, m.sentence)) continue;
      out.push({
        rule: this.id,
        start: m.start,
        end: m.end,
        message: `"${quoteText(input.text, m.start, m.end)}" is not a date. Commit to one ("by March 31") or say what the timing depends on.`,
        fixes: [{ title: 'Put a date here: "by [date]"', safe: false, edits: [replaceEdit(input.text, m.start, m.end, 'by [date]')] }],
      });
    }
  },
};

const unquantifiedChange: BlockRule = {
  id: 'quantified/unquantified-change',
  dimension: 'quantified',
  title: 'Change with no number',
  severity: 'warning',
  doc: docPath('quantified/unquantified-change'),
  scope: 'block',
  check(input, out) {
    const metrics = input.rubric.lists.metrics;
    const verbs = input.rubric.lists.changeVerbs;
    for (const s of input.sentences) {
      if (hasNumber(input.text, s)) continue;
      const words = s.words;
      for (let i = 0; i < words.length; i++) {
        if (metrics.matchAt(words, i) === 0) continue;
        // "revenue grew", "churn is down": the verb within three words after the metric.
        for (let j = i + 1; j <= Math.min(words.length - 1, i + 3); j++) {
          const len = verbs.matchAt(words, j);
          if (len === 0) continue;
          const end = words[j + len - 1].end;
          out.push({
            rule: this.id,
            start: words[i].start,
            end,
            message: `"${quoteText(input.text, words[i].start, end)}" by how much? A change without a number and a baseline cannot be judged.`,
            fixes: [{ title: 'Add the size: "by [N%]"', safe: false, edits: [{ start: end, end, newText: ' by [N%]' }] }],
          });
          i = words.length;
          break;
        }
      }
    }
  },
};

const noFinancials: DocRule = {
  id: 'quantified/no-financials',
  dimension: 'quantified',
  title: 'Board update without financials',
  severity: 'off',
  doc: docPath('quantified/no-financials'),
  scope: 'document',
  check(input, out) {
    if (input.words < 30) return;
    for (let b = 0; b < input.doc.blocks.length; b++) if (input.facts(b).financial) return;
    const [start, end, insertAt] = documentAnchor(input);
    out.push({
      rule: this.id,
      start,
      end,
      message: 'A board update with no revenue, cost, margin, burn or runway figures leaves the board to ask for them. Add the financial picture in a few lines.',
      fixes: [{ title: 'Add a Financials section', safe: false, edits: [{ start: insertAt, end: insertAt, newText: '\n\n## Financials\n\n- Revenue: [$N] ([N%] against plan)\n- Burn: [$N] a month; runway [N] months\n' }] }],
    });
  },
};

export const quantifiedRules = [vagueQuantity, vagueTime, unquantifiedChange, noFinancials];
