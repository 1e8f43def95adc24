// Rubric data cannot damage a document, stall loading or leak a file: filler replacements are plain words that
// never bring a phrase back (so --fix converges), an extends chain is bounded in depth, size and phrases before
// anything is indexed, messages quote only short names, and a relative `extends` is resolved from the rubric
// that names it. The engine reads no files: each test hands it a resolver.
import { fromRoot } from '../../scripts/repo.ts';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import {
  analyze,
  Analyzer,
  fixAllSafe,
  loadRubric,
  RubricError,
  RUBRIC_LIMITS,
  validateRubric,
  type AnalyzeOptions,
  type RubricSource,
} from '../../server/src/presence.ts';
import { findJsonSyntaxError } from '../../server/src/core/jsonSyntax.ts';
import words from '../../rubrics/words.json';

const today = '2026-11-22';

/** Options whose resolver serves `files` by path, relative refs resolved as the interface says. */
function withFiles(files: Record<string, string>, calls: Array<[string, string | undefined]> = []): AnalyzeOptions {
  return {
    today,
    resolveRubric: (ref, from) => {
      calls.push([ref, from]);
      const path = from ? posix.join(posix.dirname(from), ref) : posix.normalize(ref);
      return files[path] === undefined ? undefined : { path, text: files[path] };
    },
  };
}

function rubricError(fn: () => unknown): RubricError {
  try {
    fn();
  } catch (e) {
    if (e instanceof RubricError) return e;
    throw e;
  }
  assert.fail('expected a RubricError');
}

test('a filler replacement that contains its own phrase is refused, and repeated --fix runs never grow the file', () => {
  // The same words again: a fix that never makes its finding go away.
  const same = JSON.stringify({ words: { filler: { 'in order to': 'In order to' } } });
  const problems = validateRubric(same, 'same.json');
  assert.equal(problems.length, 1);
  assert.equal(problems[0].field, 'words.filler.in order to');
  assert.match(problems[0].message, /contains the phrase itself/);
  assert.equal(same.slice(problems[0].start, problems[0].end), '"in order to"');

  // The attack: each pass doubled every "in order to" (88 → 461 → 12,365 characters in two runs).
  const team = JSON.stringify({ extends: 'executive', words: { filler: { 'in order to': 'in order to in order to' } } });
  assert.equal(validateRubric(team, 'team.json')[0]?.field, 'words.filler.in order to');
  const opts = withFiles({ 'team.json': team });
  let text = '---\npresence: team.json\n---\n# Plan\n\nWe will hire in order to ship, and test in order to learn.\n';
  const sizes = [text.length];
  for (let run = 0; run < 3; run++) {
    const result = analyze(text, undefined, opts);
    assert.match(
      result.findings.find((f) => f.ruleId === 'rubric/invalid')?.message ?? '',
      /team\.json: words\.filler\.in order to: .*Using the default rubric "executive" instead/,
    );
    text = fixAllSafe(new Analyzer(), text, undefined, opts).text;
    sizes.push(text.length);
  }
  for (let i = 1; i < sizes.length; i++) assert.ok(sizes[i] <= sizes[i - 1], `the file grew: ${sizes.join(' → ')}`);
  assert.equal(sizes[2], sizes[1], 'a second run changes nothing');
});

test('a replacement that contains another filler phrase is refused, within a file, against the built-in list and across extends', () => {
  const own = validateRubric(
    JSON.stringify({ words: { filler: { 'at this juncture': 'going forward', 'going forward': 'next' } } }),
    'own.json',
  );
  assert.deepEqual(
    own.map((p) => p.field),
    ['words.filler.at this juncture'],
  );
  assert.match(own[0].message, /contains "going forward", another filler phrase/);
  // "due to the fact that" is built in: a team replacement may not produce it.
  const intoBuiltin = validateRubric(
    JSON.stringify({ words: { filler: { 'owing entirely to the fact that': 'due to the fact that' } } }),
    'b.json',
  );
  assert.match(intoBuiltin[0]?.message ?? '', /contains "due to the fact that"/);
  // The built-in "in order to" → "to": a team phrase "to" would be created by that fix.
  const fromBuiltin = validateRubric(JSON.stringify({ words: { filler: { to: '' } } }), 'c.json');
  assert.equal(fromBuiltin[0]?.field, 'words.filler.to');
  assert.match(fromBuiltin[0].message, /appears in the built-in replacement for "in order to"/);
  // Across files the problem goes on the extending rubric, which is the one being written.
  const files = {
    'base.json': JSON.stringify({ words: { filler: { 'at this juncture': 'presently' } } }),
    'team.json': JSON.stringify({ extends: 'base.json', words: { filler: { presently: 'now' } } }),
  };
  assert.deepEqual(validateRubric(files['team.json'], 'team.json'), [], 'each file is fine alone');
  const e = rubricError(() => loadRubric('team.json', withFiles(files).resolveRubric));
  assert.equal(e.path, 'team.json');
  assert.equal(e.problems[0].field, 'words.filler.presently');
});

