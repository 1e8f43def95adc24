// Hardening of the language server, against the real bundle (`node dist/server.js --stdio`): seeded random edit
// sequences, huge and binary documents, malformed and unknown messages, raw garbage, cancellation, a client that
// vanishes, and memory over a long editing session. Seeded, so a failure reproduces; every test has its own timeout.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Range } from 'vscode-languageserver-protocol';
import { comparable, LspClient } from '../lsp/lspClient.js';
import { essentials, expectedDiagnostics } from '../lsp/expected.js';
import { NO_PARAMS, RawLsp, type Message } from './rawLsp.js';
import { rng } from '../support/rng.ts';

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const int = (r: () => number, n: number): number => Math.floor(r() * n);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Markdown syntax, prose the rules react to, line breaks of every kind, emoji, combining marks and lone surrogates. */
const PIECES = [
  '# ',
  '## ',
  '### ',
  '- ',
  '  - ',
  '1. ',
  '> ',
  '```',
  '```\n',
  '~~~',
  '    ',
  '\t',
  '| a | b |\n|---|---|\n',
  '---',
  '***',
  '**',
  '*',
  '_',
  '`',
  '[',
  ']',
  '(',
  ')',
  '](https://example.com/x)',
  '<',
  '>',
  '<!--',
  '-->',
  '<!-- presence-disable -->',
  '<!-- presence-disable-next-line conviction/hedge -->',
  '<div>',
  '</div>',
  '\n',
  '\n\n',
  '\r\n',
  '\r',
  ' ',
  '  ',
  '\\',
  '---\npresence: board-update\n---\n',
  '---\npresence: nope\n---\n',
  'I think we should',
  'maybe',
  'perhaps',
  'the launch was delayed by the vendor',
  'it was decided',
  'significant',
  'soon',
  'in order to',
  'Unfortunately, ',
  'EXTREMELY IMPORTANT',
  '!',
  '?',
  '.',
  'e.g.',
  '$1.2M',
  '3.5%',
  'Q3 2025',
  'March 2024',
  'Should we expand?',
  'I recommend we ship in October.',
  'TBD',
  'Revenue grew 12% to $4.1M.',
  'We worked on the integration for several weeks.',
  'Approve the budget of $40k.',
  'no downside',
  'synergy',
  '😀',
  '👍🏽',
  '🚀',
  '👩‍👩‍👧',
  'e\u0301',
  '\u0301',
  '\ud83d',
  '\ude00',
  '\u0000',
  '\u202e',
  'שלום',
  '日本語です。',
  'café',
  '\ufeff',
  ' word'.repeat(40),
];

function randomText(r: () => number, pieces: number): string {
  let s = '';
  for (let i = 0; i < pieces; i++) s += r() < 0.85 ? pick(r, PIECES) : ' ';
  return s;
}

/** A random change against `doc` (offsets in UTF-16 code units, so a range may split a surrogate pair or a \r\n). */
function randomChange(r: () => number, doc: TextDocument): { range: Range; text: string } {
  const len = doc.getText().length;
  const at = int(r, len + 1);
  const x = r();
  if (x < 0.08) {
    // Raw positions, possibly past the end of a line or of the document: both ends clamp them the same way.
    const line = int(r, doc.lineCount + 2);
    return {
      range: { start: { line, character: int(r, 120) }, end: { line: line + int(r, 2), character: int(r, 120) } },
      text: pick(r, PIECES),
    };
  }
  let end = at;
  let text = '';
  if (x < 0.5)
    text = r() < 0.3 ? pick(r, PIECES) + pick(r, PIECES) : pick(r, PIECES); // insert
  else if (x < 0.75)
    end = Math.min(len, at + 1 + int(r, r() < 0.8 ? 12 : 300)); // delete
  else {
    end = Math.min(len, at + int(r, 40)); // replace
    text = pick(r, PIECES);
  }
  return { range: { start: doc.positionAt(at), end: doc.positionAt(end) }, text };
}

function within(doc: TextDocument, d: Diagnostic): boolean {
  const ok = (p: { line: number; character: number }) => {
    if (p.line < 0 || p.line >= doc.lineCount || p.character < 0) return false;
    const start = doc.offsetAt({ line: p.line, character: 0 });
    const next = p.line + 1 < doc.lineCount ? doc.offsetAt({ line: p.line + 1, character: 0 }) : doc.getText().length;
    return start + p.character <= next;
  };
  return ok(d.range.start) && ok(d.range.end);
}

