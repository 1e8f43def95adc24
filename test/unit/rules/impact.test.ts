// Impact: the document opens with the outcome, decision or ask; each section opens with its takeaway.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFix, corpus, doc, firedText, fires, fixTitles, list, quote, quoteIn, withRubric } from './helpers.js';

const LEDE = 'impact/buried-lede';
const OPENER = 'impact/section-opener';
const BOTTOM_LINE = '**Bottom line:** [the outcome, decision or ask, with a number]\n\n';

describe('impact/buried-lede', () => {
  describe('fires when the opening carries no point', () => {
    it('a document that describes itself', () => {
      const text = doc('# Q3 update', 'This document describes our work in the third quarter.', 'We shipped billing.');
      const [f] = fires(text, LEDE);
      assert.equal(text.slice(f.start, f.end), 'This document describes our work in the third quarter.');
      assert.match(f.message, /describing itself/);
    });
    it('a document that opens with history', () => {
      const text = doc('# Q3 update', 'Last quarter we started the billing project.', 'The team grew.');
      const [f] = fires(text, LEDE);
      assert.equal(text.slice(f.start, f.end), 'Last quarter we started the billing project.');
      assert.match(f.message, /background and history/);
    });
    it('a number after a chronology opener is still background', () => {
      assert.deepEqual(firedText(doc('# Q3 update', 'Last quarter we hired 4 people.', 'The team grew.'), LEDE), [
        'Last quarter we hired 4 people.',
      ]);
    });
    it('an opening with neither point, number nor ask', () => {
      assert.deepEqual(firedText(doc('# Market', 'The market is changing.', 'Customers want more from us.'), LEDE), [
        'The market is changing.',
      ]);
    });
    it('without a title, the first paragraph is the opening', () => {
      assert.deepEqual(firedText(doc('Some background on the market.', 'Customers want more from us.'), LEDE), [
        'Some background on the market.',
      ]);
    });
    it('background first buries the point even when the second sentence holds it', () => {
      const text = doc('# Budget', 'Some background on the market. We ask the board to approve the budget.');
      assert.deepEqual(firedText(text, LEDE), ['Some background on the market.']);
      const [f] = fires(text, LEDE);
      assert.ok(fixTitles(f).some(([title]) => /Bottom line/.test(title)));
    });
    it('after front matter', () => {
      const text = withRubric('strategy-memo', '# Memo', 'This memo covers pricing.', 'Pricing is complex.');
      assert.deepEqual(firedText(text, LEDE), ['This memo covers pricing.']);
    });
    it('a point in the third sentence is past the two-sentence opening', () => {
      assert.deepEqual(
        firedText(doc('# Q3', 'This document describes our work.', 'We shipped billing.', 'I recommend we hire two engineers.'), LEDE),
        ['This document describes our work.'],
      );
    });
    // Kept by the review (issue 9): openings judged to bury the news.
    it('corpus Indy 2023 Q1: a list of repository links is not a list of points', () => {
      const item = quoteIn(
        'hyperledger-toc-project-reports',
        'hyperledger-2023-Q1-Hyperledger-Indy.md',
        '- [indy-node]\n- [indy-plenum]\n- [indy-test-automation]',
      );
      const text = doc(
        '# 2023 Q1 Hyperledger Indy',
        'Created by Stephen Curran.',
        '## Sub-Projects',
        '### **Distributed Ledger**',
        item,
        '## Project Health',
        'The CI/CD pipeline is complete.',
      );
      assert.deepEqual(firedText(text, LEDE), ['indy-node']);
    });
    it('corpus Zig SIG bootstrap: an encyclopedia definition before the ask', () => {
      const s = quoteIn(
        'otel-community-roadmap-projects',
        'otel-projects-zig-sig-bootstrap.md',
        "Zig is a general-purpose programming language designed for performance, robustness, and clarity.\nOne of Zig's key features is its seamless interoperability with C, making it a compelling choice for systems programming.",
      );
      assert.deepEqual(firedText(doc('# Bootstrap Zig Special Interest Group', '## Background and description', s), LEDE), [
        'Zig is a general-purpose programming language designed for performance, robustness, and clarity.',
      ]);
    });
    // Judged wrong by the review: a status report's opening verdict is its bottom line.
    it('a status verdict opening a status report states the point', () => {
      const health = quoteIn(
        'hyperledger-toc-project-reports',
        'hyperledger-2019-Q3-Hyperledger-Transact.md',
        'Health is good. There is a surprising level of interest in the project;',
      );
      assert.deepEqual(firedText(doc('# 2019 Q3 Hyperledger Transact', '## Project Health', `${health} the interest is high.`), LEDE), []);
      const cactus = quoteIn(
        'hyperledger-toc-project-reports',
        'hyperledger-2021-Q4-Hyperledger-Cactus.md',
        'Cactus continues to\u00a0be a healthy project.',
      );
      assert.deepEqual(firedText(doc('# 2021 Q4 Hyperledger Cactus', '## Project Health', cactus), LEDE), []);
      assert.deepEqual(firedText(doc('# Migration', 'The billing migration is on track for June 1.'), LEDE), []);
      // Not a verdict: how the team feels about it, or what it is busy with.
      assert.deepEqual(firedText(doc('# Q3', 'The team is excited about the roadmap.', 'We met twice.'), LEDE), [
        'The team is excited about the roadmap.',
      ]);
    });
    // Written here: a summary's label over a line that states no outcome, decision or ask.
    it('a bottom line that says nothing', () => {
      const text = doc('# Q3', '**Bottom line:** We are making good progress and things are going well overall.', 'More detail follows.');
      assert.equal(fires(text, LEDE)[0]?.start, text.indexOf('**Bottom line:**') + 2);
    });
    it('interview-answer reads only the first sentence', () => {
      const text = 'Some context first. I recommend we hire two engineers.';
      assert.deepEqual(firedText(text, LEDE, { rubric: 'interview-answer' }), ['Some context first.']);
      assert.deepEqual(firedText(text, LEDE), []);
    });
  });

  describe('does not fire', () => {
    const cases: Array<[string, string]> = [
      ['a result with a number', doc('# Q3 update', 'Revenue grew 12% to $4.1M.', 'More detail follows.')],
      ['a recommendation', doc('# Hiring', 'I recommend we hire two engineers for payments.', 'Background follows.')],
      ['an ask in the second sentence', doc('# Budget', 'The market moved fast this quarter. We ask the board to approve the budget.')],
      ['a decision', doc('# Pricing', 'We decided to keep list prices.', 'Background follows.')],
      ['a bottom line', doc('# Q3', '**Bottom line:** we exceeded plan.', 'More detail follows.')],
      ['a placeholder for the number', doc('# Q3', 'Churn fell to [N%].', 'More detail follows.')],
      ['a quote before the point is skipped', doc('# Hiring', '> The market is changing.', 'I recommend we hire two engineers.')],
      ['an empty document', ''],
      ['only a title', '# Title\n'],
      ['only code', '```\nThis document describes nothing.\n```\n'],
    ];
    for (const [name, text] of cases) it(name, () => assert.deepEqual(firedText(text, LEDE), []));

    it('corpus 2019-2019-03.md: an opening with the release count', () => {
      const s = quote(
        '2019-2019-03.md',
        'We made 6 platform releases (Android@8, Browser@6, Electron@1, iOS@5, OSX@5, Windows@7), and 1 patch release (Electron@1.0.1).',
      );
      assert.deepEqual(firedText(doc('# Apache Cordova', s), LEDE), []);
    });
    it('corpus 2016-2016-09.md: the board template\'s standing "Description:" is metadata, not the opening', () => {
      const text = corpus('2016-2016-09.md');
      assert.deepEqual(firedText(text, LEDE), []);
      assert.deepEqual(firedText(text, LEDE, { rubric: 'board-update' }), []);
    });
    it('header lines, bylines and a template prompt are not the opening', () => {
      // Shapes from the corpus: an ADR's Status section, a Hyperledger byline, a Kubernetes report's prompt.
      assert.deepEqual(
        firedText(doc('# 13. Remove Aggregator layer', '## Status', 'Accepted', '## Context', 'The SDK provides a public library.'), LEDE),
        [],
      );
      assert.deepEqual(
        firedText(
          doc('# 2023 Q1 Indy', 'Created by Stephen Curran.', '## Project Health', 'We completed the CI/CD pipeline migration.'),
          LEDE,
        ),
        [],
      );
      assert.deepEqual(
        firedText(
          doc(
            '# 2021 Annual Report: SIG CLI',
            '## Current initiatives',
            '1. What work did the SIG do this year that should be highlighted?\n\n    - Server Side Apply promoted to GA.',
          ),
          LEDE,
        ),
        [],
      );
    });
    it('an "Author(s)" section is metadata, as "Authors" is (a postmortem outside the corpus)', () => {
      const text = doc(
        '# Postmortem for v0.0.19',
        '## Author(s)',
        '- David Ellis <david@example.com>',
        '## Summary',
        'The release could not be deployed.',
      );
      assert.deepEqual(firedText(text, LEDE), ['The release could not be deployed.']);
    });
    it("a funder's italic guidance to the writer is not the opening (a progress report outside the corpus)", () => {
      const guidance = "*Describe your project's progress in the last year. Please reference your initial objectives when possible.*";
      assert.deepEqual(firedText(doc('# Annual report', guidance, 'The lab spent the year on data-intensive biology.'), LEDE), [
        'The lab spent the year on data-intensive biology.',
      ]);
      // The writer's own italic opening is still read.
      assert.deepEqual(firedText(doc('# Annual report', '*The lab spent the year on data-intensive biology.*', 'More follows.'), LEDE), [
        'The lab spent the year on data-intensive biology.',
      ]);
    });
    it("the authors' linked names, a tracking link and a label line are not the opening either (memos outside the corpus)", () => {
      // The finding fell on the byline or the link; it now falls on the writer's first sentence, or goes when that
      // sentence carries the point.
      const authors = '[Edzer Pebesma](https://github.com/edzer/), [Michael\nSumner](https://github.com/mdsumer/)';
      assert.deepEqual(
        firedText(doc('# Tidy arrays for R', authors, '## Summary', 'A lot of spatiotemporal data takes the form of dense arrays.'), LEDE),
        ['A lot of spatiotemporal data takes the form of dense arrays.'],
      );
      const tracked = 'Tracked by https://github.com/openjs-foundation/cross-project-council/issues/172';
      const champion = 'Jonah Stiennon (@jonahss)';
      const description = 'This proposal proposes moving the management of this fund to the Cross Project Council.';
      assert.deepEqual(firedText(doc('# OpenJS Travel Fund', tracked, '## Champion', champion, '## Description', description), LEDE), []);
      // Written here: a short headline that states the result is the opening, punctuation or not.
      assert.deepEqual(firedText(doc('# Q3', 'Revenue up 12%', 'Last quarter we held several meetings.'), LEDE), []);
      // The twelfth blind batch (a postmortem template), judged wrong by all three reviewers: the handles listed
      // under "Involved:" are who took part, like "Participants"; the finding now falls on the writer's first sentence.
      const involved = doc('## Owner: @aronasorman', '## Involved:', '- @jamalex', '## Overview', 'Last week we held several meetings.');
      assert.deepEqual(firedText(involved, LEDE), ['Last week we held several meetings.']);
    });
    // Issue 9 review: 0 of 14 right. The first item of a highlights or deliverables list is a point, however worded.
    it('an opening list of points puts the highlights first (k8s SIG Windows 2021, SIG Testing 2021, OTel Go compile-time instrumentation)', () => {
      const windows = quoteIn(
        'k8s-annual-reports',
        'k8s-sig-windows-annual-report-2021.md',
        'Implemented hostProcess container support in Kubernetes (now in beta) and pomoted adoption in multiple open source communities',
      );
      assert.deepEqual(firedText(doc('# 2021 Annual Report: SIG Windows', '## Current initiatives', `- ${windows}`), LEDE), []);
      const testing = quoteIn(
        'k8s-annual-reports',
        'k8s-sig-testing-annual-report-2021.md',
        'kubetest2 is maturing thanks to some great contributions.',
      );
      assert.deepEqual(
        firedText(
          doc('# 2021 Annual Report: SIG Testing', '## Current initiatives', `- ${testing}\n- Flaky tests are tracked on a board.`),
          LEDE,
        ),
        [],
      );
      const go = quoteIn(
        'otel-community-roadmap-projects',
        'otel-projects-go-compile-instrumentation.md',
        'A flexible and extensible instrumentation framework for Go at compile time',
      );
      assert.deepEqual(firedText(doc('# Bootstrap Go compile time instrumentation', '## Deliverables', `- ${go}`), LEDE), []);
    });
    it('a byline followed by link lists still buries the news', () => {
      assert.deepEqual(
        firedText(
          doc(
            '# 2023 Q3 AnonCreds',
            'Created by the maintainers.',
            'The repositories of the project are listed here for reference.',
            '## Project Health',
            'We released 0.1.0.',
          ),
          LEDE,
        ),
        ['The repositories of the project are listed here for reference.'],
      );
    });
    it('an imperative summary or title is the proposal (RFC and ADR shapes)', () => {
      assert.deepEqual(
        firedText(
          doc('# Socket timeouts', '## Summary', 'Add sockopt-style timeouts to `std::net` types.', '## Motivation', 'Timeouts matter.'),
          LEDE,
        ),
        [],
      );
      assert.deepEqual(
        firedText(
          doc(
            '# Use AWS hosted Elasticsearch',
            '## Context',
            'We run our own cluster today.',
            '## Decision',
            'We move to the hosted service.',
          ),
          LEDE,
        ),
        [],
      );
    });
    it('corpus 2016-2016-09.md: "no issues requiring board attention" is the status a board reads for', () => {
      const s = quote('2016-2016-09.md', 'There are no issues requiring board attention at this time.');
      assert.deepEqual(firedText(doc('# Apache Cordova', s, 'A platform for building native mobile applications.'), LEDE), []);
    });
  });

  describe('fixes', () => {
    it('offers "move the recommendation to the top" first, then "Bottom line"', () => {
      const text = doc(
        '# Q3 update',
        'This document describes our work.',
        'We shipped billing.',
        'I recommend we hire two engineers.',
        'Support is ready.',
      );
      const [f] = fires(text, LEDE);
      assert.deepEqual(fixTitles(f), [
        ['Move "I recommend we hire two engineers." to the top', false],
        ['Insert a "Bottom line" at the top', false],
      ]);
      assert.deepEqual(
        f.related?.map((r) => text.slice(r.start, r.end)),
        ['I recommend we hire two engineers.'],
      );
    });
    it('move a recommendation paragraph to the top', () => {
      const text = doc(
        '# Q3 update',
        'This document describes our work.',
        'We shipped billing.',
        'I recommend we hire two engineers.',
        'Support is ready.',
      );
      const top = text.indexOf('This document');
      checkFix(text, LEDE, {
        fix: 'Move',
        region: [top, text.indexOf('Support is ready.')],
        expected: doc(
          '# Q3 update',
          'I recommend we hire two engineers.',
          'This document describes our work.',
          'We shipped billing.',
          'Support is ready.',
        ),
      });
    });
    it('move a recommendation sentence out of a paragraph', () => {
      const text = doc(
        '# Q3 update',
        'This document describes our work.',
        'We shipped billing. I recommend we hire two engineers. Support is ready.',
      );
      checkFix(text, LEDE, {
        fix: 'Move',
        region: [text.indexOf('This document'), text.indexOf('Support is ready.')],
        expected: doc(
          '# Q3 update',
          'I recommend we hire two engineers.',
          'This document describes our work.',
          'We shipped billing. Support is ready.',
        ),
      });
    });
    it('a hedged recommendation is not moved; a recommendation in a list item is not moved', () => {
      for (const rec of ['We should perhaps hire two engineers.', '- I recommend we hire two engineers.']) {
        const [f] = fires(doc('# Q3', 'This document describes our work.', 'We shipped billing.', rec), LEDE);
        assert.deepEqual(fixTitles(f), [['Insert a "Bottom line" at the top', false]], rec);
      }
    });
    it('insert a "Bottom line" line above the opening', () => {
      const text = doc('# Q3 update', 'This document describes our work.', 'We shipped billing.');
      const at = text.indexOf('This document');
      checkFix(text, LEDE, {
        fix: 'Bottom line',
        region: [at, at],
        expected: doc('# Q3 update', BOTTOM_LINE + 'This document describes our work.', 'We shipped billing.'),
      });
    });
    it('the "Bottom line" goes after front matter', () => {
      const text = withRubric('strategy-memo', 'This memo covers pricing.', 'Pricing is complex.');
      const at = text.indexOf('This memo');
      checkFix(text, LEDE, {
        fix: 'Bottom line',
        region: [at, at],
        expected: withRubric('strategy-memo', BOTTOM_LINE + 'This memo covers pricing.', 'Pricing is complex.'),
      });
    });
  });
});

