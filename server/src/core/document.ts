// Markdown → document model with exact UTF-16 offsets into the original text.
//
// markdown-it gives the block structure (CommonMark + GFM tables) with line maps at ~0.7 ms per 10,000 words;
// the GFM mdast parser costs ~100 ms for the same text, which the keystroke budget cannot afford. Inline
// structure (code spans, links, HTML) is masked here by a linear scan, so every prose character keeps its
// original offset and everything that is not prose is never seen by a rule.
import MarkdownIt from 'markdown-it';
import { maskInline } from './mask.js';
import { parseFrontMatter, type FrontMatter } from './frontmatter.js';
import { roleOfTitle, type SectionRole } from './sectionRoles.js';
import { computeLineStarts, lineEnd, lineOf } from './lines.js';

export type BlockKind = 'paragraph' | 'heading' | 'tableCell';

const FOOTNOTE_DEFINITION = /^\[\^[^\]\s]+\]:/;

export interface Block {
  kind: BlockKind;
  /** Offsets of the block's source lines' prose content: [start, end). */
  start: number;
  end: number;
  /** Prose ranges (one per source line) inside [start, end). */
  lines: Array<[number, number]>;
  /** Heading level (1–6) for headings, 0 otherwise. */
  level: number;
  /** Inside a blockquote: someone else's words, not the writer's voice. */
  quoted: boolean;
  /** Index into `Doc.lists` when the block sits in a list item, else -1. */
  list: number;
  /** Item number within that list (0-based), -1 outside lists. */
  item: number;
  /** Nesting depth of lists (0 outside lists). */
  listDepth: number;
  /** Index into `Doc.sections`. */
  section: number;
  /** 0-based line of the block's first line. */
  line: number;
  /** The block contains a link or an autolink. */
  hasLink: boolean;
  /** text.slice(start, end) with everything that is not prose replaced by spaces (line breaks kept). */
  masked: string;
}

export interface Section {
  /** Index of the heading block, -1 for the preamble before any heading. */
  heading: number;
  level: number;
  title: string;
  /** Index of the enclosing section, -1 at top level. */
  parent: number;
  /** Indices of the blocks inside this section (headings of subsections excluded). */
  blocks: number[];
  /** What kind of section the heading opens; a subsection without one of its own takes its parent's. */
  role: SectionRole;
}

export interface List {
  ordered: boolean;
  depth: number;
  section: number;
  /** Offset of the list's first and last item lines. */
  start: number;
  end: number;
  items: number;
}

export interface Directive {
  kind: 'disable' | 'enable' | 'disable-next-line' | 'disable-file';
  /** Rule ids or family names; empty means every rule. */
  rules: string[];
  start: number;
  end: number;
  /** 0-based line of the comment. */
  line: number;
}

export interface Doc {
  text: string;
  frontMatter: FrontMatter | null;
  blocks: Block[];
  sections: Section[];
  lists: List[];
  directives: Directive[];
  /** Offsets where each line starts. */
  lineStarts: number[];
  /** Index of the H1 title block, or -1. */
  title: number;
  /** Set when the text was too long to parse in full: the offset where parsing stopped. */
  parsedTo?: number;
}

const md = new MarkdownIt('commonmark').enable(['table', 'strikethrough']);
// Block structure only: inline parsing happens in maskInline with offsets intact.
// Normalisation (CRLF → LF, NUL → U+FFFD) is done below, and only when the text needs it: two scans of every
// keystroke's text for nothing otherwise.
md.core.ruler.disable(['normalize', 'inline', 'text_join']);

/**
 * Parses `text`, or only its first `maxChars` characters (up to the start of the line they end in) when it is
 * longer: the rest gets no blocks (`parsedTo` says where parsing stopped), only its disable-file comments.
 */
