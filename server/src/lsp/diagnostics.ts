// Findings → LSP diagnostics. `data` ties each diagnostic back to its finding so code actions fix exactly that one.
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver';
import type { Finding, Severity } from '../presence.js';
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

/**
 * At most this many diagnostics are published per document. A pathological document can have tens of thousands of
 * findings, and encoding one such publish held the server's main thread for half a second; nobody reads past the
 * first thousand underlines anyway. The score still counts every finding.
 */
const MAX_DIAGNOSTICS = 1000;

export function toDiagnostics(a: Analysed, docs: RuleDocs): Diagnostic[] {
  if (!a.active) return [];
  const findings = a.result.findings;
  if (findings.length <= MAX_DIAGNOSTICS) return findings.map((_, i) => toDiagnostic(a, i, docs));
  // The most severe first (LSP numbers severities from Error = 1), then in document order (findings are sorted by position).
  const shown = findings
    .map((_, i) => i)
    .sort((x, y) => SEVERITY[findings[x]!.severity] - SEVERITY[findings[y]!.severity] || x - y)
    .slice(0, MAX_DIAGNOSTICS)
    .sort((x, y) => x - y);
  const out = shown.map((i) => toDiagnostic(a, i, docs));
  out.push({
    range: a.lines.range(0, 0),
    severity: DiagnosticSeverity.Information,
    source: 'presence',
    code: 'presence/too-many-findings',
    message: `Presence shows ${MAX_DIAGNOSTICS.toLocaleString('en-US')} of the ${findings.length.toLocaleString('en-US')} findings in this document, the most severe first; the score counts them all. Fix these, or split the document, to see the rest.`,
  });
  return out;
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