describe('impact/section-opener', () => {
  const base = (...blocks: string[]): string => doc('# Plan', 'Revenue grew 12% to $4.1M.', ...blocks);

  describe('fires on a section that opens with chronology', () => {
    const cases: Array<[string, string]> = [
      ['Last week we interviewed five people. We hire two.', 'Last week'],
      ['First we fixed billing, then search.', 'First we'],
      ['Initially the plan was to build.', 'Initially'],
      ['As you know, search is slow.', 'As you know'],
      ['Over the past quarter churn fell to 2%.', 'Over the past'],
    ];
    for (const [para, expected] of cases) {
      it(JSON.stringify(para), () => assert.deepEqual(firedText(base('## Hiring', para), OPENER), [expected]));
    }
    it('in each offending section, and in sub-sections', () => {
      const text = base(
        '## Hiring',
        'Last week we interviewed five people.',
        '### Search',
        'Yesterday search went down.',
        '## Results',
        'We hit plan.',
      );
      assert.deepEqual(firedText(text, OPENER), ['Last week', 'Yesterday']);
    });
  });

  describe('does not fire', () => {
    for (const [name, text] of [
      ['a section that opens with its takeaway', base('## Hiring', 'We hire two engineers. Last week we interviewed five people.')],
      ['a background section', base('## Background', 'Last year we started the project.')],
      ['a timeline section', base('## Timeline', 'First we fixed billing.')],
      ['a history section', base('## History of the project', 'Initially the plan was to build.')],
      ['the opening under the title (the buried-lede rule covers it)', doc('# Plan', 'Last week we interviewed five people.')],
      ['a quoted opening', base('## Hiring', '> Last week we interviewed five people.', 'We hire two.')],
      ['"first" not followed by "we"', base('## Hiring', 'First-time managers get a coach.')],
    ] as Array<[string, string]>) {
      it(name, () => assert.deepEqual(firedText(text, OPENER), []));
    }
    it('corpus 2016-2016-09.md: sections of a real board report', () => {
      assert.deepEqual(firedText(corpus('2016-2016-09.md'), OPENER), []);
    });
  });

  it('fix: insert a takeaway line at the top of the section (needs review)', () => {
    const text = base('## Hiring', 'Last week we interviewed five people.', '## Results', 'We hit plan.');
    const at = text.indexOf('Last week');
    checkFix(text, OPENER, {
      safe: false,
      region: [at, at],
      expected: base(
        '## Hiring',
        '**Takeaway:** [the one thing to know from this section]\n\nLast week we interviewed five people.',
        '## Results',
        'We hit plan.',
      ),
    });
  });
});

