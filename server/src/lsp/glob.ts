// A small glob matcher for settings (`presence.rubricByGlob`, `presence.exclude`), so the bundle needs no glob library.
// Supports `**` (any number of path segments), `*`, `?`, `[abc]`, `[!abc]` and `{a,b}`. Paths use `/`.
// A pattern with no `/` matches the file's base name anywhere (like `.gitignore`): `*.draft.md`.

const cache = new Map<string, RegExp>();

export function globToRegExp(pattern: string): RegExp {
  const hit = cache.get(pattern);
  if (hit) return hit;
  let p = pattern.replace(/\\/g, '/').replace(/^\.\//, '');
  if (!p.includes('/')) p = `**/${p}`;
  const re = new RegExp(`^${translate(p)}$`);
  cache.set(pattern, re);
  return re;
}

function translate(p: string): string {
  let out = '';
  let braces = 0;
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    if (c === '*') {
      if (p[i + 1] === '*') {
        const atSegmentStart = i === 0 || p[i - 1] === '/';
        let j = i + 2;
        while (p[j] === '*') j++;
        if (atSegmentStart && p[j] === '/') {
          out += '(?:[^/]*/)*'; // `**/` — zero or more whole segments
          i = j;
        } else if (atSegmentStart && j === p.length) {
          out += '.*'; // trailing `**` — everything below
          i = j - 1;
        } else {
          out += '[^/]*'; // `**` inside a segment acts like `*`
          i = j - 1;
        }
      } else {
        out += '[^/]*';
      }
    } else if (c === '?') {
      out += '[^/]';
    } else if (c === '[') {
      const close = p.indexOf(']', i + 2);
      if (close === -1) {
        out += '\\[';
      } else {
        let body = p.slice(i + 1, close);
        const negate = body.startsWith('!') || body.startsWith('^');
        if (negate) body = body.slice(1);
        out += `[${negate ? '^' : ''}${body.replace(/[\\\]]/g, '\\$&')}]`;
        i = close;
      }
    } else if (c === '{') {
      braces++;
      out += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      out += ')';
    } else if (c === ',' && braces > 0) {
      out += '|';
    } else {
      out += c.replace(/[.+^$()|\\\]{}]/g, '\\$&');
    }
  }
  return out + ')'.repeat(braces);
}

export function matchGlob(pattern: string, path: string): boolean {
  try {
    return globToRegExp(pattern).test(path.replace(/\\/g, '/'));
  } catch {
    return false; // a malformed pattern matches nothing rather than breaking analysis
  }
}
