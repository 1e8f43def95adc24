// Custom requests (score, scoreFile, rubrics), robustness against malformed messages, shutdown/exit, IPC transport.
import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import * as path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { BUILTIN_RUBRIC_NAMES } from '../../server/src/presence.js';
import { ScoreFileRequest, ScoreRequest, RubricsRequest, type RubricInfo, type ScoreResult } from '../../server/src/protocol.js';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter } from 'vscode-jsonrpc/node';
import type { InitializeResult } from 'vscode-languageserver-protocol';
import { ensureBuilt, LspClient, PACKAGE_ROOT, SERVER_PATH } from './lspClient.js';
import { engineResult, essentials, expectedDiagnostics, hedges } from './expected.js';

const TEXT = '# Plan\n\nI think we should raise prices by 8% in March.\n';

test('presence/score, presence/scoreFile and presence/rubrics', async (t) => {
  const c = await LspClient.start({ settings: { exclude: ['drafts/**'] } });
  t.after(() => c.dispose());

  await t.test('score of an open document: its version, the engine score and findings with ranges', async () => {
    const uri = await c.open('score.md', TEXT);
    const v = c.insert(uri, TEXT.length, '\nRevenue grew.\n');
    const text = c.text(uri);
    const ds = await c.waitForDiagnostics(uri, v);
    const s = await c.request<ScoreResult>(ScoreRequest, { uri });
    const e = engineResult(text);
    assert.equal(s.uri, uri);
    assert.equal(s.version, v);
    assert.equal(s.overall, e.score.overall);
    assert.equal(s.band, e.score.band);
    assert.equal(s.rubric, e.rubric);
    assert.equal(s.words, e.words);
    assert.deepEqual(s.dimensions, e.score.dimensions);
    assert.deepEqual(
      s.findings.map((f) => [f.ruleId, f.range, f.message, f.cost]),
      ds.map((d, i) => [d.code, d.range, d.message, e.findings[i]!.cost]),
    );
    assert.equal(s.topFixes.length, e.score.topFixes.length);
    const hedge = s.findings.find((f) => f.ruleId === 'conviction/hedge')!;
    assert.equal(fileURLToPath(hedge.doc!), path.join(PACKAGE_ROOT, e.findings.find((f) => f.ruleId === 'conviction/hedge')!.doc));
  });

  await t.test('scoreFile reads an unopened file from disk and publishes its diagnostics without a version', async () => {
    const uri = c.writeFile('audit/closed.md', TEXT);
    const published = c.waitForDiagnostics(uri, null);
    const s = await c.request<ScoreResult | null>(ScoreFileRequest, { uri });
    assert.ok(s);
    assert.equal(s.version, null);
    assert.equal(s.overall, engineResult(TEXT).score.overall);
    const ds = await published;
    assert.deepEqual(essentials(ds), expectedDiagnostics(TEXT));
    assert.ok(hedges(ds).length > 0);
  });

  await t.test('scoreFile leaves excluded files alone', async () => {
    const uri = c.writeFile('drafts/wip.md', TEXT);
    assert.equal(await c.request(ScoreFileRequest, { uri }), null);
    assert.equal(c.lastDiagnostics(uri), undefined);
  });

  await t.test('rubrics lists the built-ins', async () => {
    const list = await c.request<RubricInfo[]>(RubricsRequest, { uri: c.uri('score.md') });
    assert.deepEqual(
      list.filter((r) => r.source === 'built-in').map((r) => r.name),
      BUILTIN_RUBRIC_NAMES,
    );
  });

  await t.test('malformed params are answered or ignored, never fatal', async () => {
    await c.notify('textDocument/didChange', { textDocument: { uri: 'file:///nope.md', version: 2 }, contentChanges: [{ text: 'x' }] });
    await c.notify('textDocument/didOpen', {});
    await c.notify('workspace/didChangeWatchedFiles', { changes: 'nope' });
    await c.notify('presence/trustChanged', { trusted: 'yes' });
    assert.deepEqual(await c.request('textDocument/codeAction', {}), []);
    assert.equal(await c.request('textDocument/hover', { textDocument: { uri: 42 } }), null);
    assert.equal(await c.request(ScoreRequest, 42), null);
    assert.equal(await c.request(ScoreFileRequest, { uri: 'file:///does/not/exist.md' }), null);
    assert.deepEqual(await c.request('presence/fixAll', null), []);
    await assert.rejects(c.request('presence/noSuchRequest', {}));
    // Still serving:
    const uri = await c.open('alive.md', TEXT);
    assert.ok(hedges(await c.waitForDiagnostics(uri, 1)).length > 0);
  });

  await t.test('shutdown then exit ends the process with code 0', async () => {
    assert.equal(await c.shutdown(), 0);
  });
});

test('node-ipc transport (how the VS Code client starts the server) initializes and exits cleanly', async () => {
  ensureBuilt();
  const child = fork(SERVER_PATH, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const conn = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
  conn.listen();
  try {
    const init = await conn.sendRequest<InitializeResult>('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    assert.equal(init.serverInfo?.name, 'presence');
    await conn.sendNotification('initialized', {});
    await conn.sendRequest('shutdown', null);
    await conn.sendNotification('exit', null);
    assert.equal(await exited, 0);
  } finally {
    conn.dispose();
    if (child.exitCode === null) child.kill('SIGKILL');
  }
});
