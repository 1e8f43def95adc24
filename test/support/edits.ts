// Shared by the rule tests and the fuzzer: a fix may change only the text its own edits replace.
import assert from 'node:assert/strict';
import type { TextEdit } from '../../server/src/presence.ts';

/** `after` (= `before` with `edits` applied) carries over, verbatim, all text between and around the edits. */
export function assertOnlyEditsChanged(before: string, after: string, edits: readonly TextEdit[], what = 'a fix'): void {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let at = 0;
  let pos = 0;
  for (const e of sorted) {
    const kept = before.slice(pos, e.start);
    assert.equal(after.slice(at, at + kept.length), kept, `${what} changed text outside its edits`);
    at += kept.length + e.newText.length;
    pos = e.end;
  }
  assert.equal(after.slice(at), before.slice(pos), `${what} changed text after its last edit`);
}