test('a replacement is one line of plain words: Markdown, line breaks and long text are refused with the entry position, plain ones work', () => {
  const bad: Record<string, string> = {
    'at this juncture': 'now\n\n```\ninjected',
    'in the final analysis': '`rm -rf`',
    'for all intents and purposes': '**really**',
    'as a matter of fact': '_in fact_',
    'at the end of the day': '[now](http://x.example)',
    'in the near future': '<script>',
    'by and large': 'mostly | rows',
    'each and every': '- all',
    'first and foremost': '1. first',
    'last but not least': '# last',
    'in a very real sense': ' really',
    'it goes without saying that': 'clearly  so',
    'with all due respect': 'x'.repeat(61),
    'in terms of the overall': 'on\u202e',
    'make a decision about': 'choose ~~x~~',
  };
  const text = JSON.stringify({ words: { filler: bad } }, null, 2);
  const problems = validateRubric(text, 'bad.json');
  assert.deepEqual(
    problems.map((p) => p.field).sort(),
    Object.keys(bad)
      .map((k) => `words.filler.${k}`)
      .sort(),
  );
  for (const p of problems) assert.equal(text.slice(p.start, p.end), JSON.stringify(p.field.slice('words.filler.'.length)), p.field);
  // Longer in words than the phrase: a "filler" fix must not make the text longer.
  assert.match(
    validateRubric(JSON.stringify({ words: { filler: { utilize: 'make use of' } } }), 'w.json')[0]?.message ?? '',
    /more words than the phrase \(3 for 1\)/,
  );
  // Plain replacements are fine, and applied by the fix.
  const good = JSON.stringify({
    extends: 'executive',
    words: { filler: { 'at this juncture': 'now', 'with all due respect': '', 'in the year of': "in Q3's" } },
  });
  assert.deepEqual(validateRubric(good, 'good.json'), []);
  // The built-in list, restated by a team, meets the same rules.
  assert.deepEqual(validateRubric(JSON.stringify({ words: { filler: words.filler } }), 'restated.json'), []);
  const opts = withFiles({ 'good.json': good });
  const fixed = fixAllSafe(
    new Analyzer(),
    '---\npresence: good.json\n---\nAt this juncture we wait for the audit.\n',
    undefined,
    opts,
  ).text;
  assert.match(fixed, /^Now we wait for the audit\.$/m);
});

test('a deep extends chain with a million phrases is refused at the depth limit, without reading the rest', () => {
  // The attack: 200 files of 5,000 phrases each (1M phrases, 1.09 GB in the server). Files are made on demand.
  let reads = 0;
  const resolveRubric = (ref: string): RubricSource | undefined => {
    const m = /^r(\d+)$/.exec(ref);
    if (!m) return undefined;
    reads++;
    const n = Number(m[1]);
    const add = Array.from({ length: RUBRIC_LIMITS.listPhrases }, (_, i) => `p${n}x${i}`);
    return { path: `${ref}.json`, text: JSON.stringify({ ...(n < 199 ? { extends: `r${n + 1}` } : {}), words: { hedges: { add } } }) };
  };
  const e = rubricError(() => loadRubric('r0', resolveRubric));
  assert.equal(reads, RUBRIC_LIMITS.chainDepth);
  assert.equal(e.path, `r${RUBRIC_LIMITS.chainDepth - 1}.json`);
  assert.match(e.message, /"extends" chains more than 8 rubrics \(r0 → r1 → .* → r8\); at most 8 may be chained/);
  // A chain of exactly the limit loads.
  const eight = (ref: string): RubricSource | undefined => {
    const n = Number(/^s(\d)$/.exec(ref)?.[1] ?? NaN);
    return Number.isNaN(n)
      ? undefined
      : { path: `${ref}.json`, text: JSON.stringify(n < 7 ? { extends: `s${n + 1}` } : { extends: 'executive' }) };
  };
  assert.throws(() => loadRubric('s0', eight), /chains more than 8/, 's0 … s7 and executive are 9 rubrics');
  assert.equal(loadRubric('s1', eight).name, 's1', 's1 … s7 and executive are 8');
});

