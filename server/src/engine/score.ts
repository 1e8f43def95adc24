// Findings and credit → per-dimension and overall score.
//
// A dimension earns credit for what the document does (the rubric's `credit` table names the signals and their
// points; the signals are measured by the rules layer) and loses what its findings cost: score = credit × e^(−lost/80)
// (dimensionScore), so credit and findings both count wherever the dimension stands. The overall score is the rubric-weighted average of the dimensions, less the placeholders left to
// fill (unfinished work); a stub is scaled down (it cannot reach "almost there", and what it does still moves it)
// and placeholders left to fill cap it below "almost there". The costs of word- and sentence-level findings are scaled by document length in sentences past a base
// length, so a longer document with the same density of problems scores the same. Silenced findings cost nothing
// and are counted per dimension.
import {
  DIMENSIONS,
  type Band,
  type Dimension,
  type DimensionScore,
  type Finding,
  type Score,
  type Severity,
  type TopFix,
} from './types.js';
import type { Rubric } from './rubric.js';
import { hasSlot } from '../core/slots.js';
import type { CreditReport, Rule } from './rule.js';

/** Documents up to this many sentences take findings at full cost. */
const BASE_SENTENCES = 40;
/** Overall points one placeholder costs, by severity; placeholders are not diluted by length. */
const UNFINISHED_COST: Record<Severity, number> = { error: 8, warning: 5, information: 2, hint: 1 };
/**
 * A stub, or a document with placeholders left to fill, cannot reach "almost there". A stub's score is scaled by its
 * cap, which rises with each sentence of prose (30% with none, 69% just short of the substance threshold), so
 * writing, and everything else it does, still moves the score.
 */
const stubCap = (sentences: number, substance: number): number => 30 + (39 * Math.min(sentences, substance)) / substance;
/**
 * Placeholders left to fill keep a document below "almost there" without flattening it: above the knee a point
 * counts half, so 100 lands on the cap. A flat cap made every other improvement (a bottom line, an ask)
 * invisible while one "[TBD]" was left.
 */
const PLACEHOLDER_CAP = 69;
const PLACEHOLDER_KNEE = 38;
const underPlaceholderCap = (x: number): number =>
  x <= PLACEHOLDER_KNEE ? x : PLACEHOLDER_KNEE + ((x - PLACEHOLDER_KNEE) * (PLACEHOLDER_CAP - PLACEHOLDER_KNEE)) / (100 - PLACEHOLDER_KNEE);

export function bandFor(overall: number): Band {
  return overall >= 85 ? 'board-ready' : overall >= 70 ? 'almost there' : 'needs reframing';
}

/** What the score knows of a rule: its dimension, whether it reads the whole document, whether it marks unfinished work. */
export type RuleFacts = Pick<Rule, 'dimension' | 'scope' | 'unfinished' | 'hollow'>;

/** What the analysis hands the score besides the findings. */
export interface ScoreContext {
  /** The rules that can report, by id. */
  rules: ReadonlyMap<string, RuleFacts>;
  /** Credit signals measured on the document; undefined when it has no prose. */
  credit?: CreditReport;
  /** Findings that presence-disable comments silenced (one entry per finding): rule id and start offset. */
  silenced: ReadonlyArray<{ rule: string; start: number; whole?: boolean }>;
  /** The file holds a presence-disable-file comment: it has no score. */
  fileDisabled: boolean;
}

interface Earned {
  credit: number;
  judged: boolean;
  note: string;
}

/**
 * A dimension's score from its credit and the points its findings take: the credit, shrunk by e^(−lost/80). One
 * warning (20 points) keeps 78% of the credit, a document-level finding (40) 61%, 100 points 29%. It never reaches
 * 0 while credit is left, and both credit and findings move it wherever it stands, so one more problem, or one
 * more thing done, always shows.
 */
const FINDINGS_SCALE = 80;
export function dimensionScore(credit: number, lost: number): number {
  return credit * Math.exp(-lost / FINDINGS_SCALE);
}

function earned(rubric: Rubric, d: Dimension, report: CreditReport | undefined, findings: number): Earned {
  const spec = rubric.credit[d];
  const names = Object.keys(spec).filter((k) => spec[k] > 0);
  if (!report) return { credit: 0, judged: false, note: 'not enough text to judge' };
  if (names.length === 0) return { credit: 100, judged: true, note: 'the rubric sets no credit: findings only' };
  let points = 0;
  let got = 0;
  let seen = false;
  const notes: string[] = [];
  for (const n of names) {
    const s = report.signals[n];
    if (!s) continue;
    points += spec[n];
    // A sentence-counting signal loses one sentence per finding (or silenced finding).
    const value = s.count !== undefined && s.target ? Math.max(0, Math.min(1, (s.count - findings) / s.target)) : s.value;
    got += spec[n] * value;
    seen ||= s.seen;
    notes.push(s.note);
  }
  const credit = points === 0 ? 100 : (100 * got) / points;
  return { credit, judged: seen, note: seen ? notes.join('; ') : `not enough text to judge (${notes.join('; ')})` };
}

