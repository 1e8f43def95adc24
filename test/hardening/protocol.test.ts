// The protocol contract of the built server (`node dist/server.js`), at the byte level: the LSP lifecycle
// (nothing runs before `initialize`, one `initialize` only, nothing but `exit` after `shutdown`) and frame headers
// that cannot be trusted (negative, duplicate, huge or endless), which must close the connection with a logged
// error rather than leave the reader out of step. Every wait is bounded; a server that ignores the attack fails
// the test by timing out in a few seconds, never by hanging.
import assert from 'node:assert/strict';
import { fork, spawn } from 'node:child_process';
import * as net from 'node:net';
import { test } from 'node:test';
import { ensureBuilt, SERVER_PATH } from '../lsp/lspClient.js';
import { RawLsp } from './rawLsp.js';

const SERVER_NOT_INITIALIZED = -32002;
const INVALID_REQUEST = -32600;
const MEMO = '# Plan\n\nI think we should maybe ship in March.\n';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The exit of the process, or undefined if it is still running after `ms`. */
function exitWithin(c: RawLsp, ms: number) {
  return Promise.race([c.exited, sleep(ms).then(() => undefined)]);
}

const initParams = { processId: null, rootUri: null, capabilities: {} };

test('before initialize: requests get ServerNotInitialized, notifications are dropped, then initialize works', {
  timeout: 20_000,
}, async (t) => {
  const c = RawLsp.spawn();
  t.after(() => c.dispose());
  const early = await c.request('presence/score', { uri: 'untitled:early' }, 5000);
  assert.equal(early.error?.code, SERVER_NOT_INITIALIZED, JSON.stringify(early));
  assert.match(early.error!.message, /initialize/);
  const hover = await c.request(
    'textDocument/hover',
    { textDocument: { uri: 'file:///p/early.md' }, position: { line: 0, character: 0 } },
    5000,
  );
  assert.equal(hover.error?.code, SERVER_NOT_INITIALIZED, JSON.stringify(hover));
  const shutdown = await c.request('shutdown', undefined, 5000);
  assert.equal(shutdown.error?.code, SERVER_NOT_INITIALIZED, 'shutdown before initialize is refused too');

  // Dropped: after initialize, the server knows nothing of a document opened before it.
  const dropped = 'file:///p/dropped.md';
  c.open(dropped, MEMO);
  const init = await c.request('initialize', initParams, 5000);
  assert.equal(init.error, undefined);
  assert.ok((init.result as { capabilities?: unknown }).capabilities);
  c.notify('initialized', {});
  const code = await c.request(
    'textDocument/codeAction',
    {
      textDocument: { uri: dropped },
      range: { start: { line: 2, character: 0 }, end: { line: 2, character: 5 } },
      context: { diagnostics: [] },
    },
    5000,
  );
  assert.deepEqual(code.result, [], 'the early didOpen was not applied');
  assert.deepEqual(c.publishes(dropped), []);

  // A document opened now is served as usual.
  const uri = 'file:///p/now.md';
  c.open(uri, MEMO);
  assert.ok((await c.waitForPublish(uri, 1, 5000)).diagnostics.length > 0);
});

test('a second initialize is refused and the first session carries on', { timeout: 20_000 }, async (t) => {
  const c = await RawLsp.start();
  t.after(() => c.dispose());
  const again = await c.request('initialize', initParams, 5000);
  assert.equal(again.error?.code, INVALID_REQUEST, JSON.stringify(again));
  assert.equal(again.result, undefined);
  const uri = 'file:///p/after-second-init.md';
  c.open(uri, MEMO);
  assert.ok((await c.waitForPublish(uri, 1, 5000)).diagnostics.length > 0);
});

test('after shutdown: requests get InvalidRequest, notifications are ignored, exit ends with code 0', { timeout: 20_000 }, async (t) => {
  const c = await RawLsp.start();
  t.after(() => c.dispose());
  const shut = await c.request('shutdown', undefined, 5000);
  assert.equal(shut.error, undefined);
  const late = await c.request('presence/score', { uri: 'untitled:late' }, 5000);
  assert.equal(late.error?.code, INVALID_REQUEST, JSON.stringify(late));
  const again = await c.request('shutdown', undefined, 5000);
  assert.equal(again.error?.code, INVALID_REQUEST);
  const uri = 'file:///p/late.md';
  c.open(uri, MEMO);
  c.notify('exit');
  const e = await exitWithin(c, 5000);
  assert.ok(e, 'exit ends the process');
  assert.equal(e.code, 0);
  assert.deepEqual(c.publishes(uri), [], 'a document opened after shutdown is not analysed');
});

test('exit before initialize ends the process with code 1', { timeout: 10_000 }, async (t) => {
  const c = RawLsp.spawn();
  t.after(() => c.dispose());
  c.notify('exit');
  const e = await exitWithin(c, 5000);
  assert.ok(e, 'exit is honoured before initialize');
  assert.equal(e.code, 1);
});

