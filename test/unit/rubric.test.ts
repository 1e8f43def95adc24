import { fromRoot } from '../../scripts/repo.ts';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import {
  analyze,
  Analyzer,
  applyEdits,
  loadRubric,
  RubricError,
  validateRubric,
  BUILTIN_RUBRIC_NAMES,
  type RubricSource,
} from '../../server/src/presence.ts';
import { rubricSchema } from '../../scripts/rubric-schema.ts';

const today = '2026-11-22';
const memo = 'I think we should ship the new pricing page. It will grow revenue.\n';

test('every built-in rubric file is valid and loads', () => {
  for (const f of readdirSync(fromRoot('rubrics')).filter((f) => f.endsWith('.json') && f !== 'schema.json' && f !== 'words.json')) {
    assert.deepEqual(validateRubric(readFileSync(fromRoot(`rubrics/${f}`), 'utf8'), f), [], f);
  }
  for (const name of BUILTIN_RUBRIC_NAMES) assert.equal(loadRubric(name).name, name);
});

test('the shipped JSON schema is generated from the engine and up to date', () => {
  assert.deepEqual(JSON.parse(readFileSync(fromRoot('rubrics/schema.json'), 'utf8')), rubricSchema());
});

test('front matter picks the rubric, then the caller, then executive', () => {
  assert.equal(analyze(memo, undefined, { today }).rubric, 'executive');
  assert.equal(analyze(memo, 'strategy-memo', { today }).rubric, 'strategy-memo');
  assert.equal(analyze(`---\npresence: board-update\n---\n${memo}`, 'strategy-memo', { today }).rubric, 'board-update');
});

test('extends inherits and overrides; a workspace rubric resolves by name', () => {
  const sources: Record<string, RubricSource> = {
    team: {
      path: '.presence/rubrics/team.json',
      text: JSON.stringify({ extends: 'board-update', rules: { conviction: 'off' }, thresholds: { sentenceWords: 12 } }),
    },
  };
  const r = loadRubric('team', (ref) => sources[ref]);
  assert.equal(r.thresholds.sentenceWords, 12);
  assert.equal(r.thresholds.documentWords, 1200); // from board-update
  assert.equal(r.severities.get('quantified/no-financials'), 'warning'); // from board-update
  const result = analyze(`---\npresence: team\n---\n${memo}`, undefined, { today, resolveRubric: (ref) => sources[ref] });
  assert.equal(result.rubric, 'team');
  assert.ok(!result.findings.some((f) => f.dimension === 'conviction'));
});

test('word lists can be extended, trimmed or replaced', () => {
  const src = (words: object): RubricSource => ({ path: 'x.json', text: JSON.stringify({ words }) });
  const add = analyze('We will ship it pronto.\n', 'x', { today, resolveRubric: () => src({ vagueTime: { add: ['pronto'] } }) });
  assert.deepEqual(
    add.findings.filter((f) => f.ruleId === 'quantified/vague-time').map((f) => f.message.slice(0, 8)),
    ['"pronto"'],
  );
  const remove = analyze('We will ship it soon.\n', 'x', { today, resolveRubric: () => src({ vagueTime: { remove: ['soon'] } }) });
  assert.ok(!remove.findings.some((f) => f.ruleId === 'quantified/vague-time'));
});

test('a hedge a rubric adds gets the drop fix when the rubric lists it as droppable, and a safe one when it only frames', () => {
  const src = (words: object): RubricSource => ({ path: 'x.json', text: JSON.stringify({ words }) });
  const text = 'We will, all being well, ship it in May.\n';
  const hedgeFix = (words: object) =>
    analyze(text, 'x', { today, resolveRubric: () => src(words) }).findings.find((f) => f.ruleId === 'conviction/hedge')?.fixes[0];
  // Flagged, but with no word the rule knows it may drop: the calibrated-estimate template.
  const added = { hedges: { add: ['all being well'] } };
  assert.match(hedgeFix(added)?.title ?? '', /Confidence/);
  const drop = hedgeFix({ ...added, droppableHedges: { add: ['all being well'] } });
  assert.deepEqual([drop?.title, drop?.safe], ['Drop "all being well"', false]);
  const framing = hedgeFix({ ...added, droppableHedges: { add: ['all being well'] }, framingHedges: { add: ['all being well'] } });
  assert.deepEqual([framing?.title, framing?.safe], ['Drop "all being well"', true]);
  assert.equal(applyEdits(text, framing!.edits), 'We will ship it in May.\n');
});

