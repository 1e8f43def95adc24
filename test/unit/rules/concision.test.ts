// Concision: outcomes instead of activity, no filler or buzzwords, and sentences, paragraphs, lists and
// documents within the rubric's limits.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFix, corpus, doc, firedText, fires, quote, quoteIn, withRubric } from './helpers.js';

const ACTIVITY = 'concision/activity';
const FILLER = 'concision/filler';
const BUZZWORD = 'concision/buzzword';
const SENTENCE = 'concision/long-sentence';
const PARAGRAPH = 'concision/long-paragraph';
const NARRATION = 'concision/narration';
const LIST = 'concision/long-list';
const DOCUMENT = 'concision/long-document';

/** A sentence of exactly n plain words (no rule's word list matches them). */
function sentence(n: number): string {
  const w = Array.from({ length: n }, (_, i) => ['alpha', 'beta', 'gamma', 'delta'][i % 4]);
  w[0] = 'Alpha';
  return w.join(' ') + '.';
}
/** A paragraph of `count` sentences of `each` words. */
const paragraph = (count: number, each: number): string => Array.from({ length: count }, () => sentence(each)).join(' ');
// Points, not inventory entries: a capitalised sentence longer than a name, each opening differently.
const items = (n: number): string => Array.from({ length: n }, (_, i) => `- Item ${i + 1} ships to customers.`).join('\n');

describe('concision/activity', () => {
  const cases: Array<[string, string[]]> = [
    ['We worked on the billing migration.', ['We worked on']],
    ['We held several meetings with finance.', ['We held several meetings']],
    ['The team has been busy with audits.', ['The team has been busy']],
    ['We spent the quarter on the migration.', ['We spent the quarter']],
    // Misses from issue 9: effort reported as if it were a result.
    ['We spent some time on the migration.', ['We spent some time']],
    ['We will be working on the installer.', ['We will be working on']],
    ['We held a number of working sessions.', ['We held a number of working sessions']],
    ['The index shipped, and we are working on the installer.', ['we are working on']],
    ['This month we worked on the partner portal.', ['we worked on']],
  ];
  for (const [text, expected] of cases) it(JSON.stringify(text), () => assert.deepEqual(firedText(text, ACTIVITY), expected));

  const real: Array<[string, string, string[]]> = [
    [
      '2016-2016-12.md',
      'We are working on streamlining this so it will be easier for release managers to package releases.',
      ['We are working on'],
    ],
    ['2021-2021-06.md', "We continue to work towards reducing technical debt, and 'running the business'", ['We continue to work']],
  ];
  for (const [file, s, expected] of real)
    it(`corpus ${file}: ${s.slice(0, 50)}…`, () => assert.deepEqual(firedText(quote(file, s), ACTIVITY), expected));
  // Kept by the review (issue 9): the writer's own effort, with no result named.
  const realElsewhere: Array<[string, string, string, string[]]> = [
    [
      'hyperledger-toc-project-reports',
      'hyperledger-2024-annual-Hyperledger-Cacti.md',
      'We are working on a closer collaboration with the Harmonia Lab maintainers (R3 & Adhara) as well.',
      ['We are working on'],
    ],
    [
      'k8s-annual-reports',
      'k8s-wg-batch-annual-report-2022.md',
      "We're working on a document, that will be shared with the entire work group, about the exit criteria for the group.",
      ["We're working on"],
    ],
  ];
  for (const [folder, file, s, expected] of realElsewhere)
    it(`corpus ${file}: ${s.slice(0, 50)}…`, () => assert.deepEqual(firedText(quoteIn(folder, file, s), ACTIVITY), expected));

  describe('does not fire', () => {
    for (const text of [
      'We shipped billing on May 3.',
      'We continue to ship every week.',
      '> We worked on the billing migration.',
      // Outside the corpus (a funding plan, reviewed wrong): the sentence goes on to what was decided.
      'We discussed a number of different approaches as a team and ultimately decided that a stable income was the priority.',
    ]) {
      it(JSON.stringify(text), () => assert.deepEqual(firedText(text, ACTIVITY), []));
    }
    it('a relative clause names a thing, not effort (k8s wg-data-protection 2022, sig-auth 2020)', () => {
      assert.deepEqual(
        firedText(
          'If more end users attend our meetings and contribute to design of the features we are working on, that will be great.',
          ACTIVITY,
        ),
        [],
      );
      assert.deepEqual(firedText('This is something we are working on and learning from other SIGs.', ACTIVITY), []);
    });
    it('a lead-in to the list below is not the report (k8s wg-data-protection 2022)', () => {
      assert.deepEqual(firedText('We discussed the following topics in addition to KEPs:', ACTIVITY), []);
    });
    // Issue 9 review: 1 of 8 impersonal reports was right; they head a status item whose specifics follow.
    it('effort with no doer named ("work continues on", "efforts are ongoing", "work is underway") is not read (cordova 2024-03…2025-06, Indy 2019 Q1, Aries 2021 Q3)', () => {
      assert.deepEqual(
        firedText(
          quote(
            '2024-09.md',
            'Our current work continues on staying updated with changes to iOS and Android, our most utilized platforms, alongside ensuring regular updates to plugins.',
          ),
          ACTIVITY,
        ),
        [],
      );
      const indy = quoteIn(
        'hyperledger-toc-project-reports',
        'hyperledger-2019-Q1-Hyperledger-Indy.md',
        'Efforts are ongoing to increase\ninteroperability between existing agent implementations and future\nimplementations.',
      );
      assert.deepEqual(firedText(indy, ACTIVITY), []);
      const aries = quoteIn(
        'hyperledger-toc-project-reports',
        'hyperledger-2021-Q3-Hyperledger-Aries.md',
        'In addition, work is underway for adding test\nagents based on three other frameworks, expanding the community of\nproducts that are verified to be interoperable.',
      );
      assert.deepEqual(firedText(aries, ACTIVITY), []);
      assert.deepEqual(firedText('Work is ongoing on the new index.', ACTIVITY), []);
    });
    it('a concession: the clause after "but" or "however" carries the point (k8s wg-serving 2024, wg-data-protection 2022)', () => {
      const serving = quoteIn(
        'k8s-annual-reports',
        'k8s-archive-wg-serving-annual-report-2024.md',
        'We are working on prioritizing features in DRA needed for serving workloads, however the major push in the first half of 2025 will still be GA-related activities.',
      );
      assert.deepEqual(firedText(serving, ACTIVITY), []);
      const protection = quoteIn(
        'k8s-annual-reports',
        'k8s-wg-data-protection-annual-report-2022.md',
        'We discussed the features such as CBT, Volume Populator in the WG meeting, but we still get the features tracked in SIG Storage and they are in the tracking spreadsheet.',
      );
      assert.deepEqual(firedText(protection, ACTIVITY), []);
    });
    it('corpus 2022-12.md: "we continue to see contributions" reports an observation, not effort', () => {
      const s = quote('2022-12.md', 'We continue to see contributions from a small group of dedicated individuals.');
      assert.deepEqual(firedText(s, ACTIVITY), []);
    });
  });

  it('is an error in status updates and offers only a template to fill, never an automatic rewrite', () => {
    const [f] = fires(withRubric('status-update', 'We worked on the billing migration.'), ACTIVITY);
    assert.equal(f.severity, 'error');
    assert.deepEqual(
      f.fixes.map((x) => [x.title, x.safe]),
      [['Add "Result: …"', false]],
    );
  });
});

