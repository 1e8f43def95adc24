// Evidence: roadmap and priority items cite evidence, and that evidence (or the item's date) is not stale.
import type { DocInput, DocRule } from './rule.js';
import { docPath } from './rule.js';
import { isMetadata } from './grammar.js';
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
    if (
      (input.facts(s.heading).evidenceHeading && (s.level > 1 || !doc.sections.some((x) => x.parent === i))) ||
      (inScope.has(s.parent) && doc.sections[s.parent].level > 1)
    )
      inScope.add(i);
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
  // Reviewed on real reports and proposals: no finding of 53 was right (task lists, plans and requirements are
  // not priorities competing for money). A hint by default; the strategy-memo rubric turns it on.
  severity: 'hint',
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
        message:
          'This priority has no evidence behind it: no number, link, customer or source. Say why it earns its place, so the reader can weigh it against the others.',
        fixes: [
          {
            title: 'Add an evidence placeholder',
            safe: false,
            edits: [{ start: first.end, end: first.end, newText: ' (evidence: [metric, link or customer])' }],
          },
        ],
      });
    }
  },
};

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// A bare year is read as a date only where it reads as one: after a time preposition or an opening parenthesis
// ("survey from 2024", "(2024)"), and not followed by a word or another number ("from 2000 users", "2023-24").
const DATE =
  /\b(?:(20\d{2})-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?|(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+(?:\d{1,2},?\s+)?(20\d{2})|Q([1-4])\s+(20\d{2})|H([12])\s+(20\d{2})|(?=[12]\d{3})(?<=(?:\b(?:[Ii]n|[Bb]y|[Ss]ince|[Uu]ntil|[Bb]efore|[Aa]fter|[Ff]rom|[Dd]uring|[Ee]arly|[Mm]id|[Ll]ate|[Ee]nd of)\s+|\())((?:19|20)\d{2})(?![\p{L}\p{N}%]|[-/.,]\d|\s+[\p{L}\p{N}]))\b/gu;

/** Year and month (1–12) of the end of the period a date names. */
function periodEnd(m: RegExpExecArray): [number, number] {
  if (m[1]) return [Number(m[1]), Number(m[2])];
  if (m[4]) return [Number(m[5]), MONTHS.indexOf(m[4].slice(0, 3).toLowerCase()) + 1];
  if (m[6]) return [Number(m[7]), Number(m[6]) * 3];
  if (m[8]) return [Number(m[9]), Number(m[8]) * 6];
  // A year ends in December.
  return [Number(m[10]), 12];
}

// A period in a title or header line: "2025 Annual Report", "2019 Q4 …", "Start Date: 2018-01-01", "Nov 13, 2019".
const TITLE_PERIOD = /\b(?:Q([1-4])\s+((?:19|20)\d{2})|((?:19|20)\d{2})(?:-(0[1-9]|1[0-2]))?(?:\s+Q([1-4]))?)\b/g;
const DATE_KEY = /^(?:date|created|updated|last[- ]modified|submitted|start[- ]date|published)$/i;
// "Created by …, last modified by … on Nov 13, 2019".
const BYLINE_DATE = /\b(?:created|modified|updated|submitted)\b/i;

/**
 * Year × 12 + month of the end of the period the document itself is dated to, or undefined: its title, a date in
 * its front matter, or a header line before the first section's prose. A 2025 annual report's "Highlights of
 * 2025" is its own reporting period, not stale evidence.
 */
function documentPeriod(input: DocInput): number | undefined {
  const { doc, text } = input;
  const candidates: string[] = [];
  const fm = doc.frontMatter?.data;
  if (fm) for (const [k, v] of Object.entries(fm)) if (DATE_KEY.test(k) || k === 'title') candidates.push(v);
  const firstHeading = doc.blocks.findIndex((b) => b.kind === 'heading');
  if (firstHeading >= 0) candidates.push(text.slice(doc.blocks[firstHeading].start, doc.blocks[firstHeading].end));
  // Header lines: the first few blocks, when they are "Key: value" lines or a byline ("…last modified … on Nov 13, 2019").
  for (const b of doc.blocks.slice(0, 6)) {
    if (b.kind === 'heading') continue;
    const source = text.slice(b.start, b.end);
    if (isMetadata(source)) {
      for (const line of source.split('\n'))
        if (
          DATE_KEY.test(
            line
              .split(':')[0]!
              .replace(/[-*+_\s]+/g, ' ')
              .trim(),
          )
        )
          candidates.push(line);
    } else if (BYLINE_DATE.test(b.masked)) candidates.push(b.masked);
  }
  let best: number | undefined;
  for (const c of candidates) {
    for (const m of c.matchAll(TITLE_PERIOD)) {
      const year = Number(m[2] ?? m[3]);
      const month = m[1] ? Number(m[1]) * 3 : m[5] ? Number(m[5]) * 3 : m[4] ? Number(m[4]) : 12;
      const at = year * 12 + month;
      if (best === undefined || at > best) best = at;
    }
  }
  return best;
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
    // Age is measured from when the document was written, when it says: a report is not stale for being old.
    const own = documentPeriod(input);
    const now = Math.min(Number(today[1]) * 12 + Number(today[2]), own ?? Infinity);
    const limit = input.rubric.thresholds.staleMonths;
    for (const item of evidenceItems(input)) {
      for (const b of item.blocks) {
        const block = input.doc.blocks[b];
        // A template's prompt ("Did you have updates in 2023?") is the form's wording, not the writer's evidence.
        if (block.masked.includes('?')) continue;
        DATE.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = DATE.exec(block.masked))) {
          // "The previous one was in 2021": when a past event happened, told as history, not evidence offered as current.
          if (
            /\b(?:was|were|happened|took place|occurred)\s+(?:in|on|during)\s+$/i.test(
              block.masked.slice(Math.max(0, m.index - 24), m.index),
            )
          )
            continue;
          const [y, mo] = periodEnd(m);
          const age = now - (y * 12 + mo);
          // Within the year the document reports on, a date is the report's own period.
          if (age <= limit || (own !== undefined && y === Math.floor((own - 1) / 12))) continue;
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
