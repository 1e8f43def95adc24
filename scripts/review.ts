// Review as data. Findings over ../shared/corpus are judged by hand and kept in test/review/verdicts*.jsonl, one
// JSON object per line: { doc, rule, quote, verdict: "right" | "wrong" | "debatable", reason }. A verdict belongs
// to a finding by document, rule and quoted text, so it survives edits elsewhere in the rules; a finding with no
// verdict is "new since the review". `npm run eval` reads the verdicts; this script draws the next batch to judge:
//
//   node --import tsx scripts/review.ts sample --n 120 --seed 9 --out test/review/queue-a.jsonl [--rules a,b]
//
// It samples with a fixed seed, stratified by rule and folder so every rule and every folder is represented.
// `outside DIR` scores the blind check on documents from outside the corpus (test/review/outside/README.md).
import { readdirSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, SHARED_DIR } from './repo.ts';
// The same seeded generator as the scorer's cross-validation, so a sample is the same on every machine.
import { seededRandom, shuffle } from './train-uncertainty.ts';
import type { AnalysisResult, AnalyzeOptions, Finding } from '../server/src/engine/types.ts';

export const REVIEW_TODAY = '2026-11-22';
export const REVIEW_DIR = path.join(REPO_ROOT, 'test/review');
export type Verdict = 'right' | 'wrong' | 'debatable';

export interface CorpusFinding {
  /** Path under ../shared/corpus, e.g. `rust-rfcs/0001-private-fields.md`. */
  doc: string;
  folder: string;
  rule: string;
  severity: string;
  /** The flagged text, whitespace collapsed, at most 160 characters. */
  quote: string;
  line: number;
  /** The nearest heading above the finding. */
  heading: string;
  /** The sentence (or the start of the paragraph) with the flagged text marked ⟦…⟧. */
  context: string;
  message: string;
}

export interface VerdictRow {
  doc: string;
  rule: string;
  quote: string;
  verdict: Verdict;
  reason: string;
}

export const keyOf = (x: { doc: string; rule: string; quote: string }): string => `${x.doc}\u0000${x.rule}\u0000${x.quote}`;

export function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...markdownFiles(p));
    else if (name.endsWith('.md') && name !== 'README.md' && name !== 'SOURCE.md' && name !== 'SOURCES.md') out.push(p);
  }
  return out;
}

const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();
export const quoteOf = (text: string, f: Pick<Finding, 'start' | 'end'>): string => collapse(text.slice(f.start, f.end)).slice(0, 160);

