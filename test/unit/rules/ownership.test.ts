// Ownership: passives that hide who decided or failed, deferring to consensus, deflecting blame, and
// "we" where an interview answer needs "I".
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFix, doc, firedText, fires, quote, quoteIn, withRubric } from './helpers.js';

const HIDDEN = 'ownership/hidden-actor';
const CONSENSUS = 'ownership/consensus-deferral';
const DEFLECTION = 'ownership/deflection';
const WE = 'ownership/we-not-i';

describe('ownership/hidden-actor', () => {
  describe('fires on agentless passives that report a decision or a refusal', () => {
    const cases: Array<[string, string[]]> = [
      ['It was decided that we stop the pilot.', ['was decided']],
      ['It was agreed that the pilot stops.', ['was agreed']],
      ['The request was rejected.', ['was rejected']],
      ['Mistakes were made.', ['were made']],
      ['The proposal has been turned down.', ['been turned']],
      ['A decision has yet to be made on pricing.', ['be made']],
      ['The extension, which was denied, mattered.', ['was denied']],
      ['The budget was refused and the hire was vetoed.', ['was refused', 'was vetoed']],
    ];
    for (const [text, expected] of cases) it(JSON.stringify(text), () => assert.deepEqual(firedText(text, HIDDEN), expected));

    it('a sentence before that does not name who acted leaves the passive hiding it', () => {
      assert.deepEqual(firedText('The migration stalled. It was decided to keep the old cluster running.', HIDDEN), ['was decided']);
    });
    it('"by" with a measure is not an agent: "rejected by a wide margin"', () => {
      assert.deepEqual(firedText('The plan was rejected by a wide margin.', HIDDEN), ['was rejected']);
    });
    it('corpus 2020-2020-06.md: "…was denied" hides who denied the plan', () => {
      const s = quote(
        '2020-2020-06.md',
        "We have not made a decision how best to use last year's generous donation since our plan to contract a specialist for UX and technical writing to update our documentation and create getting started guides was denied.",
      );
      assert.deepEqual(firedText(s, HIDDEN), ['was denied']);
    });
    // Real sentences reviewed right (issue 9): the decision itself in the passive.
    for (const [text, expected] of [
      [
        quoteIn(
          'adrs',
          'fac-0040-data-migration-implementing-logging-and-transformation-tracking.md',
          'the decision was made to maintain all data in a live state for the time being.',
        ),
        ['was made'],
      ],
      [
        quoteIn('adrs', 'govuk-aws-0011-migration-strategy.md', 'The second option - all in one go - was decided because:'),
        ['was decided'],
      ],
      [
        quoteIn(
          'adrs',
          'govuk-aws-0030-change-in-architecture-to-asset-master.md',
          'A decision has yet to be made on the role of the asset-slave',
        ),
        ['be made'],
      ],
      [quoteIn('rust-rfcs', 'rfc-0115-rm-integer-fallback.md', 'This is often felt to be potentially error-prone'), ['is often felt']],
    ] as Array<[string, string[]]>) {
      it(JSON.stringify(text), () => assert.deepEqual(firedText(text, HIDDEN), expected));
    }
  });

  describe('does not fire', () => {
    // Minutes outside the corpus (Python Steering Council, reviewed wrong): the body that decided opens the sentence,
    // or the one before it.
    it('the decider named at the start of the sentence or the one before: "The Steering Council discussed…"', () => {
      const same =
        '- The Steering Council discussed  [PEP 663 - Standardizing Enum str(), repr(),\n  and format() behaviors](https://www.python.org/dev/peps/pep-0663/) and after\n  some initial discussion, it was decided that it needs more discussion on\n  python-dev@.\n';
      const next =
        '- The Steering Council discussed [PEP 659 - Specializing Adaptive\n  Interpreter](https://www.python.org/dev/peps/pep-0659/) and whether or not it\n  should be a PEP. It was determined that the informational aspect of the write\n  up is lacking such as how trade-offs are decided.\n';
      assert.deepEqual(firedText(same, HIDDEN), []);
      assert.deepEqual(firedText(next, HIDDEN), []);
    });
    for (const text of [
      // No decision exists yet (a discovery's weeknote, sixteenth outside batch, wrong by both reviewers).
      'No technology decision is being made at this stage of the discovery.',
      // Agent named.
      'It was decided by the CFO.',
      'The plan was denied by the vendor.',
      'The request was rejected by legal.',
      // Adjectival participles and perfect tenses.
      'We are excited about the launch.',
      'The team is based in Berlin.',
      'We are committed to the plan.',
      'The team is focused on retention.',
      'We have decided to ship in May.',
      'We decided to delay the launch.',
      // Passives that are not about a decision or a failure.
      'The report was written last week.',
      'The release is scheduled for May.',
      // Not the writer's voice.
      '> It was decided that we stop.',
      'The `request was rejected` banner is gone.',
    ]) {
      it(JSON.stringify(text), () => assert.deepEqual(firedText(text, HIDDEN), []));
    }
    it('corpus 2019-2019-03.md: release notes in the passive', () => {
      const s = quote('2019-2019-03.md', 'cordova-android@8.0.0 was released on Fri Feb 15 2019');
      assert.deepEqual(firedText(`- ${s}`, HIDDEN), []);
    });
    // Real sentences (reviewed wrong, issue 9).
    for (const text of [
      // "made" without a decision or a mistake for its subject.
      'Improvements over last quarter have been made for this issue.',
      'The maintainers are currently made up of 18 individuals across 5 organisations.',
      // Capability or possibility.
      'A single k8s cluster can be made powerful enough to run all of our workloads.',
      'It is possible to have a local crates.io server which crates can be pushed to.',
      // A condition or time clause, a question, code as the subject, present-tense behaviour.
      "The value is freed when it's dropped.",
      'Cargo could release them all at once, but should this be blocked?',
      'If `.create_new(true)` is set, `.create()` and `.truncate()` are ignored.',
      'In all other cases the attributes get ignored.',
      // The reason follows.
      'The FISCO-BCOS integration, for example, was dropped because of incompatibility with current LTS Node.JS versions.',
      // "planned" states a plan, like "scheduled".
      'Iroha Libraries releases are planned for next quarter.',
    ]) {
      it(JSON.stringify(text), () => assert.deepEqual(firedText(text, HIDDEN), []));
    }
    // Reported changes and failures (reviewed wrong, issue 9): the team or a system is the obvious actor.
    for (const text of [
      quoteIn(
        'hyperledger-toc-project-reports',
        'hyperledger-2023-Q1-Hyperledger-Indy.md',
        'The AnonCreds Rust implementation previously in [indy-shared-rs] has been moved',
      ),
      quoteIn(
        'asf-cordova-board-reports',
        '2016-2016-12.md',
        'The drop off (as discussed in the last report) is due to a large number of active contributors from a major vendor being moved off the Apache Cordova project.',
      ),
      quoteIn('hyperledger-toc-project-reports', 'hyperledger-2020-Q1-Hyperledger-Grid.md', 'The RFC for Grid Catalog was approved'),
      quoteIn(
        'otel-community-roadmap-projects',
        'otel-roadmap.md',
        "These topics have been discussed in the past, but have either been deliberately\nprioritized beneath the project's major ongoing priorities",
      ),
      quoteIn('rust-rfcs', 'rfc-3923-cargo-min-publish-age.md', 'were chosen to be'),
      quoteIn('rust-rfcs', 'rfc-2314-roadmap-2018.md', 'The remainder of the year will be broken up into four chunks:'),
      quoteIn('adrs', 'govuk-aws-0026-remove-load-balancer-tier.md', 'will be pushed down'),
      'The launch was delayed.',
      'The feature got cut.',
    ]) {
      it(JSON.stringify(text), () => assert.deepEqual(firedText(text, HIDDEN), []));
    }
    // A refusal stated as a rule, not reported as done (reviewed wrong, issue 9).
    it('corpus rfc-2141: "will be rejected at publish time" says how the registry behaves', () => {
      const s = quoteIn('rust-rfcs', 'rfc-2141-alternative-registries.md', 'will be rejected at publish time.');
      assert.deepEqual(firedText(`Dependencies from other registries ${s}`, HIDDEN), []);
    });
    it('an Unresolved questions section asks who decides on purpose', () => {
      assert.deepEqual(firedText(doc('# Lint RFC', '## Unresolved questions', 'The stable lint was rejected last cycle.'), HIDDEN), []);
    });
    it('decisions and mistakes still fire: "the decision was made", "was decided because"', () => {
      assert.deepEqual(firedText('The decision was made to keep all data live.', HIDDEN), ['was made']);
      assert.deepEqual(firedText('The second option was decided because it is cheaper.', HIDDEN), ['was decided']);
      assert.deepEqual(firedText('This is often felt to be error-prone.', HIDDEN), ['is often felt']);
    });
    it('corpus 2017-2017-09.md: "are moved over" is a state, not a hidden decision', () => {
      const s = quote(
        '2017-2017-09.md',
        'Once all of our repos are moved over, we plan on discussing the option of migrating our issues from Jira to GitHub and what that would look like.',
      );
      assert.deepEqual(firedText(s, HIDDEN), []);
    });
  });

  describe('fix: name the owner', () => {
    it('"The request was rejected." → "The request was rejected by [owner]." (needs review)', () => {
      checkFix('The request was rejected.', HIDDEN, { safe: false, expected: 'The request was rejected by [owner].' });
    });
    it('"It was decided that we stop." → "It was decided by [owner] that we stop."', () => {
      checkFix('It was decided that we stop.', HIDDEN, { safe: false, expected: 'It was decided by [owner] that we stop.' });
    });
    it('inside a document', () => {
      const text = doc('# Status', 'Revenue grew 12% to $4.1M.', 'The budget request was rejected. We ship on May 3.');
      checkFix(text, HIDDEN, {
        safe: false,
        expected: doc('# Status', 'Revenue grew 12% to $4.1M.', 'The budget request was rejected by [owner]. We ship on May 3.'),
      });
    });
  });
});