test('property: after random edit sequences the last publish equals a fresh open of the final text and the engine', {
  timeout: 60_000,
}, async (t) => {
  const SEQUENCES = 24;
  const EDITS = 50;
  const c = await LspClient.start({ settings: { debounceMs: 0 } });
  t.after(() => c.dispose());
  let changes = 0;
  for (let s = 0; s < SEQUENCES; s++) {
    const seed = 0x5eed0000 + s;
    const r = rng(seed);
    const uri = await c.open(`seq-${s}.md`, randomText(r, 20 + int(r, 60)));
    let v = 1;
    for (let e = 0; e < EDITS; e++) {
      const n = r() < 0.15 ? 2 + int(r, 2) : 1; // several changes in one notification: each range refers to the text after the previous one
      const batch: { range: Range; text: string }[] = [];
      const shadow = TextDocument.create('x:y', 'markdown', 0, c.text(uri));
      for (let k = 0; k < n; k++) {
        const ch = randomChange(r, shadow);
        batch.push(ch);
        TextDocument.update(shadow, [ch], shadow.version + 1);
      }
      v = c.change(uri, batch);
      changes += n;
      // Let some intermediate versions be analysed too, so incremental re-analysis runs on many different states.
      const y = r();
      if (y < 0.1) await c.waitForDiagnostics(uri, v, 10_000);
      else if (y < 0.3) await sleep(int(r, 4));
    }
    const final = c.text(uri);
    const ds = await c.waitForDiagnostics(uri, v, 10_000);
    const versions = c.published.filter((p) => p.uri === uri).map((p) => p.version!);
    assert.deepEqual(
      versions,
      [...versions].sort((a, b) => a - b),
      `seed ${seed}: versions published out of order: ${versions.join(',')}`,
    );
    const fresh = await c.open(`fresh-${s}.md`, final);
    const expected = await c.waitForDiagnostics(fresh, 1, 10_000);
    const msg = `seed ${seed}: final text ${JSON.stringify(final)}`;
    assert.deepEqual(ds.map(comparable), expected.map(comparable), msg);
    assert.deepEqual(essentials(ds, uri), expectedDiagnostics(final), msg);
    const doc = c.doc(uri);
    for (const d of ds) assert.ok(within(doc, d), `${msg}: range outside the document: ${JSON.stringify(d.range)}`);
    await c.close(uri);
    await c.close(fresh);
  }
  t.diagnostic(`${SEQUENCES} sequences x ${EDITS} notifications (${changes} changes)`);
  assert.equal(c.child.exitCode, null);
  assert.equal(await c.shutdown(), 0);
});

// ---------------------------------------------------------------------------------------------------------------

const SENTENCES = [
  'I think we should maybe move the launch to October.',
  'Revenue grew 12% to $4.1M in Q3.',
  'The pilot customers asked for more time to migrate.',
  'It was decided that the vendor would own the integration.',
  'We worked on the partner integration for several weeks.',
  'Approve the October date and a budget of $40k for the contractor.',
  'Churn fell from 4.2% to 3.1% after the pricing change.',
  'Perhaps we could consider a phased rollout soon.',
];

function memo(r: () => number, minChars: number): string {
  const parts: string[] = ['# Quarterly update\n\n'];
  let size = parts[0]!.length;
  let n = 0;
  while (size < minChars) {
    let p = '';
    if (n % 12 === 0) p += `## Section ${n / 12 + 1}\n\n`;
    const k = 2 + int(r, 4);
    for (let i = 0; i < k; i++) p += (i ? ' ' : '') + pick(r, SENTENCES);
    p += '\n\n';
    parts.push(p);
    size += p.length;
    n++;
  }
  return parts.join('');
}

