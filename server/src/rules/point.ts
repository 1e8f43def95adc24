// Whether a sentence carries the point: an ask, a recommendation, a proposal in the imperative, what the document
// changes, or a result (a number or a reported outcome) that is not told as history. The opening rules and the
// score's opening credit ask the same question.
import type { DocInput } from './rule.js';
import type { Sentence } from '../core/sentences.js';
import { hasNumber } from './util.js';
import { isImperative, reportsOutcome } from './grammar.js';
import data from '../../../rubrics/data/grammar.json';

// After "This proposal …", a verb that states the change: "This proposal adds a config option."
const STATES_CHANGE = new Set(data.statesChange);

export function carriesPoint(input: DocInput, s: Sentence): boolean {
  const { lists } = input.rubric;
  // "I think we should…", "Maybe the release slipped": a point opened by a hedge is not stated yet.
  if (s.words.length > 0 && lists.hedges.matchAt(s.words, 0) > 0) return false;
  if (lists.ask.holds(s) || lists.recommendation.holds(s)) return true;
  // A proposal stated as an imperative ("Add socket timeouts to std::net.") or as what the document changes.
  if (isImperative(s.words, s.text)) return true;
  const meta = lists.metaOpeners.matchAt(s.words, 0);
  if (meta > 0) return s.words.slice(meta, meta + 2).some((w) => STATES_CHANGE.has(w.lower));
  // After "Last quarter…", even a number or a result is the story so far, not the point.
  if (s.words.length > 0 && lists.chronologyOpeners.matchAt(s.words, 0) > 0) return false;
  return hasNumber(input.text, s) || reportsOutcome(s.words);
}
