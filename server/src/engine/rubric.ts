// Rubrics: data files that pick rules, severities, weights, thresholds, word lists and required sections.
// Loading validates every field and reports problems with the file, the field and an offset to point at.
import { DIMENSIONS, SEVERITIES, type Dimension, type RubricResolver, type RubricSource, type Severity } from './types.js';
import { PhraseMatcher, ListIndex, type PhraseList } from '../core/phrases.js';
import { segmentWords } from '../core/sentences.js';
import { findJsonSyntaxError, lineColumn } from '../core/jsonSyntax.js';
import { SECTION_ROLES, type SectionRole } from '../core/sectionRoles.js';
import baseWords from '../../../rubrics/words.json';
import executive from '../../../rubrics/executive.json';
import boardUpdate from '../../../rubrics/board-update.json';
import strategyMemo from '../../../rubrics/strategy-memo.json';
import decisionDoc from '../../../rubrics/decision-doc.json';
import statusUpdate from '../../../rubrics/status-update.json';
import interviewAnswer from '../../../rubrics/interview-answer.json';

export const BUILTIN_RUBRICS: Record<string, unknown> = {
  executive,
  'board-update': boardUpdate,
  'strategy-memo': strategyMemo,
  'decision-doc': decisionDoc,
  'status-update': statusUpdate,
  'interview-answer': interviewAnswer,
};
export const BUILTIN_RUBRIC_NAMES = Object.keys(BUILTIN_RUBRICS);
export const DEFAULT_RUBRIC = 'executive';

export interface Thresholds {
  /** Words in a sentence before it counts as long. */
  sentenceWords: number;
  /** Words in a paragraph before it counts as long. */
  paragraphWords: number;
  /** Words in the document before it counts as long. */
  documentWords: number;
  /** Items in one list before it counts as long. */
  listItems: number;
  /** Months after which dated evidence counts as stale. */
  staleMonths: number;
  /** Sentences at the top of the document that must carry the point. */
  openingSentences: number;
}

const THRESHOLD_LIMITS: Record<keyof Thresholds, [number, number]> = {
  sentenceWords: [5, 500],
  paragraphWords: [20, 5000],
  documentWords: [50, 1_000_000],
  listItems: [2, 1000],
  staleMonths: [1, 120],
  openingSentences: [1, 10],
};

export interface RequiredSection {
  name: string;
  headings: string[];
  /** Section roles that also satisfy it, whatever the heading's words ("Consequences" is a drawbacks section). */
  roles?: SectionRole[];
}

export interface Rubric {
  name: string;
  description: string;
  severities: Map<string, Severity | 'off'>;
  weights: Record<Dimension, number>;
  thresholds: Thresholds;
  lists: Record<string, PhraseList>;
  /** All lists in one index, for scanning a sentence once. */
  index: ListIndex;
  /** Phrase → replacement lists (filler). */
  replacements: Record<string, Map<string, string>>;
  requiredSections: RequiredSection[];
  /** Per dimension, the credit signals it earns from and the points each is worth (a dimension's credit is their weighted share of 100). */
  credit: Record<Dimension, Record<string, number>>;
  /** Identity for caches: equal keys mean equal rubrics. */
  key: string;
}

export interface RubricProblem {
  message: string;
  /** JSON path of the field, e.g. `rules.conviction/hedgee`; empty for the whole file. */
  field: string;
  /** Offsets in the rubric file's text. */
  start: number;
  end: number;
}

export class RubricError extends Error {
  constructor(
    readonly path: string,
    readonly problems: RubricProblem[],
  ) {
    super(`${path}: ${problems.map((p) => (p.field ? `${p.field}: ${p.message}` : p.message)).join('; ')}`);
  }
}

interface RubricData {
  name?: string;
  description?: string;
  extends?: string;
  weights?: Partial<Record<Dimension, number>>;
  rules?: Record<string, Severity | 'off'>;
  thresholds?: Partial<Thresholds>;
  words?: Record<string, string[] | { add?: string[]; remove?: string[] } | Record<string, string>>;
  requiredSections?: RequiredSection[];
  credit?: Partial<Record<Dimension, Record<string, number>>>;
}

