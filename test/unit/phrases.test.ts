// A rubric's word lists answer through its one ListIndex (one walk per sentence for every list). Each list must
// answer exactly as a matcher built from that list alone would, on any sentence, in any order of asking.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ListIndex, PhraseMatcher } from '../../server/src/core/phrases.ts';
import { segmentWords } from '../../server/src/core/sentences.ts';
import { rng as seeded } from '../support/rng.ts';

// Overlapping lists on purpose: shared first words, one phrase inside another, a phrase in two lists.
const LISTS: Record<string, string[]> = {
  hedges: ['I think', 'maybe', 'sort of', 'kind of', 'to some extent', 'it seems'],
  amounts: ['a lot', 'a lot of', 'kind of', 'some', 'many'],
  time: ['soon', 'in the future', 'at some point', 'a lot'],
  empty: [],
};
const VOCAB = [
  'I',
  'think',
  'maybe',
  'sort',
  'of',
  'kind',
  'a',
  'lot',
  'some',
  'many',
  'soon',
  'in',
  'the',
  'future',
  'at',
  'point',
  'to',
  'extent',
  'it',
  'seems',
  'we',
  'ship',
];

test('each list of an index matches as its own PhraseMatcher does: test, matchAt and matchAll', () => {
  const index = new ListIndex(LISTS);
  const own = Object.fromEntries(Object.entries(LISTS).map(([k, v]) => [k, new PhraseMatcher(v)]));
  const next = seeded(11);
  const names = Object.keys(LISTS);
  let matched = 0;
  for (let n = 0; n < 2000; n++) {
    const words = segmentWords(
      Array.from({ length: Math.floor(next() * 12) }, () => VOCAB[Math.floor(next() * VOCAB.length)]).join(' '),
      0,
    );
    // Ask in a random order, twice, so answers remembered for one list are never another's.
    for (const name of [...names, ...names].sort(() => next() - 0.5)) {
      const list = index.list(name);
      const text = words.map((w) => w.text).join(' ');
      assert.equal(list.size, own[name]!.size);
      assert.equal(list.test(words), own[name]!.test(words), `${name} test: ${text}`);
      assert.deepEqual(list.matchAll(words), own[name]!.matchAll(words), `${name} matchAll: ${text}`);
      for (let i = 0; i < words.length; i++)
        assert.equal(list.matchAt(words, i), own[name]!.matchAt(words, i), `${name} matchAt ${i}: ${text}`);
      if (list.test(words)) matched++;
    }
  }
  assert.ok(matched > 1000, `the sentences exercise the lists (${matched} matches)`);
});