// Headers that leave no way to find the next frame. [name, bytes written after a working initialize]
const BROKEN_HEADERS: [string, string, RegExp][] = [
  ['negative Content-Length', 'Content-Length: -5\r\n\r\n{"jsonrpc":"2.0","id":99,"method":"shutdown"}', /Content-Length is "-5"/],
  [
    'duplicate Content-Length',
    'Content-Length: 2\r\nContent-Length: 40\r\n\r\n{}{"jsonrpc":"2.0","method":"x","params":{}}',
    /two Content-Length/,
  ],
  ['huge Content-Length', `Content-Length: ${200 * 1024 * 1024}\r\n\r\n{"jsonrpc":"2.0"`, /over the limit/],
  ['fractional Content-Length', 'Content-Length: 2.5\r\n\r\n{}', /not a byte count/],
  ['header line without a colon', 'Content-Length 2\r\n\r\n{}', /not "Name: value"/],
  ['no end of header', `X-Padding: ${'a'.repeat(20_000)}`, /no end of a message header/],
];

test('frame headers that cannot be trusted close the connection: logged on stderr, exit code 1', { timeout: 30_000 }, async (t) => {
  const outcomes: string[] = [];
  for (const [name, bytes, why] of BROKEN_HEADERS) {
    const c = await RawLsp.start();
    try {
      const uri = 'file:///p/before-break.md';
      c.open(uri, MEMO);
      await c.waitForPublish(uri, 1, 5000);
      c.writeRaw(bytes);
      const e = await exitWithin(c, 5000);
      assert.ok(e, `${name}: the server kept reading after a broken header (still running after 5 s)`);
      assert.equal(e.code, 1, `${name}: exit code`);
      assert.match(c.stderr, /closing the connection/, `${name}: logged`);
      assert.match(c.stderr, why, `${name}: the log says what was wrong`);
      assert.ok(!c.messages.some((m) => m.id === 99), `${name}: nothing after the broken header was acted on`);
      outcomes.push(`${name}: exit ${e.code}`);
    } finally {
      c.dispose();
    }
  }
  t.diagnostic(outcomes.join('; '));
});

test('sound frames still work when split anywhere, and a header with Content-Type is accepted', { timeout: 20_000 }, async (t) => {
  const c = RawLsp.spawn();
  t.after(() => c.dispose());
  const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: initParams }), 'utf8');
  const frame = Buffer.concat([
    Buffer.from(`Content-Type: application/vscode-jsonrpc; charset=utf-8\r\nContent-Length: ${body.length}\r\n\r\n`, 'ascii'),
    body,
  ]);
  for (let i = 0; i < frame.length; i++) {
    c.writeRaw(frame.subarray(i, i + 1)); // one byte at a time: the header's end and the body's end fall between writes
    if (i % 16 === 0) await sleep(0);
  }
  const init = await c.response(1, 5000);
  assert.equal(init.error, undefined);
  c.notify('initialized', {});
  // Two frames in one write, the second a document open.
  const uri = 'file:///p/two-in-one.md';
  const open = Buffer.from(
    JSON.stringify({
      jsonrpc: '2.0',
      method: 'textDocument/didOpen',
      params: { textDocument: { uri, languageId: 'markdown', version: 1, text: MEMO } },
    }),
    'utf8',
  );
  const score = Buffer.from(JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'presence/score', params: { uri } }), 'utf8');
  const both = [open, score].map((b) => Buffer.concat([Buffer.from(`Content-Length: ${b.length}\r\n\r\n`, 'ascii'), b]));
  c.writeRaw(Buffer.concat(both));
  const scored = await c.response(2, 5000);
  assert.equal((scored.result as { uri: string }).uri, uri);
});

test('--socket: a broken header closes the connection there too', { timeout: 20_000 }, async (t) => {
  ensureBuilt();
  let stderr = '';
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  const connected = new Promise<net.Socket>((resolve) => server.once('connection', resolve));
  const child = spawn(process.execPath, [SERVER_PATH, `--socket=${port}`], { stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  t.after(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
    server.close();
  });
  const socket = await connected;
  socket.on('error', () => undefined);
  socket.write('Content-Length: -5\r\n\r\n{}');
  const code = await Promise.race([exited, sleep(5000).then(() => 'running')]);
  assert.equal(code, 1, `exit code (or still running): ${String(code)}\n${stderr}`);
  assert.match(stderr, /closing the connection/);
});

test('--node-ipc (how VS Code starts the server): the same lifecycle rules apply', { timeout: 20_000 }, async (t) => {
  ensureBuilt();
  const child = fork(SERVER_PATH, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  t.after(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  const answers: { id?: unknown; error?: { code: number } }[] = [];
  child.on('message', (m: { id?: unknown; error?: { code: number } }) => answers.push(m));
  const answer = async (id: number) => {
    for (let i = 0; i < 250 && !answers.some((a) => a.id === id); i++) await sleep(20);
    const a = answers.find((x) => x.id === id);
    assert.ok(a, `no answer to request ${id} within 5 s`);
    return a;
  };
  child.send({ jsonrpc: '2.0', id: 1, method: 'presence/score', params: { uri: 'untitled:x' } });
  assert.equal((await answer(1)).error?.code, SERVER_NOT_INITIALIZED);
  child.send({ jsonrpc: '2.0', id: 2, method: 'initialize', params: initParams });
  assert.equal((await answer(2)).error, undefined);
  child.send({ jsonrpc: '2.0', id: 3, method: 'initialize', params: initParams });
  assert.equal((await answer(3)).error?.code, INVALID_REQUEST);
});
