// Runs a rule set's rules, as a rubric picks them, over a document. Block rules and the rule set's block facts are
// cached by block content, so after an edit only the touched blocks are re-analysed; document rules are rebuilt
// from the cached facts. The engine passes the facts along and never reads them.
import { parseDocument, type Block, type Doc } from '../core/document.js';
import { silencer } from '../core/silence.js';
import { reparse } from '../core/reparse.js';
import { SECTION_ROLES, type SectionRole } from '../core/sectionRoles.js';
import { detached, segmentSentences, wordLimitOffset, type Sentence } from '../core/sentences.js';
import type { ListMatch } from '../core/phrases.js';
import { loadRubric, RubricError, severityFor, DEFAULT_RUBRIC, type Rubric } from './rubric.js';
import { score } from './score.js';
import { applyEdits, safeFixEdits } from './edits.js';
import type { BlockInput, BlockRule, CreditReport, DocInput, DocRule, RawFinding, Rule, RuleSet } from './rule.js';
import type { AnalysisResult, AnalyzeOptions, Finding, RubricSource, Severity } from './types.js';

const DEFAULT_MAX_WORDS = 200_000;
/**
 * Text beyond this many characters is not parsed (its disable-file comments aside). 200,000 words of prose fill
 * about 1.3 million, and parsing costs memory for all of the text: a 49 MB memo peaked at 1 GB. Above the
 * server's 2 million-character limit and the bench's 4 MB sizes, so only the CLI's biggest files reach it.
 */
const MAX_PARSED_CHARS = 5_000_000;

/** Document order, then rule id (code-unit order: deterministic and cheaper than localeCompare). */
export function byPosition(a: Finding, b: Finding): number {
  return a.start - b.start || a.end - b.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}
/** Blocks cached per analyzer; an analyzer serves one document, so this bounds memory for huge files. */
const MAX_CACHED_BLOCKS = 20_000;

interface BlockResult<F> {
  sentences: Sentence[];
  /** Words in the block's sentences. */
  words: number;
  facts: F;
  /** Findings relative to the block start, per rule id. */
  findings: RawFinding[];
}

const PARAGRAPHS: ReadonlyArray<Block['kind']> = ['paragraph'];
// A hint costs what an information finding does: its rule is shown faintly because it is not yet right often enough
// to underline by default, but when it is right the weakness is as real (hedging five sentences must cost points).
const SEVERITY_COST: Record<Severity, number> = { error: 30, warning: 20, information: 8, hint: 8 };
/** Document-level findings (a buried lede, no ask) weigh more than a single word. */
const DOCUMENT_RULE_FACTOR = 2;

/** A cached block result and what, besides its source text, it was computed from. */
interface CacheEntry<F> {
  result: BlockResult<F>;
  masked: string;
  shape: number;
  config: number;
  /** The last analysis that used it. */
  generation: number;
  /** The result moved to where the block last was, kept while the block stays there (typing after it). */
  placed?: Placed<F>;
  /** What document rules derive from this block's analysis alone (DocInput.blockMemo). */
  memo?: Record<string, unknown>;
}

interface Placed<F> {
  base: number;
  /** The analysis that placed the block at `base`. */
  since: number;
  facts?: F;
  sentences?: Sentence[];
  /** Findings at absolute offsets, for the severities with this id, at their base cost (never handed out). */
  findings?: Finding[];
  severities?: number;
}

const KIND_CODE: Record<Block['kind'], number> = { paragraph: 0, heading: 1, tableCell: 2 };
/** Everything about a block's position that a block rule may read, as one number. */
const blockShape = (b: Block, role: SectionRole): number =>
  KIND_CODE[b.kind] | (b.level << 2) | (b.quoted ? 32 : 0) | (b.list >= 0 ? 64 : 0) | (SECTION_ROLES.indexOf(role) << 7);

