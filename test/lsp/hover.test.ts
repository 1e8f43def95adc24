// Hover over a finding: the message, then "Why it matters", "Before" and "After" from the rule's doc page.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { MarkupContent } from 'vscode-languageserver-protocol';
import { LspClient, PACKAGE_ROOT } from './lspClient.js';
import { engineResult, hedges } from './expected.js';

const TEXT = '# Plan\n\nWe ship in May. I think we should add a second region.\n';
const PAGE = `# Hedged claim (\`conviction/hedge\`)

Flags softeners in a claim.

## Why it matters

Readers discount a claim its author will not stand behind.

## Before

> I think we should add a region.

## After

> We should add a region.

## Turn it off

Set the rule's severity to off.
`;

async function hoverHedge(packageRoot: string, page?: string): Promise<{ value: string; offset: number; range: unknown; c: LspClient }> {
  const c = await LspClient.start({ env: { PRESENCE_PACKAGE_ROOT: packageRoot } });
  const uri = await c.open('hover.md', TEXT);
  const [hedge] = hedges(await c.waitForDiagnostics(uri, 1));
  assert.ok(hedge);
  // The page lives where the diagnostic's link says: under the package root, at the finding's `doc` path.
  const pageFile = fileURLToPath(hedge.codeDescription!.href);
  assert.ok(pageFile.startsWith(packageRoot + path.sep));
  if (page !== undefined) {
    fs.mkdirSync(path.dirname(pageFile), { recursive: true });
    fs.writeFileSync(pageFile, page);
  }
  const offset = c.doc(uri).offsetAt(hedge.range.start) + 1;
  const h = await c.hover(uri, offset);
  assert.ok(h, 'a hover over the finding');
  return { value: (h.contents as MarkupContent).value, offset, range: h.range, c };
}

test('hover shows the rule title (the diagnostic already shows the message), then why it matters and the before/after', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'presence-pkg-'));
  const { value, offset, range, c } = await hoverHedge(root, PAGE);
  try {
    const message = engineResult(TEXT).findings.find((f) => f.ruleId === 'conviction/hedge')!.message;
    const order = [
      '**Hedged claim** `conviction/hedge`',
      'Why it matters',
      'Readers discount a claim',
      'Before',
      '> I think we should add a region.',
      'After',
      '> We should add a region.',
    ];
    const at = order.map((s) => value.indexOf(s));
    assert.ok(
      at.every((i) => i >= 0),
      `all parts present:\n${value}`,
    );
    assert.deepEqual(
      at,
      [...at].sort((a, b) => a - b),
      `in order:\n${value}`,
    );
    assert.ok(!value.includes('Turn it off') && !value.includes('Flags softeners'), 'only the sections a hover needs');
    assert.ok(!value.includes(message.slice(0, 30)), 'the message is not repeated');
    // Every finding under the cursor is explained; the range spans them all.
    const under = engineResult(TEXT).findings.filter((f) => f.start <= offset && offset < f.end);
    const doc = c.doc(c.uri('hover.md'));
    assert.deepEqual(range, {
      start: doc.positionAt(Math.min(...under.map((f) => f.start))),
      end: doc.positionAt(Math.max(...under.map((f) => f.end))),
    });
    for (const f of under) assert.ok(value.includes(f.ruleId), `${f.ruleId} explained`);
    const uri = c.uri('hover.md');
    assert.equal(await c.hover(uri, 2), null, 'nothing to say over the title');
  } finally {
    c.dispose();
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('without a doc page the hover is just the message', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'presence-pkg-'));
  const { value, c } = await hoverHedge(root);
  try {
    assert.ok(value.includes('conviction/hedge'));
    assert.ok(!value.includes('Why it matters'));
    assert.ok(!value.includes('file://'), 'no link to a page that does not exist');
  } finally {
    c.dispose();
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test("the package's own doc page for the hedge rule has the sections the hover reads", async (t) => {
  const doc = engineResult(TEXT).findings.find((f) => f.ruleId === 'conviction/hedge')!.doc;
  if (!fs.existsSync(path.join(PACKAGE_ROOT, doc))) return t.skip(`${doc} not written yet`);
  const { value, c } = await hoverHedge(PACKAGE_ROOT);
  c.dispose();
  for (const s of ['Why it matters', 'Before', 'After']) assert.ok(value.includes(`**${s}**`), `${s} in:\n${value}`);
});
