// Composure: no apologising or defending, no emotional intensifiers, no exclamation marks, no shouting.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFix, doc, firedText, fires, quote } from './helpers.js';

const APOLOGY = 'composure/apology';
const INTENSIFIER = 'composure/intensifier';
const EXCLAMATION = 'composure/exclamation';
const CAPS = 'composure/all-caps';

describe('composure/apology', () => {
  const cases: Array<[string, string[]]> = [
    ['Unfortunately, the launch slipped.', ['Unfortunately']],
    ['Sorry for the delay.', ['Sorry']],
    ['Apologies for the late update.', ['Apologies']],
    ['To be fair, the vendor was late.', ['To be fair']],
    ['In our defense, the vendor was late.', ['In our defense']],
    ['We tried our best.', ['We tried our best']],
    ['With all due respect, the plan is wrong.', ['With all due respect']],
    ['The launch slipped, unfortunately.', ['unfortunately']],
  ];
  for (const [text, expected] of cases) it(JSON.stringify(text), () => assert.deepEqual(firedText(text, APOLOGY), expected));

  describe('does not fire', () => {
    for (const text of ['The launch slipped two weeks; we ship on May 17.', '> Sorry for the delay.', 'The `sorry` page is gone.', '<!-- sorry -->\n\nWe ship on May 3.']) {
      it(JSON.stringify(text), () => assert.deepEqual(firedText(text, APOLOGY), []));
    }
  });

  describe('safe fix: drop the opener', () => {
    const cases: Array<[string, string]> = [
      ['Unfortunately, the launch slipped.', 'The launch slipped.'],
      ['Unfortunately the launch slipped.', 'The launch slipped.'],
      ['To be fair, the vendor was late.', 'The vendor was late.'],
      ['Frankly, the plan failed.', 'The plan failed.'],
      ['In our defense, the vendor was late.', 'The vendor was late.'],
      ['The launch, unfortunately, slipped.', 'The launch slipped.'],
    ];
    for (const [text, expected] of cases) it(`${JSON.stringify(text)} → ${JSON.stringify(expected)}`, () => void checkFix(text, APOLOGY, { safe: true, expected }));
    it('inside a document', () => {
      const text = doc('# Status', 'Revenue grew 12%.', 'We ship on May 17. Unfortunately, the launch slipped.');
      checkFix(text, APOLOGY, { safe: true, expected: doc('# Status', 'Revenue grew 12%.', 'We ship on May 17. The launch slipped.') });
    });
    it('apologies that carry the sentence get no fix', () => {
      for (const text of ['Sorry for the delay.', 'We tried our best.', 'The launch slipped, unfortunately.']) assert.deepEqual(fires(text, APOLOGY)[0].fixes, [], text);
    });
    it('a removable opener is marked unnecessary', () => {
      assert.equal(fires('Unfortunately, the launch slipped.', APOLOGY)[0].unnecessary, true);
      assert.ok(!fires('Sorry for the delay.', APOLOGY)[0].unnecessary);
    });
  });
});

describe('composure/intensifier', () => {
  const cases: Array<[string, string[]]> = [
    ['We are extremely proud of the launch.', ['extremely']],
    ['We are super excited.', ['super']],
    ['The results are incredibly strong.', ['incredibly']],
    ['We have an amazing team.', ['amazing']],
    ['This is a total disaster.', ['disaster']],
    ['We are thrilled with the result.', ['thrilled']],
  ];
  for (const [text, expected] of cases) it(JSON.stringify(text), () => assert.deepEqual(firedText(text, INTENSIFIER), expected));
  it('corpus 2019-2019-03.md', () => {
    const s = quote('2019-2019-03.md', 'Our nightly builds have been extremely stable.');
    assert.deepEqual(firedText(s, INTENSIFIER), ['extremely']);
    checkFix(s, INTENSIFIER, { safe: true, expected: 'Our nightly builds have been stable.' });
  });

  describe('does not fire', () => {
    for (const text of ['We watched the Super Bowl.', 'Super Bowl ads cost too much.', 'The results are strong: 12% growth.', '> We are super excited.']) {
      it(JSON.stringify(text), () => assert.deepEqual(firedText(text, INTENSIFIER), []));
    }
  });

  describe('fixes', () => {
    it('"We are extremely proud." → "We are proud."', () => void checkFix('We are extremely proud.', INTENSIFIER, { safe: true, expected: 'We are proud.' }));
    it('"We are super excited." → "We are excited."', () => void checkFix('We are super excited.', INTENSIFIER, { safe: true, expected: 'We are excited.' }));
    it('adjectives and nouns get no fix', () => {
      for (const text of ['We have an amazing team.', 'This is a total disaster.']) assert.deepEqual(fires(text, INTENSIFIER)[0].fixes, [], text);
    });
  });
});