export function parseDocument(text: string, maxChars = Infinity): Doc {
  const lineStarts = computeLineStarts(text);
  const frontMatter = parseFrontMatter(text);
  const parsedTo = text.length > maxChars ? prefixEnd(text, lineStarts, maxChars) : undefined;
  // Front matter lines are blanked for markdown-it so line numbers stay aligned.
  let source = parsedTo === undefined ? text : text.slice(0, parsedTo);
  if (frontMatter) source = source.slice(0, frontMatter.end).replace(/[^\r\n]/g, ' ') + source.slice(frontMatter.end);
  // A byte-order mark is not text: markdown-it would read "\uFEFF# Title" as a paragraph.
  else if (source.charCodeAt(0) === 0xfeff) source = ` ${source.slice(1)}`;
  if (source.includes('\r') || source.includes('\0')) source = source.replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD');
  const tokens = md.parse(source, {});

  const blocks: Block[] = [];
  const sections: Section[] = [{ heading: -1, level: 0, title: '', parent: -1, blocks: [], role: 'none' }];
  const lists: List[] = [];
  const directives: Directive[] = [];
  let quoteDepth = 0;
  const listStack: number[] = [];
  const itemStack: number[] = [];
  let section = 0;
  let title = -1;
  let proseBlocks = 0;
  let pendingHeadingLevel = 0;
  let tableRowLine = -1;
  let tableCellIndex = 0;
  // The cells of the row being read, split once per row.
  let rowCells: { line: number; cells: Array<[number, number]> } = { line: -1, cells: [] };

  const addBlock = (kind: BlockKind, lines: Array<[number, number]>, firstLine: number, level: number): void => {
    const nonEmpty = lines.filter(([s, e]) => e > s);
    if (nonEmpty.length === 0) return;
    const start = nonEmpty[0][0];
    const end = nonEmpty[nonEmpty.length - 1][1];
    const list = listStack.length ? listStack[listStack.length - 1] : -1;
    const block: Block = {
      kind,
      start,
      end,
      lines: nonEmpty,
      level,
      quoted: quoteDepth > 0,
      list,
      item: list >= 0 ? itemStack[itemStack.length - 1] : -1,
      listDepth: listStack.length,
      section,
      line: firstLine,
      hasLink: false,
      masked: '',
    };
    const view = blockView(text, nonEmpty);
    const { masked, hasLink } = maskInline(view, (s, e) => collectDirectives(text, lineStarts, start + s, start + e, directives));
    block.masked = masked;
    block.hasLink = hasLink;
    blocks.push(block);
    if (kind === 'heading') {
      const parentOf = (lvl: number): number => {
        let p = section;
        while (p > 0 && sections[p].level >= lvl) p = sections[p].parent;
        return p;
      };
      const parent = parentOf(level);
      // The document's title ("# Proposal: …") gives no role to the whole document.
      const isTitle = level === 1 && title === -1 && proseBlocks === 0;
      const own = isTitle ? 'none' : roleOfTitle(text.slice(start, end));
      const role = own !== 'none' || parent <= 0 ? own : sections[parent].role;
      sections.push({ heading: blocks.length - 1, level, title: text.slice(start, end), parent, blocks: [], role });
      section = sections.length - 1;
      block.section = section;
      if (level === 1 && title === -1 && proseBlocks === 0) title = blocks.length - 1;
    } else {
      proseBlocks++;
      sections[section].blocks.push(blocks.length - 1);
    }
  };

  for (let t = 0; t < tokens.length; t++) {
    const tok = tokens[t];
    switch (tok.type) {
      case 'blockquote_open':
        quoteDepth++;
        break;
      case 'blockquote_close':
        quoteDepth--;
        break;
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const [l0, l1] = tok.map ?? [0, 0];
        lists.push({
          ordered: tok.type === 'ordered_list_open',
          depth: listStack.length + 1,
          section,
          start: lineStarts[l0] ?? text.length,
          end: lineEnd(text, lineStarts, Math.max(l0, l1 - 1)),
          items: 0,
        });
        listStack.push(lists.length - 1);
        itemStack.push(-1);
        break;
      }
      case 'bullet_list_close':
      case 'ordered_list_close':
        listStack.pop();
        itemStack.pop();
        break;
      case 'list_item_open': {
        const li = listStack[listStack.length - 1];
        itemStack[itemStack.length - 1] = lists[li].items++;
        break;
      }
      case 'heading_open':
        pendingHeadingLevel = Number(tok.tag.slice(1));
        break;
      case 'tr_open':
        tableRowLine = tok.map ? tok.map[0] : -1;
        tableCellIndex = 0;
        break;
      case 'inline': {
        const prev = tokens[t - 1]?.type;
        if (prev === 'th_open' || prev === 'td_open') {
          if (rowCells.line !== tableRowLine) rowCells = { line: tableRowLine, cells: tableRowCells(text, lineStarts, tableRowLine) };
          const cell = rowCells.cells[tableCellIndex++];
          if (cell && /\p{L}/u.test(text.slice(cell[0], cell[1]))) addBlock('tableCell', [cell], tableRowLine, 0);
          break;
        }
        const map = tok.map;
        if (!map) break;
        const kind: BlockKind = prev === 'heading_open' ? 'heading' : 'paragraph';
        const contentLines = tok.content.split('\n');
        let ranges: Array<[number, number]> = [];
        let first = map[0];
        // Footnote definitions ("[^1]: Exact date is unknown…") run together without blank lines are one paragraph
        // to the parser; each is a paragraph of its own, and so is the text before them.
        const notes = kind === 'paragraph' && tok.content.includes('[^');
        for (let i = 0; i < contentLines.length && map[0] + i < lineStarts.length; i++) {
          const ln = map[0] + i;
          if (notes && i > 0 && FOOTNOTE_DEFINITION.test(contentLines[i])) {
            addBlock(kind, ranges, first, 0);
            ranges = [];
            first = ln;
          }
          ranges.push(locateContent(text, lineStarts, ln, contentLines[i], kind === 'heading' ? 0 : map[1] - map[0]));
        }
        addBlock(kind, ranges, first, kind === 'heading' ? pendingHeadingLevel : 0);
        break;
      }
      case 'html_block':
      case 'html_inline':
        collectDirectives(
          text,
          lineStarts,
          tok.map ? lineStarts[tok.map[0]] : 0,
          tok.map ? lineEnd(text, lineStarts, tok.map[1] - 1) : 0,
          directives,
        );
        break;
      default:
        break;
    }
  }

  if (parsedTo !== undefined) {
    // A disable-file comment holds wherever it is.
    const rest: Directive[] = [];
    collectDirectives(text, lineStarts, parsedTo, text.length, rest);
    for (const d of rest) if (d.kind === 'disable-file') directives.push(d);
  }
  sortDirectives(directives);
  return { text, frontMatter, blocks, sections, lists, directives, lineStarts, title, ...(parsedTo !== undefined ? { parsedTo } : {}) };
}