/** The rules one configuration switches on, with their severities and the keys its cached results carry. */
interface RuleConfig<F> {
  docRules: Array<{ rule: DocRule<F>; severity: Severity }>;
  severityOf: ReadonlyMap<string, Severity>;
  configKey: string;
  severityKey: string;
  /** The block rules that apply to a block of this kind and quoting. */
  rulesFor(block: Block): BlockRule[];
}

// A configuration is a rule set, a rubric and the severity overrides: the same for every keystroke and, in the CLI,
// for every file, so it is worked out once for each (kept weakly with the rule set and the rubric).
const RULE_CONFIGS = new WeakMap<object, WeakMap<Rubric, Map<string, RuleConfig<never>>>>();
/** Distinct overrides kept per rubric: a settings change makes a new one, and old ones are not asked for again. */
const MAX_OVERRIDE_CONFIGS = 16;

function ruleConfig<F>(ruleSet: RuleSet<F>, rubric: Rubric, overrides: AnalyzeOptions['severityOverrides']): RuleConfig<F> {
  let byRubric = RULE_CONFIGS.get(ruleSet);
  if (!byRubric) RULE_CONFIGS.set(ruleSet, (byRubric = new WeakMap()));
  let byOverrides = byRubric.get(rubric);
  if (!byOverrides) byRubric.set(rubric, (byOverrides = new Map()));
  const key = overrides ? JSON.stringify(overrides) : '';
  const cached = byOverrides.get(key) as RuleConfig<F> | undefined;
  if (cached) return cached;
  const rules = ruleSet.rules
    .map((r) => ({ rule: r, severity: severityFor(rubric, r.id, r.severity, overrides) }))
    .filter((r): r is { rule: Rule<F>; severity: Severity } => r.severity !== 'off');
  const blockRules = rules.filter((r) => r.rule.scope === 'block') as Array<{ rule: BlockRule; severity: Severity }>;
  const byShape = new Map<number, BlockRule[]>();
  const config: RuleConfig<F> = {
    docRules: rules.filter((r) => r.rule.scope === 'document') as Array<{ rule: DocRule<F>; severity: Severity }>,
    severityOf: new Map(rules.map((r) => [r.rule.id, r.severity])),
    configKey: `${rubric.key}\u0001${blockRules.map((r) => r.rule.id).join(',')}`,
    severityKey: rules.map((r) => `${r.rule.id}:${r.severity}`).join(','),
    rulesFor(block) {
      const k = KIND_CODE[block.kind] | (block.quoted ? 4 : 0);
      let r = byShape.get(k);
      if (!r)
        byShape.set(
          k,
          (r = blockRules
            .map((x) => x.rule)
            .filter((rule) => (rule.kinds ?? PARAGRAPHS).includes(block.kind) && (rule.quoted || !block.quoted))),
        );
      return r;
    },
  };
  if (byOverrides.size >= MAX_OVERRIDE_CONFIGS) byOverrides.clear();
  byOverrides.set(key, config as RuleConfig<never>);
  return config;
}

export class Analyzer<F> {
  /** Block results by block source text (variants for the rare same text in another shape or config). */
  private cache = new Map<string, CacheEntry<F>[]>();
  private generation = 0;
  /** Cache entries the current analysis used. */
  private usedEntries = 0;
  /** The previous analysis's document, the base for an incremental re-parse. */
  private lastDoc: Doc | undefined;
  /** The entry of each of lastDoc's blocks analysed whole (not cut at the word limit), and their configuration. */
  private lastEntries: { doc: Doc; config: number; entries: Array<CacheEntry<F> | undefined> } | undefined;
  private rubricCache = new Map<string, { result: Rubric | RubricError; sources: ResolvedSource[] }>();
  /** Short ids for (rubric, enabled rules) pairs, so block cache keys stay small. */
  private configIds = new Map<string, number>();
  /** Short ids for the severities of all rules, which reported findings depend on. */
  private severityIds = new Map<string, number>();
  private nextSeverityId = 0;
  private readonly ruleById: ReadonlyMap<string, Rule<F>>;
  /** What a block past the word limit holds. */
  private readonly notAnalysed: BlockResult<F>;

