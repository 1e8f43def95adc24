// One analysis of one text: picks the rubric and options from settings, runs the engine, and keeps the line index
// that every later conversion (diagnostics, code actions, hover, score) of this result uses.
import type { AnalysisResult, Analyzer } from '../engine/index.js';
import { matchGlob } from './glob.js';
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
  return settings.enable && !settings.exclude.some((g) => matchGlob(g, relPath));
}

/** Front matter wins inside the engine; otherwise the first matching `rubricByGlob` entry, then `presence.rubric`. */
export function rubricFor(settings: Settings, relPath: string): string {
  for (const [glob, rubric] of Object.entries(settings.rubricByGlob)) {
    if (matchGlob(glob, relPath)) return rubric;
  }
  return settings.rubric;
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
  const result = analyzer.analyze(text, rubricFor(settings, rel), {
    today: localToday(),
    resolveRubric: rubrics.resolver(uri),
    severityOverrides: settings.severity,
    ...(settings.staleAfterMonths !== undefined ? { staleAfterMonths: settings.staleAfterMonths } : {}),
  });
  return { uri, version, lines: new LineIndex(text), result, active: isActive(settings, rel), key };
}
