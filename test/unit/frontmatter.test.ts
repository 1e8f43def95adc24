// The one front-matter reader (core/frontmatter.ts), as the engine, the server and the client use it: a byte-order
// mark no longer hides the front matter, and a long line is read in linear time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFrontMatter } from '../../server/src/core/frontmatter.ts';
import { Analyzer } from '../../server/src/presence.ts';
import { disableFileEdit } from '../../server/src/lsp/codeActions.ts';
import { LineIndex } from '../../server/src/lsp/positions.ts';
import { setFrontMatterKey } from '../../client/src/frontMatter.ts';

const BOM = '\uFEFF';
const MEMO = '---\npresence: board-update\ntitle: "Q3 update"\n---\n# Q3 update\n\nMaybe we should revisit pricing soon.\n';
const opts = { today: '2026-11-22' };

test('reads top-level key: value pairs, quoted values unquoted, with exact value ranges', () => {
  const fm = parseFrontMatter(MEMO)!;
  assert.equal(fm.data.presence, 'board-update');
  assert.equal(fm.data.title, 'Q3 update');
  assert.equal(MEMO.slice(...fm.valueRanges.title), 'Q3 update');
  assert.equal(MEMO.slice(fm.bodyStart, fm.bodyStart + 11), '# Q3 update');
  assert.equal(parseFrontMatter('---\npresence: x\nno closing fence\n'), null);
  assert.equal(parseFrontMatter('--- \r\n  nested: 1\r\nkey:\tv\t\r\n...\r\n')!.data.key, 'v');
  assert.equal(parseFrontMatter('--- \r\n  nested: 1\r\n---\r\n')!.data.nested, undefined, 'an indented key belongs to another mapping');
});

test('a byte-order mark does not hide the front matter: same rubric and findings, shifted by one', () => {
  const plain = new Analyzer().analyze(MEMO, undefined, opts);
  const marked = new Analyzer().analyze(BOM + MEMO, undefined, opts);
  assert.equal(marked.rubric, 'board-update', 'the rubric comes from the front matter');
  assert.equal(plain.rubric, 'board-update');
  assert.deepEqual(
    marked.findings.map((f) => [f.ruleId, f.start - 1, f.end - 1]),
    plain.findings.map((f) => [f.ruleId, f.start, f.end]),
    'the front matter is not read as prose',
  );
  assert.equal(marked.score.overall, plain.score.overall);
});

test('a byte-order mark before a heading keeps it a heading', () => {
  const text = '# Q3 update\n\nRevenue grew.\n';
  const plain = new Analyzer().analyze(text, undefined, opts);
  const marked = new Analyzer().analyze(BOM + text, undefined, opts);
  assert.deepEqual(
    marked.findings.map((f) => f.ruleId),
    plain.findings.map((f) => f.ruleId),
  );
  assert.equal(marked.score.overall, plain.score.overall);
});

test('the server puts a whole-file disable comment after the front matter, with or without a byte-order mark', () => {
  for (const text of [MEMO, BOM + MEMO]) {
    const edit = disableFileEdit(new LineIndex(text), 'conviction/hedge')!;
    assert.equal(text.slice(edit.start, edit.start + 11), '# Q3 update', JSON.stringify(text.slice(0, 4)));
  }
  // A closing fence on the last line, with no line break after it.
  const bare = `${BOM}---\npresence: board-update\n---`;
  const edit = disableFileEdit(new LineIndex(bare), 'conviction/hedge')!;
  assert.equal(edit.start, bare.length);
  assert.match(edit.newText, /^\n<!-- presence-disable conviction\/hedge -->/);
});

