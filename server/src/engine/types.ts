// The engine's contracts. Offsets are UTF-16 code units into the original text, [start, end).

export const DIMENSIONS = [
  'impact',
  'conviction',
  'ownership',
  'decision',
  'tradeoffs',
  'quantified',
  'concision',
  'composure',
  'judgment',
  'evidence',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Mechanical and meaning-preserving: may be applied by fix-all without the writer's review. */
  safe: boolean;
}

export interface Related {
  start: number;
  end: number;
  message: string;
}

export interface Finding {
  /** `family/rule`, or `rubric/invalid` for a rubric that could not be used. */
  ruleId: string;
  dimension: Dimension | 'rubric';
  severity: Severity;
  message: string;
  start: number;
  end: number;
  /** Points of the overall score this finding costs (0 for findings that do not score). */
  cost: number;
  fixes: Fix[];
  /** Path of the rule's documentation page relative to the package root, e.g. `docs/rules/conviction/hedge.md`. */
  doc: string;
  related?: Related[];
  /** The flagged text can simply be removed (filler, intensifiers): editors may fade it. */
  unnecessary?: boolean;
  /** About the whole document, shown at its title or opening; the sentence it sits on is not the problem. */
  whole?: boolean;
}

export type Band = 'board-ready' | 'almost there' | 'needs reframing';

export interface DimensionScore {
  dimension: Dimension;
  /** 0–100. */
  score: number;
  /** Relative weight in the overall score (0 when the rubric turns the dimension off). */
  weight: number;
  findings: number;
  /** Points earned (0–100): what the document does for this dimension, before findings subtract. */
  credit: number;
  /** Points the findings take off the credit (their costs within the dimension, before the 0 floor). */
  lost: number;
  /** Findings a presence-disable comment silenced: they cost nothing, and the report says they were silenced. */
  silenced: number;
  /** False when the document holds too little for this dimension to judge; `note` then says so. */
  judged: boolean;
  /** One line on what earned the credit, or why the dimension could not be judged. */
  note: string;
}

export interface TopFix {
  /** Index into `findings`. */
  finding: number;
  ruleId: string;
  title: string;
  /** Overall points this fix would win back (for a template fix, once its placeholders are filled). */
  gain: number;
  /** The fix inserts placeholders: it wins its points only once the writer fills them in. */
  template: boolean;
  start: number;
  end: number;
}

export interface Score {
  /** 0–100, integer. */
  overall: number;
  band: Band;
  dimensions: DimensionScore[];
  topFixes: TopFix[];
  /** Set when the score needs a word of explanation (empty document, only code, truncated). */
  explanation?: string;
  /** Weighted credit (0–100): what the overall would be with no findings, placeholders or cap. */
  credit: number;
  /** Overall points a cap took (a stub, placeholders left); 0 when none. */
  capped: number;
  /** Placeholders left to fill (`[N%]`, `[owner]`): unfinished work, charged to the overall score. */
  placeholders: number;
  /** Overall points the placeholders cost. */
  unfinished: number;
  /** Findings silenced by presence-disable comments, in all dimensions. */
  silenced: number;
  /** Set when the document is too thin to judge: the overall score is capped at this value. */
  cap?: number;
  /** False when the file turns Presence off (presence-disable-file): `overall` is then 0 and means nothing. */
  scored: boolean;
  /** One line: how the overall score is computed from credit, findings and placeholders. */
  formula: string;
}

export interface AnalysisResult {
  findings: Finding[];
  score: Score;
  /** The name of the rubric actually used (after any fallback). */
  rubric: string;
  words: number;
  /** Set when the document was larger than the engine analyses. */
  truncatedAtWords?: number;
  /** Offsets where the text's lines start (`\r\n`, `\r` and `\n` each end a line, as LSP counts them). */
  lineStarts: readonly number[];
}

/** What a caller that can read files hands the engine so front matter may name a rubric by path. */
export interface RubricSource {
  /** Display path (used in error messages). */
  path: string;
  text: string;
  /**
   * Set when the reference names a file that the caller will not read (outside the workspace, a FIFO, not UTF-8…):
   * why, as a phrase that follows the reference ("is outside the workspace folders"). `text` is then empty.
   */
  problem?: string;
}

/** Finds a rubric source by reference; `from` is the path of the rubric whose `extends` names it. */
export type RubricResolver = (ref: string, from?: string) => RubricSource | undefined;

export interface AnalyzeOptions {
  /** Today's date, `YYYY-MM-DD`. The engine has no clock. */
  today: string;
  /**
   * Resolves a rubric reference that is not a built-in name (a workspace rubric name or a relative path).
   * `from` is the `path` of the rubric source whose `extends` names `ref`, undefined when the reference comes
   * from front matter or the caller: a relative path resolves against dirname(from) when given, else against
   * the document's folder. Returns undefined when there is no such rubric.
   */
  resolveRubric?: RubricResolver;
  /** Per-rule or per-family severity overrides from editor settings; `off` disables. */
  severityOverrides?: Record<string, Severity | 'off'>;
  /** Overrides the rubric's stale-evidence threshold. */
  staleAfterMonths?: number;
  /** Words beyond this are not analysed (default 200,000). */
  maxWords?: number;
}
