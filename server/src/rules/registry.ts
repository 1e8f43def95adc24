// Every rule, by family. Adding a rule is adding it to its family's file.
import type { Rule } from '../engine/rule.js';
import { impactRules } from './impact.js';
import { convictionRules } from './conviction.js';
import { ownershipRules } from './ownership.js';
import { decisionRules } from './decision.js';
import { tradeoffRules } from './tradeoffs.js';
import { quantifiedRules } from './quantified.js';
import { concisionRules } from './concision.js';
import { composureRules } from './composure.js';
import { judgmentRules } from './judgment.js';
import { evidenceRules } from './evidence.js';
import { contractRules } from './contract.js';

export const RULES: readonly Rule[] = [
  ...impactRules,
  ...convictionRules,
  ...ownershipRules,
  ...decisionRules,
  ...tradeoffRules,
  ...quantifiedRules,
  ...concisionRules,
  ...composureRules,
  ...judgmentRules,
  ...evidenceRules,
  ...contractRules,
];

// What documents earn: credit signals the score reads through each rubric's `credit` table.
export { creditSignals, SIGNALS } from './credit.js';