describe('concision/filler', () => {
  describe('safe fixes: substitutions and removals', () => {
    const cases: Array<[string, string, string]> = [
      ['In order to ship, we cut scope.', 'In order to', 'To ship, we cut scope.'],
      ['We cut scope in order to ship.', 'in order to', 'We cut scope to ship.'],
      ['Due to the fact that we cut scope, we shipped.', 'Due to the fact that', 'Because we cut scope, we shipped.'],
      ['It is important to note that we shipped.', 'It is important to note that', 'We shipped.'],
      ['Needless to say, we shipped.', 'Needless to say', 'We shipped.'],
      ['We utilize Postgres for billing.', 'utilize', 'We use Postgres for billing.'],
      ['Prior to launch we froze the code.', 'Prior to', 'Before launch we froze the code.'],
      ['We review pricing on a monthly basis.', 'on a monthly basis', 'We review pricing monthly.'],
      ['At this point in time we have 12 customers.', 'At this point in time', 'Now we have 12 customers.'],
    ];
    for (const [text, flagged, expected] of cases) {
      it(`${JSON.stringify(text)} → ${JSON.stringify(expected)}`, () => {
        assert.deepEqual(firedText(text, FILLER), [flagged]);
        checkFix(text, FILLER, { safe: true, expected });
      });
    }
    const real: Array<[string, string, string]> = [
      [
        '2022-12.md',
        'In order to keep historical conversations we have a daily digest service (github action) to copy all public conversations to a github repo in markdown.',
        'To keep historical conversations we have a daily digest service (github action) to copy all public conversations to a github repo in markdown.',
      ],
      [
        '2024-12.md',
        'This engagement would also include plugin developers to ensure they are able to prepare for the next release.',
        'This engagement would also include plugin developers to ensure they can prepare for the next release.',
      ],
    ];
    for (const [file, s, expected] of real) {
      it(`corpus ${file}: ${s.slice(0, 50)}…`, () => void checkFix(quote(file, s), FILLER, { safe: true, expected }));
    }
    it('inside a document, only the phrase changes', () => {
      const text = doc('# Plan', 'We ship on May 3.', 'We cut scope in order to ship. Support is ready.');
      checkFix(text, FILLER, { safe: true, expected: doc('# Plan', 'We ship on May 3.', 'We cut scope to ship. Support is ready.') });
    });
    it('removable filler is marked unnecessary; a substitution is not', () => {
      assert.equal(fires('Needless to say, we shipped.', FILLER)[0].unnecessary, true);
      assert.equal(fires('We cut scope in order to ship.', FILLER)[0].unnecessary, undefined);
    });
    it('the message counts words only when the replacement is shorter', () => {
      assert.equal(fires('We cut scope in order to ship.', FILLER)[0].message, '"in order to" says in 3 words what "to" says in one.');
      assert.equal(fires('We utilize Postgres for billing.', FILLER)[0].message, '"utilize" is a longer way to say "use".');
    });
    it('filler at the end of a sentence is removed with its comma', () => {
      checkFix('We shipped, needless to say.', FILLER, { safe: true, expected: 'We shipped.' });
    });
    // From the corpus: where the short form says something else, or is not English, Fix All leaves the phrase.
    it('"should have the ability to" gets no "can" fix: "should can" is not English (govuk-aws ADR 0038)', () => {
      const text =
        'Hence, the relevant GOV.UK apps should have the ability to retrieve authentication credentials from GOV.UK credential management system and authenticate with AWS DocumentDB.';
      const [f] = fires(text, FILLER);
      assert.ok(f, 'still flagged');
      assert.deepEqual(f.fixes, []);
      checkFix('The apps have the ability to retrieve credentials.', FILLER, {
        safe: true,
        expected: 'The apps can retrieve credentials.',
      });
    });
  });

  describe('does not fire where the phrase carries meaning (from the review)', () => {
    const real: Array<[string, string]> = [
      // The second review judged these phrases wrong far more often than right: "in terms of" means "measured by"
      // or "with respect to" and has no one-word form; "essentially" marks an analogy; "with regards to" marks a
      // contrast that "about" loses. They are no longer listed.
      [
        '"in terms of" as "with respect to" (rust RFC 3128)',
        'They are unsafe in terms of I/O safety, addressing a question that has come up before.',
      ],
      [
        '"in terms of" as "measured by" (hyperledger Cactus 2021-Q4)',
        'This is probably the biggest goal (in terms of work) that we have in the near future.',
      ],
      [
        '"essentially" marking an analogy (FAC ADR 0029)',
        'Our ADR issues are essentially ADRs in that phase, so that status never makes it into the tree.',
      ],
      ['"essentially … but not entirely" (rust RFC 2421)', 'It is an effect that is essentially `const fn` but not entirely.'],
      [
        '"with regards to" marking a contrast (rust RFC 2314)',
        'With regards to the edition specifically, this mostly means updating the online book.',
      ],
      // "majority" says more than half, "most" does not: in a vote or a network's consensus the threshold is the
      // point (reviewed wrong or debatable three times outside the corpus, right once on it). No longer listed.
      ['"a majority of" as a threshold', 'A majority of the steering committee must approve each new maintainer.'],
      ['"the majority of" as a threshold', 'The split happened because the majority of miners had not upgraded.'],
      // An idiom with no shorter equal: "first" changes its meaning and "above all" saves a word and reads worse
      // (reviewed wrong four times outside the corpus, in three batches; right once in an RFC). No longer listed.
      ['"first and foremost" as an idiom', 'We are first and foremost a data company.'],
      [
        'an approximation before a quantity (asf-cordova 2015-09)',
        'Although we had essentially the same number of releases from last quarter (45 vs 46).',
      ],
      [
        'an approximation before "only" (rust RFC 3027)',
        'It is much more restrictive (basically allowing only literals and constructors).',
      ],
      // "a total of" often says the figure sums what came before, or sets an all-time count against a recent one;
      // judged right for 3 of the 7 findings reviewed (corpus and outside). No longer listed.
      [
        '"A total of" keeps a numeral from opening the sentence (asf-cordova 2025-03)',
        quote('2025-03.md', 'A total of 117 people registered, with around 70 have attended.'),
      ],
      ['"a total of" summing the items above (an outside proposal)', 'This is a total of 1,385 builds.'],
      [
        '"a total of" against a recent count (an outside annual review)',
        'The project has had a total of 330+ contributors, 70+ of them last year.',
      ],
      [
        '"whether or not" meaning "regardless of whether" (rust RFC 3631)',
        'You can use it to display information in generated documentation, whether or not there is a `#[cfg()]` attribute:',
      ],
      ['"whether or not" defining a field (rust RFC 2141)', '- `yanked`: whether or not this version has been yanked'],
      [
        'the short form is already next to it (hyperledger Quilt 2019-Q3)',
        'These tasks were done before (prior to the reboot these tasks were performed by a maintainer).',
      ],
      ['"resource utilization" is a metric (k8s wg-serving 2024)', 'We aim to ensure more efficient resource utilization and scalability.'],
    ];
    for (const [name, text] of real) it(name, () => assert.deepEqual(firedText(text, FILLER), []));
    it('"can or is able to" is the redundancy itself: still flagged (cloud-platform ADR 007)', () => {
      assert.deepEqual(firedText('The cluster can or is able to run addons.', FILLER), ['is able to']);
    });
  });

  describe('does not fire', () => {
    for (const text of [
      'The files are in order.',
      'The order of the tasks matters.',
      '> We cut scope in order to ship.',
      'Run `in order to` through the linter.',
      'We use Postgres.',
    ]) {
      it(JSON.stringify(text), () => assert.deepEqual(firedText(text, FILLER), []));
    }
  });
});

