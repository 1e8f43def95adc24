// Creates the LanguageClient for the bundled server (dist/server.js) and its crash policy.
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  TransportKind,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { TrustChangedNotification, type TrustChangedParams } from '../../server/src/protocol.js';

export const MAX_RESTARTS = 4;
export const RESTART_WINDOW_MS = 3 * 60 * 1000;

/**
 * Restarts a crashed server at most MAX_RESTARTS times within RESTART_WINDOW_MS. Past that the server is likely
 * to keep crashing on the same input, so we stop and tell the user where the log is instead of looping.
 */
export class BoundedRestartHandler implements ErrorHandler {
  private crashes: number[] = [];

  constructor(
    private readonly log: vscode.LogOutputChannel,
    private readonly now: () => number = Date.now,
  ) {}

  error(error: Error, _message: unknown, count: number | undefined): ErrorHandlerResult {
    this.log.error(`Connection error: ${error.message}`);
    // A few transport errors in a row can be transient; a steady stream means the connection is gone.
    return { action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true };
  }

  closed(): CloseHandlerResult {
    const t = this.now();
    this.crashes = this.crashes.filter((c) => t - c < RESTART_WINDOW_MS);
    this.crashes.push(t);
    if (this.crashes.length <= MAX_RESTARTS) {
      this.log.warn(`The Presence server stopped unexpectedly; restarting (${this.crashes.length} of ${MAX_RESTARTS} in 3 minutes).`);
      return { action: CloseAction.Restart, handled: true };
    }
    const message = `The Presence server stopped ${this.crashes.length} times in 3 minutes, so it will not be restarted. Its log is in the "Presence" output channel; reload the window to try again.`;
    this.log.error(message);
    void vscode.window.showErrorMessage(message, 'Show Log').then((pick) => {
      if (pick === 'Show Log') this.log.show(true);
    });
    return { action: CloseAction.DoNotRestart, handled: true };
  }
}

export function createClient(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
    ],
    synchronize: {
      configurationSection: 'presence',
      // Workspace rubrics are data files the server reads; tell it when they change.
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/.presence/rubrics/*.json'),
        vscode.workspace.createFileSystemWatcher('**/rubrics/*.json'),
      ],
    },
    initializationOptions: { workspaceTrusted: vscode.workspace.isTrusted },
    outputChannel: log,
    errorHandler: new BoundedRestartHandler(log),
  };
  const client = new LanguageClient('presence', 'Presence', serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      const params: TrustChangedParams = { trusted: true };
      client
        .sendNotification(TrustChangedNotification, params)
        .catch((e: unknown) => log.error(`Could not report workspace trust: ${String(e)}`));
    }),
  );
  return client;
}