test('a 10 MB document gets a "too large" diagnostic quickly and a small document stays responsive meanwhile', {
  timeout: 60_000,
}, async (t) => {
  const c = await LspClient.start();
  t.after(() => c.dispose());
  const big = memo(rng(10), 10 * 1024 * 1024);
  const small = '# Plan\n\nI think we should ship in October.\n';

  const t0 = performance.now();
  const bigUri = await c.open('big.md', big);
  const smallUri = await c.open('small.md', small);
  const smallDs = await c.waitForDiagnostics(smallUri, 1, 30_000);
  const smallMs = performance.now() - t0;
  const bigDs = await c.waitForDiagnostics(bigUri, 1, 30_000);
  const bigMs = performance.now() - t0;
  t.diagnostic(
    `10 MB open -> diagnostics ${bigMs.toFixed(0)} ms (${bigDs.length} diagnostics); small document opened right after -> ${smallMs.toFixed(0)} ms`,
  );
  assert.deepEqual(essentials(smallDs), expectedDiagnostics(small));
  const tooLarge = bigDs.find((d) => d.code === 'presence/too-large');
  assert.ok(tooLarge, `a presence/too-large diagnostic among ${bigDs.length}`);
  assert.equal(tooLarge.severity, 3, 'information');
  assert.match(tooLarge.message as string, /too large/);
  assert.ok(smallMs < 5000, `small document waited ${smallMs.toFixed(0)} ms behind the 10 MB one`);
  assert.ok(bigMs < 10_000, `10 MB document took ${bigMs.toFixed(0)} ms`);

  // Typing in the huge document, and in the small one meanwhile.
  const t1 = performance.now();
  const bv = c.insert(bigUri, 20, 'x');
  const sv = c.insert(smallUri, small.length, 'Maybe later.\n');
  await c.waitForDiagnostics(smallUri, sv, 30_000);
  const smallEditMs = performance.now() - t1;
  await c.waitForDiagnostics(bigUri, bv, 30_000);
  const bigEditMs = performance.now() - t1;
  t.diagnostic(
    `edit in the 10 MB document -> ${bigEditMs.toFixed(0)} ms; concurrent edit in the small one -> ${smallEditMs.toFixed(0)} ms`,
  );
  assert.ok(smallEditMs < 5000, `small document edit waited ${smallEditMs.toFixed(0)} ms`);

  // Requests on the huge document are answered; nothing offers to "disable" a notice that disable comments ignore.
  const score = await c.request<{ uri: string; explanation?: string } | null>('presence/score', { uri: bigUri });
  assert.equal(score?.uri, bigUri);
  assert.match(score?.explanation ?? '', /too large/);
  const actions = await c.codeActions(bigUri, [0, 10]);
  assert.deepEqual(
    actions.filter((a) => a.title.includes('presence/too-large')),
    [],
  );
  assert.match(JSON.stringify(await c.hover(bigUri, 0)), /too large/);

  // Cut down to a normal size, it is analysed again.
  const whole = c.doc(bigUri);
  const sv2 = c.change(bigUri, [
    { range: { start: { line: 0, character: 0 }, end: whole.positionAt(whole.getText().length) }, text: small },
  ]);
  assert.deepEqual(essentials(await c.waitForDiagnostics(bigUri, sv2, 10_000)), expectedDiagnostics(small));

  // Closing it clears its diagnostics.
  const cleared = c.waitForPublish(bigUri);
  await c.close(bigUri);
  assert.deepEqual((await cleared).diagnostics, []);
  assert.equal(await c.shutdown(), 0);
});

test('binary-looking documents (NUL bytes, random bytes and code units) are analysed without a crash', { timeout: 30_000 }, async (t) => {
  const c = await LspClient.start();
  t.after(() => c.dispose());
  const r = rng(77);
  const bytes = Buffer.alloc(64 * 1024);
  for (let i = 0; i < bytes.length; i++) bytes[i] = int(r, 256);
  let units = '';
  for (let i = 0; i < 64 * 1024; i++) units += String.fromCharCode(int(r, 0x10000)); // lone surrogates included
  const texts: Record<string, string> = {
    'nul.md': '\u0000'.repeat(4096),
    'nul-lines.md': 'I think\u0000 we should\u0000\n\n\u0000maybe ship.\u0000\n'.repeat(200),
    'latin1.md': bytes.toString('latin1'),
    'utf8-lossy.md': bytes.toString('utf8'),
    'units.md': units,
    'surrogates.md': '\ud800\udc00\udfff\ud83d'.repeat(1000) + '\n# \ud83d heading\n\nI think \ude00 maybe.\n',
  };
  for (const [name, text] of Object.entries(texts)) {
    const t0 = performance.now();
    const uri = await c.open(name, text);
    const ds = await c.waitForDiagnostics(uri, 1, 20_000);
    assert.deepEqual(essentials(ds, uri), expectedDiagnostics(text), name);
    t.diagnostic(`${name}: ${ds.length} diagnostics in ${(performance.now() - t0).toFixed(0)} ms`);
    // An edit that splits a surrogate pair, then the same text opened fresh.
    const v = c.replace(uri, 1, 2, '\ud83d');
    const edited = await c.waitForDiagnostics(uri, v, 20_000);
    assert.deepEqual(essentials(edited, uri), expectedDiagnostics(c.text(uri)), `${name} after an edit`);
    await c.close(uri);
  }
  const alive = await c.open('alive.md', '# Plan\n\nI think we should ship.\n');
  assert.ok((await c.waitForDiagnostics(alive, 1)).length > 0);
  assert.equal(await c.shutdown(), 0);
});

// Block rules are linear in the size of a paragraph (they once compared every match with every other).
test('a 90,000-character single-paragraph document does not stall the server', { timeout: 60_000 }, async (t) => {
  const c = await LspClient.start();
  t.after(() => c.dispose());
  const para = 'I think we should maybe ship. '.repeat(3000);
  const small = '# Plan\n\nI think we should ship in October.\n';
  const t0 = performance.now();
  const paraUri = await c.open('one-paragraph.md', para);
  const smallUri = await c.open('small.md', small);
  await c.waitForDiagnostics(smallUri, 1, 50_000);
  const smallMs = performance.now() - t0;
  await c.waitForDiagnostics(paraUri, 1, 50_000);
  const paraMs = performance.now() - t0;
  t.diagnostic(
    `one paragraph of ${para.length} characters -> ${paraMs.toFixed(0)} ms; small document opened right after -> ${smallMs.toFixed(0)} ms`,
  );
  assert.ok(paraMs < 2000 && smallMs < 2000, `paragraph ${paraMs.toFixed(0)} ms, small document ${smallMs.toFixed(0)} ms`);
});

