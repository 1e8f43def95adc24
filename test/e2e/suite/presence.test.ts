/// <reference types="mocha" />
// Presence in a real VS Code: the extension (from the development folder or installed from the .vsix),
// its language server, diagnostics, quick fixes, fix-all, the score report and the status bar.
// Runs inside the extension host, through index.ts's run(); mocha's `suite`/`test` (tdd) globals.
import * as assert from 'node:assert/strict';
import { sep } from 'node:path';
import * as vscode from 'vscode';
import {
  BANDS,
  DIMENSION_NAMES,
  EXTENSION_ID,
  STATUS_RE,
  bandFor,
  changedLines,
  codeOf,
  describeDiagnostics,
  fixtureUri,
  metrics,
  openMemo,
  presenceDiagnostics,
  waitFor,
  waitForDiagnostics,
  type PresenceApi,
} from './util.ts';

const HEDGE = 'conviction/hedge';
const mode = process.env.PRESENCE_E2E_MODE ?? 'dev';
let apiRef: PresenceApi | undefined;
const WEAK_PARAGRAPH =
  '\n\nSorry, I think we might perhaps want to try to maybe revisit this soon, hopefully! Unfortunately it is SUPER unclear.\n';

suite(`Presence end to end (${mode})`, () => {
  let api: PresenceApi;

  suiteSetup(async () => {
    const ext = vscode.extensions.getExtension<PresenceApi>(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not known to VS Code`);
    const installedIn = process.env.PRESENCE_E2E_EXTENSIONS_DIR;
    if (mode === 'vsix') {
      assert.ok(installedIn, 'PRESENCE_E2E_EXTENSIONS_DIR is not set');
      // The extension must be the one code-server installed from presence.vsix, not the source folder.
      assert.ok(
        ext.extensionPath.startsWith(installedIn + sep),
        `extension runs from ${ext.extensionPath}, not from the installed .vsix under ${installedIn}`,
      );
    }
    // Opening a Markdown file is what activates it for a user.
    const t0 = Date.now();
    const { doc } = await openMemo('board-update.md');
    await waitFor('the extension to activate', () => (ext.isActive ? true : undefined), 30_000);
    api = ext.exports;
    apiRef = api;
    for (const fn of ['getLastReport', 'getStatusBarText', 'getReportHtml', 'getActivationMs', 'getStartupTimings'] as const) {
      assert.equal(typeof api?.[fn], 'function', `activate() should return an API with ${fn}()`);
    }
    metrics.activationMs = api.getActivationMs!();
    // From opening the first memo to its first diagnostics: activation, server start and the first analysis.
    await waitForDiagnostics(doc.uri, 'the first Presence diagnostics', (ds) => ds.length > 0);
    metrics.openToFirstDiagnosticsMs = Date.now() - t0;
    // Where that wait goes, measured from activate(): the server's spawn and initialize, then its first analysis.
    // (VS Code batches the diagnostics-changed event, so the extension may hear of them a moment after they show.)
    const startup = await waitFor(
      'the extension to see its first diagnostics',
      () => {
        const t = api.getStartupTimings!();
        return t.firstDiagnosticsMs !== undefined ? t : undefined;
      },
      5_000,
    );
    if (startup.serverReadyMs !== undefined) metrics.activateToServerReadyMs = startup.serverReadyMs;
    metrics.activateToFirstDiagnosticsMs = startup.firstDiagnosticsMs!;
  });

  test('contributes the four commands', async () => {
    const all = new Set(await vscode.commands.getCommands(true));
    for (const c of ['presence.scoreDocument', 'presence.auditWorkspace', 'presence.fixAll', 'presence.chooseRubric']) {
      assert.ok(all.has(c), `command ${c} is not registered`);
    }
  });

  test('the README and the walkthrough show images that ship inside the extension', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const root = vscode.Uri.file(ext.extensionPath);
    const exists = async (rel: string): Promise<boolean> => {
      try {
        await vscode.workspace.fs.stat(vscode.Uri.joinPath(root, rel));
        return true;
      } catch {
        return false;
      }
    };
    // Packaging stores the README as readme.md.
    const readmeName = (await vscode.workspace.fs.readDirectory(root)).map(([name]) => name).find((name) => /^readme\.md$/i.test(name));
    assert.ok(readmeName, `no README in ${ext.extensionPath}`);
    const readme = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(root, readmeName)));
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
    assert.ok(images.length > 0, 'the README shows screenshots');
    for (const src of images) {
      // Packaging must not point them at a repository URL: the extension carries its own.
      assert.ok(!/^[a-z]+:/i.test(src), `README image ${src} is not a path inside the extension`);
      assert.ok(await exists(src), `README image ${src} is missing from ${ext.extensionPath}`);
    }
    const steps = (
      ext.packageJSON as { contributes: { walkthroughs: { steps: { id: string; media: { image: string | Record<string, string> } }[] }[] } }
    ).contributes.walkthroughs[0]!.steps;
    for (const step of steps) {
      const media = typeof step.media.image === 'string' ? [step.media.image] : Object.values(step.media.image);
      for (const src of media) {
        assert.notEqual(src, 'media/icon.png', `walkthrough step ${step.id} shows the icon, not the feature`);
        assert.ok(await exists(src), `walkthrough image ${src} is missing from ${ext.extensionPath}`);
      }
    }
  });

  test('publishes a conviction/hedge diagnostic for "I think" in a memo', async () => {
    const { doc } = await openMemo('board-update.md');
    const ds = await waitForDiagnostics(doc.uri, `a ${HEDGE} diagnostic in board-update.md`, (ds) => ds.some((d) => codeOf(d) === HEDGE));
    const hedge = ds.find((d) => codeOf(d) === HEDGE)!;
    const line = doc.lineAt(hedge.range.start.line).text;
    assert.equal(
      line,
      'I think we should move the enterprise launch to March, which protects $2.4M of renewals.',
      `hedge reported on the wrong line:\n${describeDiagnostics(doc, ds)}`,
    );
    assert.match(doc.getText(hedge.range), /^I think/, 'the hedge range should start at "I think"');
    assert.ok(hedge.message.length > 0, 'the diagnostic has a message');
    for (const d of ds) assert.match(codeOf(d) ?? '', /^[a-z]+\/[a-z0-9-]+$/, `diagnostic code should be a rule id: ${codeOf(d)}`);
  });

  test('hover on a finding explains it', async () => {
    const { doc } = await openMemo('board-update.md');
    const [hedge] = await waitForDiagnostics(doc.uri, HEDGE, (ds) => ds.some((d) => codeOf(d) === HEDGE)).then((ds) =>
      ds.filter((d) => codeOf(d) === HEDGE),
    );
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      doc.uri,
      hedge.range.start.translate(0, 1),
    );
    const text = hovers
      .flatMap((h) => h.contents)
      .map((c) => (typeof c === 'string' ? c : c.value))
      .join('\n');
    assert.ok(
      text.includes('conviction') || text.includes('hedge') || text.includes('Hedge'),
      `no Presence hover at the finding; hovers:\n${text}`,
    );
  });

  test('a quick fix drops the hedge and touches nothing else', async () => {
    const { doc } = await openMemo('board-update.md');
    const ds = await waitForDiagnostics(doc.uri, HEDGE, (ds) => ds.some((d) => codeOf(d) === HEDGE));
    const hedge = ds.find((d) => codeOf(d) === HEDGE)!;
    const lineNo = hedge.range.start.line;
    const before = doc.getText();
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      hedge.range,
      vscode.CodeActionKind.QuickFix.value,
      20,
    );
    const fixes = actions.filter((a): a is vscode.CodeAction => typeof (a as vscode.Command).command !== 'string');
    // The API command drops each action's diagnostics, so find the fix by what it edits: the hedge itself
    // (the disable-comment actions insert a comment line instead).
    const editsHedge = (a: vscode.CodeAction) =>
      !!a.edit?.get(doc.uri).some((e) => !e.range.isEmpty && e.range.intersection(hedge.range) !== undefined);
    const fix = fixes.find((a) => !/^disable\b/i.test(a.title) && editsHedge(a));
    assert.ok(
      fix,
      `no quick fix for ${HEDGE}; offered:\n${fixes.map((a) => `${a.title} [${a.kind?.value}] edit=${!!a.edit} command=${a.command?.command} diagnostics=${a.diagnostics?.map(codeOf).join(',')}`).join('\n')}`,
    );
    assert.ok(
      vscode.CodeActionKind.QuickFix.contains(fix.kind ?? vscode.CodeActionKind.Empty),
      `the fix's kind is ${fix.kind?.value}, not quickfix`,
    );
    if (fix.edit) assert.ok(await vscode.workspace.applyEdit(fix.edit), 'workspace.applyEdit refused the fix');
    await waitFor('the quick fix to change the text', () => (doc.getText() !== before ? true : undefined), 10_000, [
      vscode.workspace.onDidChangeTextDocument,
    ]);
    assert.equal(doc.lineAt(lineNo).text, 'We should move the enterprise launch to March, which protects $2.4M of renewals.');
    assert.deepEqual(changedLines(before, doc.getText()), [lineNo], 'the fix changed other lines');
    await waitForDiagnostics(
      doc.uri,
      'the hedge diagnostic to go away after the fix',
      (ds) => !ds.some((d) => codeOf(d) === HEDGE && d.range.start.line === lineNo),
    );
  });

  test('Fix All Safe Issues removes every safe finding and changes only flagged prose', async () => {
    const { doc } = await openMemo('strategy-memo.md');
    const before = doc.getText();
    const ds0 = await waitForDiagnostics(doc.uri, `${HEDGE} diagnostics in strategy-memo.md`, (ds) => ds.some((d) => codeOf(d) === HEDGE));
    const flagged = new Set(ds0.flatMap((d) => range(d.range.start.line, d.range.end.line)));

    await vscode.commands.executeCommand('presence.fixAll');
    const after = await waitFor('fix-all to change the text', () => (doc.getText() !== before ? doc.getText() : undefined), 15_000, [
      vscode.workspace.onDidChangeTextDocument,
    ]);

    const changed = changedLines(before, after);
    console.log(
      `fix-all changed ${changed.length} line(s):\n${changed.map((l) => `  - ${before.split('\n')[l]}\n  + ${after.split('\n')[l]}`).join('\n')}`,
    );
    const stray = changed.filter((l) => !flagged.has(l));
    assert.deepEqual(
      stray,
      [],
      `fix-all changed lines that had no finding:\n${stray.map((l) => `${l + 1}: ${after.split('\n')[l]}`).join('\n')}\nfindings before:\n${describeDiagnostics(doc, ds0)}`,
    );

    // Prose hedges are gone; code, inline code, quotes and front matter keep theirs.
    const lines = after.split('\n');
    const kept = lines.filter((l) => l.includes('I think'));
    assert.deepEqual(
      kept,
      [
        'summary: "I think — the front matter is not prose"',
        'I think this code sample stays exactly as written.',
        'The phrase `I think` inside inline code is not prose either.',
        '> I think a quoted customer is quoting, not hedging.',
      ],
      'fix-all left a prose hedge or touched code, quotes or front matter',
    );
    assert.ok(after.includes('We should raise the Team plan price to $14 per seat'), 'the lead hedge was not rewritten');

    // Every safe fix was applied: running fix-all again changes nothing.
    await waitForDiagnostics(
      doc.uri,
      'diagnostics for the fixed text',
      (ds) => !ds.some((d) => codeOf(d) === HEDGE && !doc.lineAt(d.range.start.line).text.startsWith('>')),
    );
    await vscode.commands.executeCommand('presence.fixAll');
    assert.equal(doc.getText(), after, 'a second fix-all still found safe fixes to apply');
  });

  test('Score Document shows a report with the score, band and every dimension', async () => {
    const { doc } = await openMemo('board-update.md');
    await waitForDiagnostics(doc.uri, 'diagnostics before scoring', (ds) => ds.length > 0);
    await vscode.commands.executeCommand('presence.scoreDocument');
    const report = await waitFor('getLastReport() after presence.scoreDocument', () => api.getLastReport() ?? undefined, 15_000);
    assert.equal(typeof report.overall, 'number');
    assert.ok(
      Number.isInteger(report.overall) && report.overall >= 0 && report.overall <= 100,
      `overall ${report.overall} is not an integer in 0–100`,
    );
    assert.ok((BANDS as readonly string[]).includes(report.band), `unknown band ${report.band}`);
    assert.equal(report.band, bandFor(report.overall), 'band does not match the score thresholds');
    // A memo with findings cannot score 100.
    assert.ok(report.overall < 100, `a memo with findings scored ${report.overall}`);

    console.log(`score ${report.overall} (${report.band})`);
    const html = await waitFor('the report HTML', () => api.getReportHtml() || undefined, 10_000);
    assert.ok(html.includes(String(report.overall)), `report HTML does not show the score ${report.overall}`);
    assert.ok(html.includes(report.band), `report HTML does not show the band ${report.band}`);
    const lower = html.toLowerCase();
    const missing = DIMENSION_NAMES.filter((d) => !lower.includes(d));
    assert.deepEqual(missing, [], 'report HTML lacks dimensions');

    const title = `Presence: ${doc.uri.path.split('/').pop()}`;
    const tab = await waitFor(
      `a "${title}" webview tab`,
      () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.label === title),
      10_000,
      [vscode.window.tabGroups.onDidChangeTabs as vscode.Event<unknown>],
    );
    assert.ok(tab.input instanceof vscode.TabInputWebview, `the "${title}" tab is not a webview`);
  });

  test('the status bar shows the live score and band', async () => {
    const { doc, editor } = await openMemo('board-update.md');
    const score = await statusScore('a status bar text like "$(pulse) Presence 72 · almost there"', () => true);
    const report = api.getLastReport();
    if (report?.uri === doc.uri.toString()) assert.equal(score, report.overall, 'status bar and report disagree');

    // It is live: a paragraph of hedges and apologies lowers the score; undoing it restores the score.
    const original = doc.getText();
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    await editor.edit((e) => e.insert(end, WEAK_PARAGRAPH));
    const worse = await statusScore('the status bar to drop after adding hedges', (s) => s < score);
    console.log(`status bar: ${score} → ${worse} after adding a weak paragraph`);
    assert.ok(worse < score);
    await editor.edit((e) => e.delete(new vscode.Range(end, doc.positionAt(doc.getText().length))));
    assert.equal(doc.getText(), original);
    await statusScore('the status bar to come back after removing them', (s) => s === score);

    // Fixing a finding never lowers the score.
    const at = doc.getText().indexOf('Unfortunately, ');
    assert.ok(at >= 0, 'fixture lost its "Unfortunately, "');
    await editor.edit((e) => e.replace(new vscode.Range(doc.positionAt(at), doc.positionAt(at + 'Unfortunately, t'.length)), 'T'));
    await waitForDiagnostics(doc.uri, 'diagnostics after removing the apology', () => true);
    const after = await statusScore('the status bar after removing the apology', (s) => s >= score);
    assert.ok(after >= score, `removing an apology lowered the score from ${score} to ${after}`);
  });

  test('Audit Workspace reports files that are not open', async () => {
    const roadmap = fixtureUri('roadmap.md');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === roadmap.toString()), 'roadmap.md should not be open yet');
    await vscode.commands.executeCommand('presence.auditWorkspace');
    const ds = await waitFor(
      'diagnostics for roadmap.md from the audit',
      () => {
        const ds = presenceDiagnostics(roadmap);
        return ds.length ? ds : undefined;
      },
      30_000,
      [vscode.languages.onDidChangeDiagnostics],
    );
    assert.ok(
      ds.every((d) => codeOf(d)?.includes('/')),
      'audit diagnostics carry rule ids',
    );
    const tab = await waitFor(
      'a "Presence: Workspace Audit" webview tab',
      () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.label === 'Presence: Workspace Audit'),
      15_000,
      [vscode.window.tabGroups.onDidChangeTabs as vscode.Event<unknown>],
    );
    assert.ok(tab.input instanceof vscode.TabInputWebview, 'the audit summary is not a webview');
    if (api.getAuditHtml) {
      const html = await waitFor('the audit summary HTML', () => api.getAuditHtml?.() || undefined, 15_000);
      for (const f of ['roadmap.md', 'board-update.md', 'strategy-memo.md'])
        assert.ok(html.includes(f), `the audit summary does not list ${f}`);
    }
  });
});

/** Waits for a status bar text of the agreed shape whose score satisfies `accept`; checks its band. */
async function statusScore(what: string, accept: (score: number) => boolean): Promise<number> {
  const text = await waitFor(
    what,
    () => {
      const t = apiRef?.getStatusBarText();
      const m = t ? STATUS_RE.exec(t) : null;
      return m && accept(Number(m[1])) ? t! : undefined;
    },
    15_000,
  ).catch((e: Error) => {
    throw new Error(`${e.message}; status bar is "${apiRef?.getStatusBarText()}"`);
  });
  const [, score, band] = STATUS_RE.exec(text)!;
  assert.equal(band, bandFor(Number(score)), `status bar band disagrees with its score: ${text}`);
  return Number(score);
}

function range(a: number, b: number): number[] {
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}
