// One analysis of one text, in three steps: the plan (rubric and options from settings, on the main thread), the engine
// run (in the analysis worker), and the join with the line index that every later conversion (diagnostics, code
// actions, hover, score) of the result uses (main thread again).
import type { AnalysisResult, AnalyzeOptions, Finding, RubricResolver } from '../presence.js';
import type { Analyzer } from '../presence.js';
import { engine } from './engine.js';
import { anyMatchesPathOrParent, compileGlob, matchGlobOrParent } from '../core/glob.js';
import { LineIndex } from './positions.js';
import type { Settings } from './settings.js';
import type { WorkspaceRubrics } from './workspaceRubrics.js';
import { relativeInside } from '../io/paths.js';
import { uriToPath } from './paths.js';

export interface Analysed {
  uri: string;
  /** Version of the open document analysed; null for a file read from disk. */
  version: number | null;
  lines: LineIndex;
  result: AnalysisResult;
  /** False when the document is excluded or Presence is disabled for it: it gets no diagnostics. */
  active: boolean;
  /** Identifies the inputs besides the text (settings, rubrics, date); a cached result is reusable only when equal. */
  key: string;
}

/** Local calendar date, `YYYY-MM-DD`: "stale" is judged by the writer's day, not UTC's. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The path settings globs are matched against: workspace-relative when the file is in a folder. */
export function globPath(uri: string, rubrics: WorkspaceRubrics): string {
  const file = uriToPath(uri);
  if (!file) return uri.replace(/^[a-z][a-z0-9+.-]*:\/*/i, '');
  const folder = rubrics.folderOf(file);
  return (folder && relativeInside(folder, file)) ?? file.replace(/\\/g, '/');
}

export function isActive(settings: Settings, relPath: string): boolean {
  // Compiled patterns are cached by the matcher: per keystroke this is a lookup per glob and one walk of the path.
  return (
    settings.enable &&
    !anyMatchesPathOrParent(
      settings.exclude.map((g) => compileGlob(g)),
      relPath,
    )
  );
}

/** Front matter wins inside the engine; otherwise the first matching `rubricByGlob` entry, then `presence.rubric`. */
export function rubricFor(settings: Settings, relPath: string): string {
  for (const [glob, rubric] of Object.entries(settings.rubricByGlob)) {
    if (matchGlobOrParent(glob, relPath)) return rubric;
  }
  return settings.rubric;
}

/**
 * Longer documents (UTF-16 code units) are not analysed at all, only told so. The engine stops analysing after
 * 200,000 words (about 1.2 million characters of prose) but still parses the whole text, and the server indexes and
 * converts all of it, on every change: a 10 MB document held the event loop for 9–20 s, and every other document
 * and request waited behind it.
 */
export const MAX_DOCUMENT_CHARS = 2_000_000;

/**
 * One analysis as plain data, so it can cross to the analysis worker: everything the engine needs except the rubric
 * resolver (which reads files on the main thread and is reached from the worker by a synchronous question).
 */
export interface AnalysisRequest {
  uri: string;
  /** Empty when the document is over MAX_DOCUMENT_CHARS: the engine does not see it at all. */
  text: string;
  rubric: string;
  opts: Omit<AnalyzeOptions, 'resolveRubric'>;
  /** Set when the document is over MAX_DOCUMENT_CHARS: its length in UTF-16 code units. */
  tooLargeChars?: number;
}

export interface Plan {
  request: AnalysisRequest;
  active: boolean;
}

/** Picks the rubric and options from settings (main thread: it knows the workspace folders). */
export function planAnalysis(uri: string, text: string, settings: Settings, rubrics: WorkspaceRubrics): Plan {
  const rel = globPath(uri, rubrics);
  const opts: AnalysisRequest['opts'] = {
    today: localToday(),
    severityOverrides: settings.severity,
    ...(settings.staleAfterMonths !== undefined ? { staleAfterMonths: settings.staleAfterMonths } : {}),
  };
  const tooLarge = text.length > MAX_DOCUMENT_CHARS;
  const request: AnalysisRequest = {
    uri,
    text: tooLarge ? '' : text,
    rubric: rubricFor(settings, rel),
    opts,
    ...(tooLarge ? { tooLargeChars: text.length } : {}),
  };
  return { request, active: isActive(settings, rel) };
}

/** Runs the engine (in the analysis worker). A too-large document gets one information finding, without line starts. */
export function runAnalysis(analyzer: Analyzer, req: AnalysisRequest, resolve: RubricResolver): AnalysisResult {
  if (req.tooLargeChars === undefined) return analyzer.analyze(req.text, req.rubric, { ...req.opts, resolveRubric: resolve });
  const message = `This document is too large for Presence to check: it has ${req.tooLargeChars.toLocaleString('en-US')} characters and Presence checks documents of up to ${MAX_DOCUMENT_CHARS.toLocaleString('en-US')}. Split it into smaller documents to get feedback.`;
  return notice(analyzer, req, resolve, {
    ruleId: 'presence/too-large',
    severity: 'information',
    message,
    doc: 'docs/rules/presence/too-large.md',
  });
}

/**
 * The result for a document whose analysis could not finish (the worker ran out of memory or stopped). Computed on
 * the main thread with an empty text, so it costs nothing whatever the document holds.
 */
export function failedAnalysis(req: AnalysisRequest, resolve: RubricResolver, why: string): AnalysisResult {
  const message = `Presence could not check this document: ${why}. Other documents are still checked, and Presence tries again when this one changes.`;
  return notice(new (engine().Analyzer)(), req, resolve, { ruleId: 'presence/analysis-failed', severity: 'warning', message, doc: '' });
}

/** One finding at the top in place of the document's: the score's shape and any rubric problem come from an empty text. */
function notice(
  analyzer: Analyzer,
  req: AnalysisRequest,
  resolve: RubricResolver,
  f: Pick<Finding, 'ruleId' | 'severity' | 'message' | 'doc'>,
): AnalysisResult {
  const empty = analyzer.analyze('', req.rubric, { ...req.opts, resolveRubric: resolve });
  const finding: Finding = { ...f, dimension: 'rubric', start: 0, end: 0, cost: 0, fixes: [] };
  const findings = [finding, ...empty.findings].sort(engine().byPosition);
  return { ...empty, findings, score: { ...empty.score, topFixes: [], explanation: f.message }, lineStarts: [] };
}

/** Joins an engine result to the text it was computed on (main thread). */
export function toAnalysed(
  uri: string,
  version: number | null,
  text: string,
  result: AnalysisResult,
  active: boolean,
  key: string,
): Analysed {
  // The engine's line starts are reused when it computed them for this very text.
  const lines = result.lineStarts.length > 0 ? new LineIndex(text, result.lineStarts) : new LineIndex(text);
  if (lines.starts !== result.lineStarts) result = { ...result, lineStarts: lines.starts };
  return { uri, version, lines, result, active, key };
}
