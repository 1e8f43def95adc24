// One analysis of one text: picks the rubric and options from settings, runs the engine, and keeps the line index
// that every later conversion (diagnostics, code actions, hover, score) of this result uses.
import type { AnalysisResult, AnalyzeOptions, Analyzer, Finding } from '../engine/index.js';
import { byPosition } from '../engine/index.js';
import { matchGlobOrParent } from '../core/glob.js';
import { LineIndex } from './positions.js';
import type { Settings } from './settings.js';
import type { WorkspaceRubrics } from './workspaceRubrics.js';
import { relativeInside, uriToPath } from './paths.js';

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
  return settings.enable && !settings.exclude.some((g) => matchGlobOrParent(g, relPath));
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

/** The result for a document over MAX_DOCUMENT_CHARS: one information finding, and a score that explains itself. */
function tooLarge(analyzer: Analyzer, rubric: string, opts: AnalyzeOptions, lines: LineIndex): AnalysisResult {
  const chars = lines.text.length;
  const empty = analyzer.analyze('', rubric, opts); // the score's shape and any rubric problem, at no cost
  const message = `This document is too large for Presence to check: it has ${chars.toLocaleString('en-US')} characters and Presence checks documents of up to ${MAX_DOCUMENT_CHARS.toLocaleString('en-US')}. Split it into smaller documents to get feedback.`;
  const finding: Finding = { ruleId: 'presence/too-large', dimension: 'rubric', severity: 'information', message, start: 0, end: 0, cost: 0, fixes: [], doc: 'docs/rules/presence/too-large.md' };
  const findings = [finding, ...empty.findings].sort(byPosition);
  return { ...empty, findings, score: { ...empty.score, topFixes: [], explanation: message }, lineStarts: lines.starts };
}

export function analyseText(
  analyzer: Analyzer,
  uri: string,
  text: string,
  version: number | null,
  settings: Settings,
  rubrics: WorkspaceRubrics,
  key: string,
): Analysed {
  const rel = globPath(uri, rubrics);
  const rubric = rubricFor(settings, rel);
  const opts: AnalyzeOptions = {
    today: localToday(),
    resolveRubric: rubrics.resolver(uri),
    severityOverrides: settings.severity,
    ...(settings.staleAfterMonths !== undefined ? { staleAfterMonths: settings.staleAfterMonths } : {}),
  };
  if (text.length > MAX_DOCUMENT_CHARS) {
    const lines = new LineIndex(text);
    return { uri, version, lines, result: tooLarge(analyzer, rubric, opts, lines), active: isActive(settings, rel), key };
  }
  const result = analyzer.analyze(text, rubric, opts);
  return { uri, version, lines: new LineIndex(text, result.lineStarts), result, active: isActive(settings, rel), key };
}