function headingAbove(text: string, at: number): string {
  const before = text.slice(0, at);
  const m = [...before.matchAll(/^#{1,6}[ \t]+(.+)$/gm)].pop();
  return m ? collapse(m[1]!) : '';
}

/** The sentence holding the finding, marked; whole lines for findings that span blocks, cut at 500 characters. */
export function contextOf(text: string, f: Pick<Finding, 'start' | 'end'>): string {
  const prev = f.start > 0 ? text.lastIndexOf('\n\n', f.start - 1) : -1;
  const paraStart = prev < 0 ? 0 : prev + 2;
  const next = text.indexOf('\n\n', f.start);
  const paraEnd = next < 0 ? text.length : next;
  let s = paraStart;
  let e = paraEnd;
  const seg = new Intl.Segmenter('en', { granularity: 'sentence' });
  for (const piece of seg.segment(text.slice(paraStart, paraEnd))) {
    const a = paraStart + piece.index;
    const b = a + piece.segment.length;
    if (f.start >= a && f.start < b) {
      s = a;
      e = Math.max(b, Math.min(paraEnd, f.end));
      break;
    }
  }
  const ms = Math.max(s, Math.min(f.start, e));
  const me = Math.max(ms, Math.min(f.end, e));
  const inner = text.slice(ms, me);
  const shownInner = inner.length > 300 ? inner.slice(0, 150) + ' … ' + inner.slice(-100) : inner;
  const out = collapse(text.slice(s, ms) + '⟦' + shownInner + '⟧' + text.slice(me, e));
  return out.length > 500 ? out.slice(0, 500) + '…' : out;
}

export type Analyze = (text: string, rubric: string | undefined, opts: AnalyzeOptions) => AnalysisResult;

export interface CorpusRun {
  findings: CorpusFinding[];
  wordsByFolder: Map<string, number>;
  docsByFolder: Map<string, number>;
}

/** Every finding the default configuration reports over ../shared/corpus (or another folder of folders). */
export function runCorpus(analyze: Analyze, root = path.join(SHARED_DIR, 'corpus')): CorpusRun {
  const findings: CorpusFinding[] = [];
  const wordsByFolder = new Map<string, number>();
  const docsByFolder = new Map<string, number>();
  for (const file of markdownFiles(root)) {
    const doc = path.relative(root, file).split(path.sep).join('/');
    const folder = doc.split('/')[0]!;
    const text = readFileSync(file, 'utf8');
    const r = analyze(text, undefined, { today: REVIEW_TODAY });
    wordsByFolder.set(folder, (wordsByFolder.get(folder) ?? 0) + r.words);
    docsByFolder.set(folder, (docsByFolder.get(folder) ?? 0) + 1);
    for (const f of r.findings) {
      findings.push({
        doc,
        folder,
        rule: f.ruleId,
        severity: f.severity,
        quote: quoteOf(text, f),
        line: text.slice(0, f.start).split('\n').length,
        heading: headingAbove(text, f.start),
        context: contextOf(text, f),
        message: f.message,
      });
    }
  }
  return { findings, wordsByFolder, docsByFolder };
}

/** The rows of every verdict file in `dir`, in file order, each checked for its fields. */
/** Each verdict file of a folder (by name) with its rows in order. */
function verdictFiles(dir: string): Array<{ name: string; rows: VerdictRow[] }> {
  const files: Array<{ name: string; rows: VerdictRow[] }> = [];
  if (!existsSync(dir)) return files;
  for (const name of readdirSync(dir).sort()) {
    if (!/^verdicts.*\.jsonl$/.test(name)) continue;
    const rows: VerdictRow[] = [];
    readFileSync(path.join(dir, name), 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (!line.trim()) return;
        let row: VerdictRow;
        try {
          row = JSON.parse(line) as VerdictRow;
        } catch {
          throw new Error(`${name}:${i + 1}: not JSON`);
        }
        if (!row.doc || !row.rule || typeof row.quote !== 'string' || !['right', 'wrong', 'debatable'].includes(row.verdict) || !row.reason)
          throw new Error(`${name}:${i + 1}: needs doc, rule, quote, verdict (right/wrong/debatable) and reason`);
        rows.push(row);
      });
    files.push({ name, rows });
  }
  return files;
}

function verdictFileRows(dir: string): VerdictRow[] {
  return verdictFiles(dir).flatMap((f) => f.rows);
}

/** Every verdict file's rows; a later row for the same finding replaces an earlier one. */
export function loadVerdicts(dir = REVIEW_DIR): Map<string, VerdictRow> {
  return new Map(verdictFileRows(dir).map((row) => [keyOf(row), row]));
}

/** One blind batch outside the corpus: test/review/outside holds the first, each subfolder another. */
export const OUTSIDE_DIR = path.join(REVIEW_DIR, 'outside');

export interface OutsideTally {
  batches: number;
  /** Per rule, findings as first seen (each on the build its batch was run with), by the reviewers' majority. */
  rules: Map<string, { right: number; wrong: number; debatable: number }>;
}

/**
 * Every outside batch's verdicts, one per finding: right or wrong when more than half its reviewers said so,
 * debatable otherwise. Each reviewer's file has one row per finding, in the order the batch listed them, so the
 * n-th row a file has for a document, rule and quote is that reviewer's verdict on the n-th such finding (a
 * document's three "in order to" are three underlines, each judged). These are first sight: a finding a later fix removed still counts, because a batch
 * judged once is the only measure of how a rule does on text nobody tuned it to.
 */
export function outsideFirstSight(dir = OUTSIDE_DIR): OutsideTally {
  const rules = new Map<string, { right: number; wrong: number; debatable: number }>();
  let batches = 0;
  if (!existsSync(dir)) return { batches, rules };
  const folders = [
    dir,
    ...readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => path.join(dir, e.name)),
  ];
  for (const folder of folders.sort()) {
    const votes = new Map<string, { rule: string; verdicts: VerdictRow['verdict'][] }>();
    for (const { rows } of verdictFiles(folder)) {
      const seen = new Map<string, number>();
      for (const row of rows) {
        const n = seen.get(keyOf(row)) ?? 0;
        seen.set(keyOf(row), n + 1);
        const key = `${keyOf(row)}\u0000${n}`;
        const v = votes.get(key) ?? { rule: row.rule, verdicts: [] };
        v.verdicts.push(row.verdict);
        votes.set(key, v);
      }
    }
    if (votes.size === 0) continue;
    batches++;
    for (const { rule, verdicts } of votes.values()) {
      const count = (x: string) => verdicts.filter((v) => v === x).length;
      const verdict = count('right') * 2 > verdicts.length ? 'right' : count('wrong') * 2 > verdicts.length ? 'wrong' : 'debatable';
      const t = rules.get(rule) ?? { right: 0, wrong: 0, debatable: 0 };
      t[verdict]++;
      rules.set(rule, t);
    }
  }
  return { batches, rules };
}

