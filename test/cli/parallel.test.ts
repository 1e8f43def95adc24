// The CLI on several threads prints exactly what it prints on one: the same bytes on stdout and stderr, in file
// order, and the same exit code (PRESENCE_THREADS picks the thread count).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromRoot, REPO_ROOT } from '../../scripts/repo.ts';

const CLI = join(REPO_ROOT, 'dist/cli.js');
const posix = process.platform !== 'win32';

before(() => {
  if (!fs.existsSync(CLI)) spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
});

function run(args: string[], cwd: string, threads: number) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, PRESENCE_THREADS: String(threads) },
  });
  assert.equal(r.signal, null);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A repository of 40 memos (enough for two threads) with everything that makes a file's output differ, spread over the run. */
function folder(): string {
  const dir = fs.mkdtempSync(join(tmpdir(), 'presence-threads-'));
  fs.mkdirSync(join(dir, '.git'));
  const weak = fs.readFileSync(fromRoot('examples/weak-board-update.md'), 'utf8');
  const strong = fs.readFileSync(fromRoot('examples/strong-board-update.md'), 'utf8');
  const plain = '# Memo\n\nUnfortunately, I think we should ship in order to learn. That is EXTREMELY good!\n';
  if (posix) spawnSync('mkfifo', [join(dir, 'pipe.json')]);
  for (let i = 0; i < 40; i++) {
    const name = join(dir, `m${String(i).padStart(2, '0')}.md`);
    if (i % 17 === 5)
      fs.writeFileSync(name, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1])); // binary: an error line
    else if (i % 13 === 7)
      fs.writeFileSync(name, Buffer.concat([Buffer.from('# R'), Buffer.from([0xe9]), Buffer.from(`sum\n\n${plain}`)])); // not UTF-8: a note
    else if (i % 7 === 3)
      fs.writeFileSync(name, `---\npresence: ${posix ? 'pipe.json' : 'missing.json'}\n---\n${plain}`); // a rubric note, once per run
    else if (i % 11 === 9)
      fs.writeFileSync(name, '---\npresence: ../../outside.json\n---\n' + plain); // outside the repository
    else fs.writeFileSync(name, [weak, strong, plain][i % 3]!);
  }
  return dir;
}

test('two threads print the same bytes and exit code as one, in every format', () => {
  const dir = folder();
  for (const format of ['text', 'json', 'sarif']) {
    const args = ['.', '--format', format, '--today', '2026-11-22', '--min-score', '60'];
    const one = run(args, dir, 1);
    const two = run(args, dir, 2);
    assert.equal(two.stdout, one.stdout, `${format}: stdout`);
    assert.equal(two.stderr, one.stderr, `${format}: stderr`);
    assert.equal(two.status, one.status, `${format}: exit code`);
    assert.equal(one.status, 2, 'the binary file is a file error');
  }
  const quiet = ['.', '--quiet', '--min-score', '90', '--today', '2026-11-22'];
  assert.deepEqual(run(quiet, dir, 2), run(quiet, dir, 1));
  // Each unreadable rubric is reported once in the run, not once per thread.
  if (posix)
    assert.equal(
      run(['.', '--format', 'json'], dir, 2)
        .stderr.split('\n')
        .filter((l) => l.includes('pipe.json')).length,
      1,
    );
});

test('with two threads, output closed early still stops the run with 141 and nothing on stderr', { skip: !posix }, () => {
  const dir = folder();
  const r = spawnSync(
    'bash',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a bash variable, not a template.
    ['-c', '"$0" "$@" | head -1 >/dev/null; echo "status=${PIPESTATUS[0]}" >&2', process.execPath, CLI, '.', '--format', 'json'],
    { cwd: dir, encoding: 'utf8', timeout: 60_000, env: { ...process.env, PRESENCE_THREADS: '2' } },
  );
  assert.equal(r.signal, null);
  const lines = r.stderr.trim().split('\n');
  assert.equal(lines.pop(), 'status=141');
  // What the files before the stop said about themselves (a rubric note, a binary file) may come first.
  for (const l of lines) assert.match(l, /^presence: /);
});
