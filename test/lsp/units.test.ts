// Unit tests of the server's pure helpers: offset ↔ position conversion, settings validation,
// disable-comment placement and rubric resolution.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../../server/src/engine/types.js';
import { disableFileEdit, disableLineEdit, wants } from '../../server/src/lsp/codeActions.js';
import { LineIndex } from '../../server/src/lsp/positions.js';
import { parseDocPage } from '../../server/src/lsp/ruleDocs.js';
import { DEFAULT_SETTINGS, MAX_GLOBS, parseSettings } from '../../server/src/lsp/settings.js';
import { WorkspaceRubrics } from '../../server/src/lsp/workspaceRubrics.js';

test('LineIndex agrees with vscode-languageserver-textdocument on every offset, for every kind of line break', () => {
  const text = 'a\r\nbc\rd\n\n😀 é\r\n';
  const lines = new LineIndex(text);
  const ref = TextDocument.create('x:y', 'markdown', 1, text);
  for (let o = 0; o <= text.length; o++) {
    const p = lines.positionAt(o);
    const q = ref.positionAt(o);
    assert.deepEqual(p, q, `offset ${o}`);
    assert.equal(lines.offsetAt(q), ref.offsetAt(q), `back from ${JSON.stringify(q)}`);
  }
  assert.equal(lines.lineCount, 6);
  assert.deepEqual(
    [0, 1, 2, 3, 4, 5].map((l) => lines.lineText(l)),
    ['a', 'bc', 'd', '', '😀 é', ''],
  );
  assert.deepEqual(lines.positionAt(-5), { line: 0, character: 0 });
  assert.deepEqual(lines.positionAt(999), ref.positionAt(999));
  assert.equal(lines.offsetAt({ line: 0, character: 50 }), 1, 'a character past the end clamps before the break');
  assert.equal(lines.offsetAt({ line: 40, character: 0 }), text.length);
  assert.equal(lines.eol, '\r\n');
});

test('settings: valid values are taken, invalid ones fall back to defaults and are named', () => {
  assert.deepEqual(parseSettings(undefined), { settings: { ...DEFAULT_SETTINGS }, invalid: [] });
  const ok = parseSettings({
    enable: false,
    rubric: 'board-update',
    rubricByGlob: { 'board/**': 'board-update' },
    severity: { conviction: 'error', 'composure/apology': 'off' },
    staleAfterMonths: 3,
    exclude: ['drafts/**'],
    debounceMs: 0,
  });
  assert.deepEqual(ok.invalid, []);
  assert.equal(ok.settings.enable, false);
  assert.equal(ok.settings.debounceMs, 0);
  assert.deepEqual(ok.settings.severity, { conviction: 'error', 'composure/apology': 'off' });
  const bad = parseSettings({
    enable: 'yes',
    rubric: '',
    severity: { conviction: 'loud', concision: 'hint' },
    staleAfterMonths: -1,
    exclude: 'drafts',
    debounceMs: 'fast',
    rubricByGlob: [],
  });
  assert.deepEqual(bad.invalid.sort(), [
    'presence.debounceMs',
    'presence.enable',
    'presence.exclude',
    'presence.rubric',
    'presence.rubricByGlob',
    'presence.severity',
    'presence.staleAfterMonths',
  ]);
  assert.equal(bad.settings.enable, true);
  assert.equal(bad.settings.debounceMs, 100);
  assert.equal(bad.settings.rubric, 'executive');
  assert.equal(bad.settings.staleAfterMonths, undefined);
  assert.deepEqual(bad.settings.severity, { concision: 'hint' }, 'the valid entries of a partly invalid object are kept');
  assert.deepEqual(parseSettings({ debounceMs: null }).invalid, [], 'null means unset');
  // Glob lists are bounded: past MAX_GLOBS the rest is ignored and reported, the first ones still apply.
  const many = Array.from({ length: MAX_GLOBS + 50 }, (_, i) => `drafts-${i}/**`);
  const capped = parseSettings({ exclude: many, rubricByGlob: Object.fromEntries(many.map((g) => [g, 'board-update'])) });
  assert.deepEqual(capped.invalid.sort(), ['presence.exclude', 'presence.rubricByGlob']);
  assert.equal(capped.settings.exclude.length, MAX_GLOBS);
  assert.equal(Object.keys(capped.settings.rubricByGlob).length, MAX_GLOBS);
  assert.equal(capped.settings.exclude[0], 'drafts-0/**');
});

function finding(start: number, end: number, fixes: Finding['fixes'], ruleId = 'conviction/hedge'): Finding {
  return { ruleId, dimension: 'conviction', severity: 'warning', message: 'm', start, end, cost: 1, fixes, doc: '' };
}

