// Renders the workspace audit summary. Pure: takes the audited files, returns HTML.
import { esc, page, PAGE_SCRIPT, tone } from './html.js';

export interface AuditRow {
  /** Workspace-relative path shown to the user. */
  path: string;
  score: number;
  band: string;
  findings: number;
  rubric: string;
}

export interface AuditSummary {
  rows: AuditRow[];
  /** Files the server could not score, with the reason. */
  failed: { path: string; reason: string }[];
  /** Files the server left alone (`presence.exclude`, `presence.enable: false`). */
  skipped: number;
  /** Files found; more than rows + failed + skipped when the audit was cancelled. */
  total: number;
  cancelled: boolean;
}

/** Worst first, so the files that need the most work are at the top; ties by path for a stable order. */
export function sortRows(rows: AuditRow[]): AuditRow[] {
  return [...rows].sort((a, b) => a.score - b.score || a.path.localeCompare(b.path));
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** `rows` must already be sorted; `data-index` refers to that order. */
export function auditBody(s: AuditSummary): string {
  const n = s.rows.length;
  const avg = n ? Math.round(s.rows.reduce((t, r) => t + r.score, 0) / n) : 0;
  const count = (band: string) => s.rows.filter((r) => r.band === band).length;
  const headline = n
    ? `${plural(n, 'file', 'files')} scored · average ${avg} · ${count('board-ready')} board-ready, ${count('almost there')} almost there, ${count('needs reframing')} needs reframing`
    : 'No Markdown files were scored.';
  const rows = s.rows
    .map(
      (r, i) => `<tr class="file" tabindex="0" data-action="open" data-index="${i}" data-path="${esc(r.path)}" data-score="${esc(r.score)}">
  <td class="score ${tone(r.score)}">${esc(r.score)}</td><td class="band">${esc(r.band)}</td><td class="count">${esc(r.findings)}</td><td class="path"><a href="#" data-action="open" data-index="${i}">${esc(r.path)}</a></td><td class="muted">${esc(r.rubric)}</td>
</tr>`,
    )
    .join('\n');
  const failed = s.failed.length
    ? `<h2>Not scored</h2><ul id="failed">${s.failed.map((f) => `<li><code>${esc(f.path)}</code> <span class="muted">${esc(f.reason)}</span></li>`).join('')}</ul>`
    : '';
  return `<main id="presence-audit" data-files="${n}">
<h1>Workspace audit</h1>
<p id="audit-summary">${esc(headline)}</p>
${s.skipped ? `<p id="audit-skipped" class="muted">${esc(plural(s.skipped, 'file was', 'files were'))} skipped by Presence settings (presence.exclude or presence.enable).</p>` : ''}
${s.cancelled ? `<p id="audit-cancelled" class="muted">The audit was stopped after ${esc(n + s.failed.length + s.skipped)} of ${esc(s.total)} files.</p>` : ''}
${
  n
    ? `<table id="audit-files"><thead><tr><th>Score</th><th>Band</th><th>Findings</th><th>File</th><th>Rubric</th></tr></thead><tbody>
${rows}
</tbody></table>`
    : ''
}
${failed}
<p class="muted legend">Findings are also listed in the Problems panel.</p>
</main>`;
}

const AUDIT_CSS = `
table { border-collapse: collapse; width: 100%; }
th { text-align: left; font-weight: 600; border-bottom: 1px solid var(--vscode-panel-border, var(--vscode-contrastBorder, transparent)); padding: 4px 8px; }
td { padding: 4px 8px; }
td.band { white-space: nowrap; }
tr.file { cursor: pointer; }
tr.file:hover { background: var(--vscode-list-hoverBackground); color: var(--vscode-list-hoverForeground, inherit); }
td.score, td.count { font-variant-numeric: tabular-nums; text-align: right; width: 4em; }
td.score { font-weight: 700; }
.legend { margin-top: 24px; font-size: .9em; }
`;

export function auditPage(s: AuditSummary, cspSource: string, nonce: string): string {
  return page({
    title: 'Presence: Workspace Audit',
    cspSource,
    nonce,
    css: AUDIT_CSS,
    body: `<div id="root">${auditBody(s)}</div>`,
    script: PAGE_SCRIPT,
  });
}