describe('concision/buzzword', () => {
  const cases: Array<[string, string[]]> = [
    ['We will leverage our platform.', ['leverage']],
    ['Let us take a deep dive into churn.', ['deep dive']],
    ['This is a game-changer for sales.', ['game-changer']],
    ['We need more synergy between teams.', ['synergy']],
    ['We picked the low-hanging fruit first.', ['low-hanging fruit']],
    ['We picked the low hanging fruit first.', ['low hanging fruit']],
    ['Our build activity has been very robust this quarter.', ['robust']],
  ];
  for (const [text, expected] of cases) it(JSON.stringify(text), () => assert.deepEqual(firedText(text, BUZZWORD), expected));
  it('offers no automatic fix', () => assert.deepEqual(fires('We will leverage our platform.', BUZZWORD)[0].fixes, []));

  describe('does not fire', () => {
    for (const text of ['We use our platform.', '> We will leverage our platform.', 'The `synergy` module is gone.']) {
      it(JSON.stringify(text), () => assert.deepEqual(firedText(text, BUZZWORD), []));
    }
    for (const [text, why] of [
      [
        '- [3756 - Robust VolumeManager reconstruction after kubelet restart](https://example.com/kep) - v1.27',
        'a KEP title (k8s sig-storage 2023)',
      ],
      ['- Data Protection WG Deep Dive at KubeCon North America 2022', 'a session name (k8s wg-data-protection 2022)'],
      ['Our mission is "to empower every developer to ship safely".', 'a quoted mission statement (issue 9)'],
      ['Watch [how we leverage the mono-repo](https://example.com/talk) from KubeCon.', 'link text: a talk title'],
      ['The feature set must be cleaned up and made more robust (via rigorous testing).', 'plain "more robust" (hyperledger Caliper 2024)'],
      ['It is a foundation for robust abstractions.', 'the adjective before a noun (rust RFC 3128)'],
      ['There is little concern that they would disrupt other namespaces.', 'the plain verb (cloud-platform ADR 012)'],
      ['We doubled network bandwidth to 10 Gbps.', 'literal network bandwidth'],
      ['The leverage ratio is 2.1.', 'financial leverage'],
    ]) {
      it(`${JSON.stringify(text)} (${why})`, () => assert.deepEqual(firedText(text, BUZZWORD), []));
    }
  });
  describe('still fires on the figurative sense next to the same words', () => {
    const cases: Array<[string, string[]]> = [
      ['We lack the bandwidth to take on the audit.', ['bandwidth']],
      ['The network team has no bandwidth this quarter.', ['bandwidth']],
      ['We will leverage our network of resellers.', ['leverage']],
      ['We leveraged the ratio analysis from finance.', ['leveraged']],
    ];
    for (const [text, expected] of cases) it(JSON.stringify(text), () => assert.deepEqual(firedText(text, BUZZWORD), expected));
  });
});

