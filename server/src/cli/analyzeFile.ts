// One file's run: read it, --fix it, analyse it and render its output. The same code on the main thread and on
// the CLI's worker threads, so a file gives the same output wherever it ran.
import { Analyzer, fixAllSafe } from '../presence.js';
import { decodeUtf8, readRegularFileSync } from '../io/readFile.js';
import type { CliOptions } from './args.js';
import { isFailing, render, type Rendered } from './format.js';
import type { CliRubrics, RubricNote } from './rubrics.js';
import { writeFixed } from './write.js';

/** What one file contributes to the run: plain data, so a worker thread can post it to the main thread. */
export interface Outcome {
  rendered?: Rendered;
  /** Scored below --min-score or has an error-severity finding. */
  failing: boolean;
  /** Rubric notes raised while this file was read (printed before its own lines, each key once per run). */
  rubricNotes: RubricNote[];
  /** Lines for stderr about something that was not done (not read, not fixed); each makes the exit code 2. */
  errors: string[];
  /** Lines for stderr that inform without changing the exit code. */
  notes: string[];
}

export function processFile(path: string, opts: CliOptions, rubrics: CliRubrics): Outcome {
  // An Analyzer per file: its block cache pays off across versions of one document (--fix, then the report), not
  // across different files, where it only kept the last files' results alive (a third more time, most of it GC).
  const o = analyzeFile(path, opts, new Analyzer(), rubrics);
  return { ...o, rubricNotes: rubrics.notes.splice(0) };
}

function analyzeFile(path: string, opts: CliOptions, analyzer: Analyzer, rubrics: CliRubrics): Omit<Outcome, 'rubricNotes'> {
  const read = readRegularFileSync(path);
  if (!read.ok) return { failing: false, errors: [`presence: ${path}: ${read.reason}; skipped`], notes: [] };
  if (read.bytes.includes(0))
    return { failing: false, errors: [`presence: ${path}: looks like a binary file, not Markdown; skipped`], notes: [] };
  const errors: string[] = [];
  const notes: string[] = [];
  const decoded = decodeUtf8(read.bytes);
  let text = decoded ?? read.bytes.toString('utf8');
  if (decoded === undefined) {
    // Writing back text decoded with U+FFFD in it would damage every byte that is not UTF-8, not only the fixes.
    if (opts.fix)
      errors.push(
        `presence: ${path}: is not valid UTF-8, so --fix left it unchanged; save it as UTF-8 to fix it (its findings are still reported)`,
      );
    else notes.push(`presence: ${path}: is not valid UTF-8; bytes that are not are read as \uFFFD in the findings`);
  }
  const analyzeOpts = { today: opts.today, resolveRubric: rubrics.forDocument(path, text) };
  let fixed: number | undefined;
  if (opts.fix && decoded !== undefined) {
    const out = fixAllSafe(analyzer, text, opts.rubric, analyzeOpts);
    fixed = out.applied;
    if (out.text !== text) {
      const refused = writeFixed(path, read, Buffer.from(out.text, 'utf8'));
      if (refused) {
        errors.push(`presence: ${path}: ${refused}; the file is unchanged`);
        fixed = 0;
      } else text = out.text;
    }
  }
  const result = analyzer.analyze(text, opts.rubric, analyzeOpts);
  return {
    rendered: render(opts.format, { path, result, fixed }, opts.quiet, opts.minScore),
    failing: isFailing(result, opts.minScore),
    errors,
    notes,
  };
}