test('an opinion opener a rubric adds is treated as the built-in ones: the same safe fix, the same view frame', () => {
  const src = (words: object): RubricSource => ({ path: 'x.json', text: JSON.stringify({ words }) });
  const conviction = (text: string, words: object) =>
    analyze(text, 'x', { today, resolveRubric: () => src(words) })
      .findings.filter((f) => f.ruleId.startsWith('conviction/'))
      .map((f) => ({
        rule: f.ruleId,
        title: f.fixes[0]?.title,
        safe: f.fixes[0]?.safe,
        fixed: f.fixes[0] && applyEdits(text, f.fixes[0].edits),
      }));
  const reckon = { hedges: { add: ['we reckon'] }, opinionOpeners: { add: ['we reckon'] } };
  // Opening the sentence before the writer's plan: a hedge, dropped with its "that", safely (Fix All may).
  const plan = (opener: string, words: object) => conviction(`${opener} that we should ship it in May.\n`, words);
  assert.deepEqual(plan('I think', {}), [
    { rule: 'conviction/hedge', title: 'Drop "I think" and state it', safe: true, fixed: 'We should ship it in May.\n' },
  ]);
  assert.deepEqual(plan('We reckon', reckon), [
    { rule: 'conviction/hedge', title: 'Drop "We reckon" and state it', safe: true, fixed: 'We should ship it in May.\n' },
  ]);
  // A hedge that is not listed as an opener gets the calibrated-estimate template instead.
  assert.match(plan('We reckon', { hedges: { add: ['we reckon'] } })[0]?.title ?? '', /Confidence/);
  // Before a claim about the world it frames a view, as "we believe" does: a qualified claim, not the writer's hedge.
  const view = (opener: string, words: object) =>
    conviction(`${opener} the benefits outweigh the costs.\n`, words).map((f) => [f.rule, f.safe]);
  assert.deepEqual(view('We believe', {}), [['conviction/qualified-claim', false]]);
  assert.deepEqual(view('We reckon', reckon), view('We believe', {}));
});

test('rubric errors name the file, the field and the problem, and fall back to the default', () => {
  const cases: Array<[string, RegExp]> = [
    ['{ "rules": { "conviction/hedgee": "warning" } ', /not valid JSON \(line 1, column 47: the file ends before a closing "\}"\)/],
    ['[1, 2]', /must be a JSON object/],
    [
      '{ "rules": { "conviction/hedgee": "warning" } }',
      /rules\.conviction\/hedgee: unknown rule "conviction\/hedgee" \(did you mean "conviction\/hedge"\?\)/,
    ],
    ['{ "rules": { "conviction/hedge": "loud" } }', /severity must be one of/],
    ['{ "weights": { "impact": "high" } }', /weights\.impact: a weight must be a number/],
    ['{ "thresholds": { "sentenceWords": -3 } }', /thresholds\.sentenceWords: must be a whole number from 5 to 500/],
    ['{ "extends": "nope" }', /extends: "nope" does not exist/],
    ['{ "words": { "hedges": [1, 2] } }', /words\.hedges: phrases must be strings/],
    ['{ "words": { "hedgez": [] } }', /unknown word list "hedgez" \(did you mean "hedges"\?\)/],
    ['{ "colour": "red" }', /unknown field "colour"/],
    ['bin\u0000ary', /not a text file/],
  ];
  for (const [text, expected] of cases) {
    const result = analyze(`---\npresence: team\n---\n${memo}`, undefined, {
      today,
      resolveRubric: (ref) => (ref === 'team' ? { path: '.presence/rubrics/team.json', text } : undefined),
    });
    const err = result.findings.find((f) => f.ruleId === 'rubric/invalid');
    assert.ok(err, `no rubric error for ${text}`);
    assert.match(err.message, /\.presence\/rubrics\/team\.json/);
    assert.match(err.message, expected);
    assert.equal(err.severity, 'error');
    assert.equal(result.rubric, 'executive');
    // The error points at the front matter value, and analysis went on with the default rubric.
    assert.equal(memo.length > 0 && result.findings.some((f) => f.ruleId === 'conviction/hedge'), true);
  }
});

test('a rubric that extends itself, directly or through another, is a cycle error', () => {
  const files: Record<string, string> = { a: '{ "extends": "b" }', b: '{ "extends": "a" }', self: '{ "extends": "self" }' };
  for (const name of ['a', 'self']) {
    assert.throws(
      () => loadRubric(name, (ref) => (files[ref] ? { path: `${ref}.json`, text: files[ref] } : undefined)),
      (e: unknown) => e instanceof RubricError && /cycle/.test(e.message),
    );
  }
});

test('an unknown rubric name in front matter is an error with a fallback', () => {
  const r = analyze(`---\npresence: no-such-rubric\n---\n${memo}`, undefined, { today });
  const err = r.findings.find((f) => f.ruleId === 'rubric/invalid');
  assert.match(err?.message ?? '', /no rubric named "no-such-rubric"/);
  assert.equal(r.rubric, 'executive');
});