const DIMENSION_NAMES = new Set<string>(DIMENSIONS);

/** What a rubric may name besides dimensions, thresholds and word lists: a rule set's rules and credit signals (a RuleSet is one). */
export interface RubricNames {
  readonly rules: ReadonlyArray<{ readonly id: string }>;
  readonly signals: readonly string[];
}

interface KnownNames {
  ruleIds: ReadonlySet<string>;
  /** Names a `rules` entry may use for a whole family: the dimensions, and rule-id prefixes that are not dimensions ("contract"). */
  families: ReadonlySet<string>;
  signals: readonly string[];
  /**
   * checkSource's results by rubric text, for these names: a CLI run loads the same rubric for each of its files (a
   * fresh Analyzer per file), and parsing and validating it again each time was a twentieth of a 1,000-file run.
   */
  checked: Map<string, { data: RubricData } | { problems: RubricProblem[] }>;
}

const knownByNames = new WeakMap<RubricNames, KnownNames>();
function known(names: RubricNames): KnownNames {
  let k = knownByNames.get(names);
  if (!k) {
    k = {
      ruleIds: new Set(names.rules.map((r) => r.id)),
      families: new Set<string>([...DIMENSIONS, ...names.rules.map((r) => r.id.split('/')[0])]),
      signals: names.signals,
      checked: new Map(),
    };
    knownByNames.set(names, k);
  }
  return k;
}
const LIST_NAMES = new Set(Object.keys(baseWords).filter((k) => !k.startsWith('$')));
/** The one word list whose entries are phrase → replacement, applied by a safe fix. */
const FILLER = 'filler';

/**
 * What one rubric, with everything it extends, may hold. Generous for a team's rubric (the built-in lists
 * hold about 1,100 phrases in all) and small enough that loading never builds a huge index: each limit is
 * checked before the work it bounds. docs/rules/rubric/invalid.md states them.
 */
export const RUBRIC_LIMITS = {
  /** Rubrics in one `extends` chain, the named one included. */
  chainDepth: 8,
  /** Characters of rubric text in one chain, all files together (checked before a file is parsed). */
  chainChars: 2_000_000,
  /** Phrases in all word lists together, after the chain is merged (and in any one file). */
  totalPhrases: 20_000,
  /** Phrases in one list, or in one list's `add` or `remove`. */
  listPhrases: 5000,
  phraseChars: 120,
  /** Characters in a filler replacement. */
  replacementChars: 60,
  /** Problems reported for one file; the rest are counted in a last one. */
  problems: 50,
} as const;

/**
 * Checks a rubric file's text against the rules and signals it may name; returns its problems (empty when valid).
 * `extends` is checked by name only.
 */
export function validateRubric(text: string, path: string, names: RubricNames): RubricProblem[] {
  const checked = checkSource(text, known(names));
  if ('problems' in checked) return checked.problems.map((p) => ({ ...p, message: p.message.replace('%FILE%', path) }));
  // Filler entries are also checked against the built-in list they add to; a parent's own entries are not known here.
  const entries = fillerEntries([checked.data]);
  const loops = fillerLoops(entries).filter((l) => l.source === 0);
  return loops
    .slice(0, RUBRIC_LIMITS.problems)
    .map((l) => ({ field: fillerField(l.phrase), message: l.message, ...rangeOf(text, l.phrase, fillerStart(text)) }));
}

/** Parses and checks one rubric file on its own. */
function checkSource(text: string, names: KnownNames): { data: RubricData } | { problems: RubricProblem[] } {
  if (text.length > RUBRIC_LIMITS.chainChars)
    return {
      problems: [
        {
          field: '',
          message: `this file has ${text.length.toLocaleString('en-US')} characters; a rubric, with the rubrics it extends, may have at most ${RUBRIC_LIMITS.chainChars.toLocaleString('en-US')}`,
          start: 0,
          end: 0,
        },
      ],
    };
  const parsed = parseJson(text);
  if ('problem' in parsed) return { problems: [parsed.problem] };
  const problems = checkData(parsed.value, text, names);
  return problems.length ? { problems } : { data: parsed.value as RubricData };
}

