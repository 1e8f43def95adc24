// Expands files, folders and globs into Markdown files, in a stable order.
import { readdirSync, statSync, type Dirent, type Stats } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { compileGlob } from '../core/glob.js';

const MARKDOWN = /\.(md|markdown|mdx)$/i;
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', '.e2e', '.bench-cache']);

function walk(dir: string, out: string[]): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) walk(p, out);
    } else if (e.isFile() && MARKDOWN.test(e.name)) out.push(p);
  }
}

export interface Expanded {
  files: string[];
  /** Inputs that matched nothing. */
  missing: string[];
}

/**
 * A glob's files. The pattern is split at the last '/' before its first wildcard: the part before is a folder
 * (relative, `../`, or absolute) that is walked, the rest is matched against paths relative to that folder, and
 * files are shown as the folder joined with that relative path (as the user wrote it, not absolutised).
 */
function expandGlob(input: string): string[] {
  const norm = input.split(sep).join('/');
  const cut = norm.slice(0, norm.search(/[*?{]/)).lastIndexOf('/') + 1;
  const base = norm.slice(0, cut);
  const rest = norm.slice(cut);
  // The shell's reading: `*.md` is this folder's files, not every folder's.
  const matches = compileGlob(rest, { anywhere: false });
  const all: string[] = [];
  walk(base || '.', all);
  const matched: string[] = [];
  for (const f of all) {
    const rel = relative(base || '.', f)
      .split(sep)
      .join('/');
    if (matches(rel)) matched.push(f); // walk joined it from the folder as written
  }
  return matched;
}

export function expandInputs(inputs: string[]): Expanded {
  const files: string[] = [];
  const missing: string[] = [];
  for (const input of inputs) {
    let st: Stats | undefined;
    try {
      st = statSync(input);
    } catch {
      st = undefined;
    }
    // A name that exists is itself, even when it contains a wildcard character.
    if (!st && /[*?{]/.test(input)) {
      const matched = expandGlob(input);
      if (matched.length === 0) missing.push(input);
      files.push(...matched);
      continue;
    }
    if (!st) missing.push(input);
    else if (st.isDirectory()) {
      const before = files.length;
      walk(input, files);
      if (files.length === before) missing.push(input);
    } else files.push(input);
  }
  return { files: [...new Set(files)], missing };
}
