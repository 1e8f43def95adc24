// Team rubrics: `.presence/rubrics/*.json` in each workspace folder, resolvable by file name, plus rubric files that
// front matter names by path. Each file's problems (from the engine's validateRubric) are published on that file.
// In an untrusted workspace none of this is read: workspace content must not configure the server.
// Only regular files inside the workspace folders are read (real paths compared, so a link cannot lead out), never
// a FIFO or a device; a file that was refused or failed is remembered by path, mtime, size and inode, so a bad
// rubric costs one stat per analysis, not a read, and is logged once.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DiagnosticSeverity, type Connection, type Diagnostic } from 'vscode-languageserver';
import type { RubricResolver, RubricSource } from '../presence.js';
import { engine } from './engine.js';
import type { RubricInfo } from '../protocol.js';
import { LineIndex } from './positions.js';
import { decodeUtf8, readRegularFile, readRegularFileSync, type ReadResult } from '../io/readFile.js';
import { relativeInside, rootOf } from '../io/paths.js';
import { pathToUri, uriToPath } from './paths.js';

export const RUBRIC_DIR = path.join('.presence', 'rubrics');
export const RUBRIC_GLOB = '**/.presence/rubrics/*.json';

interface LoadedRubric {
  name: string;
  file: string;
  /** Shown in the engine's messages: workspace-relative when possible. */
  displayPath: string;
  text: string;
  description: string;
}

/** What reading one rubric file gave: its text, or why it was not used (never its content). */
type Outcome = { text: string } | { problem: string };

interface PathRubric {
  mtimeMs: number;
  size: number;
  ino: number;
  outcome: Outcome;
}

/** Where a file may be read from: inside a workspace folder, links and all. */
export type Containment = { ok: true; real: string } | { ok: false; problem: string; missing?: true };

function sameFile(a: PathRubric, st: fs.Stats): boolean {
  return a.mtimeMs === st.mtimeMs && a.size === st.size && a.ino === st.ino;
}

function outcomeOf(r: ReadResult): Outcome {
  if (!r.ok) return { problem: r.reason };
  const text = decodeUtf8(r.bytes);
  return text === undefined ? { problem: 'is not valid UTF-8 text' } : { text };
}

