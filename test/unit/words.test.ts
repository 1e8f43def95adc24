// segmentWords is a hand-written scanner; it must find exactly the words of the regex the uncertainty scorer was
// trained with (WORD_PATTERN), on any input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segmentWords } from '../../server/src/core/sentences.ts';
import { WORD_PATTERN } from '../../server/src/rules/uncertainty.ts';
import { rng as seeded } from '../support/rng.ts';

function byRegex(text: string): Array<[number, number]> {
  const re = new RegExp(WORD_PATTERN.source, WORD_PATTERN.flags);
  const out: Array<[number, number]> = [];
  for (let m = re.exec(text); m; m = re.exec(text)) out.push([m.index, m.index + m[0].length]);
  return out;
}

const PIECES = [
  'we',
  'Q3',
  "don't",
  'it’s',
  'year-over-year',
  '-',
  "'",
  '’',
  ' ',
  '\n',
  '\t',
  '.',
  ',',
  '$1.2M',
  '3.5%',
  'é',
  'e\u0301',
  'naïve',
  'Straße',
  '東京',
  'مرحبا',
  'שלום',
  '😀',
  '👍🏽',
  '𝐀𝐁',
  '\ud800',
  '\udc00',
  '\u0000',
  '\u200b',
  '½',
  '٣',
  'İ',
  'ǅ',
  '--',
  "''",
  'a-',
  '-b',
  "o'",
  'x',
];

test('segmentWords finds the same words as WORD_PATTERN on 3,000 random strings', () => {
  const next = seeded(7);
  for (let n = 0; n < 3000; n++) {
    let text = '';
    const parts = Math.floor(next() * 31);
    for (let k = 0; k < parts; k++) text += PIECES[Math.floor(next() * PIECES.length)];
    const got = segmentWords(text, 0).map((w) => [w.start, w.end]);
    assert.deepEqual(got, byRegex(text), JSON.stringify(text));
  }
});

test('segmentWords offsets are shifted by base, lower straightens curly apostrophes', () => {
  const words = segmentWords('It’s Q3, naïve 😀 go-live', 10);
  assert.deepEqual(
    words.map((w) => [w.start, w.end, w.text, w.lower]),
    [
      [10, 14, 'It’s', "it's"],
      [15, 17, 'Q3', 'q3'],
      [19, 24, 'naïve', 'naïve'],
      [28, 35, 'go-live', 'go-live'],
    ],
  );
});