  constructor(private readonly ruleSet: RuleSet<F>) {
    this.ruleById = new Map(ruleSet.rules.map((r) => [r.id, r]));
    this.notAnalysed = { sentences: [], words: 0, facts: ruleSet.noFacts, findings: [] };
  }

  analyze(text: string, rubricRef: string | undefined, opts: AnalyzeOptions): AnalysisResult {
    // Typing inside a paragraph re-parses only that paragraph (an analyzer serves one document).
    const re = this.lastDoc && reparse(this.lastDoc, text);
    const doc = re ? re.doc : parseDocument(text, MAX_PARSED_CHARS);
    const last = this.lastEntries?.doc === this.lastDoc ? this.lastEntries : undefined;
    // The first analysis's entries may share this text's memory (it is kept while they are); later ones copy theirs.
    const detach = this.lastDoc !== undefined;
    this.lastDoc = doc;
    this.lastEntries = undefined; // set again once this analysis has its entries
    const findings: Finding[] = [];
    const { rubric, error } = this.pickRubric(doc, rubricRef, opts);
    if (error) findings.push(rubricFinding(doc, error));

    const { ruleSet } = this;
    const { docRules, severityOf, configKey, severityKey, rulesFor } = ruleConfig(ruleSet, rubric, opts.severityOverrides);
    let configId = this.configIds.get(configKey);
    if (configId === undefined) this.configIds.set(configKey, (configId = this.configIds.size));
    let severityId = this.severityIds.get(severityKey);
    if (severityId === undefined) {
      if (this.severityIds.size > 64) this.severityIds.clear();
      // Never reused, so a placed finding can never carry another configuration's severities.
      this.severityIds.set(severityKey, (severityId = this.nextSeverityId++));
    }

    // Blocks past the word limit are not analysed.
    const maxWords = opts.maxWords ?? DEFAULT_MAX_WORDS;
    // Cached per-block results hold offsets from the block start; they are moved lazily when a document rule asks,
    // and the moved copy is kept with the cache entry while the block stays where it is.
    const results: BlockResult<F>[] = [];
    const entries: Array<CacheEntry<F> | undefined> = [];
    const placedAt = (b: number): Placed<F> | undefined => {
      const entry = entries[b];
      if (!entry) return undefined;
      const base = doc.blocks[b].start;
      if (entry.placed?.base !== base) entry.placed = { base, since: this.generation };
      return entry.placed;
    };
    const sentencesAt = (b: number): Sentence[] => {
      const p = placedAt(b);
      if (!p) return moveSentences(results[b].sentences, doc.blocks[b].start);
      return (p.sentences ??= moveSentences(results[b].sentences, p.base));
    };
    const factsAt = (b: number): F => {
      const p = placedAt(b);
      if (!p) return ruleSet.moveFacts(results[b].facts, doc.blocks[b].start);
      return (p.facts ??= ruleSet.moveFacts(results[b].facts, p.base));
    };
    let words = 0;
    let sentenceCount = 0;
    let truncatedAtWords: number | undefined;
    const raw: RawFinding[] = [];
    this.generation++;
    this.usedEntries = 0;
    // After a re-parse every block but the edited one has the source, masked text and shape it had last time, so it
    // takes the last analysis's entry by position instead of looking its text up.
    const reuse = re && last && last.config === configId && last.entries.length === doc.blocks.length ? last.entries : undefined;
    const whole: Array<CacheEntry<F> | undefined> = [];
    /** The word limit was reached: the rest of the document is not analysed. */
    let limited = false;
    /** The end of the last block analysed. */
    let analysedTo = 0;
    for (let i = 0; i < doc.blocks.length; i++) {
      let block: Block | undefined = limited ? undefined : doc.blocks[i];
      if (block) {
        // The limit holds inside a block too: a block with more words than are left is cut after the last one
        // that fits, before it is segmented (one 49 MB paragraph ran out of memory). A block has at most one
        // word per character, so only a block longer than the words left needs counting.
        const left = maxWords - words;
        const cut = block.masked.length > left ? wordLimitOffset(block.masked, left) : -1;
        if (cut >= 0) {
          limited = true;
          block = cut > 0 ? cutBlock(block, cut) : undefined;
        }
      }
      if (!block) {
        results.push(this.notAnalysed);
        entries.push(undefined);
        whole.push(undefined);
        continue;
      }
      const isWhole = block === doc.blocks[i];
      const prev = isWhole && reuse && i !== re?.changed ? reuse[i] : undefined;
      const entry = prev
        ? this.use(prev)
        : this.analyzeBlock(text, block, doc.sections[block.section]?.role ?? 'none', rubric, rulesFor(block), configId, detach);
      whole.push(isWhole ? entry : undefined);
      const result = entry.result;
      results.push(result);
      entries.push(entry);
      words += result.words;
      analysedTo = block.end;
      sentenceCount += result.sentences.length;
    }
    if (limited || doc.parsedTo !== undefined) truncatedAtWords = words;
    this.lastEntries = { doc, config: configId, entries: whole };
    // Forget blocks this document no longer has, so editing for hours does not grow the cache.
    if (this.cache.size > MAX_CACHED_BLOCKS || this.cache.size > 2 * this.usedEntries + 256) {
      for (const [source, variants] of this.cache) {
        const kept = variants.filter((v) => v.generation === this.generation);
        if (kept.length === 0) this.cache.delete(source);
        else if (kept.length < variants.length) this.cache.set(source, kept);
      }
    }

    let credit: CreditReport | undefined;
    if (words > 0) {
      const input: DocInput<F> = {
        text,
        doc,
        rubric,
        today: opts.today,
        words,
        wordsIn: (b: number): number => results[b].words,
        sentences: sentencesAt,
        facts: factsAt,
        blockMemo: (b: number): Record<string, unknown> | undefined => {
          const e = whole[b];
          // A plain object: one per block is kept with the cache, and a Map costs several times its size.
          return e && (e.memo ??= {});
        },
        memo: new Map<string, unknown>(),
      };
      const threshold = opts.staleAfterMonths;
      if (threshold !== undefined && Number.isFinite(threshold) && threshold >= 1)
        input.rubric = { ...rubric, thresholds: { ...rubric.thresholds, staleMonths: Math.floor(threshold) } };
      for (const { rule } of docRules) rule.check(input, raw);
      // Score hook: what the document earns, measured once from the same input (see score.ts).
      credit = ruleSet.credit(input);
    }

    // Findings as reported, at absolute offsets: block findings are cached relative to their block.
    const silenced = silencer(doc);
    /** The findings comments silenced: the score shows them as silenced, not passed. */
    const silencedIds: Array<{ rule: string; start: number; whole?: boolean }> = [];
    const emit = (f: RawFinding, base: number, into: Finding[]): void => {
      const start = f.start + base;
      if (silenced?.(f.rule, start)) {
        if (severityOf.has(f.rule)) silencedIds.push({ rule: f.rule, start, whole: f.whole });
        return;
      }
      const meta = this.ruleById.get(f.rule);
      const severity = severityOf.get(f.rule);
      if (!meta || !severity) return;
      const finding: Finding = {
        ruleId: f.rule,
        dimension: meta.dimension,
        severity,
        message: f.message,
        start,
        end: f.end + base,
        cost: SEVERITY_COST[severity] * (meta.scope === 'document' ? DOCUMENT_RULE_FACTOR : 1),
        fixes: f.fixes
          ? base
            ? f.fixes.map((x) => ({ ...x, edits: x.edits.map((e) => ({ ...e, start: e.start + base, end: e.end + base })) }))
            : f.fixes
          : [],
        doc: meta.doc,
      };
      if (f.related) finding.related = base ? f.related.map((r) => ({ ...r, start: r.start + base, end: r.end + base })) : f.related;
      if (f.unnecessary) finding.unnecessary = true;
      if (f.whole) finding.whole = true;
      into.push(finding);
    };
    for (let b = 0; b < results.length; b++) {
      if (results[b].findings.length === 0) continue;
      // A block that has not moved since the last analysis reports the same findings (unless comments silence
      // some), with its fixes already moved. Each analysis gets its own copies: score() sets their costs.
      const p = silenced ? undefined : placedAt(b);
      // A block placed by this analysis (typing before it moves it with every keystroke) gets its findings moved
      // straight into the result; they are kept only once it has stayed put for an analysis.
      if (!p || p.since === this.generation) {
        for (const f of results[b].findings) emit(f, doc.blocks[b].start, findings);
        continue;
      }
      if (!p.findings || p.severities !== severityId) {
        p.findings = [];
        p.severities = severityId;
        for (const f of results[b].findings) emit(f, p.base, p.findings);
      }
      for (const f of p.findings) findings.push({ ...f });
    }
    // A truncated document's rules see its structure to the end (a list, a section), but what they find past the
    // last analysed block was not analysed and is not reported.
    for (const f of raw) if (truncatedAtWords === undefined || f.start < analysedTo) emit(f, 0, findings);
    if (truncatedAtWords !== undefined) {
      findings.push({
        ruleId: 'presence/too-large',
        dimension: 'rubric',
        severity: 'information',
        message: `This document is too large to analyse in full: Presence analysed the first ${truncatedAtWords.toLocaleString('en-US')} words and skipped the rest.`,
        start: 0,
        end: 0,
        cost: 0,
        fixes: [],
        doc: 'docs/rules/presence/too-large.md',
      });
    }
    findings.sort(byPosition);
    const fileDisabled = doc.directives.some((d) => d.kind === 'disable-file');
    const result = score(findings, rubric, words, sentenceCount, { rules: this.ruleById, credit, silenced: silencedIds, fileDisabled });
    return {
      findings,
      score: result,
      rubric: rubric.name,
      words,
      ...(truncatedAtWords !== undefined ? { truncatedAtWords } : {}),
      lineStarts: doc.lineStarts,
    };
  }

