// Diagnostics over a real stdio connection: mapping of findings, incremental edits, debouncing and version ordering.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { comparable, LspClient, measureKeystrokeLatency, PACKAGE_ROOT } from './lspClient.js';
import { engineResult, essentials, expectedDiagnostics, hedges, rangeText } from './expected.js';

let c: LspClient;
before(async () => {
  c = await LspClient.start();
});
after(() => c.dispose());

const MEMO = '# Launch plan\n\nI think we should move the launch to October.\n\nThe pilot starts in May.\n';

test('advertises incremental sync, hover and both code action kinds', async () => {
  const caps = c.initializeResult.capabilities;
  const sync = caps.textDocumentSync;
  assert.equal(typeof sync === 'object' ? sync.change : sync, 2);
  assert.ok(caps.hoverProvider);
  const kinds = typeof caps.codeActionProvider === 'object' ? caps.codeActionProvider.codeActionKinds : [];
  assert.deepEqual(kinds, ['quickfix', 'source.fixAll.presence']);
  await c.until(() => c.registrations.some((r) => r.method === 'workspace/didChangeConfiguration'), 'registration for settings changes');
});

test('publishes the engine findings as diagnostics, with source, rule code, doc link and finding data', async () => {
  const uri = await c.open('open.md', MEMO);
  const ds = await c.waitForDiagnostics(uri, 1);
  assert.deepEqual(essentials(ds, uri), expectedDiagnostics(MEMO));
  const { findings } = engineResult(MEMO);
  const [hedge] = hedges(ds);
  assert.ok(hedge, 'the hedge is flagged');
  assert.match(rangeText(MEMO, hedge), /think/);
  ds.forEach((d, i) => {
    assert.equal(d.source, 'presence');
    assert.deepEqual(d.data, { version: 1, index: i });
    // The rule's doc page, resolved against the package root (the folder above dist/).
    assert.equal(fileURLToPath(d.codeDescription!.href), path.join(PACKAGE_ROOT, findings[i]!.doc));
  });
});

test('incremental edits are applied in order and diagnostics follow the text', async () => {
  const uri = await c.open('edit.md', 'We will ship in October.\n');
  assert.equal(hedges(await c.waitForDiagnostics(uri, 1)).length, 0);
  // Two changes in one notification: the second range refers to the text after the first.
  const v = c.change(uri, [
    { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 2 } }, text: 'I think we' },
    { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '\nThe pilot starts in May.\n' },
  ]);
  assert.equal(c.text(uri), 'I think we will ship in October.\n\nThe pilot starts in May.\n');
  const ds = await c.waitForDiagnostics(uri, v);
  assert.deepEqual(essentials(ds), expectedDiagnostics(c.text(uri)));
  assert.deepEqual(hedges(ds)[0]?.range.start, { line: 0, character: 0 });
  const v2 = c.replace(uri, 0, 'I think we'.length, 'We');
  assert.equal(hedges(await c.waitForDiagnostics(uri, v2)).length, 0);
});

async function burst(debounceMs: number | undefined, name: string): Promise<void> {
  const settings = debounceMs === undefined ? {} : { debounceMs };
  const b = await LspClient.start({ settings });
  try {
    const start = '# Plan\n\nShip it.\n';
    const uri = await b.open(name, start);
    await b.waitForDiagnostics(uri, 1);
    const typed = 'I think we should maybe wait. I think not! ';
    let v = 1;
    let at = start.indexOf('Ship');
    for (let i = 0; i < 200; i++) {
      if (i % 25 === 24) {
        v = b.replace(uri, at - 1, at, ''); // a backspace now and then
        at--;
      } else {
        v = b.insert(uri, at, typed[i % typed.length]!);
        at++;
      }
    }
    const final = b.text(uri);
    const ds = await b.waitForDiagnostics(uri, v, 10_000);
    const versions = b.published.filter((p) => p.uri === uri).map((p) => p.version!);
    assert.deepEqual(
      versions,
      [...versions].sort((x, y) => x - y),
      `never an older version after a newer one: ${versions.join(',')}`,
    );
    assert.equal(new Set(versions).size, versions.length, 'each version published once');
    if (debounceMs === undefined) assert.ok(versions.length <= 5, `debounced: ${versions.length} publishes for 200 edits`);
    const fresh = await b.open(`fresh-${name}`, final);
    const expected = await b.waitForDiagnostics(fresh, 1);
    assert.deepEqual(ds.map(comparable), expected.map(comparable));
    assert.deepEqual(essentials(ds), expectedDiagnostics(final));
    assert.ok(hedges(ds).length > 0);
  } finally {
    b.dispose();
  }
}

test('a burst of 200 single-character edits ends with the diagnostics of the final text (default debounce)', () =>
  burst(undefined, 'burst.md'));
test('a burst of 200 single-character edits with no debounce publishes versions in order', () => burst(0, 'burst0.md'));

test('closing a document clears its diagnostics', async () => {
  const uri = await c.open('closing.md', MEMO);
  assert.ok((await c.waitForDiagnostics(uri, 1)).length > 0);
  const cleared = c.waitForPublish(uri);
  await c.close(uri);
  assert.deepEqual((await cleared).diagnostics, []);
});

test('measureKeystrokeLatency (the benchmark helper) times one publish per keystroke', async () => {
  const samples = await measureKeystrokeLatency(20);
  assert.equal(samples.length, 20);
  for (const ms of samples) assert.ok(Number.isFinite(ms) && ms > 0 && ms < 5000, `sample ${ms}`);
});

test('a document with thousands of findings publishes the 1,000 most severe and says how many there are', async () => {
  // Hedges everywhere (warnings and information), and an error-severity rubric finding at the top.
  const text = `---\npresence: no-such-rubric\n---\n# Notes\n\n${'I think maybe we could possibly ship it soon. '.repeat(1400)}\n`;
  const all = engineResult(text).findings;
  assert.ok(all.length > 1200, `the engine reports ${all.length} findings`);
  const uri = await c.open('flood.md', text);
  const ds = await c.waitForDiagnostics(uri, 1, 30_000);
  assert.equal(ds.length, 1001);
  const note = ds.find((d) => d.code === 'presence/too-many-findings');
  assert.match(String(note?.message ?? ''), new RegExp(`shows 1,000 of the ${all.length.toLocaleString('en-US')} findings`));
  assert.ok(
    ds.some((d) => d.code === 'rubric/invalid'),
    'the error is among those shown',
  );
  // The severities shown are exactly the 1,000 most severe of all the findings.
  const LSP = { error: 1, warning: 2, information: 3, hint: 4 } as const;
  const count = (xs: number[]) => {
    const m: Record<number, number> = {};
    for (const x of xs) m[x] = (m[x] ?? 0) + 1;
    return m;
  };
  const expected = all
    .map((f) => LSP[f.severity])
    .sort((a, b) => a - b)
    .slice(0, 1000);
  assert.deepEqual(count(ds.filter((d) => d !== note).map((d) => d.severity ?? 0)), count(expected));
  await c.close(uri);
});
