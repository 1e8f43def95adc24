// Composure: no apologising or defending, no emotional intensifiers, no exclamation marks, no shouting.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFix, doc, firedText, fires, list, quote, quoteIn } from './helpers.js';

const APOLOGY = 'composure/apology';
// Off by default (reviewed outside the corpus: see the rule's page); its behaviour is tested with it on.
const ON = { severityOverrides: { [APOLOGY]: 'hint' as const } };
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
  for (const [text, expected] of cases) it(JSON.stringify(text), () => assert.deepEqual(firedText(text, APOLOGY, ON), expected));

  describe("does not fire where stating the problem is the section's job", () => {
    const real: Array<[string, string]> = [
      [
        'ADR context (cloud-platform 007)',
        doc('## Context', 'Unfortunately none of the SaaS registries in common use support Github authentication.'),
      ],
      ['RFC motivation (rust RFC 3245)', doc('## Motivation', 'Unfortunately, we do not handle these cases consistently today:')],
      ['RFC alternatives (rust RFC 1047)', doc('## Alternatives', 'Unfortunately, such a "wrapping" API has problems of its own.')],
      ['RFC future work (rust RFC 1721)', doc('## Future work', 'Unfortunately, however, on MSVC code is compiled differently.')],
      [
        'an aside in prior art (rust RFC 2696)',
        doc('## Prior art', "The `SerializeMap` API (and `Encoder` for what it's worth) requires map keys and values."),
      ],
    ];
    for (const [name, text] of real) it(name, () => assert.deepEqual(firedText(text, APOLOGY, ON), []));
    it('a typo for "unfortunate", or "unfortunately" inside a noun phrase, is no sigh', () => {
      assert.deepEqual(firedText('This is an unfortunately side effect of the migration.', APOLOGY, ON), []);
      assert.deepEqual(firedText('It is a very unfortunately named flag.', APOLOGY, ON), []);
    });
    it('still fires in a status section (k8s sig-auth 2020)', () => {
      assert.deepEqual(
        firedText(doc('## Operational', 'Unfortunately we do not do a great job of keeping good meeting notes.'), APOLOGY, ON),
        ['Unfortunately'],
      );
    });
  });

  describe('does not fire', () => {
    for (const text of [
      'The launch slipped two weeks; we ship on May 17.',
      '> Sorry for the delay.',
      'The `sorry` page is gone.',
      '<!-- sorry -->\n\nWe ship on May 3.',
    ]) {
      it(JSON.stringify(text), () => assert.deepEqual(firedText(text, APOLOGY, ON), []));
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
    for (const [text, expected] of cases)
      it(`${JSON.stringify(text)} → ${JSON.stringify(expected)}`, () => void checkFix(text, APOLOGY, { opts: ON, safe: true, expected }));
    it('inside a document', () => {
      const text = doc('# Status', 'Revenue grew 12%.', 'We ship on May 17. Unfortunately, the launch slipped.');
      checkFix(text, APOLOGY, {
        opts: ON,
        safe: true,
        expected: doc('# Status', 'Revenue grew 12%.', 'We ship on May 17. The launch slipped.'),
      });
    });
    it('apologies that carry the sentence get no fix', () => {
      for (const text of ['Sorry for the delay.', 'We tried our best.', 'The launch slipped, unfortunately.'])
        assert.deepEqual(fires(text, APOLOGY, ON)[0].fixes, [], text);
    });
    it('a removable opener is marked unnecessary', () => {
      assert.equal(fires('Unfortunately, the launch slipped.', APOLOGY, ON)[0].unnecessary, true);
      assert.ok(!fires('Sorry for the delay.', APOLOGY, ON)[0].unnecessary);
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
  it('still fires on a health claim to the board, outside argued sections (asf-cordova 2021-06)', () => {
    const s = quote('2021-2021-06.md', 'Our nightly builds have been extremely stable.');
    assert.deepEqual(firedText(doc('# Report', '## Health report:', s), INTENSIFIER), ['extremely']);
  });
  it('corpus 2019-2019-03.md', () => {
    const s = quote('2019-2019-03.md', 'Our nightly builds have been extremely stable.');
    assert.deepEqual(firedText(s, INTENSIFIER), ['extremely']);
    checkFix(s, INTENSIFIER, { safe: true, expected: 'Our nightly builds have been stable.' });
  });

  describe('does not fire', () => {
    for (const text of [
      'We watched the Super Bowl.',
      'Super Bowl ads cost too much.',
      'The results are strong: 12% growth.',
      '> We are super excited.',
      // Outside the corpus (a PyPI incident report, reviewed wrong): the degree is the bar a condition sets.
      'We will avoid creating a long-lived token unless absolutely necessary.',
      'Tokens are issued only when strictly needed.',
    ]) {
      it(JSON.stringify(text), () => assert.deepEqual(firedText(text, INTENSIFIER), []));
    }
    // From the review: "super" as a noun prefix is a term of art; a negated intensifier tones the claim down;
    // "literally" in technical writing means exactly that.
    const real: Array<[string, string]> = [
      ['superuser (govuk-aws ADR 0038)', 'All users are effectively super users and have access to all databases.'],
      ['supertrait (rust RFC 0439)', 'We propose not having `PartialOrd` be a super trait of `Ord`.'],
      ['super-admin privileges (k8s sig-cluster-lifecycle 2023)', 'We stop generating a single `admin.conf` that has super powers.'],
      ['a negated hedge (issue 9)', 'The cause was not entirely obvious at first.'],
      ['a negated intensifier (rust RFC 2116)', 'Disclaimer: not super familiar with all the mechanics here.'],
      // From the second review: a label someone else gave, a degree under negation or estimate, an argued section.
      [
        'a quoted label (asf-cordova 2021-06)',
        quote('2021-2021-06.md', 'ASF Project Statistics gives the project a Community Health Score (Chi): 10.00 (Super Healthy)'),
      ],
      [
        '"unlikely to be totally" (rust RFC 2116)',
        quoteIn('rust-rfcs', 'rfc-2116-alloc-me-maybe.md', "This is unlikely to be totally robust, but that's ok."),
      ],
      ['"likely … extremely rare" (rust RFC 0439)', 'In practice this will likely be extremely rare.'],
      [
        'a concession in Motivation (rust RFC 3533)',
        doc(
          '# Teams',
          '## Motivation',
          'While Rust releases are obviously extremely important, it is hard to argue that they are foundational.',
        ),
      ],
      [
        '"literally identical" (otel batching config)',
        'It will be impossible to make batching configuration literally identical between the Collector and SDK.',
      ],
    ];
    for (const [name, text] of real) it(name, () => assert.deepEqual(firedText(text, INTENSIFIER), []));
  });

  describe('fixes', () => {
    it('"We are extremely proud." → "We are proud."', () =>
      void checkFix('We are extremely proud.', INTENSIFIER, { safe: true, expected: 'We are proud.' }));
    it('"We are super excited." → "We are excited."', () =>
      void checkFix('We are super excited.', INTENSIFIER, { safe: true, expected: 'We are excited.' }));
    it('adjectives and nouns get no fix', () => {
      for (const text of ['We have an amazing team.', 'This is a total disaster.'])
        assert.deepEqual(fires(text, INTENSIFIER)[0].fixes, [], text);
    });
  });
});

describe('composure/exclamation', () => {
  const cases: Array<[string, string[]]> = [
    ['We shipped!', ['!']],
    ['Ship it!!!', ['!!!']],
    ['Is it ready?!', ['?!']],
    ['We shipped v2.0!', ['!']],
    ['We shipped! Now the hard part starts.', ['!']],
  ];
  for (const [text, expected] of cases) it(JSON.stringify(text), () => assert.deepEqual(firedText(text, EXCLAMATION), expected));
  it('in a heading', () => assert.deepEqual(firedText('## Big news!\n\nWe shipped.', EXCLAMATION), ['!']));
  it('corpus 2017-2017-09.md', () => {
    const s = quote('2017-2017-09.md', 'This is the reason for all of the green badges on our status page!');
    assert.deepEqual(firedText(s, EXCLAMATION), ['!']);
  });
  it('inside emphasis', () => {
    const s = '- We now have github discussions enabled. *We shipped it!*';
    assert.deepEqual(firedText(s, EXCLAMATION), ['!']);
    checkFix(s, EXCLAMATION, { safe: true, expected: '- We now have github discussions enabled. *We shipped it.*' });
  });
  // From the review: courtesy, asides, titles and technical exposition take "!" by convention.
  describe('does not fire on courtesy, asides, titles or exposition', () => {
    const real: Array<[string, string]> = [
      ['thanks in a parenthesis (asf-cordova 2022-12)', quote('2022-12.md', '- We now have github discussions enabled. *(Thanks INFRA!)*')],
      ['thanks (k8s sig-architecture 2024)', 'Thanks to John Belamaric and David Eads!'],
      ['a welcome (k8s sig-docs 2023)', 'We thank Arsh and welcome our now-current New Contributor Ambassador, Sreeram Venkitesh!'],
      ['an aside in parentheses (rust RFC 0089)', '- A GCC plugin (written in Python!)'],
      [
        'a talk title in link text (k8s sig-cluster-lifecycle 2023)',
        '- [Cluster API Providers: Intro, Deep Dive, and Community!](https://example.com/talk)',
      ],
      // Someone else's words in quotation marks (reviewed wrong, issue 9).
      [
        'a quoted complaint (rust RFC 2834)',
        `Users say ${quoteIn('rust-rfcs', 'rfc-2834-cargo-report-future-incompat.md', '"the compiler is not listening to me!")')}`,
      ],
      ['a quoted title', 'We presented "Docs Drive Adoption – Help Wanted!" at KubeCon.'],
      // A name with the mark in it (the R conference, reviewed wrong in the fourteenth outside batch).
      ['a name followed by a figure', 'The system will be ready for use by useR! 2018 and the next satRdays.'],
      ['a name followed by a lowercase word', 'The useR! conference has been managed by local organizers for over a decade.'],
      [
        'a technical surprise in a motivation (rust RFC 1361)',
        doc('## Motivation', 'The current syntax is unfortunately not forwards compatible as well!'),
      ],
      [
        'the punchline of a worked example in the design (rust RFC 2008)',
        doc('## Detailed design', 'Adding this new setting is now a breaking change!'),
      ],
    ];
    for (const [name, text] of real) it(name, () => assert.deepEqual(firedText(text, EXCLAMATION), []));
    it('still fires on a cheer in a status section (hyperledger Bevel 2022-Q3)', () => {
      assert.deepEqual(
        firedText(doc('## Contributor Diversity', 'We had more contributors than the previous quarter, which is great news!'), EXCLAMATION),
        ['!'],
      );
    });
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
    for (const [text, expected] of cases)
      it(`${JSON.stringify(text)} → ${JSON.stringify(expected)}`, () => void checkFix(text, EXCLAMATION, { safe: true, expected }));
  });
});

describe('composure/all-caps', () => {
  it('requirement keywords named as terms are not shouting (k8s wg-ai-conformance 2025)', () => {
    assert.deepEqual(firedText('We defined a process to manage the lifecycle of requirements (SHOULD/MUST).', CAPS), []);
    assert.deepEqual(firedText('Leadership recommend NOT doing a KEP.', CAPS), ['NOT']);
  });
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
    // Outside the corpus (a Prometheus proposal, reviewed wrong three times): a requirement keyword as the modal of
    // a rule about a thing or a role is a specification's register; the writer's own "You MUST" still shouts.
    it('"Clients MUST ignore unknown names" specifies; "You MUST read this" shouts', () => {
      assert.deepEqual(firedText('Clients MUST ignore unknown feature names and categories.', CAPS), []);
      assert.deepEqual(
        firedText('Implementations MAY omit features set to false, and clients MUST treat absent features as false.', CAPS),
        [],
      );
      assert.deepEqual(firedText('You MUST read this before Friday.', CAPS), ['MUST']);
      assert.deepEqual(firedText('We MUST ship by Friday.', CAPS), ['MUST']);
    });
  });

  describe('safe fix: normal case', () => {
    const cases: Array<[string, string]> = [
      ['This is VERY important.', 'This is very important.'],
      ['The NEW PRICING PLAN launches in May.', 'The new pricing plan launches in May.'],
    ];
    for (const [text, expected] of cases)
      it(`${JSON.stringify(text)} → ${JSON.stringify(expected)}`, () => void checkFix(text, CAPS, { safe: true, expected }));
    it('a shouted sentence is lowered whole', () => {
      checkFix('WE MUST SHIP NOW.', CAPS, { safe: true, expected: 'We must ship now.' });
    });
  });
});

describe('composure/intensifier: a noun intensifier speaks only as a noun phrase of its own', () => {
  it('"a disaster", "a total nightmare" are hyperbole', () => {
    assert.deepEqual(firedText('The migration weekend was a disaster.', INTENSIFIER), ['disaster']);
    assert.deepEqual(firedText('Billing has been a total nightmare since March.', INTENSIFIER), ['nightmare']);
  });
  it('"Disaster Recovery" and "disaster recovery" name a field (a roadmap outside the corpus, rook)', () => {
    const text = doc('## Roadmap', list('Disaster Recovery (DR)', 'Simplify metadata backup and disaster recovery'));
    assert.deepEqual(firedText(text, INTENSIFIER), []);
  });
});

// The eighteenth outside batch: the mark sits in a team lead's words, quoted over two paragraphs that close in the
// second (reviewed wrong by both reviewers).
describe('composure/exclamation: inside a quotation of several paragraphs', () => {
  it("the last paragraph of a quotation, closed at its end (a lab's monthly update)", () => {
    const text = doc(
      'Quoting the team lead:',
      '"The data registry will have its first release on July 12 and will make extensions easier to write.',
      'The commenting feature will debut on June 28 of this year! It will let readers comment on any file."',
    );
    assert.deepEqual(firedText(text, EXCLAMATION), []);
  });
  it('an opened quotation that goes on past the mark', () => {
    assert.deepEqual(firedText('She wrote: "This is the best release yet! Upgrade today.', EXCLAMATION), []);
  });
  it('still fires after a quotation has closed', () => {
    assert.deepEqual(firedText('The team lead called it "our best release." We shipped it in May!', EXCLAMATION), ['!']);
  });
});

// The eighteenth outside batch: a greeting and a good wish take "!" by convention, as thanks do (reviewed wrong).
describe('composure/exclamation: greetings and good wishes', () => {
  it('"Hello all!" opening a postmortem to a department', () => {
    assert.deepEqual(firedText('Hello all! I am the web developer for the department website.', EXCLAMATION), []);
  });
  it("a new year's wish closing a year in review", () => {
    assert.deepEqual(firedText('I wish all of you a happy new year and many hours of watching on your servers!', EXCLAMATION), []);
  });
  it('still fires on news announced with one', () => {
    assert.deepEqual(firedText('Hello all. Our server count doubled this year!', EXCLAMATION), ['!']);
  });
});
