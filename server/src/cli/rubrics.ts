// Where the CLI may read rubrics from. A rubric named on the command line is the user's own choice and is read
// wherever it is (so are the rubrics it extends). A rubric named by a document (front matter, or `extends` in a
// rubric the document named) is read only from inside the document's repository (the nearest folder above it with
// a `.git` entry) or, outside any repository, from inside the working folder: a memo someone sends you must not
// make the CLI read ~/.ssh or /etc. Each file is read once per run, failures included.
import { existsSync, realpathSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { RubricResolver, RubricSource } from '../presence.js';
import { relativeInside } from '../io/paths.js';
import { parseFrontMatter } from '../core/frontmatter.js';
import { decodeUtf8, readRegularFileSync } from '../io/readFile.js';

export interface RubricNote {
  key: string;
  line: string;
}

/** The real folder a document's rubrics must stay in, and what it is (for the message). */
interface Root {
  path: string;
  kind: "the document's repository" | 'the working folder';
}

/** Workspace rubric names are file names in .presence/rubrics, never paths. */
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export class CliRubrics {
  private readonly cwd = process.cwd();
  private readonly reads = new Map<string, RubricSource | { problem: string }>();
  /** Absolute paths of the rubrics the user chose (--rubric and what it extends), read without a boundary. */
  private readonly chosen = new Set<string>();
  private readonly roots = new Map<string, Root>();
  private readonly noted = new Set<string>();
  /**
   * One line per rubric that could not be read, for stderr, with the key it is reported once per run under (the
   * CLI's threads each have a CliRubrics, and the main thread prints a key only the first time it sees it).
   */
  readonly notes: RubricNote[] = [];

  /** `cliRubric` is the --rubric value: the only reference that is read without a boundary. */
  constructor(private readonly cliRubric: string | undefined) {}

  /** The engine's resolveRubric for one document (`text`: a rubric its front matter names wins over --rubric). */
  forDocument(file: string, text: string): RubricResolver {
    const docDir = resolve(dirname(file));
    const root = this.rootOf(docDir);
    // The engine asks for the top-level rubric by name alone: when the document names one, that is the one asked
    // for, even if it is spelled like the --rubric value ("team.json" beside the document is another file).
    const named = Boolean(parseFrontMatter(text)?.data.presence);
    return (ref, from) => {
      // `from` is a path as show() wrote it: relative to the working folder, or absolute.
      const fromAbs = from === undefined ? undefined : resolve(this.cwd, from);
      const trusted = fromAbs === undefined ? !named && ref === this.cliRubric : this.chosen.has(fromAbs);
      if (/\.json$/i.test(ref)) {
        // The user's --rubric is relative to where they typed it; anything else to the file that names it.
        const base = fromAbs !== undefined ? dirname(fromAbs) : trusted ? this.cwd : docDir;
        const candidate = resolve(base, ref);
        return this.read(candidate, ref, trusted ? undefined : root);
      }
      if (!NAME.test(ref)) return undefined;
      // A workspace rubric: in the working folder's .presence/rubrics (as before), else the repository's; a
      // symlink there may not lead out of the folder it was found in.
      for (const place of [this.workingFolder(), root]) {
        const p = resolve(place.path, '.presence', 'rubrics', `${ref}.json`);
        if (existsSync(p)) return this.read(p, ref, trusted ? undefined : place);
      }
      return undefined;
    };
  }

  private workingFolder(): Root {
    return this.rootOf(undefined);
  }

  /** The document folder's repository, or the working folder (for `undefined`, or outside any repository). */
  private rootOf(dir: string | undefined): Root {
    const key = dir ?? '';
    let root = this.roots.get(key);
    if (root === undefined) {
      root = { path: this.cwd, kind: 'the working folder' };
      for (let d = dir; d !== undefined; d = dirname(d)) {
        if (existsSync(resolve(d, '.git'))) {
          root = { path: d, kind: "the document's repository" };
          break;
        }
        if (dirname(d) === d) break;
      }
      try {
        root.path = realpathSync(root.path);
      } catch {
        // keep it unresolved: no real path is inside a folder that cannot be resolved
      }
      this.roots.set(key, root);
    }
    return root;
  }

  private read(candidate: string, ref: string, boundary: Root | undefined): RubricSource | undefined {
    let real: string;
    try {
      real = realpathSync(candidate);
    } catch {
      return undefined;
    }
    if (boundary !== undefined && relativeInside(boundary.path, real) === undefined) {
      this.note(
        `${real}\u0000outside`,
        `rubric "${ref}" is outside ${boundary.kind} (${boundary.path}), so it was not read: a document may only name rubrics inside it`,
      );
      return {
        path: ref,
        text: '',
        problem: `is outside ${boundary.kind}, so it was not read: a document may only name rubrics inside it`,
      };
    }
    let got = this.reads.get(real);
    if (!got) {
      const r = readRegularFileSync(real);
      // A byte-order mark stays: the engine's rubric reader skips it.
      const text = r.ok ? decodeUtf8(r.bytes) : undefined;
      if (text !== undefined) got = { path: this.show(real), text };
      else got = { problem: r.ok ? 'is not valid UTF-8' : r.reason };
      this.reads.set(real, got);
    }
    if ('problem' in got) {
      this.note(`${real}\u0000read`, `rubric ${this.show(real)} ${got.problem}, so it was not used`);
      return { path: this.show(real), text: '', problem: got.problem };
    }
    if (boundary === undefined) this.chosen.add(real);
    return got;
  }

  /** A path as the user would type it: relative to the working folder when inside it. */
  private show(p: string): string {
    return relativeInside(this.cwd, p) ?? p;
  }

  private note(key: string, line: string): void {
    if (this.noted.has(key)) return;
    this.noted.add(key);
    this.notes.push({ key, line: `presence: ${line}` });
  }
}
