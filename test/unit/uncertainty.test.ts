// The learned uncertainty scorer: hedged claims score above the threshold, plain and calibrated
// business sentences stay below it, and inference agrees with the feature function training uses.
// Every sentence here was written for this test (none comes from the evaluation sets).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  scoreUncertainty,
  sentenceFeatures,
  tokenizeLower,
  tokenizeWithOffsets,
  uncertaintyCues,
  UNCERTAINTY_THRESHOLD,
  type UncertaintyModelFile,
} from '../../server/src/rules/uncertainty.ts';

// Tests run from the repository root (scripts/test.mjs); no __dirname, so this works under CommonJS and ESM.
const MODEL_PATH = path.resolve('rubrics/data/uncertainty-model.json');
const model = JSON.parse(readFileSync(MODEL_PATH, 'utf8')) as UncertaintyModelFile;

const HEDGED = [
  'Some analysts believe the market may possibly double.',
  'Many customers probably prefer the older plan.',
  'It is widely considered one of the best products in its category.',
  'Some people think the new pricing might confuse buyers.',
  'Several partners have reportedly raised concerns about pricing.',
  'Some of the delay was probably caused by the vendor.',
  'Most buyers are generally believed to favour annual contracts.',
];

const PLAIN = [
  'Revenue grew 12% to $4.1M in Q3.',
  'We will ship the billing migration on March 4.',
  'Churn fell from 3.1% to 2.4% after the onboarding change.',
  'I recommend we hire two engineers for the payments team.',
  'Our gross margin is 71%, up four points year over year.',
  'The team closed 14 enterprise deals this quarter.',
  'We decided to stop work on the mobile app and move the two engineers to search.',
  'Ana owns the pricing decision and will present it to the board on 3 December.',
  'The board approved the budget on 12 May.',
];

const CALIBRATED = [
  'We estimate a 60% chance of closing in Q3.',
  'Our forecast is $2.0M ARR by June, ±5%.',
  'We put the odds of a second delay at one in four.',
];

const prob = (s: string): number => scoreUncertainty(tokenizeLower(s)).probability;

test('the model file is small and its threshold is a probability', () => {
  assert.ok(readFileSync(MODEL_PATH).length < 200 * 1024, 'model file must stay under 200 KB');
  assert.ok(UNCERTAINTY_THRESHOLD > 0 && UNCERTAINTY_THRESHOLD < 1);
  assert.equal(model.features.length, model.weights.length);
});

for (const s of HEDGED) {
  test(`hedged, scores above the threshold: ${s}`, () => {
    const words = tokenizeLower(s);
    const r = scoreUncertainty(words);
    assert.ok(r.probability >= UNCERTAINTY_THRESHOLD, `${r.probability.toFixed(3)} < ${UNCERTAINTY_THRESHOLD}`);
    assert.ok(r.cue >= 0 && r.cue < words.length);
  });
}

for (const s of [...PLAIN, ...CALIBRATED]) {
  test(`plain or calibrated, scores below the threshold: ${s}`, () => {
    const p = prob(s);
    assert.ok(p < UNCERTAINTY_THRESHOLD, `${p.toFixed(3)} ≥ ${UNCERTAINTY_THRESHOLD}`);
  });
}

test('the cue is a hedge word, not a neighbour', () => {
  const words = tokenizeLower('Many customers probably prefer the older plan.');
  assert.ok(['many', 'probably'].includes(words[scoreUncertainty(words).cue]!));
  const cues = uncertaintyCues(words);
  assert.ok(cues.length >= 2);
  assert.ok(cues[0]!.weight >= cues[1]!.weight);
});

test('no words: bias only, no cue', () => {
  const r = scoreUncertainty([]);
  assert.equal(r.cue, -1);
  assert.ok(Math.abs(r.probability - 1 / (1 + Math.exp(-model.bias))) < 1e-12);
});

test('tokenisation: lowercase, apostrophes and hyphens inside words, curly apostrophe folded', () => {
  assert.deepEqual(tokenizeLower("We’re NOT re-platforming — it’s 2x faster, isn't it?"), [
    "we're",
    'not',
    're-platforming',
    "it's",
    '2x',
    'faster',
    "isn't",
    'it',
  ]);
  const text = 'Perhaps we should wait.';
  const toks = tokenizeWithOffsets(text);
  assert.deepEqual(
    toks.map((t) => text.slice(t.start, t.end)),
    ['Perhaps', 'we', 'should', 'wait'],
  );
  assert.deepEqual(
    toks.map((t) => t.lower),
    tokenizeLower(text),
  );
});

test('inference sums exactly the features training uses', () => {
  const weights = new Map(model.features.map((f, i) => [f, model.weights[i]!]));
  const samples = [...HEDGED, ...PLAIN, ...CALIBRATED, 'Some some some many many, maybe maybe.', 'Q3 Q4 2026 1,200 units.'];
  for (const s of samples) {
    const words = tokenizeLower(s);
    let z = model.bias;
    for (const f of sentenceFeatures(words)) z += weights.get(f) ?? 0;
    const expected = 1 / (1 + Math.exp(-z));
    assert.ok(Math.abs(scoreUncertainty(words).probability - expected) < 1e-12, s);
    const total = uncertaintyCues(words).reduce((a, c) => a + c.weight, 0);
    assert.ok(total >= 0);
  }
});
