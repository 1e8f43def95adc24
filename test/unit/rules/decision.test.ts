// Decision: the document asks for, recommends or states a decision; questions and option lists come with
// the writer's recommendation; decision docs have their required sections.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFix, corpus, doc, firedText, fires, list, NEUTRAL, quote, quoteIn, withRubric } from './helpers.js';

const NO_ASK = 'decision/no-ask';
const QUESTION = 'decision/open-question';
const OPTIONS = 'decision/options-without-recommendation';
const MISSING = 'decision/missing-section';

const SKELETON =
  '\n\n## Decision needed\n\n- **Decision:** [what you ask the reader to decide]\n- **Recommendation:** [option], because [reason]\n- **Tradeoff:** [what we give up]\n- **By when:** [date]\n';
const ANSWER = '**Recommendation:** [your answer, and why]. Tradeoff: [what we give up].';

describe('decision/no-ask', () => {
  // Off in the default rubric: the rule is tested where it is on.
  const on = (...blocks: string[]): string => withRubric('strategy-memo', ...blocks);
  describe('fires', () => {
    it('a status document with no ask, recommendation or decision: anchored on the title', () => {
      assert.deepEqual(firedText(on('# Support update', NEUTRAL), NO_ASK), ['Support update']);
    });
    it('without a title: anchored on the start of the first paragraph', () => {
      const text = on(NEUTRAL);
      const [f] = fires(text, NO_ASK);
      assert.equal(f.start, text.indexOf(NEUTRAL));
      assert.ok(f.end > f.start && f.end <= f.start + 80);
    });
    it('an ask inside a quote is not the writer’s ask', () => {
      assert.deepEqual(firedText(on('# Support update', NEUTRAL, '> Please approve the budget.'), NO_ASK), ['Support update']);
    });
    it('an open question is not an ask', () => {
      assert.deepEqual(firedText(on('# Support update', NEUTRAL, 'Should we hire two engineers?'), NO_ASK), ['Support update']);
    });
    it('a deferral is not an ask or a commitment', () => {
      assert.deepEqual(firedText(on('# Support update', NEUTRAL, 'We will circle back on this once everyone is aligned.'), NO_ASK), [
        'Support update',
      ]);
    });
    // Outside the corpus, all seven were reviewed wrong: incident reports and progress reports to a funder have no
    // decision pending (the score's decision dimension still says "no ask or decision"). A board update, a strategy
    // memo and a decision document do need one.
    it('off by default; a warning in board updates and strategy memos, an error in decision documents', () => {
      const severity = (text: string): string | undefined => fires(text, NO_ASK)[0]?.severity;
      assert.equal(severity(doc('# Support update', NEUTRAL)), undefined);
      assert.equal(severity(withRubric('board-update', '# Support update', NEUTRAL)), 'warning');
      assert.equal(severity(withRubric('strategy-memo', '# Support update', NEUTRAL)), 'warning');
      assert.equal(severity(withRubric('decision-doc', '# Support update', NEUTRAL)), 'error');
    });
    it('corpus 2015-2015-03.md: a board report with no ask', () => {
      assert.deepEqual(firedText(on(corpus('2015-2015-03.md')), NO_ASK), []);
    });
  });

  describe('does not fire on real proposals and reports (review: every one of these was judged wrong)', () => {
    it('an RFC summary that proposes in the imperative', () => {
      const s = quoteIn('rust-rfcs', 'rfc-1047-socket-timeouts.md', 'Add sockopt-style timeouts to `std::net` types.');
      assert.deepEqual(firedText(on('# Socket timeouts', '## Summary', s, '## Motivation', NEUTRAL), NO_ASK), []);
    });
    // Outside the corpus (reviewed wrong): minutes record what the group agreed; a postmortem's lessons say what must change.
    it('"We agreed on…" records a decision, "We need to…" commits to a change', () => {
      const agreed =
        'We agreed on having an elected Project Leader position, Project Leadership Committee and Technical Steering Committee.';
      assert.deepEqual(firedText(on('# Maintainer meeting', NEUTRAL, agreed), NO_ASK), []);
      const lesson = 'We need to document the process of deploying changes to production, in particular how to pick the Git commit.';
      assert.deepEqual(firedText(on('# DNS outage', NEUTRAL, `- ${lesson}`), NO_ASK), []);
      assert.deepEqual(firedText(on('# DNS outage', NEUTRAL, 'We need to discuss this further.'), NO_ASK), ['DNS outage']);
    });
    it('a status report whose template asks what help the group needs, answered', () => {
      const q = quoteIn(
        'k8s-annual-reports',
        'k8s-sig-cli-annual-report-2021.md',
        'What areas and/or subprojects does your group need the most help with?',
      );
      assert.deepEqual(firedText(on('# 2021 Annual Report: SIG CLI', NEUTRAL, `1. ${q}\n\n    - Reviewers for kustomize.`), NO_ASK), []);
    });
    it('a "Questions/Issues for the TSC" section with an answer, and "Current Plans"', () => {
      assert.deepEqual(
        firedText(
          on(
            '# 2021 Q4 Fabric',
            NEUTRAL,
            '# Questions/Issues for the TSC',
            'None at this time.',
            '# Current Plans',
            'Release v2.4.0 in Q4.',
          ),
          NO_ASK,
        ),
        [],
      );
    });
  });

  describe('does not fire', () => {
    const cases: Array<[string, string]> = [
      ['a request', on('# Support update', NEUTRAL, 'Please approve the budget for the second region.')],
      ['a recommendation', on('# Support update', NEUTRAL, 'I recommend we retire the old tool.')],
      ['a commitment', on('# Support update', NEUTRAL, 'We will retire the old tool.')],
      ['a decision taken', on('# Support update', NEUTRAL, 'We decided to retire the old tool.')],
      ['an Ask heading', on('# Support update', NEUTRAL, '## Ask', 'Nothing this month.')],
      ['a Decision heading', on('# Support update', NEUTRAL, '## Decisions', 'None.')],
      ['a Next steps heading', on('# Support update', NEUTRAL, '## Next steps', '- Retire the old tool.')],
      ['fewer than 40 words', on('# Support update', 'The support team moved to the new help desk tool.')],
      ['interview-answer turns it off', withRubric('interview-answer', '# My answer', NEUTRAL)],
    ];
    for (const [name, text] of cases) it(name, () => assert.deepEqual(firedText(text, NO_ASK), []));

    it('corpus 2016-2016-09.md: "no issues requiring board attention" tells the board no decision is needed', () => {
      quote('2016-2016-09.md', 'There are no issues requiring board attention at this time.');
      assert.deepEqual(firedText(on(corpus('2016-2016-09.md')), NO_ASK), []);
    });
  });

  it('fix: append a "Decision needed" section at the end (needs review)', () => {
    const text = on('# Support update', NEUTRAL);
    const end = text.length - 1; // before the final newline
    checkFix(text, NO_ASK, { safe: false, region: [end, end], expected: text.slice(0, end) + SKELETON + '\n' });
  });
});

