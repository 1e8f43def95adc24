// The one glob matcher (server settings, client audit, CLI arguments): what it matches, that the server and the
// client now agree, and that no pattern from a workspace's settings can make it backtrack for minutes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { anyMatchesPathOrParent, compileGlob, matchGlob, matchGlobOrParent } from '../../server/src/core/glob.ts';

test('glob matcher: **, *, ?, braces, classes, and base-name patterns', () => {
  const yes: [string, string][] = [
    ['board/**', 'board/q3/update.md'],
    ['board/*.md', 'board/update.md'],
    ['**/*.md', 'update.md'],
    ['**/drafts/**', 'a/b/drafts/c.md'],
    ['*.draft.md', 'deep/in/x.draft.md'],
    ['memo-?.md', 'memo-1.md'],
    ['{board,exec}/*.md', 'exec/a.md'],
    ['{board/{q3,q4},exec}/*.md', 'board/q4/a.md'],
    ['notes/[ab].md', 'notes/b.md'],
    ['notes/[!ab].md', 'notes/c.md'],
    ['notes/[a-c]x.md', 'notes/bx.md'],
    ['./docs/*.md', 'docs/a.md'],
    ['docs\\*.md', 'docs/a.md'],
    ['a/**/b/**/c.md', 'a/x/y/b/c.md'],
    ['**', 'any/thing.md'],
  ];
  const no: [string, string][] = [
    ['board/*.md', 'board/q3/update.md'],
    ['board/**', 'boards/x.md'],
    ['memo-?.md', 'memo-12.md'],
    ['notes/[!ab].md', 'notes/a.md'],
    ['{board,exec}/*.md', 'other/a.md'],
    ['*.md', 'a.md.txt'],
    // `**` inside a segment is `*`: it does not cross folders.
    ['docs/**.md', 'docs/a/b.md'],
    ['a/**/b/**/c.md', 'a/x/y/c.md'],
    ['', 'a.md'],
  ];
  for (const [g, p] of yes) assert.ok(matchGlob(g, p), `${g} should match ${p}`);
  for (const [g, p] of no) assert.ok(!matchGlob(g, p), `${g} should not match ${p}`);
  assert.ok(matchGlob('docs/**.md', 'docs/b.md'));
});

test('a folder pattern excludes the files inside it, for the server and the client alike (they used to disagree)', () => {
  assert.ok(matchGlobOrParent('drafts', 'x/drafts/a.md'));
  assert.ok(matchGlobOrParent('drafts/**', 'drafts/a/b.md'));
  assert.ok(matchGlobOrParent('x/drafts', 'x/drafts/a.md'));
  assert.ok(!matchGlobOrParent('drafts', 'x/drafted/a.md'));
  assert.ok(!matchGlobOrParent('docs/**.md', 'docs/a/b.md'));
  // VS Code's own exclude settings match from the folder root; presence.exclude matches a name anywhere.
  assert.ok(!anyMatchesPathOrParent([compileGlob('drafts', { anywhere: false })], 'x/drafts/a.md'));
  assert.ok(anyMatchesPathOrParent([compileGlob('drafts', { anywhere: false })], 'drafts/a.md'));
  assert.ok(!anyMatchesPathOrParent([], 'a.md'));
});

test('brace bombs and huge patterns match nothing instead of growing without bound', () => {
  assert.ok(!matchGlob('{a,b}'.repeat(20), 'a'.repeat(20)), '2^20 alternatives are refused');
  assert.ok(!matchGlob('*'.repeat(5000), 'a.md'), 'a pattern over the length limit matches nothing');
  assert.ok(matchGlob('{a,b}'.repeat(8), 'ab'.repeat(4)), '256 alternatives are fine');
});

test('the attack pattern "*a"×12 + "*c" against long names stays linear (it froze the server for over a minute)', () => {
  // A child process with a budget, so that a backtracking matcher fails in seconds instead of hanging the suite.
  const script = `
    const { matchGlob } = require(${JSON.stringify(join(__dirname, '..', '..', 'server', 'src', 'core', 'glob.ts'))});
    const pattern = '*a'.repeat(12) + '*c';
    const time = (n) => {
      const name = 'docs/' + 'a'.repeat(n) + '.md';
      let best = Infinity;
      for (let k = 0; k < 5; k++) { const t = performance.now(); matchGlob(pattern, name); best = Math.min(best, performance.now() - t); }
      return best;
    };
    time(2000);
    console.log(JSON.stringify({ small: time(4000), big: time(16000), matched: matchGlob(pattern, 'a'.repeat(30) + 'c') }));`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf8', timeout: 20_000 });
  assert.equal(r.signal, null, 'matching took over 20 s: the matcher backtracks');
  assert.equal(r.status, 0, r.stderr);
  const result = JSON.parse(r.stdout) as { small: number; big: number; matched: boolean };
  assert.ok(result.matched, 'the pattern still matches what it should');
  // 4× the name: linear is 4×, quadratic 16×; the margin absorbs a loaded machine.
  assert.ok(
    result.big <= Math.max(8 * result.small, 5),
    `4× longer name took ${(result.big / result.small).toFixed(1)}× as long (${result.small.toFixed(2)} → ${result.big.toFixed(2)} ms)`,
  );
});
