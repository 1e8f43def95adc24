export { RULES } from './registry.js';
export type { RuleMeta } from '../engine/rule.js';
