// Messages and fix titles that quote the document read as one line: a phrase that wraps across lines in the
// source is quoted with a single space where the line break was.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { collapseSpace, quoteText } from '../../../server/src/rules/util.js';
import { doc, fires, run } from './helpers.js';

/** A paragraph hard-wrapped after every word, as some editors and exporters leave it. */
const wrapped = (sentence: string): string => sentence.split(' ').join('\n');

// One sentence per rule that quotes a phrase of two or more words.
const SENTENCES = [
  'The launch was delayed by two weeks.',
  'The plan was rejected by a wide margin.',
  'I think we should ship the beta.',
  'We will try to sort of ship it.',
  'It is widely considered the best product in its category.',
  'I was wondering if we could ship.',
  'We will ship once we align with sales.',
  'The outage was outside our control.',
  'This plan has no downside for us.',
  'We have a lot of open tickets.',
  'We will ship in the coming weeks.',
  'Monthly revenue grew again.',
  'We worked on the billing migration.',
  'We cut scope in order to ship.',
  'We want to move the needle on churn.',
  'To be fair, the vendor was late.',
  'The launch was really really close.',
  'DO NOT SHIP the beta yet.',
  'More research is needed on pricing.',
];

describe('quoted text in messages', () => {
  it('collapseSpace turns every whitespace run into one space', () => {
    assert.equal(collapseSpace('was\ndecided'), 'was decided');
    assert.equal(collapseSpace('was \r\n   decided\tby'), 'was decided by');
    assert.equal(quoteText('It was\n  decided.', 3, 16), 'was decided');
  });

  it('a passive that wraps across a line break is quoted on one line', () => {
    const [f] = fires('We missed the date. It was\ndecided late.', 'ownership/hidden-actor');
    assert.ok(f, 'hidden-actor fires');
    assert.match(f.message, /^"was decided" does not say who made the call\./);
  });

  it('every rule that quotes a wrapped phrase quotes it without line breaks', () => {
    const text = doc('# Update', ...SENTENCES.map(wrapped), '## Roadmap', '- Cut churn (survey, March\n  2025).');
    // Vague quantities and apologies are off by default; their quoting is checked all the same.
    const { findings } = run(text, { severityOverrides: { 'quantified/vague-quantity': 'hint', 'composure/apology': 'hint' } });
    const quoting = new Set<string>();
    for (const f of findings) {
      for (const s of [f.message, ...f.fixes.map((x) => x.title)]) {
        assert.ok(!/[\r\n\t]| {2}/.test(s), `${f.ruleId}: ${JSON.stringify(s)}`);
      }
      // The finding spans a line break and its message quotes the span with single spaces.
      const span = text.slice(f.start, f.end);
      if (/\n/.test(span) && span.length < 60 && f.message.includes(`"${collapseSpace(span)}"`)) quoting.add(f.ruleId);
      // Stacked hedges quote each hedge in the span.
      if (f.ruleId === 'conviction/stacked-hedges' && f.message.includes('"try to"')) quoting.add(f.ruleId);
    }
    // Each of these quoted a phrase that the source wraps.
    for (const id of [
      'ownership/hidden-actor',
      'conviction/hedge',
      'conviction/stacked-hedges',
      'conviction/unowned-claim',
      'conviction/permission-seeking',
      'ownership/consensus-deferral',
      'ownership/deflection',
      'tradeoffs/no-downside',
      'quantified/vague-quantity',
      'quantified/vague-time',
      'quantified/unquantified-change',
      'concision/activity',
      'concision/filler',
      'concision/buzzword',
      'composure/apology',
      'composure/intensifier',
      'composure/all-caps',
      'judgment/open-uncertainty',
      'evidence/stale',
    ]) {
      assert.ok(quoting.has(id), `${id} did not quote a wrapped phrase (quoted: ${[...quoting].sort().join(', ')})`);
    }
  });
});