// ---------------------------------------------------------------------------------------------------------------

const MEMO = '# Launch plan\n\nI think we should move the launch to October.\n\nThe pilot starts in May.\n';

const isError = (m: Message, code?: number) => m.error !== undefined && (code === undefined || m.error.code === code);
/** Answered, without an internal error: a result (null/[] for "nothing here") or an InvalidParams error. */
function answered(m: Message, what: string): void {
  assert.ok(m.error === undefined || m.error.code === -32602, `${what}: ${JSON.stringify(m.error)}`);
}
/**
 * Answered at all. For standard methods with null or absent params, vscode-languageserver's own wrapper reads
 * `params.workDoneToken` before our handler runs and answers InternalError (-32603): a protocol error for a protocol
 * violation, and the server carries on.
 */
function anyAnswer(m: Message, what: string): void {
  assert.ok(m.error === undefined || m.error.code === -32602 || m.error.code === -32603, `${what}: ${JSON.stringify(m.error)}`);
}

test('malformed, unknown and out-of-range messages are answered or ignored and the server keeps working', {
  timeout: 30_000,
}, async (t) => {
  const c = await RawLsp.start();
  t.after(() => c.dispose());
  const uri = 'file:///hardening/open.md';
  c.open(uri, MEMO);
  const first = await c.waitForPublish(uri, 1);
  assert.deepEqual(essentials(first.diagnostics as Diagnostic[]), expectedDiagnostics(MEMO));
  const never = 'file:///hardening/never-opened.md';
  const pos = (line: number, character: number) => ({ line, character });
  const range = (a: ReturnType<typeof pos>, b: ReturnType<typeof pos>) => ({ start: a, end: b });

  const cases: [string, string, unknown, (m: Message) => void][] = [
    // code actions
    ['codeAction, null params', 'textDocument/codeAction', null, (m) => anyAnswer(m, 'codeAction null')],
    ['codeAction, no params', 'textDocument/codeAction', NO_PARAMS, (m) => anyAnswer(m, 'codeAction none')],
    [
      'codeAction, never-opened uri',
      'textDocument/codeAction',
      { textDocument: { uri: never }, range: range(pos(0, 0), pos(1, 0)), context: { diagnostics: [] } },
      (m) => assert.deepEqual(m.result, []),
    ],
    [
      'codeAction, negative positions',
      'textDocument/codeAction',
      { textDocument: { uri }, range: range(pos(-5, -3), pos(-1, -1)), context: { diagnostics: [] } },
      (m) => assert.ok(Array.isArray(m.result)),
    ],
    [
      'codeAction, beyond the end',
      'textDocument/codeAction',
      { textDocument: { uri }, range: range(pos(1e6, 1e6), pos(2e6, 0)), context: { diagnostics: [] } },
      (m) => assert.ok(Array.isArray(m.result)),
    ],
    [
      'codeAction, whole document with every diagnostic',
      'textDocument/codeAction',
      { textDocument: { uri }, range: range(pos(0, 0), pos(99, 0)), context: { diagnostics: first.diagnostics } },
      (m) => assert.ok(Array.isArray(m.result) && m.result.length > 0),
    ],
    [
      'codeAction, reversed range',
      'textDocument/codeAction',
      { textDocument: { uri }, range: range(pos(3, 5), pos(0, 0)), context: { diagnostics: [] } },
      (m) => assert.ok(Array.isArray(m.result)),
    ],
    ['codeAction, no range and no context', 'textDocument/codeAction', { textDocument: { uri } }, (m) => assert.deepEqual(m.result, [])],
    [
      'codeAction, nonsense types',
      'textDocument/codeAction',
      {
        textDocument: { uri },
        range: { start: 'a', end: { line: 'x', character: null } },
        context: { diagnostics: [{ data: { index: 1e9, version: 'x' } }, null, 7], only: 'quickfix' },
      },
      (m) => answered(m, 'codeAction nonsense'),
    ],
    [
      'codeAction, forged diagnostic data',
      'textDocument/codeAction',
      {
        textDocument: { uri },
        range: range(pos(0, 0), pos(9, 0)),
        context: {
          diagnostics: [
            { range: range(pos(0, 0), pos(0, 1)), message: 'x', data: { version: 1, index: 99999 } },
            { range: range(pos(0, 0), pos(0, 1)), message: 'x', data: { version: 1, index: -1 } },
          ],
        },
      },
      (m) => assert.ok(Array.isArray(m.result)),
    ],
    // hover
    ['hover, null params', 'textDocument/hover', null, (m) => anyAnswer(m, 'hover null')],
    ['hover, no params', 'textDocument/hover', NO_PARAMS, (m) => anyAnswer(m, 'hover none')],
    [
      'hover, never-opened uri',
      'textDocument/hover',
      { textDocument: { uri: never }, position: pos(0, 0) },
      (m) => assert.equal(m.result, null),
    ],
    [
      'hover, negative position',
      'textDocument/hover',
      { textDocument: { uri }, position: pos(-1, -7) },
      (m) => answered(m, 'hover negative'),
    ],
    ['hover, beyond the end', 'textDocument/hover', { textDocument: { uri }, position: pos(1e9, 1e9) }, (m) => answered(m, 'hover beyond')],
    [
      'hover, past the end of a line',
      'textDocument/hover',
      { textDocument: { uri }, position: pos(2, 9999) },
      (m) => answered(m, 'hover past line end'),
    ],
    [
      'hover, nonsense position',
      'textDocument/hover',
      { textDocument: { uri }, position: { line: 'two', character: {} } },
      (m) => answered(m, 'hover nonsense'),
    ],
    ['hover, no position', 'textDocument/hover', { textDocument: { uri } }, (m) => assert.equal(m.result, null)],
    // presence/score
    ['score, null params', 'presence/score', null, (m) => answered(m, 'score null')],
    ['score, no params', 'presence/score', NO_PARAMS, (m) => answered(m, 'score none')],
    ['score, never-opened non-file uri', 'presence/score', { uri: 'untitled:Untitled-1' }, (m) => assert.equal(m.result, null)],
    ['score, never-opened missing file', 'presence/score', { uri: never }, (m) => assert.equal(m.result, null)],
    ['score, uri is a number', 'presence/score', { uri: 42 }, (m) => assert.equal(m.result, null)],
    ['score, uri is a directory', 'presence/score', { uri: 'file:///' }, (m) => assert.equal(m.result, null)],
    ['score, garbage uri', 'presence/score', { uri: '%%%:::\u0000' }, (m) => assert.equal(m.result, null)],
    // presence/fix
    ['fix, null params', 'presence/fix', null, (m) => assert.ok(isError(m, -32602), JSON.stringify(m))],
    ['fix, no params', 'presence/fix', NO_PARAMS, (m) => assert.ok(isError(m, -32602), JSON.stringify(m))],
    ['fix, never-opened uri', 'presence/fix', { uri: never, finding: 0, title: 'x' }, (m) => assert.equal(m.result, null)],
    ['fix, negative finding', 'presence/fix', { uri, finding: -1, title: 'x' }, (m) => assert.equal(m.result, null)],
    ['fix, finding out of range', 'presence/fix', { uri, finding: 1e9, title: 'x' }, (m) => assert.equal(m.result, null)],
    ['fix, fractional finding', 'presence/fix', { uri, finding: 0.5, title: 'x' }, (m) => assert.ok(isError(m, -32602), JSON.stringify(m))],
    ['fix, stale version', 'presence/fix', { uri, finding: 0, title: 'x', version: 999 }, (m) => assert.equal(m.result, null)],
    ['fix, unknown title', 'presence/fix', { uri, finding: 0, title: 'no such fix' }, (m) => assert.equal(m.result, null)],
    ['fixAll, null params', 'presence/fixAll', null, (m) => assert.deepEqual(m.result, [])],
    ['fixAll, never-opened uri', 'presence/fixAll', { uri: never }, (m) => assert.deepEqual(m.result, [])],
    // unknown
    ['unknown request', 'presence/noSuchRequest', { uri }, (m) => assert.ok(isError(m, -32601), `MethodNotFound: ${JSON.stringify(m)}`)],
    [
      'unknown request without params',
      'textDocument/noSuchThing',
      NO_PARAMS,
      (m) => assert.ok(isError(m, -32601), `MethodNotFound: ${JSON.stringify(m)}`),
    ],
  ];

  const replies: string[] = [];
  for (const [name, method, params, check] of cases) {
    const m = await c.request(method, params, 10_000);
    replies.push(`${name}: ${m.error ? `error ${m.error.code}` : JSON.stringify(m.result)?.slice(0, 40)}`);
    check(m);
    assert.ok(c.alive, `server died on: ${name}`);
  }
  t.diagnostic(replies.filter((r) => r.includes('error')).join('; '));

  // Unknown and malformed notifications: no answer, no crash.
  const before = c.messages.length;
  c.notify('presence/noSuchNotification', { x: 1 });
  c.notify('$/noSuchNotification');
  c.notify('$/cancelRequest', { id: 987654 });
  c.notify('$/cancelRequest', null);
  c.notify('textDocument/didChange', {
    textDocument: { uri: never, version: 2 },
    contentChanges: [{ range: range(pos(0, 0), pos(0, 0)), text: 'x' }],
  });
  c.notify('textDocument/didChange', { textDocument: { uri: never, version: 2 }, contentChanges: [{ text: 'whole' }] });
  c.notify('textDocument/didClose', { textDocument: { uri: never } });
  c.notify('textDocument/didSave', { textDocument: { uri: never } });
  c.notify('textDocument/didOpen', {});
  c.notify('textDocument/didChange', null);
  c.notify('textDocument/didChange', { textDocument: { uri } }); // no version, no changes
  c.notify('workspace/didChangeConfiguration', null);
  c.notify('workspace/didChangeWatchedFiles', { changes: [null, { uri: 7 }] });
  const after = await c.request('presence/score', { uri });
  assert.equal((after.result as { uri: string }).uri, uri);
  const answers = c.messages.slice(before).filter((m) => m.id !== undefined && m.method === undefined);
  assert.equal(answers.length, 1, `only the score request was answered: ${JSON.stringify(answers)}`);

  // A change whose range lies beyond the end of the document is clamped, as every client-side TextDocument does.
  const mirror = TextDocument.create(uri, 'markdown', 1, MEMO);
  const beyond = [
    { range: range(pos(500, 0), pos(600, 3)), text: '\nMaybe we wait.' },
    { range: range(pos(1, 999), pos(1, 9999)), text: 'Perhaps. ' },
  ];
  let version = 1;
  for (const ch of beyond) {
    version++;
    TextDocument.update(mirror, [ch], version);
    c.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [ch] });
  }
  const clamped = await c.waitForPublish(uri, version);
  assert.deepEqual(essentials(clamped.diagnostics as Diagnostic[]), expectedDiagnostics(mirror.getText()));

  // A normal open still gets its diagnostics.
  const later = 'file:///hardening/later.md';
  c.open(later, MEMO);
  assert.deepEqual(essentials((await c.waitForPublish(later, 1)).diagnostics as Diagnostic[]), expectedDiagnostics(MEMO));
  const internal = c.logs().filter((l) => /uncaught|unhandled/i.test(l));
  assert.deepEqual(internal, [], 'no uncaught exceptions logged');
  const shut = await c.request('shutdown');
  assert.equal(shut.error, undefined);
  c.notify('exit');
  assert.equal((await c.exited).code, 0);
});

