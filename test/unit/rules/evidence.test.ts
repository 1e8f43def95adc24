// Evidence: roadmap and priority items cite evidence, and their evidence or due dates are not stale
// (today is 2026-11-22; more than 6 months old is stale by default).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFix, corpus, doc, firedText, firedText as firedIn, fires, list, quote, quoteIn, withRubric } from './helpers.js';

const UNSUPPORTED = 'evidence/unsupported-item';
const STALE = 'evidence/stale';

describe('evidence/unsupported-item', () => {
  it('is off by default (reviewed precision 0 of 53 on real reports) and on in the strategy-memo rubric', () => {
    const text = doc('# Q4 memo', 'Revenue grew 12% to $4.1M.', '## Priorities', list('Improve onboarding.'));
    assert.deepEqual(fires(text, UNSUPPORTED), []);
    assert.deepEqual(
      fires(text, UNSUPPORTED, { rubric: 'strategy-memo' }).map((f) => f.severity),
      ['information'],
    );
  });

  // The rule's own behaviour, where it is on: under the strategy-memo rubric.
  const MEMO = { rubric: 'strategy-memo' };
  const firedText = (text: string, rule: string): string[] => firedIn(text, rule, MEMO);

  const roadmap = (...items: string[]): string => doc('# Q4 memo', 'Revenue grew 12% to $4.1M.', '## Roadmap', list(...items));

  it('flags items with no number, link, customer or source', () => {
    const text = roadmap(
      'Improve onboarding.',
      'Rebuild the iOS app.',
      'Cut churn to 2%.',
      'Build the audit log ([ticket](https://example.com/t/1)).',
      'Add exports, requested by 14 customers.',
      'Add exports per the customer survey.',
      'Add SSO for Acme Corp.',
      'Speed up search: see <https://example.com/bench>.',
    );
    assert.deepEqual(firedText(text, UNSUPPORTED), ['Improve onboarding.', 'Rebuild the iOS app.']);
  });

  describe('applies under roadmap and priority headings, and their sub-sections', () => {
    for (const heading of ['Priorities', 'Bets', 'OKRs', 'Initiatives', 'Goals', 'Focus areas', 'Investments']) {
      it(heading, () =>
        assert.deepEqual(firedText(doc('# Q4 memo', `## ${heading}`, list('Improve onboarding.')), UNSUPPORTED), ['Improve onboarding.']),
      );
    }
    it('a sub-section of the roadmap', () => {
      assert.deepEqual(firedText(doc('# Q4 memo', '## Roadmap', '### Later', list('Improve search.')), UNSUPPORTED), ['Improve search.']);
    });
    it('an ordered list', () => {
      assert.deepEqual(firedText(doc('# Q4 memo', '## Priorities', '1. Improve onboarding.\n2. Cut churn to 2%.'), UNSUPPORTED), [
        'Improve onboarding.',
      ]);
    });
  });

  describe('does not fire', () => {
    const cases: Array<[string, string]> = [
      ['outside roadmap sections', doc('# Q4 memo', '## Notes', list('Improve onboarding.'))],
      ['on paragraphs under the roadmap heading', doc('# Q4 memo', '## Roadmap', 'We will improve onboarding.')],
      ['when a nested item carries the evidence', doc('# Q4 memo', '## Roadmap', '- Ship SSO.\n  - 12 customers asked.')],
      ['on quoted items', doc('# Q4 memo', '## Roadmap', '> - Improve onboarding.')],
      ['with a placeholder for the evidence', doc('# Q4 memo', '## Roadmap', list('Improve onboarding (evidence: [metric]).'))],
      ['under interview-answer, which turns evidence off', withRubric('interview-answer', '## Priorities', list('Improve onboarding.'))],
    ];
    for (const [name, text] of cases) it(name, () => assert.deepEqual(firedText(text, UNSUPPORTED), []));
    it('corpus 2019-2019-03.md: release lists are not roadmap items', () =>
      assert.deepEqual(firedText(corpus('2019-2019-03.md'), UNSUPPORTED), []));
  });

  describe('misses', () => {
    for (const item of ['Build the SSO integration.', 'Migrate to Postgres.']) {
      it(JSON.stringify(item), () => {
        assert.deepEqual(firedText(roadmap(item), UNSUPPORTED), [item]);
      });
    }
    it('a title with "plan" does not make every list in the document a roadmap', () => {
      assert.deepEqual(firedText(doc('# Q3 plan', '## Team', list('Ana leads payments.', 'Bo leads search.')), UNSUPPORTED), []);
    });
  });

  it('fix: an evidence placeholder after the item (needs review)', () => {
    const text = roadmap('Improve onboarding.', 'Cut churn to 2%.');
    const at = text.indexOf('onboarding.') + 'onboarding.'.length;
    checkFix(text, UNSUPPORTED, {
      opts: MEMO,
      safe: false,
      region: [at, at],
      expected: roadmap('Improve onboarding. (evidence: [metric, link or customer])', 'Cut churn to 2%.'),
    });
  });
});

