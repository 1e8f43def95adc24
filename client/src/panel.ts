// A webview panel whose content can be replaced in place: while the page is loaded and visible, updates are
// posted as a new body (no reload, scroll kept); otherwise the whole HTML is set and loads when next shown.
import * as vscode from 'vscode';
import { makeNonce } from './html.js';

export interface PanelMessage {
  type: string;
  index: number;
}

function isPanelMessage(m: unknown): m is PanelMessage {
  return (
    typeof m === 'object' && m !== null && typeof (m as PanelMessage).type === 'string' && typeof (m as PanelMessage).index === 'number'
  );
}

export class LivePanel implements vscode.Disposable {
  readonly panel: vscode.WebviewPanel;
  private ready = false;
  private html: string | undefined;
  private body = '';
  /** `webview.html` is older than `html` (the newer content was posted to the loaded page). */
  private stale = false;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(viewType: string, title: string, onMessage: (m: PanelMessage) => void, onDispose: () => void) {
    this.panel = vscode.window.createWebviewPanel(
      viewType,
      title,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      // No local resources: everything the page needs is inline under the nonce.
      { enableScripts: true, enableCommandUris: false, localResourceRoots: [], retainContextWhenHidden: false },
    );
    this.subscriptions.push(
      this.panel.webview.onDidReceiveMessage((m: unknown) => {
        if (!isPanelMessage(m)) return;
        if (m.type !== 'ready') onMessage(m);
        else {
          this.ready = true;
          // The page (re)loaded from `webview.html`, e.g. after moving to another group: bring it up to date.
          if (this.stale) void this.panel.webview.postMessage({ type: 'update', body: this.body });
        }
      }),
      this.panel.onDidChangeViewState(() => {
        // A hidden webview is torn down; it will reload from `webview.html`, so make that the newest page.
        if (!this.panel.visible) {
          this.ready = false;
          if (this.stale && this.html) this.panel.webview.html = this.html;
          this.stale = false;
        }
      }),
      this.panel.onDidDispose(() => {
        this.dispose();
        onDispose();
      }),
    );
  }

  get cspSource(): string {
    return this.panel.webview.cspSource;
  }

  /** The HTML of the newest page (what the panel shows once any posted update has landed). */
  get currentHtml(): string | undefined {
    return this.html;
  }

  /** `render(nonce)` builds the full page; `body` is the part inside `#root`, posted when the page can take it. */
  update(render: (nonce: string) => string, body: string, title: string): void {
    this.panel.title = title;
    const first = this.html === undefined;
    this.html = render(makeNonce());
    this.body = body;
    if (first || !this.panel.visible) {
      // Nothing loaded yet, or hidden (torn down): the page loads from `webview.html` when it is next shown.
      this.ready = false;
      this.stale = false;
      this.panel.webview.html = this.html;
    } else if (!this.ready) {
      // Still loading: replacing `webview.html` now would restart the load; the 'ready' handler posts the body.
      this.stale = true;
    } else {
      this.stale = true;
      const html = this.html;
      void this.panel.webview.postMessage({ type: 'update', body }).then((delivered) => {
        if (delivered || this.html !== html) return;
        this.ready = false;
        this.stale = false;
        this.panel.webview.html = html;
      });
    }
  }

  close(): void {
    this.panel.dispose();
  }

  reveal(): void {
    this.panel.reveal(undefined, true);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.subscriptions.length = 0;
  }
}
