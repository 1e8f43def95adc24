// Template fixes for the findings that have no word to drop: each adds a "Label: [slots]" sentence after the
// flagged one. Applying it must leave the text outside untouched, flag its slots as unfinished work, and, once the
// writer fills them, leave the finding answered. Real corpus sentences where they exist.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFix, quoteIn, run } from './helpers.js';

const CASES: { rule: string; text: string; fix: string; expected: string; filled: string }[] = [
  {
    rule: 'concision/activity',
    text: 'First we held several meetings with sales to understand the problem.\n',
    fix: 'Add "Result:',
    expected: 'First we held several meetings with sales to understand the problem. Result: [what changed because of it].\n',
    filled: 'First we held several meetings with sales to understand the problem. Result: we dropped seat pricing for the SMB tier.\n',
  },
  {
    rule: 'conviction/hedge',
    text:
      quoteIn(
        'hyperledger-toc-project-reports',
        'hyperledger-2023-Q1-Hyperledger-Solang.md',
        'Both these efforts are now complete and we hope to see more user activity.',
      ) + '\n',
    fix: 'Add "Confidence:',
    expected: 'Both these efforts are now complete and we hope to see more user activity. Confidence: [N%]; it depends on [what].\n',
    filled:
      'Both these efforts are now complete and we hope to see more user activity. Confidence: 60%; it depends on the two pilots going live.\n',
  },
  {
    rule: 'tradeoffs/no-downside',
    text: quoteIn('rust-rfcs', 'rfc-2947-crates-io-token-scopes.md', 'No drawbacks are known at the time of writing the RFC.') + '\n',
    fix: 'Name the cost',
    expected: 'No drawbacks are known at the time of writing the RFC. Cost: [the main cost or risk, and why it is worth paying].\n',
    filled: 'No drawbacks are known at the time of writing the RFC. Cost: one more token type to document and support.\n',
  },
  {
    rule: 'ownership/consensus-deferral',
    text: 'We will pick a pricing model once we align with finance.\n',
    fix: 'Take a position',
    expected: 'We will pick a pricing model once we align with finance. Recommendation: [your position]. Decision by: [date].\n',
    filled: 'We will pick a pricing model once we align with finance. Recommendation: usage-based pricing. Decision by: May 15.\n',
  },
  {
    rule: 'ownership/deflection',
    text: 'The launch slipped two weeks due to the other team missing their dependency.\n',
    fix: 'Add "Our part:',
    expected:
      'The launch slipped two weeks due to the other team missing their dependency. Our part: [what we own in it]. Next: [what we do, by when].\n',
    filled:
      'The launch slipped two weeks due to the other team missing their dependency. Our part: we found the gap late. Next: weekly dependency reviews from June 1.\n',
  },
];

describe('template fixes for findings with no word to drop', () => {
  for (const c of CASES) {
    it(`${c.rule}: offers "${c.fix}…", never safe; its slots are unfinished work; filled, the finding is answered`, () => {
      const { fix, result } = checkFix(c.text, c.rule, { fix: c.fix, expected: c.expected });
      assert.equal(fix.safe, false);
      const placeholders = run(result).findings.filter((f) => f.ruleId === 'contract/placeholder');
      assert.ok(placeholders.length >= 1, `the template's slots are flagged: ${JSON.stringify(result)}`);
      const filled = run(c.filled).findings.map((f) => f.ruleId);
      assert.ok(!filled.includes(c.rule), `${c.rule} still reported once filled: ${filled.join(', ')}`);
      assert.ok(!filled.includes('contract/placeholder'), 'no placeholder left once filled');
    });
  }
  it('a line with no full stop is closed before the template', () => {
    const { result } = checkFix('- We are working on the SSO migration\n', 'concision/activity', { fix: 'Add "Result:' });
    assert.equal(result, '- We are working on the SSO migration. Result: [what changed because of it].\n');
  });
});

describe('placeholders: a slot the writer left, not a bracket that names something', () => {
  it('a slot in prose or a heading is flagged; the same words as a link text (a table of contents) are not', () => {
    const slots = (text: string): string[] =>
      run(text)
        .findings.filter((f) => f.ruleId === 'contract/placeholder')
        .map((f) => text.slice(f.start, f.end));
    // A table of contents kept from a proposal template: each entry links a heading, brackets and all.
    const toc = '- [Proposal](#proposal)\n  - [Design details [optional]](#design-details-optional)\n  - [Risks](#risks)\n';
    assert.deepEqual(slots(toc), []);
    assert.deepEqual(slots('### Design details [optional]\n\nWe ship it behind a flag in 1.30.\n'), ['[optional]']);
    assert.deepEqual(slots('Owner: [name], by [date].\n'), ['[name]', '[date]']);
    // A value that opens with its number is filled in: an estimate after a follow-up task (from an incident report).
    assert.deepEqual(slots('- [ ] Write a small document for incident response [20m] e.g. "I deleted prod, what next?"\n'), []);
    assert.deepEqual(slots('- [ ] Write the runbook [owner], in [N] days\n'), ['[owner]', '[N]']);
  });
  // An editor's bracket in running text (the nineteenth outside batch, wrong to all three reviewers): written, not left.
  it("an editor's bracket is not a slot: [to be …], [sic], [emphasis added]", () => {
    const slots = (text: string): string[] =>
      run(text)
        .findings.filter((f) => f.ruleId === 'contract/placeholder')
        .map((f) => text.slice(f.start, f.end));
    assert.deepEqual(slots('Many of these algorithms [to be migrated to this directory] have faster successors.\n'), []);
    assert.deepEqual(slots('The report says the servers was [sic] down and "we must act now" [emphasis added].\n'), []);
    assert.deepEqual(slots('Many of these algorithms [which ones] have faster successors.\n'), []);
    assert.deepEqual(slots('The owner is [who], and the date is [date].\n'), ['[who]', '[date]']);
  });
});
