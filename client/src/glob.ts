// A small glob matcher for the audit's exclude settings (`presence.exclude`, `search.exclude`).
// findFiles takes a single exclude pattern that would replace `files.exclude`, so the extra excludes are
// applied here instead. Supports `**`, `*`, `?`, `{a,b}` (nestable) and `[...]`, like VS Code's settings.

/**
 * `anywhere`: a pattern with no `/` matches a name at any depth (`*.draft.md`), the way the server reads
 * `presence.exclude`. VS Code's own exclude settings match from the folder root, so they leave it off.
 */
export function globToRegExp(pattern: string, anywhere = false): RegExp {
  let glob = pattern.replace(/\\/g, '/').replace(/^\.\//, '');
  if (anywhere && !glob.includes('/')) glob = `**/${glob}`;
  let re = '';
  let depth = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const slashAfter = glob[i + 2] === '/';
        const atSegmentStart = i === 0 || glob[i - 1] === '/';
        if (atSegmentStart && slashAfter) {
          re += '(?:.*/)?';
          i += 2;
        } else {
          re += '.*';
          i += 1;
        }
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') {
      depth++;
      re += '(?:';
    } else if (c === '}' && depth > 0) {
      depth--;
      re += ')';
    } else if (c === ',' && depth > 0) re += '|';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close === -1) re += '\\[';
      else {
        let body = glob.slice(i + 1, close);
        if (body.startsWith('!')) body = '^' + body.slice(1);
        re += `[${body.replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else re += c.replace(/[.+^$()|\\\]]/g, '\\$&');
  }
  while (depth-- > 0) re += ')';
  return new RegExp(`^${re}$`);
}

/** True when the path, or any folder that contains it, matches one of the globs (excluding a folder excludes its files). */
export function isExcluded(relativePath: string, globs: readonly RegExp[]): boolean {
  if (globs.length === 0) return false;
  const parts = relativePath.replace(/\\/g, '/').split('/');
  for (let i = 1; i <= parts.length; i++) {
    const prefix = parts.slice(0, i).join('/');
    if (globs.some((g) => g.test(prefix))) return true;
  }
  return false;
}
