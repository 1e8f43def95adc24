// Shared helpers for the rule unit tests: run the engine on a snippet, pick one rule's findings, apply a fix
// and check it, build small Markdown documents, and quote the Apache Cordova board reports verbatim.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze, applyEdits, type AnalysisResult, type Finding, type Fix, type Severity } from '../../../server/src/presence.js';
import { assertOnlyEditsChanged } from '../../support/edits.ts';
import { sharedPath } from '../../../scripts/repo.ts';

/** The fixed "today" of every rule test (the evidence rules measure staleness from it). */
export const TODAY = '2026-11-22';

export interface RunOptions {
  /** Rubric name passed to analyze() (front matter still wins). Undefined: the default rubric. */
  rubric?: string;
  today?: string;
  staleAfterMonths?: number;
  severityOverrides?: Record<string, Severity | 'off'>;
}

export function run(text: string, opts: RunOptions = {}): AnalysisResult {
  return analyze(text, opts.rubric, {
    today: opts.today ?? TODAY,
    ...(opts.staleAfterMonths !== undefined ? { staleAfterMonths: opts.staleAfterMonths } : {}),
    ...(opts.severityOverrides ? { severityOverrides: opts.severityOverrides } : {}),
  });
}

/** The findings of one rule (`family/rule`), in document order. */
export function fires(text: string, ruleId: string, opts: RunOptions = {}): Finding[] {
  return run(text, opts).findings.filter((f) => f.ruleId === ruleId);
}

/** The substrings one rule flags, in document order. */
export function firedText(text: string, ruleId: string, opts: RunOptions = {}): string[] {
  return fires(text, ruleId, opts).map((f) => text.slice(f.start, f.end));
}

/** Rule ids that fire anywhere in the text (sorted, unique). */
export function ruleIds(text: string, opts: RunOptions = {}): string[] {
  return [...new Set(run(text, opts).findings.map((f) => f.ruleId))].sort();
}

/** A Markdown document: blocks separated by blank lines, ending with a newline. */
export function doc(...blocks: string[]): string {
  return blocks.join('\n\n') + '\n';
}

/** A document whose front matter names a rubric (`presence: <name>`). */
export function withRubric(rubric: string, ...blocks: string[]): string {
  return `---\npresence: ${rubric}\n---\n\n` + doc(...blocks);
}

/** A bullet list. */
export function list(...items: string[]): string {
  return items.map((i) => `- ${i}`).join('\n');
}

/**
 * About 45 words of neutral status prose: no ask, recommendation, hedge, vague quantity, date word,
 * financial term or tradeoff word. Document-level rules need a minimum length to run.
 */
export const NEUTRAL =
  'The support team moved to the new help desk tool in the summer. Tickets about invoices went from 120 a week to 45 a week. ' +
  'Two engineers now look after the integration with the help desk, and the old tool is switched off for every region.';

// ---------------------------------------------------------------------------------------------------------------
// Real sentences from the Apache Cordova board reports (Apache License 2.0), quoted verbatim.

const CORPUS_DIR = sharedPath('corpus', 'asf-cordova-board-reports');
const corpusCache = new Map<string, string>();

/** The text of one board report. */
export function corpus(file: string): string {
  let t = corpusCache.get(file);
  if (t === undefined) {
    t = readFileSync(path.join(CORPUS_DIR, file), 'utf8');
    corpusCache.set(file, t);
  }
  return t;
}

/** Returns `sentence` after checking that it appears verbatim in the board report `file`. */
export function quote(file: string, sentence: string): string {
  assert.ok(corpus(file).includes(sentence), `not found verbatim in ${file}: ${sentence}`);
  return sentence;
}

/** A sentence of a document in any corpus folder, checked to appear there verbatim. */
export function quoteIn(folder: string, file: string, sentence: string): string {
  const key = `${folder}/${file}`;
  let t = corpusCache.get(key);
  if (t === undefined) {
    t = readFileSync(sharedPath('corpus', folder, file), 'utf8');
    corpusCache.set(key, t);
  }
  assert.ok(t.includes(sentence), `not found verbatim in ${key}: ${sentence}`);
  return sentence;
}