/** The severity each rule has under the default rubric ("off" for an id no rule has). */
export async function defaultSeverities(): Promise<(ruleId: string) => string> {
  const { RULES, loadRubric, DEFAULT_RUBRIC } = await import('../server/src/presence.ts');
  const rubric = loadRubric(DEFAULT_RUBRIC);
  return (id) => rubric.severities.get(id) ?? RULES.find((r) => r.id === id)?.severity ?? 'off';
}

/** A severity that shows a finding by default: not a hint, not off. */
export const shownByDefault = (severity: string): boolean => severity !== 'hint' && severity !== 'off';

/**
 * n unjudged findings: each rule gets a share proportional to its square root of count (so rare rules are seen and
 * frequent ones do not crowd them out), at least `floor` when it has them; within a rule the folders take turns.
 */
export function sample(pool: readonly CorpusFinding[], n: number, seed: number, floor = 6): CorpusFinding[] {
  const rnd = seededRandom(seed);
  const byRule = new Map<string, CorpusFinding[]>();
  const seen = new Set<string>();
  for (const f of pool) {
    const k = keyOf(f);
    if (seen.has(k)) continue;
    seen.add(k);
    byRule.set(f.rule, [...(byRule.get(f.rule) ?? []), f]);
  }
  const rules = [...byRule.keys()].sort();
  const weight = new Map(rules.map((r) => [r, Math.sqrt(byRule.get(r)!.length)]));
  const total = [...weight.values()].reduce((a, b) => a + b, 0);
  const quota = new Map(rules.map((r) => [r, Math.min(byRule.get(r)!.length, Math.max(floor, Math.round((n * weight.get(r)!) / total)))]));
  const out: CorpusFinding[] = [];
  for (const r of rules) {
    const byFolder = new Map<string, CorpusFinding[]>();
    for (const f of shuffle([...byRule.get(r)!], rnd)) byFolder.set(f.folder, [...(byFolder.get(f.folder) ?? []), f]);
    const folders = [...byFolder.keys()].sort();
    let want = quota.get(r)!;
    while (want > 0) {
      let took = false;
      for (const folder of folders) {
        const f = byFolder.get(folder)!.shift();
        if (!f || want === 0) continue;
        out.push(f);
        want--;
        took = true;
      }
      if (!took) break;
    }
  }
  return shuffle(out, rnd);
}

export interface PrecisionRow {
  rule: string;
  folder: string;
  findings: number;
  right: number;
  wrong: number;
  debatable: number;
  /** Findings with no verdict: new since the review. */
  unjudged: number;
}

/** Verdicts of the findings the rules still report, per rule × folder ('*' = all folders, rule '*' = all rules). */
const emptyRow = (rule: string, folder: string): PrecisionRow => ({
  rule,
  folder,
  findings: 0,
  right: 0,
  wrong: 0,
  debatable: 0,
  unjudged: 0,
});

