// What the score credits, read the way the document's reader reads it: dates are not figures, a release log is not
// prose, a wiki byline is not the opening, an answer to a template's help prompt is an ask, and a short decision
// record is not a stub. Sentences are from ../shared/corpus/ (Cordova board reports, Hyperledger and Kubernetes
// reports, ADRs) unless marked as written here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, type Dimension } from '../../server/src/presence.ts';

const today = '2026-11-22';
const result = (text: string) => analyze(text, undefined, { today }).score;
const note = (text: string, d: Dimension): string => result(text).dimensions.find((x) => x.dimension === d)!.note;

test('a calendar day and a year followed by a comma are dates, not figures; a count is a figure', () => {
  const dates =
    '# Releases\n\nReleased Feb 25th, 2015 with the new tools.\n\nThe last version came out on Jan 22, 2020 after review.\n\nIn 2019, the group moved its meetings to a new slot.\n';
  assert.match(note(dates, 'quantified'), /\b0 sentences with a figure/);
  const counts = '# Status\n\nSince the last board report the project has had over 1,500 commits in its 52 Git repositories.\n';
  assert.match(note(counts, 'quantified'), /\b1 sentence with a figure/);
  // Written here: a figure next to a month that is not a day of it still counts.
  assert.match(note('# Plan\n\nIn March we signed 40 new customers.\n', 'quantified'), /\b1 sentence with a figure/);
});

test('a release line of a name, a version and a link is a reference, not a sentence of prose', () => {
  const releases =
    '# Releases\n\n' +
    [
      'cordova-android: 3.7.1 ...... http://s.apache.org/GjF',
      'cordova-windows: 3.8.0 ...... http://s.apache.org/L8T',
      'cordova-ios: 3.8.0 .......... http://s.apache.org/JRu',
    ]
      .map((l) => `- ${l}`)
      .join('\n') +
    '\n';
  assert.match(note(releases, 'conviction'), /0 sentences of prose/);
  // A link with a sentence of the writer's own beside it is prose.
  const described =
    '# Work\n\n- [4008 - CRD Validation Ratcheting](https://github.com/kubernetes/enhancements/tree/master/keps/sig-api-machinery/4008-crd-ratcheting): lets existing objects keep invalid fields when an update leaves them untouched.\n';
  assert.match(note(described, 'conviction'), /1 sentence of prose/);
});

test('a wiki byline is metadata: the opening is the first paragraph the writer wrote', () => {
  const text =
    '# 2020 Q1 Hyperledger Ursa\n\nCreated by Mike Lodder, last modified by Gari Singh on Apr 27, 2020\n\n# Project Health\n\nUrsa is growing in adoption in projects, its feature offering, and\ncontributor diversity. We have released three more versions since last\nupdate.\n';
  assert.doesNotMatch(note(text, 'impact'), /with a number/);
  // Written here: a sentence that starts with "Created" is still prose when it is not a byline.
  const prose = '# Q3\n\nCreated a shared on-call rota, which cut pages per engineer by 30% against Q2.\n';
  assert.match(note(prose, 'impact'), /with a number/);
});

test('an answer under a template prompt that asks what help the group needs is an ask; "Nothing to mention" is not', () => {
  const prompt =
    '# Annual report\n\n## Project health\n\n1. What areas and/or subprojects does your group need the most help with?\n   Any areas with 2 or fewer OWNERs? (link to more details)\n\n    - Mentoring subproject needs a coordinator\n    - Contributor site needs Hugo expertise\n\n2. What metrics/community health stats does your group care about and/or measure?\n\n    - Inactive issues, tracked on the devstats board.\n';
  assert.match(note(prompt, 'decision'), /^\d+ asks? or decisions?/);
  const declined = prompt.replace(
    '    - Mentoring subproject needs a coordinator\n    - Contributor site needs Hugo expertise\n',
    '    - Nothing to mention at this time\n',
  );
  assert.match(note(declined, 'decision'), /^no ask or decision/);
});

