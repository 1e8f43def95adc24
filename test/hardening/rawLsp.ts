// A byte-level LSP client for hardening tests: frames JSON itself (so params can be null, absent or nonsense and raw
// garbage can be written between frames), records every message the server sends, answers the server's own requests
// (workspace/configuration with `settings`, everything else with null) and can drop the connection without shutdown.
import { spawn, type ChildProcess } from 'node:child_process';
import { ensureBuilt, SERVER_PATH } from '../lsp/lspClient.js';

export interface Message {
  jsonrpc?: string;
  id?: number | string | null;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string; data?: unknown };
}

export interface Publish {
  uri: string;
  version?: number;
  diagnostics: {
    code?: string | number;
    severity?: number;
    message: string;
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
  }[];
}

const NO_PARAMS = Symbol('no params');
export { NO_PARAMS };

export class RawLsp {
  readonly messages: Message[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr = '';
  private buf = Buffer.alloc(0);
  private nextId = 1;
  private listeners: (() => void)[] = [];

  private constructor(
    readonly child: ChildProcess,
    private readonly settings: unknown,
  ) {
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    child.once('exit', () => setImmediate(() => this.notifyListeners()));
    child.stderr!.on('data', (b: Buffer) => (this.stderr += b.toString()));
    child.stdout!.on('data', (b: Buffer) => this.onData(b));
    // Writing to a server that already exited must not crash the test process.
    child.stdin!.on('error', () => undefined);
  }

  static spawn(settings: unknown = {}): RawLsp {
    ensureBuilt();
    const child = spawn(process.execPath, [SERVER_PATH, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    return new RawLsp(child, settings);
  }

  /** Spawns and completes initialize/initialized (configuration pulled from `settings`). */
  static async start(settings: unknown = {}): Promise<RawLsp> {
    const c = RawLsp.spawn(settings);
    const init = await c.request('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: { workspace: { configuration: true } },
    });
    if (init.error) throw new Error(`initialize failed: ${JSON.stringify(init.error)}`);
    c.notify('initialized', {});
    return c;
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  writeRaw(data: string | Buffer): void {
    this.child.stdin!.write(data);
  }

  send(msg: Message): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...msg }), 'utf8');
    this.writeRaw(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  /** Sends a request and returns its id; `params` NO_PARAMS leaves the member out. */
  sendRequest(method: string, params: unknown = NO_PARAMS, id: number | string = this.nextId++): number | string {
    this.send(params === NO_PARAMS ? { id, method } : { id, method, params });
    return id;
  }

  request(method: string, params: unknown = NO_PARAMS, timeoutMs = 10_000): Promise<Message> {
    return this.response(this.sendRequest(method, params), timeoutMs, method);
  }

  response(id: number | string, timeoutMs = 10_000, what = String(id)): Promise<Message> {
    return this.waitFor((m) => m.id === id && m.method === undefined, timeoutMs, `response to ${what}`);
  }

  notify(method: string, params: unknown = NO_PARAMS): void {
    this.send(params === NO_PARAMS ? { method } : { method, params });
  }

  open(uri: string, text: string, version = 1): void {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
  }

  publishes(uri: string): Publish[] {
    return this.messages
      .filter((m) => m.method === 'textDocument/publishDiagnostics' && (m.params as Publish).uri === uri)
      .map((m) => m.params as Publish);
  }

  waitForPublish(uri: string, version?: number, timeoutMs = 10_000): Promise<Publish> {
    return this.waitFor(
      (m) =>
        m.method === 'textDocument/publishDiagnostics' &&
        (m.params as Publish).uri === uri &&
        (version === undefined || (m.params as Publish).version === version),
      timeoutMs,
      `diagnostics for ${uri}@${String(version)}`,
    ).then((m) => m.params as Publish);
  }

  /** The first message (already received or arriving later) matching `pred`. */
  waitFor(pred: (m: Message) => boolean, timeoutMs: number, what: string): Promise<Message> {
    const hit = this.messages.find(pred);
    if (hit) return Promise.resolve(hit);
    return new Promise((resolve, reject) => {
      const check = () => {
        const m = this.messages.find(pred);
        if (m) done(() => resolve(m));
        else if (!this.alive) done(() => reject(new Error(`server exited while waiting for ${what}\n${this.stderr}`)));
      };
      const done = (f: () => void) => {
        clearTimeout(timer);
        this.listeners = this.listeners.filter((l) => l !== check);
        f();
      };
      const timer = setTimeout(
        () => done(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}\n${this.stderr}`))),
        timeoutMs,
      );
      this.listeners.push(check);
    });
  }

  /** window/logMessage texts (the server's own error log). */
  logs(): string[] {
    return this.messages.filter((m) => m.method === 'window/logMessage').map((m) => String((m.params as { message: string }).message));
  }

  /** Kills the process if it still runs. */
  dispose(): void {
    if (this.alive) this.child.kill('SIGKILL');
  }

  private onData(b: Buffer): void {
    this.buf = Buffer.concat([this.buf, b]);
    for (;;) {
      const headerEnd = this.buf.indexOf('\r\n\r\n');
      if (headerEnd < 0) break;
      const m = /Content-Length:\s*(\d+)/i.exec(this.buf.subarray(0, headerEnd).toString('ascii'));
      if (!m) throw new Error(`bad header from server: ${this.buf.subarray(0, headerEnd).toString()}`);
      const len = Number(m[1]);
      if (this.buf.length < headerEnd + 4 + len) break;
      const msg = JSON.parse(this.buf.subarray(headerEnd + 4, headerEnd + 4 + len).toString('utf8')) as Message;
      this.buf = this.buf.subarray(headerEnd + 4 + len);
      this.receive(msg);
    }
  }

  private receive(msg: Message): void {
    this.messages.push(msg);
    if (msg.method !== undefined && msg.id !== undefined) {
      // A request from the server.
      const result =
        msg.method === 'workspace/configuration' ? ((msg.params as { items: unknown[] }).items ?? []).map(() => this.settings) : null;
      this.send({ id: msg.id, result });
    }
    this.notifyListeners();
  }

  private notifyListeners(): void {
    for (const l of [...this.listeners]) l();
  }
}
