// The line index: where each line starts, and the line an offset is on. `\r\n`, `\r` and `\n` each end a line, as
// LSP counts them, so the server's positions, the CLI's line numbers and disable comments agree.

/** Offsets where lines start; `\r\n`, `\r` and `\n` each end a line. */
export function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** End of line `i`'s content (before its line break). */
export function lineEnd(text: string, lineStarts: number[], i: number): number {
  if (i + 1 >= lineStarts.length) return text.length;
  let e = lineStarts[i + 1];
  if (text.charCodeAt(e - 1) === 10) e--;
  if (text.charCodeAt(e - 1) === 13) e--;
  return e;
}

/** 0-based line containing offset (binary search). */
export function lineOf(lineStarts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
