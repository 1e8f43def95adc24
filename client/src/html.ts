// Shared pieces of the webview pages: escaping, the nonce and the page shell with its CSP.
// Pure (no vscode import) so the rendering can be unit-tested outside the editor.
import { randomBytes } from 'node:crypto';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and quoted attribute values. Every string from a document or the server goes through here. */
export function esc(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

export function makeNonce(): string {
  return randomBytes(16).toString('hex');
}

export interface PageParts {
  title: string;
  /** `webview.cspSource`; allows theme stylesheets VS Code injects. */
  cspSource: string;
  nonce: string;
  css: string;
  body: string;
  script: string;
}

export function page(p: PageParts): string {
  // cspSource comes from VS Code (a scheme and host) and the nonce is hex, so the policy needs no escaping.
  const csp = `default-src 'none'; style-src ${p.cspSource} 'nonce-${p.nonce}'; script-src 'nonce-${p.nonce}';`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${esc(p.title)}</title>
<style nonce="${p.nonce}">${BASE_CSS}${p.css}</style>
</head>
<body>
${p.body}
<script nonce="${p.nonce}">${p.script}</script>
</body>
</html>`;
}

/** Colours come only from theme variables so light, dark and high-contrast themes all work. */
const BASE_CSS = `
body { color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); padding: 0 20px 24px; line-height: 1.45; }
h1, h2 { font-weight: 600; }
h2 { font-size: 1.1em; margin: 1.6em 0 .6em; border-bottom: 1px solid var(--vscode-panel-border, var(--vscode-contrastBorder, transparent)); padding-bottom: .3em; }
a { color: var(--vscode-textLink-foreground); text-decoration: none; cursor: pointer; }
a:hover { color: var(--vscode-textLink-activeForeground); text-decoration: underline; }
a:focus, button:focus, tr:focus { outline: 1px solid var(--vscode-focusBorder); outline-offset: 2px; }
button { color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: 1px solid var(--vscode-button-border, transparent); padding: 2px 10px; font: inherit; cursor: pointer; border-radius: 2px; }
button:hover { background: var(--vscode-button-hoverBackground); }
button:disabled { opacity: .6; cursor: default; }
code { font-family: var(--vscode-editor-font-family); color: var(--vscode-textPreformat-foreground); }
.muted { color: var(--vscode-descriptionForeground); }
.good { color: var(--vscode-charts-green); }
.fair { color: var(--vscode-charts-yellow); }
/* Light themes draw charts.yellow as a dark olive gold; their orange reads as the amber between green and red. */
body.vscode-light .fair { color: var(--vscode-charts-orange); }
.poor { color: var(--vscode-charts-red); }
`;

/** The band's colour class: the same thresholds as the bands themselves. */
export function tone(score: number): 'good' | 'fair' | 'poor' {
  return score >= 85 ? 'good' : score >= 70 ? 'fair' : 'poor';
}

/**
 * Script shared by both pages: any element with `data-action` posts `{ type, index }` to the extension, and the
 * extension can swap the page body in place (`{ type: 'update', body }`) so live updates keep the scroll position.
 * The body only ever contains markup built from escaped text, never scripts.
 */
export const PAGE_SCRIPT = `
const vscode = acquireVsCodeApi();
function act(el) {
  const index = Number(el.getAttribute('data-index'));
  vscode.postMessage({ type: el.getAttribute('data-action'), index });
}
document.addEventListener('click', (e) => {
  const el = e.target instanceof Element ? e.target.closest('[data-action]') : null;
  if (!el || el.disabled) return;
  e.preventDefault();
  if (el.tagName === 'BUTTON') el.disabled = true;
  act(el);
});
document.addEventListener('keydown', (e) => {
  if (e.key !== 'Enter' && e.key !== ' ') return;
  const el = e.target instanceof Element && e.target.tagName === 'TR' ? e.target : null;
  if (el && el.hasAttribute('data-action')) { e.preventDefault(); act(el); }
});
window.addEventListener('message', (e) => {
  const m = e.data;
  if (m && m.type === 'update' && typeof m.body === 'string') {
    const root = document.getElementById('root');
    if (root) root.innerHTML = m.body;
  }
});
vscode.postMessage({ type: 'ready', index: -1 });
`;
