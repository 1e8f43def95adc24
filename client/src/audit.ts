// `Presence: Audit Workspace`: scores every Markdown file (the server publishes each file's diagnostics to the
// Problems panel as it goes), then lists the files worst first.
import * as vscode from 'vscode';
import { ScoreFileRequest, type ScoreResult, type UriParams } from '../../server/src/protocol.js';
import { auditBody, auditPage, sortRows, type AuditRow, type AuditSummary } from './auditHtml.js';
import { anyMatchesPathOrParent, compileGlob, type GlobMatcher } from '../../server/src/core/glob.js';
import { LivePanel } from './panel.js';
import type { Scores } from './scores.js';

/** Enough for any docs repository; past this the audit would be slow and the list unreadable. */
const MAX_FILES = 5000;

/** Globs set to `true` in an exclude-style setting (`{ "glob": true | { when } }`); `when` conditions are skipped. */
function trueGlobs(value: unknown): string[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value as Record<string, unknown>)
    .filter(([, on]) => on === true)
    .map(([g]) => g);
}

/** Exclude matchers for a folder: `presence.exclude` the way the server reads it, VS Code's own from the folder root. */
function excludesFor(uri: vscode.Uri): GlobMatcher[] {
  const presence = vscode.workspace.getConfiguration('presence', uri).get<unknown>('exclude');
  const search = vscode.workspace.getConfiguration('search', uri).get<unknown>('exclude');
  const own = Array.isArray(presence) ? presence.filter((g): g is string => typeof g === 'string' && g !== '') : [];
  return [...own.map((g) => compileGlob(g)), ...trueGlobs(search).map((g) => compileGlob(g, { anywhere: false }))];
}

/** Markdown files in the workspace, minus `files.exclude` (findFiles' default), `search.exclude` and `presence.exclude`. */
export async function findMarkdownFiles(token?: vscode.CancellationToken): Promise<vscode.Uri[]> {
  const found = await vscode.workspace.findFiles('**/*.{md,markdown}', undefined, MAX_FILES, token);
  const cache = new Map<string, GlobMatcher[]>();
  return found.filter((uri) => {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const key = folder?.uri.toString() ?? '';
    let globs = cache.get(key);
    if (!globs) cache.set(key, (globs = excludesFor(folder?.uri ?? uri)));
    return !anyMatchesPathOrParent(globs, vscode.workspace.asRelativePath(uri, false));
  });
}

export interface AuditResult {
  summary: AuditSummary;
  /** Same order as `summary.rows`. */
  uris: vscode.Uri[];
}

export async function runAudit(scores: Scores): Promise<AuditResult | undefined> {
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showInformationMessage('Presence: open a folder to audit its Markdown files.');
    return undefined;
  }
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Presence: auditing Markdown files', cancellable: true },
    async (progress, token) => {
      await scores.ready;
      const files = await findMarkdownFiles(token);
      const scored: { row: AuditRow; uri: vscode.Uri }[] = [];
      const failed: AuditSummary['failed'] = [];
      let skipped = 0;
      for (const [i, uri] of files.entries()) {
        if (token.isCancellationRequested) break;
        const rel = vscode.workspace.asRelativePath(uri);
        progress.report({ message: `${i + 1} of ${files.length}: ${rel}`, increment: 100 / files.length });
        try {
          const params: UriParams = { uri: scores.serverUri(uri) };
          const r = await scores.client.sendRequest<ScoreResult | null>(ScoreFileRequest, params, token);
          if (r) scored.push({ uri, row: { path: rel, score: r.overall, band: r.band, findings: r.findings.length, rubric: r.rubric } });
          else skipped++; // excluded or turned off by a setting the server applies
        } catch (e) {
          if (token.isCancellationRequested) break;
          failed.push({ path: rel, reason: e instanceof Error ? e.message : String(e) });
        }
      }
      const rows = sortRows(scored.map((s) => s.row));
      const byRow = new Map(scored.map((s) => [s.row, s.uri]));
      return {
        summary: { rows, failed, skipped, total: files.length, cancelled: token.isCancellationRequested },
        uris: rows.map((r) => byRow.get(r)!),
      };
    },
  );
}

/** The audit summary panel; one at a time, reused by the next audit. */
export class AuditView implements vscode.Disposable {
  private panel: LivePanel | undefined;
  private uris: vscode.Uri[] = [];

  get html(): string | undefined {
    return this.panel?.currentHtml;
  }

  show(result: AuditResult): void {
    this.uris = result.uris;
    if (!this.panel) {
      this.panel = new LivePanel(
        'presence.audit',
        'Presence: Workspace Audit',
        (m) => {
          const uri = m.type === 'open' ? this.uris[m.index] : undefined;
          if (uri) void vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.One });
        },
        () => (this.panel = undefined),
      );
    } else this.panel.reveal();
    const cspSource = this.panel.cspSource;
    this.panel.update((nonce) => auditPage(result.summary, cspSource, nonce), auditBody(result.summary), 'Presence: Workspace Audit');
  }

  dispose(): void {
    this.panel?.close();
  }
}
