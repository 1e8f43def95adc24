// Edge cases of what the server is given (issue 8, items 12 and 11): document versions that go backwards, and
// presence/scoreFile on files that are not regular files or are too large to read.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { ScoreFileRequest, type ScoreResult } from '../../server/src/protocol.js';
import { LspClient } from './lspClient.js';
import { essentials, expectedDiagnostics } from './expected.js';

const TEXT = '# Plan\n\nI think we should raise prices by 8% in March.\n';

test('a change whose version goes backwards is new text all the same: its diagnostics are published', { timeout: 30_000 }, async (t) => {
  const c = await LspClient.start();
  t.after(() => c.dispose());
  const uri = c.uri('backwards.md');
  await c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 5, text: TEXT } });
  assert.deepEqual(essentials(await c.waitForDiagnostics(uri, 5)), expectedDiagnostics(TEXT));

  const lower = TEXT + '\nMaybe we could also hire. It was decided by the team.\n';
  await c.notify('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text: lower }] });
  assert.deepEqual(essentials(await c.waitForDiagnostics(uri, 3)), expectedDiagnostics(lower), 'version 3 after version 5 is published');

  // The same version number again, with other text: still the text's own diagnostics.
  const again = '# Plan\n\nRevenue grew 12% to $4.1M in March.\n';
  const before = c.published.length;
  await c.notify('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text: again }] });
  await c.until(() => c.published.slice(before).some((p) => p.uri === uri), 'a publish for the repeated version');
  assert.deepEqual(essentials(c.lastDiagnostics(uri)!.diagnostics), expectedDiagnostics(again));
  assert.equal(await c.shutdown(), 0);
});

test('scoreFile refuses named pipes and files over the size limit at once, saying why, and keeps scoring others', {
  timeout: 20_000,
  skip: process.platform === 'win32' && 'needs mkfifo',
}, async (t) => {
  const c = await LspClient.start();
  t.after(() => c.dispose());
  const dir = path.join(c.workspace, 'odd');
  fs.mkdirSync(dir);
  // Four pipes: the size of libuv's thread pool, which blocking reads used to fill.
  const fifos = [1, 2, 3, 4].map((i) => path.join(dir, `pipe${i}.md`));
  const made = spawnSync('mkfifo', fifos);
  assert.equal(made.status, 0, `mkfifo: ${made.stderr}`);
  const huge = path.join(dir, 'huge.md');
  fs.closeSync(fs.openSync(huge, 'w'));
  fs.truncateSync(huge, 60 * 1024 * 1024); // sparse: over the 50 MB limit without writing it
  const answers = await Promise.allSettled(
    [...fifos, huge].map((f) => c.request<ScoreResult | null>(ScoreFileRequest, { uri: pathToFileURL(f).href })),
  );
  // Errors that say why (the audit lists them with the reason), not null (which it counts as excluded).
  const reasons = answers.map((a) => (a.status === 'rejected' ? String(a.reason) : `answered ${JSON.stringify(a.value)}`));
  for (const r of reasons.slice(0, 4)) assert.match(r, /Presence did not read pipe\d\.md: it is a named pipe \(FIFO\), not a regular file/);
  assert.match(reasons[4], /Presence did not read huge\.md: it is 60\.0 MB, over the 50 MB limit/);
  assert.ok(
    c.logs.some((l) => /not scoring .*pipe1\.md: it is a named pipe \(FIFO\), not a regular file/.test(l)),
    c.logs.join(' | '),
  );
  assert.ok(
    c.logs.some((l) => /not scoring .*huge\.md: it is 60\.0 MB, over the 50 MB limit/.test(l)),
    c.logs.join(' | '),
  );
  for (const f of [...fifos, huge])
    assert.equal(c.lastDiagnostics(pathToFileURL(f).href), undefined, 'nothing published for a file not read');

  // The thread pool is free: a regular file is still read and scored.
  const ok = await c.request<ScoreResult | null>(ScoreFileRequest, { uri: c.writeFile('odd/fine.md', TEXT) });
  assert.ok(ok && ok.words > 0);
  assert.equal(await c.shutdown(), 0);
});
