// YAML front matter: only top-level `key: scalar` pairs are read; Presence needs `presence:` and `title:`.

export interface FrontMatter {
  /** Offsets of the whole block including the fences. */
  start: number;
  end: number;
  data: Record<string, string>;
  /** Offsets of each key's value, for fixes and error ranges. */
  valueRanges: Record<string, [number, number]>;
}

export function parseFrontMatter(text: string, lineStarts: number[]): FrontMatter | null {
  if (!/^---[ \t]*\r?\n/.test(text)) return null;
  const data: Record<string, string> = {};
  const valueRanges: Record<string, [number, number]> = {};
  for (let ln = 1; ln < lineStarts.length; ln++) {
    const s = lineStarts[ln];
    const e = ln + 1 < lineStarts.length ? lineStarts[ln + 1] : text.length;
    const line = text.slice(s, e).replace(/\r?\n$|\r$/, '');
    if (/^(?:---|\.\.\.)[ \t]*$/.test(line)) return { start: 0, end: s + line.length, data, valueRanges };
    const m = /^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$/.exec(line);
    if (m) {
      let value = m[2];
      let vs = s + line.indexOf(m[2], m[1].length + 1);
      if (/^(['"]).*\1$/.test(value)) {
        value = value.slice(1, -1);
        vs++;
      }
      data[m[1]] = value;
      valueRanges[m[1]] = [vs, vs + value.length];
    }
  }
  // No closing fence: not front matter (CommonMark reads it as a thematic break and text).
  return null;
}
