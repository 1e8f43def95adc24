// Attacks on the built CLI (dist/cli.js), replayed: --fix must never damage or lose a user's text, no input may
// stall it, and a document may not make it read files outside its repository.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fromRoot, REPO_ROOT } from '../../scripts/repo.ts';

const CLI = join(REPO_ROOT, 'dist/cli.js');
const TODAY = ['--today', '2026-11-22'];
/** Generous: each run takes well under a second; a run that hangs (the old FIFO and /dev/zero reads) fails here. */
const TIMEOUT_MS = 20_000;
const posix = process.platform !== 'win32';

function run(args: string[], opts: SpawnSyncOptions = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: TIMEOUT_MS, maxBuffer: 256 * 1024 * 1024, ...opts });
  assert.equal(r.signal, null, `presence ${args.join(' ')} was killed (${r.signal}): it hung or ran out of time`);
  return { status: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}

const FIXABLE = '# Memo\n\nUnfortunately, I think we should ship in order to learn. That is EXTREMELY good!\n';
const scratch = (name: string): string => fs.mkdtempSync(join(tmpdir(), `presence-${name}-`));

/** What --fix makes of `text`, found by letting the CLI fix a copy (so no fixed text is hard-coded here). */
function fixedVersionOf(text: string): string {
  const f = join(scratch('ref'), 'ref.md');
  fs.writeFileSync(f, text);
  run([f, '--fix', '--quiet', ...TODAY]);
  const out = fs.readFileSync(f, 'utf8');
  assert.notEqual(out, text, 'the reference text has safe fixes');
  return out;
}

before(() => {
  if (!fs.existsSync(CLI)) spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
});

test('--fix leaves a file that is not valid UTF-8 byte-for-byte unchanged, and keeps a byte-order mark', () => {
  const dir = scratch('utf8');
  const latin1 = join(dir, 'latin1.md');
  // "# Résumé" in Latin-1: é is the single byte e9, which is not UTF-8.
  const bytes = Buffer.concat([
    Buffer.from('# R'),
    Buffer.from([0xe9]),
    Buffer.from('sum'),
    Buffer.from([0xe9]),
    Buffer.from(FIXABLE.slice('# Memo'.length)),
  ]);
  fs.writeFileSync(latin1, bytes);
  const r = run([latin1, '--fix', ...TODAY]);
  assert.ok(fs.readFileSync(latin1).equals(bytes), 'not one byte changed');
  assert.match(r.stderr, /latin1\.md: is not valid UTF-8, so --fix left it unchanged/);
  assert.equal(r.status, 2, 'a file --fix could not fix is a file error');
  assert.match(r.stdout, /conviction|concision|stacked|hedge|score/i, 'it is still analysed');

  const readOnly = run([latin1, ...TODAY]);
  assert.match(readOnly.stderr, /is not valid UTF-8/);
  assert.notEqual(readOnly.status, 2, 'analysing without --fix is not an error');

  const bom = join(dir, 'bom.md');
  const body = '\n' + FIXABLE;
  fs.writeFileSync(bom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body)]));
  run([bom, '--fix', ...TODAY]);
  const after = fs.readFileSync(bom);
  assert.deepEqual([...after.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the BOM is kept');
  assert.equal(after.subarray(3).toString('utf8'), fixedVersionOf(body), 'and the rest is fixed as it would be without one');
});

test('--fix keeps the mode of the file it rewrites (664 stays 664 under umask 022)', { skip: !posix }, () => {
  const file = join(scratch('mode'), 'memo.md');
  fs.writeFileSync(file, FIXABLE);
  for (const mode of [0o664, 0o600, 0o755]) {
    // Run under an explicit umask, as a shell would.
    fs.writeFileSync(file, FIXABLE);
    fs.chmodSync(file, mode);
    const r = spawnSync('sh', ['-c', 'umask 022; exec "$0" "$@"', process.execPath, CLI, file, '--fix', '--quiet', ...TODAY], {
      timeout: TIMEOUT_MS,
    });
    assert.equal(r.signal, null);
    assert.notEqual(fs.readFileSync(file, 'utf8'), FIXABLE, 'the file was fixed');
    assert.equal((fs.statSync(file).mode & 0o7777).toString(8), mode.toString(8));
  }
});

