import type { Dimension, Severity } from '../engine/types.js';
export interface RuleMeta { id: string; dimension: Dimension; title: string; severity: Severity; doc: string }
// STUB: replaced as rule families land.
export const RULES: RuleMeta[] = [
  { id: 'conviction/hedge', dimension: 'conviction', title: 'Hedged claim', severity: 'warning', doc: 'docs/rules/conviction/hedge.md' },
];
