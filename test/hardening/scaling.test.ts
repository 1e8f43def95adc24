// Inputs that used to stall the engine (issue 8, items 6 and 7), replayed with size checks instead of wall-clock
// races: each shape is analysed at n and 4n characters; linear work takes about 4 times as long, a quadratic
// path 16 times. The small size runs first and must stay under a generous budget, so a path that turned
// quadratic again fails in seconds (the sizes are chosen so the old code was already over it, or failed the
// ratio a few seconds later) rather than running for minutes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer } from '../../server/src/presence.ts';
import type { AnalyzeOptions, RubricSource } from '../../server/src/engine/types.ts';

const TODAY = '2026-11-22';
/** The small size of a shape must analyse within this (linear code takes a few tens of ms). */
const SMALL_BUDGET_MS = 1500;
/** For 4 times the text: 4 for linear work, 16 for quadratic; noise on a shared machine stays well under 8. */
const MAX_RATIO = 8;
/** Timings below this are noise: ratios are taken against at least this much. */
const FLOOR_MS = 10;

const repeat = (unit: string, n: number): string => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);

function timeOnce(text: string, opts: AnalyzeOptions): number {
  const t0 = performance.now();
  new Analyzer().analyze(text, undefined, opts);
  return performance.now() - t0;
}

/**
 * Best of up to `runs`, stopping once a run is within `enough` (the check passes) or far over it (a path gone
 * quadratic: more runs would only take longer). Retries absorb a first run that grows the heap or meets a
 * collection.
 */
function best(text: string, opts: AnalyzeOptions, runs: number, enough = 0): number {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = timeOnce(text, opts);
    min = Math.min(min, t);
    if (enough > 0 && (min <= enough || t > 1.5 * enough)) break;
  }
  return min;
}

/** Asserts that analysing `make(4n)` costs at most MAX_RATIO times `make(n)`. */
function assertLinear(what: string, make: (n: number) => string, n: number, opts: AnalyzeOptions = { today: TODAY }): void {
  const small = make(n);
  // The first run compiles (so it is not counted), but a path gone quadratic is already over budget there.
  const first = timeOnce(small, opts);
  const tSmall = first > SMALL_BUDGET_MS ? first : best(small, opts, 3);
  assert.ok(
    tSmall <= SMALL_BUDGET_MS,
    `${what}: ${small.length.toLocaleString('en-US')} characters took ${Math.round(tSmall)} ms, over the ${SMALL_BUDGET_MS} ms budget (a super-linear path?)`,
  );
  const allowed = MAX_RATIO * Math.max(tSmall, FLOOR_MS);
  const big = make(4 * n);
  const tBig = best(big, opts, 3, allowed);
  assert.ok(
    tBig <= allowed,
    `${what}: 4 times the text took ${(tBig / Math.max(tSmall, FLOOR_MS)).toFixed(1)} times as long (${Math.round(tSmall)} ms → ${Math.round(tBig)} ms); linear is about 4, quadratic 16`,
  );
}

test('a long sentence with no terminator and many word-list matches scales linearly (hasNumber/hasDate once per sentence)', () => {
  // Before: every hedge re-scanned the whole sentence for numbers and dates (100 KB 3.3 s, 1 MB 9.5 min).
  assertLinear(
    'unterminated sentence',
    (n) => repeat('I think we should maybe ship 3 significant things soon and it was decided ', n),
    32 * 1024,
  );
  // Still one finding per stacked hedge group and the hedges are found: the fix changed the cost, not the answer.
  const r = new Analyzer().analyze(repeat('I think we should maybe ship soon and ', 4000), undefined, { today: TODAY });
  assert.ok(r.findings.some((f) => f.ruleId === 'conviction/stacked-hedges'));
});

for (const mark of ['.', '!', '?']) {
  test(`a run of "${mark}" with no space after scales linearly (sentence segmentation, the exclamation rule)`, () => {
    // Before: each mark of the run rescanned the rest of it (100 KB of "." 26 s); "?" also made the exclamation
    // pattern backtrack through every suffix.
    assertLinear(`run of "${mark}"`, (n) => `Start ${repeat(mark, n)}x and more words.`, 64 * 1024);
  });
}

test('runs of marks still end sentences and "!" runs are still reported', () => {
  const r = new Analyzer().analyze('We shipped it!!! The team is happy?! Really.', undefined, { today: TODAY });
  const bangs = r.findings
    .filter((f) => f.ruleId === 'composure/exclamation')
    .map((f) => 'We shipped it!!! The team is happy?! Really.'.slice(f.start, f.end));
  assert.deepEqual(bangs, ['!!!', '?!']);
  const quiet = new Analyzer().analyze('Is this the plan??? Yes.', undefined, { today: TODAY });
  assert.equal(quiet.findings.filter((f) => f.ruleId === 'composure/exclamation').length, 0);
});

