// Evidence: roadmap and priority items cite evidence, and that evidence (or the item's date) is not stale.
import type { DocInput, DocRule } from '../engine/rule.js';
import { docPath } from '../engine/rule.js';
import { collapseSpace } from './util.js';

interface Item {
  blocks: number[];
}

/** Top-level list items (with their nested blocks) in sections whose heading names a roadmap or priorities. Both rules ask: computed once. */
function evidenceItems(input: DocInput): Item[] {
  const memo = input.memo.get('evidence/items') as Item[] | undefined;
  if (memo) return memo;
  const { doc } = input;
  const items: Item[] = [];
  const inScope = new Set<number>();
  doc.sections.forEach((s, i) => {
    if (s.heading < 0) return;
    // A document title ("# Q3 plan") does not make every list in the document a roadmap.
    if ((input.facts(s.heading).evidenceHeading && (s.level > 1 || !doc.sections.some((x) => x.parent === i))) || (inScope.has(s.parent) && doc.sections[s.parent].level > 1)) inScope.add(i);
  });
  for (const si of inScope) {
    const blocks = doc.sections[si].blocks.filter((b) => doc.blocks[b].list >= 0 && !doc.blocks[b].quoted);
    if (blocks.length === 0) continue;
    const minDepth = Math.min(...blocks.map((b) => doc.blocks[b].listDepth));
    let current: Item | null = null;
    let key = '';
    for (const b of blocks) {
      const block = doc.blocks[b];
      const k = `${block.list}:${block.item}`;
      if (block.listDepth === minDepth && k !== key) {
        current = { blocks: [] };
        items.push(current);
        key = k;
      }
      current?.blocks.push(b);
    }
  }
  input.memo.set('evidence/items', items);
  return items;
}

function hasEvidence(input: DocInput, item: Item): boolean {
  return item.blocks.some((b) => input.facts(b).evidence || input.doc.blocks[b].hasLink);
}

const unsupported: DocRule = {
  id: 'evidence/unsupported-item',
  dimension: 'evidence',
  title: 'Roadmap item with no evidence',
  severity: 'information',
  doc: docPath('evidence/unsupported-item'),
  scope: 'document',
  check(input, out) {
    for (const item of evidenceItems(input)) {
      if (hasEvidence(input, item)) continue;
      const first = input.doc.blocks[item.blocks[0]];
      out.push({
        rule: this.id,
        start: first.start,
        end: first.end,
        message: 'This priority has no evidence behind it: no number, link, customer or source. Say why it earns its place, so the reader can weigh it against the others.',
        fixes: [{ title: 'Add an evidence placeholder', safe: false, edits: [{ start: first.end, end: first.end, newText: ' (evidence: [metric, link or customer])' }] }],
      });
    }
  },
};

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// A bare year is read as a date only where it reads as one: after a time preposition or an opening parenthesis
// ("survey from 2024", "(2024)"), and not followed by a word or another number ("from 2000 users", "2023-24").
const DATE = /\b(?:(20\d{2})-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?|(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+(?:\d{1,2},?\s+)?(20\d{2})|Q([1-4])\s+(20\d{2})|H([12])\s+(20\d{2})|(?=[12]\d{3})(?<=(?:\b(?:[Ii]n|[Bb]y|[Ss]ince|[Uu]ntil|[Bb]efore|[Aa]fter|[Ff]rom|[Dd]uring|[Ee]arly|[Mm]id|[Ll]ate|[Ee]nd of)\s+|\())((?:19|20)\d{2})(?![\p{L}\p{N}%]|[-/.,]\d|\s+[\p{L}\p{N}]))\b/gu;

/** Year and month (1–12) of the end of the period a date names. */
function periodEnd(m: RegExpExecArray): [number, number] {
  if (m[1]) return [Number(m[1]), Number(m[2])];
  if (m[4]) return [Number(m[5]), MONTHS.indexOf(m[4].slice(0, 3).toLowerCase()) + 1];
  if (m[6]) return [Number(m[7]), Number(m[6]) * 3];
  if (m[8]) return [Number(m[9]), Number(m[8]) * 6];
  // A year ends in December.
  return [Number(m[10]), 12];
}

const stale: DocRule = {
  id: 'evidence/stale',
  dimension: 'evidence',
  title: 'Stale evidence or date',
  severity: 'warning',
  doc: docPath('evidence/stale'),
  scope: 'document',
  check(input, out) {
    const today = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input.today);
    if (!today) return;
    const now = Number(today[1]) * 12 + Number(today[2]);
    const limit = input.rubric.thresholds.staleMonths;
    for (const item of evidenceItems(input)) {
      for (const b of item.blocks) {
        const block = input.doc.blocks[b];
        DATE.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = DATE.exec(block.masked))) {
          const [y, mo] = periodEnd(m);
          const age = now - (y * 12 + mo);
          if (age <= limit) continue;
          const start = block.start + m.index;
          const end = start + m[0].length;
          out.push({
            rule: this.id,
            start,
            end,
            message: `"${collapseSpace(m[0])}" is ${age} months old (the rubric treats more than ${limit} as stale). Refresh the evidence or the date, or say why it still holds.`,
            fixes: [{ title: 'Mark the date for update', safe: false, edits: [{ start, end, newText: '[updated date]' }] }],
          });
        }
      }
    }
  },
};

export const evidenceRules = [unsupported, stale];
