// Tradeoffs: a recommendation says what it costs or gives up; nothing is "all upside".
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFix, corpus, doc, firedText, fires, quote, withRubric } from './helpers.js';

const UNSTATED = 'tradeoffs/unstated';
// Off by default (reviewed outside the corpus: see the rule's page); its behaviour is tested with it on.
const ON = { severityOverrides: { [UNSTATED]: 'hint' as const } };
const NO_DOWNSIDE = 'tradeoffs/no-downside';

describe('tradeoffs/unstated', () => {
  // Reviewed right once in 18 times (on the corpus and outside it): off by default, an error where a rubric asks
  // for tradeoffs.
  it('off by default, an error in decision documents and strategy memos', () => {
    const severity = (text: string): string | undefined => fires(text, UNSTATED)[0]?.severity;
    assert.equal(severity('I recommend we hire two engineers.'), undefined);
    assert.equal(severity(withRubric('decision-doc', 'I recommend we hire two engineers.')), 'error');
    assert.equal(severity(withRubric('strategy-memo', 'I recommend we hire two engineers.')), 'error');
  });
  describe('fires on a recommendation with no cost, alternative or thing given up', () => {
    const cases: Array<[string, string[]]> = [
      ['I recommend we hire two engineers.', ['I recommend we hire two engineers.']],
      ['We should ship the beta in May.', ['We should ship the beta in May.']],
      ['We decided to move support to the new tool.', ['We decided to move support to the new tool.']],
      ['Search is slow. I propose we rebuild the index. The team agrees.', ['I propose we rebuild the index.']],
    ];
    for (const [text, expected] of cases) it(JSON.stringify(text), () => assert.deepEqual(firedText(text, UNSTATED, ON), expected));

    // Outside the corpus (a Bazel SIG proposal, reviewed wrong twice): after the proposal itself, its later "We
    // propose…" sections were its logistics (when the first meeting is, how the group decides).
    it('once per document, on its first recommendation', () => {
      const text = doc(
        '# Plan',
        '## Hiring',
        'I recommend we hire two engineers. We should start in May.',
        '## Pricing',
        'We should keep prices.',
      );
      assert.deepEqual(firedText(text, UNSTATED, ON), ['I recommend we hire two engineers.']);
      const sig = doc(
        '# Rules authors SIG',
        '## Abstract',
        'We propose to form a Special Interest Group (SIG) for authors of Bazel rules.',
        '## Meetings',
        'We propose that the first SIG meeting take place the day after BazelCon 2021.',
      );
      assert.deepEqual(firedText(sig, UNSTATED, ON), ['We propose to form a Special Interest Group (SIG) for authors of Bazel rules.']);
    });
    it('a tradeoff in another section does not cover this one', () => {
      const text = doc('# Plan', 'I recommend we hire two engineers.', '## Later', 'Hiring instead of contracting costs more.');
      assert.deepEqual(firedText(text, UNSTATED, ON), ['I recommend we hire two engineers.']);
    });
    it('a Drawbacks heading with nothing under it, or "None.", states no tradeoff', () => {
      assert.deepEqual(
        firedText(
          doc('# Plan', '## Proposal', 'I recommend we hire two engineers.', '## Drawbacks', '## Next steps', 'Post the roles.'),
          UNSTATED,
          ON,
        ),
        ['I recommend we hire two engineers.'],
      );
      assert.deepEqual(firedText(doc('# Plan', '## Proposal', 'I recommend we hire two engineers.', '## Risks', 'None.'), UNSTATED, ON), [
        'I recommend we hire two engineers.',
      ]);
      assert.deepEqual(
        firedText(doc('# Plan', '## Proposal', 'I recommend we hire two engineers.', '## Trade-offs', 'TBD'), UNSTATED, ON),
        ['I recommend we hire two engineers.'],
      );
    });
    it('a quoted tradeoff does not count', () => {
      assert.deepEqual(firedText(doc('I recommend we hire two engineers.', '> Hiring costs more than contracting.'), UNSTATED, ON), [
        'I recommend we hire two engineers.',
      ]);
    });
  });

  describe('does not fire', () => {
    // A Go proposal outside the corpus (reviewed wrong): its Abstract restates the proposal, and the alternative it
    // rejected is argued under Rationale. A recommendation in a section of its own still needs its tradeoff there.
    it('a summary restating the proposal, with the tradeoff argued further down', () => {
      const body =
        '## Rationale\n\nAn alternative would be to introduce a richer configuration file format, such as JSON or TOML, but then we would also need to define how these richer values can be overridden in certain contexts.\n';
      const abstract = '# Proposal: go env -w\n\n## Abstract\n\nWe propose to add `go env -w`, to set defaults more easily.\n\n';
      assert.deepEqual(firedText(abstract + body, UNSTATED, ON), []);
      const own = '# Plan\n\n## Hiring\n\nWe should hire two engineers in May.\n\n';
      assert.deepEqual(firedText(own + body, UNSTATED, ON), ['We should hire two engineers in May.']);
      assert.deepEqual(firedText(abstract, UNSTATED, ON), ['We propose to add `go env -w`, to set defaults more easily.']);
    });
    const cases: Array<[string, string]> = [
      ['"instead of"', 'I recommend we hire two engineers instead of contracting an agency.'],
      ['"rather than"', 'We should build the index rather than buy one.'],
      ['"at the cost of"', 'We should ship in May at the cost of the iOS app.'],
      ['"we will not"', 'We should ship the beta. We will not ship iOS this year.'],
      ['a consequence in the same section', doc('I recommend we hire two engineers.', 'This means we delay the search project.')],
      ['a Risks section anywhere', doc('I recommend we hire two engineers.', '## Risks', 'Hiring takes time.')],
      [
        'an RFC Drawbacks section with content',
        doc(
          '# Plan',
          '## Proposal',
          'We should default lifetimes to static.',
          '## Drawbacks',
          'Some code that compiles today becomes ambiguous.',
        ),
      ],
      [
        'an ADR Consequences section',
        doc(
          '# Pool',
          '## Decision',
          'We have decided to use a connection pool.',
          '## Consequences',
          'We maintain one more dependency and its upgrades.',
        ),
      ],
      [
        'a recommendation reported in Background',
        doc('# Flags', '## Background', 'Django recommends a settings flag per environment.', '## Plan', 'We ship the library next.'),
      ],
      [
        'a Tradeoffs section anywhere',
        doc('# Plan', '## Hiring', 'I recommend we hire two engineers.', '## Trade-offs', 'Search waits a quarter.'),
      ],
      ['no recommendation at all', 'We shipped the beta on May 3.'],
      ['a quoted recommendation', '> I recommend we hire two engineers.'],
    ];
    for (const [name, text] of cases) it(name, () => assert.deepEqual(firedText(text, UNSTATED, ON), []));

    it('corpus 2018-2018-09.md: a decision *not* to do something, with the alternative, names what is given up', () => {
      const s = quote(
        '2018-2018-09.md',
        'We decided not to migrate any existing open issues in JIRA to Github -- we will investigate and triage those issues in JIRA and migrate issues on a case by case basis.',
      );
      assert.deepEqual(firedText(s, UNSTATED, ON), []);
    });
    it('corpus 2019-2019-03.md: a whole report with no recommendation', () => {
      assert.deepEqual(firedText(corpus('2019-2019-03.md'), UNSTATED, ON), []);
    });
  });

  describe('words that are not tradeoffs should not count as one', () => {
    const cases: Array<[string, string]> = [
      ['temporal "while"', 'I recommend we hire two engineers while the market is slow.'],
      ['"less than" a duration', 'I recommend we hire two engineers in less than a month.'],
      ['"cut" load times (a benefit)', 'I recommend we ship the update. It will cut load times.'],
      ['a no-downside claim', 'We should ship it. It costs nothing.'],
    ];
    for (const [name, text] of cases) {
      it(name, () => {
        assert.equal(fires(text, UNSTATED, ON).length, 1);
      });
    }
    // A cost or risk word that the sentence denies or offers as a benefit names no tradeoff.
    const more: Array<[string, string]> = [
      ['a cost that is cut', 'I recommend we move to the managed database. It will cut our hosting costs.'],
      ['a risk that is lowered', 'We should add a staging region. It lowers the risk of outages.'],
      ['cost savings', 'We should renegotiate the contract. The cost savings pay for a hire.'],
      ['a denied cost', 'We should ship it. There is no real cost.'],
      ['"will not" an effect', 'We should switch vendors. It will not affect customers.'],
      ['"won\'t" an effect', "We should switch vendors. Customers won't notice."],
    ];
    for (const [name, text] of more) it(name, () => assert.equal(fires(text, UNSTATED, ON).length, 1));
  });

  describe('a stated cost, a decision not to do something, or a risk still counts', () => {
    const cases: Array<[string, string]> = [
      ['a cost', 'We should move to the managed database. It costs $8K a month more.'],
      ['a risk', 'We should ship in May. The risk is a slower iOS launch.'],
      ['"decided against"', 'We decided to build the index ourselves. We decided against buying one.'],
      ['"chose not to"', 'We should ship the web app first. We chose not to support Windows this year.'],
      ['"will not" a thing given up', 'We should ship the beta. The team will not ship iOS this year.'],
      ['a cost after a benefit', 'We should hire two engineers. It cuts review time but costs $300K a year.'],
    ];
    for (const [name, text] of cases) it(name, () => assert.deepEqual(firedText(text, UNSTATED, ON), []));
  });

  it('fix: append a "Tradeoff:" line skeleton after the recommendation (needs review)', () => {
    const text = doc('# Plan', 'I recommend we hire two engineers. Payments is short of staff.');
    const at = text.indexOf('engineers.') + 'engineers.'.length;
    checkFix(text, UNSTATED, {
      opts: ON,
      safe: false,
      region: [at, at],
      expected: doc('# Plan', 'I recommend we hire two engineers. Tradeoff: we give up [what] to get [what]. Payments is short of staff.'),
    });
  });
});

