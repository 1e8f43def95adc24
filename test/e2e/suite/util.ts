// Helpers for the suite that runs inside VS Code's extension host. Waiting is event- or poll-driven with a
// deadline; nothing sleeps for a fixed time.
import * as vscode from 'vscode';

export const EXTENSION_ID = 'presence.presence';

export interface PresenceReport {
  uri?: string;
  overall: number;
  band: string;
  dimensions?: { dimension: string; score: number }[];
  findings?: unknown[];
}

/** The API the extension's activate() returns for tests. */
export interface PresenceApi {
  getLastReport(): PresenceReport | undefined | null;
  getStatusBarText(): string | undefined;
  getReportHtml(): string | undefined;
  /** The open workspace audit panel's HTML. */
  getAuditHtml?(): string | undefined;
  getActivationMs?(): number;
  getStartupTimings?(): { serverReadyMs?: number; firstDiagnosticsMs?: number };
}

/** Figures the suite measures in VS Code, written to the results file by index.ts. */
export const metrics: Record<string, number> = {};

export const BANDS = ['board-ready', 'almost there', 'needs reframing'] as const;
export const STATUS_RE = /^\$\(pulse\) Presence (\d+) · (board-ready|almost there|needs reframing)$/;
export const DIMENSION_NAMES = [
  'impact',
  'conviction',
  'ownership',
  'decision',
  'tradeoffs',
  'quantified',
  'concision',
  'composure',
  'judgment',
  'evidence',
];

export function bandFor(score: number): string {
  return score >= 85 ? 'board-ready' : score >= 70 ? 'almost there' : 'needs reframing';
}

/**
 * Waits until `probe` returns a value other than undefined, re-checking on the given events and at least every
 * 100 ms (some state, such as the status bar, has no event); fails with `what` and the last value seen.
 */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 20_000,
  events: vscode.Event<unknown>[] = [],
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  let wake: (() => void) | undefined;
  const subs = events.map((e) => e(() => wake?.()));
  try {
    for (;;) {
      try {
        const v = await probe();
        if (v !== undefined) return v;
      } catch (e) {
        last = e;
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
      await new Promise<void>((r) => {
        const t = setTimeout(r, Math.min(100, left));
        wake = () => {
          clearTimeout(t);
          r();
        };
      });
    }
  } finally {
    for (const s of subs) s.dispose();
  }
}

export function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  if (typeof c === 'object') return String(c.value);
  return String(c);
}

export function presenceDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'presence');
}

/** Waits until the document has Presence diagnostics satisfying `accept`. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  what: string,
  accept: (ds: vscode.Diagnostic[]) => boolean,
  timeoutMs = 30_000,
): Promise<vscode.Diagnostic[]> {
  return waitFor(
    what,
    () => {
      const ds = presenceDiagnostics(uri);
      return accept(ds) ? ds : undefined;
    },
    timeoutMs,
    [vscode.languages.onDidChangeDiagnostics],
  );
}

export function describeDiagnostics(doc: vscode.TextDocument, ds: vscode.Diagnostic[]): string {
  return ds.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${codeOf(d)} "${doc.getText(d.range)}"`).join('\n');
}

export function fixtureUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function openMemo(name: string): Promise<{ doc: vscode.TextDocument; editor: vscode.TextEditor }> {
  const doc = await vscode.workspace.openTextDocument(fixtureUri(name));
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  return { doc, editor };
}

/** Line-by-line comparison: the indexes of lines that differ (texts must have the same number of lines). */
export function changedLines(before: string, after: string): number[] {
  const a = before.split('\n');
  const b = after.split('\n');
  if (a.length !== b.length)
    throw new Error(`line count changed from ${a.length} to ${b.length}:\n--- before\n${before}\n--- after\n${after}`);
  return a.flatMap((line, i) => (line === b[i] ? [] : [i]));
}