  private pickRubric(doc: Doc, rubricRef: string | undefined, opts: AnalyzeOptions): { rubric: Rubric; error?: RubricError } {
    const ref = doc.frontMatter?.data.presence || rubricRef || DEFAULT_RUBRIC;
    const loaded = this.loadCached(ref, opts);
    if (!(loaded instanceof RubricError)) return { rubric: loaded };
    const fallback = this.loadCached(DEFAULT_RUBRIC, opts);
    if (fallback instanceof RubricError) throw fallback; // the built-in default is validated by tests
    return { rubric: fallback, error: loaded };
  }

  private loadCached(ref: string, opts: AnalyzeOptions): Rubric | RubricError {
    const resolve = opts.resolveRubric;
    // Workspace rubrics, and every rubric they extend, can change on disk: a cached result stands only while each
    // source it was built from resolves to the same file and text.
    const hit = this.rubricCache.get(ref);
    if (hit?.sources.every((s) => sameSource(resolve?.(s.ref, s.from), s.got))) return hit.result;
    const sources: ResolvedSource[] = [];
    const recording =
      resolve &&
      ((r: string, from?: string): RubricSource | undefined => {
        const got = resolve(r, from);
        sources.push({ ref: r, from, got });
        return got;
      });
    let result: Rubric | RubricError;
    try {
      result = loadRubric(ref, this.ruleSet, recording);
    } catch (e) {
      if (!(e instanceof RubricError)) throw e;
      result = e;
    }
    if (this.rubricCache.size > 32) this.rubricCache.clear();
    this.rubricCache.set(ref, { result, sources });
    return result;
  }

