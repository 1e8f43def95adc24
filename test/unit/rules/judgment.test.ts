// Judgment: an uncertainty comes with an assumption, a decision for the meantime, or a revisit date.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFix, corpus, doc, firedText, list, quote } from './helpers.js';

const OPEN = 'judgment/open-uncertainty';
const SKELETON = ' Assumption: [what we assume]. Decision: [what we do meanwhile]. Revisit by: [date].';

describe('judgment/open-uncertainty', () => {
  describe('fires on an uncertainty left open', () => {
    const cases: Array<[string, string[]]> = [
      ['The pricing model is unclear.', ['unclear']],
      ['The pricing model is TBD.', ['TBD']],
      ["We don't know yet whether Acme renews.", ["We don't know yet"]],
      ['More research is needed.', ['More research is needed']],
      ['Things are up in the air.', ['up in the air']],
      ['It is too early to tell whether churn has turned.', ['too early to tell']],
      // Only the first uncertainty of the paragraph is reported.
      ['The pricing model is unclear. The rollout order is TBD.', ['unclear']],
      // The modal "may" is not the month May.
      ['The pricing is unclear and we may need more staff.', ['unclear']],
    ];
    for (const [text, expected] of cases) it(JSON.stringify(text), () => assert.deepEqual(firedText(text, OPEN), expected));

    it('one finding per paragraph, each paragraph on its own', () => {
      assert.deepEqual(firedText(doc('The pricing model is unclear.', 'The rollout order is TBD.'), OPEN), ['unclear', 'TBD']);
    });
    it('a resolution in another paragraph does not count', () => {
      assert.deepEqual(firedText(doc('Pricing is unclear.', 'We assume list price.'), OPEN), ['unclear']);
    });

    it('corpus 2016-2016-09.md', () => {
      const s = quote(
        '2016-2016-09.md',
        "The loss of active contributors is impacting this, and we have a huge backlog, and we have no active way of measuring this on a daily or weekly basis so we don't know how we are progressing on this currently.",
      );
      assert.deepEqual(firedText(s, OPEN), ["we don't know"]);
      assert.ok(firedText(corpus('2016-2016-09.md'), OPEN).includes("we don't know"));
    });
    // Outside the corpus (a Zooniverse ADR's Context and a React RFC's Motivation, reviewed wrong): there the
    // uncertainty is the problem being described, not an open point the writer leaves the reader holding.
    it('not in a Context or Motivation section; the same words under Decision still fire', () => {
      const s = 'Can the drawing annotation be updated by both, or is one solely responsible? It is unclear by reading the code.';
      assert.deepEqual(firedText(doc('# ADR 15: Drawing tools API', '## Context', s), OPEN), []);
      assert.deepEqual(firedText(doc('# ADR 15: Drawing tools API', '## Decision', s), OPEN), ['unclear']);
    });
    it('corpus 2020-2020-03.md: a list item', () => {
      const s = quote(
        '2020-2020-03.md',
        ' - We are still working out the details for how to use last years donation to hire someone to update our documentation and author some getting started guides.',
      );
      assert.deepEqual(firedText(s, OPEN), ['still working out']);
    });

    // Words that name the subject of the uncertainty are read as its resolution.
    for (const text of [
      'The plan is unclear.',
      'The decision is TBD.',
      'The deadline is TBD.',
      'The budget owner is TBD.',
      'Next steps are unclear.',
    ]) {
      it(JSON.stringify(text), () => {
        assert.equal(firedText(text, OPEN).length, 1);
      });
    }
    it('"we will see" is not a decision', () => {
      assert.deepEqual(firedText('We will see; the impact is unclear.', OPEN), ['unclear']);
    });
    it('a four-digit count is not a year', () => {
      assert.deepEqual(firedText('It is unclear whether 2000 users will migrate.', OPEN), ['unclear']);
    });
  });

  describe('does not fire when the paragraph resolves it', () => {
    for (const text of [
      'The pricing model is unclear. We assume list price until legal answers.',
      'The pricing model is unclear. We revisit on June 3.',
      'The pricing model is TBD; we decide by Q3.',
      "We don't know yet whether Acme renews. In the meantime we keep the discount.",
      'More research is needed. Our hypothesis is that onboarding drives churn.',
      'The pricing model is unclear. Revisit by: [date].',
      '> The pricing model is unclear.',
      'The `unclear` flag is set on 12 tickets.',
      'We shipped on May 3.',
    ]) {
      it(JSON.stringify(text), () => assert.deepEqual(firedText(text, OPEN), []));
    }
  });

  describe('does not fire where the open item is the point (corpus review)', () => {
    it('under Unresolved questions a TBD is where open items belong', () => {
      assert.deepEqual(firedText(doc('## Unresolved questions', '- TBD'), OPEN), []);
      assert.deepEqual(firedText(doc('## Plan', '- TBD'), OPEN), ['TBD'], 'in a plan it is left open');
    });
    it('an unknown that is the reason to reject an alternative', () => {
      const text = doc(
        '## Alternatives',
        '### Combining Infra and Release into a new team',
        "* It is unclear what this team's purview would actually be.",
      );
      assert.deepEqual(firedText(text, OPEN), []);
    });
    it('what will settle it is named: "TBD based on timeline"', () => {
      assert.deepEqual(
        firedText('- Compliance with OpenTelemetry specification v1.48 (precise version is TBD based on timeline)', OPEN),
        [],
      );
    });
    it('"uncertainty" as an effect on others, a named downside', () => {
      assert.deepEqual(firedText('This may introduce some confusion or uncertainty.', OPEN), []);
      assert.deepEqual(firedText('There is uncertainty about the launch.', OPEN), ['uncertainty']);
    });
    it("still fires in an ADR's Consequences: an open item hidden there", () => {
      assert.deepEqual(firedText(doc('## Consequences', 'The rollout plan is TBC.'), OPEN), ['TBC']);
    });
  });

  describe('fix: Assumption / Decision / Revisit by (needs review)', () => {
    it('appended after the last sentence of the paragraph', () => {
      const text = 'The pricing model is unclear. Legal is reviewing it.';
      checkFix(text, OPEN, { safe: false, region: [text.length, text.length], expected: text + SKELETON });
    });
    it('inside a document, only that paragraph changes', () => {
      const text = doc('# Pricing', 'The pricing model is TBD.', 'We ship on May 3.');
      const at = text.indexOf('TBD.') + 4;
      checkFix(text, OPEN, {
        safe: false,
        region: [at, at],
        expected: doc('# Pricing', 'The pricing model is TBD.' + SKELETON, 'We ship on May 3.'),
      });
    });
  });
});