/**
 * Scores findings. Mutates each finding's `cost` into the overall points it actually costs, so that the points
 * lost add up: 100 − overall = (100 − weighted credit) + Σ finding costs + what a cap takes.
 */
export function score(findings: Finding[], rubric: Rubric, words: number, sentences: number, context: ScoreContext): Score {
  const { rules } = context;
  // Document-level findings happen once per document, so length does not dilute them.
  const isDocumentLevel = (id: string): boolean => rules.get(id)?.scope === 'document';
  const isUnfinished = (id: string): boolean => rules.get(id)?.unfinished === true;
  const scaled = (f: Finding, scale: number): number => f.cost * (isDocumentLevel(f.ruleId) ? 1 : scale);
  const weights = rubric.weights;
  const totalWeight = DIMENSIONS.reduce((n, d) => n + weights[d], 0);
  const report = words > 0 ? context.credit : undefined;
  // Length in sentences that say something specific (the credit report's), or in all of them when there is no prose
  // to read: removing a word (most fixes) rarely changes it, and inserting a template line never adds to it.
  const scale = Math.min(1, BASE_SENTENCES / Math.max(1, report ? report.informative : sentences));

  const lostBy = new Map<Dimension, number>(DIMENSIONS.map((d) => [d, 0]));
  const counted = new Map<Dimension, number>(DIMENSIONS.map((d) => [d, 0]));
  const unfinished: Finding[] = [];
  for (const f of findings) {
    if (f.dimension === 'rubric') continue;
    if (isUnfinished(f.ruleId)) {
      unfinished.push(f);
      continue;
    }
    lostBy.set(f.dimension, lostBy.get(f.dimension)! + scaled(f, scale));
    counted.set(f.dimension, counted.get(f.dimension)! + 1);
  }
  const silencedBy = new Map<Dimension, number>(DIMENSIONS.map((d) => [d, 0]));
  for (const { rule: id } of context.silenced) {
    const d = rules.get(id)?.dimension;
    if (d) silencedBy.set(d, silencedBy.get(d)! + 1);
  }

  // A sentence that holds a problem is not clean prose: sentence-counting credit loses each sentence that holds a
  // finding, silenced or not, from a word-level hedge to a document rule's empty ask. A finding about the whole
  // document ("no ask anywhere") only shows at its title or opening: that sentence is not the problem. Hollow
  // sentences (an empty ask, a deferral) are prose without substance: they do not count towards it (below).
  const onProblem: number[] = [];
  const onHollow: number[] = [];
  const place = (rule: string, start: number, whole: boolean | undefined): void => {
    if (!whole) onProblem.push(start);
    if (rules.get(rule)?.hollow === true) onHollow.push(start);
  };
  for (const f of findings) if (f.dimension !== 'rubric') place(f.ruleId, f.start, f.whole);
  for (const x of context.silenced) place(x.rule, x.start, x.whole);
  const problems = report ? sentencesHolding(report.spans, onProblem) : 0;
  const hollow = report ? sentencesHolding(report.spans, onHollow) : 0;
  const earnedBy = new Map(DIMENSIONS.map((d) => [d, earned(rubric, d, report, problems)]));
  const exact = new Map(DIMENSIONS.map((d) => [d, Math.min(100, dimensionScore(earnedBy.get(d)!.credit, lostBy.get(d)!))]));
  const weigh = (n: number, d: Dimension): number => (totalWeight === 0 ? 0 : (n * weights[d]) / totalWeight);
  let raw = 0;
  let creditOverall = 0;
  for (const d of DIMENSIONS) {
    raw += weigh(exact.get(d)!, d);
    creditOverall += weigh(earnedBy.get(d)!.credit, d);
  }
  if (totalWeight === 0) raw = creditOverall = 100;

  const unfinishedSum = unfinished.reduce((n, f) => n + UNFINISHED_COST[f.severity], 0);
  const unfinishedPts = Math.min(raw, unfinishedSum);
  // Substance is prose: a document is a stub below the substance threshold, and also when fewer than half of that
  // many of its sentences are clean (hold no problem), so sentences of hedges and apologies do not lift it out.
  // Within a stub, only clean sentences raise the scale.
  const clean = report ? Math.max(0, report.sentences - problems) : 0;
  const stub = report !== undefined && (report.sentences - hollow < report.substance || clean < report.substance / 2);
  // A stub scales down (its cap is the most it can score), so what it does or fails to do still moves its score;
  // placeholders left to fill compress it under theirs.
  // Only clean sentences lift a stub: a hedged or apologetic sentence added to one is not substance.
  const stubFactor = stub ? stubCap(clean, report.substance) / 100 : 1;
  const cap = Math.min(stub ? stubCap(clean, report.substance) : 100, unfinished.length > 0 ? PLACEHOLDER_CAP : 100);
  const beforeCap = raw - unfinishedPts;
  const scaledDown = beforeCap * stubFactor;
  const overallExact = words === 0 ? 0 : unfinished.length > 0 ? underPlaceholderCap(scaledDown) : scaledDown;
  const overall = Math.round(overallExact);

  // Removing one finding changes only its own dimension, so its gain is computed from that dimension alone.
  const topFixes: TopFix[] = [];
  findings.forEach((f, i) => {
    if (f.fixes.length === 0 || f.dimension === 'rubric' || isUnfinished(f.ruleId) || totalWeight === 0) return;
    const credit = earnedBy.get(f.dimension)!.credit;
    const lost = lostBy.get(f.dimension)!;
    const gain = weigh(dimensionScore(credit, Math.max(0, lost - scaled(f, scale))) - dimensionScore(credit, lost), f.dimension);
    if (gain <= 0) return;
    const template = f.fixes[0].edits.some((e) => hasSlot(e.newText));
    topFixes.push({ finding: i, ruleId: f.ruleId, title: f.fixes[0].title, gain: round2(gain), template, start: f.start, end: f.end });
  });
  topFixes.sort((a, b) => b.gain - a.gain || a.start - b.start);

  // Points per finding: its share of what its dimension lost (credit − score), weighted into the overall;
  // a placeholder's share of the unfinished points.
  for (const f of findings) {
    if (f.dimension === 'rubric' || totalWeight === 0) f.cost = 0;
    else if (isUnfinished(f.ruleId))
      f.cost = unfinishedSum === 0 ? 0 : round2((UNFINISHED_COST[f.severity] / unfinishedSum) * unfinishedPts);
    else {
      const lost = lostBy.get(f.dimension)!;
      const credit = earnedBy.get(f.dimension)!.credit;
      const taken = credit - dimensionScore(credit, lost);
      f.cost = lost === 0 ? 0 : round2(weigh((scaled(f, scale) / lost) * taken, f.dimension));
    }
  }

  const dimensions: DimensionScore[] = DIMENSIONS.map((d) => {
    const e = earnedBy.get(d)!;
    return {
      dimension: d,
      score: Math.round(exact.get(d)!),
      weight: weights[d],
      findings: counted.get(d)!,
      credit: Math.round(e.credit),
      lost: round2(lostBy.get(d)!),
      silenced: silencedBy.get(d)!,
      judged: e.judged,
      note: e.note,
    };
  });
  const silenced = context.silenced.length;
  const findingPts = round2(findings.reduce((n, f) => n + (isUnfinished(f.ruleId) ? 0 : f.cost), 0));
  const capNote = stub
    ? ` · × ${stubFactor.toFixed(2)}: ${clean} of the ${report!.substance} clean sentences of prose a document needs`
    : overallExact < beforeCap
      ? ` · placeholders left to fill: above ${PLACEHOLDER_KNEE} compressed under ${PLACEHOLDER_CAP}`
      : '';
  const formula = `${overall} = credit ${Math.round(creditOverall)} − findings ${Math.round(findingPts)}${unfinished.length ? ` − placeholders ${Math.round(unfinishedPts)}` : ''}${capNote}`;
  let explanation: string | undefined;
  if (words === 0) explanation = 'There is no prose to score yet: the document is empty or holds only code, front matter or markup.';
  else if (context.fileDisabled) explanation = 'A presence-disable-file comment turns Presence off for this file, so it has no score.';
  else if (stub && report!.note) explanation = `There is not enough text to judge: ${report!.note}.`;
  else if (stub)
    explanation = `There is not enough text to judge: ${clean} of the ${report!.substance} sentences of clean prose (no finding in them) a document needs before it can score "almost there".`;
  return {
    overall: context.fileDisabled ? 0 : overall,
    band: bandFor(context.fileDisabled ? 0 : overall),
    dimensions,
    topFixes: topFixes.slice(0, 10),
    ...(explanation ? { explanation } : {}),
    credit: round2(creditOverall),
    capped: words === 0 ? 0 : round2(Math.max(0, beforeCap - overallExact)),
    placeholders: unfinished.length,
    unfinished: round2(unfinishedPts),
    silenced,
    ...(overallExact < beforeCap ? { cap } : {}),
    scored: !context.fileDisabled,
    formula,
  };
}

/** How many of the sentences ([start, end) pairs in order) hold at least one of the offsets. */
function sentencesHolding(spans: readonly number[], offsets: number[]): number {
  const hit = new Set<number>();
  for (const at of offsets) {
    let lo = 0;
    let hi = spans.length / 2 - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (spans[2 * mid] <= at) lo = mid + 1;
      else hi = mid - 1;
    }
    if (hi >= 0 && at < spans[2 * hi + 1]) hit.add(hi);
  }
  return hit.size;
}

const round2 = (n: number): number => Math.round(n * 100) / 100;