test('cancelled requests: no crash, an answer (result or RequestCancelled) and later requests work', { timeout: 30_000 }, async (t) => {
  const c = await RawLsp.start();
  t.after(() => c.dispose());
  const uri = 'file:///hardening/cancel.md';
  const text = memo(rng(3), 40_000);
  c.open(uri, text);
  await c.waitForPublish(uri, 1);
  const reference = (await c.request('presence/score', { uri })).result as { overall: number };

  const outcomes: string[] = [];
  const requests: [string, unknown][] = [
    ['presence/score', { uri }],
    ['textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 3 } }],
    [
      'textDocument/codeAction',
      { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 50, character: 0 } }, context: { diagnostics: [] } },
    ],
    ['presence/fixAll', { uri }],
  ];
  for (const [method, params] of requests) {
    const id = c.sendRequest(method, params);
    c.notify('$/cancelRequest', { id });
    c.notify('$/cancelRequest', { id }); // twice
    const m = await c.response(id, 10_000, method);
    outcomes.push(`${method}: ${m.error ? `error ${m.error.code}` : 'result'}`);
    assert.ok(!m.error || m.error.code === -32800, `${method}: ${JSON.stringify(m.error)}`);
  }
  // Cancelled while an edit is being analysed, and cancelling a request that was already answered.
  const id = c.sendRequest('presence/score', { uri });
  c.notify('textDocument/didChange', {
    textDocument: { uri, version: 2 },
    contentChanges: [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'Maybe. ' }],
  });
  c.notify('$/cancelRequest', { id });
  await c.response(id);
  c.notify('$/cancelRequest', { id });
  await c.waitForPublish(uri, 2);
  t.diagnostic(outcomes.join('; '));

  const after = (await c.request('presence/score', { uri })).result as { overall: number; version: number };
  assert.equal(after.version, 2);
  const back = c.sendRequest('textDocument/didChange'); // a notification method sent as a request
  await c.response(back);
  c.notify('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text }] });
  await c.waitForPublish(uri, 3);
  const again = (await c.request('presence/score', { uri })).result as { overall: number };
  assert.equal(again.overall, reference.overall);
  assert.ok(c.alive);
  c.dispose();
});