describe('decision/open-question', () => {
  const memo = (...blocks: string[]): string => doc('# Hiring', NEUTRAL, ...blocks);

  describe('fires on a question for the reader with no recommended answer', () => {
    const cases: Array<[string, string[]]> = [
      ['Should we hire two engineers?', ['Should we hire two engineers?']],
      ['What should we do about hiring?', ['What should we do about hiring?']],
      ['We looked at the numbers. Do we hire two engineers or four?', ['Do we hire two engineers or four?']],
      ['Can I hire two engineers this quarter?', ['Can I hire two engineers this quarter?']],
    ];
    for (const [para, expected] of cases) it(JSON.stringify(para), () => assert.deepEqual(firedText(memo(para), QUESTION), expected));
    it('a commitment before the question does not answer it; one after it, in the section, does', () => {
      const before = memo('We will keep the pricing as it is.', 'Should we hire two engineers?');
      assert.deepEqual(firedText(before, QUESTION), ['Should we hire two engineers?']);
      // Outside the corpus (a Saleor decision record, reviewed wrong): questions that set up the section's answer.
      const setUp = doc(
        '# Attributes vs Metadata',
        '## Current status',
        'Saleor uses both Attributes and Metadata in various places. What do we use where? Do we need both?',
        '### Future of Attributes',
        'We will be adding attributes only to places where it makes sense to have data with a strict schema.',
      );
      assert.deepEqual(firedText(setUp, QUESTION), []);
    });
    it('a list after the paragraph answers only the question that closes it', () => {
      const text = memo('Should we hire two engineers? The numbers are below.', '- Payments has three open roles.');
      assert.deepEqual(firedText(text, QUESTION), ['Should we hire two engineers?']);
    });

    it('a question heading with nothing under it that answers', () => {
      assert.deepEqual(firedText(memo('## Should we hire?', '## Pricing', 'Prices stay.'), QUESTION), ['Should we hire?']);
    });
    it('a recommendation in another section does not answer it', () => {
      const text = doc('# Plan', NEUTRAL, '## Hiring', 'Should we hire two engineers?', '## Pricing', 'I recommend we keep prices.');
      assert.deepEqual(firedText(text, QUESTION), ['Should we hire two engineers?']);
    });
  });

  describe('does not fire where a question is judgment, not a lapse (real RFC and ADR shapes)', () => {
    it('an explicit "Unresolved questions" section', () => {
      const q = quoteIn(
        'rust-rfcs',
        'rfc-0089-loadable-lints.md',
        'Do we provide guarantees about visit order for a lint, or the order of multiple lints defined in the same crate?',
      );
      assert.deepEqual(firedText(doc('# Loadable lints', NEUTRAL, '## Unresolved questions', q), QUESTION), []);
    });
    it('a framing question in Context, answered below', () => {
      assert.deepEqual(
        firedText(
          doc(
            '# Use a pool',
            '## Context',
            'Should we keep one connection per request?',
            'Each request opens its own connection today, and the registry limits us to ten.',
          ),
          QUESTION,
        ),
        [],
      );
    });
    it('still fires on a question for the reader in the proposal itself', () => {
      assert.deepEqual(firedText(doc('# Hiring', NEUTRAL, '## Proposal', 'Should we hire two engineers?'), QUESTION), [
        'Should we hire two engineers?',
      ]);
    });
  });

  describe('does not fire', () => {
    const cases: Array<[string, string]> = [
      ['answered with a recommendation', memo('Should we hire two engineers? I recommend yes: payments is short of staff.')],
      [
        'answered in a sub-section',
        doc('# Plan', NEUTRAL, '## Hiring', 'Should we hire two engineers?', '### Payments', 'I recommend two, for payments.'),
      ],
      ['a question about the world, not for us', memo('How do customers use billing?')],
      ['too short', memo('Should we?')],
      ['a quoted question', memo('> Should we hire two engineers?')],
      ['a rhetorical statement ending in a period', memo('Should we hire is the question the board asked.')],
      // Outside the corpus (a Scala Center proposal, reviewed wrong): the list right after the question answers it.
      [
        'a question closing its paragraph, answered by the list after it',
        memo(
          'Outside of the Scala Center we cannot control what other people do. What can we do to improve in this area?\n\n- Create a suggested guideline for library maintainers.\n- Offer a badge to libraries that follow it.',
        ),
      ],
    ];
    for (const [name, text] of cases) it(name, () => assert.deepEqual(firedText(text, QUESTION), []));

    it('answered under a "Recommendation" sub-heading', () => {
      const text = doc('# Plan', NEUTRAL, '## Hiring', 'Should we hire two engineers?', '### Recommendation', 'Yes, two, for payments.');
      assert.deepEqual(firedText(text, QUESTION), []);
    });

    it('corpus 2022-12.md: a board member’s question quoted in the report', () => {
      quote('2022-12.md', '> searchability? Or is this used entirely for support and not for');
      assert.deepEqual(firedText(corpus('2022-12.md'), QUESTION), []);
    });
  });

  describe('fix: answer it with a recommendation (needs review)', () => {
    it('after the question sentence', () => {
      const text = memo('Should we hire two engineers? Payments is short of staff.');
      const at = text.indexOf('?') + 1;
      checkFix(text, QUESTION, {
        safe: false,
        region: [at, at],
        expected: memo(`Should we hire two engineers? ${ANSWER} Payments is short of staff.`),
      });
    });
    it('under a question heading', () => {
      const text = memo('## Should we hire?', '## Pricing', 'Prices stay.');
      const at = text.indexOf('hire?') + 5;
      checkFix(text, QUESTION, {
        safe: false,
        region: [at, at],
        expected: memo(`## Should we hire?\n\n${ANSWER}`, '## Pricing', 'Prices stay.'),
      });
    });
  });
});

