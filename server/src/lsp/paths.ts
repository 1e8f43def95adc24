// URI ↔ file path helpers; only file: URIs map to disk.
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as path from 'node:path';

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function pathToUri(p: string): string {
  return pathToFileURL(p).href;
}

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