test('raw garbage on stdin: the server survives or exits, and never hangs', { timeout: 40_000 }, async (t) => {
  const frame = (body: string | Buffer) => {
    const b = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    return Buffer.concat([Buffer.from(`Content-Length: ${b.length}\r\n\r\n`, 'ascii'), b]);
  };
  // [name, bytes, whether the frame's header is well formed]
  const garbage: [string, Buffer, boolean][] = [
    ['invalid JSON body', frame('{"jsonrpc":"2.0","id":1,"method":'), true],
    ['binary body', frame(Buffer.from([0, 255, 254, 1, 2, 3, 0x7b])), true],
    ['JSON that is not a message (number)', frame('42'), true],
    ['JSON array (batch)', frame('[{"jsonrpc":"2.0","method":"x"}]'), true],
    ['JSON null', frame('null'), true],
    ['message without jsonrpc/method/id', frame('{"foo":1}'), true],
    ['request with an object id', frame('{"jsonrpc":"2.0","id":{"a":1},"method":"presence/score","params":{}}'), true],
    ['unsupported charset', Buffer.from('Content-Type: application/vscode-jsonrpc; charset=latin-9\r\nContent-Length: 2\r\n\r\n{}'), true],
    ['header without Content-Length', Buffer.from('X-Foo: bar\r\n\r\n{}'), false],
    ['non-numeric Content-Length', Buffer.from('Content-Length: abc\r\n\r\n{}'), false],
    ['plain text, no header', Buffer.from('hello server\r\n\r\n'), false],
  ];
  const outcomes: string[] = [];
  const one = async ([name, bytes, headerOk]: [string, Buffer, boolean]) => {
    const c = await RawLsp.start();
    try {
      c.writeRaw(bytes);
      const t0 = performance.now();
      // Then a valid request: either it is answered (survived) or the process has exited (cleanly, by itself).
      const id = c.sendRequest('presence/score', { uri: 'untitled:x' });
      let outcome = await Promise.race([
        c.response(id, 3000).then(() => 'survived'),
        c.exited.then((e) => `exited (code ${e.code}, signal ${e.signal})`),
      ]).catch(() => 'deaf');
      if (outcome === 'survived') {
        const uri = 'file:///hardening/garbage.md';
        c.open(uri, MEMO);
        assert.deepEqual(essentials((await c.waitForPublish(uri, 1)).diagnostics as Diagnostic[]), expectedDiagnostics(MEMO), name);
      } else if (outcome === 'deaf') {
        // No answer: it must at least go away with its client rather than linger.
        const t1 = performance.now();
        c.child.stdin!.end();
        const e = await Promise.race([c.exited, sleep(3000).then(() => undefined)]);
        outcome = e
          ? `deaf: no answer to anything, exited (code ${e.code}) ${(performance.now() - t1).toFixed(0)} ms after stdin closed`
          : 'HUNG: no answer, and still running after stdin closed';
      }
      outcomes.push(`${name}: ${outcome} (${(performance.now() - t0).toFixed(0)} ms)`);
      assert.ok(!outcome.startsWith('HUNG') && !/signal SIG/.test(outcome), `${name}: ${outcome}`);
      // Only a header the reader cannot use (vscode-jsonrpc then never finds the next frame) may leave it deaf.
      if (headerOk) assert.ok(!outcome.startsWith('deaf'), `${name}: ${outcome}`);
    } finally {
      c.dispose();
    }
  };
  for (let i = 0; i < garbage.length; i += 4) await Promise.all(garbage.slice(i, i + 4).map(one)); // four servers at a time
  t.diagnostic(outcomes.join('; '));
});

