// The repository root and the shared data beside it (`../shared`), found from this file's own place, so every test,
// bench and script finds them from any checkout and any working folder. The one place that knows the layout.
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..');
export const SHARED_DIR = path.join(REPO_ROOT, '..', 'shared');

/** A path under `../shared`, e.g. `sharedPath('corpus', 'adrs')`. */
export function sharedPath(...parts: string[]): string {
  return path.join(SHARED_DIR, ...parts);
}

/** A path as tracked files record it: relative to the repository root, with `/`, never a machine's absolute path. */
export function fromRoot(p: string): string {
  return path.relative(REPO_ROOT, p).split(path.sep).join('/') || '.';
}
