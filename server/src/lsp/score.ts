// Analysis result → the `presence/score` answer, with ranges instead of offsets.
import type { ScoreResult } from '../protocol.js';
import type { Analysed } from './analysis.js';
import type { RuleDocs } from './ruleDocs.js';

export function toScoreResult(a: Analysed, docs: RuleDocs): ScoreResult {
  const { result, lines } = a;
  const out: ScoreResult = {
    uri: a.uri,
    version: a.version,
    rubric: result.rubric,
    words: result.words,
    overall: result.score.overall,
    band: result.score.band,
    dimensions: result.score.dimensions,
    topFixes: result.score.topFixes.map((t) => ({
      ruleId: t.ruleId,
      title: t.title,
      gain: t.gain,
      template: t.template,
      finding: t.finding,
      range: lines.range(t.start, t.end),
    })),
    findings: result.findings.map((f) => {
      const doc = docs.uri(f.doc);
      return {
        ruleId: f.ruleId,
        severity: f.severity,
        message: f.message,
        range: lines.range(f.start, f.end),
        cost: f.cost,
        dimension: f.dimension,
        ...(doc ? { doc } : {}),
      };
    }),
    credit: result.score.credit,
    capped: result.score.capped,
    placeholders: result.score.placeholders,
    unfinished: result.score.unfinished,
    silenced: result.score.silenced,
    scored: result.score.scored,
    formula: result.score.formula,
  };
  if (result.score.explanation) out.explanation = result.score.explanation;
  return out;
}