test('a client that disappears without shutdown: the server exits by itself', { timeout: 30_000 }, async (t) => {
  const outcomes: string[] = [];
  const scenarios: [string, (c: RawLsp) => Promise<void>][] = [
    [
      'stdin closed after initialize, one open document',
      async (c) => {
        c.open('file:///hardening/gone.md', MEMO);
        await c.waitForPublish('file:///hardening/gone.md', 1);
      },
    ],
    [
      'stdin closed with an analysis pending (debounce) and a request in flight',
      async (c) => {
        c.open('file:///hardening/gone.md', MEMO);
        await c.waitForPublish('file:///hardening/gone.md', 1);
        c.notify('textDocument/didChange', {
          textDocument: { uri: 'file:///hardening/gone.md', version: 2 },
          contentChanges: [{ text: MEMO + 'More.' }],
        });
        c.sendRequest('presence/score', { uri: 'file:///hardening/gone.md' });
      },
    ],
    [
      'stdin closed in the middle of a frame',
      async (c) => {
        c.writeRaw('Content-Length: 500\r\n\r\n{"jsonrpc":"2.0",');
      },
    ],
  ];
  for (const [name, setup] of scenarios) {
    const c = await RawLsp.start({ debounceMs: 2000 });
    try {
      await setup(c);
      const t0 = performance.now();
      c.child.stdin!.end();
      const result = await Promise.race([c.exited, sleep(5000).then(() => undefined)]);
      const ms = performance.now() - t0;
      assert.ok(result, `${name}: still running ${ms.toFixed(0)} ms after stdin closed`);
      outcomes.push(`${name}: exit code ${result.code} after ${ms.toFixed(0)} ms`);
    } finally {
      c.dispose();
    }
  }
  // Also before initialize, and with the stdout pipe gone too (reader killed).
  {
    const c = RawLsp.spawn();
    try {
      const t0 = performance.now();
      c.child.stdout!.destroy();
      c.child.stdin!.end();
      const result = await Promise.race([c.exited, sleep(5000).then(() => undefined)]);
      assert.ok(result, 'uninitialized server with both pipes closed still running');
      outcomes.push(`before initialize, both pipes closed: exit code ${result.code} after ${(performance.now() - t0).toFixed(0)} ms`);
    } finally {
      c.dispose();
    }
  }
  t.diagnostic(outcomes.join('; '));
});

