// Renders the score report page. Pure: takes a ScoreResult, returns HTML.
import type { ScoreResult } from '../../server/src/protocol.js';
import { hintFor } from './dimensions.js';
import { esc, page, PAGE_SCRIPT, tone } from './html.js';

export interface ReportContext {
  fileName: string;
  /** Set when the document changed and the shown numbers may lag behind it. */
  note?: string;
}

/** Points are fractional; whole numbers read better once a fix is worth a point or more. */
export function formatGain(gain: number): string {
  return gain >= 1 ? String(Math.round(gain)) : String(Math.round(gain * 10) / 10);
}

/** The part of the page that changes on every update (swapped in place while the panel is open). */
export function reportBody(r: ScoreResult, ctx: ReportContext): string {
  const dims = r.dimensions
    .map((d) => {
      const off = d.weight === 0;
      const width = off ? 0 : Math.max(0, Math.min(100, Math.round(d.score)));
      // A dimension at 0 is the worst score, not missing data: it draws a sliver of the worst colour.
      const drawn = off ? 0 : Math.max(2, width);
      const parts = [
        `credit ${d.credit}`,
        d.findings ? `−${formatGain(d.lost)} for ${d.findings === 1 ? '1 finding' : `${d.findings} findings`}` : '',
        d.silenced ? `${d.silenced === 1 ? '1 finding' : `${d.silenced} findings`} silenced` : '',
      ].filter(Boolean);
      const detail = `${d.note} · ${parts.join(' · ')}`;
      return `<div class="dimension${off ? ' off' : ''}" data-dimension="${esc(d.dimension)}">
  <span class="dimension-name" title="${esc(hintFor(d.dimension))}">${esc(d.dimension)}</span>
  <svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label="${esc(`${d.dimension}: ${off ? 'not scored' : `${width} of 100`}`)}"><rect class="track" x="0" y="0" width="100" height="10"></rect><rect class="fill ${tone(width)}" x="0" y="0" width="${drawn}" height="10"></rect></svg>
  <span class="dimension-score">${off ? '<span class="muted">off</span>' : esc(Math.round(d.score))}</span>
  <span class="dimension-detail muted">${esc(off ? 'not scored by this rubric' : detail)}</span>
</div>`;
    })
    .join('\n');

  const fixes = r.topFixes.length
    ? `<ol id="top-fixes">${r.topFixes
        .map((f, i) => {
          const finding = r.findings[f.finding];
          const line = f.range.start.line + 1;
          return `<li class="fix" data-rule="${esc(f.ruleId)}">
  <div class="fix-head"><code class="fix-rule">${esc(f.ruleId)}</code> <span class="fix-title">${esc(f.title)}</span> <span class="fix-gain good">+${esc(formatGain(f.gain))}</span>${f.template ? ' <span class="muted">once you fill in its placeholders</span>' : ''}</div>
  ${finding ? `<div class="fix-message muted">${esc(finding.message)}</div>` : ''}
  <div class="fix-actions"><a href="#" class="fix-goto" data-action="reveal" data-index="${i}">Go to line ${line}</a> <button class="fix-apply" data-action="apply" data-index="${i}">Apply</button></div>
</li>`;
        })
        .join('\n')}</ol>`
    : `<p id="top-fixes" class="muted">Nothing here costs points, so there is nothing to fix.</p>`;

  const findings = r.findings.length === 1 ? '1 finding' : `${r.findings.length} findings`;
  // Every finding's cost, most expensive first, so each point lost can be checked.
  const costs = r.findings
    .map((f, i) => ({ f, i }))
    .filter(({ f }) => f.cost > 0)
    .sort((a, b) => b.f.cost - a.f.cost || a.i - b.i)
    .map(
      ({ f }) =>
        `<tr><td class="cost">−${esc(formatGain(f.cost))}</td><td><code>${esc(f.ruleId)}</code></td><td>${esc(f.dimension)}</td><td class="muted">line ${esc(f.range.start.line + 1)}: ${esc(f.message)}</td></tr>`,
    )
    .join('\n');
  const overall = r.scored ? String(r.overall) : '—';
  const band = r.scored ? r.band : 'no score';
  return `<main id="presence-report" data-score="${esc(r.overall)}" data-band="${esc(r.band)}">
<header class="summary">
  <div id="overall" class="overall ${tone(r.overall)}">${esc(overall)}</div>
  <div>
    <div id="band" class="band ${tone(r.overall)}">${esc(band)}</div>
    <div class="muted">${esc(ctx.fileName)} · rubric <code id="rubric">${esc(r.rubric)}</code> · ${esc(r.words)} words · ${esc(findings)}</div>
    ${ctx.note ? `<div id="note" class="muted">${esc(ctx.note)}</div>` : ''}
  </div>
</header>
${r.explanation ? `<p id="explanation">${esc(r.explanation)}</p>` : ''}
${r.scored && r.words > 0 ? `<p id="formula" class="muted">${esc(r.formula)}</p>` : ''}
${r.placeholders ? `<p id="placeholders">${esc(`${r.placeholders} placeholder${r.placeholders === 1 ? '' : 's'} to fill`)} (−${esc(formatGain(r.unfinished))})</p>` : ''}
${r.silenced ? `<p id="silenced" class="muted">${esc(`${r.silenced === 1 ? '1 finding' : `${r.silenced} findings`} silenced by presence-disable comments: they cost nothing, and they are not passed.`)}</p>` : ''}
<h2>Dimensions</h2>
<section id="dimensions">
${dims}
</section>
<h2>Top fixes</h2>
${fixes}
<h2>What each finding costs</h2>
${costs ? `<table id="costs"><tbody>${costs}</tbody></table>` : '<p id="costs" class="muted">No finding costs points.</p>'}
<p class="muted legend">85 and up: board-ready · 70–84: almost there · below 70: needs reframing</p>
</main>`;
}

