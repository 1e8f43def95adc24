// `presence.*` settings: read per resource through workspace/configuration, validated, cached until the client says
// they changed. An invalid value is ignored (the default applies) and the user hears about it once.
import type { Connection } from 'vscode-languageserver';
import type { Severity } from '../presence.js';

export type SeverityOverride = Severity | 'off';

export interface Settings {
  enable: boolean;
  rubric: string;
  rubricByGlob: Record<string, string>;
  severity: Record<string, SeverityOverride>;
  /** Undefined: the rubric's own threshold applies. */
  staleAfterMonths: number | undefined;
  exclude: string[];
  debounceMs: number;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  enable: true,
  rubric: 'executive',
  rubricByGlob: {},
  severity: {},
  staleAfterMonths: undefined,
  exclude: [],
  debounceMs: 100,
});

const SEVERITY_VALUES = new Set<string>(['error', 'warning', 'information', 'hint', 'off']);
/** Longer than this would feel broken; a typo such as 100000 should not silence the editor. The setting's schema in package.json says the same. */
const MAX_DEBOUNCE_MS = 5_000;
/** Globs per setting: far more than any workspace needs, and few enough that each analysis matches them cheaply. */
export const MAX_GLOBS = 200;

export interface ParsedSettings {
  settings: Settings;
  /** Full setting names (`presence.debounceMs`) whose value was ignored, in whole or in part. */
  invalid: string[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Validates the raw `presence` section. Absent (null/undefined) values mean "default" and are not errors. */
export function parseSettings(raw: unknown): ParsedSettings {
  const s: Settings = { ...DEFAULT_SETTINGS, rubricByGlob: {}, severity: {}, exclude: [] };
  const invalid: string[] = [];
  if (raw === null || raw === undefined) return { settings: s, invalid };
  if (!isRecord(raw)) return { settings: s, invalid: ['presence'] };
  const bad = (name: string) => invalid.push(`presence.${name}`);
  const given = (v: unknown) => v !== undefined && v !== null;

  if (given(raw.enable)) {
    if (typeof raw.enable === 'boolean') s.enable = raw.enable;
    else bad('enable');
  }
  if (given(raw.rubric)) {
    if (typeof raw.rubric === 'string' && raw.rubric.trim() !== '') s.rubric = raw.rubric.trim();
    else bad('rubric');
  }
  if (given(raw.rubricByGlob)) {
    if (!isRecord(raw.rubricByGlob)) bad('rubricByGlob');
    else {
      let ok = true;
      const entries = Object.entries(raw.rubricByGlob);
      if (entries.length > MAX_GLOBS) ok = false;
      for (const [glob, rubric] of entries.slice(0, MAX_GLOBS)) {
        if (glob !== '' && typeof rubric === 'string' && rubric.trim() !== '') s.rubricByGlob[glob] = rubric.trim();
        else ok = false;
      }
      if (!ok) bad('rubricByGlob');
    }
  }
  if (given(raw.severity)) {
    if (!isRecord(raw.severity)) bad('severity');
    else {
      let ok = true;
      for (const [rule, level] of Object.entries(raw.severity)) {
        if (typeof level === 'string' && SEVERITY_VALUES.has(level)) s.severity[rule] = level as SeverityOverride;
        else ok = false;
      }
      if (!ok) bad('severity');
    }
  }
  if (given(raw.staleAfterMonths)) {
    const v = raw.staleAfterMonths;
    if (typeof v === 'number' && Number.isFinite(v) && v > 0) s.staleAfterMonths = v;
    else bad('staleAfterMonths');
  }
  if (given(raw.exclude)) {
    if (!Array.isArray(raw.exclude)) bad('exclude');
    else {
      const globs = raw.exclude.filter((g): g is string => typeof g === 'string' && g !== '');
      if (globs.length !== raw.exclude.length || globs.length > MAX_GLOBS) bad('exclude');
      s.exclude = globs.slice(0, MAX_GLOBS);
    }
  }
  if (given(raw.debounceMs)) {
    const v = raw.debounceMs;
    if (typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= MAX_DEBOUNCE_MS) s.debounceMs = v;
    else bad('debounceMs');
  }
  return { settings: s, invalid };
}

/** Fetches settings per document URI and remembers them until `invalidate()`. */
export class SettingsStore {
  private readonly cache = new Map<string, Promise<Settings>>();
  private readonly warned = new Set<string>();
  /** Used when the client cannot answer workspace/configuration (settings pushed in didChangeConfiguration). */
  private pushed: unknown = undefined;

  constructor(
    private readonly connection: Connection,
    private readonly canPull: () => boolean,
  ) {}

  get(uri: string): Promise<Settings> {
    let p = this.cache.get(uri);
    if (!p) {
      p = this.fetch(uri);
      this.cache.set(uri, p);
    }
    return p;
  }

  /** Called on didChangeConfiguration; `pushed` is the `presence` section when the client sent one. */
  invalidate(pushed?: unknown): void {
    if (pushed !== undefined) this.pushed = pushed;
    this.cache.clear();
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  private async fetch(uri: string): Promise<Settings> {
    let raw: unknown = this.pushed;
    if (this.canPull()) {
      try {
        raw = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'presence' });
      } catch (e) {
        this.connection.console.error(`presence: could not read settings: ${String(e)}`);
      }
    }
    const { settings, invalid } = parseSettings(raw);
    this.warn(invalid);
    return settings;
  }

  private warn(invalid: string[]): void {
    for (const name of invalid) {
      if (this.warned.has(name)) continue;
      this.warned.add(name);
      void this.connection.window.showWarningMessage(
        `Presence: "${name}" holds a value Presence cannot use (a wrong type, an unknown level, or more than ${MAX_GLOBS} globs); that part was ignored, and where nothing usable was left the default applies.`,
      );
    }
  }
}
