// Quantified: vague quantities, vague timing, changes without a number, and board updates without financials.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFix, corpus, doc, firedText, fires, NEUTRAL, quote, quoteIn, withRubric } from './helpers.js';

const QUANTITY = 'quantified/vague-quantity';
const TIME = 'quantified/vague-time';
const CHANGE = 'quantified/unquantified-change';
const FINANCIALS = 'quantified/no-financials';
// Vague quantities are off by default (reviewed right 44% of the time on the corpus, 18% outside it) and a hint in
// board updates, where the rule's own behaviour is tested.
const BOARD = { rubric: 'board-update' };

describe('quantified/vague-quantity', () => {
  it('is off by default and a hint in the board-update rubric', () => {
    const text = 'We saw a significant increase in signups.';
    assert.deepEqual(fires(text, QUANTITY), []);
    assert.deepEqual(
      fires(text, QUANTITY, BOARD).map((f) => f.severity),
      ['hint'],
    );
  });
  describe('fires', () => {
    const cases: Array<[string, string[]]> = [
      ['We saw a significant increase in signups.', ['significant']],
      ['We have many customers on the old plan.', ['many']],
      ['We have a lot of work left.', ['a lot of']],
      ['The risk is huge.', ['huge']],
      ['Several customers asked for SSO.', ['Several']],
      ['We shipped a few fixes.', ['a few']],
      ['A number of teams use it.', ['A number of']],
      ['Signups grew substantially.', ['substantially']],
    ];
    for (const [text, expected] of cases) it(JSON.stringify(text), () => assert.deepEqual(firedText(text, QUANTITY, BOARD), expected));

    const real: Array<[string, string, string[]]> = [
      [
        '2016-2016-09.md',
        "The loss of active contributors is impacting this, and we have a huge backlog, and we have no active way of measuring this on a daily or weekly basis so we don't know how we are progressing on this currently.",
        ['huge'],
      ],
      [
        '2016-2016-12.md',
        'The drop off (as discussed in the last report) is due to a large number of active contributors from a major vendor being moved off the Apache Cordova project.',
        ['a large number of'],
      ],
      [
        '2017-2017-03.md',
        'We still have a huge backlog of Github Pull Request activity, same as last quarter -- but it has improved.',
        ['huge'],
      ],
      ['2025-06.md', 'Majority of the large tasks have been completed.', ['Majority of']],
    ];
    for (const [file, s, expected] of real) {
      it(`corpus ${file}: ${s.slice(0, 50)}…`, () => assert.deepEqual(firedText(quote(file, s), QUANTITY, BOARD), expected));
    }
    it('miss from issue 9: "a number of" with no list after it', () => {
      assert.deepEqual(firedText('We held a number of working sessions.', QUANTITY, BOARD), ['a number of']);
    });
    it('corpus 2017-2017-09.md: "W3C" is a name, not a number', () => {
      const s = quote(
        '2017-2017-09.md',
        'We are in the process of deprecating a few of our plugins which can be replaced by official W3C specs which have been implemented in the browsers of the platforms we support.',
      );
      assert.deepEqual(firedText(s, QUANTITY, BOARD), ['a few']);
    });
  });

  describe('does not fire', () => {
    for (const text of [
      // A number in the same sentence gives the size.
      'We saw a significant increase of 12% in signups.',
      'Several customers (14 of 40) asked for SSO.',
      'We shipped a few fixes: [N] in total.',
      'The result is statistically significant.',
      'How many customers churned?',
      'We have too many meetings on Mondays.',
      '> We have many customers.',
      'The `many` flag is set.',
      'See [the customer list](https://example.com/many-customers-a-lot-of-them) for details.',
      // Real sentences (reviewed wrong, issue 9). The items follow: a colon, "including", "(see listed below)".
      'While migrating to AWS DocumentDB, there are a few facts to be aware of:',
      'This can be perhaps mitigated via a number of strategies:',
      "OpenTelemetry's usage of Resource has a number of known problems (see listed below).",
      'This identity verification process can happen in many different ways, including but not limited to, a username/password combination.',
      // Negated: "not of huge consequence" has no number to give.
      'In the past, whether a team is "top-level" or not has not been of huge consequence.',
      // A condition or a possibility, not a reported amount.
      "However, we'll try to recruit new contributors to work on this once we have a few examples to follow.",
      'This would remove repetition in cases where an impl refines many items at once.',
      'Files on Windows can have several attributes.',
      // Anaphora, grading, ways and durations.
      "It then won't update or install releases that were released less than that many minutes ago.",
      '- Definition of a curated, most meaningful set of metrics to be fully supported by the semantic conventions.',
      'We need to fix this in many other respects.',
      'This feature had been deprecated for many years.',
    ]) {
      it(JSON.stringify(text), () => assert.deepEqual(firedText(text, QUANTITY, BOARD), []));
    }
    it('corpus 2015-2015-12.md: the sentence has the numbers', () => {
      const s = quote(
        '2015-2015-12.md',
        'After the summer vacation period was over, activity has picked up, although we had a significantly lower number of releases from last quarter (37 vs 45).',
      );
      assert.deepEqual(firedText(s, QUANTITY, BOARD), []);
    });
    // Reviewed wrong on the corpus (every finding in the RFCs' and ADRs' argued sections but 3 of 66): in a
    // section that argues a design or gives its background, a vague amount describes the problem or the design space.
    it('rust-rfcs rfc-1721: not in a Motivation section', () => {
      const s = quoteIn(
        'rust-rfcs',
        'rfc-1721-crt-static.md',
        'There are many use cases,\nhowever, where these decisions are not suitable.',
      );
      assert.deepEqual(firedText(doc('## Motivation', s), QUANTITY, BOARD), []);
      assert.deepEqual(firedText(s, QUANTITY, BOARD), ['many']);
    });
    it('adrs govuk-aws-0038: not in a Context section', () => {
      const s = quoteIn(
        'adrs',
        'govuk-aws-0038-mongo_replacement_by_documentdb.md',
        'GOV.UK uses MongoDB as the backing database for a number of apps.',
      );
      assert.deepEqual(firedText(doc('## Context', s), QUANTITY, BOARD), []);
    });
    // A graded comparison: "significantly more", "a lot more" (asf 2023-03, hyperledger Identus 2024-Q3).
    it('asf 2023-03: "a lot more context" grades a comparison', () => {
      const s = quote(
        '2023-03.md',
        'Github discussion also carry a lot more context, as they are close to the code, can easily link to code, pull requests and issues.',
      );
      assert.deepEqual(firedText(s, QUANTITY, BOARD), []);
    });
    it('hyperledger Identus 2024-Q3: "significantly more engagement", the figures follow', () => {
      const s = quoteIn(
        'hyperledger-toc-project-reports',
        'hyperledger-2024-Q3-Hyperledger-Identus.md',
        'The Atala Discord has seen significantly more engagement. Since January 2024, our membership has grown from 258 to 476 members.',
      );
      assert.deepEqual(firedText(s, QUANTITY, BOARD), []);
    });
    // A later sentence of the same paragraph gives the figure (asf 2016-12, hyperledger AnonCreds 2023-Q3).
    it('asf 2016-12: the next sentence gives the count', () => {
      const s = quote(
        '2016-2016-12.md',
        'We still have a huge backlog of Github Pull Request activity. At last estimate we had less than 150 pull requests in total, across our 60+ git repos.',
      );
      assert.deepEqual(firedText(s, QUANTITY, BOARD), []);
    });
    it('hyperledger AnonCreds 2023-Q3: the enhancements are sized in the sentences after', () => {
      const s = quoteIn(
        'hyperledger-toc-project-reports',
        'hyperledger-2023-Q3-Hyperledger-AnonCreds.md',
        'with a number of enhancements\nand fixes made to the library during the transition. These are the first\nenhancements to the code base in several years.',
      );
      assert.deepEqual(firedText(s + ' Verification is now ~50% faster.', QUANTITY, BOARD), []);
    });
  });

  describe("still fires on the project's own results in a report (reviewed right)", () => {
    it('hyperledger Besu 2024-Q2, Contributor Diversity', () => {
      const s = quoteIn(
        'hyperledger-toc-project-reports',
        'hyperledger-2024-Q2-Hyperledger-Besu.md',
        'Many new contributors added PRs this quarter.',
      );
      assert.deepEqual(firedText(doc('# Contributor Diversity', s), QUANTITY, BOARD), ['Many']);
    });
    it('k8s sig-scalability 2022, Current initiatives', () => {
      const s = quoteIn(
        'k8s-annual-reports',
        'k8s-sig-scalability-annual-report-2022.md',
        'We helped validating scalability and reliability impact of many features across whole year.',
      );
      assert.deepEqual(firedText(doc('## Current initiatives', `- ${s}`), QUANTITY, BOARD), ['many']);
    });
    it('asf 2016-09, Health report', () => {
      const s = quote(
        '2016-2016-09.md',
        'The (northern hemisphere) summer vacation period has significantly impacted contributions, also a big block of active contributors (that are all employed from one vendor) have slowed down their active work on the project.',
      );
      assert.deepEqual(firedText(doc('## Health report:', s), QUANTITY, BOARD), ['significantly']);
    });
  });

  describe('fix: a number placeholder (needs review)', () => {
    const cases: Array<[string, string]> = [
      ['We saw a significant increase in signups.', 'We saw a [N%] increase in signups.'],
      ['Several customers asked for SSO.', '[N] customers asked for SSO.'],
      ['We have many customers on the old plan.', 'We have [N] customers on the old plan.'],
    ];
    for (const [text, expected] of cases)
      it(`${JSON.stringify(text)} → ${JSON.stringify(expected)}`, () =>
        void checkFix(text, QUANTITY, { opts: BOARD, safe: false, expected }));

    it('"Majority of the tasks" keeps its "of"', () => {
      const { result } = checkFix('Majority of the large tasks have been completed.', QUANTITY, { opts: BOARD, safe: false });
      assert.match(result, /^\[N%?\] of the large tasks have been completed\.$/);
    });
  });
});