describe("impact/buried-lede: a lead-in and a sub-list's label are not the opening", () => {
  it('"In rough order of priority:" over the list (a roadmap outside the corpus, rustls)', () => {
    const text = doc(
      '# Roadmap',
      'In rough order of priority:',
      list('**FIPS certification for the default cryptographic library**. Ship 2 FIPS-certified builds by June.', 'Faster handshakes.'),
    );
    assert.deepEqual(firedText(text, LEDE), []);
  });
  it('a linked item naming its sub-list (k8s sig-network 2024)', () => {
    const opening = quoteIn(
      'k8s-annual-reports',
      'k8s-sig-network-annual-report-2024.md',
      [
        'This year we have several highlights from our various sub-projects, these are',
        'the major themes and releases:',
        '',
        '- [External DNS](https://github.com/kubernetes-sigs/external-dns)',
        '  - Two new reviewers were added this year as the project continues to grow',
      ].join('\n'),
    );
    assert.deepEqual(firedText(doc('# SIG Network annual report', opening), LEDE), []);
  });
  it('a paragraph of background that ends in a colon is still the opening', () => {
    const text = doc(
      '# Update',
      'Last quarter we started the billing project. Here is what happened:',
      list('We met with partners.', 'We held planning sessions.'),
      'We ask the board to approve the budget by May 1.',
    );
    assert.deepEqual(firedText(text, LEDE), ['Last quarter we started the billing project.']);
  });
});