describe('evidence/stale (today 2026-11-22, 6 months)', () => {
  const ITEMS = [
    'Ship SSO by Q1 2026.', // quarter ends 2026-03: 8 months
    'Ship SSO by Q3 2026.', // 2 months
    'Churn was 4% in 2026-04.', // 7 months
    'Churn was 4% in 2026-05.', // 6 months: the limit, not stale
    'Per survey (March 2025).', // 20 months
    'Per survey (May 2026).', // 6 months
    'Per survey (Nov 12, 2025).', // 12 months
    'H1 2026 target is 10 deals.', // half ends 2026-06: 5 months
    'Per survey (2026-06-30).', // 5 months
    'Per survey (December 2025).', // 11 months
    'Ship exports by Jan 2027.', // future
  ];
  const memo = doc('# Q4 memo', '## Priorities', list(...ITEMS));

  it('flags dates older than the limit, each on its own', () => {
    assert.deepEqual(firedText(memo, STALE), ['Q1 2026', '2026-04', 'March 2025', 'Nov 12, 2025', 'December 2025']);
  });
  it('the message gives the age and the limit', () => {
    const [f] = fires(doc('# Q4 memo', '## Priorities', list('Per survey (March 2025).')), STALE);
    assert.match(f.message, /20 months old.*more than 6/);
  });
  it('the staleAfterMonths option overrides the rubric', () => {
    assert.deepEqual(firedText(memo, STALE, { staleAfterMonths: 12 }), ['March 2025']);
    assert.deepEqual(firedText(memo, STALE, { staleAfterMonths: 1 }), [
      'Q1 2026',
      'Q3 2026',
      '2026-04',
      '2026-05',
      'March 2025',
      'May 2026',
      'Nov 12, 2025',
      'H1 2026',
      '2026-06-30',
      'December 2025',
    ]);
  });
  it('staleness is measured from the given today', () => {
    assert.deepEqual(firedText(memo, STALE, { today: '2026-03-15' }), ['March 2025']);
  });
  it('corpus 2019-2019-03.md: a release date, listed as a priority item', () => {
    const item = quote('2019-2019-03.md', 'cordova-electron@1.0.0 was released on Wed Feb 27 2019');
    assert.deepEqual(firedText(doc('# Q4 memo', '## Priorities', list(item)), STALE), ['Feb 27 2019']);
  });

  describe('does not fire', () => {
    const cases: Array<[string, string]> = [
      ['outside roadmap sections', doc('# Q4 memo', '## Notes', list('Per survey (March 2025).'))],
      ['in a paragraph under the heading', doc('# Q4 memo', '## Roadmap', 'As of March 2025 we planned this.', list('Cut churn to 2%.'))],
      ['in a quoted item', doc('# Q4 memo', '## Roadmap', '> - Per survey (March 2025).')],
      ['in a link URL', doc('# Q4 memo', '## Roadmap', list('Cut churn ([data](https://example.com/2025-01/churn)).'))],
      ['in inline code', doc('# Q4 memo', '## Roadmap', list('Cut churn (see `report-2025-01`).'))],
      ['under interview-answer', withRubric('interview-answer', '## Priorities', list('Per survey (March 2025).'))],
    ];
    for (const [name, text] of cases) it(name, () => assert.deepEqual(firedText(text, STALE), []));
    it('corpus 2019-2019-03.md: release history is not a roadmap', () => assert.deepEqual(firedText(corpus('2019-2019-03.md'), STALE), []));
    it("a report's own reporting period is measured from the report, not from today", () => {
      quoteIn('k8s-annual-reports', 'k8s-archive-wg-ai-conformance-annual-report-2025.md', '# 2025 Annual Report: WG AI Conformance');
      assert.deepEqual(
        firedText(
          doc(
            '# 2022 Annual Report: SIG Scalability',
            '## Goals',
            list('Highlights of 2022: tests now run in 30 minutes.', 'Survey from March 2022.'),
          ),
          STALE,
        ),
        [],
      );
      assert.deepEqual(
        firedText(doc('# 2019 Q4 Hyperledger Burrow', '## Current Plans', list('Ship 0.30 (planned in Q1 2020).')), STALE),
        [],
      );
      // Old for the report itself is still stale: a 2019 survey in a 2022 report.
      assert.deepEqual(
        firedText(doc('# 2022 Annual Report: SIG Scalability', '## Goals', list('Per the survey from March 2019.')), STALE),
        ['March 2019'],
      );
    });
    it('when a past event happened, told as history (k8s SIG Cluster Lifecycle 2023)', () => {
      const s = quoteIn(
        'k8s-annual-reports',
        'k8s-sig-cluster-lifecycle-annual-report-2023.md',
        'For example the previous one was in 2021.',
      );
      assert.deepEqual(firedText(doc('# Annual report', '## Goals', list(`We run a self-assessment every two years. ${s}`)), STALE), []);
    });
    it("a template's prompt question is the form, not evidence", () => {
      const q = quoteIn(
        'k8s-annual-reports',
        'k8s-sig-scalability-annual-report-2022.md',
        'Did you have community-wide updates in 2022 (e.g. community meetings, kubecon, or kubernetes-dev@ emails)?',
      );
      assert.deepEqual(firedText(doc('# Annual report', '## Goals', list(q.replace('2022', '2019'))), STALE), []);
    });
    it('a bare year', () => {
      assert.deepEqual(firedText(doc('# Q4 memo', '## Priorities', list('Cut churn (survey from 2024).')), STALE), ['2024']);
    });
  });

  describe('a bare year is read only where it reads as a date', () => {
    it('after a time preposition or in parentheses; a year ends in December', () => {
      const items = [
        'Churn data since 2019.',
        'Per survey (2024).',
        'In 2025, 40 customers asked.',
        'Ship SSO in 2026.',
        'Ship SSO by 2027.',
      ];
      assert.deepEqual(firedText(doc('# Q4 memo', '## Priorities', list(...items)), STALE), ['2019', '2024', '2025']);
    });
    it('not a count, an amount or a range', () => {
      const items = [
        'Survey of 2000 users.',
        'Grow signups to 2000.',
        'Feedback from 2000 users.',
        'Per survey (2023-2024).',
        'Budget (2019 dollars).',
        'Costs $2019 a seat.',
      ];
      assert.deepEqual(firedText(doc('# Q4 memo', '## Priorities', list(...items)), STALE), []);
    });
  });

  it('fix: mark the date for update (needs review)', () => {
    const text = doc('# Q4 memo', '## Priorities', list('Cut churn to 2% (survey, March 2025).'));
    const s = text.indexOf('March 2025');
    checkFix(text, STALE, {
      safe: false,
      region: [s, s + 'March 2025'.length],
      expected: doc('# Q4 memo', '## Priorities', list('Cut churn to 2% (survey, [updated date]).')),
    });
  });
});