describe('quantified/vague-time', () => {
  describe('fires', () => {
    const cases: Array<[string, string[]]> = [
      ['We will ship soon.', ['soon']],
      // A forecast after the phrase does not excuse it (the corpus, Hyperledger: a plan, reviewed right).
      ['We aim to expand the external maintainers list in the future, and we expect more.', ['in the future']],
      ['We will ship in the coming weeks.', ['in the coming weeks']],
      ['At some point we will rebuild search.', ['At some point']],
      ['We will fix it ASAP.', ['ASAP']],
      ['The pricing page ships later this quarter.', ['later this quarter']],
    ];
    for (const [text, expected] of cases) it(JSON.stringify(text), () => assert.deepEqual(firedText(text, TIME), expected));

    // Reviewed right: the writer's own plan or risk in a report, with no date.
    it('corpus 2017-2017-03.md: "it will improve in the future", Health report', () => {
      const s = quote('2017-2017-03.md', 'We have done work on streamlining this so it will improve in the future.');
      assert.deepEqual(firedText(doc('## Health report:', s), TIME), ['in the future']);
    });
    it('hyperledger Iroha 2021-Q4: "releases are planned soon", Releases', () => {
      const s = quoteIn(
        'hyperledger-toc-project-reports',
        'hyperledger-2021-Q4-Hyperledger-Iroha.md',
        'Iroha Libraries releases are planned soon.',
      );
      assert.deepEqual(firedText(doc('# Releases', s), TIME), ['soon']);
    });
    it('hyperledger Identus 2024-Q3: "We aim to expand … in the future" (a finite "we aim", not an add-on)', () => {
      const s = quoteIn(
        'hyperledger-toc-project-reports',
        'hyperledger-2024-Q3-Hyperledger-Identus.md',
        'We aim to expand the external maintainers list in the future',
      );
      assert.deepEqual(firedText(doc('# Maintainer Diversity', s), TIME), ['in the future']);
    });
    it('k8s sig-testing 2021: "or we risk losing public monitoring dashboards soon", Project health', () => {
      const s = quoteIn(
        'k8s-annual-reports',
        'k8s-sig-testing-annual-report-2021.md',
        'We need SIG-k8s-infra to take over here or we risk losing public monitoring dashboards soon.',
      );
      assert.deepEqual(firedText(doc('## Project health', s), TIME), ['soon']);
    });
    // Misses from issue 9: open-ended or future timing with no date.
    for (const [text, expected] of [
      ['We will revisit this sometime next year.', ['sometime next year']],
      // "for a while" in a present perfect is open-ended: how long, and since when?
      ['The fix has been pending for a while.', ['for a while']],
      ['We expect to finish over the next year or so.', ['over the next year or so']],
      ['The pricing page ships later this quarter, and the API this week.', ['later this quarter']],
    ] as Array<[string, string[]]>) {
      it(JSON.stringify(text), () => assert.deepEqual(firedText(text, TIME), expected));
    }
    it('fix for "for a while" is a start date', () => {
      checkFix('The fix has been pending for a while.', TIME, { safe: false, expected: 'The fix has been pending since [date].' });
    });
    it('the modal "may" is not the month May', () => {
      assert.deepEqual(firedText('We will ship soon and we may hire.', TIME), ['soon']);
    });
  });

  describe('does not fire', () => {
    // Outside the corpus (a crates.io incident report, reviewed wrong): opening a rule of conduct, "in the future"
    // means "from now on"; the same phrase after a plan still asks for a date (it fires above).
    it('"In the future we should deploy hotfixes…" sets a practice, not a date', () => {
      assert.deepEqual(firedText('In the future we should deploy hotfixes by branching off the deployed commit.', TIME), []);
      assert.deepEqual(firedText('In the future, releases must be signed by two maintainers.', TIME), []);
      assert.deepEqual(firedText('We should revisit the pricing in the future.', TIME), ['in the future']);
    });
    // Outside the corpus (a DNS outage report's lessons, reviewed wrong): what a step prevents, it prevents from now on.
    it('"…and avoid the same issue in the future": prevention has no date', () => {
      assert.deepEqual(
        firedText('Defining a process will enable us to iterate and improve it over time, and avoid the same issue in the future.', TIME),
        [],
      );
      assert.deepEqual(firedText('We will add alerts to prevent such scenarios in the future.', TIME), []);
      assert.deepEqual(firedText('We will add alerts in the future.', TIME), ['in the future']);
    });
    // Outside the corpus (a research grant application, reviewed wrong; its clause here without the list of adjectives
    // "larger, impactful"): a participle add-on has no subject or tense, so nobody commits to the timing.
    it('"…, paving the way for larger projects in the future": a participle add-on is not a plan', () => {
      assert.deepEqual(
        firedText(
          'The project will establish a stronger foothold in applied public health, paving the way for larger projects in the future.',
          TIME,
        ),
        [],
      );
      assert.deepEqual(firedText('The project will establish a stronger foothold in applied public health in the future.', TIME), [
        'in the future',
      ]);
    });
    it('a perfect dates a past event, but "for a while" after one is the open duration it asks about', () => {
      assert.deepEqual(firedText('We have migrated the last service at some point this spring.', TIME), []);
      assert.deepEqual(firedText('We have worked on this for a while.', TIME), ['for a while']);
    });
    for (const text of [
      'We will ship soon, by May 3.',
      'We ship in Q3.',
      'We will ship in the near future, by June 2027.',
      'We will ship soon: by [date].',
      'We ship shortly after the audit on 12/05.',
      '> We will ship soon.',
      'The `soon` label marks these tickets.',
      // Real sentences (reviewed wrong, issue 9). "As soon as" is a conjunction.
      "In reality, OpenTelemetry SDKs can also easily violate the definition as soon as we consider mutability from a recipient's perspective.",
      // A possibility, not a commitment: may, might, could, can.
      'In the future, these tools may become part of the official CVE feed.',
      'In the future this could also be provided through `AsRef`, `Into` or `From`.',
      'I am hopeful that we can resume our video hangouts soon.',
      // A forecast, not a commitment (the fifteenth blind batch, wrong by both reviewers each time).
      'Maintenance has been minimal and we expect this to continue in the future for our AWS-deployed apps.',
      'Throw exceptions for lists of pages too, since it seems only natural that they will change in the same way soon.',
      // An aside in parentheses.
      'A big win for the health of Ethereum Mainnet and (eventually) for private networks.',
      // What the timing depends on is said.
      'This group will start meeting independently in the future as the project progresses.',
      // A relative date names the period.
      'The review will be released soon in the next quarter.',
      // A condition or the past: no plan to date.
      "We shouldn't consider LaunchDarkly because procuring it would affect our timeline, even if the budget was eventually approved.",
      'We used the old runner for a while.',
      // Outside the corpus (the twelfth blind batch, PHP Foundation's 2022 report), judged wrong by all three
      // reviewers: the phrase between the subject and its simple past tells how a story ended.
      'One of the candidates dropped out, and we eventually accepted only 6 candidates.',
      'We soon learned that the mirror was stale.',
      // "Eventually" says how a thing ends; only the writer's own "we will eventually" asks for a date.
      'Service teams know that their development environments reflect the production environments they will eventually create.',
    ]) {
      it(JSON.stringify(text), () => assert.deepEqual(firedText(text, TIME), []));
    }
    // Reviewed wrong on the corpus: every finding in the RFCs' argued sections (12 in 10 RFCs). There, "in the
    // future" is the reach of a design ("does not preclude adding a MIR in the future"), not a plan to date.
    it('rust-rfcs rfc-3245: not in a Motivation section', () => {
      const s = quoteIn(
        'rust-rfcs',
        'rfc-3245-refined-impls.md',
        'Finally, it establishes a policy to prevent such inconsistencies in the future.',
      );
      assert.deepEqual(firedText(doc('## Motivation', s), TIME), []);
      // What a policy prevents it prevents from now on, so the sentence is quiet anywhere; a plan is not.
      assert.deepEqual(firedText(s, TIME), []);
      assert.deepEqual(firedText(doc('## Motivation', 'We will add a MIR in the future.'), TIME), []);
      assert.deepEqual(firedText('We will add a MIR in the future.', TIME), ['in the future']);
    });
    it('rust-rfcs rfc-1191: not in a Summary section', () => {
      const s = quoteIn('rust-rfcs', 'rfc-1191-hir.md', 'Note that adding a HIR does not preclude adding a MIR or LIR in the future.');
      assert.deepEqual(firedText(doc('## Summary', s), TIME), []);
    });
    // "Shortly" says the thing is imminent (asf 2019-09, asf 2021-12, k8s sig-auth 2020): not in the list.
    it('corpus 2019-2019-09.md: "shortly"', () => {
      const s = quote('2019-2019-09.md', 'cordova-android@8.1.0 is being voted on currently, and will be released shortly.');
      assert.deepEqual(firedText(s, TIME), []);
    });
    it('k8s sig-auth 2020: "shortly", with the tracking issue linked', () => {
      const s = quoteIn(
        'k8s-annual-reports',
        'k8s-sig-auth-annual-report-2020.md',
        'We will be [creating one](https://github.com/kubernetes/community/issues/5760) shortly.',
      );
      assert.deepEqual(firedText(s, TIME), []);
    });
    // An infinitive add-on after a comma, with no subject or tense of its own (asf 2017-03, k8s sig-cli 2021).
    it('corpus 2017-2017-03.md: "…, with ongoing work to release version 4.4.0 in the coming weeks"', () => {
      const s = quote(
        '2017-2017-03.md',
        'There was no iOS platform release this quarter, with ongoing work to release version 4.4.0 in the coming weeks.',
      );
      assert.deepEqual(firedText(s, TIME), []);
    });
    it('k8s sig-cli 2021: "…, details to be announced soon"', () => {
      const s = quoteIn(
        'k8s-annual-reports',
        'k8s-sig-cli-annual-report-2021.md',
        'We’re working with SIG-Apps on starting a monthly review club, details to be announced soon.',
      );
      assert.deepEqual(firedText(`- ${s}`, TIME), []);
    });
    // The pull request that carries the work is linked right after (hyperledger Cactus 2022-Q3).
    it('hyperledger Cactus 2022-Q3: "fixed soon. => <a href=…/pull/2096>"', () => {
      const s = quoteIn(
        'hyperledger-toc-project-reports',
        'hyperledger-2022-Q3-Hyperledger-Cactus.md',
        'counter measure and the problem will be fixed soon. =&gt;\n<a href="https://github.com/hyperledger/cactus/pull/2096" class="external-link" rel="nofollow">https://github.com/hyperledger/cactus/pull/2096</a>',
      );
      assert.deepEqual(firedText(doc('# Current Plans', s), TIME), []);
      assert.deepEqual(firedText(doc('# Current Plans', 'The problem will be fixed soon.'), TIME), ['soon']);
    });
    it('"we will eventually" still fires', () => {
      assert.deepEqual(firedText('We will eventually rebuild search.', TIME), ['eventually']);
    });
  });

  describe('fix: "by [date]" (needs review)', () => {
    const cases: Array<[string, string]> = [
      ['We will ship soon.', 'We will ship by [date].'],
      ['We will ship in the coming weeks.', 'We will ship by [date].'],
      ['Soon we ship.', 'By [date] we ship.'],
    ];
    for (const [text, expected] of cases)
      it(`${JSON.stringify(text)} → ${JSON.stringify(expected)}`, () => void checkFix(text, TIME, { safe: false, expected }));
    it('"ASAP" mid-sentence gives a lowercase "by"', () => {
      checkFix('We will fix it ASAP.', TIME, { safe: false, expected: 'We will fix it by [date].' });
    });
  });
});

