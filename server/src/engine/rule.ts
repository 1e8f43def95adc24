// What a rule is: metadata plus a check over one block (cached per block text) or over the whole document; and
// what a rule set is, which the engine is handed to run.
import type { Dimension, Fix, Related, Severity } from './types.js';
import type { Block, Doc } from '../core/document.js';
import type { Sentence } from '../core/sentences.js';
import type { Rubric } from './rubric.js';
import type { ListMatch } from '../core/phrases.js';
import type { SectionRole } from '../core/sectionRoles.js';

export interface RuleMeta {
  id: string;
  dimension: Dimension;
  title: string;
  /** Default severity; `off` means the rule runs only where a rubric turns it on. */
  severity: Severity | 'off';
  /** Documentation page relative to the package root. */
  doc: string;
  /**
   * The finding marks unfinished work (a placeholder left to fill): it costs the overall score directly rather
   * than one dimension's points, and the score report counts it apart.
   */
  unfinished?: boolean;
  /**
   * The sentence it flags says nothing the reader can use ("Let us know your thoughts", "once everyone is
   * aligned"): it is not substance, so it cannot lift a stub past the sentences a document needs.
   */
  hollow?: boolean;
}

/** One credit signal: what a document does, measured once per analysis. */
export interface Signal {
  /** 0–1: how much of what the signal asks the document does. */
  value: number;
  /** There was something to judge (enough prose, or the thing the signal looks at exists). */
  seen: boolean;
  /** A few words on what was found, for the report. */
  note: string;
  /**
   * For a signal that counts sentences (value = count / target, at most 1): the score takes off the count each
   * sentence that holds a finding (or a silenced one), so a sentence with a problem earns nothing as prose.
   */
  count?: number;
  target?: number;
}

/** Credit signals by name (rubrics name them in their `credit` table), with the amount of prose they saw. */
export interface CreditReport {
  signals: Record<string, Signal>;
  /** Plain prose sentences that earn credit (placeholders excluded). */
  sentences: number;
  /**
   * Of those, the sentences that say something specific: the document's length, for spreading the cost of its
   * findings (sentences that name nothing, padding, do not make a problem cheaper).
   */
  informative: number;
  /** Below this many sentences a document is a stub: its overall score is capped below "almost there". */
  substance: number;
  /** [start, end) of each of those sentences, in document order, as flattened pairs. */
  spans: readonly number[];
  /** Why the document's prose counts for less than its length suggests (shown when it makes the document a stub). */
  note?: string;
}

/** A finding as a rule reports it; analyze() adds severity, cost and the doc link. */
export interface RawFinding {
  rule: string;
  start: number;
  end: number;
  message: string;
  fixes?: Fix[];
  related?: Related[];
  unnecessary?: boolean;
  /** About the whole document ("no ask anywhere"), shown at its title or opening: it marks no sentence as a problem. */
  whole?: boolean;
}

export interface BlockInput {
  /** The whole document text (fixes read original spelling from it). */
  text: string;
  block: Block;
  /** The role of the block's section (alternatives, drawbacks, unresolved…): a hedge there may be the point. */
  role: SectionRole;
  sentences: Sentence[];
  rubric: Rubric;
  /** Every word-list match in the block, in sentence and word order; computed once per block. Read through matchList. */
  matches: ListMatch[];
  /** Results of helpers several rules call on the same block (matchList), so each is computed once; created on first use. */
  memo?: Map<string, unknown>;
}

/** What a document rule reads. `F` is the rule set's per-block facts (RuleSet.facts), opaque to the engine. */
export interface DocInput<F = unknown> {
  text: string;
  doc: Doc;
  rubric: Rubric;
  today: string;
  sentences(block: number): Sentence[];
  /** The rule set's facts of a block (RuleSet.facts), at document offsets. */
  facts(block: number): F;
  /** Total prose words analysed. */
  words: number;
  /** Prose words analysed in one block (0 for a block past the word limit). */
  wordsIn(block: number): number;
  /** Results of helpers several document rules call (section subtrees), so each is computed once. */
  memo: Map<string, unknown>;
  /**
   * A memo kept with the block's cached analysis, across analyses while the block's text, masked text, shape and
   * configuration stay the same (undefined for a block cut at the word limit). Only for what a rule derives from
   * those alone, or checks itself (e.g. anything it read from the rest of the document).
   */
  blockMemo?(block: number): Record<string, unknown> | undefined;
}

export interface BlockRule extends RuleMeta {
  scope: 'block';
  /** Block kinds the rule looks at (default: paragraphs and list items, not headings or table cells). */
  kinds?: ReadonlyArray<Block['kind']>;
  /** Look inside blockquotes too (default: no, quoted text is not the writer's voice). */
  quoted?: boolean;
  check(input: BlockInput, out: RawFinding[]): void;
}

export interface DocRule<F = unknown> extends RuleMeta {
  scope: 'document';
  check(input: DocInput<F>, out: RawFinding[]): void;
}

export type Rule<F = unknown> = BlockRule | DocRule<F>;

/**
 * What the engine runs: rules, and what they compute that the engine only passes along. The engine caches each
 * block's facts with its findings (by block text, shape and configuration) and hands them to the document rules
 * and to `credit`; it never reads them.
 */
export interface RuleSet<F> {
  readonly rules: readonly Rule<F>[];
  /** A block's facts for the document rules, computed once per block after its block rules ran. */
  facts(input: BlockInput): F;
  /** Facts hold offsets from the block start while cached: the same facts with those offsets moved by `base`. */
  moveFacts(facts: F, base: number): F;
  /** The facts of a block that is not analysed (past the word limit). */
  readonly noFacts: F;
  /** What the document earns, for the score: measured once per analysis from the document rules' input. */
  credit(input: DocInput<F>): CreditReport;
  /** The names `credit` reports its signals under, which a rubric's `credit` table may use. */
  readonly signals: readonly string[];
}