describe('judgment/open-uncertainty: a header field left to fill is no judgment', () => {
  it('"- Landed: TBD" in a proposal\'s timeline (an RFC outside the corpus, cedar)', () => {
    assert.deepEqual(firedText(doc('## Timeline', list('Started: 2024-07-01', 'Landed: TBD', 'Released: TBD')), OPEN), []);
  });
  it('still fires on TBD in a sentence', () => {
    assert.deepEqual(firedText(doc('## Timeline', 'The release date is TBD.'), OPEN), ['TBD']);
  });
});

// The eighteenth outside batch: the paragraph goes on to say what the writer will do (reviewed wrong by both).
describe('judgment/open-uncertainty: a later sentence that commits to an action answers it', () => {
  it('"Next time we will try to use a different provider" (a CTF postmortem)', () => {
    const text =
      "We don't know the good solution here, since many countries have a practice to ban external IPs. Next time we will try to use a different provider.";
    assert.deepEqual(firedText(text, OPEN), []);
  });
  it('"Let\'s create a foundation with a limited scope" (a strategy memo)', () => {
    const text =
      "On the other hand, I am not sure a foundation is the right institution to be paying them. Let's create a foundation with a limited scope and see what difference it makes before we make any further decisions.";
    assert.deepEqual(firedText(text, OPEN), []);
  });
  it('still fires when the commitment is negated, or comes before the uncertainty', () => {
    assert.deepEqual(firedText("We don't know which provider works. We will not change it this year.", OPEN), ["We don't know"]);
    assert.deepEqual(firedText("We will ship the client. We don't know which provider works.", OPEN), ["We don't know"]);
  });
});