describe('quantified/unquantified-change', () => {
  describe('fires', () => {
    const cases: Array<[string, string[]]> = [
      ['Revenue grew.', ['Revenue grew']],
      ['Churn is down.', ['Churn is down']],
      ['Churn improved this quarter.', ['Churn improved']],
      ['Latency dropped sharply.', ['Latency dropped']],
      ['Conversion went up after the launch.', ['Conversion went up']],
      ['Our revenue from enterprise grew.', ['revenue from enterprise grew']],
    ];
    for (const [text, expected] of cases) it(JSON.stringify(text), () => assert.deepEqual(firedText(text, CHANGE), expected));

    it('a metric and a change after "and" still fire: "revenue and margin grew"', () => {
      assert.deepEqual(firedText('Revenue and margin grew this quarter.', CHANGE), ['margin grew']);
    });
    it('a progressive after "is" still fires: "Zig adoption is growing"', () => {
      assert.deepEqual(firedText('Zig adoption is growing, particularly in systems programming.', CHANGE), ['adoption is growing']);
    });
    it('corpus 2016-2016-09.md: "activity decrease"', () => {
      const s = quote(
        '2016-2016-09.md',
        'Significant activity decrease due to the (northern hemisphere) summer vacation period, plus loss of active contributors.',
      );
      assert.deepEqual(firedText(s, CHANGE), ['activity decrease']);
    });
    // Outside the corpus and on it, 1 of 4 findings was right: a hint by default until it earns more.
    it('is an error in board updates, a hint by default', () => {
      const [f] = fires(withRubric('board-update', 'Revenue grew.'), CHANGE);
      assert.equal(f.severity, 'error');
      assert.equal(fires('Revenue grew.', CHANGE)[0].severity, 'hint');
    });
  });

  describe('does not fire', () => {
    for (const text of [
      'Revenue grew 12%.',
      'Revenue grew by [N%].',
      'Churn fell from 3.1% to 2.4%.',
      'The team grew.',
      'Revenue is our main metric, and it is what the board watches.',
      '> Revenue grew.',
      // Real sentences (reviewed wrong, issue 9): a negated goal, a modifier, a verb of another clause.
      "The end goal being to provide this information automatically so that the documentation maintenance cost won't increase.",
      'A performance improving change was made to the transaction receipt store.',
      'They increase performance, but increase the risk of data loss.',
      // Outside the corpus (a mybinder incident report, reviewed wrong): the level crossed is the measure.
      "Cluster healed itself when traffic dropped below the prime cluster's pod quota.",
      // Outside the corpus (the Scala 2.13 roadmap, reviewed wrong): the verb after "and" is a verb of its own, the
      // metric the object of the one before it.
      'Our goal is to simplifying usage and improve performance, with a smooth migration path from the current collections.',
      // Outside the corpus (a DigitalService decision record, reviewed wrong): the sentence says there is no number yet.
      'The productivity increase for new features is unclear',
    ]) {
      it(JSON.stringify(text), () => assert.deepEqual(firedText(text, CHANGE), []));
    }
    it('corpus 2016-2016-03.md: a change with its number', () => {
      const s = quote(
        '2016-2016-03.md',
        "However during this quarter we had a 50% increase of issue@ activity which could be attributed to increased testing during the holiday period when development at users' companies might have slowed down, so users could test better.",
      );
      assert.deepEqual(firedText(s, CHANGE), []);
    });
  });

  describe('fix: "by [N%]" after the verb (needs review)', () => {
    const cases: Array<[string, string]> = [
      ['Revenue grew.', 'Revenue grew by [N%].'],
      ['Churn improved this quarter.', 'Churn improved by [N%] this quarter.'],
      ['Churn is down.', 'Churn is down by [N%].'],
    ];
    for (const [text, expected] of cases)
      it(`${JSON.stringify(text)} → ${JSON.stringify(expected)}`, () => void checkFix(text, CHANGE, { safe: false, expected }));
  });
});

