// The layers the design promises, checked on the source. core/ (parsing, front matter, masking, segmentation,
// phrases, the line index, globs, disable comments) imports only core/; the engine imports core/ and itself, never
// a rule; the rules import core/, each other and only the engine's contract types; presence.ts binds the built-in
// rule set to the engine, and the doors (server, worker, CLI) reach the engine and the rules only through it.
// Everything below the doors is pure (no editor, LSP, file system, network, process or clock), so the same analysis
// runs in the server, its worker, the CLI and the tests. A new import or global that breaks a layer fails here
// with its line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { REPO_ROOT } from '../../scripts/repo.ts';

const SRC = path.join(REPO_ROOT, 'server/src');
const filesIn = (dir: string): string[] =>
  readdirSync(path.join(SRC, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesIn(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name).split(path.sep).join('/')] : [],
  );
const parsed = new Map<string, ts.SourceFile>();
const read = (file: string): ts.SourceFile => {
  let source = parsed.get(file);
  if (!source)
    parsed.set(file, (source = ts.createSourceFile(file, readFileSync(path.join(SRC, file), 'utf8'), ts.ScriptTarget.Latest, true)));
  return source;
};
const lineOf = (node: ts.Node): number => node.getSourceFile().getLineAndCharacterOfPosition(node.getStart()).line + 1;

interface Import {
  spec: string;
  line: number;
  /** Erased at build time: `import type`, `export type`, or every named binding marked `type`. */
  typeOnly: boolean;
}

/** Every module a file imports or re-exports (static, dynamic or require), as the TypeScript parser reads it. */
function imports(source: ts.SourceFile): Import[] {
  const out: Import[] = [];
  const visit = (node: ts.Node): void => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      let typeOnly: boolean;
      if (ts.isImportDeclaration(node)) {
        const clause = node.importClause;
        const named = clause?.namedBindings;
        typeOnly =
          clause !== undefined &&
          (clause.isTypeOnly ||
            (!clause.name &&
              named !== undefined &&
              ts.isNamedImports(named) &&
              named.elements.length > 0 &&
              named.elements.every((e) => e.isTypeOnly)));
      } else {
        const named = node.exportClause;
        typeOnly =
          node.isTypeOnly ||
          (named !== undefined && ts.isNamedExports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly));
      }
      out.push({ spec: node.moduleSpecifier.text, line: lineOf(node), typeOnly });
    } else if (
      ts.isCallExpression(node) &&
      (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require'))
    ) {
      const arg = node.arguments[0];
      if (arg && ts.isStringLiteralLike(arg)) out.push({ spec: arg.text, line: lineOf(node), typeOnly: false });
    } else if (
      ts.isImportEqualsDeclaration(node) &&
      ts.isExternalModuleReference(node.moduleReference) &&
      ts.isStringLiteral(node.moduleReference.expression)
    ) {
      out.push({ spec: node.moduleReference.expression.text, line: lineOf(node), typeOnly: node.isTypeOnly });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** Where a relative specifier lands: a path under server/src ('core/document.ts'), or 'data:…' for rubric data. */
function target(file: string, spec: string): string {
  const abs = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)).replace(/\.js$/, '.ts');
  if (!abs.startsWith('..')) return abs;
  // Out of server/src: only the JSON data under rubrics/ is expected (word lists, rubrics, section roles).
  const repo = path.posix.normalize(path.posix.join('server/src', abs));
  return /^rubrics\/.*\.json$/.test(repo) ? `data:${repo}` : `outside:${repo}`;
}

// Editor, protocol, process and I/O modules no layer below the doors may use.
const IMPURE =
  /^(?:vscode|vscode-languageserver|vscode-languageclient|node:|fs$|fs\/|path$|os$|child_process$|worker_threads$|http|https$|net$|tls$|dgram$|dns$|readline$|perf_hooks$|timers)/;

type Rule = (to: string, imp: Import) => boolean;

/** The imports of `files` that break the layer: a relative target `allowed` refuses, or (in a pure layer) an impure module. */
function violations(files: readonly string[], allowed: Rule, pure = true, sources: (f: string) => ts.SourceFile = read): string[] {
  const bad: string[] = [];
  for (const file of files) {
    for (const imp of imports(sources(file))) {
      if (imp.spec.startsWith('.') ? !allowed(target(file, imp.spec), imp) : pure && IMPURE.test(imp.spec))
        bad.push(`${file}:${imp.line} imports ${imp.spec}`);
    }
  }
  return bad;
}

const inLayer =
  (...dirs: string[]) =>
  (to: string): boolean =>
    to.startsWith('data:') || dirs.some((d) => to.startsWith(`${d}/`));