export function precisionRows(run: CorpusRun, verdicts: Map<string, VerdictRow>, severities?: (rule: string) => string): PrecisionRow[] {
  const rows = new Map<string, PrecisionRow>();
  const seen = new Set<string>();
  const bump = (rule: string, folder: string, v: VerdictRow | undefined, fresh: boolean): void => {
    const k = `${rule}\u0000${folder}`;
    const row = rows.get(k) ?? emptyRow(rule, folder);
    row.findings++;
    // A verdict counts once per distinct finding text, however often the same text recurs.
    if (fresh) {
      if (!v) row.unjudged++;
      else row[v.verdict]++;
    }
    rows.set(k, row);
  };
  for (const f of run.findings) {
    if (severities && severities(f.rule) === 'hint') continue;
    const key = keyOf(f);
    const v = verdicts.get(key);
    const fresh = !seen.has(key);
    seen.add(key);
    bump(f.rule, f.folder, v, fresh);
    bump(f.rule, '*', v, fresh);
    bump('*', f.folder, v, fresh);
    bump('*', '*', v, fresh);
  }
  return [...rows.values()].sort((a, b) =>
    a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : a.folder < b.folder ? -1 : a.folder > b.folder ? 1 : 0,
  );
}

/** Precision rows of one rule from its verdicts alone (for a rule the default rubric turns off: it reports nothing now). */
export function verdictRows(verdicts: Map<string, VerdictRow>, rule: string): PrecisionRow[] {
  const rows = new Map<string, PrecisionRow>();
  for (const v of verdicts.values()) {
    if (v.rule !== rule) continue;
    for (const folder of [v.doc.split('/')[0]!, '*']) {
      const row = rows.get(folder) ?? emptyRow(rule, folder);
      row.findings++;
      row[v.verdict]++;
      rows.set(folder, row);
    }
  }
  return [...rows.values()];
}

export const judged = (r: Pick<PrecisionRow, 'right' | 'wrong' | 'debatable'>): number => r.right + r.wrong + r.debatable;
/** Share judged right; debatable counts as not right. */
export const precisionOf = (r: PrecisionRow): number | undefined => (judged(r) ? r.right / judged(r) : undefined);

export function printPrecision(rows: readonly PrecisionRow[], folders: readonly string[], log: (s: string) => void = console.log): void {
  const cell = (r: PrecisionRow | undefined): string => {
    if (!r) return '—'.padStart(12);
    const p = precisionOf(r);
    return `${p === undefined ? '  –' : `${Math.round(p * 100)}%`.padStart(4)} ${`${r.right}/${judged(r)}`.padStart(7)}`;
  };
  const by = new Map(rows.map((r) => [`${r.rule}\u0000${r.folder}`, r]));
  const rules = [...new Set(rows.map((r) => r.rule))].filter((r) => r !== '*');
  log(`  ${'rule'.padEnd(42)} ${'all'.padStart(12)} ${folders.map((f) => f.slice(0, 12).padStart(12)).join(' ')}  new`);
  for (const rule of [...rules, '*']) {
    const all = by.get(`${rule}\u0000*`);
    log(
      `  ${(rule === '*' ? 'all rules' : rule).padEnd(42)} ${cell(all)} ${folders.map((f) => cell(by.get(`${rule}\u0000${f}`))).join(' ')}  ${all?.unjudged ?? 0}`,
    );
  }
}

const log = (s: string): void => console.log(s);

const DOC_START = '<!-- measured-precision: written by `node --import tsx scripts/review.ts docs` -->';
const DOC_END = '<!-- /measured-precision -->';
const FOLDER_NAMES: Record<string, string> = {
  adrs: 'decision records',
  'asf-cordova-board-reports': 'board reports',
  'hyperledger-toc-project-reports': 'project reports to a technical committee',
  'k8s-annual-reports': 'annual reports to a steering committee',
  'otel-community-roadmap-projects': 'roadmap and project pages',
  'rust-rfcs': 'design proposals (RFCs)',
};

