// Text, JSON and SARIF 2.1.0 output for CLI results, written one file at a time, so the CLI never holds more than one
// file's analysis (a folder of a thousand memos stays small and fast).
import type { AnalysisResult, Finding } from '../presence.js';
import { RULES } from '../presence.js';
import { lineOf } from '../core/lines.js';

export interface FileResult {
  path: string;
  result: AnalysisResult;
  /** Safe fixes applied by --fix. */
  fixed?: number;
}

/** 1-based line and UTF-16 column of an offset. */
export function lineCol(lineStarts: readonly number[], offset: number): { line: number; column: number } {
  const line = lineOf(lineStarts, offset);
  return { line: line + 1, column: offset - lineStarts[line] + 1 };
}

const bar = (score: number, width = 20): string => '█'.repeat(Math.round((score / 100) * width)).padEnd(width, '·');
/** Points with one decimal under 10 ("1.6"), whole above. */
const points = (n: number): string => (n >= 10 ? String(Math.round(n)) : String(Math.round(n * 10) / 10));

/**
 * Output in two steps: `render` turns one file into pieces (pure, nothing carried between files), and a `Stitcher`
 * joins the pieces of all files in order, adding what depends on position (headers, separators, the SARIF footer).
 */
export interface Rendered {
  pieces: string[];
  score: { path: string; overall: number; band: string };
}

export type Format = 'text' | 'json' | 'sarif';

export function render(format: Format, f: FileResult, quiet: boolean, minScore?: number): Rendered {
  const score = { path: f.path, overall: f.result.score.overall, band: f.result.score.band };
  if (format === 'json') return { pieces: [jsonFile(f)], score };
  if (format === 'sarif') return { pieces: sarifResults(f), score };
  const text = formatTextFile(f, quiet, minScore);
  return { pieces: text ? [text] : [], score };
}

export interface Stitcher {
  file(r: Rendered): string;
  end(): string;
}

export function stitcher(format: Format, version: string): Stitcher {
  if (format === 'json') {
    let count = 0;
    return {
      // One compact line per file: a folder of a thousand memos is tens of megabytes, and pretty-printing doubles it.
      file: (r) => `${count++ === 0 ? '[\n' : ',\n'}${r.pieces[0]}`,
      end: () => (count === 0 ? '[]\n' : '\n]\n'),
    };
  }
  if (format === 'sarif') return sarifStitcher(version);
  return { file: (r) => r.pieces.join(''), end: () => '' };
}

/** Exit code 1 material: below --min-score, or an error-severity finding. */
export function isFailing(result: AnalysisResult, minScore?: number): boolean {
  // A file that turns Presence off (presence-disable-file) has no score to hold against --min-score.
  return (
    (minScore !== undefined && result.score.scored && result.score.overall < minScore) ||
    result.findings.some((x) => x.severity === 'error')
  );
}

function formatTextFile(f: FileResult, quiet: boolean, minScore?: number): string {
  const lines: string[] = [];
  if (quiet && !isFailing(f.result, minScore)) return '';
  const starts = f.result.lineStarts;
  for (const x of f.result.findings) {
    if (quiet && x.severity !== 'error') continue;
    const { line, column } = lineCol(starts, x.start);
    lines.push(
      `${f.path}:${line}:${column}  ${x.severity.padEnd(11)}  ${x.ruleId.padEnd(38)}  ${x.message}${x.cost > 0 ? `  (−${points(x.cost)})` : ''}`,
    );
  }
  const s = f.result.score;
  lines.push('');
  const extra = [`rubric ${f.result.rubric}`, `${f.result.words} words`, f.fixed ? `${f.fixed} safe fixes applied` : '']
    .filter(Boolean)
    .join(', ');
  if (!s.scored) lines.push(`${f.path}  no score  (${extra})`);
  else lines.push(`${f.path}  score ${s.overall}/100 · ${s.band}  (${extra})`);
  if (s.explanation) lines.push(`  ${s.explanation}`);
  if (s.scored && f.result.words > 0) lines.push(`  ${s.formula}`);
  if (s.placeholders > 0) lines.push(`  ${s.placeholders} placeholder${s.placeholders === 1 ? '' : 's'} to fill`);
  if (!quiet) {
    for (const d of s.dimensions) {
      if (d.weight === 0) continue;
      const detail = [
        `credit ${d.credit}`,
        d.lost > 0 ? `−${points(d.lost)} for ${d.findings} finding${d.findings === 1 ? '' : 's'}` : '',
        d.silenced ? `${d.silenced} silenced` : '',
        d.judged ? '' : 'not enough text to judge',
      ]
        .filter(Boolean)
        .join(' · ');
      lines.push(`  ${d.dimension.padEnd(11)} ${bar(d.score)} ${String(d.score).padStart(3)}  ${detail}`);
    }
    if (s.topFixes.length) {
      lines.push('  top fixes:');
      for (const t of s.topFixes.slice(0, 5)) {
        const { line, column } = lineCol(starts, t.start);
        lines.push(
          `    +${t.gain.toFixed(1).padStart(4)}  ${f.path}:${line}:${column}  ${t.title} (${t.ruleId})${t.template ? ' — once you fill in its placeholders' : ''}`,
        );
      }
    }
  }
  lines.push('', '');
  return lines.join('\n');
}

