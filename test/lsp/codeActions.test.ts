// Code actions over a real stdio connection: quick fixes, disable comments, fix-all (code action and request), presence/fix.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { CodeAction, Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { applyEdits, safeFixEdits } from '../../server/src/presence.js';
import { FixAllRequest, FixRequest, type ScoreResult } from '../../server/src/protocol.js';
import { editsFor, LspClient, snippetDefault } from './lspClient.js';
import { engineResult, essentials, expectedDiagnostics, hedges } from './expected.js';

let c: LspClient;
before(async () => {
  c = await LspClient.start();
});
after(() => c.dispose());

async function openWithHedge(name: string, text: string): Promise<{ uri: string; hedge: Diagnostic }> {
  const uri = await c.open(name, text);
  const [hedge] = hedges(await c.waitForDiagnostics(uri, 1));
  assert.ok(hedge, `hedge flagged in ${JSON.stringify(text)}`);
  return { uri, hedge };
}

/** Replaces the whole text, as an editor sends after applying an edit, and returns the new diagnostics. */
async function setText(uri: string, text: string): Promise<Diagnostic[]> {
  const v = c.replace(uri, 0, c.text(uri).length, text);
  return c.waitForDiagnostics(uri, v);
}

function offsets(text: string, edits: TextEdit[]): { start: number; end: number } {
  const doc = TextDocument.create('x:y', 'markdown', 1, text);
  return {
    start: Math.min(...edits.map((e) => doc.offsetAt(e.range.start))),
    end: Math.max(...edits.map((e) => doc.offsetAt(e.range.end))),
  };
}

const disable = (a: CodeAction) => a.title.startsWith('Disable ');

test('one quick fix per engine fix of the finding; applying the preferred one removes the hedge and nothing else', async () => {
  const text = '# Pricing\n\nOur renewal rate is 94%.\n\nI think we should raise prices by 8% in March.\n\nFinance agrees.\n';
  const { uri, hedge } = await openWithHedge('quickfix.md', text);
  const actions = await c.codeActions(uri, hedge.range);
  const finding = engineResult(text).findings.find((f) => f.ruleId === 'conviction/hedge')!;
  const fixes = actions.filter((a) => !disable(a) && a.diagnostics?.[0]?.code === 'conviction/hedge');
  assert.deepEqual(
    fixes.map((a) => a.title),
    finding.fixes.map((f) => f.title),
  );
  assert.deepEqual(
    fixes.map((a) => a.isPreferred === true),
    finding.fixes.map((f) => f === finding.fixes.find((x) => x.safe)),
  );
  for (const a of actions) assert.equal(a.kind, 'quickfix');
  assert.deepEqual(fixes[0]!.diagnostics![0]!.data, hedge.data, 'the action names the diagnostic it fixes');

  const preferred = fixes.find((a) => a.isPreferred)!;
  assert.equal(
    preferred.edit?.documentChanges?.[0] && 'textDocument' in preferred.edit.documentChanges[0]
      ? preferred.edit.documentChanges[0].textDocument.version
      : undefined,
    1,
    'edits are pinned to the analysed version',
  );
  const edits = editsFor(uri, preferred.edit);
  const fixed = c.applyWorkspaceEdit(uri, preferred.edit);
  const { start, end } = offsets(text, edits);
  assert.ok(fixed.startsWith(text.slice(0, start)) && fixed.endsWith(text.slice(end)), 'text outside the fix is unchanged');
  assert.notEqual(fixed, text);
  const after = await setText(uri, fixed);
  assert.equal(hedges(after).length, 0, `hedge gone after the fix: ${JSON.stringify(fixed)}`);
});

test('code actions asked for while a long analysis runs wait for it: the quick-fix menu is not empty', async () => {
  // About 90,000 words, every paragraph new after the edit: the analysis takes far longer than a hover waits.
  const body = (verb: string) =>
    Array.from({ length: 6000 }, (_, i) => `Region ${i} ${verb} that revenue grew 4% against a plan of 3% this quarter.\n\n`).join('');
  const text = `# Plan\n\nI think we should raise prices by 8% in March.\n\n${body('reports')}`;
  const uri = await c.open('long.md', text);
  const [hedge] = hedges(await c.waitForDiagnostics(uri, 1, 60_000));
  assert.ok(hedge, 'the hedge is flagged');
  const v = c.replace(uri, 0, text.length, `# Plan\n\nI think we should raise prices by 8% in March.\n\n${body('says')}`);
  const actions = await c.codeActions(uri, hedge.range);
  const fix = actions.find((a) => !disable(a) && a.diagnostics?.[0]?.code === 'conviction/hedge');
  assert.ok(fix, `a fix is offered, not an empty menu (offered: ${actions.map((a) => a.title).join(', ') || 'nothing'})`);
  const pinned = fix.edit?.documentChanges?.[0];
  assert.equal(pinned && 'textDocument' in pinned ? pinned.textDocument.version : undefined, v, 'the fix is for the text after the edit');
  await c.close(uri);
});
test('where findings overlap, every real fix comes before any "Disable" entry', async () => {
  // The bundled weak sample's recommendation: a hedge and an unstated tradeoff on one sentence, each with a fix.
  const text = '# Q3 board update\n\nI think we should move the enterprise launch to March, which protects $2.4M of renewals.\n';
  const { uri, hedge } = await openWithHedge('overlap.md', text);
  const actions = await c.codeActions(uri, hedge.range);
  const rules = new Set(actions.filter((a) => !disable(a)).map((a) => a.diagnostics?.[0]?.code));
  assert.ok(rules.size >= 2, `fixes from at least two overlapping findings: ${actions.map((a) => a.title).join(' | ')}`);
  const firstDisable = actions.findIndex(disable);
  assert.ok(firstDisable > 0, 'disable entries are offered');
  assert.ok(actions.slice(firstDisable).every(disable), `no fix after a Disable entry: ${actions.map((a) => a.title).join(' | ')}`);
});

