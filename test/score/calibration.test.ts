// The calibration arithmetic eval.ts reports: ranks with ties, Spearman's rho, and band tallies. Synthetic data
// only: the blind ratings are not read by tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ranks, spearman, calibrate, readRatings } from '../../scripts/calibration.ts';

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
