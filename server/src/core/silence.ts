// presence-disable comments → one question per finding: is this rule silenced at this offset? Answered from
// maps and sorted arrays built once per document, so silencing costs O((findings + directives) log n) rather
// than findings × directives.
import type { Directive, Doc } from './document.js';
import { lineOf } from './lines.js';

/** Rule names (ids or families) a set of comments names; `all` for a comment that names none. */
interface Names {
  all: boolean;
  names: Set<string>;
}

/** The range comments (disable / enable) that concern one name, in document order. */
interface Ranges {
  starts: number[];
  disables: boolean[];
}

const WILDCARD = '';

function addNames(into: Names, d: Directive): void {
  if (d.rules.length === 0) into.all = true;
  for (const r of d.rules) into.names.add(r);
}

const named = (n: Names | undefined, id: string, family: string): boolean =>
  n !== undefined && (n.all || n.names.has(id) || n.names.has(family));

/** Whether a finding of `rule` at `start` is silenced by presence-disable comments; undefined when there are none. */
export function silencer(doc: Doc): ((rule: string, start: number) => boolean) | undefined {
  const directives = doc.directives;
  if (directives.length === 0) return undefined;
  const file: Names = { all: false, names: new Set() };
  /** By the line a disable-next-line comment silences. */
  const nextLine = new Map<number, Names>();
  /** By name, WILDCARD for comments that name no rule. Directives are sorted by start. */
  const ranges = new Map<string, Ranges>();
  for (const d of directives) {
    if (d.kind === 'disable-file') addNames(file, d);
    else if (d.kind === 'disable-next-line') {
      let n = nextLine.get(d.line + 1);
      if (!n) nextLine.set(d.line + 1, (n = { all: false, names: new Set() }));
      addNames(n, d);
    } else {
      // A comment that names a rule twice, or a rule and its family, counts once per name.
      for (const name of d.rules.length === 0 ? [WILDCARD] : new Set(d.rules)) {
        let r = ranges.get(name);
        if (!r) ranges.set(name, (r = { starts: [], disables: [] }));
        r.starts.push(d.start);
        r.disables.push(d.kind === 'disable');
      }
    }
  }
  return (rule, start) => {
    const family = rule.split('/')[0]!;
    if (named(file, rule, family)) return true;
    if (nextLine.size > 0 && named(nextLine.get(lineOf(doc.lineStarts, start)), rule, family)) return true;
    // Later comments win (disable … enable … disable): the last range comment before the finding that names it.
    let latest = -1;
    let disabled = false;
    for (const name of [WILDCARD, rule, family]) {
      const r = ranges.get(name);
      if (!r) continue;
      // lineOf finds the last start at or before an offset in any sorted list (index 0 when there is none).
      const k = lineOf(r.starts, start);
      if (r.starts[k]! <= start && r.starts[k]! > latest) {
        latest = r.starts[k]!;
        disabled = r.disables[k]!;
      }
    }
    return disabled;
  };
}