// The engine's contract: what a rule is and what an analysis returns. Rules may name it, as types only.
const ENGINE_CONTRACT = new Set(['engine/rule.ts', 'engine/types.ts']);

const CORE: Rule = inLayer('core');
const ENGINE: Rule = inLayer('core', 'engine');
const RULES: Rule = (to, imp) => inLayer('core', 'rules')(to) || (ENGINE_CONTRACT.has(to) && imp.typeOnly);
const COMPOSITION: Rule = inLayer('core', 'engine', 'rules');
// A door reaches the engine and the rules through presence.ts; the result shapes (engine/types.ts) it may name as types.
const DOOR: Rule = (to, imp) => !/^(?:engine|rules)\//.test(to) || (to === 'engine/types.ts' && imp.typeOnly);

const DOORS = ['lsp', 'cli', 'io']
  .flatMap(filesIn)
  .concat(['server.ts', 'serverMain.ts', 'cli.ts', 'cliEntry.ts', 'analysisWorker.ts', 'analysisWorkerEntry.ts', 'protocol.ts']);
const BELOW_DOORS = ['core', 'engine', 'rules'].flatMap(filesIn).concat(['presence.ts']);

test('core imports only core (and rubric data)', () => {
  assert.deepEqual(violations(filesIn('core'), CORE), []);
});

test('the engine imports only core and itself: no rule, no rule registry', () => {
  assert.deepEqual(violations(filesIn('engine'), ENGINE), []);
});

test("the rules import core, each other and, as types only, the engine's contract (engine/rule.ts, engine/types.ts)", () => {
  assert.deepEqual(violations(filesIn('rules'), RULES), []);
});

test('presence.ts, the composition, imports core, the engine and the rules; the doors reach those only through it', () => {
  assert.deepEqual(violations(['presence.ts'], COMPOSITION), []);
  assert.deepEqual(violations(DOORS, DOOR, false), []);
});

// Globals that read the clock, the process or the outside world, or are not deterministic.
const IMPURE_GLOBALS = new Set([
  'process',
  'Date',
  'performance',
  'globalThis',
  'require',
  'setTimeout',
  'setInterval',
  'setImmediate',
  'queueMicrotask',
  'fetch',
  'crypto',
]);

/** Uses of impure globals in a file: identifiers that refer to them (not property names or keys), and Math.random. */
function impureGlobals(source: ts.SourceFile, file: string): string[] {
  const bad: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && IMPURE_GLOBALS.has(node.text)) {
      const p = node.parent;
      const isName =
        (ts.isPropertyAccessExpression(p) && p.name === node) ||
        (ts.isQualifiedName(p) && p.right === node) ||
        ((ts.isPropertyAssignment(p) ||
          ts.isPropertySignature(p) ||
          ts.isPropertyDeclaration(p) ||
          ts.isMethodDeclaration(p) ||
          ts.isMethodSignature(p)) &&
          p.name === node);
      if (!isName) bad.push(`${file}:${lineOf(node)} uses ${node.text}`);
    } else if (
      ts.isPropertyAccessExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'Math' &&
      node.name.text === 'random'
    )
      bad.push(`${file}:${lineOf(node)} uses Math.random`);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return bad;
}

test('below the doors nothing reads the clock, the process or the outside world: "today" comes from the caller', () => {
  assert.deepEqual(
    BELOW_DOORS.flatMap((f) => impureGlobals(read(f), f)),
    [],
  );
  assert.deepEqual(
    violations(BELOW_DOORS, () => true),
    [],
    'no editor, LSP, file system, process or network module',
  );
});

