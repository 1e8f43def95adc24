// Rubrics: data files that pick rules, severities, weights, thresholds, word lists and required sections.
// Loading validates every field and reports problems with the file, the field and an offset to point at.
import { DIMENSIONS, SEVERITIES, type Dimension, type RubricSource, type Severity } from './types.js';
import { PhraseMatcher, ListIndex } from './phrases.js';
import { RULES } from '../rules/registry.js';
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
}

export interface Rubric {
  name: string;
  description: string;
  severities: Map<string, Severity | 'off'>;
  weights: Record<Dimension, number>;
  thresholds: Thresholds;
  lists: Record<string, PhraseMatcher>;
  /** All lists in one index, for scanning a sentence once. */
  index: ListIndex;
  /** Phrase → replacement lists (filler). */
  replacements: Record<string, Map<string, string>>;
  requiredSections: RequiredSection[];
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
}

const FAMILIES = new Set<string>(DIMENSIONS);
const RULE_IDS = new Set(RULES.map((r) => r.id));
const LIST_NAMES = new Set(Object.keys(baseWords).filter((k) => !k.startsWith('$')));
const MAX_LIST_ENTRIES = 5000;
const MAX_PHRASE_LENGTH = 120;

/** Checks a rubric file's text; returns its problems (empty when valid). `extends` is checked by name only. */
export function validateRubric(text: string, path: string): RubricProblem[] {
  const parsed = parseJson(text);
  if ('problem' in parsed) return [parsed.problem];
  return checkData(parsed.value, text).concat([]).map((p) => ({ ...p, message: p.message.replace('%FILE%', path) }));
}

function parseJson(text: string): { value: unknown } | { problem: RubricProblem } {
  if (text.includes('\u0000')) return { problem: { message: 'this is not a text file (it contains NUL bytes)', field: '', start: 0, end: 0 } };
  try {
    return { value: JSON.parse(text) };
  } catch (e) {
    const msg = (e as Error).message;
    const pos = /position (\d+)/.exec(msg);
    const at = pos ? Math.min(Number(pos[1]), text.length) : 0;
    return { problem: { message: `invalid JSON: ${msg.replace(/^JSON\.parse: /, '')}`, field: '', start: at, end: Math.min(at + 1, text.length) } };
  }
}

/** Offset range of a key (or its value) in the JSON text, best effort, for pointing at problems. */
function locate(text: string, key: string): [number, number] {
  const needle = JSON.stringify(key);
  const i = text.indexOf(needle);
  return i < 0 ? [0, Math.min(1, text.length)] : [i, i + needle.length];
}

function checkData(value: unknown, text: string): RubricProblem[] {
  const problems: RubricProblem[] = [];
  const add = (field: string, key: string, message: string): void => {
    const [start, end] = locate(text, key);
    problems.push({ field, message, start, end });
  };
  if (!isObject(value)) {
    problems.push({ field: '', message: 'a rubric must be a JSON object', start: 0, end: Math.min(1, text.length) });
    return problems;
  }
  const known = new Set(['$schema', '$comment', 'name', 'description', 'extends', 'weights', 'rules', 'thresholds', 'words', 'requiredSections']);
  for (const k of Object.keys(value)) if (!known.has(k)) add(k, k, `unknown field "${k}" (expected one of ${[...known].filter((x) => !x.startsWith('$')).join(', ')})`);
  for (const k of ['name', 'description', 'extends']) {
    if (k in value && typeof value[k] !== 'string') add(k, k, `"${k}" must be a string`);
  }
  if ('weights' in value) {
    const w = value.weights;
    if (!isObject(w)) add('weights', 'weights', '"weights" must be an object of dimension → number');
    else
      for (const [d, n] of Object.entries(w)) {
        if (!FAMILIES.has(d)) add(`weights.${d}`, d, `unknown dimension "${d}" (expected one of ${DIMENSIONS.join(', ')})`);
        else if (typeof n !== 'number' || !Number.isFinite(n) || n < 0 || n > 100) add(`weights.${d}`, d, 'a weight must be a number from 0 to 100');
      }
  }
  if ('rules' in value) {
    const r = value.rules;
    if (!isObject(r)) add('rules', 'rules', '"rules" must be an object of rule id or family → severity');
    else
      for (const [id, sev] of Object.entries(r)) {
        if (!RULE_IDS.has(id) && !FAMILIES.has(id)) add(`rules.${id}`, id, `unknown rule "${id}"${suggest(id)}`);
        else if (typeof sev !== 'string' || !(SEVERITIES as readonly string[]).concat('off').includes(sev))
          add(`rules.${id}`, id, `severity must be one of error, warning, information, hint, off (got ${JSON.stringify(sev)})`);
      }
  }
  if ('thresholds' in value) {
    const t = value.thresholds;
    if (!isObject(t)) add('thresholds', 'thresholds', '"thresholds" must be an object');
    else
      for (const [k, n] of Object.entries(t)) {
        const limits = THRESHOLD_LIMITS[k as keyof Thresholds];
        if (!limits) add(`thresholds.${k}`, k, `unknown threshold "${k}" (expected one of ${Object.keys(THRESHOLD_LIMITS).join(', ')})`);
        else if (typeof n !== 'number' || !Number.isInteger(n) || n < limits[0] || n > limits[1])
          add(`thresholds.${k}`, k, `must be a whole number from ${limits[0]} to ${limits[1]}`);
      }
  }
  if ('words' in value) {
    const w = value.words;
    if (!isObject(w)) add('words', 'words', '"words" must be an object of list name → phrases');
    else
      for (const [name, list] of Object.entries(w)) {
        const field = `words.${name}`;
        if (!LIST_NAMES.has(name)) {
          add(field, name, `unknown word list "${name}"${suggest(name, [...LIST_NAMES])}`);
          continue;
        }
        const parts: unknown[] = Array.isArray(list) ? [list] : isObject(list) && name !== 'filler' ? [list.add ?? [], list.remove ?? []] : [];
        if (name === 'filler') {
          if (!isObject(list)) add(field, name, '"filler" must be an object of phrase → replacement');
          else if (Object.keys(list).length > MAX_LIST_ENTRIES) add(field, name, `too many entries (at most ${MAX_LIST_ENTRIES})`);
          else if (Object.entries(list).some(([k, v]) => typeof v !== 'string' || k.length > MAX_PHRASE_LENGTH)) add(field, name, 'each filler entry maps a phrase to a replacement string');
          continue;
        }
        if (parts.length === 0) {
          add(field, name, 'a word list is an array of phrases or { "add": [...], "remove": [...] }');
          continue;
        }
        for (const part of parts) {
          if (!Array.isArray(part) || part.some((p) => typeof p !== 'string')) add(field, name, 'phrases must be strings');
          else if (part.length > MAX_LIST_ENTRIES) add(field, name, `too many phrases (${part.length}; at most ${MAX_LIST_ENTRIES})`);
          else if (part.some((p: string) => p.length > MAX_PHRASE_LENGTH)) add(field, name, `a phrase is longer than ${MAX_PHRASE_LENGTH} characters`);
        }
      }
  }
  if ('requiredSections' in value) {
    const rs = value.requiredSections;
    if (!Array.isArray(rs) || rs.some((s) => !isObject(s) || typeof s.name !== 'string' || !Array.isArray(s.headings) || s.headings.some((h) => typeof h !== 'string')))
      add('requiredSections', 'requiredSections', '"requiredSections" must be an array of { "name": string, "headings": [string, ...] }');
  }
  return problems;
}