describe('concision/long-sentence', () => {
  // In review, sentences up to half again the limit were mostly one readable point (14 of 41 from 44 to 52 words
  // were worth splitting); past that, 16 of 20 were. Below, only a chain of main clauses is flagged: one from a
  // quarter past the limit, two just past it.
  it('fires half again past the limit (53 words in the default rubric), on the whole sentence', () => {
    const s = sentence(53);
    assert.deepEqual(firedText(`We ship today. ${s}`, SENTENCE), [s]);
    assert.match(fires(s, SENTENCE)[0].message, /53 words.*limit is 35/);
  });
  it('does not fire up to half again past the limit on length alone', () => {
    assert.deepEqual(firedText(sentence(35), SENTENCE), []);
    assert.deepEqual(firedText(sentence(44), SENTENCE), []);
    assert.deepEqual(firedText(sentence(52), SENTENCE), []);
  });
  it('from a quarter past the limit, one chained main clause is enough', () => {
    const s = `${sentence(22).slice(0, -1)}, and we ${sentence(22).toLowerCase()}`; // 46 words
    assert.deepEqual(firedText(s, SENTENCE), [s]);
    const purpose = `${sentence(22).slice(0, -1)} so that we ${sentence(22).toLowerCase()}`; // a purpose clause
    assert.deepEqual(firedText(purpose, SENTENCE), []);
  });
  it('interview-answer allows 30, so flags 45 words', () => {
    assert.equal(fires(withRubric('interview-answer', sentence(45)), SENTENCE).length, 1);
    assert.equal(fires(withRubric('interview-answer', sentence(44)), SENTENCE).length, 0);
  });
  it('does not fire on a ticked template checklist item (k8s annual reports)', () => {
    const s =
      '- [x] [CONTRIBUTING.md] reviewed for accuracy and updated if needed (or created if missing and your contributor steps and experience are different or more in-depth than the documentation listed in the general [contributor guide] and [devel] folder and the other folders of the repository.)';
    assert.deepEqual(firedText(s, SENTENCE), []);
  });
  it('code and URLs do not count as words', () => {
    assert.deepEqual(firedText(`${sentence(30)} \`a b c d e f g h i j\` https://example.com/a/b/c/d/e/f/g.`, SENTENCE), []);
  });
  it('corpus 2016-2016-09.md: 27 words pass; 40 words chaining four main clauses are flagged', () => {
    const s = quote(
      '2016-2016-09.md',
      'Android released minor version 5.2.0 which removed auto-setting of the versionCode in projects that was causing problems with generating APKs for different versions of Android.',
    );
    assert.deepEqual(firedText(s, SENTENCE), []); // 27 words
    const long = quote(
      '2016-2016-09.md',
      "The loss of active contributors is impacting this, and we have a huge backlog, and we have no active way of measuring this on a daily or weekly basis so we don't know how we are progressing on this currently.",
    );
    assert.deepEqual(firedText(long, SENTENCE), [long]);
  });

  describe('counts what a reader sees as one sentence', () => {
    // The segmenter keeps a lowercase continuation in the sentence before it; a name written in lower case
    // after a full stop ("cordova-windows", "iOS") starts a new one all the same.
    const real: Array<[string, string]> = [
      [
        '2016-2016-03.md',
        'Of note, cordova-ubuntu had several patch releases after a year of absence, mainly updates to support newer releases of the ubuntu SDK. cordova-windows had several patch releases, the major one being support for the Cordova Platform API. cordova-android had a patch release where it has support for a new Plugin API.',
      ],
      [
        '2016-2016-03.md',
        'cordova-ios had several patch releases - the latest was to fix a serious app freezing situation, and also to support the new 167x167 icon needed for iPad support. cordova-browser had a patch release to replace the cordova-serve implementation with an updated version that uses `express` instead of our own implementation.',
      ],
      [
        '2016-2016-09.md',
        'Android released minor version 5.2.0 which removed auto-setting of the versionCode in projects that was causing problems with generating APKs for different versions of Android. iOS released minor version 4.2.0 which added support for node.js version 6.x.',
      ],
      // Version numbers are one word each ("4.5.1"), not three.
      [
        '2017-2017-12.md',
        'We had eight platform releases - four patch release for iOS (4.5.1, 4.5.2, 4.5.3, 4.5.4), one patch release for Browser (5.0.1), two minor and one major release for Android (6.3.0, 6.4.0, 7.0.0).',
      ],
      // A line that opens with a capitalised "We" or "That" starts a sentence, full stop or not.
      [
        '2021-2021-03.md',
        "We continue to work towards reducing technical debt, and 'running the business'\nWe are finalizing a list of test devices to be used by active committers, and the possibility of either MacInTheCloud, or Amazon EC2 Mac Instances so we can support Apple's M1 hardware.",
      ],
    ];
    for (const [file, text] of real) {
      it(`corpus ${file}: ${text.slice(0, 50)}…`, () => assert.deepEqual(firedText(quote(file, text), SENTENCE), []));
    }
    // 40 words, two linked points: judged fine in review, so no longer flagged (it was the test's long sentence).
    it('corpus 2020-2020-09.md: the sentence after the line break is counted on its own, and 40 words of one point pass', () => {
      const text = quote(
        '2020-2020-09.md',
        'ASF Project Statistics gives the project a Community Health Score (Chi): 6.33 (Healthy)\nThat said, we are only seeing contributions from a small group of dedicated individuals, and a lot of work has been focused on reducing some of the technical debt to keep the project managable with the limited time we have.',
      );
      assert.deepEqual(firedText(text, SENTENCE), []);
      const long = `That said, ${sentence(53).toLowerCase()}`;
      assert.deepEqual(
        firedText(`ASF Project Statistics gives the project a Community Health Score (Chi): 6.33 (Healthy)\n${long}`, SENTENCE),
        [long],
      );
    });
    it('a long sentence after a lowercase name is still flagged, on its own', () => {
      const long = `cordova-android ${sentence(53).toLowerCase()}`;
      assert.deepEqual(firedText(`We shipped the SDK. ${long}`, SENTENCE), [long]);
    });
    it('abbreviations and wrapped lines do not split a sentence', () => {
      const s = `${sentence(30).slice(0, -1)} e.g. cordova-android and\nthe ${sentence(24).toLowerCase()}`;
      assert.equal(fires(s, SENTENCE).length, 1);
    });
    // Reviewed wrong (issue 9): the writer has divided the sentence already, so no part runs past the limit.
    const divided: Array<[string, string, string]> = [
      // A dash, a semicolon, a colon.
      [
        'adrs',
        'cloud-platform-012-One-cluster-for-dev-staging-prod.md',
        "However, given multiple clusters, with different security and other constraints, some 'drift' is inevitable - e.g. the development cluster might be upgraded to a newer kubernetes version before staging and production, or it could have different connectivity into private networks, or different performance constraints from the production cluster.",
      ],
      [
        'otel-community-roadmap-projects',
        'otel-roadmap.md',
        "This roadmap is not _law_, and it is not meant to be used to force people to\nwork on specific projects -- this is an open source project and we (community\nmembers, the governance committee, etc.) are not anyone's boss.",
      ],
      [
        'rust-rfcs',
        'rfc-2116-alloc-me-maybe.md',
        "Also these two benefits must be weighed against the cost of default generic parameters: they don't work very well (and may never?), and most people won't bother to support them so using a non-default just makes you incompatible with a bunch of the ecosystem.",
      ],
      [
        'rust-rfcs',
        'rfc-0809-box-and-in-for-stdlib.md',
        '* Use unstable traits in `core::ops` for both operators, so that\n    libstd can provide support for the overloaded operators; the\n    traits are unstable so that the language designers are free to\n    revise the underlying protocol in the future post 1.0.',
      ],
      // Numbered parts.
      [
        'otel-community-roadmap-projects',
        'otel-roadmap.md',
        "Since OpenTelemetry's initiation, end-users and vendors have expressed a desire\nto (a) understand what SDKs, language agents, and Collectors are deployed within\ntheir environment (along with their status), and to (b) be able to make changes\nto the configuration of these artifacts or possibly even update agent binaries.",
      ],
      // Two sentences: the second opens with a link, so no capital letter follows the full stop.
      [
        'rust-rfcs',
        'rfc-3128-io-safety.md',
        "Rust's standard library almost provides *I/O safety*, a guarantee that if one\npart of a program holds a raw handle privately, other parts cannot access it.\n[`FromRawFd::from_raw_fd`] is unsafe, which prevents users from doing things\nlike `File::from_raw_fd(7)`, in safe Rust, and doing I/O on a file descriptor\nwhich might be held privately elsewhere in the program.",
      ],
    ];
    for (const [folder, file, text] of divided) {
      it(`corpus ${file}: ${text.slice(0, 40)}…`, () => assert.deepEqual(firedText(quoteIn(folder, file, text), SENTENCE), []));
    }
    // Reviewed wrong (issue 9): one point, a little past the limit.
    for (const [folder, file, text] of [
      [
        'rust-rfcs',
        'rfc-3923-cargo-min-publish-age.md',
        'Also, even if all users of a crate set a minimum publish age there is still value in a delay, because it provides time for automated security scanners, and human reviewers\nto review the changes before the new version is pulled in by updates.',
      ],
      [
        'hyperledger-toc-project-reports',
        'hyperledger-2021-Q3-Hyperledger-Aries.md',
        'There were significant milestones accomplished within Aries this past\nquarter, including the approval by the community of the Aries Interop\nProfile (AIP) 2.0, which extends the AIP 1.0 from 2020 to achieve Aries\nstated goal of being both ledger and verifiable credential form"at agnostic.',
      ],
    ] as Array<[string, string, string]>) {
      it(`corpus ${file}: one point, ${text.slice(0, 30)}…`, () => assert.deepEqual(firedText(quoteIn(folder, file, text), SENTENCE), []));
    }
    // Reviewed right (issue 9): still flagged.
    for (const [folder, file, text] of [
      // Half again past the limit, a semicolon notwithstanding (53 words, the longest part 37).
      [
        'rust-rfcs',
        'rfc-1721-crt-static.md',
        'As future work this RFC\ndiscusses how the proposed scheme scheme can be extended to rebuild std\nspecifically for a particular C-linkage scenario, which may have minor\nadvantages on Windows due to issues around dllimport and dllexport; and how this\nscheme naturally extends to recompiling std in the presence of modified CPU\nfeatures.',
      ],
      // 46 words, and a second main clause ("but we need to…").
      [
        'adrs',
        'cloud-platform-007-Use-ECR-As-Container-Registry.md',
        '@Kerin has done some proof of concept work on defining ECR access policies that reference Github teams and roles but we need to establish how we will map GitHub IDs to IAM roles we need to push and pull images before this decision is fully validated.',
      ],
    ] as Array<[string, string, string]>) {
      it(`corpus ${file}: flagged, ${text.slice(0, 30)}…`, () => assert.equal(fires(quoteIn(folder, file, text), SENTENCE).length, 1));
    }
    // 37 words with one point: judged fine in review (it was flagged before issue 9).
    it('corpus 2016-2016-03.md: 37 words of one point pass', () => {
      const s = quote(
        '2016-2016-03.md',
        "However during this quarter we had a 50% increase of issue@ activity which could be attributed to increased testing during the holiday period when development at users' companies might have slowed down, so users could test better.",
      );
      assert.deepEqual(firedText(s, SENTENCE), []);
    });
  });
});

