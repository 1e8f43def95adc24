// Asks the server for scores and shares the newest one per document with the status bar and the report.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ScoreRequest, type ScoreResult, type UriParams } from '../../server/src/protocol.js';

export function isMarkdown(doc: vscode.TextDocument | undefined): doc is vscode.TextDocument {
  return !!doc && doc.languageId === 'markdown' && (doc.uri.scheme === 'file' || doc.uri.scheme === 'untitled');
}

export function isEnabled(uri: vscode.Uri): boolean {
  return vscode.workspace.getConfiguration('presence', uri).get<boolean>('enable', true) !== false;
}

export class Scores implements vscode.Disposable {
  private readonly latest = new Map<string, ScoreResult>();
  /** Per document, the sequence number of the newest request, so a slow older answer never overwrites a newer one. */
  private readonly seq = new Map<string, number>();
  private readonly emitter = new vscode.EventEmitter<{ uri: vscode.Uri; result: ScoreResult }>();
  readonly onDidScore = this.emitter.event;
  private readonly clearEmitter = new vscode.EventEmitter<vscode.Uri>();
  /** The server stopped scoring a document (excluded or turned off by a setting). */
  readonly onDidClear = this.clearEmitter.event;

  constructor(
    readonly client: LanguageClient,
    /** Settles when the client has started (rejects if it could not). */
    readonly ready: Promise<void>,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** The server's form of a URI (it keys open documents by the client's conversion). */
  serverUri(uri: vscode.Uri): string {
    return this.client.code2ProtocolConverter.asUri(uri);
  }

  last(uri: vscode.Uri): ScoreResult | undefined {
    return this.latest.get(uri.toString());
  }

  /** Scores an open document. Resolves undefined (and logs) when the server cannot answer. */
  async score(uri: vscode.Uri, token?: vscode.CancellationToken): Promise<ScoreResult | undefined> {
    const key = uri.toString();
    const n = (this.seq.get(key) ?? 0) + 1;
    this.seq.set(key, n);
    try {
      await this.ready;
      const params: UriParams = { uri: this.serverUri(uri) };
      const result = await this.client.sendRequest<ScoreResult | null>(ScoreRequest, params, token);
      if (this.seq.get(key) !== n) return result ?? undefined;
      if (!result) {
        // null: the server leaves this document alone (excluded or turned off).
        this.forget(uri, true);
        return undefined;
      }
      this.latest.set(key, result);
      this.emitter.fire({ uri, result });
      return result;
    } catch (e) {
      if (!token?.isCancellationRequested) this.log.warn(`Could not score ${key}: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
  }

  /** Drops what is known about a document; `notify` tells listeners the server no longer scores it. */
  forget(uri: vscode.Uri, notify = false): void {
    this.latest.delete(uri.toString());
    // Bump rather than delete the sequence so an answer still in flight is not taken as current.
    this.seq.set(uri.toString(), (this.seq.get(uri.toString()) ?? 0) + 1);
    if (notify) this.clearEmitter.fire(uri);
  }

  dispose(): void {
    this.emitter.dispose();
    this.clearEmitter.dispose();
  }
}
