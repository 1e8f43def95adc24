// Activation only: wires the pieces together. Nothing here waits for the server, so activation stays fast.
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { PresenceApi } from './api.js';
import { AuditView } from './audit.js';
import { createClient } from './client.js';
import { registerCommands } from './commands.js';
import { LiveScores } from './live.js';
import { ReportView } from './reportView.js';
import { Scores } from './scores.js';
import { PresenceStatusBar } from './statusBar.js';

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): PresenceApi {
  const t0 = performance.now();
  const log = vscode.window.createOutputChannel('Presence', { log: true });
  context.subscriptions.push(log);

  client = createClient(context, log);
  const started = client.start();
  started.catch((e: unknown) => {
    log.error(`The Presence server did not start: ${e instanceof Error ? e.message : String(e)}`);
    void vscode.window.showErrorMessage('Presence: the language server did not start.', 'Show Log').then((pick) => {
      if (pick === 'Show Log') log.show(true);
    });
  });

  const timings: { serverReadyMs?: number; firstDiagnosticsMs?: number } = {};
  started.then(
    () => (timings.serverReadyMs = performance.now() - t0),
    () => undefined,
  );
  const firstDiagnostics = vscode.languages.onDidChangeDiagnostics((e) => {
    if (!e.uris.some((u) => vscode.languages.getDiagnostics(u).some((d) => d.source === 'presence'))) return;
    timings.firstDiagnosticsMs = performance.now() - t0;
    firstDiagnostics.dispose();
  });
  context.subscriptions.push(firstDiagnostics);

  const scores = new Scores(client, started, log);
  const live = new LiveScores(scores);
  const statusBar = new PresenceStatusBar(scores, live);
  const report = new ReportView(scores, live, log);
  const audit = new AuditView();
  context.subscriptions.push(scores, live, statusBar, report, audit, ...registerCommands({ scores, report, audit, statusBar, log }));

  const activationMs = performance.now() - t0;
  log.info(`Presence activated in ${Math.round(activationMs)} ms`);
  return {
    getActivationMs: () => activationMs,
    getStartupTimings: () => ({ ...timings }),
    getLastReport: () => report.lastReport,
    getStatusBarText: () => statusBar.text,
    getReportHtml: () => report.html,
    getAuditHtml: () => audit.html,
  };
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  try {
    await c?.stop();
  } catch {
    // The server never started or is already gone; nothing left to shut down.
  }
}