test('--fix refuses a read-only file, with a message, and leaves it as it was', { skip: !posix }, () => {
  const file = join(scratch('ro'), 'memo.md');
  fs.writeFileSync(file, FIXABLE);
  fs.chmodSync(file, 0o444);
  // The check is on the mode bits: these tests may run as root, who could write it anyway.
  const r = run([file, '--fix', ...TODAY]);
  assert.equal(fs.readFileSync(file, 'utf8'), FIXABLE);
  assert.equal(fs.statSync(file).mode & 0o777, 0o444);
  assert.match(r.stderr, /memo\.md: is read-only; the file is unchanged/);
  assert.equal(r.status, 2);
});

test('--fix writes through a symlink to its target, and the link stays a link', { skip: !posix }, () => {
  const dir = scratch('link');
  fs.mkdirSync(join(dir, 'real'));
  const target = join(dir, 'real', 'memo.md');
  fs.writeFileSync(target, FIXABLE);
  const link = join(dir, 'link.md');
  fs.symlinkSync('real/memo.md', link);
  const r = run([link, '--fix', ...TODAY]);
  assert.equal(r.stderr, '');
  assert.ok(fs.lstatSync(link).isSymbolicLink(), 'still a symlink');
  assert.equal(fs.readlinkSync(link), 'real/memo.md');
  assert.equal(fs.readFileSync(target, 'utf8'), fixedVersionOf(FIXABLE), 'the target is fixed');
  assert.deepEqual(fs.readdirSync(join(dir, 'real')), ['memo.md'], 'no temporary file left next to the target');
});

test('--fix never splits hard links: it refuses with a message and both names keep the same file', { skip: !posix }, () => {
  const dir = scratch('hard');
  const a = join(dir, 'a.md');
  const b = join(dir, 'b.md');
  fs.writeFileSync(a, FIXABLE);
  fs.linkSync(a, b);
  const r = run([a, '--fix', ...TODAY]);
  assert.match(r.stderr, /a\.md: has 2 hard links, and rewriting it would split them; the file is unchanged/);
  assert.equal(r.status, 2);
  assert.equal(fs.statSync(a).ino, fs.statSync(b).ino);
  assert.equal(fs.statSync(a).nlink, 2);
  assert.equal(fs.readFileSync(b, 'utf8'), FIXABLE);
});

