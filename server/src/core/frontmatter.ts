// Front matter, the one reader for the engine, the server and the client: YAML between `---` fences, or TOML between
// `+++` fences (Hugo, Zola). Only top-level `key: scalar` (`key = "scalar"`) pairs are read (Presence needs
// `presence` and `title`). A UTF-8 byte-order mark before the opening fence is skipped.
// Lines are scanned by hand, not with a backtracking pattern: a line of 100 KB of spaces cost seconds that way.

export interface FrontMatter {
  syntax: 'yaml' | 'toml';
  /** Offset of the opening fence (1 when a byte-order mark comes first). */
  start: number;
  /** End of the closing fence's content (before its line break). */
  end: number;
  /** Where the text after the block starts: the line after the closing fence, or the end of the text. */
  bodyStart: number;
  /** Where a new top-level key goes: the closing fence's line, or in TOML the first `[table]` header's. */
  keyInsertAt: number;
  data: Record<string, string>;
  /** Offsets of each key's value, for fixes and error ranges. */
  valueRanges: Record<string, [number, number]>;
  /** Offsets of each key's whole line (without its line break), for replacing it. */
  keyLines: Record<string, [number, number]>;
}

const isBlank = (c: number): boolean => c === 32 || c === 9;
const isKeyStart = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isKeyChar = (c: number): boolean => isKeyStart(c) || (c >= 48 && c <= 57) || c === 45;

/** End of the line starting at `s` (before `\r\n`, `\r` or `\n`) and where the next line starts. */
function lineAt(text: string, s: number): { end: number; next: number } {
  let e = s;
  while (e < text.length) {
    const c = text.charCodeAt(e);
    if (c === 10) return { end: e, next: e + 1 };
    if (c === 13) return { end: e, next: text.charCodeAt(e + 1) === 10 ? e + 2 : e + 1 };
    e++;
  }
  return { end: e, next: e };
}

/** `---` or `...` (only `---` when `open`), or `+++` for TOML, then only spaces or tabs. */
function isFence(text: string, s: number, e: number, open: boolean, toml = false): boolean {
  const a = text.charCodeAt(s);
  const ok = toml ? a === 43 : a === 45 || (!open && a === 46);
  if (!ok || e - s < 3 || text.charCodeAt(s + 1) !== a || text.charCodeAt(s + 2) !== a) return false;
  for (let i = s + 3; i < e; i++) if (!isBlank(text.charCodeAt(i))) return false;
  return true;
}

export function parseFrontMatter(text: string): FrontMatter | null {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const first = lineAt(text, start);
  // The opening fence needs a line after it.
  if (first.next === first.end) return null;
  const toml = isFence(text, start, first.end, true, true);
  if (!toml && !isFence(text, start, first.end, true)) return null;
  const syntax = toml ? 'toml' : 'yaml';
  const data: Record<string, string> = Object.create(null) as Record<string, string>;
  const valueRanges: Record<string, [number, number]> = Object.create(null) as Record<string, [number, number]>;
  const keyLines: Record<string, [number, number]> = Object.create(null) as Record<string, [number, number]>;
  // In TOML, keys after a `[table]` header belong to that table.
  let table = -1;
  for (let s = first.next; s < text.length; ) {
    const { end: e, next } = lineAt(text, s);
    if (isFence(text, s, e, false, toml)) {
      const keyInsertAt = table >= 0 ? table : s;
      return { syntax, start, end: e, bodyStart: next, keyInsertAt, data, valueRanges, keyLines };
    }
    if (toml && table < 0 && text.charCodeAt(s) === 91) table = s; // '['
    if (table < 0) readPair(text, s, e, toml ? 61 : 58, data, valueRanges, keyLines);
    s = next;
  }
  // No closing fence: not front matter (CommonMark reads it as a thematic break and text).
  return null;
}

/** `key: value` (or `key = value`) on the line [s, e): the key starts the line (an indented key belongs to another mapping). */
function readPair(
  text: string,
  s: number,
  e: number,
  separator: number,
  data: Record<string, string>,
  valueRanges: Record<string, [number, number]>,
  keyLines: Record<string, [number, number]>,
): void {
  if (!isKeyStart(text.charCodeAt(s))) return;
  let i = s + 1;
  while (i < e && isKeyChar(text.charCodeAt(i))) i++;
  const key = text.slice(s, i);
  while (i < e && isBlank(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) !== separator) return; // ':' or '='
  i++;
  while (i < e && isBlank(text.charCodeAt(i))) i++;
  let vEnd = e;
  while (vEnd > i && isBlank(text.charCodeAt(vEnd - 1))) vEnd--;
  let vStart = i;
  const q = text.charCodeAt(vStart);
  if ((q === 34 || q === 39) && vEnd - vStart >= 2 && text.charCodeAt(vEnd - 1) === q) {
    vStart++;
    vEnd--;
  }
  // The first line of a key wins for editing; the last one wins for its value, as YAML parsers read duplicates.
  keyLines[key] ??= [s, e];
  data[key] = text.slice(vStart, vEnd);
  valueRanges[key] = [vStart, vEnd];
}
