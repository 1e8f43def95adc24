// The one glob matcher, for settings (`presence.exclude`, `presence.rubricByGlob`, VS Code's `search.exclude`) in
// the server and the client, and for the CLI's file arguments. Paths use `/`.
//
// Supports `**` (any number of whole path segments), `*` and `?` within a segment, `[abc]`, `[a-z]`, `[!abc]`, and
// `{a,b}` (nestable). `**` inside a segment (`docs/**.md`) acts as `*`, as in .gitignore and minimatch.
//
// No regular expressions: settings come from the workspace, even an untrusted one, and a backtracking regex for
// `*a*a*a…*c` against a long name froze the server for over a minute. Matching is the greedy wildcard algorithm
// (backtrack only to the last star), O(path × pattern) at worst, within a segment and again over segments.

export interface GlobOptions {
  /** A pattern without `/` matches a base name at any depth (`*.draft.md`), as settings globs do. Default true. */
  anywhere?: boolean;
}

export type GlobMatcher = (path: string) => boolean;

/** Patterns longer than this, or with more brace alternatives, match nothing: no real setting is that large. */
const MAX_PATTERN = 1024;
const MAX_ALTERNATIVES = 256;

// A segment is a list of tokens: a star, or one character test.
type Token = { star: true } | { star: false; test: (c: string) => boolean };
/** A pattern's segments; GLOBSTAR stands for `**`, any number of whole segments. */
type Segments = Array<Token[] | typeof GLOBSTAR>;
const GLOBSTAR = 0;

const NEVER: GlobMatcher = () => false;
const cache = new Map<string, GlobMatcher>();

export function compileGlob(pattern: string, opts: GlobOptions = {}): GlobMatcher {
  const anywhere = opts.anywhere !== false;
  const key = `${anywhere ? 1 : 0}${pattern}`;
  let m = cache.get(key);
  if (!m) {
    m = build(pattern, anywhere);
    if (cache.size > 512) cache.clear();
    cache.set(key, m);
  }
  return m;
}

export function matchGlob(pattern: string, path: string, opts?: GlobOptions): boolean {
  return compileGlob(pattern, opts)(normalize(path));
}

/**
 * True when the pattern matches the path or a folder that contains it: excluding `drafts` or `drafts/**` excludes
 * `x/drafts/a.md`, the way VS Code's exclude settings and .gitignore read.
 */
export function matchGlobOrParent(pattern: string, path: string, opts?: GlobOptions): boolean {
  return anyMatchesPathOrParent([compileGlob(pattern, opts)], path);
}

/** matchGlobOrParent for several compiled patterns at once. */
export function anyMatchesPathOrParent(matchers: readonly GlobMatcher[], path: string): boolean {
  if (matchers.length === 0) return false;
  const p = normalize(path);
  for (let i = p.indexOf('/'); i >= 0; i = p.indexOf('/', i + 1)) {
    const folder = p.slice(0, i);
    if (i > 0 && matchers.some((m) => m(folder))) return true;
  }
  return matchers.some((m) => m(p));
}

