// Quality measurement: `npm run eval` (= build, then `node --import tsx scripts/eval.ts`).
//
//   a) uncertainty: the hedge set (../shared/eval/hedge-wiki-dev.csv), one sentence per document; a sentence
//      is detected when a conviction, ownership or quantified finding lies inside it. Baselines: write-good
//      (all default checks; weasel only). Rules that call the learned scorer are measured with out-of-fold
//      models (honest), and also as shipped (in-sample) and without the scorer. The scorer alone: 5-fold CV
//      (pooled and nested threshold) next to its in-sample figures.
//   b) passive: ../shared/eval/passive-dev.csv, findPassives (≥ 1 span) against write-good's passive check.
//   c) corpus: findings per 1,000 words per rule over ../shared/corpus/**/*.md, and random (seeded) example
//      sentences per rule in bench/corpus-samples.md for false-positive review.
//   e) review: precision per rule and per folder from the hand-judged verdicts in test/review/ (scripts/review.ts),
//      findings per 1,000 words per folder, the findings new since the review, and the issue's targets.
//   d) timing: analyze() of a generated 10,000-word memo, median of 30 runs after 10 warm-ups; write-good on
//      the same text; the scorer's cost per word.
//   f) calibration: Spearman's rho between the overall score and blind ratings, and the bands against the
//      ratings, from test/calibration/ratings.jsonl when it exists ("no ratings yet" otherwise).
//
// Writes bench/eval-results.json. Exit 2 when ../shared is missing, 1 when a section failed.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  crossValidate,
  CV_SEED,
  MIN_PRECISION,
  loadLabelled,
  prf,
  seededRandom,
  shuffle,
  stratifiedFolds,
  toModelFile,
  tokenizeAll,
  train,
  type Prf,
  type TrainOptions,
} from './train-uncertainty.ts';
import {
  scoreUncertainty,
  swapUncertaintyModelForEvaluation,
  tokenizeLower,
  tokenizeWithOffsets,
  UNCERTAINTY_THRESHOLD,
  type UncertaintyModelFile,
} from '../server/src/rules/uncertainty.ts';
import type { AnalysisResult, AnalyzeOptions, Finding } from '../server/src/engine/types.ts';
import { REPO_ROOT, SHARED_DIR } from './repo.ts';
import {
  defaultSeverities,
  judged,
  loadVerdicts,
  outsideFirstSight,
  precisionOf,
  precisionRows,
  printPrecision,
  runCorpus,
  shownByDefault,
  type PrecisionRow,
} from './review.ts';
import { calibrate, HOLDOUTS, interRater, meanRatings, RATER_FILES, readRatings, type Calibration, type Rating } from './calibration.ts';

const TODAY = '2026-11-22';
const RUBRIC = 'executive';
// Issue 9: the uncertainty set measures the conviction family only (vague quantities are another quality).
const HEDGE_DIMENSIONS = new Set<string>(['conviction']);
/** Issue 9's target for the conviction family on the hedge set: this precision, and F1 above write-good's. */
const HEDGE_MIN_PRECISION = 0.75;
const WHAT_IF_THRESHOLD = 0.7;

const repoRoot = REPO_ROOT;
const shared = SHARED_DIR;
const rel = (p: string): string => path.relative(repoRoot, p) || '.';

type Analyze = (text: string, rubric: string | undefined, opts: AnalyzeOptions) => AnalysisResult;
/**
 * A fresh analyzer each call. The engine caches block results per analyzer, so reusing one would replay
 * cached findings across scorer swaps and turn timing runs into cache hits.
 */
type NewAnalyzer = () => Analyze;
type FindPassives = (text: string) => { start: number; end: number; agentless: boolean }[];
interface WriteGoodSuggestion {
  index: number;
  offset: number;
  reason: string;
}
type WriteGood = (text: string, opts?: Record<string, boolean>) => WriteGoodSuggestion[];

const WG_CHECKS = ['weasel', 'illusion', 'so', 'thereIs', 'passive', 'adverb', 'tooWordy', 'cliches'] as const;
/** write-good options that leave only `keep` on. */
const only = (keep: (typeof WG_CHECKS)[number]): Record<string, boolean> => Object.fromEntries(WG_CHECKS.map((c) => [c, c === keep]));

type Figures = Pick<Prf, 'precision' | 'recall' | 'f1' | 'tp' | 'fp' | 'fn'>;
const figures = (p: Prf): Figures => ({
  precision: round(p.precision),
  recall: round(p.recall),
  f1: round(p.f1),
  tp: p.tp,
  fp: p.fp,
  fn: p.fn,
});
const round = (x: number, d = 4): number => Math.round(x * 10 ** d) / 10 ** d;
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

