// Workspace rubrics (.presence/rubrics/*.json): problems published on the rubric file, documents still analysed,
// reload on file events, and nothing read from an untrusted workspace until trust is granted.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { validateRubric } from '../../server/src/presence.js';
import { RubricsRequest, TrustChangedNotification, type RubricInfo } from '../../server/src/protocol.js';
import { LspClient } from './lspClient.js';
import { essentials, expectedDiagnostics, hedges } from './expected.js';

const REL = '.presence/rubrics/team.json';
// Broken on purpose: a weight that is not a number and a missing closing brace.
const BROKEN = '{\n  "name": "team",\n  "description": "Our house style",\n  "weights": { "impact": "lots" }\n';
const DOC = '---\npresence: team\n---\n# Plan\n\nI think we should raise prices by 8% in March.\n';

/** What the server should publish on a rubric file: the engine's problems at their ranges. */
function expectedProblems(text: string): object[] {
  const doc = TextDocument.create('x:y', 'json', 1, text);
  return validateRubric(text, REL).map((p) => ({ start: doc.positionAt(p.start), end: doc.positionAt(p.end) }));
}

function workspaceWithRubric(text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'presence-ws-'));
  fs.mkdirSync(path.join(dir, '.presence', 'rubrics'), { recursive: true });
  fs.writeFileSync(path.join(dir, REL), text);
  return dir;
}

/** The engine's view of DOC when `team` resolves to the rubric file (as the server should arrange). */
function expectedDoc(rubricText: string | undefined): object[] {
  return expectedDiagnostics(DOC, 'executive', {
    resolveRubric: (ref) => (ref === 'team' && rubricText !== undefined ? { path: REL, text: rubricText } : undefined),
  });
}

test('a workspace rubric with errors gets diagnostics on the rubric file; documents using it are still analysed', async (t) => {
  const dir = workspaceWithRubric(BROKEN);
  const c = await LspClient.start({ workspace: dir });
  t.after(() => {
    c.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const rubricUri = c.uri(REL);
  const published = await c.waitForDiagnostics(rubricUri, null);
  assert.deepEqual(
    published.map((d) => ({ start: d.range.start, end: d.range.end })),
    expectedProblems(BROKEN),
  );
  for (const d of published) assert.equal(d.source, 'presence');
  if (expectedProblems(BROKEN).length === 0)
    t.diagnostic('the engine validateRubric reports nothing yet; only the publish itself was checked');

  const uri = await c.open('plan.md', DOC);
  const ds = await c.waitForDiagnostics(uri, 1);
  assert.deepEqual(essentials(ds), expectedDoc(BROKEN));
  assert.ok(hedges(ds).length > 0, 'the document still gets its findings');

  const list = await c.request<RubricInfo[]>(RubricsRequest, { uri });
  const team = list.find((r) => r.name === 'team');
  assert.ok(team, 'the workspace rubric is listed by file name');
  assert.equal(team.source, path.join(dir, REL));
  assert.equal(team.description, '', 'unparsable file: no description');

  await c.until(() => c.registrations.some((r) => r.method === 'workspace/didChangeWatchedFiles'), 'file watcher registration');
  const watcher = c.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles')!;
  assert.deepEqual(watcher.registerOptions, { watchers: [{ globPattern: '**/.presence/rubrics/*.json' }] });

  // Repair the file; the watcher's event makes the server re-read it and re-analyse open documents.
  const fixed = '{\n  "name": "team",\n  "description": "Our house style",\n  "extends": "executive"\n}\n';
  fs.writeFileSync(path.join(dir, REL), fixed);
  const republished = c.waitForPublish(rubricUri);
  const reanalysed = c.waitForPublish(uri);
  await c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: rubricUri, type: 2 }] });
  assert.deepEqual(
    (await republished).diagnostics.map((d) => ({ start: d.range.start, end: d.range.end })),
    expectedProblems(fixed),
  );
  assert.deepEqual(essentials((await reanalysed).diagnostics), expectedDoc(fixed));
  const relisted = await c.request<RubricInfo[]>(RubricsRequest, { uri });
  assert.equal(relisted.find((r) => r.name === 'team')?.description, 'Our house style');

  // Deleting the file clears its diagnostics.
  fs.rmSync(path.join(dir, REL));
  const cleared = c.waitForPublish(rubricUri);
  await c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: rubricUri, type: 3 }] });
  assert.deepEqual((await cleared).diagnostics, []);
});

