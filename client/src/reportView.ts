// The score report: one webview panel beside the editor, following one document and updating as it changes.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { WorkspaceEdit as LspWorkspaceEdit } from 'vscode-languageclient/node';
import { firstSlot, snippetFor } from '../../server/src/core/slots.js';
import { FixRequest, type FixParams, type ScoreResult, type ScoredTopFix } from '../../server/src/protocol.js';
import type { LiveScores } from './live.js';
import { LivePanel, type PanelMessage } from './panel.js';
import { reportBody, reportPage, type ReportContext } from './reportHtml.js';
import type { Scores } from './scores.js';

export function displayName(uri: vscode.Uri): string {
  return path.posix.basename(uri.path) || uri.toString();
}

export class ReportView implements vscode.Disposable {
  private panel: LivePanel | undefined;
  private uri: vscode.Uri | undefined;
  private result: ScoreResult | undefined;
  private watching: vscode.Disposable | undefined;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly scores: Scores,
    private readonly live: LiveScores,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.subscriptions = [
      scores.onDidScore(({ uri, result }) => {
        if (this.panel && this.uri && uri.toString() === this.uri.toString()) this.render(result);
      }),
    ];
  }

  /** The report shown most recently (kept after the panel closes, for tests and the API). */
  get lastReport(): ScoreResult | undefined {
    return this.result;
  }

  get html(): string | undefined {
    return this.panel?.currentHtml;
  }

  /** Shows `result` for `uri`, opening the panel beside the editor or reusing it. */
  show(uri: vscode.Uri, result: ScoreResult): void {
    if (!this.panel) {
      this.panel = new LivePanel(
        'presence.report',
        `Presence: ${displayName(uri)}`,
        (m) => void this.onMessage(m),
        () => this.closed(),
      );
    } else this.panel.reveal();
    if (!this.uri || this.uri.toString() !== uri.toString()) {
      this.watching?.dispose();
      this.uri = uri;
      this.watching = this.live.watch(uri);
    }
    this.render(result);
  }

  private render(result: ScoreResult, note?: string): void {
    if (!this.panel || !this.uri) return;
    this.result = result;
    const ctx: ReportContext = { fileName: displayName(this.uri), note };
    const cspSource = this.panel.cspSource;
    this.panel.update((nonce) => reportPage(result, ctx, cspSource, nonce), reportBody(result, ctx), `Presence: ${ctx.fileName}`);
  }

  private closed(): void {
    this.panel = undefined;
    this.uri = undefined;
    this.watching?.dispose();
    this.watching = undefined;
  }

  private async onMessage(m: PanelMessage): Promise<void> {
    const fix = this.result?.topFixes[m.index];
    if (!fix || !this.uri) return;
    try {
      if (m.type === 'reveal') await this.reveal(this.uri, fix);
      else if (m.type === 'apply') await this.apply(this.uri, fix);
    } catch (e) {
      this.log.error(`Report action failed: ${e instanceof Error ? e.message : String(e)}`);
      void vscode.window.showErrorMessage('Presence: that action failed. See the Presence log for details.');
      if (this.result) this.render(this.result);
    }
  }

  private async reveal(uri: vscode.Uri, fix: ScoredTopFix): Promise<void> {
    const doc = await vscode.workspace.openTextDocument(uri);
    const range = this.scores.client.protocol2CodeConverter.asRange(fix.range);
    const shown = vscode.window.visibleTextEditors.find((e) => e.document === doc);
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: shown?.viewColumn ?? vscode.ViewColumn.One, selection: range });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  /** Asks the server for the fix's edit, applies it, then re-scores (which re-renders the report). */
  private async apply(uri: vscode.Uri, fix: ScoredTopFix): Promise<void> {
    const doc = await vscode.workspace.openTextDocument(uri);
    let target: ScoredTopFix | undefined = fix;
    let version = this.result?.version ?? null;
    if (version !== doc.version) {
      // The document moved on since this report; finding indexes may have shifted, so look the fix up again.
      const fresh = await this.scores.score(uri);
      target = fresh?.topFixes.find((f) => f.ruleId === fix.ruleId && f.title === fix.title);
      if (!fresh || !target) {
        void vscode.window.showInformationMessage('Presence: that fix no longer applies; the report is up to date now.');
        if (fresh) this.render(fresh);
        return;
      }
      version = fresh.version;
    }
    // With the version, the server refuses (null) rather than applying a fix to a finding that has shifted.
    const params: FixParams = { uri: this.scores.serverUri(uri), finding: target.finding, title: target.title, version };
    const lspEdit = await this.scores.client.sendRequest<LspWorkspaceEdit | null>(FixRequest, params);
    const edit = lspEdit ? await this.scores.client.protocol2CodeConverter.asWorkspaceEdit(lspEdit) : undefined;
    if (!edit || !(await (target.template ? applyAsSnippet(doc, edit) : vscode.workspace.applyEdit(edit)))) {
      void vscode.window.showInformationMessage('Presence: that fix could not be applied; the report is up to date now.');
    }
    const after = await this.scores.score(uri);
    if (!after && this.result) this.render(this.result);
  }

  dispose(): void {
    this.panel?.close();
    this.watching?.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

/**
 * Applies a template fix so the writer fills it at once: a single text edit goes in as a snippet (tab stops on its
 * placeholders, the first selected); anything else is applied as it is and its first placeholder selected.
 */
async function applyAsSnippet(doc: vscode.TextDocument, edit: vscode.WorkspaceEdit): Promise<boolean> {
  const entries = edit.entries();
  const editor = await vscode.window.showTextDocument(doc, {
    viewColumn: vscode.window.visibleTextEditors.find((e) => e.document === doc)?.viewColumn ?? vscode.ViewColumn.One,
  });
  if (entries.length === 1 && entries[0][0].toString() === doc.uri.toString() && entries[0][1].length === 1) {
    const only = entries[0][1][0];
    return editor.insertSnippet(new vscode.SnippetString(snippetFor(only.newText)), only.range);
  }
  if (!(await vscode.workspace.applyEdit(edit))) return false;
  const firstStart = Math.min(...entries.flatMap(([, edits]) => edits.map((e) => doc.offsetAt(e.range.start))));
  const slot = firstSlot(doc.getText().slice(firstStart));
  if (slot)
    editor.selection = new vscode.Selection(doc.positionAt(firstStart + slot.index), doc.positionAt(firstStart + slot.index + slot.length));
  return true;
}