test('thousands of disable comments scale linearly and still silence what they name', () => {
  // Before: every finding was checked against every comment (1 MB 23 s).
  const unit =
    '<!-- presence-disable-next-line conviction/hedge -->\nI think maybe we should ship.\n\nMaybe <!-- presence-disable conviction --> we ship. <!-- presence-enable -->\n\n';
  assertLinear('disable comments', (n) => repeat(unit, n), 128 * 1024);
  const text = '<!-- presence-disable-next-line conviction/hedge -->\nMaybe we should ship.\n\nMaybe we should ship.\n';
  const hedges = new Analyzer().analyze(text, undefined, { today: TODAY }).findings.filter((f) => f.ruleId === 'conviction/hedge');
  assert.deepEqual(
    hedges.map((f) => f.start),
    [text.lastIndexOf('Maybe')],
    'the comment silences the next line only',
  );
});

test('an unclosed comment full of disable comments scales linearly', () => {
  // Before: every "<!-- presence-disable" searched to the end of the HTML block for a "-->" (1 MB 11.8 s).
  assertLinear('unclosed comment', (n) => `<!--\n${repeat('<!-- presence-disable\n', n)}`, 128 * 1024);
  assertLinear('unclosed comment in a paragraph', (n) => `Text ${repeat('<!-- presence-disable ', n)}`, 128 * 1024);
  // A closed one still counts, with the rules it names.
  const text = 'Maybe we ship.\n\n<!-- presence-disable conviction/hedge, composure -->\n\nMaybe we ship.\n';
  const hedges = new Analyzer().analyze(text, undefined, { today: TODAY }).findings.filter((f) => f.ruleId === 'conviction/hedge');
  assert.deepEqual(
    hedges.map((f) => f.start),
    [0],
  );
});

test('a rubric list of thousands of phrases sharing their first words costs no more per word than a short one', () => {
  // Before: every "we should" in the text was compared with every phrase that starts "we should".
  // Up to the rubric's 5,000 phrases per list, in four lists (one index holds them all).
  const list = (phrases: number, tag: string): string[] => Array.from({ length: phrases }, (_, i) => `we should ${tag}${i}`);
  const rubric = (phrases: number): string =>
    JSON.stringify({
      name: 'many',
      extends: 'executive',
      words: {
        hedges: ['maybe', ...list(phrases, 'x')],
        intensifiers: list(phrases, 'y'),
        vagueTime: list(phrases, 'z'),
        buzzwords: list(phrases, 'w'),
      },
    });
  const timeWith = (phrases: number): number => {
    const source: RubricSource = { path: 'many.json', text: rubric(phrases) };
    const opts: AnalyzeOptions = { today: TODAY, resolveRubric: (ref) => (ref === 'many' ? source : undefined) };
    const analyzer = new Analyzer();
    let run = 0;
    // A new first word each run, so the paragraph is analysed again instead of coming from the block cache.
    const once = (): number => {
      const text = `Run${run++} ${repeat('We should maybe ship x7. ', 256 * 1024)}`;
      const t0 = performance.now();
      analyzer.analyze(text, 'many', opts);
      return performance.now() - t0;
    };
    once(); // builds and caches the rubric
    return Math.min(once(), once(), once());
  };
  const few = timeWith(100);
  assert.ok(few <= SMALL_BUDGET_MS, `400 phrases took ${Math.round(few)} ms`);
  const many = timeWith(4_999);
  assert.ok(
    many <= 2.5 * Math.max(few, FLOOR_MS),
    `50 times the phrases took ${(many / Math.max(few, FLOOR_MS)).toFixed(1)} times as long (${Math.round(few)} ms → ${Math.round(many)} ms); it should not depend on the number of phrases`,
  );
  // And the long phrases still match, longest first.
  const source: RubricSource = { path: 'many.json', text: rubric(50) };
  const r = new Analyzer().analyze('We should x7 now. We should ship.', 'many', { today: TODAY, resolveRubric: () => source });
  assert.deepEqual(
    r.findings.filter((f) => f.ruleId === 'conviction/hedge').map((f) => [f.start, f.end]),
    [[0, 12]],
  );
});

test('link-like brackets cost about what prose costs (one scan for every link destination)', () => {
  // Before: each "(" after "]" scanned up to 4,096 characters for its ")", about 10 times the cost of prose.
  const n = 256 * 1024;
  const prose = repeat('The launch slipped by two weeks because the vendor was late. ', n);
  const brackets = `Hi ${repeat('](', n)}`;
  const opts = { today: TODAY };
  timeOnce(prose, opts);
  const tProse = best(prose, opts, 3);
  const allowed = 4 * Math.max(tProse, FLOOR_MS);
  const t = best(brackets, opts, 3, allowed);
  assert.ok(t <= allowed, `"](" repeated: ${Math.round(t)} ms against ${Math.round(tProse)} ms for prose of the same length`);
  assertLinear('"](" repeated', (k) => `Hi ${repeat('](', k)}`, 64 * 1024);
});

