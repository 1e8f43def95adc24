// `Presence: Fix All Safe Issues`: applies every fix the engine marks safe, in one undoable edit.
import * as vscode from 'vscode';
import type { TextEdit as LspTextEdit } from 'vscode-languageclient/node';
import { FixAllRequest, type UriParams } from '../../server/src/protocol.js';
import type { Scores } from './scores.js';

/** Resolves the number of edits applied. */
export async function fixAll(scores: Scores, doc: vscode.TextDocument): Promise<number> {
  await scores.ready;
  const version = doc.version;
  const params: UriParams = { uri: scores.serverUri(doc.uri) };
  const lspEdits = await scores.client.sendRequest<LspTextEdit[] | null>(FixAllRequest, params);
  if (!lspEdits?.length) {
    void vscode.window.showInformationMessage('Presence: no safe fixes');
    return 0;
  }
  if (doc.version !== version) {
    // The edits were computed for text that has since changed; applying them could land in the wrong place.
    void vscode.window.showWarningMessage('Presence: the document changed while fixes were prepared. Run Fix All Safe Issues again.');
    return 0;
  }
  const edit = new vscode.WorkspaceEdit();
  edit.set(doc.uri, await scores.client.protocol2CodeConverter.asTextEdits(lspEdits));
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage('Presence: the safe fixes could not be applied.');
    return 0;
  }
  const n = lspEdits.length;
  void vscode.window.showInformationMessage(`Presence: applied ${n} safe ${n === 1 ? 'fix' : 'fixes'}`);
  return n;
}