/** Where a prefix of at most `max` characters ends: at a line start, or inside a longer line but off a surrogate pair. */
function prefixEnd(text: string, lineStarts: number[], max: number): number {
  const start = lineStarts[lineOf(lineStarts, max)]!;
  if (start > 0) return start;
  const c = text.charCodeAt(max - 1);
  return c >= 0xd800 && c <= 0xdbff ? max - 1 : max;
}

/** The block's source with the container prefixes between its prose lines blanked. */
export function blockView(text: string, lines: Array<[number, number]>): string {
  let out = '';
  for (let i = 0; i < lines.length; i++) {
    if (i > 0) out += text.slice(lines[i - 1][1], lines[i][0]).replace(/[^\r\n]/g, ' ');
    out += text.slice(lines[i][0], lines[i][1]);
  }
  return out;
}

/**
 * Finds the source range of one content line of an inline token. Content lines are the source lines with
 * container markers and indentation stripped (and the whole content trimmed), so normally a suffix of the line.
 */
function locateContent(text: string, lineStarts: number[], ln: number, content: string, _lineCount: number): [number, number] {
  const ls = lineStarts[ln];
  const le = lineEnd(text, lineStarts, ln);
  const line = text.slice(ls, le);
  const trimmed = content.trimEnd();
  if (trimmed.length === 0) return [le, le];
  const idx = line.lastIndexOf(trimmed);
  if (idx >= 0) return [ls + idx, ls + idx + trimmed.length];
  // Tabs expanded by the parser or NULs replaced: fall back to the line after its markers.
  const m = /^[\s>]*(?:(?:[-+*]|\d{1,9}[.)])\s+)?(?:#{1,6}\s+)?/.exec(line);
  const s = m ? m[0].length : 0;
  let e = line.length;
  while (e > s && /\s/.test(line[e - 1])) e--;
  return [ls + s, ls + e];
}