// adrs/govuk-aws-0002-hosting-platforms.md, lightly shortened: its title, Context, Decision and Consequences.
const HOSTING_TITLE = '# 2. Hosting Platforms';
const GDS_POLICY = 'GDS policy for hosting of GDS internal services is PaaS first and AWS for anything that can not be run on the PaaS.';
const HOSTING_CONTEXT = `We need to decide upon a platform to host the future GOV.UK infrastructure. ${GDS_POLICY}`;
const HOSTING_DECISION =
  'We are using Amazon Web Services as our hosting provider of choice. This conforms to the GDS Tech Forum Hosting Guide. We will initially be using the eu-west-1 region, Ireland. This region has 3 availability zones and also contains the GDS PaaS which will allow easier sharing and peering.';
const HOSTING_CONSEQUENCES =
  'We will have to migrate our infrastructure from our current hosting provider to Amazon in the near term. We will then iterate on that infrastructure to deliver improvements to the platform. This will also make a subsequent migration of applications to the PaaS more straightforward.';
/** The record's Decision and Consequences under its title: seven sentences. */
const HOSTING = [HOSTING_TITLE, '## Decision', HOSTING_DECISION, '## Consequences', HOSTING_CONSEQUENCES].join('\n\n');

test('a short decision record is judged on what it says; a three-sentence page is still a stub', () => {
  // The record with its Context (nine sentences).
  const adr = [HOSTING_TITLE, '## Context', HOSTING_CONTEXT, '## Decision', HOSTING_DECISION, '## Consequences', HOSTING_CONSEQUENCES].join(
    '\n\n',
  );
  const record = result(adr);
  assert.equal(record.explanation, undefined, `a nine-sentence record is not a stub: ${record.explanation}`);
  const stub = result(
    '# 2. Hosting Platforms\n\n## Decision\n\nWe are using Amazon Web Services. More details will follow. Ask the team.\n',
  );
  assert.match(stub.explanation ?? '', /not enough text to judge/);
  assert.ok(stub.overall < 50, `stub ${stub.overall}`);
});

test('a decision record whose status says it is decided owes no decider or deadline; a proposed one does', () => {
  // The shape of adrs/govuk-aws-0002-hosting-platforms.md: "## Status" with "Accepted" under it.
  const record = (status: string) =>
    [
      '# 2. Hosting Platforms',
      '## Status',
      status,
      '## Decision',
      'We will use Amazon Web Services as our hosting provider of choice. We will initially be using the eu-west-1 region, Ireland.',
    ].join('\n\n');
  assert.match(note(record('Accepted'), 'decision'), /the decision is recorded as made/);
  assert.match(note(record('✅ Approved'), 'decision'), /the decision is recorded as made/);
  assert.doesNotMatch(note(record('Proposed'), 'decision'), /recorded as made/);
  // A header line says the same: "Status: Accepted".
  assert.match(
    note(record('Date: 2017-06-30').replace('## Status\n\nDate: 2017-06-30', 'Status: Accepted'), 'decision'),
    /recorded as made/,
  );
});

test('the opening is its first sentences, as the buried-lede rule reads them: a point further down the paragraph earns no opening credit', () => {
  // Cordova 2021-12: the plan ("we will be archiving") and the figure ("3 years") come in the paragraph's third
  // sentence, after two that report effort.
  const report =
    "## Activity\nCurrent work has been around keeping up with recent changes to iOS and Android, our most used platforms, and updating plugins. We continue to work towards reducing technical debt, and 'running the business'\nWe have archived translations of our documentation which was very out of date. Similarily we will be archiving outdated documentation for releases more than 3 years old.\n";
  assert.match(note(report, 'impact'), /has no outcome, decision or ask/);
  assert.doesNotMatch(note(report, 'impact'), /with a number/);
  // Written here: the same paragraph led by its result.
  const led = report.replace('Current work has been', 'Weekly CLI downloads reached 125k, and current work has been');
  assert.match(note(led, 'impact'), /with a number/);
});