describe('ownership/consensus-deferral', () => {
  const cases: Array<[string, string[]]> = [
    ['We will ship once we align with sales.', ['once we align']],
    ['Pricing is pending buy-in from finance.', ['pending buy-in']],
    ['We will ship once everyone agrees.', ['once everyone agrees']],
    ['The team feels that we should wait.', ['The team feels']],
    ['We need to discuss the roadmap.', ['We need to discuss']],
    ["Let's circle back next week.", ['circle back']],
    ['Pricing is to be discussed.', ['to be discussed']],
    ['We should reach consensus before we commit.', ['reach consensus']],
    // Miss from issue 9: inflected forms of the listed phrases.
    ['We will ship once everyone is aligned.', ['once everyone is aligned']],
    ['Pricing waits until everyone is aligned.', ['until everyone is aligned']],
    ['We are still building consensus on pricing.', ['building consensus']],
  ];
  for (const [text, expected] of cases) it(JSON.stringify(text), () => assert.deepEqual(firedText(text, CONSENSUS), expected));

  describe('does not fire', () => {
    for (const text of [
      // A skill in a role description (k8s SIG K8s Infra 2020), not a decision put off.
      quoteIn(
        'k8s-annual-reports',
        'k8s-sig-k8s-infra-annual-report-2020.md',
        'ability to craft and build consensus on operational policies',
      ),
      'We hire for the ability to reach consensus across teams.',
      'We aligned on pricing last week.',
      'I decided to ship in May; objections by Friday.',
      'The team shipped the beta on May 3.',
      '> We will ship once we align with sales.',
    ]) {
      it(JSON.stringify(text), () => assert.deepEqual(firedText(text, CONSENSUS), []));
    }
    it('a refusal to wait for alignment is not deferral', () => {
      assert.deepEqual(firedText('We decided to ship; we will not wait for alignment.', CONSENSUS), []);
    });
    it('"the team feels strongly about quality" describes the team, it does not defer a decision', () => {
      assert.deepEqual(firedText('The team feels strongly about quality and ships daily.', CONSENSUS), []);
    });
  });

  it('fix for "the team feels (that)": "I recommend" (needs review)', () => {
    checkFix('The team feels that we should wait.', CONSENSUS, { safe: false, expected: 'I recommend we wait.' });
    checkFix('The team thinks we should wait.', CONSENSUS, { safe: false, expected: 'I recommend we wait.' });
    checkFix('The team believes the price is right.', CONSENSUS, { safe: false, expected: 'I recommend the price is right.' });
  });
  it('other deferrals get a template to take a position, never an automatic rewrite', () => {
    const [f] = fires('We will ship once we align with sales.', CONSENSUS);
    assert.deepEqual(
      f.fixes.map((x) => [x.title, x.safe]),
      [['Take a position: "Recommendation: … Decision by: …"', false]],
    );
  });
});

