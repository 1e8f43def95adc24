// Every rule, by family, and the rule set the engine runs. Adding a rule is adding it to its family's file.
import type { RuleSet } from '../engine/rule.js';
import type { Rule } from './rule.js';
import { blockFacts, moveFacts, NO_FACTS, type BlockFacts } from './facts.js';
import { creditSignals, SIGNALS } from './credit.js';
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

/**
 * The built-in rule set: the rules, the block facts their document rules read, and what a document earns (credit
 * signals the score reads through each rubric's `credit` table).
 */
export const BUILTIN_RULE_SET: RuleSet<BlockFacts> = {
  rules: RULES,
  facts: blockFacts,
  moveFacts,
  noFacts: NO_FACTS,
  credit: creditSignals,
  signals: Object.keys(SIGNALS),
};