test('a sentence written again is not more prose: one sentence under every heading is a stub', () => {
  const headings = [
    '# Q3 report',
    '## Project health',
    '## Releases',
    '## Activity',
    '## Plans',
    '## Community',
    '## Asks',
    '## Risks',
    '## Next steps',
  ];
  // Written here: the same sentence under each of nine headings.
  const same = headings.map((h) => `${h}\n\nWe will continue to work on this.`).join('\n\n');
  const r = result(same);
  assert.match(note(same, 'conviction'), /not enough text to judge \(1 sentence of prose\)/);
  assert.ok(r.overall < 50, `one sentence nine times: ${r.overall}`);
  // The record's own sentences, each once, are judged; the same record twice over counts them once.
  assert.match(note(HOSTING, 'conviction'), /^7 sentences of prose/);
  const twice = `${HOSTING}\n\n## Again\n\n${HOSTING.split('\n\n').slice(2).join('\n\n')}`;
  assert.match(note(twice, 'conviction'), /^7 sentences of prose/);
});

test('text that does not read as English counts no prose, and the score says why', () => {
  // Placeholder Latin under real headings.
  const lorem =
    '# Plan\n\n## Context\n\nLorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat.\n\n## Decision\n\nDuis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla pariatur. Excepteur sint occaecat cupidatat non proident, sunt in culpa qui officia deserunt mollit anim id est laborum.\n';
  const r = result(lorem);
  assert.match(r.explanation ?? '', /does not read as English/);
  assert.ok(r.overall < 50, `lorem ipsum: ${r.overall}`);
  // A terse English report of releases and figures still reads as English (Cordova 2015-03's activity list).
  const terse =
    '## Activity\n\n- cordova-android 3.7.1 released with security fixes for the whitelist\n- 233 issues opened on GitHub, past quarter\n- 134 issues closed on GitHub, past quarter\n- 136 PRs opened on GitHub, past quarter\n- 130 PRs closed on GitHub, past quarter\n- We made 2 platform patch releases\n';
  assert.doesNotMatch(result(terse).explanation ?? '', /English/);
});

test('a summary label is not the point: "Bottom line:" earns opening credit only for what follows it', () => {
  const opening = (line: string): string => note(`# Hosting\n\n${line}\n\n${HOSTING.split('\n\n').slice(1).join('\n\n')}`, 'impact');
  // Written here.
  assert.match(
    opening('**Bottom line:** We are making good progress and things are going well overall.'),
    /has no outcome, decision or ask/,
  );
  assert.match(opening('**Bottom line:** hosting cost fell 12% against plan.'), /with a number/);
  assert.match(opening('**TL;DR:** Adopt the managed queue by March.'), /states an ask or decision/);
  // "Decision:" names what follows: the decision.
  assert.match(opening('Decision: we go with option B.'), /states an ask or decision/);
});

test('a status that says "Accepted" is not the decision: a record without its Decision section earns no decision credit', () => {
  // The record's Status and the last sentence of its Context, its Decision and Consequences deleted (the Context's
  // other sentences hold "decide" and "we need to", which the ask list reads as asks).
  const gutted = [HOSTING_TITLE, '## Status', 'Accepted', '## Context', GDS_POLICY].join('\n\n');
  assert.match(note(gutted, 'decision'), /no ask or decision/);
  const decided = `${gutted}\n\n## Decision\n\n${HOSTING_DECISION}\n`;
  assert.doesNotMatch(note(decided, 'decision'), /no ask or decision/);
});

test('a decision document is credited for spelling its decision out, not only naming it', () => {
  // govuk-aws-0002's Decision in full against its first sentence alone: the decision is stated either way.
  const adr = (decision: string): string =>
    [HOSTING_TITLE, '## Context', HOSTING_CONTEXT, '## Decision', decision, '## Consequences', HOSTING_CONSEQUENCES].join('\n\n');
  const full = result(adr(HOSTING_DECISION)).dimensions.find((d) => d.dimension === 'decision')!;
  const named = result(adr(HOSTING_DECISION.split('. ')[0] + '.')).dimensions.find((d) => d.dimension === 'decision')!;
  assert.match(full.note, /\b\d+ words in decision sections/);
  assert.ok(full.credit > named.credit, `full ${full.credit}, named only ${named.credit}`);
  // A board report has no decision section to spell out: it is not judged on one.
  assert.doesNotMatch(
    note('# Q3\n\nCreated a shared on-call rota, which cut pages per engineer by 30% against Q2.\n', 'decision'),
    /decision sections/,
  );
});

