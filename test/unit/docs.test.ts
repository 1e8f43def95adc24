// The rule documentation: one page per rule in the shape the hover reads, an index that lists every rule, no
// page for a rule that does not exist, and examples that tell the truth: each page's "Before" makes its rule
// fire and its "After" does not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { analyze, RULES, type AnalyzeOptions } from '../../server/src/presence.ts';
import { parseDocPage } from '../../server/src/lsp/ruleDocs.ts';
import { REPO_ROOT } from '../../scripts/repo.ts';

const ROOT = REPO_ROOT;
const DOCS = path.join(ROOT, 'docs', 'rules');
const SECTIONS = ['Why it matters', 'Before', 'After', 'Fixes', 'Turn it off'];
/** Findings the engine reports that are not rules in RULES, each with its own page. */
const ENGINE_PAGES = ['rubric/invalid', 'presence/too-large'];
const TODAY = '2026-11-22';

/**
 * Team rubrics that example documents name in their front matter, for limits too large to show in a short
 * example with a built-in rubric. Each page that uses one says so in its text.
 */
const EXAMPLE_RUBRICS: Record<string, object> = {
  'one-pager': { name: 'one-pager', extends: 'executive', thresholds: { documentWords: 80 } },
};
const OPTIONS: AnalyzeOptions = {
  today: TODAY,
  resolveRubric: (ref) =>
    EXAMPLE_RUBRICS[ref] ? { path: `.presence/rubrics/${ref}.json`, text: JSON.stringify(EXAMPLE_RUBRICS[ref]) } : undefined,
};

/**
 * Examples that cannot be made to behave with the current rules, by rule id and side, with the reason. Every
 * entry is reported to the lead as a probable rule bug; remove it when the rule is fixed.
 */
const KNOWN_BAD: Record<string, { before?: string; after?: string }> = {};

function read(doc: string): string {
  return readFileSync(path.join(ROOT, doc), 'utf8');
}

/** Headings of the page's `## ` sections, in order, ignoring fenced examples. */
function sectionHeadings(text: string): string[] {
  return [...parseDocPage(text).sections.keys()];
}

/** The Markdown example in a section: its first fenced block, or the whole body when it has no fence. */
function example(text: string, section: string): string {
  const body = parseDocPage(text).sections.get(section) ?? '';
  const fence = /^(`{3,}|~{3,})[^\n]*\n([\s\S]*?)\n\1[ \t]*$/m.exec(body);
  return fence ? fence[2] + '\n' : body;
}

function firedRules(text: string): string[] {
  return analyze(text, undefined, OPTIONS).findings.map((f) => f.ruleId);
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const ids = RULES.map((r) => r.id);

test('every rule has a page at its doc path, in the shape the hover reads', () => {
  for (const rule of RULES) {
    assert.equal(rule.doc, `docs/rules/${rule.id}.md`, `${rule.id}: doc path`);
    const file = path.join(ROOT, rule.doc);
    assert.ok(existsSync(file), `${rule.id}: ${rule.doc} is missing`);
  }
  for (const doc of [...RULES.map((r) => r.doc), ...ENGINE_PAGES.map((id) => `docs/rules/${id}.md`)]) {
    const text = read(doc);
    const id = doc.replace(/^docs\/rules\//, '').replace(/\.md$/, '');
    const first = text.split(/\r?\n/, 1)[0];
    assert.ok(text.startsWith('# '), `${doc}: starts with a "# " title`);
    assert.ok(first.includes(`(\`${id}\`)`), `${doc}: the title line names \`${id}\``);
    // A rule's page states its measured precision (scripts/review.ts docs writes it from the review).
    const expected = ids.includes(id) ? [...SECTIONS.slice(0, -1), 'Measured precision', SECTIONS[SECTIONS.length - 1]!] : SECTIONS;
    assert.deepEqual(sectionHeadings(text), expected, `${doc}: sections`);
    for (const s of expected) assert.ok((parseDocPage(text).sections.get(s) ?? '').length > 0, `${doc}: "${s}" is empty`);
    const lines = text.trimEnd().split(/\r?\n/).length;
    assert.ok(lines >= 20 && lines <= 60, `${doc}: ${lines} lines`);
  }
});

test('the index lists every rule and every engine page', () => {
  const index = readFileSync(path.join(DOCS, 'README.md'), 'utf8');
  for (const id of [...ids, ...ENGINE_PAGES]) {
    assert.ok(index.includes(`\`${id}\``), `README.md lists ${id}`);
    assert.ok(index.includes(`(${id.split('/')[0]}/${id.split('/')[1]}.md)`), `README.md links to ${id}.md`);
  }
});

test('no page documents a rule that does not exist', () => {
  const known = new Set([...ids, ...ENGINE_PAGES]);
  for (const file of walk(DOCS)) {
    const rel = path.relative(DOCS, file).split(path.sep).join('/');
    if (rel === 'README.md') continue;
    assert.ok(rel.endsWith('.md'), `${rel}: only Markdown pages under docs/rules`);
    assert.ok(known.has(rel.replace(/\.md$/, '')), `${rel}: no rule with this id`);
  }
});

for (const rule of RULES) {
  test(`${rule.id}: the "Before" example fires the rule and the "After" does not`, (t) => {
    const page = read(rule.doc);
    const bad = KNOWN_BAD[rule.id];
    const before = example(page, 'Before');
    const after = example(page, 'After');
    if (bad?.before) t.skip(bad.before);
    else assert.ok(firedRules(before).includes(rule.id), `${rule.id} should fire on:\n${before}\nfired: ${firedRules(before).join(', ')}`);
    if (bad?.after) t.skip(bad.after);
    else assert.ok(!firedRules(after).includes(rule.id), `${rule.id} should not fire on:\n${after}`);
  });
}

test('rubric/invalid: the "Before" example names a rubric that cannot be used, the "After" one that can', () => {
  const page = read('docs/rules/rubric/invalid.md');
  const before = analyze(example(page, 'Before'), undefined, OPTIONS);
  assert.ok(before.findings.some((f) => f.ruleId === 'rubric/invalid'));
  assert.equal(before.rubric, 'executive');
  const after = analyze(example(page, 'After'), undefined, OPTIONS);
  assert.ok(!after.findings.some((f) => f.ruleId === 'rubric/invalid'));
});

test('the debounce bound the server enforces is the one package.json advertises', () => {
  const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
    contributes: { configuration: { properties: Record<string, { maximum?: number }> } };
  };
  const source = readFileSync(path.join(REPO_ROOT, 'server/src/lsp/settings.ts'), 'utf8');
  const m = /const MAX_DEBOUNCE_MS = ([\d_]+);/.exec(source);
  assert.ok(m, 'settings.ts declares MAX_DEBOUNCE_MS');
  assert.equal(Number(m[1]!.replace(/_/g, '')), pkg.contributes.configuration.properties['presence.debounceMs']!.maximum);
});
