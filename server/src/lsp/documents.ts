// Open documents: one engine Analyzer each (it caches per block, so re-analysis is incremental), the latest result,
// and publishing. A result is published only for the document's current version, never over a newer one.
import * as fs from 'node:fs';
import { TextDocuments, type Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analyzer } from '../engine/index.js';
import type { ScoreResult } from '../protocol.js';
import { analyseText, localToday, type Analysed } from './analysis.js';
import { toDiagnostics } from './diagnostics.js';
import { uriToPath } from './paths.js';
import type { RuleDocs } from './ruleDocs.js';
import { Scheduler } from './scheduler.js';
import { toScoreResult } from './score.js';
import type { SettingsStore } from './settings.js';
import type { WorkspaceRubrics } from './workspaceRubrics.js';

interface DocState {
  analyzer: Analyzer;
  /** didOpen also fires a content change; the open already scheduled its analysis, without a debounce. */
  openEcho: boolean;
  last?: Analysed;
  published?: { version: number; key: string };
}

export interface Services {
  connection: Connection;
  settings: SettingsStore;
  rubrics: WorkspaceRubrics;
  docs: RuleDocs;
}

/** Rubric files may be synced (so their saves reach us) but are not prose to analyse. */
function isProse(doc: TextDocument): boolean {
  return doc.languageId !== 'json' && doc.languageId !== 'jsonc' && !doc.uri.endsWith('.json');
}

export class Documents {
  readonly text = new TextDocuments(TextDocument);
  private readonly states = new Map<string, DocState>();
  /** Bumped whenever settings, rubrics or trust change: every cached result becomes stale. */
  private generation = 0;
  private readonly scheduler: Scheduler;

  constructor(private readonly s: Services) {
    this.scheduler = new Scheduler(
      async (uri, version) => void (await this.current(uri, version)),
      (e) => this.s.connection.console.error(`presence: analysis failed: ${errorText(e)}`),
    );
    this.text.onDidOpen(({ document }) => {
      if (!isProse(document)) return;
      this.states.set(document.uri, { analyzer: new Analyzer(), openEcho: true });
      this.scheduler.schedule(document.uri, document.version, 0);
    });
    this.text.onDidChangeContent(({ document }) => {
      const st = this.states.get(document.uri);
      if (!st) return;
      if (st.openEcho) {
        st.openEcho = false;
        return;
      }
      const { uri, version } = document;
      // Settings are cached per document, so this resolves at once after the first time.
      void this.s.settings.get(uri).then((settings) => {
        if (this.text.get(uri)?.version === version) this.scheduler.schedule(uri, version, settings.debounceMs);
      });
    });
    this.text.onDidClose(({ document }) => {
      this.scheduler.cancel(document.uri);
      this.s.settings.forget(document.uri);
      if (this.states.delete(document.uri)) void this.s.connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    });
  }

  listen(connection: Connection): void {
    this.text.listen(connection);
  }

  /** Settings, rubrics or trust changed: re-analyse every open document, one at a time. */
  invalidate(): void {
    this.generation++;
    for (const doc of this.text.all()) {
      if (this.states.has(doc.uri)) this.scheduler.schedule(doc.uri, doc.version, 0);
    }
  }

  dispose(): void {
    this.scheduler.dispose();
  }

  private key(): string {
    return `${this.generation}|${localToday()}`;
  }

  /**
   * The analysis of the document's current version (cached or fresh), published if not yet.
   * With `expected`, work for that version is abandoned when a newer version has arrived meanwhile.
   */
  async current(uri: string, expected?: number): Promise<Analysed | undefined> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const key = this.key();
      const settings = await this.s.settings.get(uri);
      await this.s.rubrics.ready;
      if (key !== this.key()) continue; // settings or rubrics changed while we waited
      const doc = this.text.get(uri);
      const st = this.states.get(uri);
      if (!doc || !st) return undefined;
      if (expected !== undefined && doc.version !== expected) return undefined; // superseded
      if (!st.last || st.last.version !== doc.version || st.last.key !== key) {
        st.last = analyseText(st.analyzer, uri, doc.getText(), doc.version, settings, this.s.rubrics, key);
      }
      this.publish(st, st.last);
      return st.last;
    }
    return undefined;
  }

  /** An open document's analysis, or a file's from disk (with a throwaway Analyzer). */
  async analyseAnywhere(uri: string): Promise<{ analysed: Analysed; fromDisk: boolean } | undefined> {
    if (this.states.has(uri)) {
      const analysed = await this.current(uri);
      return analysed && { analysed, fromDisk: false };
    }
    const file = uriToPath(uri);
    if (!file) return undefined;
    const text = await fs.promises.readFile(file, 'utf8');
    const settings = await this.s.settings.get(uri);
    await this.s.rubrics.ready;
    if (!this.states.has(uri)) this.s.settings.forget(uri); // audits touch many files; keep only open ones cached
    return { analysed: analyseText(new Analyzer(), uri, text, null, settings, this.s.rubrics, this.key()), fromDisk: true };
  }

  /** `presence/scoreFile`: scores and publishes; null for a file Presence is told to leave alone. */
  async scoreFile(uri: string): Promise<ScoreResult | null> {
    const got = await this.analyseAnywhere(uri);
    if (!got || !got.analysed.active) return null;
    if (got.fromDisk && !this.states.has(uri)) void this.s.connection.sendDiagnostics({ uri, diagnostics: toDiagnostics(got.analysed, this.s.docs) });
    return toScoreResult(got.analysed, this.s.docs);
  }

  private publish(st: DocState, a: Analysed): void {
    if (a.version === null) return;
    if (this.text.get(a.uri)?.version !== a.version) return; // a newer text exists: its own analysis will publish
    const p = st.published;
    if (p && (p.version > a.version || (p.version === a.version && p.key === a.key))) return;
    st.published = { version: a.version, key: a.key };
    void this.s.connection.sendDiagnostics({ uri: a.uri, version: a.version, diagnostics: toDiagnostics(a, this.s.docs) });
  }
}

export function errorText(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}
