// Findings → LSP diagnostics. `data` ties each diagnostic back to its finding so code actions fix exactly that one.
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver';
import type { Finding, Severity } from '../engine/index.js';
import type { DiagnosticData } from '../protocol.js';
import type { Analysed } from './analysis.js';
import type { RuleDocs } from './ruleDocs.js';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(a: Analysed, index: number, docs: RuleDocs): Diagnostic {
  const f: Finding = a.result.findings[index]!;
  const data: DiagnosticData = { version: a.version, index };
  const d: Diagnostic = {
    range: a.lines.range(f.start, f.end),
    severity: SEVERITY[f.severity] ?? DiagnosticSeverity.Warning,
    source: 'presence',
    code: f.ruleId,
    message: f.message,
    data,
  };
  const href = docs.uri(f.doc);
  if (href) d.codeDescription = { href };
  if (f.unnecessary) d.tags = [DiagnosticTag.Unnecessary];
  if (f.related?.length) {
    d.relatedInformation = f.related.map((r) => ({ location: { uri: a.uri, range: a.lines.range(r.start, r.end) }, message: r.message }));
  }
  return d;
}

export function toDiagnostics(a: Analysed, docs: RuleDocs): Diagnostic[] {
  return a.active ? a.result.findings.map((_, i) => toDiagnostic(a, i, docs)) : [];
}

/** Reads our `data` back from a diagnostic a client echoes in a code action request; anything else is ignored. */
export function readData(d: Diagnostic | undefined): DiagnosticData | undefined {
  const data: unknown = d?.data;
  if (typeof data !== 'object' || data === null) return undefined;
  const { version, index } = data as Record<string, unknown>;
  if (typeof index !== 'number' || !Number.isInteger(index) || index < 0) return undefined;
  if (version !== null && typeof version !== 'number') return undefined;
  return { version, index };
}