describe('quantified/no-financials (off by default, on in board-update)', () => {
  it('fires on a board update with no financial term, anchored on the title', () => {
    assert.deepEqual(firedText(withRubric('board-update', '# Q3 board update', NEUTRAL), FINANCIALS), ['Q3 board update']);
  });
  it('does not fire under the default rubric', () => {
    assert.deepEqual(firedText(doc('# Q3 board update', NEUTRAL), FINANCIALS), []);
    assert.deepEqual(firedText(withRubric('executive', '# Q3 board update', NEUTRAL), FINANCIALS), []);
    assert.deepEqual(firedText(withRubric('strategy-memo', '# Q3 board update', NEUTRAL), FINANCIALS), []);
  });
  it('corpus 2019-2019-03.md read as a board update: no financial picture', () => {
    const text = corpus('2019-2019-03.md');
    assert.equal(fires(text, FINANCIALS, { rubric: 'board-update' }).length, 1);
    assert.equal(fires(text, FINANCIALS).length, 0);
  });
  it('corpus 2016-2016-09.md: "loss of active contributors" is not a financial figure', () => {
    assert.equal(fires(corpus('2016-2016-09.md'), FINANCIALS, { rubric: 'board-update' }).length, 1);
  });

  describe('does not fire when the update has financials', () => {
    for (const [name, extra] of [
      ['revenue', 'Revenue was 4.1M for the quarter.'],
      ['a dollar amount', 'We raised $2M from existing investors.'],
      ['burn and runway', 'Burn is flat and runway is 26 months.'],
      ['gross margin', 'Gross margin held at 71%.'],
    ] as Array<[string, string]>) {
      it(name, () => assert.deepEqual(firedText(withRubric('board-update', '# Q3 board update', NEUTRAL, extra), FINANCIALS), []));
    }
    it('or is too short to judge', () => {
      assert.deepEqual(firedText(withRubric('board-update', '# Q3', 'We shipped search.'), FINANCIALS), []);
    });
  });

  it('a financial word only in code or in a link URL does not count', () => {
    assert.equal(fires(withRubric('board-update', '# Q3 board update', NEUTRAL, '```\nrevenue = 4.1M\n```'), FINANCIALS).length, 1);
    assert.equal(
      fires(
        withRubric('board-update', '# Q3 board update', NEUTRAL, 'Details are [in the deck](https://example.com/revenue-cost-margin).'),
        FINANCIALS,
      ).length,
      1,
    );
  });

  it('fix: append a Financials section (needs review)', () => {
    const text = withRubric('board-update', '# Q3 board update', NEUTRAL);
    const end = text.length - 1;
    checkFix(text, FINANCIALS, {
      safe: false,
      region: [end, end],
      expected:
        text.slice(0, end) + '\n\n## Financials\n\n- Revenue: [$N] ([N%] against plan)\n- Burn: [$N] a month; runway [N] months\n' + '\n',
    });
  });
});

// The eighteenth outside batch (reviewed wrong by both reviewers): a period that looks back, and "in the future"
// opening a way of working from now on.
describe('quantified/vague-time: history and a way of working are not a plan', () => {
  it('"over the last year or so" dates past work (a funding application)', () => {
    assert.deepEqual(firedText("We've done that a lot over the last year or so, with several other projects.", TIME), []);
  });
  it('"In the future we intend to be much more transparent" (a university postmortem)', () => {
    const text = 'In the future we intend to be much more transparent and informative about potential downtimes and maintenance.';
    assert.deepEqual(firedText(text, TIME), []);
  });
  it('"In the future I want to be much more explicit" (the same postmortem)', () => {
    assert.deepEqual(firedText('In the future I want to be much more explicit and try to communicate better.', TIME), []);
  });
  it('still fires on a period ahead, and on "in the future" before a deliverable', () => {
    assert.deepEqual(firedText('We will migrate the database over the next year or so.', TIME), ['over the next year or so']);
    assert.deepEqual(firedText('In the future we intend to move the archive to cheaper storage.', TIME), ['In the future']);
  });
});