test('the client sets the presence key inside the front matter, with or without a byte-order mark', () => {
  for (const prefix of ['', BOM]) {
    const text = prefix + MEMO;
    const e = setFrontMatterKey(text, 'presence', 'decision-doc');
    const out = text.slice(0, e.start) + e.newText + text.slice(e.end);
    assert.equal(out, `${prefix}${MEMO.replace('presence: board-update', 'presence: decision-doc')}`);
    const added = setFrontMatterKey(`${prefix}---\ntitle: x\n---\nBody\n`, 'presence', 'board-update');
    assert.equal(added.newText, 'presence: board-update\n');
    assert.equal(added.start, prefix.length + '---\ntitle: x\n'.length, 'before the closing fence');
  }
  const none = setFrontMatterKey(`${BOM}# Title\n`, 'presence', 'board-update');
  assert.deepEqual(none, { start: 1, end: 1, newText: '---\npresence: board-update\n---\n\n' });
});

test('a front matter line with a long run of spaces is read in linear time (it took seconds per 100 KB)', () => {
  // Spaces inside the value: a lazy value pattern followed by trailing-space trimming backtracks over every one.
  const doc = (n: number): string => `---\ntitle: a${' '.repeat(n)}b\nnote: ${' \t'.repeat(n / 2)}\n---\n# Memo\n`;
  const time = (n: number): number => {
    const text = doc(n);
    let best = Infinity;
    for (let k = 0; k < 5; k++) {
      const t = performance.now();
      assert.equal(parseFrontMatter(text)!.data.title.length, n + 2);
      best = Math.min(best, performance.now() - t);
    }
    return best;
  };
  time(1000);
  const small = time(32_000);
  // The quadratic reader spent 1.5 s here: fail now rather than try the larger size.
  assert.ok(small < 100, `32 KB of spaces took ${small.toFixed(1)} ms`);
  const big = time(128_000);
  assert.ok(
    big <= Math.max(8 * small, 5),
    `4× the spaces took ${(big / small).toFixed(1)}× as long (${small.toFixed(2)} → ${big.toFixed(2)} ms)`,
  );
  // And the whole analysis of a 1 MB front matter line stays fast.
  const t = performance.now();
  new Analyzer().analyze(doc(1_000_000), undefined, opts);
  assert.ok(performance.now() - t < 5000, 'analysing a document with 1 MB of front matter spaces');
});

// Outside the corpus (a Zola blog post, reviewed wrong): its TOML front matter was read as prose and its
// `[taxonomies]` table header as a placeholder left to fill.
const TOML =
  '+++\ndate = "2025-05-16T18:00:00Z"\ntitle = "Governing Board report"\n\n[taxonomies]\npresence = "ignored: a table key"\ncategory = ["Board"]\n+++\n\nHi all! The board met twice in May and approved the 2026 budget.\n';

test('TOML front matter between +++ fences: top-level keys read, table keys not, and none of it is prose', () => {
  const fm = parseFrontMatter(TOML)!;
  assert.equal(fm.syntax, 'toml');
  assert.equal(fm.data.title, 'Governing Board report');
  assert.equal(fm.data.presence, undefined, 'a key under [taxonomies] belongs to that table');
  assert.equal(TOML.slice(fm.bodyStart).trimStart().slice(0, 7), 'Hi all!');
  const r = new Analyzer().analyze(TOML, undefined, opts);
  assert.equal(r.rubric, 'executive');
  assert.ok(!r.findings.some((f) => f.ruleId === 'contract/placeholder'), r.findings.map((f) => f.ruleId).join(', '));
  assert.ok(r.findings.every((f) => f.start >= fm.bodyStart));
  // Set in TOML syntax, before the first table so it stays top-level; then the engine reads it.
  const edit = setFrontMatterKey(TOML, 'presence', 'board-update');
  assert.equal(edit.newText, 'presence = "board-update"\n');
  assert.equal(edit.start, TOML.indexOf('[taxonomies]'));
  const set = TOML.slice(0, edit.start) + edit.newText + TOML.slice(edit.end);
  assert.equal(new Analyzer().analyze(set, undefined, opts).rubric, 'board-update');
  // YAML is unchanged: a key goes before the closing fence, in YAML syntax.
  assert.equal(parseFrontMatter(MEMO)!.syntax, 'yaml');
  assert.equal(setFrontMatterKey('---\ntitle: x\n---\n', 'presence', 'board-update').newText, 'presence: board-update\n');
});