const REPORT_CSS = `
.summary { display: flex; align-items: center; gap: 20px; margin-top: 20px; }
.overall { font-size: 4em; font-weight: 700; line-height: 1; min-width: 1.6em; text-align: center; }
.band { font-size: 1.4em; font-weight: 600; }
#explanation { border-left: 3px solid var(--vscode-focusBorder); padding-left: 10px; }
.dimension { display: grid; grid-template-columns: 9em minmax(80px, 1fr) 3em; grid-template-rows: auto auto; column-gap: 12px; align-items: center; margin: 8px 0; }
.dimension-name { text-transform: capitalize; font-weight: 600; }
.dimension-score { text-align: right; font-variant-numeric: tabular-nums; }
.dimension-detail { grid-column: 2 / 4; font-size: .9em; }
.dimension.off .dimension-name { color: var(--vscode-disabledForeground, var(--vscode-descriptionForeground)); }
.bar { width: 100%; height: 10px; display: block; border: 1px solid var(--vscode-contrastBorder, transparent); }
.bar .track { fill: var(--vscode-editorWidget-background, var(--vscode-input-background)); }
.bar .fill.good { fill: var(--vscode-charts-green); }
.bar .fill.fair { fill: var(--vscode-charts-yellow); }
body.vscode-light .bar .fill.fair { fill: var(--vscode-charts-orange); }
.bar .fill.poor { fill: var(--vscode-charts-red); }
#top-fixes { padding-left: 1.4em; }
.fix { margin: 0 0 12px; }
.fix-gain { font-weight: 700; margin-left: 4px; }
.fix-actions { margin-top: 4px; display: flex; gap: 12px; align-items: center; }
.legend { margin-top: 24px; font-size: .9em; }
#costs td { padding: 2px 8px 2px 0; vertical-align: top; }
#costs .cost { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
`;

export function reportPage(r: ScoreResult, ctx: ReportContext, cspSource: string, nonce: string): string {
  return page({
    title: `Presence: ${ctx.fileName}`,
    cspSource,
    nonce,
    css: REPORT_CSS,
    body: `<div id="root">${reportBody(r, ctx)}</div>`,
    script: PAGE_SCRIPT,
  });
}
