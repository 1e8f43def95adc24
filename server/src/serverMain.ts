// Presence language server: LSP wiring only. Transport (--stdio, --node-ipc, --socket) comes from the command line
// (lsp/transport.ts, which also enforces the LSP lifecycle and checks frame headers).
import * as path from 'node:path';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  MessageType,
  ProposedFeatures,
  ResponseError,
  ErrorCodes,
  ShowMessageNotification,
  TextDocumentSyncKind,
  createConnection,
  type ClientCapabilities,
  type InitializeResult,
} from 'vscode-languageserver/node';
import {
  FixAllCodeActionKind,
  FixAllRequest,
  FixRequest,
  RubricsRequest,
  ScoreFileRequest,
  ScoreRequest,
  TrustChangedNotification,
} from './protocol.js';
import { engine } from './lsp/engine.js';
import { codeActions, toLspEdits, workspaceEdit, type EditTarget } from './lsp/codeActions.js';
import { BRIEF_WAIT_MS, CODE_ACTION_WAIT_MS, Documents } from './lsp/documents.js';
import { errorText } from './lsp/errorText.js';
import { hover } from './lsp/hover.js';
import { readUri, readFixParams, readTrusted } from './lsp/params.js';
import { builtinDescription } from './lsp/builtinRubrics.js';
import { RuleDocs } from './lsp/ruleDocs.js';
import { toScoreResult } from './lsp/score.js';
import { SettingsStore } from './lsp/settings.js';
import { openTransport } from './lsp/transport.js';
import { RUBRIC_GLOB, WorkspaceRubrics } from './lsp/workspaceRubrics.js';

// Rule docs sit beside dist/ in the package. PRESENCE_PACKAGE_ROOT lets tests point at fixture docs.
const packageRoot = path.resolve(process.env.PRESENCE_PACKAGE_ROOT || path.resolve(__dirname, '..'));

const transport = openTransport();
const connection = createConnection(ProposedFeatures.all, transport.reader, transport.writer);
const log = (what: string, e: unknown) => connection.console.error(`presence: ${what}: ${errorText(e)}`);
process.on('uncaughtException', (e) => log('uncaught exception', e));
process.on('unhandledRejection', (e) => log('unhandled rejection', e));

let caps: ClientCapabilities = {};
let editTarget: EditTarget = { documentChanges: false };
const settings = new SettingsStore(connection, () => caps.workspace?.configuration === true);
const docs = new RuleDocs(packageRoot);
const rubrics = new WorkspaceRubrics(connection, builtinDescription);
const documents = new Documents({ connection, settings, rubrics, docs });

/** Wraps a handler so a bad request or an engine error is logged and answered with `fallback`, never a crash. */
function safely<P, R>(what: string, fallback: R, fn: (params: P) => R | Promise<R>): (params: P) => Promise<R> {
  return async (params) => {
    try {
      return await fn(params);
    } catch (e) {
      if (e instanceof ResponseError) throw e;
      log(what, e);
      return fallback;
    }
  };
}

function tellUntrusted(): void {
  void connection.sendNotification(ShowMessageNotification.type, {
    type: MessageType.Info,
    message: 'Presence: workspace rubrics (.presence/rubrics) are ignored until this workspace is trusted. Built-in rubrics still apply.',
  });
}

connection.onInitialize((params): InitializeResult => {
  caps = params.capabilities ?? {};
  const documentChanges = caps.workspace?.workspaceEdit?.documentChanges === true;
  editTarget = { documentChanges, snippets: documentChanges && caps.workspace?.workspaceEdit?.snippetEditSupport === true };
  const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  rubrics.setFolders(folders);
  rubrics.setTrusted(readTrusted(params.initializationOptions, 'workspaceTrusted') !== false);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FixAllCodeActionKind] },
      hoverProvider: true,
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'presence' },
  };
});

