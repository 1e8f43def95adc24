// Files the language server must never read, against the built server over stdio: rubric paths outside the
// workspace (named directly, through `../`, or through a link inside it), FIFOs and devices as rubrics, and score
// requests for files outside the workspace. Each attack is replayed in a temp folder whose parent holds a "secret";
// every wait is bounded (a server that blocks on a FIFO fails the test in seconds instead of hanging it).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test, type TestContext } from 'node:test';
import { pathToFileURL } from 'node:url';
import { ScoreFileRequest, ScoreRequest } from '../../server/src/protocol.js';
import { LspClient } from '../lsp/lspClient.js';

const SECRET = 'SECRET_TOKEN=ghp_abc';
const memo = (ref: string) => `---\npresence: ${ref}\n---\n# Plan\n\nI think we should maybe ship in March.\n`;
const canFifo = process.platform !== 'win32';

/** `outer/` holds the secret, `outer/ws/` is the workspace folder. */
function sandbox(t: TestContext): { outer: string; ws: string; secret: string } {
  const outer = fs.mkdtempSync(path.join(os.tmpdir(), 'presence-access-'));
  const ws = path.join(outer, 'ws');
  fs.mkdirSync(path.join(ws, '.presence', 'rubrics'), { recursive: true });
  const secret = path.join(outer, 'secret.json');
  fs.writeFileSync(secret, `${SECRET}\n`);
  t.after(() => fs.rmSync(outer, { recursive: true, force: true }));
  return { outer, ws, secret };
}

function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer to ${what} within ${ms} ms`)), ms)));
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

/** Every text the server sent the client: diagnostics, log lines, messages. */
function everything(c: LspClient): string {
  return JSON.stringify([c.published, c.logs, c.messages]);
}

test('rubric paths outside the workspace are not read: ../, absolute, and links from inside', { timeout: 30_000 }, async (t) => {
  const { ws, secret } = sandbox(t);
  fs.symlinkSync(secret, path.join(ws, 'link.json'));
  fs.symlinkSync(secret, path.join(ws, '.presence', 'rubrics', 'linked.json'));
  const c = await LspClient.start({ workspace: ws });
  t.after(() => c.dispose());
  const refs = ['../secret.json', secret, './link.json', 'linked'];
  for (const [i, ref] of refs.entries()) {
    const uri = await c.open(`memo-${i}.md`, memo(ref));
    const ds = await c.waitForDiagnostics(uri, 1);
    const rubricErrors = ds.filter((d) => String(d.code).startsWith('rubric/'));
    assert.equal(rubricErrors.length, 1, `${ref}: one rubric error on the document (${JSON.stringify(ds.map((d) => d.message))})`);
    assert.match(
      String(rubricErrors[0].message),
      /outside the workspace folders/,
      `${ref}: the document's error says why, not "no rubric named"`,
    );
  }
  assert.doesNotMatch(everything(c), /SECRET_TOKEN|ghp_abc/, 'no byte of the secret reaches the client');
  assert.ok(!c.published.some((p) => p.uri === pathToFileURL(secret).href), 'nothing is published on the file outside the workspace');
  // The links inside the workspace say why they were refused.
  const onLink = await c.waitForDiagnostics(c.uri('.presence/rubrics/linked.json'), null);
  assert.match(onLink.map((d) => d.message).join(' '), /outside the workspace/);
  // The refusal is logged, once: edits of documents naming the file do not repeat it.
  const uri = c.uri('memo-0.md');
  for (let v = 0; v < 3; v++) await c.waitForDiagnostics(uri, c.insert(uri, c.text(uri).length, ' Maybe.'));
  const refusals = c.logs.filter((l) => l.includes(secret) && /outside the workspace folders/.test(l));
  assert.equal(refusals.length, 1, refusals.join('\n'));
});

test('a document outside every workspace folder gets no path rubric, only built-in and named ones', { timeout: 20_000 }, async (t) => {
  const { outer, ws } = sandbox(t);
  fs.writeFileSync(path.join(outer, 'near.json'), '{ "name": "near", "description": "beside the outside document" }');
  const c = await LspClient.start({ workspace: ws });
  t.after(() => c.dispose());
  const uri = await c.open(pathToFileURL(path.join(outer, 'outside.md')).href, memo('./near.json'));
  const ds = await c.waitForDiagnostics(uri, 1);
  assert.ok(
    ds.some((d) => d.code === 'rubric/invalid'),
    'the path rubric did not resolve',
  );
  assert.ok(!c.published.some((p) => p.uri === pathToFileURL(path.join(outer, 'near.json')).href));
});

