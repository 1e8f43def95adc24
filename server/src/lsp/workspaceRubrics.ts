// Team rubrics: `.presence/rubrics/*.json` in each workspace folder, resolvable by file name, plus rubric files that
// front matter names by path. Each file's problems (from the engine's validateRubric) are published on that file.
// In an untrusted workspace none of this is read: workspace content must not configure the server.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DiagnosticSeverity, type Connection, type Diagnostic } from 'vscode-languageserver';
import { BUILTIN_RUBRIC_NAMES, validateRubric, type RubricSource } from '../engine/index.js';
import type { RubricInfo } from '../protocol.js';
import { LineIndex } from './positions.js';
import { pathToUri, relativeInside, uriToPath } from './paths.js';

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

interface PathRubric {
  mtimeMs: number;
  size: number;
  source: RubricSource;
}

export class WorkspaceRubrics {
  private folders: string[] = [];
  private folderUriList: string[] = [];
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
    this.ready = this.pending = run.catch((e: unknown) => this.connection.console.error(`presence: loading workspace rubrics failed: ${String(e)}`));
    return this.ready;
  }

  /** True when a change to this file may change which rubrics exist or what they say. */
  concerns(uri: string): boolean {
    const p = uriToPath(uri);
    if (!p || !p.endsWith('.json')) return false;
    return path.basename(path.dirname(p)) === 'rubrics' || this.pathCache.has(p);
  }

  /** The engine's `resolveRubric` for one document: a path relative to it, or a workspace rubric's name. */
  resolver(docUri: string): (ref: string) => RubricSource | undefined {
    return (ref) => {
      if (!this.trusted) return undefined;
      try {
        const docPath = uriToPath(docUri);
        const looksLikePath = /[\\/]/.test(ref) || ref.endsWith('.json');
        if (looksLikePath && docPath) {
          const found = this.readPathRubric(path.resolve(path.dirname(docPath), ref));
          if (found) return found;
        }
        const name = ref.endsWith('.json') ? ref.slice(0, -5) : ref;
        const hit = this.lookup(name, docPath);
        return hit && { path: hit.displayPath, text: hit.text };
      } catch (e) {
        this.connection.console.error(`presence: resolving rubric "${ref}" failed: ${String(e)}`);
        return undefined;
      }
    };
  }

  list(docUri: string | undefined): RubricInfo[] {
    const out: RubricInfo[] = BUILTIN_RUBRIC_NAMES.map((name) => ({ name, description: this.builtinDescription(name), source: 'built-in' }));
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
    let best: string | undefined;
    for (const f of this.folders) {
      if (relativeInside(f, file) !== undefined && (!best || f.length > best.length)) best = f;
    }
    return best;
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

  // Synchronous because the engine resolves rubrics mid-analysis; a stat per analysis keeps edits to the file visible.
  private readPathRubric(file: string): RubricSource | undefined {
    let st: fs.Stats;
    try {
      st = fs.statSync(file);
    } catch {
      this.pathCache.delete(file);
      return undefined;
    }
    if (!st.isFile()) return undefined;
    const cached = this.pathCache.get(file);
    if (cached && cached.mtimeMs === st.mtimeMs && cached.size === st.size) return cached.source;
    const text = fs.readFileSync(file, 'utf8');
    const source = { path: this.displayPath(file), text };
    this.pathCache.set(file, { mtimeMs: st.mtimeMs, size: st.size, source });
    this.publishProblems(file, text);
    return source;
  }

  private async loadAll(): Promise<void> {
    const next = new Map<string, Map<string, LoadedRubric>>();
    const seen = new Set<string>();
    this.pathCache.clear();
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
          let text: string;
          try {
            text = await fs.promises.readFile(file, 'utf8');
          } catch {
            continue;
          }
          rubrics.set(n.slice(0, -5), { name: n.slice(0, -5), file, displayPath: this.displayPath(file), text, description: describe(text) });
          seen.add(pathToUri(file));
          this.publishProblems(file, text);
        }
        next.set(folder, rubrics);
      }
    }
    this.byFolder = next;
    for (const uri of this.published) {
      if (!seen.has(uri)) {
        this.published.delete(uri);
        void this.connection.sendDiagnostics({ uri, diagnostics: [] });
      }
    }
  }

  private publishProblems(file: string, text: string): void {
    const uri = pathToUri(file);
    let diagnostics: Diagnostic[];
    try {
      const lines = new LineIndex(text);
      diagnostics = validateRubric(text, this.displayPath(file)).map((p) => ({
        range: lines.range(p.start, p.end),
        severity: DiagnosticSeverity.Error,
        source: 'presence',
        code: 'rubric/invalid',
        message: p.field && !p.message.includes(p.field) ? `${p.field}: ${p.message}` : p.message,
      }));
    } catch (e) {
      diagnostics = [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Error, source: 'presence', message: `Could not check this rubric: ${String(e)}` }];
    }
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
    if (typeof parsed === 'object' && parsed !== null && 'description' in parsed && typeof parsed.description === 'string') return parsed.description;
  } catch {
    // the file's problems are reported by validateRubric
  }
  return '';
}