describe('ownership/deflection', () => {
  const cases: Array<[string, string[]]> = [
    ['We missed the date due to the other team.', ['due to the other team']],
    ['We missed the date because of the other team.', ['because of the other team']],
    ['The delay was not our fault.', ['not our fault']],
    ['The outage was outside our control.', ['outside our control']],
    ['They failed to deliver the API on time.', ['They failed to']],
    ['Nobody told us about the change.', ['Nobody told us']],
    ['Legal dropped the ball on the contract.', ['dropped the ball']],
  ];
  for (const [text, expected] of cases) it(JSON.stringify(text), () => assert.deepEqual(firedText(text, DEFLECTION), expected));

  describe('does not fire', () => {
    for (const text of [
      'We missed the date; I own the fix and we ship on May 3.',
      // Outside the corpus (an incident report, reviewed wrong): the writer's own miss, owned.
      'Our team is solely responsible and we dropped the ball, it bounced, and hit us in the face.',
      'We control the release date.',
      '> The delay was not our fault.',
    ]) {
      it(JSON.stringify(text), () => assert.deepEqual(firedText(text, DEFLECTION), []));
    }
    it('corpus 2017-2017-12.md: a cause that blames nobody', () => {
      const s = quote(
        '2017-2017-12.md',
        'Due to `cordova-plugin-compat` being deprecated, we removed it as a dependency for a handful of plugins and gave them major version bumps.',
      );
      assert.deepEqual(firedText(s, DEFLECTION), []);
    });
    it('naming another team without blaming it', () => {
      assert.deepEqual(firedText('The other team shipped the API on time.', DEFLECTION), []);
    });
  });
});