describe('concision/long-paragraph', () => {
  it('fires past 150 words, anchored on the first sentence', () => {
    const p = paragraph(8, 20); // 160 words
    assert.deepEqual(firedText(doc('# Plan', p), PARAGRAPH), [sentence(20)]);
  });
  it('does not fire at 150 words', () => assert.deepEqual(firedText(doc('# Plan', paragraph(10, 15)), PARAGRAPH), []));
  it('status-update allows 100', () => {
    assert.equal(fires(withRubric('status-update', paragraph(6, 17)), PARAGRAPH).length, 1); // 102
    assert.equal(fires(withRubric('status-update', paragraph(5, 20)), PARAGRAPH).length, 0); // 100
  });
  it('paragraphs are counted separately', () => assert.deepEqual(firedText(doc(paragraph(5, 20), paragraph(5, 20)), PARAGRAPH), []));
});

describe('concision/narration', () => {
  it('three or more sentences opening with sequence words', () => {
    assert.deepEqual(firedText('First we fixed billing. Then we fixed search. Next we fixed login. Finally we shipped.', NARRATION), [
      'First',
    ]);
  });
  describe('does not fire', () => {
    for (const text of [
      'First we fixed billing. Then we fixed search. We shipped.',
      '- First we fixed billing. Then we fixed search. Next we fixed login.',
      '> First we fixed billing. Then we fixed search. Next we fixed login.',
    ]) {
      it(JSON.stringify(text), () => assert.deepEqual(firedText(text, NARRATION), []));
    }
  });
});