test('words out of order are not prose: the record shuffled reads as no sentences, the record itself does', () => {
  // govuk-aws-0002's Context, Decision and Consequences, each paragraph's words in a fixed shuffled order.
  const shuffle = (p: string, seed: number): string => {
    const w = p.split(' ');
    for (let i = w.length - 1; i > 0; i--) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const j = seed % (i + 1);
      [w[i], w[j]] = [w[j]!, w[i]!];
    }
    return w.join(' ');
  };
  const record = (f: (p: string, i: number) => string): string =>
    [
      HOSTING_TITLE,
      '## Context',
      f(HOSTING_CONTEXT, 1),
      '## Decision',
      f(HOSTING_DECISION, 2),
      '## Consequences',
      f(HOSTING_CONSEQUENCES, 3),
    ].join('\n\n');
  const mixed = result(record(shuffle));
  assert.match(mixed.explanation ?? '', /do not read as English sentences/);
  assert.ok(mixed.overall < 50, `shuffled: ${mixed.overall}`);
  assert.equal(result(record((p) => p)).explanation, undefined);
  // "N/A" answers and articles before code spans are not words out of order (k8s and Rust RFC wording).
  const terse =
    '# Report\n\n## Help\n\n- N/A\n\n## Design\n\nChange the `Status` of the `struct_variant` feature. The ability to convert a `&T` to a `&Cell<T>` is sound. It is based on memcopying the `T`, and thus does not allocate. The API of a `Cell<T>` is to allow interior mutability. Yet another option is a `&Cell<[T]>` for a slice.\n';
  assert.doesNotMatch(result(terse).explanation ?? '', /English/);
});

test('a month after a preposition is a name, not words out of order ("in May"); a short memo is not read for order', () => {
  // Written here: the case a fuzzed safe fix found (dropping "To be fair," took the score from 6 to 2).
  const memo =
    '# Update\n\nDue to the fact that hiring is slow, the launch moves to July. I recommend we hire two engineers for payments.\n\nI think we should ship the new billing flow in May.\n\n- the vendor changed its API twice.\n';
  assert.doesNotMatch(result(memo).explanation ?? '', /English sentences/);
});

test('a Consequences section that lists only upsides earns half its words as tradeoff; one that names a cost earns them all', () => {
  const upsides =
    '## Consequences\n\n- Client-side interactions stay simple for the whole team.\n- The server manages application state in one place for every page.\n- New contributors can read the templates without learning a framework.\n';
  const costed = upsides.replace('- New contributors', '- The cost: we lose offline support, and new contributors');
  const words = (text: string): number =>
    Number(/(\d+) words? in tradeoff sections/.exec(note(`# 9. Use 11ty\n\n${text}`, 'tradeoffs'))?.[1]);
  // Written here, in the shape of an ADR whose raters said "the consequences are all upside".
  assert.ok(words(upsides) > 0);
  assert.ok(words(costed) >= 2 * words(upsides) - 2, `${words(costed)} vs ${words(upsides)}`);
  // A heading that names costs itself ("Consequences and risks", "Drawbacks") counts its words in full.
  const risks = upsides.replace('## Consequences', '## Consequences and risks');
  assert.ok(words(risks) >= 2 * words(upsides) - 2);
  // A "Negative" subsection under Consequences is the cost, and counts in full.
  const split = `## Consequences\n\n### Positive\n\n- Client-side interactions stay simple for the whole team.\n\n### Negative\n\n- Offline pages will not work for readers on slow links.\n`;
  assert.ok(words(split) > 0);
});

test('"Help required" heads an asks section: the request under it is an ask in the writer\'s own words', () => {
  // The shape of a Hyperledger annual review (hyperledger-2024-annual-Hyperledger-Cacti.md).
  const text =
    '# 2024 annual review\n\nWe shipped v2.0.0-alpha.2 in 2023 and added 7 maintainers from 3 companies.\n\nThe pull request lead time fell to 15 days, from over 20.\n\nWe resolved 670 issues this year.\n\n## Help Required\n\nWe could use the help of the TOC in encouraging more reuse of Hyperledger projects for interoperability.\n';
  assert.match(note(text, 'decision'), /^\d+ asks? or decisions?/);
  assert.match(note(text.replace('## Help Required', '## Community'), 'decision'), /\bno ask or decision/);
});
