// STUB: the real engine lands shortly; this keeps the doors buildable.
import type { AnalysisResult, AnalyzeOptions } from './types.js';
import { DIMENSIONS } from './types.js';
export class Analyzer {
  analyze(text: string, rubric: string | undefined, _opts: AnalyzeOptions): AnalysisResult {
    const findings = [] as AnalysisResult['findings'];
    const m = /\bI think\b/.exec(text);
    if (m) findings.push({ ruleId: 'conviction/hedge', dimension: 'conviction', severity: 'warning', message: 'Hedge', start: m.index, end: m.index + m[0].length, cost: 3, fixes: [{ title: 'Drop the hedge', safe: true, edits: [{ start: m.index, end: m.index + 8, newText: 'We' }] }], doc: 'docs/rules/conviction/hedge.md' });
    return { findings, rubric: rubric ?? 'executive', words: text.split(/\s+/).length, score: { overall: findings.length ? 97 : 100, band: 'board-ready', dimensions: DIMENSIONS.map((d) => ({ dimension: d, score: 100, weight: 1, findings: 0 })), topFixes: [] } };
  }
}
const shared = new Analyzer();
export function analyze(text: string, rubric: string | undefined, opts: AnalyzeOptions): AnalysisResult { return shared.analyze(text, rubric, opts); }