// ---------------------------------------------------------------------------------------------------------------

function rssKb(pid: number): number {
  const m = /VmRSS:\s+(\d+)\s+kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!m) throw new Error('no VmRSS');
  return Number(m[1]);
}

/** The server's memory after a full GC, read through test/hardening/memoryProbe.cjs. */
async function heapAfterGc(pid: number, file: string): Promise<{ heapUsed: number; rss: number }> {
  fs.rmSync(file, { force: true });
  process.kill(pid, 'SIGUSR2');
  for (let i = 0; i < 200 && !fs.existsSync(file); i++) await new Promise((r) => setTimeout(r, 10));
  for (let i = 0; i < 50; i++) {
    try {
      return JSON.parse(fs.readFileSync(file, 'utf8')) as { heapUsed: number; rss: number };
    } catch {
      await new Promise((r) => setTimeout(r, 10)); // being written
    }
  }
  throw new Error('the server did not report its memory');
}

// The analyzer forgets blocks a document no longer has, so its memory stays flat while someone edits.
test('memory stays flat over 10,000 single-character edits to a 2,000-word document', { timeout: 60_000 }, async (t) => {
  const memoryFile = path.join(os.tmpdir(), `presence-memory-${process.pid}.json`);
  const probe = path.join(__dirname, 'memoryProbe.cjs');
  const c = await LspClient.start({
    settings: { debounceMs: 0 },
    env: { NODE_OPTIONS: `--expose-gc --require ${JSON.stringify(probe)}`, PRESENCE_MEMORY_FILE: memoryFile },
  });
  t.after(() => c.dispose());
  const r = rng(2000);
  const text = memo(r, 12_500);
  const uri = await c.open('long-session.md', text);
  const initial = await c.waitForDiagnostics(uri, 1, 10_000);
  t.diagnostic(`document: ${text.split(/\s+/).length} words, ${initial.length} diagnostics`);
  const pid = c.child.pid!;
  const TOTAL = 10_000;
  const WARMUP = 1_000;
  // Dense analyses while warming up, so V8's heap has reached its working size when the baseline is taken.
  const WARM_WAIT_EVERY = 10;
  const WAIT_EVERY = 50;
  const typed = 'I think we should maybe ship. Revenue grew 5%. ';
  let warm = { heapUsed: 0, rss: 0 };
  const samples: number[] = [];
  const t0 = performance.now();
  for (let i = 1; i <= TOTAL; i++) {
    const len = c.text(uri).length;
    let v: number;
    // Type at a random place, or backspace; the length stays about the same.
    if (r() < 0.45 && len > 2000) {
      const at = 1 + int(r, len - 1);
      v = c.replace(uri, at - 1, at, '');
    } else {
      v = c.insert(uri, int(r, len + 1), typed[i % typed.length]!);
    }
    if (i % (i <= WARMUP ? WARM_WAIT_EVERY : WAIT_EVERY) === 0) {
      await c.waitForDiagnostics(uri, v, 20_000);
      if (i === WARMUP) warm = await heapAfterGc(pid, memoryFile);
      if (i > WARMUP && i % 1000 === 0) samples.push((await heapAfterGc(pid, memoryFile)).heapUsed);
    }
  }
  const end = await heapAfterGc(pid, memoryFile);
  const ms = performance.now() - t0;
  const publishes = c.published.filter((p) => p.uri === uri).length;
  const mb = (b: number): string => (b / 1048576).toFixed(1);
  t.diagnostic(
    `heap after GC: ${mb(warm.heapUsed)} MB after ${WARMUP} edits, ${mb(end.heapUsed)} MB at the end (${(((end.heapUsed - warm.heapUsed) / warm.heapUsed) * 100).toFixed(1)}%); per 1000: ${samples.map(mb).join(', ')} MB; RSS ${mb(warm.rss)} → ${mb(end.rss)} MB (also ${(rssKb(pid) / 1024).toFixed(0)} MB by /proc); ${publishes} publishes in ${ms.toFixed(0)} ms`,
  );
  const final = await c.waitForDiagnostics(uri, c.version(uri), 20_000);
  assert.deepEqual(essentials(final), expectedDiagnostics(c.text(uri)));
  assert.ok(end.heapUsed <= warm.heapUsed * 1.2, `the heap grew from ${mb(warm.heapUsed)} MB to ${mb(end.heapUsed)} MB`);
  // RSS moves in steps as V8 reserves heap; far beyond those steps would mean native memory leaking.
  assert.ok(end.rss <= warm.rss * 1.6, `RSS grew from ${mb(warm.rss)} MB to ${mb(end.rss)} MB`);
  assert.equal(await c.shutdown(), 0);
});
