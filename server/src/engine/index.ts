// The engine's public door: everything the server, CLI, eval and bench use comes through here.
export * from './types.js';
export { analyze, Analyzer } from './analyze.js';
export { validateRubric, BUILTIN_RUBRIC_NAMES, type RubricProblem } from './rubric.js';
export { applyEdits } from './edits.js';
export { RULES, type RuleMeta } from '../rules/index.js';