function parseJson(text: string): { value: unknown } | { problem: RubricProblem } {
  if (text.includes('\u0000'))
    return { problem: { message: 'this is not a text file (it contains NUL bytes)', field: '', start: 0, end: 0 } };
  // Editors on Windows may save a byte-order mark, which JSON.parse refuses.
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  const body = bom ? text.slice(bom) : text;
  try {
    return { value: JSON.parse(body) };
  } catch {
    // Never the parser's own message: it quotes the file's text, which may be anything (a secret, in CI logs).
    const error = findJsonSyntaxError(body) ?? { offset: 0, reason: 'the JSON parser refused it' };
    // Offsets are in the text as given; the line and column are as an editor shows them, without the mark.
    const at = Math.min(error.offset + bom, text.length);
    const { line, column } = lineColumn(body, error.offset);
    return {
      problem: {
        message: `not valid JSON (line ${line}, column ${column}: ${error.reason})`,
        field: '',
        start: at,
        end: Math.min(at + 1, text.length),
      },
    };
  }
}

/**
 * A name from a rubric file (a key, a phrase, a reference), fit to quote in a message: at most 40 characters,
 * control and invisible formatting characters shown as "?". Messages quote nothing else from a file.
 */
/** A caller's reason, kept to one short line: it is the caller's own wording, never file content. */
function shortReason(problem: string): string {
  const line = problem.replace(/\s+/g, ' ').trim();
  return line.length > 160 ? `${line.slice(0, 159)}…` : line;
}

function quote(name: string): string {
  return `"${shortName(name)}"`;
}

/** What a value is, for a message that must not echo it. */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function shortName(name: string): string {
  const clean = name.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}"\\]/gu, '?');
  return clean.length > 40 ? `${[...clean].slice(0, 39).join('')}…` : clean;
}

/** Offset range of a key (or its value) in the JSON text, best effort, for pointing at problems. */
function locate(text: string, key: string, from = 0): [number, number] {
  const needle = JSON.stringify(key);
  const i = text.indexOf(needle, from);
  return i < 0 ? [0, Math.min(1, text.length)] : [i, i + needle.length];
}