export class WorkspaceRubrics {
  private folders: string[] = [];
  /** The folders' real paths (links resolved), what a file's real path must lie inside. */
  private realFolders: string[] = [];
  private folderUriList: string[] = [];
  /** Why a workspace rubric (by file) was not loaded, for the document's rubric error. */
  private skipped = new Map<string, string>();
  private refusalsLogged = new Set<string>();
  private byFolder = new Map<string, Map<string, LoadedRubric>>();
  private pathCache = new Map<string, PathRubric>();
  /** Rubric files we published diagnostics for, so they can be cleared when files vanish or trust is withdrawn. */
  private published = new Set<string>();
  private trusted = true;
  /** Resolves when the latest (re)load finished; analysis waits on it so a document never sees a half-loaded set. */
  ready: Promise<void> = Promise.resolve();
  private pending: Promise<void> | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly builtinDescription: (name: string) => string,
  ) {}

  get isTrusted(): boolean {
    return this.trusted;
  }

  setFolders(folderUris: string[]): void {
    this.folderUriList = [...folderUris];
    this.folders = folderUris.map(uriToPath).filter((p): p is string => p !== undefined);
    this.realFolders = this.folders.map((f) => {
      try {
        return fs.realpathSync(f);
      } catch {
        return f; // a folder that is gone holds no readable file anyway
      }
    });
  }

  /**
   * Whether `file` may be read for the workspace: its path and its real path (every link resolved) must both lie
   * inside the workspace folders. Resolving links touches no file content, so this never blocks on a FIFO.
   */
  contain(file: string): Containment {
    if (rootOf(this.folders, file) === undefined)
      return { ok: false, problem: 'is outside the workspace folders, and Presence reads files only inside them' };
    let real: string;
    try {
      real = fs.realpathSync(file);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      return code === 'ENOENT'
        ? { ok: false, problem: 'does not exist', missing: true }
        : { ok: false, problem: `cannot be read (${code ?? String(e)})` };
    }
    if (rootOf(this.realFolders, real) === undefined)
      return { ok: false, problem: 'is a link to a file outside the workspace folders, which Presence does not read' };
    return { ok: true, real };
  }

  folderUris(): string[] {
    return this.folderUriList;
  }

  setTrusted(trusted: boolean): void {
    this.trusted = trusted;
  }

  /** Re-reads every folder's rubric directory and republishes the files' problems. */
  reload(): Promise<void> {
    // A burst of file events (or the same event from two watchers) shares one pending reload.
    if (this.pending) return this.pending;
    const run = this.ready.then(() => {
      this.pending = undefined;
      return this.loadAll();
    });
    this.ready = this.pending = run.catch((e: unknown) =>
      this.connection.console.error(`presence: loading workspace rubrics failed: ${String(e)}`),
    );
    return this.ready;
  }

  /** True when a change to this file may change which rubrics exist or what they say. */
  concerns(uri: string): boolean {
    const p = uriToPath(uri);
    if (!p?.endsWith('.json')) return false;
    return path.basename(path.dirname(p)) === 'rubrics' || this.pathCache.has(p);
  }

  /**
   * The engine's `resolveRubric` for one document: a path (relative to the rubric that names it in `extends`, or
   * to the document), or a workspace rubric's name. Paths resolve only inside the workspace folders.
   */
  resolver(docUri: string): RubricResolver {
    // Display path → file, for the sources handed out in this analysis, so `from` maps back to a file.
    const handedOut = new Map<string, string>();
    return (ref, from) => {
      if (!this.trusted) return undefined;
      try {
        const file = this.pathFor(docUri, ref, from, handedOut);
        const found = file ? this.readPathRubric(file) : undefined;
        if (found && found.problem === undefined) {
          handedOut.set(found.path, file!);
          return found;
        }
        const name = ref.endsWith('.json') ? ref.slice(0, -5) : ref;
        const hit = this.lookup(name, uriToPath(docUri));
        // Refused rather than missing (a path outside the workspace, a FIFO…): the document's rubric error says why.
        if (!hit) return found ?? this.skippedAs(name);
        handedOut.set(hit.displayPath, hit.file);
        return { path: hit.displayPath, text: hit.text };
      } catch (e) {
        this.connection.console.error(`presence: resolving rubric "${ref}" failed: ${String(e)}`);
        return undefined;
      }
    };
  }

  /** Why the workspace rubric file `<name>.json` was skipped at load (a FIFO, not UTF-8…), as a refused source. */
  private skippedAs(name: string): RubricSource | undefined {
    for (const [file, problem] of this.skipped) {
      if (path.basename(file) === `${name}.json`) return { path: this.displayPath(file), text: '', problem };
    }
    return undefined;
  }

  /** The file a path-like `ref` names, or undefined for a name (or a relative path with nothing to be relative to). */
  private pathFor(docUri: string, ref: string, from: string | undefined, handedOut: Map<string, string>): string | undefined {
    if (!/[\\/]/.test(ref) && !ref.endsWith('.json')) return undefined;
    if (path.isAbsolute(ref)) return path.resolve(ref);
    let base: string | undefined;
    if (from !== undefined) {
      // Display paths are folder-relative; prefer the document's own folder when two folders have the same one.
      const fromFile = handedOut.get(from) ?? (path.isAbsolute(from) ? from : this.underFolder(docUri, from));
      if (fromFile) base = path.dirname(fromFile);
    } else {
      const docPath = uriToPath(docUri);
      if (docPath) base = path.dirname(docPath);
    }
    return base === undefined ? undefined : path.resolve(base, ref);
  }

  private underFolder(docUri: string, rel: string): string | undefined {
    const docPath = uriToPath(docUri);
    const own = docPath ? this.folderOf(docPath) : undefined;
    for (const f of own ? [own, ...this.folders] : this.folders) {
      const candidate = path.resolve(f, rel);
      if (relativeInside(f, candidate) !== undefined && fs.existsSync(candidate)) return candidate;
    }
    return undefined;
  }

  list(docUri: string | undefined): RubricInfo[] {
    const out: RubricInfo[] = engine().BUILTIN_RUBRIC_NAMES.map((name) => ({
      name,
      description: this.builtinDescription(name),
      source: 'built-in',
    }));
    if (!this.trusted) return out;
    const docPath = docUri ? uriToPath(docUri) : undefined;
    const folder = docPath ? this.folderOf(docPath) : undefined;
    const folders = folder ? [folder] : this.folders;
    for (const f of folders) {
      for (const r of this.byFolder.get(f)?.values() ?? []) out.push({ name: r.name, description: r.description, source: r.file });
    }
    return out;
  }

  /** The workspace folder holding `file` (the deepest one, for nested folders). */
  folderOf(file: string): string | undefined {
    return rootOf(this.folders, file);
  }

  private lookup(name: string, docPath: string | undefined): LoadedRubric | undefined {
    const own = docPath ? this.folderOf(docPath) : undefined;
    if (own) {
      const hit = this.byFolder.get(own)?.get(name);
      if (hit) return hit;
    }
    for (const f of this.folders) {
      const hit = this.byFolder.get(f)?.get(name);
      if (hit) return hit;
    }
    return undefined;
  }

  /**
   * The rubric at `file`, or, when it may not or cannot be read, a source with the reason as `problem`; undefined
   * when there is no such file. Synchronous because the engine resolves rubrics mid-analysis; a stat per analysis
   * keeps edits to the file visible.
   */
  private readPathRubric(file: string): RubricSource | undefined {
    const inside = this.contain(file);
    if (!inside.ok) {
      // Nothing outside the workspace is opened or stat'ed. A refusal is logged once per reload, not per keystroke;
      // a missing file is no news (the ref may be a rubric's name).
      this.pathCache.delete(file);
      const note = `presence: rubric ${this.displayPath(file)} was not read: it ${inside.problem}.`;
      if (!inside.missing && !this.refusalsLogged.has(note)) {
        this.refusalsLogged.add(note);
        this.connection.console.error(note);
      }
      return inside.missing ? undefined : { path: this.displayPath(file), text: '', problem: inside.problem };
    }
    let st: fs.Stats;
    try {
      st = fs.statSync(inside.real); // stat never opens the file, so a FIFO cannot block here
    } catch {
      this.pathCache.delete(file);
      return undefined;
    }
    let cached = this.pathCache.get(file);
    if (!cached || !sameFile(cached, st)) {
      const outcome = outcomeOf(readRegularFileSync(inside.real));
      cached = { mtimeMs: st.mtimeMs, size: st.size, ino: st.ino, outcome };
      this.pathCache.set(file, cached);
      this.report(file, outcome);
    }
    return 'text' in cached.outcome
      ? { path: this.displayPath(file), text: cached.outcome.text }
      : { path: this.displayPath(file), text: '', problem: cached.outcome.problem };
  }

  /** Publishes a rubric file's problems, or why it was not read (logged too); the file is inside the workspace. */
  private report(file: string, outcome: Outcome): void {
    if ('text' in outcome) {
      this.publishProblems(file, outcome.text);
      return;
    }
    this.connection.console.error(`presence: rubric ${this.displayPath(file)} was not read: it ${outcome.problem}.`);
    this.publish(file, [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: DiagnosticSeverity.Error,
        source: 'presence',
        code: 'rubric/unreadable',
        message: `Presence did not read this rubric: it ${outcome.problem}.`,
      },
    ]);
  }

  private async loadAll(): Promise<void> {
    const next = new Map<string, Map<string, LoadedRubric>>();
    const seen = new Set<string>();
    const skipped = new Map<string, string>();
    this.pathCache.clear();
    this.refusalsLogged.clear();
    if (this.trusted) {
      for (const folder of this.folders) {
        const dir = path.join(folder, RUBRIC_DIR);
        let names: string[];
        try {
          names = (await fs.promises.readdir(dir)).filter((n) => n.endsWith('.json')).sort();
        } catch {
          continue; // no rubric directory in this folder
        }
        const rubrics = new Map<string, LoadedRubric>();
        for (const n of names) {
          const file = path.join(dir, n);
          const inside = this.contain(file);
          if (!inside.ok && inside.missing) continue; // gone since the listing
          const outcome: Outcome = inside.ok ? outcomeOf(await readRegularFile(inside.real)) : { problem: inside.problem };
          seen.add(pathToUri(file));
          if ('problem' in outcome) skipped.set(file, outcome.problem);
          else
            rubrics.set(n.slice(0, -5), {
              name: n.slice(0, -5),
              file,
              displayPath: this.displayPath(file),
              text: outcome.text,
              description: describe(outcome.text),
            });
          this.report(file, outcome);
        }
        next.set(folder, rubrics);
      }
    }
    this.byFolder = next;
    this.skipped = skipped;
    for (const uri of this.published) {
      if (!seen.has(uri)) {
        this.published.delete(uri);
        void this.connection.sendDiagnostics({ uri, diagnostics: [] });
      }
    }
  }

  private publishProblems(file: string, text: string): void {
    let diagnostics: Diagnostic[];
    try {
      const lines = new LineIndex(text);
      diagnostics = engine()
        .validateRubric(text, this.displayPath(file))
        .map((p) => ({
          range: lines.range(p.start, p.end),
          severity: DiagnosticSeverity.Error,
          source: 'presence',
          code: 'rubric/invalid',
          message: p.field && !p.message.includes(p.field) ? `${p.field}: ${p.message}` : p.message,
        }));
    } catch (e) {
      diagnostics = [
        {
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          severity: DiagnosticSeverity.Error,
          source: 'presence',
          message: `Could not check this rubric: ${String(e)}`,
        },
      ];
    }
    this.publish(file, diagnostics);
  }

  private publish(file: string, diagnostics: Diagnostic[]): void {
    const uri = pathToUri(file);
    this.published.add(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics });
  }

  private displayPath(file: string): string {
    const folder = this.folderOf(file);
    return (folder && relativeInside(folder, file)) ?? file;
  }
}

function describe(text: string): string {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && 'description' in parsed && typeof parsed.description === 'string')
      return parsed.description;
  } catch {
    // the file's problems are reported by validateRubric
  }
  return '';
}
