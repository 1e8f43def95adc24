// What a rule is: metadata plus a check over one block (cached per block text) or over the whole document.
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
  /** Below this many sentences a document is a stub: its overall score is capped below "almost there". */
  substance: number;
  /** [start, end) of each of those sentences, in document order, as flattened pairs. */
  spans: readonly number[];
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

/** Per-block facts that document rules need, computed once per block text and cached with its findings. */
export interface BlockFacts {
  words: number;
  /** Sentences that recommend, decide or commit: [start, end). */
  recommendations: Array<[number, number]>;
  /** Sentences that ask the reader for something or state a decision. */
  asks: number;
  /** Mentions of a cost, alternative or thing given up. */
  tradeoff: boolean;
  /** Mentions a financial term. */
  financial: boolean;
  /** Holds a number or a placeholder for one. */
  number: boolean;
  /** Marks an option as recommended or preferred. */
  preferred: boolean;
  /** Open questions put to the reader or the team ("Should we…?"): [start, end). */
  questions: Array<[number, number]>;
  /** Cites evidence: a number, a source, a customer or other name. */
  evidence: boolean;
  /** Names a roadmap or priorities (a heading that matches the evidence-heading list). */
  evidenceHeading: boolean;
  /** Words of the chronology opener ("Last week", "First we") that starts the block's first sentence; 0 if none. */
  chronologyOpener: number;
}

export interface DocInput {
  text: string;
  doc: Doc;
  rubric: Rubric;
  today: string;
  sentences(block: number): Sentence[];
  facts(block: number): BlockFacts;
  /** Total prose words analysed. */
  words: number;
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

export interface DocRule extends RuleMeta {
  scope: 'document';
  check(input: DocInput, out: RawFinding[]): void;
}

export type Rule = BlockRule | DocRule;

export const docPath = (id: string): string => `docs/rules/${id}.md`;