function normalize(path: string): string {
  return path.replace(/\\/g, '/').replace(/^\.\//, '');
}

function build(pattern: string, anywhere: boolean): GlobMatcher {
  let p = normalize(pattern).replace(/\/+$/, '');
  if (p === '' || p.length > MAX_PATTERN) return NEVER;
  if (anywhere && !p.includes('/')) p = `**/${p}`;
  const alternatives = expandBraces(p);
  if (!alternatives) return NEVER;
  const compiled = alternatives.map(segmentsOf);
  return (path) => {
    const parts = path.split('/');
    return compiled.some((segs) => matchSegments(segs, parts));
  };
}

/** `{a,b}c` → ['ac', 'bc'], nested braces too; undefined past MAX_ALTERNATIVES. An unclosed `{` is literal. */
function expandBraces(p: string): string[] | undefined {
  const open = p.indexOf('{');
  if (open < 0) return [p];
  // The matching close and the top-level commas of the first brace group.
  let depth = 0;
  const commas: number[] = [];
  let close = -1;
  for (let i = open; i < p.length; i++) {
    if (p[i] === '{') depth++;
    else if (p[i] === '}' && --depth === 0) {
      close = i;
      break;
    } else if (p[i] === ',' && depth === 1) commas.push(i);
  }
  if (close < 0) return [p];
  const head = p.slice(0, open);
  const bounds = [open, ...commas, close];
  const tails = expandBraces(p.slice(close + 1));
  if (!tails) return undefined;
  const out: string[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const inner = expandBraces(p.slice(bounds[k] + 1, bounds[k + 1]));
    if (!inner) return undefined;
    for (const a of inner) {
      for (const t of tails) {
        out.push(head + a + t);
        if (out.length > MAX_ALTERNATIVES) return undefined;
      }
    }
  }
  return out;
}

function segmentsOf(p: string): Segments {
  const out: Segments = [];
  for (const seg of p.split('/')) {
    if (/^\*\*+$/.test(seg)) {
      if (out[out.length - 1] !== GLOBSTAR) out.push(GLOBSTAR); // `**/**` is one globstar
    } else out.push(tokensOf(seg));
  }
  return out;
}

function tokensOf(seg: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i];
    if (c === '*') {
      while (seg[i + 1] === '*') i++;
      out.push({ star: true });
    } else if (c === '?') out.push({ star: false, test: () => true });
    else if (c === '[') {
      const cls = classAt(seg, i);
      if (cls) {
        out.push({ star: false, test: cls.test });
        i = cls.end;
      } else out.push(literal(c));
    } else out.push(literal(c));
  }
  return out;
}

function literal(ch: string): Token {
  return { star: false, test: (c) => c === ch };
}

/** `[abc]`, `[a-z]`, `[!x]` or `[^x]` starting at i; undefined when there is no closing `]`. */
function classAt(seg: string, i: number): { test: (c: string) => boolean; end: number } | undefined {
  let j = i + 1;
  const negate = seg[j] === '!' || seg[j] === '^';
  if (negate) j++;
  const start = j;
  // A `]` right after the opening is a member, not the end.
  if (seg[j] === ']') j++;
  while (j < seg.length && seg[j] !== ']') j++;
  if (j >= seg.length) return undefined;
  const body = seg.slice(start, j);
  const ranges: Array<[string, string]> = [];
  for (let k = 0; k < body.length; k++) {
    if (body[k + 1] === '-' && k + 2 < body.length) {
      ranges.push([body[k], body[k + 2]]);
      k += 2;
    } else ranges.push([body[k], body[k]]);
  }
  return { test: (c) => ranges.some(([a, b]) => c >= a && c <= b) !== negate, end: j };
}

/**
 * The greedy wildcard algorithm, for characters within a segment and for segments within a path: walk both, and on
 * a mismatch go back only to the last star, letting it take one more item. O(items × pattern) at worst.
 */
function greedyMatch<P, I>(
  pattern: readonly P[],
  items: ArrayLike<I>,
  isStar: (p: P) => boolean,
  matchOne: (p: P, item: I) => boolean,
): boolean {
  let t = 0;
  let n = 0;
  let starT = -1;
  let starN = 0;
  while (n < items.length) {
    const tok = pattern[t];
    if (tok !== undefined && !isStar(tok) && matchOne(tok, items[n])) {
      t++;
      n++;
    } else if (tok !== undefined && isStar(tok)) {
      starT = t++;
      starN = n;
    } else if (starT >= 0) {
      t = starT + 1;
      n = ++starN;
    } else return false;
  }
  while (t < pattern.length && isStar(pattern[t])) t++;
  return t === pattern.length;
}

const isStarToken = (t: Token): boolean => t.star;
const testToken = (t: Token, c: string): boolean => !t.star && t.test(c);
const isGlobstar = (s: Segments[number]): boolean => s === GLOBSTAR;
const matchSegment = (s: Segments[number], part: string): boolean => s !== GLOBSTAR && greedyMatch(s, part, isStarToken, testToken);

/** A star never matches `/`: the path is split into names first, and `**` is the star over names. */
function matchSegments(segs: Segments, parts: readonly string[]): boolean {
  return greedyMatch(segs, parts, isGlobstar, matchSegment);
}