/** The "Measured precision" section of a rule's page, from the review. */
export function precisionSection(
  rule: string,
  severity: string,
  rows: readonly PrecisionRow[],
  docs: number,
  outside: OutsideTally = { batches: 0, rules: new Map() },
): string {
  const mine = rows.filter((r) => r.rule === rule);
  const all = mine.find((r) => r.folder === '*');
  const lines = ['## Measured precision', '', DOC_START, ''];
  if (!all || judged(all) === 0) {
    lines.push(
      `It reported nothing that has been reviewed on the development corpus (${docs} real documents in six genres) with the default settings, so its precision is not measured there yet.`,
    );
  } else {
    const folders = mine
      .filter((r) => r.folder !== '*' && judged(r) > 0)
      .map((r) => `${FOLDER_NAMES[r.folder] ?? r.folder} ${r.right} of ${judged(r)}`);
    lines.push(
      `On the development corpus (${docs} real documents in six genres), ${all.right} of the ${judged(all)} findings it ${severity === 'off' ? 'reported when it was last on by default' : 'reports with the default settings'} were judged right by hand (${Math.round((all.right / judged(all)) * 100)}%)${all.debatable ? `; ${all.debatable} more were debatable` : ''}. By genre: ${folders.join('; ')}.`,
    );
  }
  // The outside figure joins the corpus paragraph: a page stays short enough to read in a hover.
  const away = outside.rules.get(rule);
  const awayJudged = away ? judged(away) : 0;
  if (away && awayJudged > 0)
    lines[lines.length - 1] +=
      ` On ${outside.batches} blind batches of documents from outside that corpus (other projects, the same genres and others; \`test/review/outside/\`), judged the first time each batch was run: ${away.right} of ${awayJudged} right (${Math.round((away.right / awayJudged) * 100)}%).`;
  lines.push('');
  if (severity === 'hint')
    lines.push(
      'Because that is below the 80% a rule needs to be on by default (on the corpus, outside it, or both together), it is a **hint** by default: shown faintly, not in the Problems list nor in the findings-per-1,000-words figures, though the score still counts it. A rubric or the `presence.severity` setting can turn it back on.',
      '',
    );
  // A rule the default rubric turns off for its genre (no-financials, we-not-i) has no verdicts and says nothing here.
  if (severity === 'off' && all && judged(all) > 0)
    lines.push(
      'Because that is far below the 80% a rule needs to be on by default, it is **off** by default, not even a hint. A rubric or the `presence.severity` setting can turn it on.',
      '',
    );
  lines.push(DOC_END);
  return lines.join('\n');
}

