// Sets the `presence:` key in a Markdown document's YAML front matter. Pure: returns one text edit, so the
// caller can apply it without touching anything else in the document.

export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

/** Plain YAML scalars stay bare; anything YAML could misread (colons, #, quotes, spaces) is double-quoted. */
export function yamlScalar(value: string): string {
  return /^[A-Za-z0-9_./-]+$/.test(value) && !/^[-.]/.test(value) ? value : JSON.stringify(value);
}

interface Line {
  start: number;
  /** End of the content, before the line break. */
  end: number;
  /** Start of the next line. */
  next: number;
}

function* lines(text: string, from: number): Generator<Line> {
  let start = from;
  while (start < text.length) {
    const nl = text.indexOf('\n', start);
    const next = nl === -1 ? text.length : nl + 1;
    let end = nl === -1 ? text.length : nl;
    if (end > start && text[end - 1] === '\r') end--;
    yield { start, end, next };
    start = next;
  }
}

export function setFrontMatterKey(text: string, key: string, value: string): OffsetEdit {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const entry = `${key}: ${yamlScalar(value)}`;
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  const it = lines(text, bom);
  const first = it.next();
  if (!first.done && /^---[ \t]*$/.test(text.slice(first.value.start, first.value.end))) {
    const keyLine = new RegExp(`^${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[ \\t]*:`);
    let found: Line | undefined;
    for (const line of it) {
      const content = text.slice(line.start, line.end);
      if (/^(---|\.\.\.)[ \t]*$/.test(content)) {
        if (found) return { start: found.start, end: found.end, newText: entry };
        return { start: line.start, end: line.start, newText: entry + eol };
      }
      // Only a top-level key counts; an indented one belongs to some other mapping.
      if (!found && keyLine.test(content)) found = line;
    }
    // An opening `---` with no closing one is a thematic break, not front matter: fall through.
  }
  return { start: bom, end: bom, newText: `---${eol}${entry}${eol}---${eol}${eol}` };
}
