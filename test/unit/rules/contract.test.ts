// Contract: an invitation is not an ask; an ask names who decides and by when; next steps and risks have owners.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { doc, firedText, fires, list, NEUTRAL, withRubric } from './helpers.js';

const EMPTY = 'contract/empty-ask';
const OPEN_ENDED = 'contract/open-ended-ask';
const STEP = 'contract/step-without-owner';
const RISK = 'contract/unmitigated-risk';

describe('contract/empty-ask', () => {
  it('fires on an invitation that asks for nothing the reader can do', () => {
    assert.deepEqual(firedText('We moved the launch to March. Let us know your thoughts.', EMPTY), ['Let us know your thoughts']);
    assert.deepEqual(firedText('Any feedback is welcome.', EMPTY), ['Any feedback']);
    assert.deepEqual(firedText('We will circle back next week.', EMPTY), ['We will circle back']);
  });
  it('the fix offers a decision and a date in its place', () => {
    const [f] = fires('Let us know your thoughts.', EMPTY);
    assert.equal(f.fixes[0]?.edits[0]?.newText, 'I ask you to decide [what] by [date].');
    assert.equal(f.fixes[0]?.safe, false);
  });
  describe('does not fire', () => {
    for (const text of [
      'Please approve the second region by May 3.',
      '> Let us know your thoughts.',
      'Send your thoughts on the pricing change to Dana by Friday.',
      // Outside the corpus (a conda proposal, reviewed wrong): "to be determined" reports an open point, which
      // judgment/open-uncertainty speaks to; it is not an invitation.
      'The metrics that define the success of this experiment are to be determined.',
      'The owner is to be decided at the next meeting.',
    ]) {
      it(JSON.stringify(text), () => assert.deepEqual(firedText(text, EMPTY), []));
    }
  });
});

describe('contract/open-ended-ask (off by default; on in board updates and decision documents)', () => {
  const board = (...blocks: string[]): string => withRubric('board-update', '# Q3 update', NEUTRAL, ...blocks);
  it('fires on an ask with no decider and no date, with a fix that adds both', () => {
    const text = board('We ask for a second region in Frankfurt.');
    assert.deepEqual(firedText(text, OPEN_ENDED), ['We ask for a second region in Frankfurt.']);
    assert.match(fires(text, OPEN_ENDED)[0]?.message ?? '', /who decides or by when/);
  });
  it('fires on an ask with a decider but no date', () => {
    assert.match(fires(board('We ask the CFO to approve the second region.'), OPEN_ENDED)[0]?.message ?? '', /by when/);
  });
  describe('does not fire', () => {
    it('an ask with its decider and date in the paragraph', () => {
      assert.deepEqual(firedText(board('We ask the board to approve the second region by 30 June 2027.'), OPEN_ENDED), []);
    });
    it('off in the default rubric', () => {
      assert.deepEqual(firedText(doc('# Q3 update', NEUTRAL, 'We ask the board to approve the second region.'), OPEN_ENDED), []);
    });
  });
});

describe('contract/step-without-owner (on in board updates, strategy memos and decision documents)', () => {
  const memo = (...items: string[]): string => withRubric('strategy-memo', '# Plan', NEUTRAL, '## Next steps', list(...items));
  it('fires on a next step with no owner or no date', () => {
    assert.deepEqual(firedText(memo('Migrate the billing tables.'), STEP), ['Migrate the billing tables.']);
    assert.match(fires(memo('The billing tables move to Postgres, owned by Dana.'), STEP)[0]?.message ?? '', /has no date/);
    // "May" in "by May 3" is the date, not an owner's name.
    assert.match(fires(memo('Migrate the billing tables by May 3.'), STEP)[0]?.message ?? '', /has no owner\./);
  });
  it('does not fire on a step with an owner and a date, or outside a next-steps section', () => {
    assert.deepEqual(firedText(memo('Migrate the billing tables by May 3 (Dana).'), STEP), []);
    assert.deepEqual(firedText(memo('@dana: migrate the billing tables by May 3.'), STEP), []);
    assert.deepEqual(
      firedText(withRubric('strategy-memo', '# Plan', NEUTRAL, '## Results', list('Migrated the billing tables.')), STEP),
      [],
    );
  });
});

describe('contract/unmitigated-risk (on in board updates and decision documents)', () => {
  const risks = (...items: string[]): string => withRubric('board-update', '# Q3 update', NEUTRAL, '## Risks', list(...items));
  it('fires on a risk with no mitigation and no owner', () => {
    assert.deepEqual(firedText(risks('The vendor may raise prices in Q4.'), RISK), ['The vendor may raise prices in Q4.']);
  });
  it('does not fire on a risk with a mitigation or an owner', () => {
    assert.deepEqual(firedText(risks('The vendor may raise prices in Q4; we mitigate by signing a two-year contract.'), RISK), []);
    assert.deepEqual(firedText(risks('The vendor may raise prices in Q4 (owner: Priya).'), RISK), []);
  });
});