  /** Marks a cache entry used by this analysis. */
  private use(entry: CacheEntry<F>): CacheEntry<F> {
    if (entry.generation !== this.generation) {
      entry.generation = this.generation;
      this.usedEntries++;
    }
    return entry;
  }

  /** `rules` are the block rules that apply to this block's kind and quoting; `detach`: copy the block's strings. */
  private analyzeBlock(
    text: string,
    block: Block,
    role: SectionRole,
    rubric: Rubric,
    rules: BlockRule[],
    configId: number,
    detach: boolean,
  ): CacheEntry<F> {
    const source = text.slice(block.start, block.end);
    const shape = blockShape(block, role);
    const variants = this.cache.get(source);
    if (variants) {
      for (const v of variants) {
        if (v.config !== configId || v.shape !== shape || v.masked !== block.masked) continue;
        return this.use(v);
      }
    }
    // A cached result outlives this text: after the first analysis it is computed from copies, or every string it
    // holds (sentence texts, messages) would be a slice keeping that version of the whole document alive, one
    // version per edited block.
    const own = detach ? detached(source) : source;
    const masked = detach ? detached(block.masked) : block.masked;
    // Sentences are computed relative to 0 so the cached result can be moved to any offset.
    const sentences = segmentSentences(masked, 0);
    const local: Block = { ...block, start: 0, end: block.end - block.start, masked };
    const out: RawFinding[] = [];
    const matches: ListMatch[] = [];
    rubric.index.matchSentences(sentences, matches);
    const input: BlockInput = { text: own, block: local, role, sentences, rubric, matches };
    for (const rule of rules) rule.check(input, out);
    let words = 0;
    for (const s of sentences) words += s.words.length;
    const result: BlockResult<F> = { sentences, words, facts: this.ruleSet.facts(input), findings: out };
    const entry: CacheEntry<F> = { result, masked, shape, config: configId, generation: this.generation };
    this.usedEntries++;
    if (variants) variants.push(entry);
    else this.cache.set(own, [entry]);
    return entry;
  }
}

