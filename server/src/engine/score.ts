// Findings → per-dimension and overall score. Each dimension starts at 100 and loses each finding's cost; the
// costs of word- and sentence-level findings are scaled by document length in sentences past a base length, so a
// longer document with the same density of problems scores the same.
import { DIMENSIONS, type Band, type Dimension, type DimensionScore, type Finding, type Score, type TopFix } from './types.js';
import type { Rubric } from './rubric.js';
import { RULES } from '../rules/registry.js';

// Document-level findings happen once per document, so length does not dilute them.
const DOCUMENT_RULES = new Set(RULES.filter((r) => r.scope === 'document').map((r) => r.id));
const scaled = (f: Finding, scale: number): number => f.cost * (DOCUMENT_RULES.has(f.ruleId) ? 1 : scale);

/** Documents up to this many sentences take findings at full cost. */
const BASE_SENTENCES = 40;

export function bandFor(overall: number): Band {
  return overall >= 85 ? 'board-ready' : overall >= 70 ? 'almost there' : 'needs reframing';
}

interface Model {
  weights: Record<Dimension, number>;
  totalWeight: number;
  scale: number;
}

function dimensionScores(findings: readonly Finding[], model: Model): Map<Dimension, number> {
  const lost = new Map<Dimension, number>(DIMENSIONS.map((d) => [d, 0]));
  findings.forEach((f) => {
    if (f.dimension === 'rubric') return;
    lost.set(f.dimension, (lost.get(f.dimension) ?? 0) + scaled(f, model.scale));
  });
  return new Map(DIMENSIONS.map((d) => [d, Math.max(0, 100 - (lost.get(d) ?? 0))]));
}

function overallOf(scores: Map<Dimension, number>, model: Model): number {
  if (model.totalWeight === 0) return 100;
  let sum = 0;
  for (const d of DIMENSIONS) sum += (scores.get(d) ?? 100) * model.weights[d];
  return sum / model.totalWeight;
}

/**
 * Scores findings. Mutates each finding's `cost` into the overall points it actually costs, so that the costs
 * add up to the points lost (a dimension floors at 0, so its findings share its 100 points).
 */
export function score(findings: Finding[], rubric: Rubric, words: number, sentences: number): Score {
  const weights = rubric.weights;
  const totalWeight = DIMENSIONS.reduce((n, d) => n + weights[d], 0);
  // Length in sentences: removing words (most fixes) never changes it, and inserting a template line only adds.
  const scale = Math.min(1, BASE_SENTENCES / Math.max(1, sentences));
  const model: Model = { weights, totalWeight, scale };
  const scores = dimensionScores(findings, model);
  const exact = overallOf(scores, model);
  const overall = Math.round(exact);

  // Removing one finding changes only its own dimension, so its gain is computed from that dimension alone.
  const lostBy = new Map<Dimension, number>();
  for (const f of findings) if (f.dimension !== 'rubric') lostBy.set(f.dimension, (lostBy.get(f.dimension) ?? 0) + scaled(f, scale));
  const topFixes: TopFix[] = [];
  findings.forEach((f, i) => {
    if (f.fixes.length === 0 || f.dimension === 'rubric' || totalWeight === 0) return;
    const lost = lostBy.get(f.dimension) ?? 0;
    const gain = ((Math.min(100, lost) - Math.min(100, lost - scaled(f, scale))) * weights[f.dimension]) / totalWeight;
    if (gain <= 0) return;
    topFixes.push({ finding: i, ruleId: f.ruleId, title: f.fixes[0].title, gain: round2(gain), start: f.start, end: f.end });
  });
  topFixes.sort((a, b) => b.gain - a.gain || a.start - b.start);

  // Points per finding: its share of its dimension's loss (a dimension floors at 0), weighted into the overall.
  for (const f of findings) {
    const lost = lostBy.get(f.dimension as Dimension) ?? 0;
    f.cost = f.dimension === 'rubric' || totalWeight === 0 || lost === 0 ? 0 : round2((((scaled(f, scale) / lost) * Math.min(100, lost)) * weights[f.dimension]) / totalWeight);
  }

  const dimensions: DimensionScore[] = DIMENSIONS.map((d) => ({
    dimension: d,
    score: Math.round(scores.get(d) ?? 100),
    weight: weights[d],
    findings: findings.filter((f) => f.dimension === d).length,
  }));
  const explanation =
    words === 0
      ? 'There is no prose to score yet: the document is empty or holds only code, front matter or markup.'
      : undefined;
  return { overall: words === 0 ? 0 : overall, band: bandFor(words === 0 ? 0 : overall), dimensions, topFixes: topFixes.slice(0, 10), ...(explanation ? { explanation } : {}) };
}

const round2 = (n: number): number => Math.round(n * 100) / 100;