test('a template fix reaches a snippet-capable client as a snippet: its slots are tab stops, its text the same', async () => {
  // tradeoffs/unstated is on in a strategy memo.
  const text =
    '---\npresence: strategy-memo\n---\n\n# Q3 board update\n\nWe should move the enterprise launch to March, which protects $2.4M of renewals.\n';
  const templateOf = (actions: CodeAction[]) => actions.find((a) => !disable(a) && a.diagnostics?.[0]?.code === 'tradeoffs/unstated');
  const engineFix = engineResult(text).findings.find((f) => f.ruleId === 'tradeoffs/unstated')?.fixes[0];
  assert.ok(
    engineFix && !engineFix.safe && engineFix.edits.some((e) => /\[[^\]]+\]/.test(e.newText)),
    'the sentence gets a template fix with slots',
  );

  const snippets = await LspClient.start({ snippets: true });
  try {
    const uri = await snippets.open('template.md', text);
    const [d] = (await snippets.waitForDiagnostics(uri, 1)).filter((x) => x.code === 'tradeoffs/unstated');
    assert.ok(d, 'tradeoffs/unstated flagged');
    const action = templateOf(await snippets.codeActions(uri, d.range));
    assert.ok(action?.edit?.documentChanges, 'the template fix is offered as a versioned edit');
    const dc = action.edit.documentChanges[0]!;
    const snippet = 'edits' in dc ? dc.edits.find((e) => 'snippet' in e) : undefined;
    assert.ok(snippet && 'snippet' in snippet, `one edit is a snippet: ${JSON.stringify(dc)}`);
    assert.match(snippet.snippet.value, /\$\{1:\[[^\]]+\]\}/, 'the first slot is tab stop 1, its text selected');
    const expected = applyEdits(text, engineFix.edits);
    assert.equal(
      snippets.applyWorkspaceEdit(uri, action.edit),
      expected,
      'before anything is typed, the snippet inserts exactly the template',
    );
  } finally {
    snippets.dispose();
  }

  // A client without snippet support gets the same fix as plain text.
  const uri = await c.open('template-plain.md', text);
  const [d] = (await c.waitForDiagnostics(uri, 1)).filter((x) => x.code === 'tradeoffs/unstated');
  const plain = templateOf(await c.codeActions(uri, d!.range));
  assert.ok(plain?.edit && !JSON.stringify(plain.edit).includes('"snippet"'), 'no snippet edit for a client that did not ask for them');
  assert.equal(c.applyWorkspaceEdit(uri, plain.edit), applyEdits(text, engineFix.edits));
});

test('snippetDefault: tab stops keep their text, escapes are undone', () => {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: snippet syntax, not a template.
  assert.equal(snippetDefault('Tradeoff: ${1:[what we give up]} \\$5 \\} $2end'), 'Tradeoff: [what we give up] $5 } end');
});

test('"Disable for this line" inserts an indented comment above the line; "for this file" goes after the front matter', async () => {
  const text = '---\npresence: executive\n---\n# Plan\n\n1. Pricing\n\n   I think we should raise prices.\n';
  const { uri, hedge } = await openWithHedge('disable.md', text);
  const actions = await c.codeActions(uri, hedge.range);
  const line = actions.find((a) => a.title === 'Disable conviction/hedge for this line');
  const file = actions.find((a) => a.title === 'Disable conviction/hedge for this file');
  assert.ok(line && file, `disable actions offered: ${actions.map((a) => a.title).join(' | ')}`);
  const lined = c.applyWorkspaceEdit(uri, line.edit);
  assert.equal(lined, text.replace('   I think', '   <!-- presence-disable-next-line conviction/hedge -->\n   I think'));
  assert.equal(
    c.applyWorkspaceEdit(uri, file.edit),
    text.replace('---\n# Plan', '---\n<!-- presence-disable conviction/hedge -->\n\n# Plan'),
  );

  const after = await setText(uri, lined);
  assert.deepEqual(essentials(after), expectedDiagnostics(lined), 'the server republishes what the engine finds in the new text');
  if (!engineResult(lined).findings.some((f) => f.ruleId === 'conviction/hedge')) assert.equal(hedges(after).length, 0);
});