/** One answer of the caller's rubric resolver while a rubric loaded. */
interface ResolvedSource {
  ref: string;
  from: string | undefined;
  got: RubricSource | undefined;
}

function sameSource(a: RubricSource | undefined, b: RubricSource | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.path === b.path && a.problem === b.problem && a.text === b.text);
}

/** The block up to `cut` (an offset into its masked text): its first lines, the last one shortened. */
function cutBlock(block: Block, cut: number): Block {
  const end = block.start + cut;
  const lines: Array<[number, number]> = [];
  for (const [s, e] of block.lines) {
    if (s >= end) break;
    lines.push([s, Math.min(e, end)]);
  }
  return { ...block, end, lines, masked: block.masked.slice(0, cut) };
}

function moveSentences(sentences: Sentence[], base: number): Sentence[] {
  if (base === 0) return sentences;
  return sentences.map((s) => ({
    ...s,
    start: s.start + base,
    end: s.end + base,
    words: s.words.map((w) => ({ ...w, start: w.start + base, end: w.end + base })),
  }));
}

function rubricFinding(doc: Doc, error: RubricError): Finding {
  const range = doc.frontMatter?.valueRanges.presence;
  return {
    ruleId: 'rubric/invalid',
    dimension: 'rubric',
    severity: 'error',
    message: `Rubric ${error.message}. Using the default rubric "${DEFAULT_RUBRIC}" instead.`,
    start: range ? range[0] : 0,
    end: range ? range[1] : 0,
    cost: 0,
    fixes: [],
    doc: 'docs/rules/rubric/invalid.md',
  };
}

/**
 * Applies every safe fix, re-analysing between passes (a fix can reveal another), until nothing changes.
 * Returns the new text and how many fixes were applied.
 */
export function fixAllSafe<F>(
  analyzer: Analyzer<F>,
  text: string,
  rubric: string | undefined,
  opts: AnalyzeOptions,
  maxPasses = 5,
): { text: string; applied: number } {
  let applied = 0;
  for (let pass = 0; pass < maxPasses; pass++) {
    const edits = safeFixEdits(analyzer.analyze(text, rubric, opts).findings);
    if (edits.length === 0) break;
    text = applyEdits(text, edits);
    applied += edits.length;
  }
  return { text, applied };
}