connection.onInitialized(() => {
  void rubrics.reload(); // analyses wait for it, so no re-analysis is needed afterwards
  if (!rubrics.isTrusted) tellUntrusted();
  if (caps.workspace?.didChangeConfiguration?.dynamicRegistration) {
    void connection.client
      .register(DidChangeConfigurationNotification.type, { section: 'presence' })
      .catch((e) => log('registering for settings changes', e));
  }
  if (caps.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
    void connection.client
      .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: RUBRIC_GLOB }] })
      .catch((e) => log('watching rubric files', e));
  }
  if (caps.workspace?.workspaceFolders) {
    connection.workspace.onDidChangeWorkspaceFolders((e) => {
      try {
        const now = new Set(rubrics.folderUris());
        for (const f of e.removed) now.delete(f.uri);
        for (const f of e.added) now.add(f.uri);
        rubrics.setFolders([...now]);
        void rubrics.reload().then(() => documents.invalidate());
      } catch (err) {
        log('workspace folders change', err);
      }
    });
  }
});

connection.onDidChangeConfiguration((params) => {
  const pushed: unknown = params?.settings;
  settings.invalidate(typeof pushed === 'object' && pushed !== null && 'presence' in pushed ? pushed.presence : undefined);
  documents.invalidate();
});

const reloadRubrics = () => void rubrics.reload().then(() => documents.invalidate());
connection.onDidChangeWatchedFiles((params) => {
  if (params?.changes?.some((c) => typeof c?.uri === 'string' && rubrics.concerns(c.uri))) reloadRubrics();
});
documents.text.onDidSave(({ document }) => {
  if (rubrics.concerns(document.uri)) reloadRubrics();
});

connection.onNotification(TrustChangedNotification, (params: unknown) => {
  const trusted = readTrusted(params, 'trusted');
  if (trusted === undefined || trusted === rubrics.isTrusted) return;
  rubrics.setTrusted(trusted);
  if (!trusted) tellUntrusted();
  reloadRubrics();
});

connection.onCodeAction(
  safely('code actions', [], async (params) => {
    const uri = readUri(params);
    const a = uri ? await documents.current(uri, { waitMs: CODE_ACTION_WAIT_MS }) : undefined;
    if (!a || !params.range) return [];
    const start = a.lines.offsetAt(params.range.start);
    const end = Math.max(start, a.lines.offsetAt(params.range.end));
    const diagnostics = Array.isArray(params.context?.diagnostics) ? params.context.diagnostics : [];
    const only = Array.isArray(params.context?.only) ? params.context.only : undefined;
    return codeActions(a, { start, end, diagnostics, only }, docs, editTarget);
  }),
);

connection.onHover(
  safely('hover', null, async (params) => {
    const uri = readUri(params);
    const a = uri ? await documents.current(uri, { waitMs: BRIEF_WAIT_MS, staleOk: true }) : undefined;
    if (!a || !params.position) return null;
    return hover(a, a.lines.offsetAt(params.position), docs);
  }),
);

connection.onRequest(
  ScoreRequest,
  safely('score', null, async (params: unknown) => {
    const uri = readUri(params);
    if (!uri) return null;
    const got = await documents.analyseAnywhere(uri);
    return got ? toScoreResult(got.analysed, docs) : null;
  }),
);

connection.onRequest(
  ScoreFileRequest,
  safely('score file', null, async (params: unknown) => {
    const uri = readUri(params);
    if (!uri) return null;
    return documents.scoreFile(uri);
  }),
);

connection.onRequest(
  FixAllRequest,
  safely('fix all', [], async (params: unknown) => {
    const uri = readUri(params);
    const a = uri ? await documents.current(uri) : undefined;
    return a?.active ? toLspEdits(a.lines, engine().safeFixEdits(a.result.findings)) : [];
  }),
);

connection.onRequest(
  FixRequest,
  safely('fix', null, async (params: unknown) => {
    const p = readFixParams(params);
    if (!p) throw new ResponseError(ErrorCodes.InvalidParams, 'presence/fix needs { uri, finding, title }');
    const a = await documents.current(p.uri);
    if (!a || (p.version !== undefined && p.version !== a.version)) return null;
    const fix = a.result.findings[p.finding]?.fixes.find((f) => f.title === p.title);
    return fix ? workspaceEdit(a, fix.edits, editTarget) : null;
  }),
);

connection.onRequest(
  RubricsRequest,
  safely('rubrics', [], async (params: unknown) => {
    await rubrics.ready;
    return rubrics.list(readUri(params));
  }),
);

connection.onShutdown(() => documents.dispose());

documents.listen(connection);
connection.listen();
