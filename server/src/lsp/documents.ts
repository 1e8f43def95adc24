// Open documents, their settings-dependent analysis plan, the latest result of each, and publishing. The engine runs
// in the analysis worker (./worker.ts), so a slow document never holds up requests or edits for the others; the
// worker keeps each document's Analyzer (its per-block caches make re-analysis incremental).
// A result is published only for the document's current text, never over a newer one.
import * as path from 'node:path';
import { ErrorCodes, ResponseError, TextDocuments, type Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { readRegularFile } from '../io/readFile.js';
import type { ScoreResult } from '../protocol.js';
import { failedAnalysis, localToday, planAnalysis, toAnalysed, type Analysed } from './analysis.js';
import { toDiagnostics } from './diagnostics.js';
import { uriToPath } from './paths.js';
import type { RuleDocs } from './ruleDocs.js';
import { Scheduler } from './scheduler.js';
import { toScoreResult } from './score.js';
import type { Settings, SettingsStore } from './settings.js';
import { AnalysisWorker, type Handle } from './worker.js';
import type { WorkspaceRubrics } from './workspaceRubrics.js';
import { errorText } from './errorText.js';

/**
 * How long a request sent on every cursor move waits for the analysis of the document's current text before it is
 * answered from the previous result: a slow analysis must not hold up hovers or the status bar's score.
 */
export const BRIEF_WAIT_MS = 75;
/**
 * Code actions cannot use a previous result (their edits are offsets in the current text), and an empty answer
 * reads as "no fix here": they wait this long for the current analysis (on a loaded machine an analysis after an
 * edit can take longer than BRIEF_WAIT_MS, and the quick-fix menu came up empty). Past it, the answer is empty.
 */
export const CODE_ACTION_WAIT_MS = 2000;

interface Pending {
  rev: number;
  key: string;
  handle: Handle;
  result: Promise<Analysed | undefined>;
}

interface DocState {
  /** didOpen also fires a content change; the open already scheduled its analysis, without a debounce. */
  openEcho: boolean;
  /**
   * Counts content changes. Versions come from the client and may go backwards; every change is new text all the
   * same, so staleness is judged by this instead.
   */
  rev: number;
  last?: Analysed;
  lastRev?: number;
  pending?: Pending;
  published?: { rev: number; key: string };
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

export interface RequestOptions {
  /**
   * Wait at most this long for the current text's analysis once the document has a result: for requests sent on
   * cursor moves (hover, code actions). Without it the request waits however long the analysis takes, as commands
   * whose answer is applied to the text (fix-all) must.
   */
  waitMs?: number;
  /** With `waitMs`: the previous result will do when the current one takes long (nothing is applied to the text). */
  staleOk?: boolean;
}

export class Documents {
  readonly text = new TextDocuments(TextDocument);
  private readonly states = new Map<string, DocState>();
  /** Bumped whenever settings, rubrics or trust change: every cached result becomes stale. */
  private generation = 0;
  private readonly scheduler: Scheduler;
  private readonly worker: AnalysisWorker;

  constructor(private readonly s: Services) {
    // The worker is bundled beside the server (dist/analysisWorker.js).
    this.worker = new AnalysisWorker(path.join(__dirname, 'analysisWorker.js'), (line) => this.s.connection.console.error(line));
    // Started with the server, so the worker boots and warms up while the client's initialize handshake runs.
    this.worker.warm();
    this.scheduler = new Scheduler(
      async (uri, rev) => void (await this.fresh(uri, rev)),
      (e) => this.s.connection.console.error(`presence: analysis failed: ${errorText(e)}`),
    );
    this.text.onDidOpen(({ document }) => {
      if (!isProse(document)) return;
      this.states.set(document.uri, { openEcho: true, rev: 0 });
      this.scheduler.schedule(document.uri, 0, 0);
    });
    this.text.onDidChangeContent(({ document }) => {
      const st = this.states.get(document.uri);
      if (!st) return;
      if (st.openEcho) {
        st.openEcho = false;
        return;
      }
      const { uri } = document;
      const rev = ++st.rev;
      st.pending?.handle.cancel(); // its text is gone: drop it if queued, stop it if it has run long
      // Settings are cached per document, so this resolves at once after the first time.
      void this.s.settings.get(uri).then((settings) => {
        if (this.states.get(uri)?.rev === rev) this.scheduler.schedule(uri, rev, settings.debounceMs);
      });
    });
    this.text.onDidClose(({ document }) => {
      this.scheduler.cancel(document.uri);
      this.s.settings.forget(document.uri);
      const st = this.states.get(document.uri);
      if (!st) return;
      this.states.delete(document.uri);
      st.pending?.handle.cancel();
      this.worker.forget(document.uri);
      void this.s.connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    });
  }

  listen(connection: Connection): void {
    this.text.listen(connection);
  }

  /** Settings, rubrics or trust changed: re-analyse every open document, one at a time. */
  invalidate(): void {
    this.generation++;
    for (const [uri, st] of this.states) {
      st.pending?.handle.cancel();
      this.scheduler.schedule(uri, st.rev, 0);
    }
  }

  dispose(): void {
    this.scheduler.dispose();
    this.worker.dispose();
  }

  private key(): string {
    return `${this.generation}|${localToday()}`;
  }

  /**
   * For a request: the analysis of the document's current text. With `waitMs`, waits for it at most that long
   * once the document has a result (then answers with the previous result if `staleOk`, otherwise undefined); the
   * first analysis of a document is always waited for.
   */
  async current(uri: string, opts: RequestOptions = {}): Promise<Analysed | undefined> {
    const fresh = this.fresh(uri);
    const st = this.states.get(uri);
    if (opts.waitMs === undefined || !st?.last) return fresh;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((r) => (timer = setTimeout(() => r('late'), opts.waitMs)));
    const got = await Promise.race([fresh, late]);
    clearTimeout(timer);
    if (got !== 'late') return got;
    // It carries on and publishes when done; nobody awaits it any more.
    fresh.catch((e: unknown) => this.s.connection.console.error(`presence: analysis failed: ${errorText(e)}`));
    return opts.staleOk ? (this.states.get(uri)?.last ?? undefined) : undefined;
  }

  /**
   * The analysis of the document's current text (cached or fresh), published if not yet. With `expectedRev`, the
   * work is abandoned when newer text has arrived meanwhile.
   */
  private async fresh(uri: string, expectedRev?: number): Promise<Analysed | undefined> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const key = this.key();
      const settings = await this.s.settings.get(uri);
      await this.s.rubrics.ready;
      if (key !== this.key()) continue; // settings or rubrics changed while we waited
      const doc = this.text.get(uri);
      const st = this.states.get(uri);
      if (!doc || !st) return undefined;
      if (expectedRev !== undefined && st.rev !== expectedRev) return undefined; // superseded
      const rev = st.rev;
      let a: Analysed | undefined;
      if (st.last && st.lastRev === rev && st.last.key === key) a = st.last;
      else {
        if (!st.pending || st.pending.rev !== rev || st.pending.key !== key) this.start(st, doc, settings, key);
        a = await st.pending!.result;
      }
      if (!a || st.rev !== rev || key !== this.key() || this.states.get(uri) !== st) {
        if (expectedRev !== undefined) return undefined;
        continue; // superseded while it ran: a request wants the newer text's analysis
      }
      this.publish(st, a, rev);
      return a;
    }
    return undefined;
  }

  /** Sends the document's current text to the worker; the result becomes the document's latest when it is still wanted. */
  private start(st: DocState, doc: TextDocument, settings: Settings, key: string): void {
    st.pending?.handle.cancel();
    const { uri, version } = doc;
    const text = doc.getText();
    const rev = st.rev;
    const { handle, analysed } = this.analyse(uri, version, text, settings, key, true);
    const result = analysed.then((a): Analysed | undefined => {
      if (st.pending?.handle === handle) st.pending = undefined;
      if (!a) return undefined;
      if (st.lastRev === undefined || st.lastRev <= rev) {
        st.last = a;
        st.lastRev = rev;
      }
      return a;
    });
    st.pending = { rev, key, handle, result };
  }

  /** One analysis in the worker (`keep`: the worker keeps the document's caches); undefined when it was cancelled. */
  private analyse(
    uri: string,
    version: number | null,
    text: string,
    settings: Settings,
    key: string,
    keep: boolean,
  ): { handle: Handle; analysed: Promise<Analysed | undefined> } {
    const plan = planAnalysis(uri, text, settings, this.s.rubrics);
    const resolve = this.s.rubrics.resolver(uri);
    const handle = this.worker.run(plan.request, resolve, keep);
    const analysed = handle.outcome.then((o) => {
      if (!o.ok && o.cancelled) return undefined;
      return toAnalysed(uri, version, text, o.ok ? o.result : failedAnalysis(plan.request, resolve, o.why), plan.active, key);
    });
    return { handle, analysed };
  }

  /**
   * An open document's analysis, or a file's from disk (analysed without keeping caches). From disk, only a regular
   * file inside the workspace folders is read: outside them nothing is read, published or even reported (undefined,
   * as for an excluded file), so the server cannot be used to probe the disk.
   */
  async analyseAnywhere(uri: string): Promise<{ analysed: Analysed; fromDisk: boolean } | undefined> {
    if (this.states.has(uri)) {
      const analysed = await this.current(uri, { waitMs: BRIEF_WAIT_MS, staleOk: true }); // a score says which version it is
      return analysed && { analysed, fromDisk: false };
    }
    const file = uriToPath(uri);
    if (!file) return undefined;
    const inside = this.s.rubrics.contain(file);
    if (!inside.ok) {
      this.s.connection.console.log(`presence: not scoring ${file}: it ${inside.problem}.`);
      return undefined;
    }
    const read = await readRegularFile(inside.real);
    if (!read.ok) {
      // An error, not null: the audit lists it with the reason instead of counting it as excluded.
      this.s.connection.console.warn(`presence: not scoring ${file}: it ${read.reason}.`);
      throw new ResponseError(ErrorCodes.InvalidParams, `Presence did not read ${path.basename(file)}: it ${read.reason}.`);
    }
    // Read-only here, so bytes that are not UTF-8 may be shown as U+FFFD: nothing is written back.
    const text = read.bytes.toString('utf8');
    const settings = await this.s.settings.get(uri);
    await this.s.rubrics.ready;
    if (!this.states.has(uri)) this.s.settings.forget(uri); // audits touch many files; keep only open ones cached
    const analysed = await this.analyse(uri, null, text, settings, this.key(), false).analysed;
    return analysed && { analysed, fromDisk: true };
  }

  /** `presence/scoreFile`: scores and publishes; null for a file Presence is told to leave alone, an error for one it cannot read. */
  async scoreFile(uri: string): Promise<ScoreResult | null> {
    const got = await this.analyseAnywhere(uri);
    if (!got?.analysed.active) return null;
    if (got.fromDisk && !this.states.has(uri))
      void this.s.connection.sendDiagnostics({ uri, diagnostics: toDiagnostics(got.analysed, this.s.docs) });
    return toScoreResult(got.analysed, this.s.docs);
  }

  private publish(st: DocState, a: Analysed, rev: number): void {
    if (a.version === null || st.rev !== rev) return; // a newer text exists: its own analysis will publish
    const p = st.published;
    if (p && p.rev === rev && p.key === a.key) return;
    st.published = { rev, key: a.key };
    void this.s.connection.sendDiagnostics({ uri: a.uri, version: a.version, diagnostics: toDiagnostics(a, this.s.docs) });
  }
}
