// The built CLI (dist/cli.js), run as a user would.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import { fromRoot, REPO_ROOT } from '../../scripts/repo.ts';

const CLI = join(REPO_ROOT, 'dist/cli.js');
const run = (args: string[], cwd = process.cwd()) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });

before(() => {
  if (!existsSync(CLI)) spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
});

test('text output: path:line:col severity rule message, then a score table', () => {
  const r = run(['examples/weak-board-update.md', '--today', '2026-11-22']);
  assert.equal(r.status, 1, 'an error-severity finding in the board-update rubric exits 1');
  assert.match(r.stdout, /^examples\/weak-board-update\.md:\d+:\d+ {2}warning {6}conviction\/stacked-hedges/m);
  assert.match(r.stdout, /score \d+\/100 · needs reframing {2}\(rubric board-update/);
  assert.match(r.stdout, /^ {2}impact {6}[█·]{20} +\d+/m);
  assert.match(r.stdout, /top fixes:/);
});

test('json output has offsets, line/column, fixes and the score breakdown', () => {
  const r = run(['examples/', '--format', 'json', '--today', '2026-11-22']);
  const files = JSON.parse(r.stdout) as Array<{
    path: string;
    score: { overall: number; dimensions: unknown[] };
    findings: Array<{ start: number; line: number; column: number; fixes: unknown[] }>;
  }>;
  assert.equal(files.length, 2);
  const weak = files.find((f) => f.path.endsWith('weak-board-update.md'))!;
  const text = readFileSync(fromRoot('examples/weak-board-update.md'), 'utf8');
  for (const f of weak.findings) {
    const lineStart =
      text
        .split('\n')
        .slice(0, f.line - 1)
        .join('\n').length + (f.line > 1 ? 1 : 0);
    assert.equal(lineStart + f.column - 1, f.start);
  }
  assert.equal(weak.score.dimensions.length, 10);
});

test('sarif output validates against the SARIF 2.1.0 schema, with rules and located results', () => {
  const r = run(['examples/weak-board-update.md', '--format', 'sarif', '--today', '2026-11-22']);
  const sarif = JSON.parse(r.stdout);
  assert.equal(sarif.version, '2.1.0');
  // The official schema (draft-04), as shipped by Microsoft's SARIF test matchers; its patterns predate the u flag.
  const schema = JSON.parse(readFileSync(fromRoot('node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
  const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false, validateFormats: false }).compile(schema);
  // A fresh parse: the validator's type guard would otherwise narrow `sarif` to unknown.
  assert.ok(validate(JSON.parse(r.stdout)), JSON.stringify(validate.errors?.slice(0, 3)));
  // The validator is not a rubber stamp.
  assert.equal(validate({ ...sarif, runs: [{ ...sarif.runs[0], results: [{ ...sarif.runs[0].results[0], level: 'loud' }] }] }), false);
  const runObj = sarif.runs[0];
  assert.equal(runObj.tool.driver.name, 'Presence');
  assert.ok(runObj.results.length > 10);
  for (const res of runObj.results) {
    assert.equal(runObj.tool.driver.rules[res.ruleIndex].id, res.ruleId);
    assert.ok(['error', 'warning', 'note'].includes(res.level));
    const region = res.locations[0].physicalLocation.region;
    assert.ok(region.startLine >= 1 && region.startColumn >= 1);
  }
});

test('--min-score sets the exit code; --quiet prints only what fails', () => {
  assert.equal(run(['examples/strong-board-update.md', '--min-score', '90', '--today', '2026-11-22']).status, 0);
  const low = run(['examples/strong-board-update.md', '--min-score', '100.5']);
  assert.equal(low.status, 2);
  const quiet = run(['examples/strong-board-update.md', '--quiet', '--today', '2026-11-22']);
  assert.equal(quiet.stdout.trim(), '');
});

test('usage and file errors exit 2 with a one-line message', () => {
  for (const [args, msg] of [
    [['--format', 'xml', 'a.md'], /--format must be text, json or sarif/],
    [['--today', 'yesterday', 'a.md'], /--today must be a date as YYYY-MM-DD/],
    [['--bogus'], /unknown option --bogus/],
    [[], /no files given/],
    [['does-not-exist.md'], /does-not-exist\.md: no such file/],
  ] as Array<[string[], RegExp]>) {
    const r = run(args);
    assert.equal(r.status, 2, args.join(' '));
    assert.match(r.stderr, msg);
    assert.equal(r.stderr.trim().split('\n').length, 1);
  }
  const dir = mkdtempSync(join(tmpdir(), 'presence-bin-'));
  writeFileSync(join(dir, 'x.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]));
  const bin = run([join(dir, 'x.md')]);
  assert.equal(bin.status, 2);
  assert.match(bin.stderr, /binary file/);
});

test('globs and folders expand to Markdown files; --rubric picks the rubric', () => {
  const r = run(['examples/*.md', '--format', 'json', '--rubric', 'strategy-memo', '--today', '2026-11-22']);
  const files = JSON.parse(r.stdout) as Array<{ path: string; rubric: string }>;
  assert.equal(files.length, 2);
  // Front matter wins over --rubric.
  assert.deepEqual(
    files.map((f) => f.rubric),
    ['board-update', 'board-update'],
  );
});

test('--fix applies safe fixes only and rewrites the file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'presence-fix-'));
  const file = join(dir, 'memo.md');
  writeFileSync(file, '# Memo\n\nUnfortunately, I think we should ship in order to learn. That is EXTREMELY good!\n');
  // interview-answer: the rubric that turns apologies on ("Unfortunately," is off by default).
  const r = run([file, '--fix', '--rubric', 'interview-answer', '--today', '2026-11-22']);
  assert.match(r.stdout, /safe fixes applied/);
  assert.equal(readFileSync(file, 'utf8'), '# Memo\n\nWe should ship to learn. That is good.\n');
});

test('--fix killed mid-run leaves every file either original or fully fixed', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'presence-kill-'));
  const original =
    '# Memo\n\nUnfortunately, I think we should ship in order to learn. That is EXTREMELY good!\n\n' +
    'We grew revenue 4% on plan in Q3 and we will hire 2 people. '.repeat(400) +
    '\n';
  const fixedDir = mkdtempSync(join(tmpdir(), 'presence-kill-ref-'));
  writeFileSync(join(fixedDir, 'ref.md'), original);
  run([join(fixedDir, 'ref.md'), '--fix', '--quiet']);
  const fixed = readFileSync(join(fixedDir, 'ref.md'), 'utf8');
  assert.notEqual(fixed, original);
  const FILES = 300;
  const names = Array.from({ length: FILES }, (_, i) => `m${String(i).padStart(3, '0')}.md`);
  const reset = (): void => {
    for (const n of names) writeFileSync(join(dir, n), original);
  };
  const states = () => names.map((n) => readFileSync(join(dir, n), 'utf8'));
  // Kill as soon as some files are fixed and others are not (a true mid-run kill), three times.
  let midRunKills = 0;
  for (let round = 0; round < 3; round++) {
    reset();
    const child = spawn(process.execPath, [CLI, dir, '--fix', '--quiet'], { stdio: 'ignore' });
    const exited = new Promise<void>((r) => child.on('exit', () => r()));
    let running = true;
    void exited.then(() => (running = false));
    for (;;) {
      await new Promise((r) => setTimeout(r, 5));
      if (!running) break;
      const done = names.filter((n) => readFileSync(join(dir, n), 'utf8') !== original).length;
      if (done > round * 20 && done < FILES) {
        child.kill('SIGKILL');
        midRunKills++;
        break;
      }
    }
    await exited;
    const after = states();
    for (let i = 0; i < FILES; i++) assert.ok(after[i] === original || after[i] === fixed, `${names[i]} is half-written`);
    assert.ok(after.includes(original) || !running, 'killed before the end, so some file is still original');
    // A leftover temporary file may remain from the write that was interrupted; it is not one of the user's files.
    for (const f of readdirSync(dir))
      assert.ok(names.includes(f) || /^\.m\d+\.md\.presence-\d+-[0-9a-f]+\.tmp$/.test(f), `unexpected file ${f}`);
  }
  t.diagnostic(`${midRunKills} of 3 rounds killed mid-run`);
  assert.ok(midRunKills >= 1, 'the CLI finished before it could be killed mid-run in every round');
});