/** `value` as pretty JSON placed after a key at depth `indent`: every line but the first indented by `indent` more spaces. */
function nested(value: unknown, indent: string): string {
  return JSON.stringify(value, null, 2).split('\n').join(`\n${indent}`);
}

function findingJson(starts: readonly number[], x: Finding): object {
  const s = lineCol(starts, x.start);
  const e = lineCol(starts, x.end);
  return {
    ruleId: x.ruleId,
    dimension: x.dimension,
    severity: x.severity,
    message: x.message,
    start: x.start,
    end: x.end,
    line: s.line,
    column: s.column,
    endLine: e.line,
    endColumn: e.column,
    cost: x.cost,
    doc: x.doc,
    fixes: x.fixes,
    ...(x.related ? { related: x.related } : {}),
  };
}

function jsonFile(f: FileResult): string {
  const starts = f.result.lineStarts;
  return JSON.stringify({
    path: f.path,
    rubric: f.result.rubric,
    words: f.result.words,
    score: f.result.score,
    findings: f.result.findings.map((x) => findingJson(starts, x)),
    ...(f.fixed !== undefined ? { fixed: f.fixed } : {}),
    ...(f.result.truncatedAtWords !== undefined ? { truncatedAtWords: f.result.truncatedAtWords } : {}),
  });
}

/**
 * A path as a SARIF artifactLocation.uri, which must be a URI reference (RFC 3986): each segment percent-encoded
 * (`my memo #1 100%.md` → `my%20memo%20%231%20100%25.md`, where a raw `#` would start a fragment and `%` an
 * escape), relative paths kept relative (code scanning resolves them against the repository), absolute ones as
 * file:// URIs.
 */
function artifactUri(path: string): string {
  const p = path.split('\\').join('/');
  const encode = (segments: string[]): string => segments.map((x) => encodeURIComponent(x)).join('/');
  const drive = /^([A-Za-z]):\//.exec(p);
  if (drive) return `file:///${drive[1]}:/${encode(p.slice(3).split('/'))}`;
  if (p.startsWith('/')) return `file://${encode(p.split('/'))}`;
  return encode(p.split('/'));
}

const SARIF_LEVEL = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;

const RULE_IDS = [...RULES.map((r) => r.id), 'rubric/invalid', 'presence/too-large'];
const RULE_INDEX = new Map(RULE_IDS.map((id, i) => [id, i]));

/** The SARIF results of one file, one compact JSON object each. */
function sarifResults(f: FileResult): string[] {
  const starts = f.result.lineStarts;
  return f.result.findings.map((x) => {
    const s = lineCol(starts, x.start);
    const e = lineCol(starts, x.end);
    return JSON.stringify({
      ruleId: x.ruleId,
      ruleIndex: RULE_INDEX.get(x.ruleId) ?? 0,
      level: SARIF_LEVEL[x.severity],
      message: { text: x.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: artifactUri(f.path) },
            region: {
              startLine: s.line,
              startColumn: s.column,
              endLine: e.line,
              endColumn: Math.max(e.column, e.line === s.line ? s.column + 1 : 1),
            },
          },
        },
      ],
      properties: { cost: x.cost, dimension: x.dimension },
    });
  });
}

/** One SARIF 2.1.0 log with one run; results are written as files arrive, scores in the run's properties at the end. */
function sarifStitcher(version: string): Stitcher {
  const rules = RULE_IDS.map((id) => {
    const meta = RULES.find((r) => r.id === id);
    return {
      id,
      name: id.replace(/[/-](\w)/g, (_, c: string) => c.toUpperCase()),
      shortDescription: { text: meta?.title ?? (id === 'rubric/invalid' ? 'Rubric could not be used' : 'Document too large') },
      helpUri: `https://github.com/presence-dev/presence/blob/main/${meta?.doc ?? `docs/rules/${id}.md`}`,
      defaultConfiguration: { level: meta && meta.severity !== 'off' ? SARIF_LEVEL[meta.severity] : 'note' },
      properties: { dimension: meta?.dimension ?? 'rubric' },
    };
  });
  const driver = { name: 'Presence', version, informationUri: 'https://github.com/presence-dev/presence', rules };
  const scores: Rendered['score'][] = [];
  let results = 0;
  let started = false;
  const header = (): string => {
    started = true;
    return `{\n  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",\n  "version": "2.1.0",\n  "runs": [\n    {\n      "tool": {\n        "driver": ${nested(driver, '        ')}\n      },\n      "results": [`;
  };
  return {
    file(r) {
      let out = started ? '' : header();
      scores.push(r.score);
      for (const piece of r.pieces) out += `${results++ === 0 ? '\n' : ',\n'}        ${piece}`;
      return out;
    },
    end() {
      const head = started ? '' : header();
      return `${head}${results ? '\n      ' : ''}],\n      "properties": {\n        "scores": ${nested(scores, '        ')}\n      }\n    }\n  ]\n}\n`;
    },
  };
}
