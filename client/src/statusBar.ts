// The live score of the active Markdown document in the status bar; a click opens the full report.
import * as vscode from 'vscode';
import type { ScoreResult } from '../../server/src/protocol.js';
import { hintFor } from './dimensions.js';
import type { LiveScores } from './live.js';
import { isEnabled, isMarkdown, type Scores } from './scores.js';

export function statusText(r: ScoreResult): string {
  if (!r.scored) return '$(pulse) Presence: no score';
  return `$(pulse) Presence ${r.overall} · ${r.band}`;
}

// Hover tables have no cell padding: without a gap, "conviction 80 67 1" runs together. No-break spaces keep one.
const GAP = '\u00a0\u00a0\u00a0';
const row = (cells: readonly (string | number)[]): string =>
  `| ${cells.map((c, i) => (i === 0 ? `${c}${GAP}` : `${GAP}${c}`)).join(' | ')} |`;

export function statusTooltip(r: ScoreResult): vscode.MarkdownString {
  const rows = r.dimensions
    .filter((d) => d.weight > 0)
    .map((d) =>
      row([
        d.dimension,
        d.judged ? Math.round(d.score) : `${Math.round(d.score)} (too little text)`,
        d.credit,
        `${d.findings}${d.silenced ? ` (+${d.silenced} silenced)` : ''}`,
        hintFor(d.dimension),
      ]),
    );
  // The rubric name comes from a workspace file: strip what could break out of the code span.
  const rubric = r.rubric.replace(/[`\r\n|]/g, '');
  const md = new vscode.MarkdownString(
    [
      r.scored
        ? `**Presence ${r.overall} · ${r.band}** — rubric \`${rubric}\`, ${r.words} words`
        : `**Presence: no score** — rubric \`${rubric}\`, ${r.words} words`,
      '',
      r.scored ? `${r.formula}${r.placeholders ? ` · ${r.placeholders} placeholder${r.placeholders === 1 ? '' : 's'} to fill` : ''}` : '',
      '',
      row(['Dimension', 'Score', 'Credit', 'Findings', 'Asks for']),
      '|:--|--:|--:|--:|:--|',
      ...rows,
      '',
      r.explanation ? `${r.explanation.replace(/[\\`*_[\]<>|]/g, '\\$&')}\n` : '',
      'Click for the full report and the fixes worth the most points.',
    ].join('\n'),
  );
  md.isTrusted = false;
  return md;
}

export class PresenceStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('presence.score', vscode.StatusBarAlignment.Right, 100);
  /** The Markdown document the item describes. */
  private doc: vscode.TextDocument | undefined;
  private watching: vscode.Disposable | undefined;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly scores: Scores,
    private readonly live: LiveScores,
  ) {
    this.item.name = 'Presence score';
    this.item.command = 'presence.scoreDocument';
    this.subscriptions = [
      this.item,
      vscode.window.onDidChangeActiveTextEditor((e) => this.follow(e)),
      scores.onDidScore(({ uri, result }) => {
        if (this.doc && uri.toString() === this.doc.uri.toString()) this.show(result);
      }),
      scores.onDidClear((uri) => {
        if (this.doc && uri.toString() === this.doc.uri.toString()) this.hide();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('presence')) this.follow(vscode.window.activeTextEditor, true);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (d === this.doc) this.follow(undefined);
      }),
    ];
    this.follow(vscode.window.activeTextEditor);
  }

  /** The status bar text while it is shown; undefined while hidden. */
  get text(): string | undefined {
    return this.visible ? this.item.text : undefined;
  }

  /** The document the status bar is currently tracking. */
  get document(): vscode.TextDocument | undefined {
    return this.doc;
  }

  private visible = false;

  private follow(editor: vscode.TextEditor | undefined, force = false): void {
    let next = editor?.document;
    if (!editor) {
      // Focus moved to a panel or a webview (the report): keep describing the Markdown document if it is still on screen.
      const stillShown = this.doc && vscode.window.visibleTextEditors.some((e) => e.document === this.doc);
      next = stillShown ? this.doc : undefined;
    }
    if (!isMarkdown(next) || !isEnabled(next.uri)) {
      this.track(undefined);
      this.hide();
      return;
    }
    if (next === this.doc && !force) return;
    this.track(next);
    const known = this.scores.last(next.uri);
    if (known) this.show(known);
    else this.hide();
    void this.scores.score(next.uri);
  }

  private track(doc: vscode.TextDocument | undefined): void {
    if (doc === this.doc) return;
    this.watching?.dispose();
    this.doc = doc;
    this.watching = doc ? this.live.watch(doc.uri) : undefined;
  }

  private show(r: ScoreResult): void {
    this.item.text = statusText(r);
    this.item.tooltip = statusTooltip(r);
    this.item.accessibilityInformation = { label: `Presence score ${r.overall}, ${r.band}. Open the report.`, role: 'button' };
    this.item.show();
    this.visible = true;
  }

  private hide(): void {
    this.item.hide();
    this.visible = false;
  }

  dispose(): void {
    this.watching?.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
