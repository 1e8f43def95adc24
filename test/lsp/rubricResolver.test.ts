// The server's rubric resolver, called as the engine calls it for `extends` (resolveRubric(ref, from)): a relative
// path resolves against the folder of the rubric that names it, and still only inside the workspace folders.
// Driven directly because the engine passes `from` only once the rubric change lands; the rest of the server's
// rubric behaviour is tested over stdio (workspaceRubrics.test.ts, hardening/fileAccess.test.ts).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Connection } from 'vscode-languageserver';
import { WorkspaceRubrics } from '../../server/src/lsp/workspaceRubrics.js';

function quietConnection(logs: string[]): Connection {
  const stub = {
    console: { error: (m: string) => logs.push(m), log: (m: string) => logs.push(m) },
    sendDiagnostics: async () => undefined,
  };
  return stub as unknown as Connection; // only the members WorkspaceRubrics uses
}

test('extends: a relative path resolves against the naming rubric, inside the workspace only', async (t) => {
  const outer = fs.mkdtempSync(path.join(os.tmpdir(), 'presence-resolve-'));
  t.after(() => fs.rmSync(outer, { recursive: true, force: true }));
  const ws = path.join(outer, 'ws');
  fs.mkdirSync(path.join(ws, '.presence', 'rubrics'), { recursive: true });
  fs.mkdirSync(path.join(ws, 'shared'));
  fs.mkdirSync(path.join(ws, 'docs'));
  fs.mkdirSync(path.join(outer, 'shared'));
  const base = '{ "description": "inside" }';
  fs.writeFileSync(path.join(ws, 'shared', 'base.json'), base);
  fs.writeFileSync(path.join(outer, 'shared', 'base.json'), '{ "description": "outside" }');
  fs.writeFileSync(path.join(outer, 'secret.json'), 'SECRET');
  fs.writeFileSync(path.join(ws, '.presence', 'rubrics', 'child.json'), '{ "extends": "../../shared/base.json" }');

  const logs: string[] = [];
  const rubrics = new WorkspaceRubrics(quietConnection(logs), () => '');
  rubrics.setFolders([pathToFileURL(ws).href]);
  await rubrics.reload();
  const doc = pathToFileURL(path.join(ws, 'docs', 'memo.md')).href;
  const resolve = rubrics.resolver(doc);

  const child = resolve('child');
  assert.equal(child?.path, '.presence/rubrics/child.json');
  // From the rubric's own folder: ws/.presence/rubrics/../../shared = ws/shared.
  assert.deepEqual(resolve('../../shared/base.json', child!.path), { path: 'shared/base.json', text: base });
  // The same ref from the document's folder (ws/docs) points outside the workspace: refused, and nothing read.
  const refused = resolve('../../shared/base.json');
  assert.equal(refused?.text, '');
  assert.match(refused?.problem ?? '', /outside the workspace/);
  // Climbing out from the rubric's folder is refused the same way.
  const out = resolve('../../../secret.json', child!.path);
  assert.equal(out?.text, '');
  assert.match(out?.problem ?? '', /outside the workspace/);
  // A name that no rubric has is simply not found.
  assert.equal(resolve('no-such-rubric'), undefined);
  assert.doesNotMatch(logs.join('\n'), /SECRET/);
});