test('--fix does not overwrite a save made while it was fixing the file', { skip: !posix }, async () => {
  const file = join(scratch('race'), 'memo.md');
  // Big and varied enough (no paragraph the engine's cache has seen) that fixing takes far longer than the 1 ms
  // between the saves below, however fast the engine gets.
  const paras = Array.from(
    { length: 2000 },
    (_, i) =>
      `Unfortunately, I think we should ship release ${i} in order to learn. That is EXTREMELY good! We grew revenue ${i % 97}% on plan in Q3.\n\n`,
  );
  const head = '# Memo\n\n' + paras.join('') + 'Save number ';
  fs.writeFileSync(file, `${head}000000.\n`);
  const ino = fs.statSync(file).ino;
  // Another program saving in place, same size each time: only a content (or mtime) check can see it.
  const fd = fs.openSync(file, 'r+');
  let saves = 0;
  const save = (): void => {
    saves++;
    fs.writeSync(fd, String(saves).padStart(6, '0'), Buffer.byteLength(head));
  };
  const timer = setInterval(save, 1);
  const child = spawn(process.execPath, [CLI, file, '--fix', '--quiet', ...TODAY], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const status = await new Promise<number | null>((r) => child.on('exit', r));
  clearInterval(timer);
  save();
  fs.closeSync(fd);
  assert.ok(saves > 10, `the other program saved ${saves} times during the run`);
  assert.equal(fs.statSync(file).ino, ino, 'the file was not replaced by a rename');
  const now = fs.readFileSync(file, 'utf8');
  assert.equal(now, `${head}${String(saves).padStart(6, '0')}.\n`, 'the last save is what the file holds, unfixed');
  assert.match(stderr, /memo\.md: changed on disk while --fix was working on it; run --fix again/);
  assert.equal(status, 2);
});

test('--fix creates its temporary file with a random name, never through a planted symlink, and sweeps orphans', {
  skip: !posix,
}, async () => {
  const dir = scratch('tmp');
  const memo = join(dir, 'memo.md');
  fs.writeFileSync(memo, FIXABLE);
  const victim = join(scratch('victim'), 'precious.txt');
  fs.writeFileSync(victim, 'do not touch');
  // A dead process's pid: one that has just exited.
  const dead = spawnSync(process.execPath, ['-e', '']).pid;
  const orphan = join(dir, `.memo.md.presence-${dead}-0123456789abcdef.tmp`);
  const oldStyleOrphan = join(dir, `.memo.md.presence-${dead}.tmp`);
  const live = join(dir, `.memo.md.presence-${process.pid}-fedcba9876543210.tmp`);
  const linkOrphan = join(dir, `.other.md.presence-${dead}-00ff.tmp`);
  for (const f of [orphan, oldStyleOrphan, live]) fs.writeFileSync(f, 'half a memo');
  fs.symlinkSync(victim, linkOrphan);

  const child = spawn(process.execPath, [CLI, memo, '--fix', '--quiet', ...TODAY], { stdio: 'ignore' });
  // The old name was `.memo.md.presence-<pid>.tmp`: plant it the moment the pid is known, long before the write.
  fs.symlinkSync(victim, join(dir, `.memo.md.presence-${child.pid}.tmp`));
  const status = await new Promise<number | null>((r) => child.on('exit', r));

  assert.equal(fs.readFileSync(victim, 'utf8'), 'do not touch', 'the planted link was not followed');
  assert.ok(fs.lstatSync(memo).isFile(), 'memo.md is a regular file, not the planted link');
  assert.equal(fs.readFileSync(memo, 'utf8'), fixedVersionOf(FIXABLE));
  assert.equal(status, 0);
  assert.ok(!fs.existsSync(orphan) && !fs.existsSync(oldStyleOrphan), "a killed run's temporary files are removed");
  assert.ok(fs.existsSync(live), 'a running process keeps its temporary file');
  assert.ok(fs.lstatSync(linkOrphan).isSymbolicLink(), 'a symlink is never treated as an orphan');
  const left = fs.readdirSync(dir).filter((f) => f.startsWith('.memo.md.presence-'));
  assert.deepEqual(left.sort(), [basename(live), `.memo.md.presence-${child.pid}.tmp`].sort(), 'and this run left none of its own');
});

test('output closed early (| head -1): the run stops quietly with 141, not 1, and no stack trace', { skip: !posix }, () => {
  const dir = scratch('pipe');
  const weak = fs.readFileSync(fromRoot('examples/weak-board-update.md'), 'utf8');
  const names = Array.from({ length: 150 }, (_, i) => `m${String(i).padStart(3, '0')}.md`);
  for (const n of names) fs.writeFileSync(join(dir, n), `${weak}\n\n${FIXABLE}`);
  const original = fs.readFileSync(join(dir, names[0]), 'utf8');
  // Output is far more than a pipe holds, so the CLI is still writing when head has gone.
  const r = spawnSync(
    'bash',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a bash variable, not a template.
    ['-c', '"$0" "$@" | head -1 >/dev/null; echo "status=${PIPESTATUS[0]}" >&2', process.execPath, CLI, dir, '--fix', ...TODAY],
    { encoding: 'utf8', timeout: TIMEOUT_MS },
  );
  assert.equal(r.signal, null);
  const [statusLine, ...rest] = r.stderr.trim().split('\n').reverse();
  assert.equal(statusLine, 'status=141');
  assert.deepEqual(rest, [], 'nothing else on stderr');
  const untouched = names.filter((n) => fs.readFileSync(join(dir, n), 'utf8') === original).length;
  assert.ok(
    untouched > 0 && untouched < names.length,
    `it stopped part-way (${untouched} of ${names.length} files not reached) and did not go on fixing files unseen`,
  );
});

test('an output that cannot be written gives one line, not a stack trace', { skip: !fs.existsSync('/dev/full') }, () => {
  const full = fs.openSync('/dev/full', 'w');
  const r = spawnSync(process.execPath, [CLI, 'examples/', ...TODAY], {
    stdio: ['ignore', full, 'pipe'],
    encoding: 'utf8',
    timeout: TIMEOUT_MS,
  });
  fs.closeSync(full);
  assert.equal(r.stderr, 'presence: could not write the output (ENOSPC); stopped\n');
  assert.equal(r.status, 2);
});

test('--today must be a date that exists', () => {
  for (const bad of ['2026-02-30', '2026-13-01', '2025-02-29', '2026-04-31']) {
    const r = run(['examples/strong-board-update.md', '--today', bad]);
    assert.equal(r.status, 2, bad);
    assert.equal(r.stderr, `presence: --today must be a date that exists; there is no ${bad} in the calendar\n`);
  }
  assert.equal(run(['examples/strong-board-update.md', '--today', '2028-02-29', '--quiet']).status, 0, 'a leap day is a date');
});

test('absolute and ../ globs expand, and paths are shown as written', () => {
  const dir = scratch('glob');
  fs.mkdirSync(join(dir, 'docs', 'deep'), { recursive: true });
  fs.mkdirSync(join(dir, 'here'));
  for (const f of ['docs/a.md', 'docs/b.md', 'docs/deep/c.md', 'docs/skip.txt']) fs.writeFileSync(join(dir, f), FIXABLE);
  const paths = (r: { stdout: string }) => (JSON.parse(r.stdout) as Array<{ path: string }>).map((f) => f.path);

  const abs = run([`${dir}/docs/*.md`, '--format', 'json', ...TODAY]);
  assert.equal(abs.stderr, '');
  assert.deepEqual(paths(abs), [join(dir, 'docs/a.md'), join(dir, 'docs/b.md')]);

  const up = run(['../docs/**/*.md', '--format', 'json', ...TODAY], { cwd: join(dir, 'here') });
  assert.equal(up.stderr, '');
  assert.deepEqual(paths(up), ['../docs/a.md', '../docs/b.md', '../docs/deep/c.md']);

  const nothing = run(['../docs/*.txt.md'], { cwd: join(dir, 'here') });
  assert.equal(nothing.status, 2);
  assert.match(nothing.stderr, /\.\.\/docs\/\*\.txt\.md: no such file/);

  // A file whose name has a wildcard character is itself.
  fs.writeFileSync(join(dir, 'docs', 'what?.md'), FIXABLE);
  assert.deepEqual(paths(run([join(dir, 'docs', 'what?.md'), '--format', 'json', ...TODAY])), [join(dir, 'docs', 'what?.md')]);
});

test('SARIF artifact URIs are percent-encoded URI references (relative stays relative, absolute is file://)', () => {
  const dir = scratch('sarif');
  const name = 'my memo #1 100%.md';
  fs.mkdirSync(join(dir, 'a b'));
  fs.writeFileSync(join(dir, 'a b', name), FIXABLE);
  const uris = (r: { stdout: string }) =>
    (
      JSON.parse(r.stdout) as {
        runs: Array<{ results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }>;
      }
    ).runs[0].results.map((x) => x.locations[0].physicalLocation.artifactLocation.uri);
  // RFC 3986 relative-ref / URI characters: unreserved, sub-delims, ':', '@', '/', and %HH escapes.
  const URI_CHARS = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-F]{2})+$/;

  const rel = uris(run([join('a b', name), '--format', 'sarif', ...TODAY], { cwd: dir }));
  assert.ok(rel.length > 0);
  for (const uri of rel) {
    assert.match(uri, URI_CHARS);
    assert.equal(uri, 'a%20b/my%20memo%20%231%20100%25.md');
    // Resolved against a base, it names the file and has no fragment.
    const url = new URL(uri, 'file:///repo/');
    assert.equal(url.hash, '');
    assert.equal(fileURLToPath(url), join('/repo', 'a b', name));
  }

  const absPath = join(dir, 'a b', name);
  for (const uri of uris(run([absPath, '--format', 'sarif', ...TODAY]))) {
    assert.match(uri, /^file:\/\//);
    assert.match(uri.slice('file:'.length), URI_CHARS);
    assert.equal(fileURLToPath(uri), absPath);
  }
});

