// The only place that turns engine offsets (UTF-16 code units) into LSP line/character positions and back.
// Everything else in the server speaks offsets.
import type { Position, Range } from 'vscode-languageserver';
// The engine counts lines the way LSP does: `\r\n`, `\r` and `\n` each end one.
import { computeLineStarts, lineOf } from '../core/lines.js';

export class LineIndex {
  /** Offset where each line starts; `\r\n`, `\r` and `\n` each end a line, as LSP counts them. */
  readonly starts: readonly number[];

  /** `lineStarts`, when given, are the engine's for this same text (the analysis has them already). */
  constructor(
    readonly text: string,
    lineStarts: readonly number[] = computeLineStarts(text),
  ) {
    this.starts = lineStarts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): Position {
    let o = Math.max(0, Math.min(Math.trunc(offset) || 0, this.text.length));
    // Inside a `\r\n` pair there is no position; use the end of the line, as editors do.
    if (o > 0 && this.text.charCodeAt(o - 1) === 13 && this.text.charCodeAt(o) === 10) o--;
    const line = lineOf(this.starts, o);
    return { line, character: o - this.starts[line]! };
  }

  /** Clamps like LSP clients expect: a character past the line's end means the end of that line (before its break). */
  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[position.line]!;
    return Math.max(start, Math.min(start + Math.max(0, position.character), this.lineContentEnd(position.line)));
  }

  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  lineOf(offset: number): number {
    return this.positionAt(offset).line;
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))]!;
  }

  /** Offset just before the line break of `line` (or the end of the text on the last line). */
  lineContentEnd(line: number): number {
    if (line + 1 >= this.starts.length) return this.text.length;
    const start = this.starts[line]!;
    let end = this.starts[line + 1]! - 1; // the break's last character
    if (this.text.charCodeAt(end) === 10 && end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineContentEnd(line));
  }

  /** The document's own line break, so inserted lines match it. */
  get eol(): string {
    const m = /\r\n|\r|\n/.exec(this.text);
    return m ? m[0] : '\n';
  }
}