function checkData(value: unknown, text: string, names: KnownNames): RubricProblem[] {
  const problems: RubricProblem[] = [];
  let unreported = 0;
  /** The message is built only when it will be reported: a file can hold 100,000 wrong keys. */
  const add = (field: string, key: string, message: string | (() => string), from = 0): void => {
    if (problems.length >= RUBRIC_LIMITS.problems) {
      unreported++;
      return;
    }
    const [start, end] = locate(text, key, from);
    problems.push({ field, message: typeof message === 'string' ? message : message(), start, end });
  };
  if (!isObject(value)) {
    problems.push({ field: '', message: 'a rubric must be a JSON object', start: 0, end: Math.min(1, text.length) });
    return problems;
  }
  const known = new Set([
    '$schema',
    '$comment',
    'name',
    'description',
    'extends',
    'weights',
    'rules',
    'thresholds',
    'words',
    'requiredSections',
    'credit',
  ]);
  for (const k of Object.keys(value))
    if (!known.has(k))
      add(shortName(k), k, () => `unknown field ${quote(k)} (expected one of ${[...known].filter((x) => !x.startsWith('$')).join(', ')})`);
  for (const k of ['name', 'description', 'extends']) {
    if (k in value && typeof value[k] !== 'string') add(k, k, `"${k}" must be a string`);
  }
  if ('weights' in value) {
    const w = value.weights;
    if (!isObject(w)) add('weights', 'weights', '"weights" must be an object of dimension → number');
    else
      for (const [d, n] of Object.entries(w)) {
        if (!DIMENSION_NAMES.has(d))
          add(`weights.${shortName(d)}`, d, () => `unknown dimension ${quote(d)} (expected one of ${DIMENSIONS.join(', ')})`);
        else if (typeof n !== 'number' || !Number.isFinite(n) || n < 0 || n > 100)
          add(`weights.${d}`, d, 'a weight must be a number from 0 to 100');
      }
  }
  if ('rules' in value) {
    const r = value.rules;
    if (!isObject(r)) add('rules', 'rules', '"rules" must be an object of rule id or family → severity');
    else
      for (const [id, sev] of Object.entries(r)) {
        if (!names.ruleIds.has(id) && !names.families.has(id))
          add(`rules.${shortName(id)}`, id, () => `unknown rule ${quote(id)}${suggest(id, [...names.ruleIds])}`);
        else if (typeof sev !== 'string' || !(SEVERITIES as readonly string[]).concat('off').includes(sev))
          add(
            `rules.${id}`,
            id,
            `severity must be one of error, warning, information, hint, off (got ${typeof sev === 'string' ? quote(sev) : kindOf(sev)})`,
          );
      }
  }
  if ('thresholds' in value) {
    const t = value.thresholds;
    if (!isObject(t)) add('thresholds', 'thresholds', '"thresholds" must be an object');
    else
      for (const [k, n] of Object.entries(t)) {
        const limits = Object.hasOwn(THRESHOLD_LIMITS, k) ? THRESHOLD_LIMITS[k as keyof Thresholds] : undefined;
        if (!limits)
          add(
            `thresholds.${shortName(k)}`,
            k,
            () => `unknown threshold ${quote(k)} (expected one of ${Object.keys(THRESHOLD_LIMITS).join(', ')})`,
          );
        else if (typeof n !== 'number' || !Number.isInteger(n) || n < limits[0] || n > limits[1])
          add(`thresholds.${k}`, k, `must be a whole number from ${limits[0]} to ${limits[1]}`);
      }
  }
  if ('words' in value) {
    const w = value.words;
    if (!isObject(w)) add('words', 'words', '"words" must be an object of list name → phrases');
    else {
      let phrases = 0;
      for (const [name, list] of Object.entries(w)) {
        const field = `words.${shortName(name)}`;
        if (!LIST_NAMES.has(name)) {
          add(field, name, () => `unknown word list ${quote(name)}${suggest(name, [...LIST_NAMES])}`);
          continue;
        }
        if (name === FILLER) {
          if (!isObject(list)) add(field, name, '"filler" must be an object of phrase → replacement');
          else {
            const entries = Object.entries(list);
            phrases += entries.length;
            if (entries.length > RUBRIC_LIMITS.listPhrases)
              add(field, name, `too many entries (${entries.length}; at most ${RUBRIC_LIMITS.listPhrases})`);
            else {
              const from = fillerStart(text);
              for (const [phrase, replacement] of entries) {
                const problem = fillerEntryProblem(phrase, replacement);
                if (problem) add(fillerField(phrase), phrase, problem, from);
              }
            }
          }
          continue;
        }
        const parts: unknown[] = Array.isArray(list) ? [list] : isObject(list) ? [list.add ?? [], list.remove ?? []] : [];
        if (parts.length === 0) {
          add(field, name, 'a word list is an array of phrases or { "add": [...], "remove": [...] }');
          continue;
        }
        for (const part of parts) {
          if (!Array.isArray(part) || part.some((p) => typeof p !== 'string')) add(field, name, 'phrases must be strings');
          else if (part.length > RUBRIC_LIMITS.listPhrases)
            add(field, name, `too many phrases (${part.length}; at most ${RUBRIC_LIMITS.listPhrases})`);
          else if (part.some((p: string) => p.length > RUBRIC_LIMITS.phraseChars))
            add(field, name, `a phrase is longer than ${RUBRIC_LIMITS.phraseChars} characters`);
          else phrases += part.length;
        }
      }
      if (phrases > RUBRIC_LIMITS.totalPhrases)
        add(
          'words',
          'words',
          `too many phrases in all lists together (${phrases.toLocaleString('en-US')}; at most ${RUBRIC_LIMITS.totalPhrases.toLocaleString('en-US')})`,
        );
    }
  }
  if ('requiredSections' in value) {
    const rs = value.requiredSections;
    if (
      !Array.isArray(rs) ||
      rs.some(
        (s) =>
          !isObject(s) ||
          typeof s.name !== 'string' ||
          !Array.isArray(s.headings) ||
          s.headings.some((h) => typeof h !== 'string') ||
          ('roles' in s && (!Array.isArray(s.roles) || s.roles.some((r) => !(SECTION_ROLES as readonly unknown[]).includes(r)))),
      )
    )
      add(
        'requiredSections',
        'requiredSections',
        `"requiredSections" must be an array of { "name": string, "headings": [string, ...], "roles"?: [${SECTION_ROLES.filter((r) => r !== 'none').join(' | ')}, ...] }`,
      );
  }
  if ('credit' in value) {
    const c = value.credit;
    if (!isObject(c)) add('credit', 'credit', '"credit" must be an object of dimension → { signal: points }');
    else
      for (const [d, spec] of Object.entries(c)) {
        if (!DIMENSION_NAMES.has(d))
          add(`credit.${shortName(d)}`, d, () => `unknown dimension ${quote(d)} (expected one of ${DIMENSIONS.join(', ')})`);
        else if (!isObject(spec)) add(`credit.${d}`, d, 'must be an object of signal → points');
        else
          for (const [signal, points] of Object.entries(spec)) {
            if (!names.signals.includes(signal))
              add(
                `credit.${d}.${shortName(signal)}`,
                signal,
                () => `unknown credit signal ${quote(signal)} (expected one of ${names.signals.join(', ')})`,
              );
            else if (typeof points !== 'number' || !Number.isFinite(points) || points < 0 || points > 100)
              add(`credit.${d}.${signal}`, signal, 'points must be a number from 0 to 100');
          }
      }
  }
  if (unreported > 0)
    problems.push({
      field: '',
      message: `and ${unreported.toLocaleString('en-US')} more ${unreported === 1 ? 'problem' : 'problems'} not listed`,
      start: 0,
      end: 0,
    });
  return problems;
}