describe('concision/long-list', () => {
  it('fires on a list past 7 items, anchored on its first item', () => {
    assert.deepEqual(firedText(doc('# Plan', items(8)), LIST), ['Item 1 ships to customers.']);
  });
  it('does not fire at 7 items', () => assert.deepEqual(firedText(doc('# Plan', items(7)), LIST), []));
  it('nested lists are not counted', () => {
    const nested = '- Group\n' + Array.from({ length: 9 }, (_, i) => `  - Sub ${i + 1} ships.`).join('\n');
    assert.deepEqual(firedText(doc('# Plan', nested), LIST), []);
  });
  it('board-update allows 8', () => {
    assert.equal(fires(doc('# Plan', items(8)), LIST, { rubric: 'board-update' }).length, 0);
    assert.equal(fires(doc('# Plan', items(9)), LIST, { rubric: 'board-update' }).length, 1);
  });
  // From the review: inventories that must be complete (it fired on this release list before issue 9).
  describe('does not fire on lists that must be complete', () => {
    const many = (f: (i: number) => string, n = 12): string => Array.from({ length: n }, (_, i) => `- ${f(i)}`).join('\n');
    const real: Array<[string, string]> = [
      ['a release list (asf-cordova 2019-03)', corpus('2019-2019-03.md')],
      [
        'releases as "name: version" (asf-cordova 2018-03)',
        doc(
          '## Releases:',
          many((i) => `cordova-plugin-p${i}: 3.0.${i} was released on Sat Dec 30 2017`),
        ),
      ],
      [
        'a roster of handles (otel batching config)',
        doc(
          '## Required Staffing',
          many((i) => `@person${i} (Company ${i})`),
        ),
      ],
      [
        'names (k8s subprojects)',
        doc(
          '## Subprojects',
          many((i) => `subproject-${i}`),
        ),
      ],
      [
        'links to talks (k8s sig-network 2024)',
        doc(
          '## Talks',
          many((i) => `[Talk number ${i} about Gateway API (Kubecon EU)](https://example.com/${i})`),
        ),
      ],
      [
        'a glossary (rust RFC 0550)',
        doc(
          '## Key Terminology',
          many((i) => `\`term${i}\`: the meaning of term ${i} in the grammar.`),
        ),
      ],
      [
        'ticked reviewers (hyperledger TSC reports)',
        doc(
          '## Reviewed By',
          many((i) => `\u2705 Reviewer Number ${i} approved it`),
        ),
      ],
      [
        'a template checklist (FAC ADRs)',
        doc(
          '## Areas of impact',
          many((i) => `[ ] Area ${i} of the product`),
        ),
      ],
      [
        'numbered steps (rust RFC 3691)',
        doc('## Flow', Array.from({ length: 9 }, (_, i) => `${i + 1}. The client sends request ${i} to the server.`).join('\n')),
      ],
      [
        'a series (otel logging bridges)',
        doc(
          '## Deliverables',
          many((i) => `One Logging Bridge per language - L${i} [(#19${i})](https://example.com/${i})`),
        ),
      ],
      [
        'lower-case task fragments (otel zig SIG)',
        doc(
          '## Expected responsibilities',
          many((i) => `develop exporter number ${i} for the SDK`),
        ),
      ],
      ['future possibilities (rust RFC 3691)', doc('## Future possibilities', items(12))],
    ];
    for (const [name, text] of real) it(name, () => assert.deepEqual(firedText(text, LIST), []));
  });
});

