// Keeps the scores of watched documents (the active editor, the one in the report) fresh as they change.
// The server re-publishes diagnostics after each analysis, so a diagnostics change is the cue to re-score; a text
// change alone also schedules a slower re-score in case the diagnostics did not change.
import * as vscode from 'vscode';
import type { Scores } from './scores.js';

export const AFTER_DIAGNOSTICS_MS = 150;
export const AFTER_EDIT_MS = 750;

export class LiveScores implements vscode.Disposable {
  private readonly watchers = new Map<string, { uri: vscode.Uri; count: number }>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly scores: Scores) {
    this.subscriptions = [
      vscode.languages.onDidChangeDiagnostics((e) => {
        for (const uri of e.uris) this.schedule(uri, AFTER_DIAGNOSTICS_MS);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.schedule(e.document.uri, AFTER_EDIT_MS);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.scores.forget(d.uri)),
    ];
  }

  /** Keeps `uri` fresh until the returned disposable is disposed. */
  watch(uri: vscode.Uri): vscode.Disposable {
    const key = uri.toString();
    const w = this.watchers.get(key) ?? { uri, count: 0 };
    w.count++;
    this.watchers.set(key, w);
    return new vscode.Disposable(() => {
      if (--w.count > 0) return;
      this.watchers.delete(key);
      this.clear(key);
    });
  }

  /** Re-scores a watched document after `delayMs`, replacing any pending refresh of it. */
  schedule(uri: vscode.Uri, delayMs: number): void {
    const key = uri.toString();
    if (!this.watchers.has(key)) return;
    this.clear(key);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.scores.score(uri);
      }, delayMs),
    );
  }

  private clear(key: string): void {
    const t = this.timers.get(key);
    if (t) clearTimeout(t);
    this.timers.delete(key);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    for (const s of this.subscriptions) s.dispose();
  }
}