describe('tradeoffs/no-downside', () => {
  const cases: Array<[string, string[]]> = [
    ['This plan has no downside.', ['no downside']],
    ['The migration is risk-free.', ['risk-free']],
    ['It is a win-win for sales and support.', ['win-win']],
    ['We have nothing to lose by shipping early.', ['nothing to lose']],
    ['The change costs nothing.', ['costs nothing']],
    ['There are no tradeoffs here.', ['no tradeoffs']],
    // A bare or unsupported risk claim is still a claim.
    ['There is no risk.', ['no risk']],
    ['There is no risk of delay.', ['no risk']],
    ['There is no risk because the plan is solid.', ['no risk']],
    ['It is a win-win because both teams gain.', ['win-win']],
  ];
  for (const [text, expected] of cases) it(JSON.stringify(text), () => assert.deepEqual(firedText(text, NO_DOWNSIDE), expected));

  describe('does not fire', () => {
    for (const text of [
      'The downside is a slower iOS launch.',
      'The main risk is hiring speed.',
      '> It is a win-win for sales.',
      'The `no-risk` flag is set.',
    ]) {
      it(JSON.stringify(text), () => assert.deepEqual(firedText(text, NO_DOWNSIDE), []));
    }
    // Outside the corpus (a Mozilla ADR's Negative Consequences, reviewed wrong): the negation admits the risk.
    it('"is not risk-free" admits the cost; "is risk-free" still claims none', () => {
      const s = 'While force pushing is not risk-free, there are ways to soften any risk of loss of work.';
      assert.deepEqual(firedText(s, NO_DOWNSIDE), []);
      assert.deepEqual(firedText('Force pushing is risk-free.', NO_DOWNSIDE), ['risk-free']);
    });
    it('a specific mitigated risk is not a "no downside" claim', () => {
      assert.deepEqual(firedText('There is no risk of data loss because we keep three backups.', NO_DOWNSIDE), []);
      assert.deepEqual(firedText('There is zero risk that we lose data, since every write is replicated.', NO_DOWNSIDE), []);
    });
  });

  it('offers a template to name the cost, never an automatic rewrite', () => {
    const [f] = fires('This plan has no downside.', NO_DOWNSIDE);
    assert.deepEqual(
      f.fixes.map((x) => [x.title, x.safe]),
      [['Name the cost: "Cost: …"', false]],
    );
  });
});
