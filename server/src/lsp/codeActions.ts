// Quick fixes, fix-all and the disable-comment actions, computed on engine offsets and converted at the end.
import {
  CodeActionKind,
  type CodeAction,
  type Diagnostic,
  type SnippetTextEdit,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { hasSlot, snippetFor } from '../core/slots.js';
import { parseFrontMatter } from '../core/frontmatter.js';
import type { Finding, Fix, TextEdit } from '../presence.js';
import { engine } from './engine.js';
import { FixAllCodeActionKind } from '../protocol.js';
import type { Analysed } from './analysis.js';
import { readData, toDiagnostic } from './diagnostics.js';
import type { LineIndex } from './positions.js';
import type { RuleDocs } from './ruleDocs.js';

export interface EditTarget {
  /** Send a versioned TextDocumentEdit (the client then refuses to apply it to a newer text). */
  documentChanges: boolean;
  /** The client applies snippet edits (LSP 3.18): a template fix's slots become tab stops. Needs documentChanges. */
  snippets?: boolean;
}

export function toLspEdits(lines: LineIndex, edits: readonly TextEdit[]): LspTextEdit[] {
  return [...edits]
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((e) => ({ range: lines.range(e.start, e.end), newText: e.newText }));
}

export function workspaceEdit(a: Analysed, edits: readonly TextEdit[], target: EditTarget): WorkspaceEdit {
  return editOf(a, toLspEdits(a.lines, edits), target);
}

function editOf(a: Analysed, lsp: LspTextEdit[], target: EditTarget): WorkspaceEdit {
  if (target.documentChanges && a.version !== null)
    return { documentChanges: [{ textDocument: { uri: a.uri, version: a.version }, edits: lsp }] };
  return { changes: { [a.uri]: lsp } };
}

const NEXT_LINE = /^([ \t]*)<!--\s*presence-disable-next-line\b(.*?)\s*-->[ \t]*$/;
const WHOLE_FILE = /^[ \t]*<!--\s*presence-disable\b(?!-)(.*?)\s*-->[ \t]*$/;

/**
 * `<!-- presence-disable-next-line rule -->` above the finding's line, indented like it. When the line above already
 * holds such a comment, the rule joins it: a second comment would only silence the first one's line.
 */
export function disableLineEdit(lines: LineIndex, f: Finding): TextEdit | undefined {
  const line = lines.lineOf(f.start);
  if (line > 0) {
    const prev = lines.lineText(line - 1);
    const m = NEXT_LINE.exec(prev);
    if (m) return appendRule(lines.lineStart(line - 1), prev, m[2]!, f.ruleId);
  }
  const indent = /^[ \t]*/.exec(lines.lineText(line))![0];
  const at = lines.lineStart(line);
  return { start: at, end: at, newText: `${indent}<!-- presence-disable-next-line ${f.ruleId} -->${lines.eol}` };
}

/** `<!-- presence-disable rule -->` and a blank line after the front matter (or at the top); joins an existing one there. */
export function disableFileEdit(lines: LineIndex, ruleId: string): TextEdit | undefined {
  const text = lines.text;
  let at = text.startsWith('\uFEFF') ? 1 : 0;
  let prefix = '';
  const fm = frontMatterEnd(lines);
  if (fm !== undefined) {
    at = fm.offset;
    if (fm.needsBreak) prefix = lines.eol;
  }
  if (!prefix) {
    const line = lines.lineOf(at);
    const existing = lines.lineText(line);
    const m = WHOLE_FILE.exec(existing);
    if (m && lines.lineStart(line) === at) return appendRule(at, existing, m[1]!, ruleId);
  }
  return { start: at, end: at, newText: `${prefix}<!-- presence-disable ${ruleId} -->${lines.eol}${lines.eol}` };
}

function appendRule(lineStart: number, lineText: string, rules: string, ruleId: string): TextEdit | undefined {
  if (rules.split(/[\s,]+/).includes(ruleId)) return undefined; // already disabled there
  const close = lineText.lastIndexOf('-->');
  let at = close;
  while (at > 0 && /[ \t]/.test(lineText[at - 1]!)) at--;
  return { start: lineStart + at, end: lineStart + at, newText: ` ${ruleId}` };
}

/** Where the text after a YAML front matter block starts, if the document has one. */
function frontMatterEnd(lines: LineIndex): { offset: number; needsBreak: boolean } | undefined {
  const fm = parseFrontMatter(lines.text);
  if (!fm) return undefined;
  // A closing fence on the last line with no line break after it: the comment needs one first.
  return { offset: fm.bodyStart, needsBreak: fm.bodyStart === fm.end };
}

export interface ActionRequest {
  start: number;
  end: number;
  /** Diagnostics the client sent in the request's context. */
  diagnostics: readonly Diagnostic[];
  /** `context.only`; undefined means every kind. */
  only: readonly string[] | undefined;
}

/** True when an action of `kind` is wanted by `only` (a requested kind covers its sub-kinds). */
export function wants(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((k) => k === '' || kind === k || kind.startsWith(`${k}.`));
}

export function codeActions(a: Analysed, req: ActionRequest, docs: RuleDocs, target: EditTarget): CodeAction[] {
  const out: CodeAction[] = [];
  const findings = a.result.findings;
  if (!a.active) return out;

  if (wants(req.only, CodeActionKind.QuickFix)) {
    // Findings named by the client's diagnostics (same version) plus those touching the range.
    const echoed = new Map<number, Diagnostic>();
    for (const d of req.diagnostics) {
      const data = d.source === 'presence' ? readData(d) : undefined;
      if (data && data.version === a.version && data.index < findings.length) echoed.set(data.index, d);
    }
    const picked = findings
      .map((_, i) => i)
      .filter((i) => echoed.has(i) || (findings[i]!.start <= req.end && req.start <= findings[i]!.end));
    const fileDisables = new Set<string>();
    // Real fixes first, for every finding under the cursor, then the Disable entries: where findings overlap, a
    // rewrite should never sit below another finding's "Disable".
    const disables: CodeAction[] = [];
    for (const i of picked) {
      const f = findings[i]!;
      const diagnostic = echoed.get(i) ?? toDiagnostic(a, i, docs);
      let preferred = false;
      for (const fix of f.fixes) {
        if (fix.edits.length === 0) continue;
        const action = quickFix(a, fix, diagnostic, target);
        if (fix.safe && !preferred) action.isPreferred = preferred = true;
        out.push(action);
      }
      // A broken rubric is fixed in the rubric, not silenced; `presence/too-large` ignores disable comments.
      if (f.ruleId.startsWith('rubric/') || f.ruleId.startsWith('presence/')) continue;
      const line = disableLineEdit(a.lines, f);
      if (line)
        disables.push({
          title: `Disable ${f.ruleId} for this line`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: workspaceEdit(a, [line], target),
        });
      if (!fileDisables.has(f.ruleId)) {
        fileDisables.add(f.ruleId);
        const file = disableFileEdit(a.lines, f.ruleId);
        if (file)
          disables.push({
            title: `Disable ${f.ruleId} for this file`,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            edit: workspaceEdit(a, [file], target),
          });
      }
    }
    out.push(...disables);
  }

  if (req.only && wants(req.only, FixAllCodeActionKind)) {
    const edits = engine().safeFixEdits(findings);
    if (edits.length)
      out.push({ title: 'Presence: apply all safe fixes', kind: FixAllCodeActionKind, edit: workspaceEdit(a, edits, target) });
  }
  return out;
}

function quickFix(a: Analysed, fix: Fix, diagnostic: Diagnostic, target: EditTarget): CodeAction {
  return {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: target.snippets && !fix.safe ? templateEdit(a, fix.edits, target) : workspaceEdit(a, fix.edits, target),
  };
}

/**
 * A template fix as the writer should meet it: its first edit with slots ("by [date]", "Owner: [name]") goes in as a
 * snippet, each slot a tab stop and the first one selected, so the writer types over it at once. One snippet per
 * fix: editors apply at most one snippet edit per document at a time.
 */
function templateEdit(a: Analysed, edits: readonly TextEdit[], target: EditTarget): WorkspaceEdit {
  const lsp = toLspEdits(a.lines, edits);
  const k = lsp.findIndex((e) => hasSlot(e.newText));
  if (k < 0 || a.version === null) return editOf(a, lsp, target);
  const withSnippet: (LspTextEdit | SnippetTextEdit)[] = [...lsp];
  withSnippet[k] = { range: lsp[k]!.range, snippet: { kind: 'snippet', value: snippetFor(lsp[k]!.newText) } };
  return { documentChanges: [{ textDocument: { uri: a.uri, version: a.version }, edits: withSnippet }] };
}
