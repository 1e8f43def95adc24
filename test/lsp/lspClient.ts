// A small LSP client for tests and benchmarks: starts the built server (`node dist/server.js --stdio`), speaks JSON-RPC
// over the child's stdio, answers workspace/configuration from `settings`, mirrors open documents so edits can be
// sent incrementally, and records every diagnostics publish and message the server sends.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type {
  ClientCapabilities,
  CodeAction,
  Command,
  ConfigurationParams,
  Diagnostic,
  Hover,
  InitializeResult,
  Position,
  PublishDiagnosticsParams,
  Range,
  ShowMessageParams,
  TextDocumentContentChangeEvent,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';

export const PACKAGE_ROOT = path.resolve(__dirname, '..', '..');
/** The server under test; PRESENCE_SERVER points elsewhere (e.g. a benchmark comparing builds). */
export const SERVER_PATH = process.env.PRESENCE_SERVER ?? path.join(PACKAGE_ROOT, 'dist', 'server.js');

/** Builds dist/ when the server bundle is missing or older than its sources, so `node scripts/test.mjs lsp` tests today's code. */
export function ensureBuilt(): void {
  if (process.env.PRESENCE_SERVER) return;
  const built = fs.existsSync(SERVER_PATH) ? fs.statSync(SERVER_PATH).mtimeMs : 0;
  const newest = Math.max(...['server/src', 'rubrics'].map((d) => newestMtime(path.join(PACKAGE_ROOT, d))));
  if (built >= newest) return;
  const r = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: PACKAGE_ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build failed:\n${r.stdout}${r.stderr}`);
}

function newestMtime(dir: string): number {
  let newest = 0;
  if (!fs.existsSync(dir)) return newest;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

export type SettingsAnswer = Record<string, unknown> | ((scopeUri: string | undefined) => unknown);

export interface StartOptions {
  /** Workspace folder on disk; a fresh temp dir (removed on close) when absent. */
  workspace?: string;
  /** The `presence` section answered to workspace/configuration (a function answers per resource). */
  settings?: SettingsAnswer;
  /** Sent as initializationOptions.workspaceTrusted; omitted when undefined. */
  workspaceTrusted?: boolean;
  /** Extra environment for the server process. */
  env?: Record<string, string>;
  /** Whether the client accepts versioned `documentChanges` in workspace edits (default true). */
  documentChanges?: boolean;
  /** Whether the client applies snippet edits in workspace edits (LSP 3.18; default false). */
  snippets?: boolean;
}

interface Waiter {
  uri: string;
  version: number | null | undefined;
  resolve: (p: PublishDiagnosticsParams) => void;
}

export class LspClient {
  readonly published: PublishDiagnosticsParams[] = [];
  /** window/showMessage notifications and window/showMessageRequest requests, in arrival order. */
  readonly messages: ShowMessageParams[] = [];
  readonly logs: string[] = [];
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];
  settings: SettingsAnswer;
  initializeResult!: InitializeResult;
  readonly exited: Promise<number | null>;
  private readonly docs = new Map<string, TextDocument>();
  private readonly latest = new Map<string, PublishDiagnosticsParams>();
  private waiters: Waiter[] = [];
  private stderr = '';
  private readonly ownsWorkspace: boolean;

  private constructor(
    readonly child: ChildProcess,
    readonly connection: MessageConnection,
    readonly workspace: string,
    opts: StartOptions,
  ) {
    this.settings = opts.settings ?? {};
    this.ownsWorkspace = opts.workspace === undefined;
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    child.stderr?.on('data', (b: Buffer) => (this.stderr += b.toString()));
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.published.push(p);
      this.latest.set(p.uri, p);
      const ready = this.waiters.filter((w) => w.uri === p.uri && (w.version === undefined || (w.version ?? null) === (p.version ?? null)));
      this.waiters = this.waiters.filter((w) => !ready.includes(w));
      for (const w of ready) w.resolve(p);
    });
    connection.onNotification('window/showMessage', (p: ShowMessageParams) => void this.messages.push(p));
    connection.onNotification('window/logMessage', (p: { message: string }) => void this.logs.push(p.message));
    connection.onRequest('window/showMessageRequest', (p: ShowMessageParams) => {
      this.messages.push(p);
      return null;
    });
    connection.onRequest('workspace/configuration', (p: ConfigurationParams) =>
      p.items.map((item) =>
        item.section === 'presence' ? (typeof this.settings === 'function' ? this.settings(item.scopeUri) : this.settings) : null,
      ),
    );
    connection.onRequest('client/registerCapability', (p: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      this.registrations.push(...p.registrations);
      return null;
    });
    connection.onRequest('workspace/workspaceFolders', () => [{ uri: this.workspaceUri, name: path.basename(this.workspace) }]);
    connection.listen();
  }

  /** Starts the server over stdio and completes initialize/initialized. */
  static async start(opts: StartOptions = {}): Promise<LspClient> {
    ensureBuilt();
    const workspace = opts.workspace ?? fs.mkdtempSync(path.join(os.tmpdir(), 'presence-lsp-'));
    const child = spawn(process.execPath, [SERVER_PATH, '--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, ...opts.env },
    });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspClient(child, connection, workspace, opts);
    const capabilities: ClientCapabilities = {
      workspace: {
        configuration: true,
        workspaceFolders: true,
        didChangeConfiguration: { dynamicRegistration: true },
        didChangeWatchedFiles: { dynamicRegistration: true },
        workspaceEdit: { documentChanges: opts.documentChanges ?? true, snippetEditSupport: opts.snippets ?? false },
      },
      textDocument: {
        synchronization: { didSave: true },
        publishDiagnostics: {
          relatedInformation: true,
          versionSupport: true,
          codeDescriptionSupport: true,
          dataSupport: true,
          tagSupport: { valueSet: [1, 2] },
        },
        codeAction: {
          codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'source', 'source.fixAll'] } },
          isPreferredSupport: true,
          dataSupport: true,
        },
        hover: { contentFormat: ['markdown', 'plaintext'] },
      },
      window: { showMessage: {} },
    };
    client.initializeResult = await client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: client.workspaceUri,
      workspaceFolders: [{ uri: client.workspaceUri, name: path.basename(workspace) }],
      capabilities,
      initializationOptions: opts.workspaceTrusted === undefined ? {} : { workspaceTrusted: opts.workspaceTrusted },
    });
    await client.connection.sendNotification('initialized', {});
    return client;
  }

  get workspaceUri(): string {
    return pathToFileURL(this.workspace).href;
  }

  /** URI of a path relative to the workspace (an absolute URI is returned as is). */
  uri(relOrUri: string): string {
    return /^[a-z]+:/.test(relOrUri) ? relOrUri : pathToFileURL(path.join(this.workspace, relOrUri)).href;
  }

  /** Writes a file into the workspace (creating folders) and returns its URI. */
  writeFile(rel: string, text: string): string {
    const p = path.join(this.workspace, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, text);
    return this.uri(rel);
  }

  async open(relOrUri: string, text: string, languageId = 'markdown'): Promise<string> {
    const uri = this.uri(relOrUri);
    const doc = TextDocument.create(uri, languageId, 1, text);
    this.docs.set(uri, doc);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }

  doc(uri: string): TextDocument {
    const d = this.docs.get(uri);
    if (!d) throw new Error(`not open: ${uri}`);
    return d;
  }

  text(uri: string): string {
    return this.doc(uri).getText();
  }

  version(uri: string): number {
    return this.doc(uri).version;
  }

  /** Sends incremental changes (ranges refer to the text before each change, applied in order); returns the new version. */
  change(uri: string, changes: { range: Range; text: string }[]): number {
    const doc = this.doc(uri);
    const version = doc.version + 1;
    TextDocument.update(doc, changes as TextDocumentContentChangeEvent[], version);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  /** Replaces [start, end) (offsets into the current text) with `text`; returns the new version. */
  replace(uri: string, start: number, end: number, text: string): number {
    const doc = this.doc(uri);
    return this.change(uri, [{ range: { start: doc.positionAt(start), end: doc.positionAt(end) }, text }]);
  }

  insert(uri: string, offset: number, text: string): number {
    return this.replace(uri, offset, offset, text);
  }

  async save(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
  }

  async close(uri: string): Promise<void> {
    this.docs.delete(uri);
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /**
   * Resolves with the diagnostics of the publish for `uri` at exactly `version` (null: a file read from disk,
   * published without a version). If that publish already is the latest one, resolves at once.
   * Without `version`, waits for the next publish.
   */
  waitForDiagnostics(uri: string, version?: number | null, timeoutMs = 5000): Promise<Diagnostic[]> {
    return this.waitForPublish(uri, version, timeoutMs).then((p) => p.diagnostics);
  }

  waitForPublish(uri: string, version?: number | null, timeoutMs = 5000): Promise<PublishDiagnosticsParams> {
    const last = this.latest.get(uri);
    if (version !== undefined && last && (last.version ?? null) === version) return Promise.resolve(last);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        uri,
        version,
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        const seen = this.published.filter((p) => p.uri === uri).map((p) => p.version ?? null);
        reject(
          new Error(
            `no diagnostics for ${uri} at version ${String(version)} within ${timeoutMs} ms (published: ${JSON.stringify(seen)})\n${this.stderr}`,
          ),
        );
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** Polls `condition` until it holds (for effects with no message to wait on, such as registrations). */
  async until(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}\n${this.stderr}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  lastDiagnostics(uri: string): PublishDiagnosticsParams | undefined {
    return this.latest.get(uri);
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest<R>(method, params);
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  /** Code actions over `range` (offsets into the current text or an LSP range), with the published diagnostics as context. */
  async codeActions(uri: string, range: Range | [number, number], only?: string[]): Promise<CodeAction[]> {
    const doc = this.doc(uri);
    const r: Range = Array.isArray(range) ? { start: doc.positionAt(range[0]), end: doc.positionAt(range[1]) } : range;
    const diagnostics = (this.latest.get(uri)?.diagnostics ?? []).filter((d) => overlaps(d.range, r));
    const result = await this.request<(CodeAction | Command)[] | null>('textDocument/codeAction', {
      textDocument: { uri },
      range: r,
      context: { diagnostics, ...(only ? { only } : {}) },
    });
    return (result ?? []).filter(
      (a): a is CodeAction => typeof (a as CodeAction).title === 'string' && (a as Command).command === undefined,
    );
  }

  hover(uri: string, position: Position | number): Promise<Hover | null> {
    const pos = typeof position === 'number' ? this.doc(uri).positionAt(position) : position;
    return this.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: pos });
  }

  /** Replaces the settings the client answers with and tells the server, as an editor does. */
  async setSettings(settings: SettingsAnswer): Promise<void> {
    this.settings = settings;
    await this.notify('workspace/didChangeConfiguration', { settings: null });
  }

  /** The text of `uri` after applying `edit` (the open document itself is not changed). */
  applyWorkspaceEdit(uri: string, edit: WorkspaceEdit | null | undefined): string {
    return applyTextEdits(this.text(uri), editsFor(uri, edit, this.version(uri)));
  }

  /** Sends shutdown then exit; resolves with the process' exit code. */
  async shutdown(timeoutMs = 5000): Promise<number | null> {
    await this.request('shutdown', null);
    await this.notify('exit', null);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    const code = await this.exited;
    clearTimeout(timer);
    this.dispose();
    return code;
  }

  /** Kills the server if it still runs and removes the temp workspace. Safe to call twice. */
  dispose(): void {
    this.connection.dispose();
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    // Nothing of the server may keep the test process alive once its tests are done (a CI run once sat six
    // minutes after the last test of a file had passed): close our ends of its pipes and let go of the handle.
    for (const s of [this.child.stdin, this.child.stdout, this.child.stderr]) s?.destroy();
    this.child.unref();
    if (this.ownsWorkspace) fs.rmSync(this.workspace, { recursive: true, force: true });
  }

  get serverStderr(): string {
    return this.stderr;
  }
}

function overlaps(a: Range, b: Range): boolean {
  const before = (p: Position, q: Position) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/** The edits a WorkspaceEdit makes to `uri`; a versioned edit for another version is an error, as in an editor. */
export function editsFor(uri: string, edit: WorkspaceEdit | null | undefined, version?: number): TextEdit[] {
  if (!edit) return [];
  const out: TextEdit[] = [...(edit.changes?.[uri] ?? [])];
  for (const dc of edit.documentChanges ?? []) {
    if (!('textDocument' in dc) || dc.textDocument.uri !== uri) continue;
    if (version !== undefined && dc.textDocument.version !== null && dc.textDocument.version !== version) {
      throw new Error(`edit is for version ${dc.textDocument.version}, document is at ${version}`);
    }
    // A snippet edit lands as an editor inserts it before the writer types: each tab stop holds its default text.
    out.push(...dc.edits.map((e) => ('snippet' in e ? { range: e.range, newText: snippetDefault(e.snippet.value) } : e)));
  }
  return out;
}

/** The text a snippet inserts before anything is typed: `${1:text}` → text, `$1` → nothing, escapes undone. */
export function snippetDefault(snippet: string): string {
  return snippet.replace(
    /\$\{\d+:((?:\\.|[^\\}])*)\}|\$\d+|\\([\\$}])/g,
    (_, inner: string | undefined, escaped: string | undefined) => escaped ?? (inner ?? '').replace(/\\([\\$}])/g, '$1'),
  );
}

export function applyTextEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('untitled:x', 'markdown', 0, text), edits);
}

/** A diagnostic without `data` (which carries the document version), for comparing publishes of different versions. */
export function comparable(d: Diagnostic): Omit<Diagnostic, 'data'> {
  const { data: _data, ...rest } = d;
  return rest;
}

const MEMO = `# Q3 plan

I think we should move the launch to October. The pilot customers asked for more time to migrate.

## Background

We worked on the integration for several weeks and held many meetings with the partner team.
Maybe the delay was caused by the vendor. We will try to close the gap soon.

## Ask

Approve the October date and a budget of $40k for the migration contractor.
`;

export interface LatencyOptions {
  /** Document to type into (default: a short memo). Characters are typed at its end. */
  text?: string;
  /** An already started client; it must answer `debounceMs: 0` for the document. Default: a fresh server. */
  client?: LspClient;
  /** What is typed, one character per edit, cycling. */
  typed?: string;
}

/**
 * Keystroke → diagnostics latency: opens a document with `debounceMs: 0`, then sends `n` single-character edits one
 * at a time, each timed from sending the change to receiving the diagnostics for that version. Returns ms samples.
 */
export async function measureKeystrokeLatency(n: number, opts: LatencyOptions = {}): Promise<number[]> {
  const client = opts.client ?? (await LspClient.start({ settings: { debounceMs: 0 } }));
  const typed = opts.typed ?? ' I think we might want to ship this soon.';
  const samples: number[] = [];
  try {
    const uri = await client.open(`latency-${Date.now()}.md`, opts.text ?? MEMO);
    await client.waitForDiagnostics(uri, 1, 30_000);
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      const v = client.insert(uri, client.text(uri).length, typed[i % typed.length]!);
      await client.waitForDiagnostics(uri, v, 30_000);
      samples.push(performance.now() - t0);
    }
    await client.close(uri);
  } finally {
    if (!opts.client) await client.shutdown().catch(() => client.dispose());
  }
  return samples;
}
