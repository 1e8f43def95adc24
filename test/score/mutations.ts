// Mutations of real documents, each with the way a reader expects the score to move. Built on the engine's own
// document model (sections, blocks, masked prose), so a mutation never edits code, front matter or link targets.
// None of them knows a corpus sentence: they are edits a writer could make to any document.
import { isChecklistItem, isLinkOnly, isMetadata } from '../../server/src/rules/grammar.ts';
import { parseDocument, type Doc } from '../../server/src/core/document.ts';
import { analyze, applyEdits, bandFor, type AnalysisResult, type TextEdit } from '../../server/src/presence.ts';

export const TODAY = '2026-11-22';

export type Expect = 'lower' | 'higher' | 'notHigher' | 'below50' | 'noBetterBand';

export interface Mutation {
  name: string;
  expect: Expect;
  /** The mutated text, or undefined when the mutation does not apply to this document. */
  apply(text: string, doc: Doc, before: AnalysisResult): string | undefined;
}

/** [start, end) of each section's subtree (its heading line to the next heading of the same or a higher level). */
function sectionRanges(doc: Doc): Array<{ section: number; start: number; bodyStart: number; end: number }> {
  const { blocks, sections, text } = doc;
  const out: Array<{ section: number; start: number; bodyStart: number; end: number }> = [];
  sections.forEach((s, i) => {
    if (s.heading < 0) return;
    const h = blocks[s.heading];
    const start = doc.lineStarts[h.line];
    const nextLine = doc.lineStarts[h.line + 1] ?? text.length;
    let end = text.length;
    for (let j = i + 1; j < sections.length; j++) {
      const other = sections[j];
      if (other.heading >= 0 && other.level <= s.level) {
        end = doc.lineStarts[blocks[other.heading].line];
        break;
      }
    }
    out.push({ section: i, start, bodyStart: nextLine, end });
  });
  return out;
}

/** Outermost sections whose heading gives them the tradeoffs role (Drawbacks, Alternatives, Risks, Consequences…). */
function tradeoffSections(doc: Doc): Array<{ start: number; bodyStart: number; end: number }> {
  const ranges = sectionRanges(doc).filter(
    (r) => ['drawbacks', 'alternatives'].includes(doc.sections[r.section].role) && doc.sections[r.section].level > 1,
  );
  return ranges.filter((r) => !ranges.some((o) => o !== r && o.start <= r.start && o.end >= r.end));
}

const removeRanges = (text: string, ranges: Array<[number, number]>): string =>
  applyEdits(
    text,
    ranges.map(([start, end]) => ({ start, end, newText: '' })),
  );

const deleteTradeoffs: Mutation = {
  name: 'delete the tradeoff sections',
  expect: 'lower',
  apply(text, doc) {
    const r = tradeoffSections(doc);
    return r.length
      ? removeRanges(
          text,
          r.map((x) => [x.start, x.end]),
        )
      : undefined;
  },
};

const emptyTradeoffs: Mutation = {
  name: 'empty the tradeoff sections (headings kept)',
  expect: 'lower',
  apply(text, doc) {
    const r = tradeoffSections(doc).filter((x) => x.end > x.bodyStart && text.slice(x.bodyStart, x.end).trim() !== '');
    return r.length
      ? applyEdits(
          text,
          r.map((x) => ({ start: x.bodyStart, end: x.end, newText: '\n' })),
        )
      : undefined;
  },
};

const stub: Mutation = {
  name: 'replace the body with "Coming soon."',
  expect: 'below50',
  apply(text, doc) {
    const from =
      doc.title >= 0 ? (doc.lineStarts[doc.blocks[doc.title].line + 1] ?? text.length) : doc.frontMatter ? (doc.blocks[0]?.start ?? 0) : 0;
    return `${text.slice(0, from)}\nComing soon.\n`;
  },
};

