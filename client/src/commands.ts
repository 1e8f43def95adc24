// Registers the Presence commands. Each returns its result so tests can await `executeCommand`.
import * as vscode from 'vscode';
import type { ScoreResult } from '../../server/src/protocol.js';
import { type AuditView, runAudit, type AuditResult } from './audit.js';
import { chooseRubric } from './chooseRubric.js';
import { fixAll } from './fixAll.js';
import type { ReportView } from './reportView.js';
import { isEnabled, isMarkdown, type Scores } from './scores.js';
import type { PresenceStatusBar } from './statusBar.js';

export interface CommandDeps {
  scores: Scores;
  report: ReportView;
  audit: AuditView;
  statusBar: PresenceStatusBar;
  log: vscode.LogOutputChannel;
}

/** The document a command acts on: an explicit URI (explorer menu, tests), the active editor, or the one the status bar follows. */
async function targetDocument(arg: unknown, deps: CommandDeps): Promise<vscode.TextDocument | undefined> {
  const doc =
    arg instanceof vscode.Uri
      ? await vscode.workspace.openTextDocument(arg)
      : (vscode.window.activeTextEditor?.document ?? deps.statusBar.document);
  if (!isMarkdown(doc)) {
    void vscode.window.showInformationMessage('Presence: open a Markdown document first.');
    return undefined;
  }
  if (!isEnabled(doc.uri)) {
    void vscode.window.showInformationMessage('Presence is turned off for this file (setting presence.enable).');
    return undefined;
  }
  return doc;
}

/** Runs a command body, logging and reporting failures instead of letting them vanish. */
function guarded<T>(name: string, deps: CommandDeps, body: (...args: unknown[]) => Promise<T | undefined>) {
  return async (...args: unknown[]): Promise<T | undefined> => {
    try {
      return await body(...args);
    } catch (e) {
      deps.log.error(`${name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      void vscode.window.showErrorMessage(`Presence: ${name} failed. Run "Presence: Show Log" for details.`);
      return undefined;
    }
  };
}

export function registerCommands(deps: CommandDeps): vscode.Disposable[] {
  const { scores, report, audit, log } = deps;
  return [
    vscode.commands.registerCommand(
      'presence.scoreDocument',
      guarded<ScoreResult>('Score Document', deps, async (arg) => {
        const doc = await targetDocument(arg, deps);
        if (!doc) return undefined;
        const result = await scores.score(doc.uri);
        if (!result) {
          void vscode.window.showWarningMessage('Presence: could not score this document. Run "Presence: Show Log" for details.');
          return undefined;
        }
        report.show(doc.uri, result);
        return result;
      }),
    ),
    vscode.commands.registerCommand(
      'presence.auditWorkspace',
      guarded<AuditResult>('Audit Workspace', deps, async () => {
        const result = await runAudit(scores);
        if (result) audit.show(result);
        return result;
      }),
    ),
    vscode.commands.registerCommand(
      'presence.fixAll',
      guarded<number>('Fix All Safe Issues', deps, async (arg) => {
        const doc = await targetDocument(arg, deps);
        return doc ? fixAll(scores, doc) : undefined;
      }),
    ),
    vscode.commands.registerCommand(
      'presence.chooseRubric',
      guarded<string>('Choose Rubric', deps, async (arg, preset) => {
        // Accepts (uri?, name?) or just (name) so a keybinding can pass a rubric name directly.
        const name = typeof arg === 'string' ? arg : typeof preset === 'string' ? preset : undefined;
        const doc = await targetDocument(arg instanceof vscode.Uri ? arg : undefined, deps);
        return doc ? chooseRubric(scores, doc, name) : undefined;
      }),
    ),
    vscode.commands.registerCommand('presence.showOutput', () => log.show(true)),
  ];
}