// A filler replacement is inserted into the writer's text by a safe fix, unreviewed: it must be plain words
// on one line that Markdown reads as plain text wherever they land (no `, *, _, #, [, ], <, >, |, ~, \\, &,
// no line break), start with a letter or digit but not as "1." or "2)" (so never a list item or a heading),
// with single spaces between words; or be empty, to drop the phrase. The schema uses the same pattern.
export const REPLACEMENT_PATTERN = /^(?:|(?!\p{N}+[.)](?: |$))[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}'’.,;:!?"“”()%/-]| (?! |$))*)$/u;

function fillerEntryProblem(phrase: string, replacement: unknown): string | undefined {
  const subject = `the replacement for ${quote(phrase)}`;
  if (phrase.length > RUBRIC_LIMITS.phraseChars)
    return `the phrase ${quote(phrase)} is longer than ${RUBRIC_LIMITS.phraseChars} characters`;
  const phraseWords = segmentWords(phrase, 0).length;
  if (phraseWords === 0) return `the phrase ${quote(phrase)} has no words to match`;
  if (typeof replacement !== 'string') return `${subject} must be a string ("" drops the phrase)`;
  if (replacement === '') return undefined;
  if (replacement.length > RUBRIC_LIMITS.replacementChars) return `${subject} is longer than ${RUBRIC_LIMITS.replacementChars} characters`;
  if (!REPLACEMENT_PATTERN.test(replacement))
    return `${subject} must be plain words on one line, starting with a letter or digit, with single spaces: letters, digits and . , ; : ! ? ' " ( ) % / - only, because Markdown such as \`, *, _, #, [ ], <, > or | would change the document`;
  // No more words than the phrase: a fix never lengthens the text, so repeated --fix runs cannot grow a file.
  const words = segmentWords(replacement, 0).length;
  if (words > phraseWords)
    return `${subject} has more words than the phrase (${words} for ${phraseWords}); a filler replacement must say it in as many words or fewer`;
  return undefined;
}

function fillerField(phrase: string): string {
  return `words.${FILLER}.${shortName(phrase)}`;
}

/** Where the filler list starts in a file's text, so its entries are found there rather than in another list. */
function fillerStart(text: string): number {
  return Math.max(0, text.indexOf(JSON.stringify(FILLER)));
}