/** A folder that is a repository, with a memo that names `ref` in its front matter. */
function repoWithMemo(ref: string, repo = scratch('repo')): { repo: string; memo: string } {
  fs.mkdirSync(join(repo, '.git'));
  fs.mkdirSync(join(repo, 'docs'));
  const memo = join(repo, 'docs', 'memo.md');
  fs.writeFileSync(memo, `---\npresence: ${ref}\n---\n${FIXABLE}`);
  return { repo, memo };
}

const json = (r: { stdout: string }) =>
  JSON.parse(r.stdout) as Array<{ rubric: string; findings: Array<{ ruleId: string; message: string }> }>;

test('a rubric named by a document is read only from inside its repository, and never quoted', { skip: !posix }, () => {
  const outside = scratch('outside');
  const secret = join(outside, 'secret.json');
  fs.writeFileSync(secret, 'SECRET_TOKEN=ghp_abc');
  for (const absolute of [true, false]) {
    const probe = scratch('repo');
    const { repo, memo } = repoWithMemo(absolute ? secret : relative(join(probe, 'docs'), secret), probe);
    const r = run([memo, '--format', 'json', ...TODAY], { cwd: repo });
    assert.doesNotMatch(r.stdout + r.stderr, /SECRET_TOKEN|ghp_abc/, 'the file was not read, let alone quoted');
    const [file] = json(r);
    const invalid = file.findings.find((f) => f.ruleId === 'rubric/invalid');
    assert.ok(invalid, 'the document gets a rubric error');
    assert.match(invalid.message, /is outside the document's repository, so it was not read/, 'that says why, not "no rubric named"');
    assert.equal(file.rubric, 'executive', 'and the default rubric instead');
    assert.match(r.stderr, /rubric ".*secret\.json" is outside the document's repository \(.*\), so it was not read/);
  }

  // Inside the repository, a front-matter rubric is used; a committed symlink that leads out of it is not followed.
  const { repo, memo } = repoWithMemo('../rubrics/team.json');
  fs.mkdirSync(join(repo, 'rubrics'));
  // (With a byte-order mark, as some editors save JSON.)
  fs.writeFileSync(join(repo, 'rubrics', 'team.json'), `\uFEFF${JSON.stringify({ extends: 'board-update' })}`);
  const inside = json(run([memo, '--format', 'json', ...TODAY], { cwd: repo }))[0];
  assert.equal(inside.rubric, '../rubrics/team.json');
  assert.ok(!inside.findings.some((f) => f.ruleId === 'rubric/invalid'));
  fs.rmSync(join(repo, 'rubrics', 'team.json'));
  fs.symlinkSync(secret, join(repo, 'rubrics', 'team.json'));
  const viaLink = run([memo, '--format', 'json', ...TODAY], { cwd: repo });
  assert.doesNotMatch(viaLink.stdout + viaLink.stderr, /SECRET_TOKEN/);
  assert.ok(json(viaLink)[0].findings.some((f) => f.ruleId === 'rubric/invalid'));

  // Outside any repository, the working folder is the boundary.
  const loose = scratch('loose');
  fs.writeFileSync(join(loose, 'memo.md'), `---\npresence: ${secret}\n---\n${FIXABLE}`);
  const r = run(['memo.md', '--format', 'json', ...TODAY], { cwd: loose });
  assert.doesNotMatch(r.stdout, /SECRET_TOKEN/);
  assert.match(r.stderr, /outside the working folder/);

  // A workspace rubric name is a name, not a path, and its file may not be a symlink that leads out.
  const named = repoWithMemo('../../secret');
  fs.writeFileSync(join(named.repo, 'secret.json'), 'SECRET_TOKEN');
  const byName = run([named.memo, '--format', 'json', ...TODAY], { cwd: join(named.repo, 'docs') });
  assert.doesNotMatch(byName.stdout, /SECRET_TOKEN/);
  assert.ok(json(byName)[0].findings.some((f) => f.ruleId === 'rubric/invalid'));
  fs.writeFileSync(named.memo, `---\npresence: team\n---\n${FIXABLE}`);
  fs.mkdirSync(join(named.repo, '.presence', 'rubrics'), { recursive: true });
  fs.symlinkSync(secret, join(named.repo, '.presence', 'rubrics', 'team.json'));
  const linked = run([named.memo, '--format', 'json', ...TODAY], { cwd: join(named.repo, 'docs') });
  assert.doesNotMatch(linked.stdout, /SECRET_TOKEN/);
  assert.match(linked.stderr, /rubric "team" is outside the document's repository/);

  // A --rubric path on the command line is the user's own choice, read wherever it is.
  fs.writeFileSync(join(outside, 'mine.json'), JSON.stringify({ extends: 'strategy-memo' }));
  fs.writeFileSync(join(loose, 'plain.md'), FIXABLE);
  const ref = relative(loose, join(outside, 'mine.json'));
  const [mine] = json(run(['plain.md', '--rubric', ref, '--format', 'json', ...TODAY], { cwd: loose }));
  assert.equal(mine.rubric, ref);
  assert.ok(!mine.findings.some((f) => f.ruleId === 'rubric/invalid'));
});

test('a FIFO, a device or a 1 GB file, as input or rubric, is refused at once without being read', { skip: !posix }, () => {
  const dir = scratch('special');
  fs.mkdirSync(join(dir, '.git'));
  assert.equal(spawnSync('mkfifo', [join(dir, 'pipe.md'), join(dir, 'pipe.json')]).status, 0);
  fs.symlinkSync('/dev/zero', join(dir, 'zero.json'));
  fs.symlinkSync('/dev/zero', join(dir, 'zero.md'));
  // Sparse: 1 GB on paper, nothing on disk.
  fs.closeSync(fs.openSync(join(dir, 'big.md'), 'w'));
  fs.truncateSync(join(dir, 'big.md'), 1024 ** 3);

  const input = run(['pipe.md', 'zero.md', 'big.md'], { cwd: dir });
  assert.equal(input.status, 2);
  assert.match(input.stderr, /pipe\.md: is a named pipe \(FIFO\), not a regular file; skipped/);
  assert.match(input.stderr, /zero\.md: is a device, not a regular file; skipped/);
  assert.match(input.stderr, /big\.md: is 1024\.0 MB, over the 50 MB limit; skipped/);

  // Refused before reading: the 1 GB file goes through in far less memory than it would take to hold it.
  const capped = spawnSync('bash', ['-c', 'ulimit -v 1000000 && exec "$0" "$@"', process.execPath, CLI, 'big.md'], {
    cwd: dir,
    encoding: 'utf8',
    timeout: TIMEOUT_MS,
  });
  assert.match(capped.stderr, /big\.md: is 1024\.0 MB, over the 50 MB limit; skipped/);

  fs.writeFileSync(join(dir, 'memo.md'), FIXABLE);
  for (const rubric of ['pipe.json', 'zero.json']) {
    const r = run(['memo.md', '--rubric', rubric, '--format', 'json', ...TODAY], { cwd: dir });
    assert.ok(
      json(r)[0].findings.some((f) => f.ruleId === 'rubric/invalid'),
      `${rubric}: a rubric error, not a hang`,
    );
    assert.match(r.stderr, /not a regular file, so it was not used/);
  }
});

test('a rubric that cannot be read is read and reported once per run, not once per file', { skip: !posix }, () => {
  const dir = scratch('once');
  fs.mkdirSync(join(dir, '.git'));
  assert.equal(spawnSync('mkfifo', [join(dir, 'pipe.json')]).status, 0);
  for (let i = 0; i < 5; i++) fs.writeFileSync(join(dir, `m${i}.md`), `---\npresence: pipe.json\n---\n${FIXABLE}`);
  const r = run(['.', '--format', 'json', ...TODAY], { cwd: dir });
  assert.equal(json(r).length, 5);
  assert.equal(r.stderr.split('\n').filter((l) => l.includes('pipe.json')).length, 1, r.stderr);
});

test("a relative extends in a path rubric resolves against that rubric's folder", () => {
  const dir = scratch('extends');
  fs.mkdirSync(join(dir, '.git'));
  fs.mkdirSync(join(dir, 'rubrics', 'base'), { recursive: true });
  fs.writeFileSync(join(dir, 'rubrics', 'team.json'), JSON.stringify({ extends: 'base/common.json' }));
  fs.writeFileSync(join(dir, 'rubrics', 'base', 'common.json'), JSON.stringify({ extends: 'strategy-memo' }));
  fs.writeFileSync(join(dir, 'memo.md'), FIXABLE);
  fs.mkdirSync(join(dir, 'docs'));
  fs.writeFileSync(join(dir, 'docs', 'memo.md'), `---\npresence: ../rubrics/team.json\n---\n${FIXABLE}`);
  // From the command line and from front matter, with the working folder elsewhere than the rubric.
  for (const [args, cwd] of [
    [['../memo.md', '--rubric', '../rubrics/team.json'], join(dir, 'docs')],
    [['docs/memo.md'], dir],
  ] as Array<[string[], string]>) {
    const [file] = json(run([...args, '--format', 'json', ...TODAY], { cwd }));
    assert.deepEqual(
      file.findings.filter((f) => f.ruleId === 'rubric/invalid').map((f) => f.message),
      [],
      `${args.join(' ')} in ${relative(dir, cwd) || '.'}`,
    );
    assert.match(file.rubric, /team\.json$/);
  }
  // The boundary holds along the chain: a document's rubric may not extend its way out of the repository…
  const outside = join(scratch('far'), 'far.json');
  fs.writeFileSync(outside, '{"extends": "strategy-memo", "description": "SECRET_TOKEN far away"}');
  fs.writeFileSync(join(dir, 'rubrics', 'team.json'), JSON.stringify({ extends: relative(join(dir, 'rubrics'), outside) }));
  const out = run(['docs/memo.md', '--format', 'json', ...TODAY], { cwd: dir });
  assert.ok(json(out)[0].findings.some((f) => f.ruleId === 'rubric/invalid'));
  assert.doesNotMatch(out.stdout, /SECRET_TOKEN/);
  assert.match(out.stderr, /far\.json" is outside the document's repository/);
  // …while a rubric the user named on the command line may extend one anywhere.
  const mine = run(['memo.md', '--rubric', 'rubrics/team.json', '--format', 'json', ...TODAY], { cwd: dir });
  assert.deepEqual(
    json(mine)[0]
      .findings.filter((f) => f.ruleId === 'rubric/invalid')
      .map((f) => f.message),
    [],
  );
});

test('--rubric team.json and a document\'s own "presence: team.json" in another folder are different rubrics', () => {
  const dir = scratch('same-name');
  fs.mkdirSync(join(dir, '.git'));
  fs.mkdirSync(join(dir, 'sub'));
  fs.writeFileSync(join(dir, 'team.json'), JSON.stringify({ extends: 'executive', weights: { composure: 0 } }));
  fs.writeFileSync(join(dir, 'sub', 'team.json'), JSON.stringify({ extends: 'executive', weights: { impact: 0 } }));
  fs.writeFileSync(join(dir, 'sub', 'memo.md'), `---\npresence: team.json\n---\n${FIXABLE}`);
  const [file] = json(run(['sub/memo.md', '--rubric', 'team.json', '--format', 'json', ...TODAY], { cwd: dir }));
  const weight = (d: string): number | undefined =>
    ((file as unknown as { score: unknown }).score as { dimensions: { dimension: string; weight: number }[] }).dimensions.find(
      (x) => x.dimension === d,
    )?.weight;
  // The front matter names the rubric beside the document (impact off), not the one in the working folder.
  assert.equal(weight('impact'), 0);
  assert.notEqual(weight('composure'), 0);
});