test('an untrusted workspace ignores its rubrics (and says so once) until trust is granted', async (t) => {
  const dir = workspaceWithRubric(BROKEN);
  const c = await LspClient.start({ workspace: dir, workspaceTrusted: false });
  t.after(() => {
    c.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const uri = await c.open('plan.md', DOC);
  assert.deepEqual(essentials(await c.waitForDiagnostics(uri, 1)), expectedDoc(undefined), 'analysed as if the rubric did not exist');
  await c.until(() => c.messages.some((m) => m.type === 3), 'an info message');
  const infos = c.messages.filter((m) => m.type === 3);
  assert.equal(infos.length, 1);
  assert.match(infos[0]!.message, /trust/i);
  assert.equal(c.lastDiagnostics(c.uri(REL)), undefined, 'the rubric file was not read');
  assert.ok(!(await c.request<RubricInfo[]>(RubricsRequest, { uri })).some((r) => r.name === 'team'));

  const rubricPublished = c.waitForDiagnostics(c.uri(REL), null);
  const reanalysed = c.waitForPublish(uri);
  await c.notify(TrustChangedNotification, { trusted: true });
  assert.deepEqual(
    (await rubricPublished).map((d) => ({ start: d.range.start, end: d.range.end })),
    expectedProblems(BROKEN),
  );
  assert.deepEqual(essentials((await reanalysed).diagnostics), expectedDoc(BROKEN));
  assert.ok((await c.request<RubricInfo[]>(RubricsRequest, { uri })).some((r) => r.name === 'team'));
});

test('front matter may name a rubric file by a path relative to the document', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'presence-ws-'));
  const c = await LspClient.start({ workspace: dir });
  t.after(() => {
    c.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  c.writeFile('style/memo.json', BROKEN);
  const text = DOC.replace('presence: team', 'presence: ../style/memo.json');
  let asked = false;
  const resolveRubric = (ref: string) => {
    asked = true;
    return ref === '../style/memo.json' ? { path: 'style/memo.json', text: BROKEN } : undefined;
  };
  const expected = expectedDiagnostics(text, 'executive', { resolveRubric });
  const rubricPublished = asked ? c.waitForDiagnostics(c.uri('style/memo.json'), null) : undefined;
  const uri = await c.open('docs/plan.md', text);
  assert.deepEqual(essentials(await c.waitForDiagnostics(uri, 1)), expected);
  // The file is read (and its problems published) only when the engine asks for it.
  if (rubricPublished) {
    const problems = await rubricPublished;
    assert.equal(problems.length, validateRubric(BROKEN, 'style/memo.json').length);
  } else {
    t.diagnostic('the engine does not resolve front matter rubrics yet');
  }
});

test('a workspace folder added later has its rubrics loaded', async (t) => {
  const first = fs.mkdtempSync(path.join(os.tmpdir(), 'presence-ws-'));
  const second = workspaceWithRubric(BROKEN);
  const c = await LspClient.start({ workspace: first });
  t.after(() => {
    c.dispose();
    for (const d of [first, second]) fs.rmSync(d, { recursive: true, force: true });
  });
  const rubricUri = pathToFileURL(path.join(second, REL)).href;
  const published = c.waitForDiagnostics(rubricUri, null);
  await c.notify('workspace/didChangeWorkspaceFolders', {
    event: { added: [{ uri: pathToFileURL(second).href, name: 'second' }], removed: [] },
  });
  assert.deepEqual(
    (await published).map((d) => ({ start: d.range.start, end: d.range.end })),
    expectedProblems(BROKEN),
  );
  const list = await c.request<RubricInfo[]>(RubricsRequest, { uri: pathToFileURL(path.join(second, 'a.md')).href });
  assert.ok(list.some((r) => r.name === 'team'));
});