test('disable-next-line goes above the finding line with its indentation, or joins a comment already there', () => {
  const text = '# T\n\n1. One\n\n   I think so.\n';
  const at = text.indexOf('I think');
  const lines = new LineIndex(text);
  const e = disableLineEdit(lines, finding(at, at + 7, []))!;
  const out = text.slice(0, e.start) + e.newText + text.slice(e.end);
  assert.equal(out, '# T\n\n1. One\n\n   <!-- presence-disable-next-line conviction/hedge -->\n   I think so.\n');

  const joined = '<!-- presence-disable-next-line composure/apology -->\r\nI think so.\r\n';
  const j = disableLineEdit(new LineIndex(joined), finding(joined.indexOf('I think'), joined.indexOf('I think') + 7, []))!;
  assert.equal(
    joined.slice(0, j.start) + j.newText + joined.slice(j.end),
    '<!-- presence-disable-next-line composure/apology conviction/hedge -->\r\nI think so.\r\n',
  );
  assert.equal(
    disableLineEdit(new LineIndex('<!-- presence-disable-next-line conviction/hedge -->\nI think'), finding(53, 60, [])),
    undefined,
  );
});

test('disable-for-file goes after the front matter (or at the top) with a blank line', () => {
  const apply = (text: string) => {
    const e = disableFileEdit(new LineIndex(text), 'conviction/hedge')!;
    return text.slice(0, e.start) + e.newText + text.slice(e.end);
  };
  assert.equal(
    apply('---\npresence: board-update\n---\n# Memo\n'),
    '---\npresence: board-update\n---\n<!-- presence-disable conviction/hedge -->\n\n# Memo\n',
  );
  assert.equal(apply('# Memo\n'), '<!-- presence-disable conviction/hedge -->\n\n# Memo\n');
  assert.equal(apply('---\na: 1\n---'), '---\na: 1\n---\n<!-- presence-disable conviction/hedge -->\n\n');
  assert.equal(
    apply('<!-- presence-disable composure/apology -->\n\n# Memo\n'),
    '<!-- presence-disable composure/apology conviction/hedge -->\n\n# Memo\n',
  );
  assert.equal(
    apply('---\nno end\n# Memo\n'),
    '<!-- presence-disable conviction/hedge -->\n\n---\nno end\n# Memo\n',
    'an unclosed fence is not front matter',
  );
});

test('code action kinds: a requested kind covers its sub-kinds only', () => {
  assert.ok(wants(undefined, 'quickfix'));
  assert.ok(wants(['source.fixAll'], 'source.fixAll.presence'));
  assert.ok(wants(['source'], 'source.fixAll.presence'));
  assert.ok(!wants(['source.fixAll.eslint'], 'source.fixAll.presence'));
  assert.ok(!wants(['quickfix'], 'source.fixAll.presence'));
  assert.ok(!wants(['source.fixAll'], 'quickfix'));
});

test('doc pages split at ## headings, ignoring headings inside fenced code', () => {
  const page = parseDocPage(
    '# Hedged claim (`conviction/hedge`)\n\nIntro.\n\n## Why it matters\n\nReaders discount.\n\n## Before\n\n```md\n## not a heading\n```\n\n## After\n\nWe will.\n\n## Turn it off\n\nSet it.\n',
  );
  assert.deepEqual([...page.sections.keys()], ['Why it matters', 'Before', 'After', 'Turn it off']);
  assert.equal(page.sections.get('Why it matters'), 'Readers discount.');
  assert.equal(page.sections.get('Before'), '```md\n## not a heading\n```');
});

test('workspace rubrics resolve by file name and by path relative to the document, and not at all when untrusted', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'presence-rubrics-'));
  try {
    fs.mkdirSync(path.join(dir, '.presence', 'rubrics'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'style'));
    fs.mkdirSync(path.join(dir, 'docs'));
    fs.writeFileSync(path.join(dir, '.presence', 'rubrics', 'team.json'), '{"description":"Team"}');
    fs.writeFileSync(path.join(dir, 'style', 'memo.json'), '{"description":"Memo"}');
    const sent: string[] = [];
    // Only the two members WorkspaceRubrics uses; a full Connection needs a live stream.
    const connection = {
      sendDiagnostics: async (p: { uri: string }) => void sent.push(p.uri),
      console: { error: () => {} },
    } as unknown as Connection;
    const rubrics = new WorkspaceRubrics(connection, () => '');
    rubrics.setFolders([pathToFileURL(dir).href]);
    await rubrics.reload();
    const resolve = rubrics.resolver(pathToFileURL(path.join(dir, 'docs', 'plan.md')).href);
    assert.deepEqual(resolve('team'), { path: '.presence/rubrics/team.json', text: '{"description":"Team"}' });
    assert.deepEqual(resolve('../style/memo.json'), { path: 'style/memo.json', text: '{"description":"Memo"}' });
    assert.equal(resolve('nope'), undefined);
    assert.equal(resolve('../style/none.json'), undefined);
    assert.deepEqual(
      sent.sort(),
      [
        pathToFileURL(path.join(dir, '.presence', 'rubrics', 'team.json')).href,
        pathToFileURL(path.join(dir, 'style', 'memo.json')).href,
      ].sort(),
      'problems published for both files',
    );
    assert.deepEqual(
      rubrics
        .list(undefined)
        .filter((r) => r.source !== 'built-in')
        .map((r) => [r.name, r.description]),
      [['team', 'Team']],
    );
    assert.ok(
      rubrics.concerns(pathToFileURL(path.join(dir, 'style', 'memo.json')).href),
      'a path rubric that was read is watched for saves',
    );
    rubrics.setTrusted(false);
    await rubrics.reload();
    assert.equal(resolve('team'), undefined);
    assert.equal(resolve('../style/memo.json'), undefined);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
