// `Presence: Choose Rubric for This Document`: picks a rubric and records it in the front matter (`presence: name`),
// which is where the server looks first.
import * as vscode from 'vscode';
import { RubricsRequest, type RubricInfo, type UriParams } from '../../server/src/protocol.js';
import { setFrontMatterKey } from './frontMatter.js';
import type { Scores } from './scores.js';

interface RubricItem extends vscode.QuickPickItem {
  rubric: RubricInfo;
}

/**
 * Resolves the chosen rubric name, or undefined when the user dismissed the pick. `preset` skips the pick (for
 * keybindings and tests: `executeCommand('presence.chooseRubric', 'board-update')`).
 */
export async function chooseRubric(scores: Scores, doc: vscode.TextDocument, preset?: string): Promise<string | undefined> {
  await scores.ready;
  const params: UriParams = { uri: scores.serverUri(doc.uri) };
  const rubrics = (await scores.client.sendRequest<RubricInfo[] | null>(RubricsRequest, params)) ?? [];
  if (rubrics.length === 0) {
    void vscode.window.showWarningMessage('Presence: no rubrics are available for this document.');
    return undefined;
  }
  if (preset !== undefined) {
    if (!rubrics.some((r) => r.name === preset)) {
      void vscode.window.showWarningMessage(`Presence: there is no rubric named "${preset}".`);
      return undefined;
    }
    return writeRubric(doc, preset);
  }
  const current = scores.last(doc.uri)?.rubric;
  const items: RubricItem[] = rubrics.map((r) => ({
    label: r.name,
    description: [r.name === current ? 'current' : '', r.source === 'built-in' ? 'built-in' : vscode.workspace.asRelativePath(r.source)]
      .filter(Boolean)
      .join(' · '),
    detail: r.description,
    rubric: r,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: 'Presence: Choose Rubric for This Document',
    placeHolder: 'Saved in the front matter as presence: <name>',
    matchOnDetail: true,
  });
  return picked ? writeRubric(doc, picked.rubric.name) : undefined;
}

/** Writes `presence: name` into the front matter, creating it if needed, and touches nothing else. */
async function writeRubric(doc: vscode.TextDocument, name: string): Promise<string | undefined> {
  const e = setFrontMatterKey(doc.getText(), 'presence', name);
  const range = new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end));
  if (doc.getText(range) === e.newText) return name;
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, range, e.newText);
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage('Presence: could not update the front matter.');
    return undefined;
  }
  return name;
}