const errors: string[] = [];
function fail(section: string, e: unknown): void {
  const msg = `${section}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
  errors.push(msg);
  console.error(`✖ ${msg}`);
}

async function loadEngine(): Promise<NewAnalyzer | undefined> {
  try {
    const engine = await import('../server/src/presence.ts');
    return () => {
      const a = new engine.Analyzer();
      return (text, rubric, opts) => a.analyze(text, rubric, opts);
    };
  } catch (e) {
    fail('engine', new Error(`cannot load server/src/presence.ts (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`));
    return undefined;
  }
}

async function loadFindPassives(): Promise<FindPassives | undefined> {
  try {
    const mod = (await import('../server/src/rules/passive.ts')) as { findPassives?: FindPassives };
    if (typeof mod.findPassives !== 'function') throw new Error('server/src/rules/passive.ts does not export findPassives(text)');
    return mod.findPassives;
  } catch (e) {
    fail(
      'passive',
      new Error(
        `findPassives is not available: server/src/rules/passive.ts must export findPassives(text: string): { start; end; agentless }[] (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`,
      ),
    );
    return undefined;
  }
}

/** Rule ids of the findings that count for the hedge set and lie inside the sentence. */
function hedgeRules(result: AnalysisResult, length: number): string[] {
  return [
    ...new Set(
      result.findings
        .filter((f) => HEDGE_DIMENSIONS.has(f.dimension) && f.start >= 0 && f.end <= length && f.start <= f.end)
        .map((f) => f.ruleId),
    ),
  ];
}

// ---------------------------------------------------------------------------------------------
// a) uncertainty

interface RuleRow {
  ruleId: string;
  fired: number;
  tp: number;
  precision: number;
}

/** Rule ids per sentence (hedge dimensions only) and the per-rule table. */
function runEngine(analyze: Analyze, texts: readonly string[], indices: Iterable<number>, into: string[][]): void {
  for (const i of indices) into[i] = hedgeRules(analyze(texts[i]!, RUBRIC, { today: TODAY }), texts[i]!.length);
}

function perRuleTable(rules: readonly string[][], gold: readonly boolean[]): RuleRow[] {
  const perRule = new Map<string, { fired: number; tp: number }>();
  rules.forEach((rs, i) => {
    for (const r of rs) {
      const row = perRule.get(r) ?? { fired: 0, tp: 0 };
      row.fired++;
      if (gold[i]) row.tp++;
      perRule.set(r, row);
    }
  });
  return [...perRule]
    .map(([ruleId, r]) => ({ ruleId, fired: r.fired, tp: r.tp, precision: round(r.tp / r.fired, 3) }))
    .sort((a, b) => b.fired - a.fired || (a.ruleId < b.ruleId ? -1 : 1));
}

async function evalHedge(newAnalyzer: NewAnalyzer | undefined, writeGood: WriteGood): Promise<Record<string, unknown>> {
  const file = path.join(shared, 'eval/hedge-wiki-dev.csv');
  const data = loadLabelled(file, 'uncertain');
  const gold = data.map((d) => d.label);
  const texts = data.map((d) => d.text);
  const all = gold.map((_, i) => i);
  const out: Record<string, unknown> = { file: rel(file), sentences: data.length, positives: gold.filter(Boolean).length };

  const shipped = JSON.parse(readFileSync(path.join(repoRoot, 'rubrics/data/uncertainty-model.json'), 'utf8')) as UncertaintyModelFile;
  const training = shipped.training as { options?: TrainOptions } | undefined;
  if (!training?.options) throw new Error('rubrics/data/uncertainty-model.json has no training.options: run scripts/train-uncertainty.ts');
  const options = training.options;
  const words = tokenizeAll(texts);

  // The engine three ways. Rules that call the scorer would be measured on the scorer's own training
  // sentences if run as shipped, so the headline figure swaps in, for each fold, a model trained on the
  // other four folds (the same folds as the scorer's CV).
  // The engine's honest rule ids per sentence, kept for the what-if below.
  let honestRules: string[][] | undefined;
  if (newAnalyzer) {
    try {
      const t0 = performance.now();
      const honest: string[][] = new Array<string[]>(data.length);
      honestRules = honest;
      const folds = stratifiedFolds(gold, 5, CV_SEED);
      for (let k = 0; k < 5; k++) {
        const model = train(
          words,
          gold,
          all.filter((i) => folds[i] !== k),
          options,
        );
        const restore = swapUncertaintyModelForEvaluation(toModelFile(model, UNCERTAINTY_THRESHOLD));
        try {
          runEngine(
            newAnalyzer(),
            texts,
            all.filter((i) => folds[i] === k),
            honest,
          );
        } finally {
          restore();
        }
      }
      const asShipped: string[][] = new Array<string[]>(data.length);
      runEngine(newAnalyzer(), texts, all, asShipped);
      const noScorer: string[][] = new Array<string[]>(data.length);
      const restore = swapUncertaintyModelForEvaluation({ ...shipped, bias: -50, features: [], weights: [] });
      try {
        runEngine(newAnalyzer(), texts, all, noScorer);
      } finally {
        restore();
      }
      // Whether the scorer reaches the engine's rules at all (it would not if they held another module instance).
      out.engineUsesScorer = asShipped.some((r, i) => r.join() !== noScorer[i]!.join());
      if (!out.engineUsesScorer)
        console.warn('  note: no engine rule reacts to the uncertainty scorer (not wired yet?); the three engine rows are equal.');
      out.presence = figures(
        prf(
          honest.map((r) => r.length > 0),
          gold,
        ),
      );
      out.presenceInSampleScorer = figures(
        prf(
          asShipped.map((r) => r.length > 0),
          gold,
        ),
      );
      out.presenceWithoutScorer = figures(
        prf(
          noScorer.map((r) => r.length > 0),
          gold,
        ),
      );
      out.presencePerRule = perRuleTable(honest, gold);
      // What-if: the honest figures with one rule left out (which rules cost precision on this set).
      out.presenceWithoutRule = [...new Set(honest.flat())].sort().map((ruleId) => ({
        ruleId,
        ...figures(
          prf(
            honest.map((rs) => rs.some((r) => r !== ruleId)),
            gold,
          ),
        ),
      }));
      // What the precision target implies: with a family's false positives as they are (the quantified family's come
      // from word lists, not the scorer), P ≥ MIN_PRECISION needs at least fp · P / (1 − P) true positives even if
      // no other detection were wrong.
      out.falsePositiveFloor = [...HEDGE_DIMENSIONS].map((family) => {
        const certainFlagged = honest.filter((rs, i) => !gold[i] && rs.some((r) => r.startsWith(family + '/'))).length;
        const tpNeeded = Math.ceil((certainFlagged * MIN_PRECISION) / (1 - MIN_PRECISION));
        return { family, certainFlagged, tpNeeded, recallNeeded: round(tpNeeded / Math.max(1, out.positives as number), 3) };
      });
      out.presenceSeconds = round((performance.now() - t0) / 1000, 1);
    } catch (e) {
      fail('hedge/engine', e);
    }
  }

  // Baselines.
  out.writeGoodAll = figures(
    prf(
      texts.map((t) => writeGood(t).length > 0),
      gold,
    ),
  );
  out.writeGoodWeasel = figures(
    prf(
      texts.map((t) => writeGood(t, only('weasel')).length > 0),
      gold,
    ),
  );

  // The learned scorer alone.
  const t0 = performance.now();
  const cv = crossValidate(words, gold, options, true, 5, CV_SEED);
  const inSample = prf(
    words.map((w) => scoreUncertainty(w).probability >= UNCERTAINTY_THRESHOLD),
    gold,
  );
  const thresholds = [0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8].map((t) => ({
    threshold: t,
    ...figures(
      prf(
        cv.oof.map((p) => p >= t),
        gold,
      ),
    ),
  }));
  out.model = {
    threshold: UNCERTAINTY_THRESHOLD,
    cvThresholdReproduced: round(cv.threshold, 3),
    options,
    cv5Pooled: figures(cv.pooled),
    cv5Nested: figures(cv.nested),
    cv5AtShippedThreshold: figures(
      prf(
        cv.oof.map((p) => p >= UNCERTAINTY_THRESHOLD),
        gold,
      ),
    ),
    inSample: figures(inSample),
    cvByThreshold: thresholds,
    cvSeconds: round((performance.now() - t0) / 1000, 1),
  };
  // Two reference points for reading the figures. Flagging every sentence: on a set that is 29% uncertain its F1 is
  // already about 0.45. And what the conviction family would score if a rule reported every sentence the scorer rates
  // at or above WHAT_IF_THRESHOLD, whatever its cue (no such rule ships: on the memo corpus most of those sentences are
  // "some"/"many" or a technical "probably", see the README's quality section).
  out.flagEverything = figures(
    prf(
      gold.map(() => true),
      gold,
    ),
  );
  if (honestRules)
    out.whatIfScorerRule = {
      threshold: WHAT_IF_THRESHOLD,
      ...figures(
        prf(
          honestRules.map((r, i) => r.length > 0 || cv.oof[i]! >= WHAT_IF_THRESHOLD),
          gold,
        ),
      ),
    };
  return out;
}

// ---------------------------------------------------------------------------------------------
// b) passive

function evalPassive(findPassives: FindPassives | undefined, writeGood: WriteGood): Record<string, unknown> {
  const file = path.join(shared, 'eval/passive-dev.csv');
  const data = loadLabelled(file, 'passive');
  const gold = data.map((d) => d.label);
  const out: Record<string, unknown> = { file: rel(file), sentences: data.length, positives: gold.filter(Boolean).length };
  if (findPassives) {
    try {
      out.presence = figures(
        prf(
          data.map((d) => findPassives(d.text).length > 0),
          gold,
        ),
      );
    } catch (e) {
      fail('passive/findPassives', e);
    }
  }
  out.writeGoodPassive = figures(
    prf(
      data.map((d) => writeGood(d.text, only('passive')).length > 0),
      gold,
    ),
  );
  return out;
}

// ---------------------------------------------------------------------------------------------
// c) corpus

function markdownFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) return markdownFiles(p);
      return name.endsWith('.md') ? [p] : [];
    });
}

/** The sentence (within its paragraph) around a finding, with the flagged text marked ⟦…⟧. */
function sampleSentence(text: string, f: Finding): string {
  const prevBreak = f.start > 0 ? text.lastIndexOf('\n\n', f.start - 1) : -1;
  const paraStart = prevBreak < 0 ? 0 : prevBreak + 2;
  const nextBreak = text.indexOf('\n\n', f.start);
  const paraEnd = nextBreak < 0 ? text.length : nextBreak;
  const para = text.slice(paraStart, paraEnd);
  let s = 0;
  let e = para.length;
  const seg = new Intl.Segmenter('en', { granularity: 'sentence' });
  for (const piece of seg.segment(para)) {
    const a = paraStart + piece.index;
    const b = a + piece.segment.length;
    if (f.start >= a && f.start < b) {
      s = piece.index;
      e = Math.max(piece.index + piece.segment.length, Math.min(para.length, f.end - paraStart));
      break;
    }
  }
  const ms = Math.max(paraStart + s, Math.min(f.start, paraStart + e));
  const me = Math.max(ms, Math.min(f.end, paraStart + e));
  let out = text.slice(paraStart + s, ms) + '⟦' + text.slice(ms, me) + '⟧' + text.slice(me, paraStart + e);
  out = out.replace(/\s+/g, ' ').trim();
  return out.length > 400 ? out.slice(0, 400) + '…' : out;
}

function evalCorpus(newAnalyzer: NewAnalyzer | undefined): Record<string, unknown> {
  const dir = path.join(shared, 'corpus');
  const files = markdownFiles(dir);
  let words = 0;
  const counts = new Map<string, number>();
  const examples = new Map<string, { file: string; line: number; sentence: string; message: string }[]>();
  const t0 = performance.now();
  // The scorer alone, before it is wired into a rule: sentences (by paragraph, Intl.Segmenter, ≥ 4 words) at or above threshold.
  const scorer = { sentences: 0, flagged: 0, examples: [] as { file: string; line: number; sentence: string; probability: number }[] };
  const seg = new Intl.Segmenter('en', { granularity: 'sentence' });
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const para of text.matchAll(/[^\n]+(?:\n[^\n]+)*/g)) {
      for (const piece of seg.segment(para[0])) {
        const toks = tokenizeWithOffsets(piece.segment);
        if (toks.length < 4) continue;
        scorer.sentences++;
        const r = scoreUncertainty(toks.map((t) => t.lower));
        if (r.probability < UNCERTAINTY_THRESHOLD) continue;
        scorer.flagged++;
        const at = para.index + piece.index;
        const cue = toks[r.cue];
        const marked = cue
          ? piece.segment.slice(0, cue.start) + '⟦' + piece.segment.slice(cue.start, cue.end) + '⟧' + piece.segment.slice(cue.end)
          : piece.segment;
        scorer.examples.push({
          file: rel(file),
          line: text.slice(0, at).split('\n').length,
          sentence: marked.replace(/\s+/g, ' ').trim().slice(0, 400),
          probability: round(r.probability, 2),
        });
      }
    }
  }
  if (!newAnalyzer) return { dir: rel(dir), files: files.length, scorer: { sentences: scorer.sentences, flagged: scorer.flagged } };
  const analyze = newAnalyzer();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const r = analyze(text, undefined, { today: TODAY });
    words += r.words;
    for (const f of r.findings) {
      counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
      const line = text.slice(0, f.start).split('\n').length;
      const list = examples.get(f.ruleId) ?? [];
      list.push({ file: rel(file), line, sentence: sampleSentence(text, f), message: f.message });
      examples.set(f.ruleId, list);
    }
  }
  const ms = performance.now() - t0;
  const perRule = [...counts]
    .map(([ruleId, n]) => ({ ruleId, findings: n, per1000Words: round((n * 1000) / Math.max(1, words), 2) }))
    .sort((a, b) => b.per1000Words - a.per1000Words || (a.ruleId < b.ruleId ? -1 : 1));

  // Up to 5 seeded random examples per rule, for false-positive review.
  const rnd = seededRandom(45);
  const md: string[] = [
    '# Corpus samples',
    '',
    `Generated by \`npm run eval\` from ${files.length} files in \`${rel(dir)}\` (${words.toLocaleString('en-US')} words), today = ${TODAY}.`,
    'Up to five random (seeded) findings per rule; the flagged text is marked ⟦…⟧. Review for false positives.',
    '',
  ];
  for (const row of perRule) {
    const picked = shuffle([...(examples.get(row.ruleId) ?? [])], rnd).slice(0, 5);
    md.push(`## ${row.ruleId} — ${row.findings} findings, ${row.per1000Words} per 1,000 words`, '');
    for (const ex of picked) md.push(`- \`${ex.file}:${ex.line}\` — ${ex.sentence.replace(/([<>])/g, '\\$1')}  `, `  _${ex.message}_`);
    md.push('');
  }
  md.push(
    `## Learned uncertainty scorer, standalone — ${scorer.flagged} of ${scorer.sentences} sentences at or above ${UNCERTAINTY_THRESHOLD} (cue word marked)`,
    '',
    'Not a rule by itself: the wired rule flags only sentences that no other rule already flagged.',
    '',
  );
  for (const ex of shuffle([...scorer.examples], rnd).slice(0, 10))
    md.push(`- \`${ex.file}:${ex.line}\` — p ${ex.probability} — ${ex.sentence.replace(/([<>])/g, '\\$1')}`);
  md.push('');
  writeFileSync(path.join(repoRoot, 'bench/corpus-samples.md'), md.join('\n'));
  return {
    dir: rel(dir),
    files: files.length,
    scorer: { sentences: scorer.sentences, flagged: scorer.flagged },
    words,
    findings: [...counts.values()].reduce((a, b) => a + b, 0),
    ms: Math.round(ms),
    perRule,
    samples: 'bench/corpus-samples.md',
  };
}

// ---------------------------------------------------------------------------------------------
// d) timing

/** A deterministic ~`target`-word business memo: headings, paragraphs, lists, a table, code, links, weak spots. */
export function generateMemo(target: number, seed = 7): string {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const num = (lo: number, hi: number): number => Math.round(lo + rnd() * (hi - lo));
  const teams = ['payments', 'onboarding', 'search', 'billing', 'platform', 'mobile', 'data', 'support', 'growth', 'security'];
  const metrics = [
    'ARR',
    'gross margin',
    'net revenue retention',
    'churn',
    'CAC payback',
    'activation rate',
    'conversion',
    'burn',
    'runway',
    'NPS',
  ];
  const customers = ['Northwind', 'Contoso', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Vandelay', 'Acme'];
  const months = ['January', 'February', 'March', 'April', 'June', 'July', 'September', 'October', 'November', 'December'];
  const quarter = (): string => `Q${num(1, 4)}`;
  const strong = [
    () =>
      `${pick(metrics)} rose from ${num(10, 40)}% to ${num(41, 70)}% in ${quarter()} after the ${pick(teams)} team shipped the new flow.`,
    () =>
      `We recommend moving two engineers from ${pick(teams)} to ${pick(teams)} by ${pick(months)} ${num(1, 28)}, at the cost of delaying the ${pick(teams)} roadmap by one quarter.`,
    () => `${pick(customers)} signed a ${num(2, 5)}-year renewal worth $${num(1, 9)}.${num(0, 9)}M, which takes ${pick(metrics)} to plan.`,
    () => `I decided to stop the ${pick(teams)} rewrite; the team will instead fix the ${num(3, 12)} highest-volume defects.`,
    () => `The ask: approve $${num(100, 900)}K for ${pick(teams)} tooling so we can cut on-call pages by ${num(20, 60)}%.`,
    () => `See the [${pick(teams)} dashboard](https://dashboards.example.com/${pick(teams)}/${num(100, 999)}) for weekly figures.`,
    () => `Deploys now run through \`deploy --env=prod --team=${pick(teams)}\`, which removed ${num(2, 8)} manual steps.`,
    () =>
      `We will not pursue the ${pick(customers)} custom integration this year, because it serves one account and costs ${num(2, 6)} engineer-months.`,
    () => `${pick(customers)} and ${pick(customers)} account for ${num(20, 45)}% of new bookings, up from ${num(5, 19)}% a year ago.`,
    () =>
      `Our forecast puts ${pick(metrics)} at ${num(50, 90)}% by ${quarter()}, ±${num(2, 6)}%, assuming the pricing change lands in ${pick(months)}.`,
  ];
  const weak = [
    () => `I think we should probably revisit the ${pick(teams)} plan at some point.`,
    () => `The ${pick(teams)} launch was delayed and it was decided to wait for more data.`,
    () => `There was significant progress and many customers seem happy with the new ${pick(teams)} experience.`,
    () => `We will try to align with the ${pick(teams)} team once we get buy-in from stakeholders.`,
    () => `Unfortunately, the ${pick(teams)} migration is taking a lot longer than expected due to the other team.`,
    () => `We worked on a lot of things this quarter, and we held several meetings in order to discuss the roadmap.`,
    () => `Some analysts believe the market might possibly grow soon, but it is unclear and more research is needed.`,
    () => `Revenue grew and churn improved in the coming weeks, which is incredibly exciting!`,
  ];
  const sentence = (): string => (rnd() < 0.3 ? pick(weak)() : pick(strong)());
  const paragraph = (): string => Array.from({ length: num(3, 6) }, sentence).join(' ');
  const count = (s: string): number => tokenizeLower(s).length;
  const parts: string[] = ['---', 'presence: executive', 'owner: ops-review', '---', '', '# Quarterly operating review', ''];
  let words = count(parts.join('\n'));
  const headings = ['Summary', 'Results', 'Customers', 'Risks', 'Roadmap', 'Priorities', 'Hiring', 'Decision needed', 'Appendix'];
  let section = 0;
  const push = (s: string): void => {
    parts.push(s, '');
    words += count(s);
  };
  while (words < target) {
    push(`## ${headings[section % headings.length]}${section >= headings.length ? ` (${Math.floor(section / headings.length) + 1})` : ''}`);
    section++;
    push(paragraph());
    const kind = section % 4;
    if (kind === 0) push(Array.from({ length: num(3, 8) }, () => `- ${sentence()}`).join('\n'));
    else if (kind === 1) {
      const rows = Array.from(
        { length: num(3, 6) },
        () => `| ${pick(metrics)} | ${num(1, 99)}% | ${num(1, 99)}% | ${pick(['on track', 'at risk', 'behind'])} |`,
      );
      push(['| Metric | Target | Actual | Status |', '| --- | ---: | ---: | --- |', ...rows].join('\n'));
    } else if (kind === 2) push(Array.from({ length: num(2, 5) }, (_, i) => `${i + 1}. ${sentence()}`).join('\n'));
    push(paragraph());
  }
  return parts.join('\n');
}

function timeIt(fn: () => void, warm = 10, runs = 30): number {
  for (let i = 0; i < warm; i++) fn();
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    ts.push(performance.now() - t0);
  }
  return median(ts);
}

function evalTiming(newAnalyzer: NewAnalyzer | undefined, writeGood: WriteGood): Record<string, unknown> {
  const text = generateMemo(10_000);
  const out: Record<string, unknown> = { words: tokenizeLower(text).length, chars: text.length, runs: 30, warmups: 10 };
  if (newAnalyzer) {
    try {
      out.engineWords = newAnalyzer()(text, RUBRIC, { today: TODAY }).words;
      // Cold: a new analyzer per run (nothing cached), the cost of opening a document or a CLI run.
      out.presenceMedianMs = round(
        timeIt(() => newAnalyzer()(text, RUBRIC, { today: TODAY })),
        2,
      );
      // Re-analysis of an unchanged document by the same analyzer (block cache hits), as the server does on each keystroke elsewhere.
      const warm = newAnalyzer();
      out.presenceCachedMedianMs = round(
        timeIt(() => warm(text, RUBRIC, { today: TODAY })),
        2,
      );
    } catch (e) {
      fail('timing/engine', e);
    }
  }
  out.writeGoodMedianMs = round(
    timeIt(() => writeGood(text)),
    2,
  );
  if (typeof out.presenceMedianMs === 'number')
    out.ratioPresenceToWriteGood = round(out.presenceMedianMs / (out.writeGoodMedianMs as number), 3);
  // The scorer alone, per word (sentences split roughly at full stops; the engine's own segmentation will differ).
  const sentences = text
    .split(/(?<=[.!?])\s+|\n+/)
    .map(tokenizeLower)
    .filter((w) => w.length > 0);
  const n = sentences.reduce((a, s) => a + s.length, 0);
  let sink = 0;
  const ms = timeIt(() => {
    for (const s of sentences) sink += scoreUncertainty(s).probability;
  });
  out.scorerNsPerWord = round((ms * 1e6) / n, 1);
  out.scorerSink = sink > 0;
  return out;
}

// ---------------------------------------------------------------------------------------------
// e) review

/** Precision targets of the review: overall, and per default-on rule on each folder where it fires this often. */
const REVIEW_TARGETS = { overall: 0.85, perRule: 0.8, minFired: 5, density: 8 };

interface ReviewSection {
  folders: string[];
  words: Record<string, number>;
  /** Findings shown by default (hints excluded) per 1,000 words, per folder. */
  density: Record<string, number>;
  densityWithHints: Record<string, number>;
  shown: PrecisionRow[];
  hints: PrecisionRow[];
  perRuleDensity: { rule: string; severity: string; perFolder: Record<string, number> }[];
  verdicts: number;
  /** The blind batches outside the corpus, first sight, per rule, with the default severity the rule has now. */
  outside: { batches: number; rules: { rule: string; severity: string; right: number; judged: number }[] };
  misses: string[];
}

async function evalReview(newAnalyzer: NewAnalyzer | undefined): Promise<ReviewSection | undefined> {
  if (!newAnalyzer) return undefined;
  const defaultSeverity = await defaultSeverities();
  const run = runCorpus(newAnalyzer());
  const verdicts = loadVerdicts();
  const folders = [...run.wordsByFolder.keys()].sort();
  const severity = new Map(run.findings.map((f) => [f.rule, f.severity]));
  const sev = (rule: string): string => severity.get(rule) ?? 'off';
  const shown = precisionRows(run, verdicts, sev);
  const hints = precisionRows({ ...run, findings: run.findings.filter((f) => f.severity === 'hint') }, verdicts);
  const per1k = (n: number, folder: string): number => round((1000 * n) / Math.max(1, run.wordsByFolder.get(folder) ?? 0), 2);
  const density = Object.fromEntries(
    folders.map((f) => [f, per1k(run.findings.filter((x) => x.folder === f && x.severity !== 'hint').length, f)]),
  );
  const densityWithHints = Object.fromEntries(folders.map((f) => [f, per1k(run.findings.filter((x) => x.folder === f).length, f)]));
  const rules = [...new Set(run.findings.map((f) => f.rule))].sort();
  const perRuleDensity = rules.map((rule) => ({
    rule,
    severity: sev(rule),
    perFolder: Object.fromEntries(folders.map((f) => [f, per1k(run.findings.filter((x) => x.rule === rule && x.folder === f).length, f)])),
  }));
  const misses: string[] = [];
  const all = shown.find((r) => r.rule === '*' && r.folder === '*');
  const overall = all ? precisionOf(all) : undefined;
  if (overall === undefined || overall < REVIEW_TARGETS.overall)
    misses.push(`overall precision ${overall === undefined ? '—' : pct(overall)} < ${pct(REVIEW_TARGETS.overall)}`);
  for (const r of shown) {
    if (r.rule === '*' || r.folder === '*' || r.findings < REVIEW_TARGETS.minFired) continue;
    const p = precisionOf(r);
    if (p !== undefined && p < REVIEW_TARGETS.perRule)
      misses.push(`${r.rule} on ${r.folder}: ${pct(p)} (${r.right}/${judged(r)}) < ${pct(REVIEW_TARGETS.perRule)}`);
    if (p === undefined) misses.push(`${r.rule} on ${r.folder}: fires ${r.findings} times, none judged`);
  }
  for (const f of folders)
    if (density[f]! > REVIEW_TARGETS.density) misses.push(`${f}: ${density[f]} findings per 1,000 words > ${REVIEW_TARGETS.density}`);
  // The blind batches count as one more folder: a rule on by default must hold there too.
  const tally = outsideFirstSight();
  const outside = {
    batches: tally.batches,
    rules: [...tally.rules]
      .map(([rule, t]) => ({ rule, severity: defaultSeverity(rule), right: t.right, judged: judged(t) }))
      .sort((a, b) => b.judged - a.judged || (a.rule < b.rule ? -1 : 1)),
  };
  // And over all the review at once, corpus and outside, where each alone is too small to judge.
  for (const r of outside.rules) {
    if (!shownByDefault(r.severity)) continue;
    if (r.judged >= REVIEW_TARGETS.minFired && r.right / r.judged < REVIEW_TARGETS.perRule)
      misses.push(`${r.rule} outside the corpus: ${pct(r.right / r.judged)} (${r.right}/${r.judged}) < ${pct(REVIEW_TARGETS.perRule)}`);
    const corpus = shown.find((x) => x.rule === r.rule && x.folder === '*');
    const right = r.right + (corpus?.right ?? 0);
    const n = r.judged + (corpus ? judged(corpus) : 0);
    if (n >= REVIEW_TARGETS.minFired && right / n < REVIEW_TARGETS.perRule)
      misses.push(`${r.rule}, corpus and outside together: ${pct(right / n)} (${right}/${n}) < ${pct(REVIEW_TARGETS.perRule)}`);
  }
  return {
    folders,
    words: Object.fromEntries(run.wordsByFolder),
    density,
    densityWithHints,
    shown,
    hints,
    perRuleDensity,
    verdicts: verdicts.size,
    outside,
    misses,
  };
}

const pct = (x: number): string => `${Math.round(x * 100)}%`;

function printReview(r: ReviewSection): void {
  const all = r.shown.find((x) => x.rule === '*' && x.folder === '*');
  const unjudged = r.shown.filter((x) => x.folder === '*' && x.rule !== '*' && x.unjudged > 0);
  console.log(`
Review — ${r.verdicts} hand-judged findings (test/review/verdicts*.jsonl); precision = right / judged (debatable counts as not right)`);
  console.log('Rules on by default (error, warning, information):');
  printPrecision(r.shown, r.folders);
  if (r.hints.length) {
    console.log('Hints (demoted until their precision reaches 80%):');
    printPrecision(r.hints, r.folders);
  }
  console.log(
    `  new since the review (no verdict yet): ${all?.unjudged ?? 0} distinct findings${unjudged.length ? ` — ${unjudged.map((x) => `${x.rule} ${x.unjudged}`).join(', ')}` : ''}; draw them with scripts/review.ts sample`,
  );
  console.log('Findings per 1,000 words, per folder (hints excluded; with hints in brackets):');
  console.log('  ' + r.folders.map((f) => `${f} ${r.density[f]!.toFixed(2)} (${r.densityWithHints[f]!.toFixed(2)})`).join(' · '));
  console.log('Per rule, findings per 1,000 words:');
  console.log(`  ${'rule'.padEnd(42)} ${'severity'.padEnd(12)}${r.folders.map((f) => f.slice(0, 12).padStart(13)).join('')}`);
  for (const x of r.perRuleDensity)
    console.log(`  ${x.rule.padEnd(42)} ${x.severity.padEnd(12)}${r.folders.map((f) => x.perFolder[f]!.toFixed(2).padStart(13)).join('')}`);
  const on = r.outside.rules.filter((x) => shownByDefault(x.severity));
  const sum = (xs: typeof on, k: 'right' | 'judged'): number => xs.reduce((n, x) => n + x[k], 0);
  console.log(
    `Outside the corpus — ${r.outside.batches} blind batches (test/review/outside), first sight on the build each ran with, reviewers' majority; rules on by default now: ${sum(on, 'right')}/${sum(on, 'judged')}`,
  );
  console.log(
    '  ' +
      r.outside.rules
        .map((x) => `${x.rule} ${shownByDefault(x.severity) ? '' : `(${x.severity}) `}${pct(x.right / x.judged)} ${x.right}/${x.judged}`)
        .join(' · '),
  );
  console.log(
    r.misses.length
      ? `Targets missed (${r.misses.length}):\n  ${r.misses.join('\n  ')}`
      : `Targets met: overall ≥ ${pct(REVIEW_TARGETS.overall)}, every default-on rule ≥ ${pct(REVIEW_TARGETS.perRule)} where it fires ≥ ${REVIEW_TARGETS.minFired} times (outside the corpus too), ≤ ${REVIEW_TARGETS.density} findings per 1,000 words on every folder`,
  );
}

// ---------------------------------------------------------------------------------------------
// f) calibration: the overall score against blind ratings (scripts/calibration.ts), when there are any

type CalibrationResult =
  | (Calibration & {
      raters: { file: string; spearman: number }[];
      interRater?: { documents: number; spearman: number };
      holdouts: Array<Calibration & { name: string; about: string; raters: number; interRater?: { documents: number; spearman: number } }>;
    })
  | { ratings: 'none' };

/** Each readable rating file's rows, by its path from the repository root; a file's problems go to stderr. */
function readRaterFiles(files: readonly string[]): { file: string; ratings: Rating[] }[] {
  const out: { file: string; ratings: Rating[] }[] = [];
  for (const file of files) {
    const read = readRatings(file);
    if (!read) continue;
    for (const p of read.problems) console.error(`calibration: ${path.relative(repoRoot, file)} ${p}`);
    out.push({ file: path.relative(repoRoot, file), ratings: read.ratings });
  }
  return out;
}

function evalCalibration(newAnalyzer: NewAnalyzer | undefined): CalibrationResult {
  const raters = readRaterFiles(RATER_FILES);
  if (raters.length === 0) return { ratings: 'none' };
  const holdouts = HOLDOUTS.map((h) => ({ h, rows: readRaterFiles(h.files).map((r) => r.ratings) }));
  if (!newAnalyzer) throw new Error('the engine did not load');
  const analyze = newAnalyzer();
  // Each document is scored once, for the mean and for each rater alike.
  const scored = new Map<string, ReturnType<Analyze>['score']>();
  const score = (text: string) => {
    let s = scored.get(text);
    if (!s) scored.set(text, (s = analyze(text, undefined, { today: TODAY }).score));
    return s;
  };
  // The reference is the raters' mean per document; each rater alone and their agreement show how firm it is.
  return {
    ...calibrate(meanRatings(raters.map((r) => r.ratings)), score),
    raters: raters.map((r) => ({ file: r.file, spearman: calibrate(r.ratings, score).spearman })),
    ...(raters.length > 1 ? { interRater: interRater(raters[0]!.ratings, raters[1]!.ratings) } : {}),
    holdouts: holdouts
      .filter((x) => x.rows.length > 0)
      .map(({ h, rows }) => ({
        name: h.name,
        about: h.about,
        raters: rows.length,
        ...calibrate(meanRatings(rows), score),
        ...(rows.length > 1 ? { interRater: interRater(rows[0]!, rows[1]!) } : {}),
      })),
  };
}

function printCalibration(c: CalibrationResult | undefined): void {
  if (!c) return;
  if ('ratings' in c) {
    console.log('\nCalibration — no ratings yet (test/calibration/ratings.jsonl)');
    return;
  }
  const reference = c.raters.length > 1 ? `the mean of ${c.raters.length} blind raters` : 'rating';
  console.log(
    `\nCalibration — ${c.documents} rated documents: Spearman ρ(overall, ${reference}) = ${c.spearman}${c.missing.length ? ` (${c.missing.length} not found: ${c.missing.join(', ')})` : ''}   target ≥ 0.6`,
  );
  if (c.raters.length > 1) console.log(`  each rater alone: ${c.raters.map((r) => `${r.file} ρ ${r.spearman}`).join(' · ')}`);
  if (c.interRater) console.log(`  the raters with each other: ρ ${c.interRater.spearman} over ${c.interRater.documents} documents`);
  for (const [band, b] of Object.entries(c.bands))
    console.log(
      `  ${band.padEnd(16)} ${String(b.documents).padStart(3)} documents, mean rating ${b.meanRating}, ratings 1–5: ${b.byRating.join(' / ')}`,
    );
  for (const h of c.holdouts) {
    console.log(
      `  ${h.name}: ${h.documents} other documents (${h.about}): ρ ${h.spearman}${h.raters > 1 ? ` against the mean of ${h.raters} raters` : ''}${h.interRater ? ` (the raters with each other: ρ ${h.interRater.spearman})` : ''}${h.missing.length ? ` (${h.missing.length} not found)` : ''}`,
    );
    for (const [band, b] of Object.entries(h.bands))
      console.log(
        `    ${band.padEnd(16)} ${String(b.documents).padStart(3)} documents, mean rating ${b.meanRating}, ratings 1–5: ${b.byRating.join(' / ')}`,
      );
  }
}

// ---------------------------------------------------------------------------------------------

function row(name: string, p: Figures | undefined, extra = ''): string {
  if (!p) return `  ${name.padEnd(54)} (not measured)`;
  return `  ${name.padEnd(54)} P ${p.precision.toFixed(3)}  R ${p.recall.toFixed(3)}  F1 ${p.f1.toFixed(3)}${extra}`;
}

async function main(): Promise<void> {
  if (!existsSync(shared) || !existsSync(path.join(shared, 'eval'))) {
    console.error(
      `eval: the shared evaluation data is missing: expected ${shared} (../shared next to the repository), with eval/ and corpus/.`,
    );
    process.exit(2);
  }
  // write-good ships no type declarations; this is its documented signature.
  const writeGood = createRequire(path.join(repoRoot, 'package.json'))('write-good') as WriteGood;
  const newAnalyzer = await loadEngine();
  const findPassives = await loadFindPassives();
  mkdirSync(path.join(repoRoot, 'bench'), { recursive: true });
  const results: Record<string, unknown> = { today: TODAY, rubric: RUBRIC, node: process.version };
  const t0 = performance.now();

  try {
    results.hedge = await evalHedge(newAnalyzer, writeGood);
  } catch (e) {
    fail('hedge', e);
  }
  try {
    results.passive = evalPassive(findPassives, writeGood);
  } catch (e) {
    fail('passive', e);
  }
  try {
    results.corpus = evalCorpus(newAnalyzer);
  } catch (e) {
    fail('corpus', e);
  }
  try {
    results.review = await evalReview(newAnalyzer);
  } catch (e) {
    fail('review', e);
  }
  try {
    results.timing = evalTiming(newAnalyzer, writeGood);
  } catch (e) {
    fail('timing', e);
  }
  try {
    results.calibration = evalCalibration(newAnalyzer);
  } catch (e) {
    fail('calibration', e);
  }
  results.errors = errors;
  results.seconds = round((performance.now() - t0) / 1000, 1);
  writeFileSync(path.join(repoRoot, 'bench/eval-results.json'), JSON.stringify(results, null, 2) + '\n');

  // Compact report.
  type H = {
    sentences: number;
    positives: number;
    presence?: Figures;
    presenceInSampleScorer?: Figures;
    presenceWithoutScorer?: Figures;
    presenceWithoutRule?: (Figures & { ruleId: string })[];
    presencePerRule?: RuleRow[];
    falsePositiveFloor?: { family: string; certainFlagged: number; tpNeeded: number; recallNeeded: number }[];
    writeGoodAll: Figures;
    writeGoodWeasel: Figures;
    flagEverything: Figures;
    whatIfScorerRule?: Figures & { threshold: number };
    model: {
      threshold: number;
      cvThresholdReproduced: number;
      cv5Pooled: Figures;
      cv5Nested: Figures;
      cv5AtShippedThreshold: Figures;
      inSample: Figures;
      cvByThreshold: (Figures & { threshold: number })[];
    };
  };
  const h = results.hedge as H | undefined;
  console.log('\nPresence eval' + (errors.length ? `  (${errors.length} section error${errors.length > 1 ? 's' : ''})` : ''));
  if (h) {
    const met = h.presence && h.presence.precision >= HEDGE_MIN_PRECISION && h.presence.f1 > h.writeGoodAll.f1;
    console.log(
      `\nUncertainty — hedge-wiki-dev (${h.sentences} sentences, ${h.positives} uncertain), conviction family only   target: P ≥ ${HEDGE_MIN_PRECISION} and F1 above write-good's: ${met ? 'met' : 'MISSED'}`,
    );
    console.log(row('engine, scorer out-of-fold (honest)', h.presence));
    console.log(row('engine, scorer in-sample (as shipped; optimistic)', h.presenceInSampleScorer));
    console.log(row('engine without the scorer', h.presenceWithoutScorer));
    console.log(row(`scorer, 5-fold CV, nested threshold (honest)`, h.model.cv5Nested));
    console.log(row(`scorer, 5-fold CV, threshold ${h.model.threshold}`, h.model.cv5AtShippedThreshold));
    console.log(row('scorer, in-sample (optimistic)', h.model.inSample));
    console.log(row('write-good, all checks', h.writeGoodAll));
    console.log(row('write-good, weasel only', h.writeGoodWeasel));
    console.log(row('every sentence flagged (reference)', h.flagEverything));
    if (h.whatIfScorerRule)
      console.log(row(`what-if: engine ∪ every sentence the scorer rates ≥ ${h.whatIfScorerRule.threshold}`, h.whatIfScorerRule));
    console.log(
      '  scorer CV by threshold: ' +
        h.model.cvByThreshold.map((t) => `${t.threshold}: P ${t.precision.toFixed(2)} R ${t.recall.toFixed(2)}`).join(' · '),
    );
    if (h.presenceWithoutRule?.length) {
      console.log(
        '  honest engine without one rule: ' +
          h.presenceWithoutRule
            .map((r) => `−${r.ruleId} P ${r.precision.toFixed(2)} R ${r.recall.toFixed(2)} F1 ${r.f1.toFixed(3)}`)
            .join(' · '),
      );
    }
    if (h.presencePerRule?.length) {
      console.log(
        '  per rule (sentences fired, precision): ' +
          h.presencePerRule
            .slice(0, 12)
            .map((r) => `${r.ruleId} ${r.fired} ${r.precision.toFixed(2)}`)
            .join(' · '),
      );
    }
    for (const f of h.falsePositiveFloor ?? []) {
      if (f.certainFlagged === 0) continue;
      console.log(
        `  floor: ${f.family} findings on ${f.certainFlagged} certain sentences → P ≥ ${MIN_PRECISION} needs ≥ ${f.tpNeeded} true positives (R ≥ ${f.recallNeeded.toFixed(3)}) with no other false positive`,
      );
    }
  }
  const p = results.passive as { sentences: number; positives: number; presence?: Figures; writeGoodPassive: Figures } | undefined;
  if (p) {
    console.log(`\nPassive — passive-dev (${p.sentences} sentences, ${p.positives} passive)`);
    console.log(row('findPassives (≥ 1 span)', p.presence));
    console.log(row('write-good, passive only', p.writeGoodPassive));
  }
  const c = results.corpus as
    | {
        files: number;
        words?: number;
        findings?: number;
        scorer: { sentences: number; flagged: number };
        perRule?: { ruleId: string; findings: number; per1000Words: number }[];
      }
    | undefined;
  if (c)
    console.log(
      `\nCorpus — scorer alone flags ${c.scorer.flagged} of ${c.scorer.sentences} sentences (samples at the end of bench/corpus-samples.md)`,
    );
  if (c?.perRule && c.words !== undefined && c.findings !== undefined) {
    console.log(
      `Corpus — ${c.files} files, ${c.words.toLocaleString('en-US')} words, ${c.findings} findings (${((c.findings * 1000) / Math.max(1, c.words)).toFixed(1)} per 1,000 words); samples in bench/corpus-samples.md`,
    );
    for (const r of c.perRule)
      console.log(`  ${r.ruleId.padEnd(44)} ${String(r.findings).padStart(5)}  ${r.per1000Words.toFixed(2).padStart(7)} /1k words`);
  }
  if (results.review) printReview(results.review as ReviewSection);
  const t = results.timing as
    | {
        words: number;
        presenceMedianMs?: number;
        presenceCachedMedianMs?: number;
        writeGoodMedianMs: number;
        ratioPresenceToWriteGood?: number;
        scorerNsPerWord: number;
      }
    | undefined;
  if (t) {
    console.log(`\nTiming — ${t.words.toLocaleString('en-US')}-word memo, median of 30 after 10 warm-ups`);
    console.log(
      `  analyze() cold ${t.presenceMedianMs ?? '—'} ms (cached re-run ${t.presenceCachedMedianMs ?? '—'} ms) · write-good ${t.writeGoodMedianMs} ms · presence/write-good ${t.ratioPresenceToWriteGood ?? '—'} · scorer ${t.scorerNsPerWord} ns/word`,
    );
  }
  printCalibration(results.calibration as CalibrationResult | undefined);
  console.log(`\nwrote bench/eval-results.json (${results.seconds as number}s)`);
  if (errors.length) {
    console.error(`\n${errors.length} section(s) failed:\n  ${errors.join('\n  ')}`);
    process.exit(1);
  }
}

if (/eval\.ts$/.test(process.argv[1] ?? '')) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