test('phrases of a chain are counted as it is merged, and refused over 20,000 in all before any index is built', () => {
  // Each file is valid alone (16,000 phrases); the chain is refused at the first file that crosses the limit.
  const lists = ['hedges', 'buzzwords', 'activity', 'vagueTime'];
  const file = (n: number): string =>
    JSON.stringify({
      ...(n < 5 ? { extends: `f${n + 1}.json` } : {}),
      words: Object.fromEntries(lists.map((l) => [l, { add: Array.from({ length: 4000 }, (_, i) => `${l}${n}q${i}`) }])),
    });
  const files = Object.fromEntries(Array.from({ length: 6 }, (_, n) => [`f${n}.json`, file(n)]));
  assert.deepEqual(validateRubric(files['f0.json'], 'f0.json'), []);
  const e = rubricError(() => loadRubric('f0.json', withFiles(files).resolveRubric));
  // Merging goes from the base (f5) up; f5 adds 16,000 to the built-in lists, f4 takes it past 20,000.
  assert.equal(e.path, 'f4.json');
  assert.equal(e.problems[0].field, 'words');
  assert.match(e.message, /hold [\d,]+ phrases; at most 20,000 are allowed in all lists together/);
  // One file over the limit is reported by validateRubric itself.
  const huge = JSON.stringify({
    words: Object.fromEntries(
      ['hedges', 'buzzwords', 'activity', 'vagueTime', 'narration'].map((l) => [l, Array.from({ length: 4500 }, (_, i) => `${l}${i}`)]),
    ),
  });
  assert.match(validateRubric(huge, 'huge.json')[0]?.message ?? '', /too many phrases in all lists together \(22,500; at most 20,000\)/);
});

test('rubric text is bounded before it is parsed: one file or a whole chain over 2,000,000 characters', () => {
  // Not even valid JSON: the size is refused first, so nothing is parsed.
  const big = `{"$comment": "${'x'.repeat(RUBRIC_LIMITS.chainChars)}`;
  assert.match(
    validateRubric(big, 'big.json')[0].message,
    /this file has 2,000,014 characters; a rubric, with the rubrics it extends, may have at most 2,000,000/,
  );
  const half = (ref: string, next?: string): string =>
    JSON.stringify({ ...(next ? { extends: next } : {}), $comment: `${ref}${'y'.repeat(1_200_000)}` });
  const files = { 'a.json': half('a', 'b.json'), 'b.json': half('b', 'c.json'), 'c.json': half('c') };
  const e = rubricError(() => loadRubric('a.json', withFiles(files).resolveRubric));
  assert.equal(e.path, 'b.json');
  assert.match(e.message, /more than 2,000,000 characters together/);
});

test('a file that is not valid JSON is reported by line and column, quoting none of its content', () => {
  const cases: Array<[string, number, number]> = [
    ['SECRET_TOKEN=ghp_abc', 1, 1],
    ['{\n  "name": "team",\n  "rules": { "x": SECRET_TOKEN=ghp_abc }\n}\n', 3, 19],
    ['{ "name": "SECRET_TOKEN=ghp_abc" "x": 1 }', 1, 34],
    ['\uFEFF{ "name": "SECRET_TOKEN=ghp_abc", }', 1, 35],
  ];
  for (const [text, line, column] of cases) {
    const [p] = validateRubric(text, 'leak.json');
    assert.match(p.message, new RegExp(`^not valid JSON \\(line ${line}, column ${column}: `), JSON.stringify(text));
    assert.doesNotMatch(p.message, /SECRET|ghp_/);
    const found = analyze(`---\npresence: leak.json\n---\nWe ship.\n`, undefined, withFiles({ 'leak.json': text })).findings.find(
      (f) => f.ruleId === 'rubric/invalid',
    );
    assert.doesNotMatch(found?.message ?? 'missing', /SECRET|ghp_|missing/);
  }
  // Names are quoted shortened, and invisible characters shown as "?".
  const long = `k${'z'.repeat(300)}`;
  const [p] = validateRubric(JSON.stringify({ [long]: 1 }), 'x.json');
  assert.ok(p.message.length < 200 && !p.message.includes('z'.repeat(40)), p.message);
  assert.match(validateRubric(JSON.stringify({ 'ab\u202ecd': 1 }), 'x.json')[0].message, /unknown field "ab\?cd"/);
  // A reference that names nothing is shortened too, in the file name as in the message.
  const missing = analyze(`---\npresence: ${'q'.repeat(5000)}\n---\nWe ship.\n`, undefined, { today }).findings.find(
    (f) => f.ruleId === 'rubric/invalid',
  );
  assert.ok(missing && missing.message.length < 400 && /no rubric named "q+…"/.test(missing.message), missing?.message.slice(0, 300));
  // A severity that is not one is described, not echoed.
  assert.match(
    validateRubric(JSON.stringify({ rules: { 'conviction/hedge': { token: 'ghp_abc' } } }), 'x.json')[0].message,
    /\(got an object\)$/,
  );
});

