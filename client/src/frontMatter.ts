// Sets the `presence` key in a Markdown document's front matter (YAML, or TOML between `+++` fences). Pure: returns one text edit, so the
// caller can apply it without touching anything else in the document.
import { parseFrontMatter } from '../../server/src/core/frontmatter.js';

export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

/** Plain YAML scalars stay bare; anything YAML could misread (colons, #, quotes, spaces) is double-quoted. */
export function yamlScalar(value: string): string {
  return /^[A-Za-z0-9_./-]+$/.test(value) && !/^[-.]/.test(value) ? value : JSON.stringify(value);
}

/** The edit that sets `key` in the front matter, adding front matter when the document has none. */
export function setFrontMatterKey(text: string, key: string, value: string): OffsetEdit {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const fm = parseFrontMatter(text);
  if (fm) {
    const entry = fm.syntax === 'toml' ? `${key} = ${JSON.stringify(value)}` : `${key}: ${yamlScalar(value)}`;
    const line = fm.keyLines[key];
    if (line) return { start: line[0], end: line[1], newText: entry };
    return { start: fm.keyInsertAt, end: fm.keyInsertAt, newText: entry + eol };
  }
  const entry = `${key}: ${yamlScalar(value)}`;
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  return { start: bom, end: bom, newText: `---${eol}${entry}${eol}---${eol}${eol}` };
}