/** A filler entry after merging, with the chain file that set it (-1 for the built-in list). */
interface FillerEntry {
  phrase: string;
  replacement: string;
  source: number;
}

/** The filler list a chain of rubric data makes (base first), each entry with the file that set it. */
function fillerEntries(chain: readonly RubricData[]): Map<string, FillerEntry> {
  const entries = new Map<string, FillerEntry>();
  for (const [phrase, replacement] of Object.entries(baseWords.filler as Record<string, string>))
    entries.set(phrase.toLowerCase(), { phrase, replacement, source: -1 });
  chain.forEach((data, source) => {
    const list = data.words?.[FILLER] as Record<string, string> | undefined;
    for (const [phrase, replacement] of Object.entries(list ?? {})) entries.set(phrase.toLowerCase(), { phrase, replacement, source });
  });
  return entries;
}

/**
 * Replacements that contain a filler phrase, themselves or another: the fix would create a new finding, and
 * a phrase inside its own replacement grows the file on every --fix run. Matched as the rule matches, word by
 * word and ignoring case. Each problem is put on the entry set nearest the named rubric (a built-in one cannot
 * be edited): the replacement, or the phrase that an earlier replacement contains.
 */
function fillerLoops(entries: Map<string, FillerEntry>): Array<{ source: number; phrase: string; message: string }> {
  const byWords = new Map<string, FillerEntry>();
  for (const e of entries.values())
    byWords.set(
      segmentWords(e.phrase, 0)
        .map((w) => w.lower)
        .join(' '),
      e,
    );
  const matcher = new PhraseMatcher([...byWords.keys()]);
  const out: Array<{ source: number; phrase: string; message: string }> = [];
  for (const e of entries.values()) {
    if (e.replacement === '') continue;
    const found = matcher.matchAll(segmentWords(e.replacement, 0));
    if (found.length === 0) continue;
    const other = byWords.get(found[0].phrase);
    if (!other) continue;
    if (other === e)
      out.push({
        source: e.source,
        phrase: e.phrase,
        message: `the replacement for ${quote(e.phrase)} contains the phrase itself, so every fix would bring it back (and --fix would grow the file on each run)`,
      });
    // On the entry set nearest the named rubric: that is the one its author just added.
    else if (other.source > e.source)
      out.push({
        source: other.source,
        phrase: other.phrase,
        message: `the filler phrase ${quote(other.phrase)} appears in the ${e.source < 0 ? 'built-in ' : ''}replacement for ${quote(e.phrase)}, so fixing one would create the other`,
      });
    else if (e.source >= 0)
      out.push({
        source: e.source,
        phrase: e.phrase,
        message: `the replacement for ${quote(e.phrase)} contains ${quote(other.phrase)}, another filler phrase, so fixing one would create the other`,
      });
  }
  return out;
}