/** Source ranges of the cells of a GFM table row line, trimmed. */
function tableRowCells(text: string, lineStarts: number[], ln: number): Array<[number, number]> {
  if (ln < 0 || ln >= lineStarts.length) return [];
  const ls = lineStarts[ln];
  const le = lineEnd(text, lineStarts, ln);
  const cells: Array<[number, number]> = [];
  let i = ls;
  // Skip leading indentation/blockquote markers and an optional leading pipe.
  while (i < le && (text[i] === ' ' || text[i] === '\t' || text[i] === '>')) i++;
  if (text[i] === '|') i++;
  let cellStart = i;
  let inCode = false;
  for (; i <= le; i++) {
    const c = i < le ? text[i] : '|';
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '`') inCode = !inCode;
    if (c === '|' && (!inCode || i === le)) {
      cells.push([cellStart, i]);
      cellStart = i + 1;
    }
  }
  // A trailing pipe leaves an empty last cell.
  if (cells.length > 1 && text.slice(cells[cells.length - 1][0], cells[cells.length - 1][1]).trim() === '') cells.pop();
  return cells.map(([cs, ce]) => {
    while (cs < ce && /\s/.test(text[cs])) cs++;
    while (ce > cs && /\s/.test(text[ce - 1])) ce--;
    return [cs, ce];
  });
}

/** What follows `<!--` in a directive; the rules named run to the first `-->`. */
const DIRECTIVE_HEAD = /\s*presence-(disable-next-line|disable-file|disable|enable)\b/y;

/**
 * Directives sorted by start, each once: a comment scanned twice (an HTML block and a paragraph can share a
 * line) is dropped here rather than searched for on every push, which was quadratic in the number of comments.
 */
export function sortDirectives(directives: Directive[]): Directive[] {
  directives.sort((a, b) => a.start - b.start);
  let n = 0;
  for (const d of directives) if (n === 0 || directives[n - 1]!.start !== d.start) directives[n++] = d;
  directives.length = n;
  return directives;
}

/**
 * Appends the directives in the comments of text[start, end) (duplicates are removed by sortDirectives). The
 * same matches as /<!--\s*presence-(…)\b([^]*?)-->/g, found with indexOf: that pattern searched to the end for
 * a `-->` from every unclosed comment, quadratic in an unclosed HTML block full of them.
 */
export function collectDirectives(text: string, lineStarts: number[], start: number, end: number, out: Directive[]): void {
  const slice = text.slice(start, end);
  if (!slice.includes('presence-')) return;
  for (let i = slice.indexOf('<!--'); i >= 0; ) {
    DIRECTIVE_HEAD.lastIndex = i + 4;
    const head = DIRECTIVE_HEAD.exec(slice);
    if (!head) {
      i = slice.indexOf('<!--', i + 1);
      continue;
    }
    const close = slice.indexOf('-->', DIRECTIVE_HEAD.lastIndex);
    // No `-->` after this comment: none after any later one either.
    if (close < 0) return;
    const s = start + i;
    out.push({
      kind: head[1] as Directive['kind'],
      rules: slice
        .slice(DIRECTIVE_HEAD.lastIndex, close)
        .split(/[\s,]+/)
        .filter(Boolean),
      start: s,
      end: start + close + 3,
      line: lineOf(lineStarts, s),
    });
    i = slice.indexOf('<!--', close + 3);
  }
}

/** Index of the first block that starts after `offset` (blocks are in document order); blocks.length if none. */
export function firstBlockAfter(blocks: readonly Block[], offset: number): number {
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid].start <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
