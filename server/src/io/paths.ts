// Whether a file lies inside a folder, for the doors' rules about what they may read (the CLI's repository
// boundary, the server's workspace folders). Paths, not URIs; links are the caller's to resolve first.
import * as path from 'node:path';

/** `/`-separated path of `file` relative to `dir`, or undefined when `file` is not inside `dir`. */
export function relativeInside(dir: string, file: string): string | undefined {
  const rel = path.relative(dir, file);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep).join('/');
}

/** The deepest of `roots` that holds `file` (by path, not following links), or undefined. */
export function rootOf(roots: readonly string[], file: string): string | undefined {
  let best: string | undefined;
  for (const r of roots) {
    if (relativeInside(r, file) !== undefined && (!best || r.length > best.length)) best = r;
  }
  return best;
}