describe('ownership/we-not-i (off by default, on in interview-answer)', () => {
  const answer = (body: string): string => withRubric('interview-answer', body);

  it('fires on "we" + action verb under interview-answer', () => {
    const text = answer('We built the billing system in 2024 and we led the migration.');
    assert.deepEqual(firedText(text, WE), ['We built', 'we led']);
  });
  it('fires when the rubric is passed by name', () => {
    assert.deepEqual(firedText('We led the migration.', WE, { rubric: 'interview-answer' }), ['We led']);
  });
  it('does not fire under the default rubric', () => {
    assert.deepEqual(firedText('We built the billing system in 2024 and we led the migration.', WE), []);
    assert.deepEqual(firedText(doc('We led the migration.'), WE, { rubric: 'executive' }), []);
  });
  it('does not fire under board-update', () => {
    assert.deepEqual(firedText(withRubric('board-update', 'We led the migration.'), WE), []);
  });
  it('does not fire on "I", on other verbs, or in a quote', () => {
    for (const body of ['I built the billing system in 2024.', 'We were a team of five.', '> We built the billing system.']) {
      assert.deepEqual(firedText(answer(body), WE), [], body);
    }
  });
  it('fix: "We led the migration." → "I led the migration." (needs review)', () => {
    const text = answer('I joined in 2023. We led the migration.');
    checkFix(text, WE, { safe: false, expected: answer('I joined in 2023. I led the migration.') });
  });
  it('fix keeps lowercase mid-sentence: "In 2024 we decided" → "In 2024 I decided"', () => {
    const text = answer('In 2024 we decided to cut the iOS app.');
    checkFix(text, WE, { safe: false, expected: answer('In 2024 I decided to cut the iOS app.') });
  });
});
