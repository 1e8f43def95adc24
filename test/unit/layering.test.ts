// The layers the design promises, checked on the source: core (parsing helpers) imports nothing above it; the
// engine and the rules are pure (no editor, no LSP, no file system, no network, no clock), so the same analysis runs
// in the server, its worker, the CLI and the tests. A new import that breaks a layer fails here with its line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../scripts/repo.ts';

const SRC = path.join(REPO_ROOT, 'server/src');
const filesIn = (dir: string): string[] =>
  readdirSync(path.join(SRC, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesIn(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));

/** Every module specifier a file imports or re-exports, with its line. */
function imports(file: string): Array<{ spec: string; line: number }> {
  const text = readFileSync(path.join(SRC, file), 'utf8');
  const out: Array<{ spec: string; line: number }> = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\b[^'"\n]*?(?:from\s+)?['"]([^'"]+)['"]/gm)) out.push({ spec: m[1]!, line: text.slice(0, m.index).split('\n').length });
  for (const m of text.matchAll(/\b(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push({ spec: m[1]!, line: text.slice(0, m.index).split('\n').length });
  return out;
}

/** Where a relative specifier lands, as a path under server/src ('' when it leaves it, e.g. rubric data). */
const target = (file: string, spec: string): string => {
  const abs = path.normalize(path.join(path.dirname(file), spec));
  return abs.startsWith('..') ? '' : abs.split(path.sep).join('/');
};

// Editor, protocol, process and I/O modules a pure layer may not use.
const IMPURE = /^(?:vscode|vscode-languageserver|vscode-languageclient|node:|fs$|path$|child_process$|worker_threads$|http|https$|net$)/;

function violations(dir: string, allowed: (to: string) => boolean): string[] {
  const bad: string[] = [];
  for (const file of filesIn(dir)) {
    for (const { spec, line } of imports(file)) {
      if (spec.startsWith('.')) {
        const to = target(file, spec);
        if (to !== '' && !allowed(to)) bad.push(`${file}:${line} imports ${spec}`);
      } else if (IMPURE.test(spec)) bad.push(`${file}:${line} imports ${spec}`);
    }
  }
  return bad;
}

test('core imports nothing above it', () => {
  assert.deepEqual(violations('core', (to) => to.startsWith('core/')), []);
});

test('the engine and the rules are pure: no editor, LSP, CLI, file system or process modules', () => {
  const pure = (to: string): boolean => /^(?:core|engine|rules)\//.test(to);
  assert.deepEqual(violations('engine', pure), []);
  assert.deepEqual(violations('rules', pure), []);
});

test('the engine and the rules read no clock: "today" comes from the caller', () => {
  const bad: string[] = [];
  for (const dir of ['engine', 'rules', 'core']) {
    for (const file of filesIn(dir)) {
      readFileSync(path.join(SRC, file), 'utf8').split('\n').forEach((l, i) => {
        if (/\b(?:Date\.now|new Date\(\)|performance\.now|process\.(?:env|hrtime|cwd))\b/.test(l.replace(/\/\/.*$/, ''))) bad.push(`${file}:${i + 1}: ${l.trim()}`);
      });
    }
  }
  assert.deepEqual(bad, []);
});

test('the layering check sees real imports (it would catch one)', () => {
  assert.ok(imports('engine/analyze.ts').some((i) => i.spec === '../core/document.js'));
  assert.ok(IMPURE.test('node:fs') && IMPURE.test('vscode-languageserver/node'));
});
