// Settings read per document through workspace/configuration and re-read on didChangeConfiguration.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ScoreRequest, type ScoreResult } from '../../server/src/protocol.js';
import { LspClient } from './lspClient.js';
import { engineResult, essentials, expectedDiagnostics, hedges } from './expected.js';

const TEXT = '# Plan\n\nI think we should raise prices by 8% in March.\n';

test('settings', async (t) => {
  const c = await LspClient.start();
  t.after(() => c.dispose());
  const uri = await c.open('memo.md', TEXT);
  assert.ok(hedges(await c.waitForDiagnostics(uri, 1)).length > 0);

  /** Changes settings and returns the next diagnostics publish for `uri` (same version: a re-analysis). */
  async function reconfigure(settings: Parameters<LspClient['setSettings']>[0]) {
    const next = c.waitForPublish(uri);
    await c.setSettings(settings);
    const p = await next;
    assert.equal(p.version, c.version(uri));
    return p.diagnostics;
  }

  await t.test('presence.enable: false clears diagnostics, true brings them back', async () => {
    assert.deepEqual(await reconfigure({ enable: false }), []);
    assert.deepEqual(essentials(await reconfigure({ enable: true })), expectedDiagnostics(TEXT));
  });

  await t.test('presence.severity passes overrides to the engine: off removes the rule, a level changes severity', async (t) => {
    const off = { 'conviction/hedge': 'off' } as const;
    if (engineResult(TEXT, 'executive', { severityOverrides: off }).findings.some((f) => f.ruleId === 'conviction/hedge')) {
      return t.skip('the engine does not apply severity overrides yet');
    }
    assert.equal(hedges(await reconfigure({ severity: off })).length, 0);
    const errors = await reconfigure({ severity: { conviction: 'error' } });
    assert.deepEqual(essentials(errors), expectedDiagnostics(TEXT, 'executive', { severityOverrides: { conviction: 'error' } }));
    assert.equal(hedges(errors)[0]?.severity, 1);
  });

  await t.test('presence.exclude: matching documents get no diagnostics; others do', async () => {
    await reconfigure({ exclude: ['drafts/**', '*.scratch.md'] });
    const draft = await c.open('drafts/q3/idea.md', TEXT);
    const scratch = await c.open('notes/x.scratch.md', TEXT);
    const kept = await c.open('board/update.md', TEXT);
    assert.deepEqual(await c.waitForDiagnostics(draft, 1), []);
    assert.deepEqual(await c.waitForDiagnostics(scratch, 1), []);
    assert.ok(hedges(await c.waitForDiagnostics(kept, 1)).length > 0);
    for (const u of [draft, scratch, kept]) await c.close(u);
  });

  await t.test('presence.exclude: a folder name excludes the files below it, as the client audit reads it', async () => {
    await reconfigure({ exclude: ['drafts'] });
    const nested = await c.open('x/drafts/a.md', TEXT);
    const near = await c.open('x/drafted/a.md', TEXT);
    assert.deepEqual(await c.waitForDiagnostics(nested, 1), []);
    assert.ok(hedges(await c.waitForDiagnostics(near, 1)).length > 0);
    for (const u of [nested, near]) await c.close(u);
  });

  await t.test('a pathological glob in settings (which apply even in untrusted workspaces) does not freeze the server', async () => {
    // "*a"×12 + "*c" against a long name backtracked for over a minute in a regex matcher; each wait below is 5 s.
    const bomb = `${'*a'.repeat(12)}*c`;
    await reconfigure({ exclude: [bomb], rubricByGlob: { [bomb]: 'board-update' } });
    const long = await c.open(`notes/${'a'.repeat(200)}.md`, TEXT);
    assert.ok(hedges(await c.waitForDiagnostics(long, 1)).length > 0, 'not excluded: the name ends in .md, not c');
    const hit = await c.open(`notes/${'a'.repeat(40)}c`, TEXT);
    assert.deepEqual(await c.waitForDiagnostics(hit, 1), [], 'the pattern still matches what it should');
    for (const u of [long, hit]) await c.close(u);
  });

  await t.test('rubric choice: presence.rubricByGlob (workspace-relative) before presence.rubric', async () => {
    await reconfigure({ rubric: 'strategy-memo', rubricByGlob: { 'board/**': 'board-update' } });
    const board = await c.open('board/q3.md', TEXT);
    await c.waitForDiagnostics(board, 1);
    assert.equal((await c.request<ScoreResult>(ScoreRequest, { uri: board })).rubric, engineResult(TEXT, 'board-update').rubric);
    assert.equal((await c.request<ScoreResult>(ScoreRequest, { uri })).rubric, engineResult(TEXT, 'strategy-memo').rubric);
    assert.notEqual(engineResult(TEXT, 'board-update').rubric, engineResult(TEXT, 'strategy-memo').rubric);
    await c.close(board);
  });

  await t.test('settings are asked for per document', async () => {
    await reconfigure((scope) => (scope?.includes('/quiet/') ? { enable: false } : {}));
    const quiet = await c.open('quiet/a.md', TEXT);
    const loud = await c.open('loud/a.md', TEXT);
    assert.deepEqual(await c.waitForDiagnostics(quiet, 1), []);
    assert.ok(hedges(await c.waitForDiagnostics(loud, 1)).length > 0);
  });

  await t.test('an invalid value is ignored (default used) and reported once, naming the setting', async () => {
    const before = c.messages.length;
    const ds = await reconfigure({ debounceMs: 'fast', enable: 'sometimes' });
    assert.deepEqual(essentials(ds), expectedDiagnostics(TEXT), 'defaults apply');
    const warnings = () => c.messages.slice(before).filter((m) => m.type === 2);
    await c.until(() => warnings().length >= 2, 'warnings');
    assert.ok(warnings().some((m) => m.message.includes('presence.debounceMs')));
    assert.ok(warnings().some((m) => m.message.includes('presence.enable')));
    await reconfigure({ debounceMs: 'fast' });
    const v = c.insert(uri, 0, ' ');
    await c.waitForDiagnostics(uri, v);
    assert.equal(warnings().length, 2, 'no repeat warning for the same setting');
  });

  await t.test('presence.debounceMs delays analysis after an edit', async () => {
    await reconfigure({ debounceMs: 400 });
    const t0 = Date.now();
    const v = c.insert(uri, 0, ' ');
    await c.waitForDiagnostics(uri, v);
    assert.ok(Date.now() - t0 >= 380, `waited ${Date.now() - t0} ms`);
  });
});
