// The outside review's tally (scripts/review.ts): one verdict per finding, by the reviewers' majority.
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { outsideFirstSight } from '../../scripts/review.ts';

const row = (quote: string, verdict: string): string =>
  JSON.stringify({ doc: 'memo/a.md', rule: 'concision/filler', quote, verdict, reason: 'why' });

test('a document with the same phrase flagged three times counts three findings, each by its own majority', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'presence-outside-'));
  try {
    const batch = path.join(dir, 'first');
    mkdirSync(batch);
    // Two reviewers, rows in the batch's order: the third "in order to" is wrong to one, debatable to the other.
    writeFileSync(
      path.join(batch, 'verdicts-a.jsonl'),
      [row('in order to', 'right'), row('in order to', 'right'), row('in order to', 'wrong'), row('utilize', 'right')].join('\n'),
    );
    writeFileSync(
      path.join(batch, 'verdicts-b.jsonl'),
      [row('in order to', 'right'), row('in order to', 'right'), row('in order to', 'debatable'), row('utilize', 'wrong')].join('\n'),
    );
    const { batches, rules } = outsideFirstSight(dir);
    assert.equal(batches, 1);
    // The two agreed "in order to" are right; the split third and the split "utilize" are debatable.
    assert.deepEqual(rules.get('concision/filler'), { right: 2, wrong: 0, debatable: 2 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a reviewer who judged a repeated phrase once still votes on its first finding only', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'presence-outside-'));
  try {
    writeFileSync(path.join(dir, 'verdicts-a.jsonl'), [row('in order to', 'wrong'), row('in order to', 'wrong')].join('\n'));
    writeFileSync(path.join(dir, 'verdicts-b.jsonl'), row('in order to', 'wrong'));
    assert.deepEqual(outsideFirstSight(dir).rules.get('concision/filler'), { right: 0, wrong: 2, debatable: 0 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