test('a FIFO or a link to /dev/zero as a rubric is skipped with a log line; documents are still analysed', {
  skip: !canFifo,
  timeout: 30_000,
}, async (t) => {
  const { ws } = sandbox(t);
  execFileSync('mkfifo', [path.join(ws, '.presence', 'rubrics', 'pipe.json')]);
  execFileSync('mkfifo', [path.join(ws, 'pipe-path.json')]);
  fs.symlinkSync('/dev/zero', path.join(ws, '.presence', 'rubrics', 'zero.json'));
  fs.symlinkSync('/dev/zero', path.join(ws, 'zero-path.json'));
  const c = await LspClient.start({ workspace: ws, settings: { debounceMs: 0 } });
  t.after(() => c.dispose());
  for (const ref of ['pipe', './pipe-path.json', 'zero', './zero-path.json']) {
    const uri = await c.open(`uses-${ref.replace(/\W/g, '')}.md`, memo(ref));
    const ds = await c.waitForDiagnostics(uri, 1);
    assert.ok(
      ds.some((d) => d.code === 'rubric/invalid' && /named pipe|not a regular file|outside the workspace/.test(String(d.message))),
      `${ref}: a rubric error that says why (${JSON.stringify(ds.map((d) => d.message))})`,
    );
    assert.ok(
      ds.some((d) => d.code !== 'rubric/invalid'),
      `${ref}: the document is still checked (default rubric)`,
    );
  }
  const pipeProblems = await c.waitForDiagnostics(c.uri('.presence/rubrics/pipe.json'), null);
  assert.match(pipeProblems.map((d) => d.message).join(' '), /named pipe/);
  assert.ok(
    c.logs.some((l) => /pipe-path\.json was not read: it is a named pipe/.test(l)),
    c.logs.join('\n'),
  );

  // Failed reads are remembered: more edits of a document using the FIFO do not read (or log) it again.
  const uri = c.uri('uses-pipepathjson.md');
  for (let v = 0; v < 5; v++) await c.waitForDiagnostics(uri, c.insert(uri, c.text(uri).length, ' Maybe.'));
  assert.equal(c.logs.filter((l) => /pipe-path\.json was not read/.test(l)).length, 1, 'logged once, not on every analysis');
});

test('presence/score and presence/scoreFile read nothing outside the workspace and publish nothing there', {
  timeout: 30_000,
}, async (t) => {
  const { outer, ws, secret } = sandbox(t);
  const outsideMemo = path.join(outer, 'outside.md');
  fs.writeFileSync(outsideMemo, memo('executive'));
  fs.symlinkSync(outsideMemo, path.join(ws, 'linked.md'));
  fs.writeFileSync(path.join(ws, 'inside.md'), memo('executive'));
  const c = await LspClient.start({ workspace: ws });
  t.after(() => c.dispose());
  const targets = [
    pathToFileURL(outsideMemo).href,
    pathToFileURL(secret).href,
    'file:///etc/passwd',
    c.uri('linked.md'),
    c.uri('../outside.md'),
  ];
  for (const uri of targets) {
    assert.equal(await within(c.request(ScoreFileRequest, { uri }), 5000, `scoreFile ${uri}`), null, `scoreFile ${uri}`);
    assert.equal(await within(c.request(ScoreRequest, { uri }), 5000, `score ${uri}`), null, `score ${uri}`);
  }
  // A file inside the workspace is still scored and published (so the refusals above are not a broken server).
  const inside = c.uri('inside.md');
  assert.ok(await within(c.request(ScoreFileRequest, { uri: inside }), 5000, 'scoreFile inside'));
  await c.waitForDiagnostics(inside, null);
  for (const uri of targets)
    assert.ok(
      !c.published.some((p) => p.uri === uri || p.uri.endsWith('/outside.md') || p.uri.endsWith('/passwd')),
      `nothing published for ${uri}`,
    );
  assert.doesNotMatch(everything(c), /SECRET_TOKEN/);
});

test('presence/scoreFile on FIFOs inside the workspace answers at once with a clear error', {
  skip: !canFifo,
  timeout: 30_000,
}, async (t) => {
  const { ws } = sandbox(t);
  const names = ['a.md', 'b.md', 'c.md', 'd.md'];
  for (const n of names) execFileSync('mkfifo', [path.join(ws, n)]);
  fs.writeFileSync(path.join(ws, 'real.md'), memo('executive'));
  const c = await LspClient.start({ workspace: ws });
  t.after(() => c.dispose());
  // Four at once, as an audit might: none may tie up the server (a blocked read would hold a thread-pool thread each).
  const answers = await within(
    Promise.allSettled(names.map((n) => c.request(ScoreFileRequest, { uri: c.uri(n) }))),
    5000,
    'scoreFile on four FIFOs',
  );
  for (const a of answers) {
    assert.equal(a.status, 'rejected');
    assert.match(String((a as PromiseRejectedResult).reason), /not a regular file/);
  }
  assert.ok(await within(c.request(ScoreFileRequest, { uri: c.uri('real.md') }), 5000, 'scoreFile after the FIFOs'));
});