// ---------------------------------------------------------------------------------------------------------------
// Fixes.

export interface FixCheck {
  /** Which finding of the rule (default: the only one; the check fails when there are several). */
  nth?: number;
  /** Which fix: its index or a substring of its title (default: the first). */
  fix?: number | string;
  /** The exact text after the fix. Required for safe fixes. */
  expected?: string;
  /**
   * The part of the text the fix may touch, [start, end). Everything before and after must come out
   * unchanged. Default: the whole lines the finding spans.
   */
  region?: [number, number];
  /** Expect the fix to be safe (true) or to need review (false). */
  safe?: boolean;
  opts?: RunOptions;
}

function lineRegion(text: string, f: Finding): [number, number] {
  let s = f.start;
  while (s > 0 && text[s - 1] !== '\n') s--;
  let e = f.end;
  while (e < text.length && text[e] !== '\n') e++;
  return [s, e];
}

/**
 * Applies a fix of the one finding of `ruleId` in `text` and checks that (1) the text outside the fix's
 * region (and between its edits) is unchanged, (2) re-analysing the result no longer reports that finding,
 * (3) a safe fix gives exactly `expected` and does not lower the score. Returns the fixed text.
 */
export function checkFix(text: string, ruleId: string, check: FixCheck = {}): { result: string; fix: Fix; finding: Finding } {
  const opts = check.opts ?? {};
  const before = run(text, opts);
  const found = before.findings.filter((f) => f.ruleId === ruleId);
  if (check.nth === undefined)
    assert.equal(found.length, 1, `expected exactly one ${ruleId} finding in ${JSON.stringify(text)}, got ${found.length}`);
  const finding = found[check.nth ?? 0];
  assert.ok(finding, `no ${ruleId} finding #${check.nth ?? 0} in ${JSON.stringify(text)}`);
  const fix =
    typeof check.fix === 'string' ? finding.fixes.find((x) => x.title.includes(check.fix as string)) : finding.fixes[check.fix ?? 0];
  assert.ok(
    fix,
    `${ruleId} offers no fix ${JSON.stringify(check.fix ?? 0)} (fixes: ${finding.fixes.map((x) => x.title).join(' | ') || 'none'})`,
  );
  if (check.safe !== undefined) assert.equal(fix.safe, check.safe, `fix "${fix.title}" safe flag`);

  const result = applyEdits(text, fix.edits);

  // (1) Unchanged outside: every edit lies inside the region, and the text before/after the region and between
  // edits is carried over verbatim.
  const [rs, re] = check.region ?? lineRegion(text, finding);
  const edits = [...fix.edits].sort((a, b) => a.start - b.start);
  for (const e of edits)
    assert.ok(e.start >= rs && e.end <= re, `edit [${e.start}, ${e.end}) of "${fix.title}" leaves the region [${rs}, ${re})`);
  assert.equal(result.slice(0, rs), text.slice(0, rs), 'text before the region changed');
  assert.equal(result.slice(result.length - (text.length - re)), text.slice(re), 'text after the region changed');
  assertOnlyEditsChanged(text, result, fix.edits, `"${fix.title}"`);

  // (2) The finding is gone.
  const after = run(result, opts);
  const left = after.findings.filter((f) => f.ruleId === ruleId);
  assert.equal(left.length, found.length - 1, `${ruleId} still reported after "${fix.title}": ${JSON.stringify(result)}`);

  // (3) Exact result.
  if (fix.safe) assert.ok(check.expected !== undefined, `safe fix "${fix.title}" needs an expected result in the test`);
  if (check.expected !== undefined) assert.equal(result, check.expected);
  if (fix.safe)
    assert.ok(after.score.overall >= before.score.overall, `safe fix lowered the score ${before.score.overall} → ${after.score.overall}`);
  return { result, fix, finding };
}

/** The finding's fixes: title and safe flag, for asserting which fixes a rule offers. */
export function fixTitles(f: Finding): Array<[string, boolean]> {
  return f.fixes.map((x) => [x.title, x.safe]);
}
