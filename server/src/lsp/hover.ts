// Hover over a finding: the rule's title, then why it matters and a before/after from the rule's doc page.
// The finding's own message is not repeated: editors already show it with the diagnostic.
import { MarkupKind, type Hover } from 'vscode-languageserver';
import type { Finding } from '../presence.js';
import { engine } from './engine.js';
import type { Analysed } from './analysis.js';
import type { RuleDocs } from './ruleDocs.js';

const SECTIONS = ['Why it matters', 'Before', 'After'] as const;
let titles: Map<string, string> | undefined;

export async function hover(a: Analysed, offset: number, docs: RuleDocs): Promise<Hover | null> {
  if (!a.active) return null;
  const hits = a.result.findings.filter((f) => f.start <= offset && (offset < f.end || (f.start === f.end && offset === f.start)));
  if (hits.length === 0) return null;
  const parts = await Promise.all(hits.map((f) => explain(f, docs)));
  const start = Math.min(...hits.map((f) => f.start));
  const end = Math.max(...hits.map((f) => f.end));
  return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') }, range: a.lines.range(start, end) };
}

async function explain(f: Finding, docs: RuleDocs): Promise<string> {
  titles ??= new Map(engine().RULES.map((r) => [r.id, r.title]));
  const title = titles.get(f.ruleId);
  const lines = [title ? `**${escapeMarkdown(title)}** \`${f.ruleId}\`` : `${escapeMarkdown(f.message)} \`${f.ruleId}\``];
  const page = f.doc ? await docs.page(f.doc) : undefined;
  if (page) {
    for (const name of SECTIONS) {
      const body = page.sections.get(name);
      if (body) lines.push(`**${name}**`, body);
    }
    const href = docs.uri(f.doc);
    if (href) lines.push(`[More about \`${f.ruleId}\`](${href})`);
  }
  return lines.join('\n\n');
}

function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_[\]<>]/g, '\\$&');
}
