// The engine's rule contract, for this rule set: document rules read its block facts (facts.ts). Every family file
// imports what a rule is from here.
import type * as Engine from '../engine/rule.js';
import type { BlockFacts } from './facts.js';

export type { BlockInput, BlockRule, CreditReport, RawFinding, RuleMeta, Signal } from '../engine/rule.js';
export type DocInput = Engine.DocInput<BlockFacts>;
export type DocRule = Engine.DocRule<BlockFacts>;
export type Rule = Engine.Rule<BlockFacts>;

/** A rule's documentation page, relative to the package root. */
export const docPath = (id: string): string => `docs/rules/${id}.md`;
