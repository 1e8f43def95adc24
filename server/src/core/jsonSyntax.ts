// Where and why a text is not valid JSON, in our own words. V8's JSON.parse messages quote the source text
// ("Unexpected token 'S', "SECRET_TOKEN=…" is not valid JSON") and often give no position, and a rubric
// message can reach SARIF in CI, so the first error is found here instead. Only called once JSON.parse has
// failed; iterative (an explicit stack), so deep nesting cannot overflow it.

export interface JsonSyntaxError {
  /** UTF-16 offset of the first character at fault (the text's length when it ends too early). */
  offset: number;
  reason: string;
}

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);

/** The first syntax error in `text`, or undefined when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let i = 0;
  const n = text.length;
  /** Open containers, innermost last; `fresh` until their first member is read. */
  const stack: Array<{ object: boolean; fresh: boolean }> = [];
  const fail = (reason: string, at = i): JsonSyntaxError => ({ offset: Math.min(at, n), reason });
  const skipWs = (): void => {
    while (i < n && WS.has(text.charCodeAt(i))) i++;
  };
  const string = (): JsonSyntaxError | undefined => {
    i++; // opening quote
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return undefined;
      }
      if (c < 0x20) return fail('a string has a line break or control character in it; write it as an escape such as \\n');
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return fail('a \\u escape needs four hex digits');
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else return fail('a string has an escape that JSON does not allow');
        continue;
      }
      i++;
    }
    return fail('a string has no closing "', n);
  };
  const number = (): JsonSyntaxError | undefined => {
    const m = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    m.lastIndex = i;
    if (!m.exec(text)) return fail('a number is malformed');
    const end = m.lastIndex;
    // "1." or "1e" stop the pattern early; the next character tells.
    if (end < n && /[.eE\d]/.test(text[end])) return fail('a number is malformed', end);
    i = end;
    return undefined;
  };
  /** Parses one scalar, or opens a container on the stack for the loop below to fill: no recursion. */
  const value = (): JsonSyntaxError | undefined => {
    skipWs();
    if (i >= n) return fail('the file ends where a value was expected');
    const ch = text[i];
    if (ch === '{' || ch === '[') {
      stack.push({ object: ch === '{', fresh: true });
      i++;
      return undefined;
    }
    if (ch === '"') return string();
    if (ch === '-' || (ch >= '0' && ch <= '9')) return number();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return undefined;
      }
    }
    return fail('expected an object, array, string, number, true, false or null here');
  };
  /** One member of an object (`"key": value`) or one item of an array. */
  const element = (object: boolean): JsonSyntaxError | undefined => {
    if (!object) return value();
    skipWs();
    if (text[i] !== '"') return fail(i >= n ? 'the file ends where a field name was expected' : 'expected a field name in double quotes');
    const bad = string();
    if (bad) return bad;
    skipWs();
    if (text[i] !== ':') return fail('expected ":" after a field name');
    i++;
    return value();
  };

  let bad = value();
  while (!bad && stack.length > 0) {
    skipWs();
    const top = stack[stack.length - 1];
    const close = top.object ? '}' : ']';
    if (i >= n) bad = fail(`the file ends before a closing "${close}"`);
    else if (text[i] === close) {
      stack.pop();
      i++;
    } else if (top.fresh) {
      top.fresh = false;
      bad = element(top.object);
    } else if (text[i] === ',') {
      i++;
      skipWs();
      if (text[i] === close) bad = fail(`JSON does not allow a comma before "${close}"`);
      else bad = element(top.object);
    } else bad = fail(`expected "," or "${close}" here`);
  }
  if (bad) return bad;
  skipWs();
  return i < n ? fail('there is more text after the end of the JSON value') : undefined;
}

/** 1-based line and column (UTF-16 units) of an offset; `\r\n`, `\r` and `\n` each end a line. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
