// What the server should publish, computed by running the engine in-process on the same text: the LSP tests check
// the server's wiring (mapping, versions, settings), so they hold whatever rules the engine has.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { Analyzer, type AnalysisResult, type AnalyzeOptions } from '../../server/src/presence.js';
import { localToday } from '../../server/src/lsp/analysis.js';

const SEVERITY = { error: 1, warning: 2, information: 3, hint: 4 } as const;

export function engineResult(text: string, rubric = 'executive', opts: Partial<AnalyzeOptions> = {}): AnalysisResult {
  return new Analyzer().analyze(text, rubric, { today: localToday(), severityOverrides: {}, ...opts });
}

/** The parts of each diagnostic the engine decides: rule, range, severity, message, fade-out tag. */
export function expectedDiagnostics(text: string, rubric?: string, opts: Partial<AnalyzeOptions> = {}): object[] {
  const doc = TextDocument.create('x:y', 'markdown', 1, text);
  return engineResult(text, rubric, opts).findings.map((f) => ({
    code: f.ruleId,
    range: { start: doc.positionAt(f.start), end: doc.positionAt(f.end) },
    severity: SEVERITY[f.severity],
    message: f.message,
    unnecessary: f.unnecessary === true,
    related: (f.related ?? []).map((r) => ({ range: { start: doc.positionAt(r.start), end: doc.positionAt(r.end) }, message: r.message })),
  }));
}

/** `uri`: related information must point into the same document. */
export function essentials(ds: Diagnostic[], uri?: string): object[] {
  return ds.map((d) => ({
    code: d.code,
    range: d.range,
    severity: d.severity,
    message: d.message,
    unnecessary: d.tags?.includes(1) === true,
    related: (d.relatedInformation ?? []).map((r) => {
      if (uri && r.location.uri !== uri) throw new Error(`related information points at ${r.location.uri}`);
      return { range: r.location.range, message: r.message };
    }),
  }));
}

export function rangeText(text: string, d: Diagnostic): string {
  const doc = TextDocument.create('x:y', 'markdown', 1, text);
  return text.slice(doc.offsetAt(d.range.start), doc.offsetAt(d.range.end));
}

export const hedges = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'conviction/hedge');
