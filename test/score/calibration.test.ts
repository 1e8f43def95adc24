// The calibration arithmetic eval.ts reports: ranks with ties, Spearman's rho, and band tallies. Synthetic data
// only: the blind ratings are not read by tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ranks, spearman, calibrate, readRatings, meanRatings, interRater } from '../../scripts/calibration.ts';

test('ranks share ties; spearman is 1 for the same order, -1 for the reverse, and handles ties', () => {
  assert.deepEqual(ranks([10, 20, 20, 5]), [2, 3.5, 3.5, 1]);
  assert.equal(spearman([1, 2, 3, 4], [10, 20, 30, 40]), 1);
  assert.equal(spearman([1, 2, 3, 4], [4, 3, 2, 1]), -1);
  assert.ok(Math.abs(spearman([1, 2, 3, 4, 5], [2, 1, 4, 3, 5]) - 0.8) < 1e-9);
  assert.ok(Number.isNaN(spearman([1, 2], [1, 2])));
  assert.ok(Number.isNaN(spearman([1, 1, 1], [1, 2, 3])));
});

test('calibrate tallies bands and lists documents it cannot find; a missing ratings file is "no ratings"', () => {
  const c = calibrate([{ doc: 'no/such/doc.md', rating: 3 }], () => ({ overall: 50, band: 'needs reframing' }));
  assert.deepEqual(c.missing, ['no/such/doc.md']);
  assert.equal(c.documents, 0);
  assert.equal(readRatings('/nonexistent/ratings.jsonl'), undefined);
});

test('two raters: the reference is the mean per document, and their agreement is measured on the documents both rated', () => {
  const a = [
    { doc: 'x', rating: 2 },
    { doc: 'y', rating: 4 },
    { doc: 'z', rating: 5 },
    { doc: 'only-a', rating: 1 },
  ];
  const b = [
    { doc: 'x', rating: 1 },
    { doc: 'y', rating: 4 },
    { doc: 'z', rating: 3 },
  ];
  assert.deepEqual(meanRatings([a, b]), [
    { doc: 'x', rating: 1.5 },
    { doc: 'y', rating: 4 },
    { doc: 'z', rating: 4 },
    { doc: 'only-a', rating: 1 },
  ]);
  const agree = interRater(a, b);
  assert.equal(agree.documents, 3);
  assert.equal(agree.spearman, 0.5);
});