async function main(argv: string[]): Promise<void> {
  const arg = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  if (argv[0] !== 'sample' && argv[0] !== 'stats' && argv[0] !== 'docs' && !(argv[0] === 'outside' && argv[1])) {
    console.error(
      "usage: review.ts sample --n N --seed S --out FILE [--rules a,b] [--folders a,b]\n       review.ts stats [--rules a,b]   precision of what the rules report now, per rule and folder\n       review.ts docs   write each rule page's measured precision\n       review.ts outside DIR [--verdicts D]   precision on the documents of test/review/outside/SOURCES.md (or D/SOURCES.md), fetched into DIR",
    );
    process.exit(2);
  }
  const engine = await import('../server/src/presence.ts');
  const a = new engine.Analyzer();
  if (argv[0] === 'outside') {
    // Documents from outside the corpus, judged blind once: a check of how the rules carry over, not a set to tune on.
    const run = runCorpus((t, r, o) => a.analyze(t, r, o), path.resolve(argv[1]!));
    const verdicts = loadVerdicts(arg('verdicts') ? path.resolve(arg('verdicts')!) : path.join(REVIEW_DIR, 'outside'));
    for (const [label, pick] of [
      ['shown by default', (f: CorpusFinding) => f.severity !== 'hint'],
      ['hints', (f: CorpusFinding) => f.severity === 'hint'],
    ] as const) {
      const found = run.findings.filter(pick);
      const judged = found.map((f) => verdicts.get(keyOf(f))?.verdict);
      const right = judged.filter((v) => v === 'right').length;
      const n = judged.filter((v) => v !== undefined).length;
      const words = [...run.wordsByFolder.values()].reduce((x, y) => x + y, 0);
      log(
        `  ${label}: ${right} of ${n} judged right (${n ? Math.round((100 * right) / n) : 0}%), ${found.length - n} not judged; ${((1000 * found.length) / words).toFixed(2)} per 1,000 words`,
      );
    }
    return;
  }
  const run = runCorpus((t, r, o) => a.analyze(t, r, o));
  const verdicts = loadVerdicts();
  if (argv[0] === 'docs') {
    // Every rule page gets its measured precision, replacing the previous figures.
    const rows = precisionRows(run, verdicts);
    const docs = [...run.docsByFolder.values()].reduce((a, b) => a + b, 0);
    const { RULES } = await import('../server/src/presence.ts');
    const severityOf = await defaultSeverities();
    const outside = outsideFirstSight();
    for (const rule of RULES) {
      const file = path.join(REPO_ROOT, rule.doc);
      if (!existsSync(file)) continue;
      const page = readFileSync(file, 'utf8');
      // The severity the default rubric gives it; an "off" rule reports nothing, so its page keeps the verdicts it
      // had when it was last on.
      const effective = severityOf(rule.id);
      const section = precisionSection(rule.id, effective, effective === 'off' ? verdictRows(verdicts, rule.id) : rows, docs, outside);
      const at = page.indexOf('## Measured precision');
      const end = page.indexOf(DOC_END);
      const next =
        at >= 0 && end > at
          ? page.slice(0, at) + section + page.slice(end + DOC_END.length)
          : page.replace(/\n## Turn it off/, `\n${section}\n\n## Turn it off`);
      writeFileSync(file, next.includes('## Measured precision') ? next : `${page.trimEnd()}\n\n${section}\n`);
    }
    // The default severity in the two rule tables (README.md and docs/rules/README.md) follows the rules.
    for (const table of ['README.md', 'docs/rules/README.md']) {
      const file = path.join(REPO_ROOT, table);
      let text = readFileSync(file, 'utf8');
      for (const rule of RULES) {
        // A rule the default rubric turns off keeps the row's hand-written entry ("off (strategy-memo rubric)").
        if (rule.severity === 'off' || severityOf(rule.id) === 'off') continue;
        const row = new RegExp(
          `(\\| \\[\`${rule.id.replace('/', '\\/')}\`\\]\\([^)]*\\) \\|(?: [^|]* \\|)?) (?:error|warning|information|hint) \\|`,
        );
        text = text.replace(row, `$1 ${severityOf(rule.id)} |`);
      }
      writeFileSync(file, text);
    }
    log(`wrote the measured precision of ${RULES.length} rules into docs/rules/, and their default severities into the rule tables`);
    return;
  }
  if (argv[0] === 'stats') {
    const only = arg('rules')?.split(',');
    const folders = [...run.wordsByFolder.keys()].sort();
    const rows = precisionRows(run, verdicts).filter((r) => !only || only.includes(r.rule) || r.rule === '*');
    printPrecision(rows, folders);
    const shown = run.findings.filter((f) => f.severity !== 'hint');
    log(
      `  findings per 1,000 words (hints excluded): ${folders.map((f) => `${f} ${((1000 * shown.filter((x) => x.folder === f).length) / run.wordsByFolder.get(f)!).toFixed(2)}`).join(', ')}`,
    );
    return;
  }
  const rules = arg('rules')?.split(',');
  const folders = arg('folders')?.split(',');
  const pool = run.findings.filter(
    (f) => !verdicts.has(keyOf(f)) && (!rules || rules.includes(f.rule)) && (!folders || folders.includes(f.folder)),
  );
  const picked = sample(pool, Number(arg('n') ?? 100), Number(arg('seed') ?? 1));
  const out = arg('out') ?? path.join(REVIEW_DIR, 'queue.jsonl');
  writeFileSync(out, picked.map((f) => JSON.stringify(f)).join('\n') + '\n');
  console.log(`${picked.length} findings to judge (of ${pool.length} unjudged) → ${path.relative(REPO_ROOT, out)}`);
}

if (/review\.ts$/.test(process.argv[1] ?? '')) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
