// Reads the rule documentation pages (docs/rules/<family>/<rule>.md under the package root) for hovers and links.
// Pages are part of the installed package and do not change while the server runs, so each is read once.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToUri } from './paths.js';

export interface RuleDocPage {
  /** Section body by heading text (`Why it matters`, `Before`, `After`, …), trimmed. */
  sections: Map<string, string>;
}

export class RuleDocs {
  private readonly pages = new Map<string, Promise<RuleDocPage | undefined>>();
  /** Every diagnostic carries its doc's URI; there are a few dozen pages, so each URI is built once. */
  private readonly uris = new Map<string, string>();

  constructor(readonly packageRoot: string) {}

  /** file:// URI of a finding's doc page (`doc` is relative to the package root). */
  uri(doc: string): string | undefined {
    if (!doc) return undefined;
    let u = this.uris.get(doc);
    if (u === undefined) this.uris.set(doc, (u = pathToUri(path.resolve(this.packageRoot, doc))));
    return u;
  }

  page(doc: string): Promise<RuleDocPage | undefined> {
    let p = this.pages.get(doc);
    if (!p) {
      const file = path.resolve(this.packageRoot, doc);
      // Only pages inside the package: `doc` comes from the engine, but a stray `..` should not read arbitrary files.
      p =
        doc && file.startsWith(this.packageRoot + path.sep)
          ? fs.promises.readFile(file, 'utf8').then(parseDocPage, () => undefined)
          : Promise.resolve(undefined);
      this.pages.set(doc, p);
    }
    return p;
  }
}

/** Splits a page at its `## ` headings; fenced code is kept intact so a `##` inside an example does not split it. */
export function parseDocPage(text: string): RuleDocPage {
  const sections = new Map<string, string>();
  let current: string | undefined;
  let body: string[] = [];
  let fence: string | undefined;
  const flush = () => {
    if (current !== undefined) sections.set(current, body.join('\n').trim());
  };
  for (const line of text.split(/\r\n|\r|\n/)) {
    const f = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (f) {
      if (!fence) fence = f[1]![0]!;
      else if (f[1]![0] === fence) fence = undefined;
    }
    const h = fence ? null : /^##\s+(.+?)\s*#*\s*$/.exec(line);
    if (h) {
      flush();
      current = h[1]!;
      body = [];
    } else if (current !== undefined) {
      body.push(line);
    }
  }
  flush();
  return { sections };
}