const HEDGES = ['I think ', 'Maybe ', 'Perhaps ', 'We believe ', 'Hopefully, '];
// The first word may lose its capital after a hedge when it is an ordinary word, not a name.
const ORDINARY =
  /^(The|This|That|These|Those|We|Our|It|Its|There|In|For|A|An|All|Each|Most|Some|When|If|As|At|By|To|With|One|After|Before|Since|Currently|Today|Now)\b/;

const hedgeFive: Mutation = {
  name: 'hedge five plain sentences',
  expect: 'lower',
  apply(text, doc, before) {
    const hedged = new Set(before.findings.filter((f) => f.ruleId.startsWith('conviction/')).map((f) => f.start));
    const edits: TextEdit[] = [];
    for (const b of doc.blocks) {
      if (edits.length === 5) break;
      if (b.kind !== 'paragraph' || b.quoted) continue;
      const first = text.slice(b.start, b.end);
      if (!/^[A-Z][a-z]+ [a-z]/.test(first) || first.split(/\s+/).length < 8 || [...hedged].some((s) => s >= b.start && s < b.end))
        continue;
      const hedge = HEDGES[edits.length];
      const word = ORDINARY.test(first) && !/^I\b/.test(first) ? first[0].toLowerCase() : first[0];
      edits.push({ start: b.start, end: b.start + 1, newText: hedge + word });
    }
    return edits.length === 5 ? applyEdits(text, edits) : undefined;
  },
};