test('the JSON error finder agrees with JSON.parse on damaged rubrics', () => {
  const valid = JSON.stringify(
    {
      name: 'team',
      extends: 'executive',
      rules: { 'conviction/hedge': 'off' },
      words: { filler: { 'at this juncture': 'now' }, hedges: ['a', 'b\\u00e9'] },
      weights: { impact: 1.5e1, evidence: -0 },
    },
    null,
    2,
  );
  let seed = 7;
  const rand = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const junk = '{}[]",:\\ \n0-1.5eEtrufalsnl\u0001';
  for (let i = 0; i < 3000; i++) {
    let text = valid;
    for (let k = 1 + rand(3); k > 0; k--) {
      const at = rand(text.length + 1);
      text = rand(2) ? text.slice(0, at) + junk[rand(junk.length)] + text.slice(at) : text.slice(0, at) + text.slice(at + 1);
    }
    let parses = true;
    try {
      JSON.parse(text);
    } catch {
      parses = false;
    }
    assert.equal(findJsonSyntaxError(text) === undefined, parses, JSON.stringify(text));
  }
});

test('a file with thousands of problems reports the first 50 and counts the rest', () => {
  // Before, each unknown rule searched the whole text and every rule id for a suggestion: minutes for this file.
  const rules = Object.fromEntries(Array.from({ length: 60_000 }, (_, i) => [`hedge${i}`, 'warning']));
  const problems = validateRubric(JSON.stringify({ rules }), 'many.json');
  assert.equal(problems.length, RUBRIC_LIMITS.problems + 1);
  assert.match(problems[RUBRIC_LIMITS.problems].message, /and 59,950 more problems not listed/);
});

test('a relative extends resolves from the extending rubric, and a cycle through paths is refused', () => {
  const calls: Array<[string, string | undefined]> = [];
  const files = {
    'a/b/r.json': JSON.stringify({ extends: '../base.json', thresholds: { sentenceWords: 12 } }),
    'a/base.json': JSON.stringify({ extends: 'executive', thresholds: { listItems: 4 } }),
  };
  const opts = withFiles(files, calls);
  const r = loadRubric('a/b/r.json', opts.resolveRubric);
  assert.deepEqual(calls, [
    ['a/b/r.json', undefined],
    ['../base.json', 'a/b/r.json'],
  ]);
  assert.equal(r.thresholds.sentenceWords, 12);
  assert.equal(r.thresholds.listItems, 4);
  // Through analyze too: front matter names the rubric, its parent is found next to it.
  const result = analyze('---\npresence: a/b/r.json\n---\nWe ship on Friday.\n', undefined, opts);
  assert.equal(result.rubric, 'a/b/r.json');
  assert.ok(!result.findings.some((f) => f.ruleId === 'rubric/invalid'));
  assert.ok(calls.some(([ref, from]) => ref === '../base.json' && from === 'a/b/r.json'));
  // "./b.json" and "../x/a.json" are other names for files already in the chain.
  const cyclic = { 'x/a.json': JSON.stringify({ extends: './b.json' }), 'x/b.json': JSON.stringify({ extends: '../x/a.json' }) };
  const e = rubricError(() => loadRubric('x/a.json', withFiles(cyclic).resolveRubric));
  assert.equal(e.path, 'x/b.json');
  assert.match(e.message, /"extends" makes a cycle \(x\/a\.json → \.\/b\.json → \.\.\/x\/a\.json\)/);
});

test('the rubric/invalid page states the limits the engine enforces', () => {
  const page = readFileSync(fromRoot('docs/rules/rubric/invalid.md'), 'utf8');
  const n = (x: number): string => x.toLocaleString('en-US');
  for (const [what, limit] of Object.entries(RUBRIC_LIMITS))
    assert.ok(page.includes(`at most ${n(limit)}`) || page.includes(`first ${n(limit)}`), `${what}: ${n(limit)}`);
});