function suggest(id: string, pool: string[] = [...RULE_IDS]): string {
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

/**
 * Resolves a rubric by built-in name or through the caller's resolver, following `extends`.
 * Throws RubricError naming the file, field and problem.
 */
export function loadRubric(ref: string, resolve?: (ref: string) => RubricSource | undefined): Rubric {
  const chain: Array<{ data: RubricData; path: string; text: string }> = [];
  const seen = new Set<string>();
  let current: string | undefined = ref;
  while (current !== undefined) {
    if (seen.has(current)) {
      const last = chain[chain.length - 1];
      throw new RubricError(last.path, [{ field: 'extends', message: `"extends" makes a cycle (${[...seen, current].join(' → ')})`, ...rangeOf(last.text, 'extends') }]);
    }
    seen.add(current);
    const source = sourceFor(current, resolve);
    if (!source) {
      const last = chain[chain.length - 1];
      if (!last) throw new RubricError(current, [{ field: '', message: `no rubric named "${current}" (built-in: ${BUILTIN_RUBRIC_NAMES.join(', ')})`, start: 0, end: 0 }]);
      throw new RubricError(last.path, [{ field: 'extends', message: `extends "${current}", which does not exist`, ...rangeOf(last.text, 'extends') }]);
    }
    const parsed = parseJson(source.text);
    if ('problem' in parsed) throw new RubricError(source.path, [parsed.problem]);
    const problems = checkData(parsed.value, source.text);
    if (problems.length) throw new RubricError(source.path, problems);
    const data = parsed.value as RubricData;
    chain.push({ data, path: source.path, text: source.text });
    current = data.extends;
  }
  const key = chain.map((c) => c.text).join('\u0000');
  const cacheKey = `${ref}\u0000${key}`;
  let rubric = BUILT.get(cacheKey);
  if (!rubric) {
    rubric = build(chain.reverse().map((c) => c.data), ref, key);
    // Building a rubric compiles every word list; the same files always build the same rubric.
    if (BUILT.size > 64) BUILT.clear();
    BUILT.set(cacheKey, rubric);
  }
  return rubric;
}

const BUILT = new Map<string, Rubric>();

function rangeOf(text: string, key: string): { start: number; end: number } {
  const [start, end] = locate(text, key);
  return { start, end };
}

function sourceFor(ref: string, resolve?: (ref: string) => RubricSource | undefined): RubricSource | undefined {
  const builtin = BUILTIN_RUBRICS[ref];
  if (builtin) return { path: `rubrics/${ref}.json`, text: JSON.stringify(builtin) };
  return resolve?.(ref);
}

const DEFAULT_THRESHOLDS: Thresholds = { sentenceWords: 35, paragraphWords: 150, documentWords: 1500, listItems: 7, staleMonths: 6, openingSentences: 2 };

/** Merges a chain of rubric data, base first. */
function build(chain: RubricData[], name: string, key: string): Rubric {
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
  let description = '';
  for (const data of chain) {
    if (data.description) description = data.description;
    for (const [id, sev] of Object.entries(data.rules ?? {})) severities.set(id, sev);
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
  }
  const phrases: Record<string, string[]> = {};
  for (const [k, set] of Object.entries(words)) phrases[k] = [...set];
  for (const [k, map] of Object.entries(replacements)) phrases[k] = [...map.keys()];
  const lists: Record<string, PhraseMatcher> = {};
  for (const [k, p] of Object.entries(phrases)) lists[k] = new PhraseMatcher(p);
  return { name, description, severities, weights, thresholds, lists, index: new ListIndex(phrases), replacements, requiredSections, key: `${name}\u0000${key}` };
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