test('the word limit holds inside a single paragraph', () => {
  // Before: the limit was checked between blocks, so one huge paragraph was analysed whole (49 MB: out of memory).
  const paragraph = repeat('We think the launch may slip soon. ', 20_000 * 7);
  const r = new Analyzer().analyze(paragraph, undefined, { today: TODAY, maxWords: 1_000 });
  assert.ok(r.words <= 1_000, `analysed ${r.words} words with a limit of 1,000`);
  assert.ok(r.words >= 990, `analysed only ${r.words} words`);
  assert.equal(r.truncatedAtWords, r.words);
  assert.ok(r.findings.some((f) => f.ruleId === 'presence/too-large'));
  // Nothing is reported past the cut.
  const cut = paragraph.split(' ').slice(0, 1_000).join(' ').length;
  for (const f of r.findings) assert.ok(f.end <= cut, `${f.ruleId} at ${f.start} is past the cut at ${cut}`);
  // The same words analysed as a shorter document give the same findings up to the cut.
  const alone = new Analyzer().analyze(paragraph.slice(0, cut), undefined, { today: TODAY, maxWords: 1_000 });
  assert.equal(alone.truncatedAtWords, undefined);
  const key = (f: { ruleId: string; start: number; end: number }): string => `${f.ruleId}@${f.start}-${f.end}`;
  const blockFindings = (fs: typeof r.findings): string[] => fs.filter((f) => f.start > 0).map(key);
  assert.deepEqual(blockFindings(r.findings), blockFindings(alone.findings));
});

test('nothing is reported past the word limit, by block rules or document rules', () => {
  const list = Array.from({ length: 12 }, (_, i) => `- Item ${i} maybe ships soon`).join('\n');
  const text = `${repeat('We think the launch may slip soon. ', 7_000)}\n\n${list}\n\n${list}\n`;
  const r = new Analyzer().analyze(text, undefined, { today: TODAY, maxWords: 1_000 });
  assert.equal(r.truncatedAtWords, r.words);
  const past = r.findings.filter((f) => f.start >= 7_000);
  assert.deepEqual(
    past.map((f) => f.ruleId),
    [],
    'findings after the first paragraph, which holds the first 1,000 words',
  );
  // Without the limit the lists are reported.
  const all = new Analyzer().analyze(text, undefined, { today: TODAY });
  assert.ok(all.findings.some((f) => f.ruleId === 'concision/long-list' && f.start >= 7_000));
});

test('a text over 5 million characters is parsed only that far, and a disable-file comment at its end still counts', () => {
  // Parsing costs memory for all of the text (a 49 MB memo peaked at 1 GB), so the engine parses a prefix.
  const code = `\`\`\`\n${'x = 1\n'.repeat(900_000)}\`\`\`\n\n`;
  const text = `Maybe we ship.\n\n${code}I think we should maybe ship.\n\n<!-- presence-disable-file conviction/hedge -->\n`;
  assert.ok(text.length > 5_000_000);
  const r = new Analyzer().analyze(text, undefined, { today: TODAY });
  assert.equal(r.truncatedAtWords, 3, 'only the first paragraph, before the long code block, is analysed');
  assert.ok(r.findings.some((f) => f.ruleId === 'presence/too-large'));
  assert.deepEqual(
    r.findings.filter((f) => f.ruleId === 'conviction/hedge'),
    [],
    'the disable-file comment at the end silences the hedge at the start',
  );
  assert.equal(r.lineStarts.length, text.split('\n').length, 'line starts still cover the whole text');
});

test('the default word limit holds for a paragraph of 2.5 MB, and a document at the limit is not truncated', () => {
  const paragraph = repeat('Revenue grew in Q3 as we expected and the plan held. ', 2_500_000);
  const r = new Analyzer().analyze(paragraph, undefined, { today: TODAY });
  assert.equal(r.truncatedAtWords, r.words);
  assert.ok(r.words <= 200_000 && r.words > 199_000, `analysed ${r.words} words`);
  const exact = new Analyzer().analyze('one two three. four five.', undefined, { today: TODAY, maxWords: 5 });
  assert.equal(exact.truncatedAtWords, undefined);
  assert.equal(exact.words, 5);
  const over = new Analyzer().analyze('one two three.\n\nfour five six.', undefined, { today: TODAY, maxWords: 5 });
  assert.equal(over.truncatedAtWords, 5);
});