// A figure in prose: a money amount, a percentage or a count, not a year, a version, an ordinal or an id.
const FIGURE =
  /(?<![\p{L}\d.#/:+-])(?:([$€£] ?\d[\d,.]*(?: ?(?:[kKmMbB]|million|billion))?)|(\d[\d,]*(?:\.\d+)?(?: ?(?:%|percent))?))(?![\p{L}\d.:/-]|\.\d)/gu;

const blurFigures: Mutation = {
  name: 'turn figures into "many" / "a significant amount"',
  expect: 'lower',
  apply(text, doc) {
    const edits: TextEdit[] = [];
    for (const b of doc.blocks) {
      if (b.kind !== 'paragraph' || b.quoted) continue;
      // Figures in the writer's prose only: not a header line ("Start Date: 2014-12-13"), a template's checklist
      // item or prompt question ("fewer than 2 active OWNERS?"), or a list item that is only a link.
      const source = text.slice(b.start, b.end);
      if (isMetadata(source) || isChecklistItem(source) || b.masked.trimEnd().endsWith('?') || (b.list >= 0 && isLinkOnly(source)))
        continue;
      for (const m of b.masked.matchAll(FIGURE)) {
        // "in 2019, the group…": a comma after the digits ends the clause, it is not part of the figure.
        const figure = m[0].replace(/,+$/, '');
        const start = b.start + m.index;
        // A year or a day of the month is a date, and a number after an acronym ("RFC 2008", "PDR 22") an id: not figures.
        if (
          /^(?:19|20)\d\d$/.test(figure) ||
          /(?:\b\p{Lu}{2,}[ -]?|\bv)$/u.test(b.masked.slice(Math.max(0, m.index - 8), m.index)) ||
          /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+$/i.test(b.masked.slice(Math.max(0, m.index - 12), m.index))
        )
          continue;
        edits.push({
          start,
          end: start + figure.length,
          newText: m[1] || figure.includes('%') || figure.includes('percent') ? 'a significant amount' : 'many',
        });
      }
    }
    return edits.length ? applyEdits(text, edits) : undefined;
  },
};

const BOTTOM_LINE =
  "**Bottom line:** I ask the steering committee to approve this plan by 30 June 2027; it cuts operating cost by 15% against last year's budget.";

/** `line` as the document's first paragraph, under its title. */
function withOpening(text: string, doc: Doc, line: string): string {
  const at =
    doc.title >= 0
      ? (doc.lineStarts[doc.blocks[doc.title].line + 1] ?? text.length)
      : doc.blocks[0]
        ? doc.lineStarts[doc.blocks[0].line]
        : text.length;
  return `${text.slice(0, at)}\n${line}\n\n${text.slice(at)}`;
}

const addBottomLine: Mutation = {
  name: 'add a real bottom line with an ask and a date',
  expect: 'higher',
  apply: (text, doc) => withOpening(text, doc, BOTTOM_LINE),
};

/**
 * The document's front matter and headings, each heading over `body(i)` in place of what it held: the skeleton a
 * writer keeps when the substance is gone. Undefined for a document with fewer than two headings.
 */
function skeleton(text: string, doc: Doc, body: (i: number) => string): string | undefined {
  const headings = doc.blocks.filter((b) => b.kind === 'heading');
  if (headings.length < 2) return undefined;
  const parts = [doc.frontMatter ? text.slice(0, doc.frontMatter.bodyStart) : ''];
  headings.forEach((h, i) => {
    const line = text.slice(doc.lineStarts[h.line], doc.lineStarts[h.line + 1] ?? text.length).trim();
    parts.push(`${line}\n\n${body(i)}\n\n`);
  });
  return parts.join('');
}

// Placeholder Latin, as a page template ships it.
const LOREM = [
  'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.',
  'Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat.',
  'Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla pariatur.',
  'Excepteur sint occaecat cupidatat non proident, sunt in culpa qui officia deserunt mollit anim id est laborum.',
];

const loremSkeleton: Mutation = {
  name: 'keep the headings, put placeholder Latin under each',
  expect: 'below50',
  apply: (text, doc) => skeleton(text, doc, (i) => [0, 1, 2].map((k) => LOREM[(i + k) % LOREM.length]).join(' ')),
};

const oneSentenceSkeleton: Mutation = {
  name: 'keep the headings, put "We will continue to work on this." under each',
  expect: 'below50',
  apply: (text, doc) => skeleton(text, doc, () => 'We will continue to work on this.'),
};

// Sentences that name nothing (no figure, name, code or link), written here: padding, not substance.
const PADDING = [
  'The team continued working on various items.',
  'Progress was made across several areas.',
  'Work is ongoing in a number of places.',
  'Several discussions took place during the period.',
  'The group met regularly to review things.',
  'Various improvements were made to the project.',
  'Contributors worked on a range of topics.',
  'Efforts continued on the usual fronts.',
  'There was steady activity throughout.',
  'More work remains to be done in general.',
];

const pad: Mutation = {
  name: 'append three paragraphs of sentences that name nothing',
  expect: 'notHigher',
  apply: (text) =>
    `${text.trimEnd()}\n\n## Other work\n\n${[' so far.', ' this period.', ' as planned.']
      .map((tail) => PADDING.map((s) => s.replace(/\.$/, tail)).join(' '))
      .join('\n\n')}\n`,
};

/** The words of every prose paragraph in a random order (a fixed seed per paragraph): the same words, no sentences. */
const shuffleWords: Mutation = {
  name: 'shuffle the words of every prose paragraph',
  expect: 'lower',
  apply: (text, doc) => {
    const edits = doc.blocks
      .filter((b) => b.kind === 'paragraph' && !b.quoted && /[a-z]{3,} [a-z]{3,}/.test(b.masked))
      .map((b, n) => {
        const words = text.slice(b.start, b.end).split(/\s+/);
        let seed = n + 1;
        for (let i = words.length - 1; i > 0; i--) {
          seed = (seed * 1103515245 + 12345) & 0x7fffffff;
          const j = seed % (i + 1);
          [words[i], words[j]] = [words[j]!, words[i]!];
        }
        return { start: b.start, end: b.end, newText: words.join(' ') };
      });
    return edits.length ? applyEdits(text, edits) : undefined;
  },
};

const twice: Mutation = {
  name: 'write the whole document out twice',
  expect: 'notHigher',
  apply: (text) => `${text.trimEnd()}\n\n${text}`,
};

const HOLLOW_BOTTOM_LINE = '**Bottom line:** We are making good progress and things are going well overall.';

const addHollowBottomLine: Mutation = {
  name: 'add a bottom line with no outcome, decision or ask',
  expect: 'noBetterBand',
  apply: (text, doc) => withOpening(text, doc, HOLLOW_BOTTOM_LINE),
};

/** Applies the first fix of every finding at once, as a writer clicking through would (overlaps: the first wins). */
export function applyFirstFixes(text: string, before: AnalysisResult): string | undefined {
  const edits: TextEdit[] = [];
  for (const f of before.findings) if (f.fixes[0]) edits.push(...f.fixes[0].edits);
  // Overlapping edits from different findings: keep the first of each overlapping run.
  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  const kept: TextEdit[] = [];
  let reach = -1;
  for (const e of edits) {
    if (e.start < reach || (e.start === reach && kept.length && kept[kept.length - 1].start === e.start)) continue;
    kept.push(e);
    reach = e.end;
  }
  return kept.length ? applyEdits(text, kept) : undefined;
}

const applyEveryFix: Mutation = {
  name: 'apply every fix, placeholders left unfilled',
  expect: 'noBetterBand',
  apply: (text, _doc, before) => applyFirstFixes(text, before),
};

export const MUTATIONS: readonly Mutation[] = [
  deleteTradeoffs,
  emptyTradeoffs,
  stub,
  loremSkeleton,
  oneSentenceSkeleton,
  hedgeFive,
  blurFigures,
  addBottomLine,
  addHollowBottomLine,
  applyEveryFix,
  pad,
  shuffleWords,
  twice,
];

const BAND_RANK = { 'needs reframing': 0, 'almost there': 1, 'board-ready': 2 } as const;

/** Whether the score moved the way the mutation expects; `exact` compares unrounded-enough scores. */
export function movedRight(expect: Expect, before: AnalysisResult, after: AnalysisResult): boolean {
  const a = before.score.overall;
  const b = after.score.overall;
  switch (expect) {
    case 'lower':
      return b < a;
    case 'higher':
      return b > a;
    case 'notHigher':
      return b <= a;
    case 'below50':
      return b < 50;
    case 'noBetterBand':
      return BAND_RANK[bandFor(b)] <= BAND_RANK[bandFor(a)];
  }
}

export interface Outcome {
  folder: string;
  file: string;
  mutation: string;
  ok: boolean;
  before: number;
  after: number;
  /** Rules whose findings the mutation removed, with the overall points they cost before. */
  gone: Array<[string, number]>;
}

/** Applies every mutation to one document and analyses each mutated text once. */
export function mutateAndScore(folder: string, file: string, text: string): Outcome[] {
  const before = analyze(text, undefined, { today: TODAY });
  const doc = parseDocument(text);
  const out: Outcome[] = [];
  for (const m of MUTATIONS) {
    const mutated = m.apply(text, doc, before);
    if (mutated === undefined || mutated === text) continue;
    const after = analyze(mutated, undefined, { today: TODAY });
    const left = new Map<string, number>();
    for (const f of after.findings) left.set(f.ruleId, (left.get(f.ruleId) ?? 0) + 1);
    const gone = new Map<string, number>();
    for (const f of before.findings) {
      const n = left.get(f.ruleId) ?? 0;
      if (n > 0) left.set(f.ruleId, n - 1);
      else gone.set(f.ruleId, (gone.get(f.ruleId) ?? 0) + f.cost);
    }
    out.push({
      folder,
      file,
      mutation: m.name,
      ok: movedRight(m.expect, before, after),
      before: before.score.overall,
      after: after.score.overall,
      gone: [...gone].sort((a, b) => b[1] - a[1]),
    });
  }
  return out;
}
