// Presence: the engine bound to the built-in rule set. The doors (the language server and its worker, the CLI),
// the tests, the bench and the scripts analyse through here; the engine below knows no rule, and the rules know
// the engine only by its contract (engine/rule.ts).
import { Analyzer as RuleSetAnalyzer } from './engine/analyze.js';
import { loadRubric as loadRubricFor, validateRubric as validateRubricFor, type Rubric, type RubricProblem } from './engine/rubric.js';
import type { AnalysisResult, AnalyzeOptions, RubricResolver } from './engine/types.js';
import type { BlockFacts } from './rules/facts.js';
import { BUILTIN_RULE_SET } from './rules/registry.js';

export * from './engine/types.js';
export { fixAllSafe, byPosition } from './engine/analyze.js';
export { bandFor } from './engine/score.js';
export {
  BUILTIN_RUBRIC_NAMES,
  BUILTIN_RUBRICS,
  DEFAULT_RUBRIC,
  RUBRIC_LIMITS,
  REPLACEMENT_PATTERN,
  RubricError,
  type RubricProblem,
} from './engine/rubric.js';
export { applyEdits, safeFixEdits } from './engine/edits.js';
export type { RuleMeta } from './engine/rule.js';
export { RULES } from './rules/registry.js';

/** The credit signals a rubric's `credit` table may name. */
export const SIGNAL_NAMES = BUILTIN_RULE_SET.signals;

/** An analyzer of the built-in rules; it caches block results for one document (see engine/analyze.ts). */
export class Analyzer extends RuleSetAnalyzer<BlockFacts> {
  constructor() {
    super(BUILTIN_RULE_SET);
  }
}

const shared = new Analyzer();

/** Analyses a document with a shared analyzer. Deterministic: the same input gives the same output. */
export function analyze(text: string, rubric: string | undefined, opts: AnalyzeOptions): AnalysisResult {
  return shared.analyze(text, rubric, opts);
}

/** Checks a rubric file's text against the built-in rules and signals; returns its problems (empty when valid). */
export function validateRubric(text: string, path: string): RubricProblem[] {
  return validateRubricFor(text, path, BUILTIN_RULE_SET);
}

/** Loads a rubric, with everything it extends, for the built-in rules; throws RubricError. */
export function loadRubric(ref: string, resolve?: RubricResolver): Rubric {
  return loadRubricFor(ref, BUILTIN_RULE_SET, resolve);
}