test('a second disable on the same line joins the existing comment instead of stacking one above it', async () => {
  const text = '# Plan\n\n<!-- presence-disable-next-line composure/apology -->\nI think we should go.\n';
  const { uri, hedge } = await openWithHedge('join.md', text);
  const line = (await c.codeActions(uri, hedge.range)).find((a) => a.title === 'Disable conviction/hedge for this line');
  assert.equal(c.applyWorkspaceEdit(uri, line?.edit), text.replace('apology -->', 'apology conviction/hedge -->'));
});

test('source.fixAll.presence applies every safe fix at once and matches presence/fixAll', async () => {
  const text = '# Plan\n\nI think we should ship in May.\n\nRevenue is $2M.\n\nI think the team can hold the date.\n';
  const uri = await c.open('fixall.md', text);
  const before = await c.waitForDiagnostics(uri, 1);
  const safe = engineResult(text).findings.filter((f) => f.fixes.some((x) => x.safe));
  assert.ok(safe.length > 0);

  assert.equal(
    (await c.codeActions(uri, [0, 0])).filter((a) => a.kind === 'source.fixAll.presence').length,
    0,
    'not offered in the light bulb',
  );
  assert.equal((await c.codeActions(uri, [0, 0], ['quickfix'])).filter((a) => a.kind !== 'quickfix').length, 0);
  const onSave = await c.codeActions(uri, [0, 0], ['source.fixAll']);
  assert.deepEqual(
    onSave.map((a) => a.kind),
    ['source.fixAll.presence'],
  );
  const requested = await c.request<TextEdit[]>(FixAllRequest, { uri });
  assert.deepEqual(editsFor(uri, onSave[0]!.edit), requested);
  const doc = TextDocument.create('x:y', 'markdown', 1, text);
  assert.deepEqual(
    requested,
    safeFixEdits(engineResult(text).findings).map((e) => ({
      range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) },
      newText: e.newText,
    })),
  );

  const fixed = c.applyWorkspaceEdit(uri, onSave[0]!.edit);
  const count = (t: string) => t.match(/I think/g)?.length ?? 0;
  const safeHedges = safe.filter((f) => f.ruleId === 'conviction/hedge').length;
  assert.equal(hedges(before).length, safeHedges);
  assert.equal(count(fixed), count(text) - safeHedges, 'every flagged hedge was fixed in one go');
  assert.ok(fixed.includes('Revenue is $2M.'), 'text between fixes untouched');
  const after = await setText(uri, fixed);
  assert.deepEqual(essentials(after), expectedDiagnostics(fixed));
});

test('presence/fix returns the named fix for the analysed version, and null for a stale one', async () => {
  const text = '# Plan\n\nI think we should go.\n';
  const { uri } = await openWithHedge('fixreq.md', text);
  const score = await c.request<ScoreResult>('presence/score', { uri });
  const index = score.findings.findIndex((f) => f.ruleId === 'conviction/hedge');
  const title = engineResult(text).findings[index]!.fixes[0]!.title;
  const edit = await c.request<WorkspaceEdit | null>(FixRequest, { uri, finding: index, title, version: score.version });
  assert.ok(edit);
  assert.equal(hedges(await setText(uri, c.applyWorkspaceEdit(uri, edit))).length, 0);
  assert.equal(await c.request(FixRequest, { uri, finding: index, title, version: 1 }), null, 'version 1 is gone');
  assert.equal(await c.request(FixRequest, { uri, finding: 99, title }), null);
  await assert.rejects(c.request(FixRequest, { uri }), /needs/);
});

test('code actions requested with diagnostics of an older version still fix the current text', async () => {
  const text = 'I think we should go.\n';
  const { uri, hedge } = await openWithHedge('stale.md', text);
  const v2 = c.insert(uri, 0, 'Today. ');
  const result = await c.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: 0, character: 7 }, end: { line: 0, character: 14 } },
    context: { diagnostics: [hedge] },
  });
  const fix = result.find((a) => !disable(a) && a.isPreferred);
  assert.ok(fix);
  assert.equal((fix.edit!.documentChanges![0] as { textDocument: { version: number } }).textDocument.version, v2);
  const fixed = c.applyWorkspaceEdit(uri, fix.edit);
  assert.ok(fixed.startsWith('Today. '));
  assert.equal(hedges(await setText(uri, fixed)).length, 0);
});

test('clients without documentChanges get plain `changes` edits', async () => {
  const plain = await LspClient.start({ documentChanges: false });
  try {
    const uri = await plain.open('plain.md', 'I think we should go.\n');
    const [hedge] = hedges(await plain.waitForDiagnostics(uri, 1));
    const actions = await plain.codeActions(uri, hedge!.range);
    assert.ok(actions.length > 0);
    for (const a of actions) {
      assert.equal(a.edit?.documentChanges, undefined);
      assert.ok(a.edit?.changes?.[uri]?.length);
    }
  } finally {
    plain.dispose();
  }
});
