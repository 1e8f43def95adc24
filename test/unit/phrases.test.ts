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

test('a block sentence keeps the lists its matches found: holds answers as the list alone would', () => {
  const index = new ListIndex(LISTS);
  const other = new ListIndex({ hedges: ['we'], amounts: [], time: [], empty: [] });
  const own = Object.fromEntries(Object.entries(LISTS).map(([k, v]) => [k, new PhraseMatcher(v)]));
  const next = seeded(12);
  let held = 0;
  for (let n = 0; n < 500; n++) {
    const texts = Array.from({ length: 1 + Math.floor(next() * 4) }, () =>
      Array.from({ length: Math.floor(next() * 10) }, () => VOCAB[Math.floor(next() * VOCAB.length)]).join(' '),
    );
    const sentences = texts.map((t) => {
      const words = segmentWords(t, 0);
      return { start: 0, end: t.length, text: t, words };
    });
    const matches: Parameters<ListIndex['matchAll']>[2] = [];
    index.matchSentences(sentences, matches);
    // A moved copy (as a document rule reads it) shares what the original keeps.
    for (const s of sentences.map((x) => ({ ...x }))) {
      for (const name of Object.keys(LISTS)) {
        assert.equal(index.list(name).holds(s), own[name]!.test(s.words), `${name}: ${s.text}`);
        if (index.list(name).holds(s)) held++;
      }
      // Kept lists belong to their index: another rubric's index reads the words afresh.
      assert.equal(
        other.list('hedges').holds(s),
        s.words.some((w) => w.lower === 'we'),
        s.text,
      );
    }
  }
  assert.ok(held > 300, `the sentences exercise the lists (${held} held)`);
});