test('a required section may name section roles; an unknown role is an error that lists the roles', () => {
  const ok = JSON.stringify({ requiredSections: [{ name: 'Tradeoffs', headings: ['tradeoff'], roles: ['drawbacks'] }] });
  assert.deepEqual(validateRubric(ok, 'ok.json'), []);
  const bad = JSON.stringify({ requiredSections: [{ name: 'Tradeoffs', headings: ['tradeoff'], roles: ['downsides'] }] });
  const [problem] = validateRubric(bad, 'bad.json');
  assert.match(problem?.message ?? '', /"roles"\?: \[.*drawbacks.*\]/);
});

test('enormous word lists are refused with a clear error; phrases are literal, never patterns', () => {
  const big = JSON.stringify({ words: { hedges: { add: Array.from({ length: 6000 }, (_, i) => `w${i}`) } } });
  assert.match(validateRubric(big, 'big.json')[0].message, /too many phrases \(6000; at most 5000\)/);
  // A catastrophic-backtracking regex is just a strange phrase: matched literally, in linear time.
  const evil = JSON.stringify({ words: { hedges: { add: ['(a+)+$', '(x|x)*y'] } } });
  assert.deepEqual(validateRubric(evil, 'evil.json'), []);
  const text = `${'a'.repeat(50000)}! ${'x'.repeat(50000)}`;
  const t0 = performance.now();
  analyze(text, 'evil', { today, resolveRubric: () => ({ path: 'evil.json', text: evil }) });
  assert.ok(performance.now() - t0 < 5000, 'matching stays linear');
});

test('settings overrides: a rule or family set to off disappears; severity changes', () => {
  const base = analyze(memo, undefined, { today });
  // A hint by default: right 16 of 19 times on the corpus but 10 of 23 on the blind batches outside it.
  assert.ok(base.findings.some((f) => f.ruleId === 'conviction/hedge' && f.severity === 'hint'));
  assert.equal(
    analyze(memo, undefined, { today, severityOverrides: { conviction: 'warning' } }).findings.find((f) => f.ruleId === 'conviction/hedge')
      ?.severity,
    'warning',
  );
  assert.ok(
    !analyze(memo, undefined, { today, severityOverrides: { conviction: 'off' } }).findings.some((f) => f.dimension === 'conviction'),
  );
  assert.equal(
    analyze(memo, undefined, { today, severityOverrides: { 'conviction/hedge': 'error' } }).findings.find(
      (f) => f.ruleId === 'conviction/hedge',
    )?.severity,
    'error',
  );
});

test("a family a rubric sets overrides what the rubric it extends said of that family's rules", () => {
  // executive makes conviction/hedge a hint; a child that sets the whole family means every rule in it.
  const sources: Record<string, RubricSource> = {
    loud: { path: 'loud.json', text: JSON.stringify({ extends: 'executive', rules: { conviction: 'warning' } }) },
    mixed: {
      path: 'mixed.json',
      text: JSON.stringify({ extends: 'executive', rules: { conviction: 'warning', 'conviction/hedge': 'error' } }),
    },
  };
  const hedge = (ref: string) =>
    analyze(memo, ref, { today, resolveRubric: (r) => sources[r] }).findings.find((f) => f.ruleId === 'conviction/hedge')?.severity;
  assert.equal(hedge('executive'), 'hint');
  assert.equal(hedge('loud'), 'warning');
  // In one file the rule's own entry is the more specific one, whichever comes first.
  assert.equal(hedge('mixed'), 'error');
});

test('an analyzer sees an edit to a parent rubric in an extends chain, not only to the rubric the document names', () => {
  const files: Record<string, string> = {
    'team.json': JSON.stringify({ name: 'team', extends: './base.json' }),
    'base.json': JSON.stringify({ name: 'base', extends: 'executive', rules: {} }),
  };
  const resolveRubric = (ref: string): RubricSource | undefined => {
    const name = ref.replace(/^\.\//, '');
    return name in files ? { path: name, text: files[name] } : undefined;
  };
  const analyzer = new Analyzer();
  const hedges = () =>
    analyzer.analyze(memo, 'team.json', { today, resolveRubric }).findings.filter((f) => f.ruleId === 'conviction/hedge').length;
  assert.ok(hedges() > 0);
  files['base.json'] = JSON.stringify({ name: 'base', extends: 'executive', rules: { 'conviction/hedge': 'off' } });
  assert.equal(hedges(), 0, 'the parent turned the rule off');
  files['base.json'] = '{ not json';
  assert.equal(
    analyzer.analyze(memo, 'team.json', { today, resolveRubric }).findings.filter((f) => f.ruleId === 'rubric/invalid').length,
    1,
    'and broke it',
  );
});