describe('concision/long-document', () => {
  const body = (words: number): string => Array.from({ length: words / 50 }, () => paragraph(2, 25)).join('\n\n');
  // From the review (0 of 17 long RFCs and reports were worth a finding): a summary up front lets the reader stop
  // early, and lists, tables and quotes are the reference the reader came for, so only running prose counts.
  it('does not fire on a long document with a summary section (rust RFCs)', () => {
    assert.deepEqual(firedText(doc('# Plan', '## Summary', 'We ship on May 3.', body(1600)), DOCUMENT), []);
  });
  it('does not fire when lists make it long (hyperledger TSC reports)', () => {
    const lists = Array.from({ length: 40 }, () => Array.from({ length: 5 }, () => `- ${sentence(10)}`).join('\n')).join('\n\n');
    assert.deepEqual(firedText(doc('# Plan', body(1000), lists), DOCUMENT), []);
  });
  it('fires past 1500 words (headings count), anchored on the title', () => {
    assert.deepEqual(firedText(doc('# Plan', body(1500)), DOCUMENT), ['Plan']);
    assert.match(fires(doc('# Plan', body(1500)), DOCUMENT)[0].message, /1501 words/);
  });
  it('does not fire at 1500 words', () => assert.deepEqual(firedText(doc(body(1500)), DOCUMENT), []));
  it('fires at 1501 words without a title, anchored on the first paragraph', () => {
    const [f] = fires(doc(body(1500), 'Alpha.'), DOCUMENT);
    assert.equal(f.start, 0);
  });
  it('interview-answer allows 450', () => {
    assert.equal(fires(withRubric('interview-answer', body(500)), DOCUMENT).length, 1);
    assert.equal(fires(withRubric('interview-answer', body(450)), DOCUMENT).length, 0);
  });
  it('code blocks do not count', () => {
    const code = '```\n' + paragraph(40, 25) + '\n```';
    assert.deepEqual(firedText(doc(body(1000), code), DOCUMENT), []);
  });
});

