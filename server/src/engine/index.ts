// The engine's public door: everything the server, CLI, eval and bench use comes through here.
export * from './types.js';
export { analyze, Analyzer, fixAllSafe, byPosition } from './analyze.js';
export { bandFor } from './score.js';
export { validateRubric, BUILTIN_RUBRIC_NAMES, BUILTIN_RUBRICS, DEFAULT_RUBRIC, RUBRIC_LIMITS, REPLACEMENT_PATTERN, type RubricProblem } from './rubric.js';
export { applyEdits, safeFixEdits } from './edits.js';
export { RULES, type RuleMeta } from '../rules/index.js';
