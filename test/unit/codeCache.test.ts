// Loading a bundle through V8's code cache (server/src/io/codeCache.ts): each case is a fresh node process, as the
// entry points are, with its own cache folder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cacheFolder } from '../../server/src/io/codeCache.ts';
import { REPO_ROOT } from '../../scripts/repo.ts';

const LOADER = join(REPO_ROOT, 'server/src/io/codeCache.ts');

/** Runs `bundle` through runCached in a fresh process; its exports and what happened to the cache, in order. */
function load(bundle: string, cache: string): { exports: unknown; cache: string[] } {
  const script = `const { runCached } = require(${JSON.stringify(LOADER)});
const seen = [];
const out = runCached(${JSON.stringify(bundle)}, 'exit', (u) => seen.push(u));
// After runCached's own exit handler, which saves the cache.
process.on('exit', () => process.stdout.write(JSON.stringify({ exports: out, cache: seen })));`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], {
    encoding: 'utf8',
    env: { ...process.env, PRESENCE_CODE_CACHE: cache },
  });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as { exports: unknown; cache: string[] };
}

function bundleIn(dir: string, body: string): string {
  const file = join(dir, 'bundle.js');
  writeFileSync(file, `#!/usr/bin/env node\n${body}\n`);
  return file;
}

const BODY = "const path = require('node:path'); module.exports = { answer: 40 + 2, name: path.basename(__filename) };";

test('the first run compiles and saves; the next one reads the compiled code back and gets the same exports', () => {
  const dir = mkdtempSync(join(tmpdir(), 'presence-cc-'));
  const cache = join(dir, 'cache');
  const bundle = bundleIn(dir, BODY);
  const first = load(bundle, cache);
  assert.deepEqual(first, { exports: { answer: 42, name: 'bundle.js' }, cache: ['written'] });
  assert.equal(readdirSync(cache).filter((f) => f.startsWith('bundle-') && f.endsWith('.bin')).length, 1);
  assert.deepEqual(load(bundle, cache), { exports: { answer: 42, name: 'bundle.js' }, cache: ['used'] });
});

test('a damaged cache file is rejected, the bundle still runs, and a good cache replaces it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'presence-cc-'));
  const cache = join(dir, 'cache');
  const bundle = bundleIn(dir, BODY);
  load(bundle, cache);
  const [file] = readdirSync(cache);
  writeFileSync(join(cache, file!), Buffer.from('not compiled code at all'));
  assert.deepEqual(load(bundle, cache), { exports: { answer: 42, name: 'bundle.js' }, cache: ['rejected', 'written'] });
  assert.deepEqual(load(bundle, cache).cache, ['used']);
});

test('a changed bundle of the same length never runs the old compiled code, and its old cache is dropped', () => {
  // V8 itself would accept the old cache: it checks only the source's length.
  const dir = mkdtempSync(join(tmpdir(), 'presence-cc-'));
  const cache = join(dir, 'cache');
  const bundle = bundleIn(dir, BODY);
  load(bundle, cache);
  const before = readdirSync(cache);
  const changed = BODY.replace('40 + 2', '50 + 7');
  assert.equal(changed.length, BODY.length);
  bundleIn(dir, changed);
  assert.deepEqual(load(bundle, cache), { exports: { answer: 57, name: 'bundle.js' }, cache: ['written'] });
  const after = readdirSync(cache);
  assert.equal(after.length, 1);
  assert.notDeepEqual(after, before);
});

test('PRESENCE_CODE_CACHE=off compiles as plain require would and writes nothing; an unwritable folder is no error', () => {
  const dir = mkdtempSync(join(tmpdir(), 'presence-cc-'));
  const bundle = bundleIn(dir, BODY);
  assert.deepEqual(load(bundle, 'off'), { exports: { answer: 42, name: 'bundle.js' }, cache: ['off'] });
  assert.deepEqual(readdirSync(dir), ['bundle.js']);
  // A file where the folder should be: the cache cannot be made, the bundle runs anyway.
  const blocked = join(dir, 'blocked');
  writeFileSync(blocked, '');
  assert.deepEqual(load(bundle, join(blocked, 'cache')), { exports: { answer: 42, name: 'bundle.js' }, cache: ['unwritable'] });
  assert.equal(readFileSync(blocked, 'utf8'), '');
});

test('the cache lives in the user cache folder, not a shared temporary one', () => {
  assert.equal(cacheFolder({ PRESENCE_CODE_CACHE: 'off' }), undefined);
  assert.equal(cacheFolder({ PRESENCE_CODE_CACHE: '/somewhere/else' }), '/somewhere/else');
  if (process.platform === 'linux') assert.equal(cacheFolder({ XDG_CACHE_HOME: '/home/u/.cache' }), '/home/u/.cache/presence/code-cache');
  assert.ok(!cacheFolder({})!.startsWith(tmpdir()));
});