describe('decision/options-without-recommendation', () => {
  const memo = (...blocks: string[]): string => doc('# Hiring', NEUTRAL, ...blocks);

  it('fires on an Options section with no pick, anchored on its heading', () => {
    assert.deepEqual(firedText(memo('## Options', list('Hire two engineers.', 'Contract an agency.'), '## Next', 'More.'), OPTIONS), [
      'Options',
    ]);
  });
  it('fires on "Approaches" and "Choices" too', () => {
    assert.deepEqual(firedText(memo('## Approaches we looked at', list('Build.', 'Buy.')), OPTIONS), ['Approaches we looked at']);
    assert.deepEqual(firedText(memo('## Choices', list('Build.', 'Buy.')), OPTIONS), ['Choices']);
  });

  it('does not fire on an RFC\'s "Rationale and alternatives": options weighed and rejected, the RFC is the pick', () => {
    quoteIn('rust-rfcs', 'rfc-2349-pin.md', '## Rationale and alternatives');
    assert.deepEqual(firedText(memo('## Rationale and alternatives', list('Finer-grained scopes.', 'Selection in the UI.')), OPTIONS), []);
    assert.deepEqual(firedText(memo('## Alternatives considered', list('Build.', 'Buy.')), OPTIONS), []);
    assert.deepEqual(firedText(memo('## Rejected options', list('Build.', 'Buy.')), OPTIONS), []);
  });

  describe('does not fire', () => {
    const cases: Array<[string, string]> = [
      ['an option marked recommended', memo('## Options', list('Hire two engineers (recommended).', 'Contract an agency.'))],
      ['"we favour"', memo('## Options', 'We favour option A.', list('A: hire.', 'B: contract.'))],
      ['a recommendation in a sub-section', memo('## Options', list('A.', 'B.'), '### Option C', 'I recommend C.')],
      ['an empty Options section', memo('## Options', '## Next', 'More.')],
      [
        'a Recommendation section elsewhere that recommends',
        memo('## Options', list('A: hire.', 'B: contract.'), '## Recommendation', 'I recommend option A.'),
      ],
      ['a section whose title is not about options', memo('## Candidates', list('Ana.', 'Bo.'))],
    ];
    for (const [name, text] of cases) it(name, () => assert.deepEqual(firedText(text, OPTIONS), []));
  });

  it('fix: add the recommended option after the last block of the section (needs review)', () => {
    const items = list('Hire two engineers.', 'Contract an agency.');
    const text = memo('## Options', items, '## Next', 'More.');
    const at = text.indexOf('agency.') + 'agency.'.length;
    checkFix(text, OPTIONS, {
      safe: false,
      region: [at, at],
      expected: memo(
        '## Options',
        `${items}\n\n**Recommendation:** [option], because [reason]. Tradeoff: [what we give up].`,
        '## Next',
        'More.',
      ),
    });
  });
});