describe('concision/buzzword: "bandwidth" as jargon is a person\'s capacity, not a link\'s', () => {
  it("fires on someone's bandwidth", () => {
    assert.deepEqual(firedText('We have no bandwidth for the partner program this quarter.', BUZZWORD), ['bandwidth']);
    assert.deepEqual(firedText('Nobody on the team has the bandwidth to take this on.', BUZZWORD), ['bandwidth']);
  });
  it('not on the bandwidth a protocol uses (a roadmap outside the corpus, rustls)', () => {
    assert.deepEqual(firedText('Support certificate compression, which reduces the bandwidth used.', BUZZWORD), []);
  });
});

// The nineteenth outside batch (wrong to all three reviewers), and the same formula in two earlier batches.
describe("concision/filler: a definition's scope and a quotation are not the writer's filler", () => {
  it('"for the purpose of this document," scoping a definition', () => {
    assert.deepEqual(firedText('For the purpose of this document, a board is a circuit board that runs the OS.', FILLER), []);
  });
  it('"in order to" inside a quotation of the bylaws', () => {
    const text =
      'The goal of the foundation is \u201cto support collective development of public code in order to reduce risks and costs\u201d (article 3.1).';
    assert.deepEqual(firedText(text, FILLER), []);
  });
  it('still fires on the phrase before what it is for, and outside the quotation', () => {
    assert.deepEqual(firedText('We switch identifiers for the purpose of identifying each organisation.', FILLER), ['for the purpose of']);
    assert.deepEqual(firedText('The bylaws say "support public code", and we hire in order to grow.', FILLER), ['in order to']);
  });
});
