// Custom requests between the Presence client and server. Shared by both sides (types and method names only).
import type { Band, DimensionScore, Severity } from './engine/types.js';

export interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export interface ScoredFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  range: LspRange;
  cost: number;
  /** The dimension it scores in ('rubric' for findings that do not score). */
  dimension: string;
  /** file:// URI of the rule's documentation page. */
  doc?: string;
}

export interface ScoredTopFix {
  ruleId: string;
  title: string;
  gain: number;
  /** The fix inserts placeholders: it wins its points once they are filled in. */
  template: boolean;
  range: LspRange;
  /** Index into `ScoreResult.findings`; the fix is `findings[finding]`'s fix with this title. */
  finding: number;
}

/** `presence/score` and `presence/scoreFile` result. */
export interface ScoreResult {
  uri: string;
  /** Document version analysed (open documents); null for a file read from disk. */
  version: number | null;
  rubric: string;
  words: number;
  overall: number;
  band: Band;
  dimensions: DimensionScore[];
  topFixes: ScoredTopFix[];
  findings: ScoredFinding[];
  explanation?: string;
  /** Weighted credit earned (0–100), before findings, placeholders and caps. */
  credit: number;
  /** Overall points a cap took (a stub, placeholders left to fill). */
  capped: number;
  /** Placeholders left to fill, and the overall points they cost. */
  placeholders: number;
  unfinished: number;
  /** Findings silenced by presence-disable comments. */
  silenced: number;
  /** False when presence-disable-file turns the file off: there is no score. */
  scored: boolean;
  /** One line: how the overall score was computed. */
  formula: string;
}

export interface UriParams {
  uri: string;
}

/** Scores an open document. */
export const ScoreRequest = 'presence/score';
/**
 * Scores a file, open or not (reads it from disk when not open) and publishes its diagnostics. Used by the workspace audit.
 * Returns null for a file that gets no diagnostics (excluded by `presence.exclude`, or `presence.enable` is false).
 */
export const ScoreFileRequest = 'presence/scoreFile';
/** Returns the text edits of every safe fix in the document: `{ uri } → TextEdit[]` (LSP TextEdit). */
export const FixAllRequest = 'presence/fixAll';
/** Lists the rubrics available to a document: `{ uri } → RubricInfo[]`. */
export const RubricsRequest = 'presence/rubrics';
/** Applies one fix of one finding: `{ uri, finding, title } → WorkspaceEdit | null`; used by the score report's buttons. */
export const FixRequest = 'presence/fix';

export interface FixParams extends UriParams {
  finding: number;
  title: string;
  /** The document version the finding index refers to (`ScoreResult.version`); a mismatch returns null. */
  version?: number | null;
}

export interface RubricInfo {
  name: string;
  description: string;
  /** `built-in` or the workspace file's path. */
  source: string;
}

/** Client → server notification: the workspace's trust changed (VS Code `workspace.onDidGrantWorkspaceTrust`). */
export const TrustChangedNotification = 'presence/trustChanged';
export interface TrustChangedParams {
  trusted: boolean;
}

/** `initializationOptions` the client sends. Untrusted workspaces do not load workspace rubrics. */
export interface InitializationOptions {
  workspaceTrusted?: boolean;
}

/** The code action kind of Presence's fix-all (`editor.codeActionsOnSave: { "source.fixAll.presence": "explicit" }`). */
export const FixAllCodeActionKind = 'source.fixAll.presence';

/** `Diagnostic.data` of Presence diagnostics: which finding of which analysed version it shows. */
export interface DiagnosticData {
  /** Document version; null for a file read from disk. */
  version: number | null;
  /** Index into the analysis' findings (the same index as `ScoreResult.findings`). */
  index: number;
}
