// Text, JSON and SARIF 2.1.0 output for CLI results.
import type { AnalysisResult, Finding } from '../engine/index.js';
import { RULES } from '../engine/index.js';
import { computeLineStarts, lineOf } from '../engine/document.js';

export interface FileResult {
  path: string;
  text: string;
  result: AnalysisResult;
  /** Safe fixes applied by --fix. */
  fixed?: number;
}

/** 1-based line and UTF-16 column of an offset. */
export function lineCol(lineStarts: number[], offset: number): { line: number; column: number } {
  const line = lineOf(lineStarts, offset);
  return { line: line + 1, column: offset - lineStarts[line] + 1 };
}

const bar = (score: number, width = 20): string => '█'.repeat(Math.round((score / 100) * width)).padEnd(width, '·');

export function formatText(files: FileResult[], quiet: boolean, minScore?: number): string {
  const lines: string[] = [];
  for (const f of files) {
    const failing = (minScore !== undefined && f.result.score.overall < minScore) || f.result.findings.some((x) => x.severity === 'error');
    if (quiet && !failing) continue;
    const starts = computeLineStarts(f.text);
    for (const x of f.result.findings) {
      if (quiet && x.severity !== 'error') continue;
      const { line, column } = lineCol(starts, x.start);
      lines.push(`${f.path}:${line}:${column}  ${x.severity.padEnd(11)}  ${x.ruleId.padEnd(38)}  ${x.message}`);
    }
    const s = f.result.score;
    lines.push('');
    lines.push(`${f.path}  score ${s.overall}/100 · ${s.band}  (rubric ${f.result.rubric}, ${f.result.words} words${f.fixed ? `, ${f.fixed} safe fixes applied` : ''})`);
    if (s.explanation) lines.push(`  ${s.explanation}`);
    if (!quiet) {
      for (const d of s.dimensions) {
        if (d.weight === 0) continue;
        lines.push(`  ${d.dimension.padEnd(11)} ${bar(d.score)} ${String(d.score).padStart(3)}  ${d.findings ? `${d.findings} finding${d.findings === 1 ? '' : 's'}` : ''}`);
      }
      if (s.topFixes.length) {
        lines.push('  top fixes:');
        for (const t of s.topFixes.slice(0, 5)) {
          const { line, column } = lineCol(starts, t.start);
          lines.push(`    +${t.gain.toFixed(1).padStart(4)}  ${f.path}:${line}:${column}  ${t.title} (${t.ruleId})`);
        }
      }
    }
    lines.push('');
  }
  return lines.join('\n');
}

function findingJson(starts: number[], x: Finding): object {
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

export function formatJson(files: FileResult[]): string {
  return JSON.stringify(
    files.map((f) => {
      const starts = computeLineStarts(f.text);
      return {
        path: f.path,
        rubric: f.result.rubric,
        words: f.result.words,
        score: f.result.score,
        findings: f.result.findings.map((x) => findingJson(starts, x)),
        ...(f.fixed !== undefined ? { fixed: f.fixed } : {}),
        ...(f.result.truncatedAtWords !== undefined ? { truncatedAtWords: f.result.truncatedAtWords } : {}),
      };
    }),
    null,
    2,
  );
}

const SARIF_LEVEL = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;

export function formatSarif(files: FileResult[], version: string): string {
  const ruleIds = [...RULES.map((r) => r.id), 'rubric/invalid', 'presence/too-large'];
  const index = new Map(ruleIds.map((id, i) => [id, i]));
  const rules = ruleIds.map((id) => {
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
  const results = files.flatMap((f) => {
    const starts = computeLineStarts(f.text);
    return f.result.findings.map((x) => {
      const s = lineCol(starts, x.start);
      const e = lineCol(starts, x.end);
      return {
        ruleId: x.ruleId,
        ruleIndex: index.get(x.ruleId) ?? 0,
        level: SARIF_LEVEL[x.severity],
        message: { text: x.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: f.path.split('\\').join('/') },
              region: { startLine: s.line, startColumn: s.column, endLine: e.line, endColumn: Math.max(e.column, e.line === s.line ? s.column + 1 : 1) },
            },
          },
        ],
        properties: { cost: x.cost, dimension: x.dimension },
      };
    });
  });
  return JSON.stringify(
    {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'Presence', version, informationUri: 'https://github.com/presence-dev/presence', rules } },
          results,
          properties: { scores: files.map((f) => ({ path: f.path, overall: f.result.score.overall, band: f.result.score.band })) },
        },
      ],
    },
    null,
    2,
  );
}