function suggest(id: string, pool: string[]): string {
  let best = '';
  let bestD = Infinity;
  for (const cand of pool) {
    const d = editDistance(id, cand);
    if (d < bestD) {
      bestD = d;
      best = cand;
    }
  }
  return bestD <= 3 ? ` (did you mean "${best}"?)` : '';
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

interface ChainLink {
  ref: string;
  path: string;
  text: string;
  data: RubricData;
}

/**
 * Resolves a rubric by built-in name or through the caller's resolver, following `extends` (a relative path
 * resolves against the extending rubric's own path, which the resolver receives), and checks each file against
 * the rules and signals it may name. Throws RubricError naming the file, field and problem; every limit in
 * RUBRIC_LIMITS is checked before the work it bounds.
 */
export function loadRubric(ref: string, names: RubricNames, resolve?: RubricResolver): Rubric {
  const knownNames = known(names);
  const chain: ChainLink[] = [];
  let chars = 0;
  let current: string | undefined = ref;
  while (current !== undefined) {
    const last: ChainLink | undefined = chain[chain.length - 1];
    if (last && chain.length >= RUBRIC_LIMITS.chainDepth)
      throw new RubricError(last.path, [
        {
          field: 'extends',
          message: `"extends" chains more than ${RUBRIC_LIMITS.chainDepth} rubrics (${chainNames(chain, current)}); at most ${RUBRIC_LIMITS.chainDepth} may be chained`,
          ...rangeOf(last.text, 'extends'),
        },
      ]);
    const source = sourceFor(current, resolve, last?.path);
    if (!source || source.problem !== undefined) {
      // The caller's reason when it refused to read the file; otherwise there is no such rubric.
      const why = source?.problem !== undefined ? `${quote(current)} ${shortReason(source.problem)}` : undefined;
      if (!last)
        throw new RubricError(shortName(current), [
          {
            field: '',
            message: why ?? `no rubric named ${quote(current)} (built-in: ${BUILTIN_RUBRIC_NAMES.join(', ')})`,
            start: 0,
            end: 0,
          },
        ]);
      throw new RubricError(last.path, [
        { field: 'extends', message: why ?? `${quote(current)} does not exist`, ...rangeOf(last.text, 'extends') },
      ]);
    }
    // By file, not by name: "../base.json" from two folders names two files, "base" and "./base.json" one.
    if (last && chain.some((c) => c.path === source.path))
      throw new RubricError(last.path, [
        { field: 'extends', message: `"extends" makes a cycle (${chainNames(chain, current)})`, ...rangeOf(last.text, 'extends') },
      ]);
    chars += source.text.length;
    if (last && chars > RUBRIC_LIMITS.chainChars)
      throw new RubricError(source.path, [
        {
          field: '',
          message: `the rubrics in this extends chain have more than ${RUBRIC_LIMITS.chainChars.toLocaleString('en-US')} characters together (at most ${RUBRIC_LIMITS.chainChars.toLocaleString('en-US')})`,
          start: 0,
          end: 0,
        },
      ]);
    const checked = checkedSource(source.text, knownNames);
    if ('problems' in checked) throw new RubricError(source.path, checked.problems);
    chain.push({ ref: current, path: source.path, text: source.text, data: checked.data });
    current = checked.data.extends;
  }
  const key = chain.map((c) => c.text).join('\u0000');
  const cacheKey = `${ref}\u0000${key}`;
  let rubric = BUILT.get(cacheKey);
  if (!rubric) {
    rubric = build(chain.reverse(), ref, key);
    // Building a rubric compiles every word list; the same files always build the same rubric.
    if (BUILT.size > 64) BUILT.clear();
    BUILT.set(cacheKey, rubric);
  }
  return rubric;
}

const BUILT = new Map<string, Rubric>();

/** "team → ../base.json → executive", each name shortened. */
function chainNames(chain: readonly ChainLink[], next: string): string {
  return [...chain.map((c) => c.ref), next].map(shortName).join(' → ');
}

function rangeOf(text: string, key: string, from = 0): { start: number; end: number } {
  const [start, end] = locate(text, key, from);
  return { start, end };
}

const BUILTIN_SOURCES = new Map<string, RubricSource>(
  Object.entries(BUILTIN_RUBRICS).map(([ref, r]) => [ref, { path: `rubrics/${ref}.json`, text: JSON.stringify(r) }]),
);

function sourceFor(ref: string, resolve: RubricResolver | undefined, from: string | undefined): RubricSource | undefined {
  return BUILTIN_SOURCES.get(ref) ?? resolve?.(ref, from);
}

function checkedSource(text: string, names: KnownNames): ReturnType<typeof checkSource> {
  let checked = names.checked.get(text);
  if (!checked) {
    if (names.checked.size > 64) names.checked.clear();
    names.checked.set(text, (checked = checkSource(text, names)));
  }
  return checked;
}

const DEFAULT_THRESHOLDS: Thresholds = {
  sentenceWords: 35,
  paragraphWords: 150,
  documentWords: 1500,
  listItems: 7,
  staleMonths: 6,
  openingSentences: 2,
};

/** Merges a chain of rubric files, base first; refuses a merged result over the limits before indexing it. */
function build(chain: readonly ChainLink[], name: string, key: string): Rubric {
  const severities = new Map<string, Severity | 'off'>();
  const weights = Object.fromEntries(DIMENSIONS.map((d) => [d, 10])) as Record<Dimension, number>;
  const thresholds: Thresholds = { ...DEFAULT_THRESHOLDS };
  const words: Record<string, Set<string>> = {};
  const replacements: Record<string, Map<string, string>> = {};
  for (const [k, v] of Object.entries(baseWords)) {
    if (k.startsWith('$')) continue;
    if (Array.isArray(v)) words[k] = new Set(v);
    else replacements[k] = new Map(Object.entries(v as Record<string, string>));
  }
  let requiredSections: RequiredSection[] = [];
  const credit = Object.fromEntries(DIMENSIONS.map((d) => [d, {}])) as Record<Dimension, Record<string, number>>;
  let description = '';
  for (const { data, path, text } of chain) {
    if (data.description) description = data.description;
    const rules = Object.entries(data.rules ?? {});
    // A family set here overrides what the rubrics below it said of that family's rules, as a rule set here would.
    const families = new Set(rules.filter(([id]) => !id.includes('/')).map(([id]) => id));
    for (const inherited of [...severities.keys()])
      if (families.has(inherited.split('/')[0]!) && inherited.includes('/')) severities.delete(inherited);
    for (const [id, sev] of rules) severities.set(id, sev);
    Object.assign(weights, data.weights ?? {});
    Object.assign(thresholds, data.thresholds ?? {});
    for (const [list, change] of Object.entries(data.words ?? {})) {
      if (list in replacements) {
        for (const [k, v] of Object.entries(change as Record<string, string>)) replacements[list].set(k.toLowerCase(), v);
      } else if (Array.isArray(change)) words[list] = new Set(change);
      else {
        const c = change as { add?: string[]; remove?: string[] };
        for (const p of c.add ?? []) words[list].add(p);
        for (const p of c.remove ?? []) words[list].delete(p);
      }
    }
    if (data.requiredSections) requiredSections = data.requiredSections;
    // A dimension's credit table replaces the one it extends, as a whole.
    for (const [d, spec] of Object.entries(data.credit ?? {})) credit[d as Dimension] = { ...spec };
    // Each file is within the limit alone (checkSource); the chain together is checked as it grows.
    let total = 0;
    for (const set of Object.values(words)) total += set.size;
    for (const map of Object.values(replacements)) total += map.size;
    if (total > RUBRIC_LIMITS.totalPhrases)
      throw new RubricError(path, [
        {
          field: 'words',
          message: `with the rubrics it extends, its word lists hold ${total.toLocaleString('en-US')} phrases; at most ${RUBRIC_LIMITS.totalPhrases.toLocaleString('en-US')} are allowed in all lists together`,
          ...rangeOf(text, 'words'),
        },
      ]);
  }
  const loop = fillerLoops(fillerEntries(chain.map((c) => c.data)))[0];
  if (loop) {
    const { path, text } = chain[loop.source];
    throw new RubricError(path, [
      { field: fillerField(loop.phrase), message: loop.message, ...rangeOf(text, loop.phrase, fillerStart(text)) },
    ]);
  }
  const phrases: Record<string, string[]> = {};
  for (const [k, set] of Object.entries(words)) phrases[k] = [...set];
  for (const [k, map] of Object.entries(replacements)) phrases[k] = [...map.keys()];
  const index = new ListIndex(phrases);
  const lists: Record<string, PhraseList> = {};
  for (const k of Object.keys(phrases)) lists[k] = index.list(k);
  return {
    name,
    description,
    severities,
    weights,
    thresholds,
    lists,
    index,
    replacements,
    requiredSections,
    credit,
    key: `${name}\u0000${key}`,
  };
}

/** Effective severity of a rule: settings override, then rubric by id, then by family, then the rule's default. */
export function severityFor(
  rubric: Rubric,
  ruleId: string,
  defaultSeverity: Severity | 'off',
  overrides?: Record<string, Severity | 'off'>,
): Severity | 'off' {
  const family = ruleId.split('/')[0];
  return overrides?.[ruleId] ?? overrides?.[family] ?? rubric.severities.get(ruleId) ?? rubric.severities.get(family) ?? defaultSeverity;
}