describe('decision/missing-section (decision-doc rubric)', () => {
  it('reports each required section that is missing', () => {
    const findings = fires(withRubric('decision-doc', '# Pricing', NEUTRAL), MISSING);
    assert.deepEqual(
      findings.map((f) => /"(Decision|Options|Tradeoffs)" section/.exec(f.message)?.[1]),
      ['Decision', 'Options', 'Tradeoffs'],
    );
    assert.ok(
      findings.every((f) => f.severity === 'error'),
      'decision-doc makes decision rules errors',
    );
  });
  it('only the missing ones', () => {
    const text = withRubric(
      'decision-doc',
      '# Pricing',
      NEUTRAL,
      '## Recommendation',
      'Keep prices.',
      '## Alternatives considered',
      list('Raise prices 5%.'),
    );
    assert.deepEqual(
      fires(text, MISSING).map((f) => /"(\w+)" section/.exec(f.message)?.[1]),
      ['Tradeoffs'],
    );
  });
  it('does not fire when every section is there, matched by part of the heading', () => {
    const text = withRubric(
      'decision-doc',
      '# Pricing decision',
      NEUTRAL,
      '## The ask',
      'Keep prices.',
      '## Options',
      list('Raise prices 5%.'),
      '## Risks and costs',
      'Margin stays flat.',
    );
    assert.deepEqual(firedText(text, MISSING), []);
  });
  it('a section satisfies it by its role: an ADR\'s "Consequences" is its tradeoffs, an RFC\'s "Rationale and alternatives" its options', () => {
    // The headings of adrs/carbon-aware-sdk-0003-command-line-params-to-config.md and of a Rust RFC.
    const adr = withRubric(
      'decision-doc',
      '# 3. Move Command Line Parameters to Config File',
      NEUTRAL,
      '## Decision',
      'Keep prices.',
      '## Consequences',
      'Margin stays flat.',
    );
    assert.deepEqual(
      fires(adr, MISSING).map((f) => /"(\w+)" section/.exec(f.message)?.[1]),
      ['Options'],
    );
    const rfc = withRubric(
      'decision-doc',
      '# Summary',
      NEUTRAL,
      '## Detailed design',
      'Keep prices.',
      '## Drawbacks',
      'Margin stays flat.',
      '## Rationale and alternatives',
      list('Raise prices 5%.'),
    );
    assert.deepEqual(firedText(rfc, MISSING), []);
    // A heading whose role is none of them still counts as missing.
    const background = withRubric('decision-doc', '# Pricing', NEUTRAL, '## Background', 'Keep prices.');
    assert.equal(fires(background, MISSING).length, 3);
  });
  it('does not fire under the default rubric, or for a very short document', () => {
    assert.deepEqual(firedText(doc('# Pricing decision', NEUTRAL), MISSING), []);
    assert.deepEqual(firedText(withRubric('decision-doc', '# Pricing', 'Keep prices.'), MISSING), []);
  });
  it('fix: append the missing section (needs review)', () => {
    const text = withRubric(
      'decision-doc',
      '# Pricing decision',
      NEUTRAL,
      '## Decision',
      'Keep prices.',
      '## Options',
      list('Raise prices 5%.'),
    );
    const end = text.length - 1;
    checkFix(text, MISSING, {
      safe: false,
      region: [end, end],
      expected: text.slice(0, end) + '\n\n## Tradeoffs\n\n[tradeoffs: write it here]\n' + '\n',
    });
  });
});