test('the demo (npm run demo) scores both samples and exits 0, saying what CI would see', () => {
  const r = spawnSync(process.execPath, ['scripts/demo.mjs'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /weak-board-update\.md {2}score \d+\/100/);
  assert.match(r.stdout, /strong-board-update\.md {2}score \d+\/100/);
  assert.match(r.stdout, /In CI this run would exit 1/);
});

test('a second run reads back the compiled code the first saved, with the same report', () => {
  const cache = mkdtempSync(join(tmpdir(), 'presence-cli-cache-'));
  const args = [CLI, 'examples/', '--format', 'json', '--today', '2026-11-22'];
  const env = { ...process.env, PRESENCE_CODE_CACHE: cache };
  const first = spawnSync(process.execPath, args, { encoding: 'utf8', env });
  const saved = readdirSync(cache);
  assert.equal(saved.filter((f) => /^cliMain-[0-9a-f]+\.bin$/.test(f)).length, 1, `cache folder holds ${saved.join(', ')}`);
  const second = spawnSync(process.execPath, args, { encoding: 'utf8', env });
  assert.equal(second.stdout, first.stdout);
  assert.equal(second.status, first.status);
  assert.deepEqual(readdirSync(cache), saved, 'a run that used the cache writes none');
  const off = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, PRESENCE_CODE_CACHE: 'off' } });
  assert.equal(off.stdout, first.stdout);
});