test('the layering check sees real imports and globals (it would catch a regression)', () => {
  // It reads this codebase's imports…
  const analyze = imports(read('engine/analyze.ts'));
  assert.ok(analyze.some((i) => i.spec === '../core/document.js' && !i.typeOnly));
  assert.ok(analyze.some((i) => i.spec === './rule.js' && i.typeOnly));
  assert.ok(imports(read('core/document.ts')).some((i) => i.spec === 'markdown-it'));
  assert.ok(IMPURE.test('node:fs') && IMPURE.test('vscode-languageserver/node') && !IMPURE.test('markdown-it'));
  // …and would refuse each kind of regression, on made-up files.
  const fake =
    (text: string) =>
    (f: string): ts.SourceFile =>
      ts.createSourceFile(f, text, ts.ScriptTarget.Latest, true);
  const check = (file: string, text: string, rule: Rule): string[] => violations([file], rule, rule !== DOOR, fake(text));
  assert.deepEqual(check('core/x.ts', "import { a } from '../engine/analyze.js';", CORE), ['core/x.ts:1 imports ../engine/analyze.js']);
  assert.deepEqual(check('engine/x.ts', "import { RULES } from '../rules/registry.js';", ENGINE), [
    'engine/x.ts:1 imports ../rules/registry.js',
  ]);
  assert.deepEqual(check('engine/x.ts', "export { RULES } from '../rules/registry.js';", ENGINE), [
    'engine/x.ts:1 imports ../rules/registry.js',
  ]);
  assert.deepEqual(check('engine/x.ts', "const m = await import('../presence.js');", ENGINE), ['engine/x.ts:1 imports ../presence.js']);
  assert.deepEqual(check('rules/x.ts', "import { score } from '../engine/score.js';", RULES), ['rules/x.ts:1 imports ../engine/score.js']);
  assert.deepEqual(check('rules/x.ts', "import { DIMENSIONS } from '../engine/types.js';", RULES), [
    'rules/x.ts:1 imports ../engine/types.js',
  ]);
  assert.deepEqual(
    check('rules/x.ts', "import type { Fix } from '../engine/types.js';\nimport { type Rule } from '../engine/rule.js';", RULES),
    [],
  );
  assert.deepEqual(check('rules/x.ts', "import { readFileSync } from 'node:fs';", RULES), ['rules/x.ts:1 imports node:fs']);
  assert.deepEqual(check('core/x.ts', "import data from '../../../rubrics/data/grammar.json';", CORE), []);
  assert.deepEqual(check('core/x.ts', "import x from '../../../scripts/repo.ts';", CORE), ['core/x.ts:1 imports ../../../scripts/repo.ts']);
  assert.deepEqual(check('lsp/x.ts', "import { Analyzer } from '../engine/analyze.js';", DOOR), [
    'lsp/x.ts:1 imports ../engine/analyze.js',
  ]);
  assert.deepEqual(
    check('lsp/x.ts', "import { Analyzer } from '../presence.js';\nimport type { Finding } from '../engine/types.js';", DOOR),
    [],
  );
  const globals = (text: string): string[] => impureGlobals(fake(text)('engine/x.ts'), 'engine/x.ts');
  assert.deepEqual(globals('const t = Date.now();\nconst e = process.env.X;\nconst r = Math.random();'), [
    'engine/x.ts:1 uses Date',
    'engine/x.ts:2 uses process',
    'engine/x.ts:3 uses Math.random',
  ]);
  assert.deepEqual(
    globals("// Date.now() in a comment\nconst s = 'process and Date in a string';\nconst o = { process: 1, Date: 2 };\no.process;"),
    [],
  );
});

// The VS Code client shares the server's parsers (globs, front matter, snippet slots) and its protocol, so both sides
// agree; it never runs the engine or a rule, and it names the engine's result shapes as types only.
const CLIENT_SRC = path.join(REPO_ROOT, 'client/src');
const clientFiles = readdirSync(CLIENT_SRC).filter((f) => f.endsWith('.ts'));
const readClient = (file: string, text?: string): ts.SourceFile =>
  ts.createSourceFile(file, text ?? readFileSync(path.join(CLIENT_SRC, file), 'utf8'), ts.ScriptTarget.Latest, true);
/** The client's imports into the server tree that it may not make. */
function clientViolations(file: string, source: ts.SourceFile): string[] {
  const bad: string[] = [];
  for (const imp of imports(source)) {
    if (!imp.spec.startsWith('.')) continue;
    const to = path.posix.normalize(path.posix.join('client/src', imp.spec)).replace(/\.js$/, '.ts');
    if (!to.startsWith('server/src/')) continue;
    const rel = to.slice('server/src/'.length);
    if (rel === 'protocol.ts' || rel.startsWith('core/') || (rel === 'engine/types.ts' && imp.typeOnly)) continue;
    bad.push(`client/src/${file}:${imp.line} imports ${imp.spec}`);
  }
  return bad;
}

test('the client reaches the server tree only for the protocol, core parsers and, as types, the result shapes', () => {
  assert.ok(clientFiles.length > 10);
  assert.ok(imports(readClient('audit.ts')).some((i) => i.spec === '../../server/src/core/glob.js'));
  assert.deepEqual(
    clientFiles.flatMap((f) => clientViolations(f, readClient(f))),
    [],
  );
  assert.deepEqual(clientViolations('x.ts', readClient('x.ts', "import { RULES } from '../../server/src/rules/registry.js';")), [
    'client/src/x.ts:1 imports ../../server/src/rules/registry.js',
  ]);
  assert.deepEqual(clientViolations('x.ts', readClient('x.ts', "import { DIMENSIONS } from '../../server/src/engine/types.js';")), [
    'client/src/x.ts:1 imports ../../server/src/engine/types.js',
  ]);
  assert.deepEqual(clientViolations('x.ts', readClient('x.ts', "import type { Dimension } from '../../server/src/engine/types.js';")), []);
});