describe('composure/exclamation', () => {
  const cases: Array<[string, string[]]> = [
    ['We shipped!', ['!']],
    ['Ship it!!!', ['!!!']],
    ['Is it ready?!', ['?!']],
    ['We shipped v2.0!', ['!']],
  ];
  for (const [text, expected] of cases) it(JSON.stringify(text), () => assert.deepEqual(firedText(text, EXCLAMATION), expected));
  it('in a heading', () => assert.deepEqual(firedText('## Big news!\n\nWe shipped.', EXCLAMATION), ['!']));
  it('corpus 2017-2017-09.md', () => {
    const s = quote('2017-2017-09.md', 'This is the reason for all of the green badges on our status page!');
    assert.deepEqual(firedText(s, EXCLAMATION), ['!']);
  });
  it('corpus 2022-12.md: inside emphasis and parentheses', () => {
    const s = quote('2022-12.md', '- We now have github discussions enabled. *(Thanks INFRA!)*');
    assert.deepEqual(firedText(s, EXCLAMATION), ['!']);
    checkFix(s, EXCLAMATION, { safe: true, expected: '- We now have github discussions enabled. *(Thanks INFRA.)*' });
  });

  describe('does not fire', () => {
    for (const text of [
      'Is it ready?',
      'The flag is !important.',
      'Call `foo!` to reset.',
      '```\nalert("hi!");\n```',
      '![diagram](https://example.com/chart.png) shows the trend.',
      '> We shipped!',
      '<span title="Wow!">Launch</span> notes follow.',
    ]) {
      it(JSON.stringify(text), () => assert.deepEqual(firedText(text, EXCLAMATION), []));
    }
  });

  describe('safe fix', () => {
    const cases: Array<[string, string]> = [
      ['We shipped!', 'We shipped.'],
      ['Ship it!!!', 'Ship it.'],
      ['Is it ready?!', 'Is it ready?'],
      ['## Big news!\n\nWe shipped.', '## Big news.\n\nWe shipped.'],
    ];
    for (const [text, expected] of cases) it(`${JSON.stringify(text)} → ${JSON.stringify(expected)}`, () => void checkFix(text, EXCLAMATION, { safe: true, expected }));
  });
});

describe('composure/all-caps', () => {
  const cases: Array<[string, string[]]> = [
    ['This is VERY important.', ['VERY']],
    ['Do NOT ship on Friday.', ['NOT']],
    ['The NEW PRICING PLAN launches in May.', ['NEW PRICING PLAN']],
    ['This is URGENT.', ['URGENT']],
  ];
  for (const [text, expected] of cases) it(JSON.stringify(text), () => assert.deepEqual(firedText(text, CAPS), expected));

  describe('does not fire on acronyms', () => {
    for (const text of ['We use AWS and follow the GDPR rules.', 'Read the FAQ.', 'NASA and IBM use it.', 'The API SDK CLI ships.']) {
      it(JSON.stringify(text), () => assert.deepEqual(firedText(text, CAPS), []));
    }
    const real: Array<[string, string]> = [
      ['2019-2019-03.md', '0 JIRA tickets created in the last 3 months (JIRA has been shut down)'],
      ['2019-2019-03.md', 'Currently 94 PMC members.'],
      ['2019-2019-03.md', 'A platform for building native mobile applications using HTML, CSS and JavaScript.'],
    ];
    for (const [file, s] of real) it(`corpus ${file}: ${s}`, () => assert.deepEqual(firedText(quote(file, s), CAPS), []));
    it('a list of acronyms is not shouting', () => {
      assert.deepEqual(firedText('We are certified for GDPR, HIPAA, CCPA and more.', CAPS), []);
      assert.deepEqual(firedText('We support AWS, AZURE, GCP.', CAPS), []);
    });
    it('> QUOTED SHOUTING IS NOT OURS', () => assert.deepEqual(firedText('> THIS IS VERY URGENT NOW.', CAPS), []));
  });

  describe('safe fix: normal case', () => {
    const cases: Array<[string, string]> = [
      ['This is VERY important.', 'This is very important.'],
      ['The NEW PRICING PLAN launches in May.', 'The new pricing plan launches in May.'],
    ];
    for (const [text, expected] of cases) it(`${JSON.stringify(text)} → ${JSON.stringify(expected)}`, () => void checkFix(text, CAPS, { safe: true, expected }));
    it('a shouted sentence is lowered whole', () => {
      checkFix('WE MUST SHIP NOW.', CAPS, { safe: true, expected: 'We must ship now.' });
    });
  });
});
