// `npm run bench`: Presence against its targets and its peers, on the same documents, in one run.
//   npm run bench                       everything (writes bench/results.json and bench/README-table.md)
//   node --import tsx bench/run.ts --only presence,write-good   a subset (writes .bench-cache/results-partial.json)
//   … --no-peers                         Presence figures only (partial)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, platform, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { cliRows, type CliRow } from './cli.js';
import { CACHE, ENGINE_BUILD, ENGINE_BUNDLE, ROOT, TODAY, type WorkerResult } from './common.js';
import { ensureDocs, type Manifest } from './generate.js';
import { keystrokeLatency, type LatencyResult } from './lsp.js';
import { serverStartup, type StartupResult } from './startup.js';
import { PEER_NAMES } from './peers.js';
import { runScaling, scalingTable, type ScalingResult } from './scaling.js';
import { fromRoot } from '../scripts/repo.js';

const TARGETS = {
  tenKMedianMs: 10,
  hundredKMedianMs: 120,
  keystrokeP95Ms: 10,
  serverStartupMs: 300,
  cliFolderMs: 2000,
  /** Whole-process CLI against write-good's CLI, same files, same run: how many times faster. */
  cliFolderVsWriteGood: 3,
  cliMemoVsWriteGood: 1.5,
  rssMb: 150,
  vsixBytes: 1024 * 1024,
};
/** A worker that runs longer than this is stopped (its figures are then missing, and the report says so). */
const WORKER_TIMEOUT_MS = 300_000;

const args = process.argv.slice(2);
const onlyArg = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const only = onlyArg ? onlyArg.split(',') : undefined;
const noPeers = args.includes('--no-peers');
const partial = Boolean(only) || noPeers;
const wants = (tool: string): boolean => (only ? only.includes(tool) : tool === 'presence' || !noPeers);

function log(msg: string): void {
  process.stdout.write(`[bench ${((performance.now() - T0) / 1000).toFixed(0).padStart(3)} s] ${msg}\n`);
}
const T0 = performance.now();

async function buildEngine(): Promise<void> {
  // The same esbuild settings as the shipped bundles (esbuild.mjs), for the engine alone.
  // BENCH_ENGINE_ENTRY points at another copy of the engine (for working on the harness while the tree is mid-change).
  const entry = process.env.BENCH_ENGINE_ENTRY ?? join(ROOT, 'server/src/presence.ts');
  await build({ ...ENGINE_BUILD, entryPoints: [entry], outfile: ENGINE_BUNDLE });
}

function runWorker(tool: string, manifestPath: string): Promise<WorkerResult | { tool: string; error: string }> {
  const out = join(CACHE, `worker-${tool}.json`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'bench/worker.ts'), tool, manifestPath, out], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), WORKER_TIMEOUT_MS);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0 && existsSync(out)) resolve(JSON.parse(readFileSync(out, 'utf8')) as WorkerResult);
      else
        resolve({
          tool,
          error: signal
            ? `stopped after ${WORKER_TIMEOUT_MS / 1000} s (${signal})`
            : `exit ${code}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`,
        });
    });
  });
}

/** Peak RSS of a fresh process that loads the engine bundle and analyses the 100k document once. */
function peakRss(docPath: string): { maxRssMb: number; baselineRssMb: number; analyzeMs: number; findings: number } | { error: string } {
  const script = `
    const e = require(${JSON.stringify(ENGINE_BUNDLE)});
    const text = require('fs').readFileSync(${JSON.stringify(docPath)}, 'utf8');
    const baseline = process.resourceUsage().maxRSS;
    const t0 = performance.now();
    const r = new e.Analyzer().analyze(text, undefined, { today: ${JSON.stringify(TODAY)} });
    const ms = performance.now() - t0;
    console.log(JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS, baselineKb: baseline, ms, findings: r.findings.length }));`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  if (r.status !== 0) return { error: r.stderr.trim().split('\n').slice(-2).join(' | ') };
  const o = JSON.parse(r.stdout.trim()) as { maxRssKb: number; baselineKb: number; ms: number; findings: number };
  return {
    maxRssMb: Math.round(o.maxRssKb / 102.4) / 10,
    baselineRssMb: Math.round(o.baselineKb / 102.4) / 10,
    analyzeMs: Math.round(o.ms),
    findings: o.findings,
  };
}

const VSCODE_NAMES = [
  'window',
  'workspace',
  'commands',
  'languages',
  'env',
  'extensions',
  'l10n',
  'version',
  'tasks',
  'debug',
  'Uri',
  'Range',
  'Position',
  'Selection',
  'Location',
  'Diagnostic',
  'DiagnosticSeverity',
  'DiagnosticTag',
  'DiagnosticRelatedInformation',
  'StatusBarAlignment',
  'ViewColumn',
  'EventEmitter',
  'Disposable',
  'CodeAction',
  'CodeActionKind',
  'CodeActionTriggerKind',
  'WorkspaceEdit',
  'TextEdit',
  'MarkdownString',
  'ThemeColor',
  'ThemeIcon',
  'ConfigurationTarget',
  'ProgressLocation',
  'RelativePattern',
  'FileType',
  'CancellationTokenSource',
  'CancellationError',
  'Hover',
  'TreeItem',
  'TreeItemCollapsibleState',
  'CompletionItem',
  'CompletionItemKind',
  'CompletionList',
  'SymbolKind',
  'SymbolInformation',
  'DocumentSymbol',
  'TextEditorRevealType',
  'OverviewRulerLane',
  'DecorationRangeBehavior',
  'UIKind',
  'ExtensionMode',
  'ColorThemeKind',
  'QuickPickItemKind',
  'SnippetString',
  'FoldingRange',
  'CodeLens',
  'DocumentLink',
  'InlayHint',
  'EndOfLine',
  'FileSystemError',
  'TabInputText',
  'WorkspaceFolder',
  'TextDocumentSaveReason',
  'SemanticTokensLegend',
  'SemanticTokens',
  'SignatureHelp',
  'DocumentHighlight',
  'SelectionRange',
  'CallHierarchyItem',
  'TypeHierarchyItem',
  'LinkedEditingRanges',
  'InlineValueText',
  'InlineCompletionItem',
  'NotebookCellKind',
  'NotebookRange',
  'DataTransfer',
  'DocumentDropEdit',
  'TextDocumentChangeReason',
  'Color',
  'ColorInformation',
  'ColorPresentation',
  'TaskGroup',
  'ShellExecution',
  'ProcessExecution',
  'EvaluatableExpression',
  'SignatureHelpTriggerKind',
  'CompletionTriggerKind',
  'InlayHintKind',
  'InlayHintLabelPart',
  'ParameterInformation',
  'SignatureInformation',
  'DocumentHighlightKind',
  'FoldingRangeKind',
  'IndentAction',
  'TextEditorCursorStyle',
  'TextEditorLineNumbersStyle',
  'LogLevel',
];

/** require('dist/client.js') and activate() with a stubbed `vscode` module, in a fresh process. */
function activation(): { requireMs?: number; activateMs?: number; note: string } {
  const client = join(ROOT, 'dist/client.js');
  if (!existsSync(client)) return { note: 'n/a: dist/client.js is missing' };
  const script = `
    const Module = require('module');
    const stub = () => new Proxy(function () {}, {
      get: (_t, k) => (k === 'then' ? undefined : k === Symbol.toPrimitive ? () => '' : k === Symbol.iterator ? function* () {} : stub()),
      set: () => true,
      defineProperty: () => true,
      apply: () => stub(),
      construct: () => stub(),
    });
    // The module object answers every name; its keys are listed so a bundler's interop helper (which copies own keys) sees them.
    const names = ${JSON.stringify(VSCODE_NAMES)};
    const vscode = new Proxy({}, {
      get: (_t, k) => (k === '__esModule' || k === 'default' || k === 'then' ? undefined : k === 'version' ? '1.95.0' : stub()),
      ownKeys: () => names,
      getOwnPropertyDescriptor: (_t, k) => (names.includes(k) ? { configurable: true, enumerable: true, get: () => (k === 'version' ? '1.95.0' : stub()) } : undefined),
    });
    const load = Module._load;
    Module._load = function (req, ...rest) { return req === 'vscode' ? vscode : load.call(this, req, ...rest); };
    const t0 = performance.now();
    const ext = require(${JSON.stringify(client)});
    const requireMs = performance.now() - t0;
    const context = { subscriptions: [], extensionPath: ${JSON.stringify(ROOT)}, extensionUri: vscode, asAbsolutePath: (p) => require('path').join(${JSON.stringify(ROOT)}, p),
      globalState: { get: () => undefined, update: async () => {}, keys: () => [] }, workspaceState: { get: () => undefined, update: async () => {}, keys: () => [] },
      extensionMode: 1, logUri: vscode, globalStorageUri: vscode, storageUri: undefined, environmentVariableCollection: vscode, secrets: vscode, extension: vscode };
    let activateMs, error;
    const t1 = performance.now();
    Promise.resolve().then(() => ext.activate(context)).then(
      () => { activateMs = performance.now() - t1; },
      (e) => { error = String(e && e.message || e).split('\\n')[0]; },
    ).finally(() => { console.log(JSON.stringify({ requireMs, activateMs, error })); process.exit(0); });`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 20_000 });
  const line = r.stdout?.trim().split('\n').pop();
  if (!line) return { note: `n/a: the stubbed activation did not report (${(r.stderr ?? '').trim().split('\n')[0] ?? ''})` };
  const o = JSON.parse(line) as { requireMs: number; activateMs?: number; error?: string };
  const requireMs = Math.round(o.requireMs * 10) / 10;
  if (o.activateMs === undefined)
    return {
      requireMs,
      note: `module load of dist/client.js under a stubbed vscode module; activate() could not run against the stub (${o.error ?? 'no result'}); real activation needs VS Code`,
    };
  return {
    requireMs,
    activateMs: Math.round(o.activateMs * 10) / 10,
    note: "require(dist/client.js) and activate() against a stubbed vscode module (a Proxy that answers every call); not VS Code's own activation time",
  };
}

/**
 * The package's size, and how much of it is the screenshots it ships for its README and walkthrough (the PNGs
 * `.vscodeignore` lets in): the size target is for the code and data, which the screenshots do not slow down.
 */
function vsix(): { bytes?: number; imageBytes?: number; source: string } {
  const p = join(ROOT, 'presence.vsix');
  const images = readFileSync(join(ROOT, '.vscodeignore'), 'utf8')
    .split('\n')
    .map((l) => /^!(docs\/images\/[^*\s]+\.png)$/.exec(l.trim())?.[1])
    .filter((x): x is string => x !== undefined);
  const imageBytes = images.reduce((n, f) => n + (existsSync(join(ROOT, f)) ? statSync(join(ROOT, f)).size : 0), 0);
  if (existsSync(p)) return { bytes: statSync(p).size, imageBytes, source: `presence.vsix (built ${statSync(p).mtime.toISOString()})` };
  const r = spawnSync('npm', ['run', 'package'], { cwd: ROOT, encoding: 'utf8', timeout: 180_000, stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status === 0 && existsSync(p)) return { bytes: statSync(p).size, imageBytes, source: 'npm run package (this run)' };
  const why =
    `${r.stdout ?? ''}\n${r.stderr ?? ''}`
      .split('\n')
      .find((l) => /ERROR|error/.test(l))
      ?.trim() ?? `exit ${r.status}`;
  return { source: `n/a: npm run package failed (${why})` };
}

// ---------------------------------------------------------------------------------------------------------

const SIZE_ROWS = ['corpus', '1k', '10k', '100k'] as const;

function fmtMs(ms: number | undefined): string {
  if (ms === undefined) return 'n/a';
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 100) return `${Math.round(ms)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}
const pass = (ok: boolean | undefined): string => (ok === undefined ? 'n/a' : ok ? 'PASS' : 'MISS');

function isWorker(r: WorkerResult | { tool: string; error: string } | undefined): r is WorkerResult {
  return Boolean(r && 'targets' in r);
}

/** Median per target (ms), or the folder total; undefined when not measured. */
function median(r: WorkerResult | undefined, row: string): number | undefined {
  if (!r) return undefined;
  if (row === 'folder') return r.folder?.stats?.median;
  return r.targets[row]?.stats?.median;
}

async function main(): Promise<void> {
  mkdirSync(CACHE, { recursive: true });
  const cpu = cpus();
  const machine = {
    cores: cpu.length,
    model: cpu[0]?.model ?? 'unknown',
    os: `${platform()} ${release()}`,
    memGb: Math.round(totalmem() / 2 ** 30),
    freeMemGbAtStart: Math.round(freemem() / 2 ** 30),
    loadAvgAtStart: loadavg().map((x) => Math.round(x * 100) / 100),
    node: process.version,
  };
  log(`${machine.cores} × ${machine.model}, node ${machine.node}, load ${machine.loadAvgAtStart.join(' ')}`);

  const manifest: Manifest = ensureDocs(CACHE);
  const manifestPath = join(CACHE, 'docs/manifest.json');
  log(
    `documents: ${manifest.sizes.map((s) => `${s.label} = ${s.words} words`).join(', ')}; folder ${manifest.folder.files} files / ${manifest.folder.words} words; corpus ${manifest.corpus.files} files / ${manifest.corpus.words} words`,
  );
  await buildEngine();
  const engineStub = /STUB/.test(readFileSync(join(ROOT, 'server/src/engine/analyze.ts'), 'utf8'));
  if (engineStub) log('WARNING: server/src/engine/analyze.ts is still the stub; Presence figures are not meaningful');

  const results: Record<string, WorkerResult | { tool: string; error: string }> = {};
  log('presence: in-process (corpus, 1k, 10k, 100k, folder, incremental)…');
  results.presence = await runWorker('presence', manifestPath);
  const p = results.presence;
  if (isWorker(p))
    log(
      `presence: 10k median ${fmtMs(median(p, '10k'))}, 100k ${fmtMs(median(p, '100k'))}, incremental p95 ${fmtMs(p.incremental?.stats.p95)}`,
    );
  else log(`presence: FAILED ${p.error}`);

  const doc100k = manifest.sizes.find((s) => s.label === '100k')!;
  const doc10k = manifest.sizes.find((s) => s.label === '10k')!;
  log('peak RSS at 100k words…');
  const rss = peakRss(doc100k.path);
  log(`peak RSS: ${'error' in rss ? rss.error : `${rss.maxRssMb} MB (node + engine loaded: ${rss.baselineRssMb} MB)`}`);

  log('scaling: time and peak RSS per doubling, 64 KB to 4 MB, one process per measurement…');
  const scaling: ScalingResult = runScaling(ENGINE_BUNDLE, (line) => log(line));
  const scalingMisses = Object.entries(scaling.shapes)
    .filter(([, s]) => !s.ok)
    .map(([n]) => n);
  log(
    `scaling: ${scaling.wallSeconds} s; ${scalingMisses.length ? `over ${scaling.targetRatio}× per doubling or not measured: ${scalingMisses.join(', ')}` : `every shape within ${scaling.targetRatio}× per doubling`}`,
  );

  log('keystroke → diagnostics over stdio…');
  const lsp: LatencyResult = await keystrokeLatency(readFileSync(doc10k.path, 'utf8'), 200);
  log(`keystroke: ${'na' in lsp ? lsp.na : `median ${fmtMs(lsp.stats.median)}, p95 ${fmtMs(lsp.stats.p95)}`}`);
  log('server cold start → first diagnostics…');
  const startup: StartupResult = await serverStartup(readFileSync(join(ROOT, 'examples', 'weak-board-update.md'), 'utf8'), 10);
  log(
    `startup: ${'na' in startup ? startup.na : `median ${fmtMs(startup.total.median)}, first launch ${fmtMs(startup.firstLaunch.total.median)} (bare node ${fmtMs(startup.nodeBaseline.median)})`}`,
  );

  log("CLI as a whole process, beside write-good's CLI: the 1,000-file folder and the 10k memo…");
  const cli = cliRows(manifest.folder.path, doc10k.path);
  const cliLog = (r: CliRow): string =>
    r.na ??
    `Presence ${fmtMs(r.presence?.medianMs)} (${r.presence?.runsMs.join(', ')} ms; ${r.files} files in the report; with its code cache ${fmtMs(r.presenceCached?.medianMs)}), write-good ${fmtMs(r.writeGood?.medianMs)} (${r.writeGood?.runsMs.join(', ')} ms): ×${r.ratio}`;
  log(`CLI, 1,000 files: ${cliLog(cli.folder)}`);
  log(`CLI, 10k memo: ${cliLog(cli.memo)}`);

  const act = activation();
  log(
    `activation: ${act.requireMs !== undefined ? `require ${act.requireMs} ms` : ''}${act.activateMs !== undefined ? `, activate ${act.activateMs} ms` : ''} — ${act.note}`,
  );
  const pkg = partial ? { source: 'skipped (partial run)' } : vsix();
  log(`vsix: ${'bytes' in pkg && pkg.bytes !== undefined ? `${(pkg.bytes / 1024).toFixed(0)} KB` : ''} ${pkg.source}`);

  for (const name of PEER_NAMES) {
    if (!wants(name)) continue;
    log(`${name}…`);
    const r = await runWorker(name, manifestPath);
    results[name] = r;
    if (isWorker(r))
      log(
        `${name}: ${SIZE_ROWS.map((row) => `${row} ${fmtMs(median(r, row))}`).join(', ')}, folder ${r.folder?.stats ? fmtMs(r.folder.stats.median) : `stopped after ${r.folder?.filesDone} files (≈${fmtMs(r.folder?.extrapolatedMs)})`}`,
      );
    else log(`${name}: FAILED ${r.error}`);
  }

  // ---- ratios and targets
  const peers = PEER_NAMES.filter((n) => results[n]);
  const rows = [...SIZE_ROWS, 'folder'] as const;
  const ratios: Record<string, Record<string, number | null>> = {};
  const slowerSomewhere: string[] = [];
  let allMeasured = true;
  for (const n of peers) {
    ratios[n] = {};
    const r = results[n];
    for (const row of rows) {
      const pm = median(isWorker(p) ? p : undefined, row);
      let pe = median(isWorker(r) ? r : undefined, row);
      // A peer stopped at the folder cap or skipped at a size is at least that slow.
      if (pe === undefined && isWorker(r) && row === 'folder')
        pe = r.folder?.stoppedAfterMs !== undefined ? r.folder.extrapolatedMs : undefined;
      if (pe === undefined && isWorker(r) && row !== 'folder' && r.targets[row]?.skipped) pe = r.targets[row]!.firstRunMs ?? 60_000;
      const ratio = pm && pe ? Math.round((pe / pm) * 10) / 10 : null;
      ratios[n]![row] = ratio;
      if (ratio === null) allMeasured = false;
      else if (ratio <= 1) slowerSomewhere.push(`${n} @ ${row}`);
    }
  }
  const pw = isWorker(p) ? p : undefined;
  const checks = {
    tenKMedian: {
      target: `≤ ${TARGETS.tenKMedianMs} ms median in-process (10k words)`,
      value: median(pw, '10k'),
      ok: median(pw, '10k') === undefined ? undefined : median(pw, '10k')! <= TARGETS.tenKMedianMs,
    },
    hundredKMedian: {
      target: `≤ ${TARGETS.hundredKMedianMs} ms median in-process (100k words)`,
      value: median(pw, '100k'),
      ok: median(pw, '100k') === undefined ? undefined : median(pw, '100k')! <= TARGETS.hundredKMedianMs,
    },
    serverStartup: {
      target: `≤ ${TARGETS.serverStartupMs} ms server spawn → first diagnostics (median of 10 cold processes)`,
      value: 'total' in startup ? startup.total.median : undefined,
      ok: 'total' in startup ? startup.total.median <= TARGETS.serverStartupMs : undefined,
    },
    keystrokeP95: {
      target: `≤ ${TARGETS.keystrokeP95Ms} ms p95 keystroke → diagnostics (10k words, stdio)`,
      value: 'stats' in lsp ? lsp.stats.p95 : undefined,
      ok: 'stats' in lsp ? lsp.stats.p95 <= TARGETS.keystrokeP95Ms : undefined,
    },
    cliFolder: {
      target: `≤ ${TARGETS.cliFolderMs / 1000} s CLI wall time, 1,000 files`,
      value: cli.folder.presence?.medianMs,
      ok: cli.folder.presence === undefined ? undefined : cli.folder.presence.medianMs <= TARGETS.cliFolderMs,
    },
    cliFolderVsWriteGood: {
      target: `≥ ${TARGETS.cliFolderVsWriteGood}× faster than write-good's CLI, 1,000 files, whole process`,
      value: cli.folder.ratio === undefined ? undefined : `×${cli.folder.ratio}`,
      ok: cli.folder.ratio === undefined ? undefined : cli.folder.ratio >= TARGETS.cliFolderVsWriteGood,
    },
    cliMemoVsWriteGood: {
      target: `≥ ${TARGETS.cliMemoVsWriteGood}× faster than write-good's CLI, 10k memo, whole process`,
      value: cli.memo.ratio === undefined ? undefined : `×${cli.memo.ratio}`,
      ok: cli.memo.ratio === undefined ? undefined : cli.memo.ratio >= TARGETS.cliMemoVsWriteGood,
    },
    peakRss: {
      target: `≤ ${TARGETS.rssMb} MB peak RSS at 100k words`,
      value: 'maxRssMb' in rss ? rss.maxRssMb : undefined,
      ok: 'maxRssMb' in rss ? rss.maxRssMb <= TARGETS.rssMb : undefined,
    },
    vsix: {
      target: '≤ 1 MB .vsix without its screenshots',
      value: 'bytes' in pkg && pkg.bytes !== undefined ? pkg.bytes - (pkg.imageBytes ?? 0) : undefined,
      ok: 'bytes' in pkg && pkg.bytes !== undefined ? pkg.bytes - (pkg.imageBytes ?? 0) <= TARGETS.vsixBytes : undefined,
    },
    scaling: {
      target: `≤ ${scaling.targetRatio}× time per doubling, 64 KB to 4 MB, every shape`,
      value: scalingMisses.length ? `missed: ${scalingMisses.join(', ')}` : 'yes',
      ok: scalingMisses.length === 0,
    },
    fasterThanPeers: {
      target: 'faster than every peer at every size',
      value:
        peers.length === 0
          ? 'n/a (no peers run)'
          : slowerSomewhere.length
            ? `slower than/equal to: ${slowerSomewhere.join(', ')}`
            : allMeasured
              ? 'yes'
              : 'yes where measured',
      ok: peers.length === 0 || !isWorker(p) ? undefined : slowerSomewhere.length === 0,
    },
  };

  const out = {
    date: new Date().toISOString(),
    today: TODAY,
    partial,
    engineStub,
    machine: { ...machine, loadAvgAtEnd: loadavg().map((x) => Math.round(x * 100) / 100) },
    // Relative to the repository root: the results are tracked, a machine's absolute paths are not.
    documents: {
      ...manifest,
      sizes: manifest.sizes.map((s) => ({ ...s, path: fromRoot(s.path) })),
      folder: { ...manifest.folder, path: fromRoot(manifest.folder.path) },
      corpus: { ...manifest.corpus, path: fromRoot(manifest.corpus.path) },
    },
    presence: results.presence,
    incremental: isWorker(p) ? p.incremental : undefined,
    keystroke: lsp,
    startup,
    cli,
    peakRss: rss,
    scaling,
    activation: act,
    vsix: pkg,
    peers: Object.fromEntries(peers.map((n) => [n, results[n]])),
    ratios,
    ratioNotes:
      'peer median ÷ Presence median per input; for a peer stopped at the 60 s folder cap the peer time is extrapolated to all files, and for a size skipped after one run over 60 s it is that run (a lower bound)',
    targets: checks,
    wallSeconds: Math.round((performance.now() - T0) / 1000),
  };
  const resultsPath = partial ? join(CACHE, 'results-partial.json') : join(ROOT, 'bench/results.json');
  writeFileSync(resultsPath, JSON.stringify(out, null, 2) + '\n');
  const table =
    readmeTable(out.machine, manifest, results, ratios, checks, { lsp, startup, cli, rss, act, pkg }) + '\n' + scalingTable(scaling);
  const tablePath = partial ? join(CACHE, 'README-table-partial.md') : join(ROOT, 'bench/README-table.md');
  writeFileSync(tablePath, table);

  console.log('\n' + table);
  console.log('Targets:');
  for (const c of Object.values(checks))
    console.log(
      `  ${pass(c.ok).padEnd(4)}  ${c.target}: ${typeof c.value === 'number' ? (c.target.includes('vsix') ? `${(c.value / 1024).toFixed(0)} KB` : c.target.includes('MB') ? `${c.value} MB` : fmtMs(c.value)) : (c.value ?? 'n/a')}`,
    );
  log(`wrote ${resultsPath.replace(ROOT + '/', '')} and ${tablePath.replace(ROOT + '/', '')}`);
}

interface Extras {
  lsp: LatencyResult;
  startup: StartupResult;
  cli: { folder: CliRow; memo: CliRow };
  rss: ReturnType<typeof peakRss>;
  act: ReturnType<typeof activation>;
  pkg: ReturnType<typeof vsix>;
}

function readmeTable(
  machine: { cores: number; model: string; node: string; loadAvgAtStart: number[] },
  m: Manifest,
  results: Record<string, WorkerResult | { tool: string; error: string }>,
  ratios: Record<string, Record<string, number | null>>,
  checks: Record<string, { target: string; ok: boolean | undefined }>,
  x: Extras,
): string {
  const p = isWorker(results.presence) ? results.presence : undefined;
  const peers = PEER_NAMES.filter((n) => results[n]);
  const words = (n: number): string => n.toLocaleString('en-US');
  const label: Record<string, string> = {
    corpus: `the corpus: ${m.corpus.files} real documents in six genres, one pass (${words(m.corpus.words)} words)`,
    '1k': `memo, ${words(m.sizes[0]!.words)} words`,
    '10k': `memo, ${words(m.sizes[1]!.words)} words`,
    '100k': `memo, ${words(m.sizes[2]!.words)} words`,
    folder: `1,000 files of ~800 words, in-process (${words(m.folder.words)} words)`,
  };
  const cell = (n: string, row: string): string => {
    const r = results[n];
    if (!isWorker(r)) return 'failed';
    if (row === 'folder') {
      const f = r.folder;
      if (f?.stats) return `${fmtMs(f.stats.median)} (×${ratios[n]?.[row] ?? '?'})`;
      if (f?.stoppedAfterMs !== undefined)
        return `stopped at 60 s after ${f.filesDone} files; ≈${fmtMs(f.extrapolatedMs)} for all (×≈${ratios[n]?.[row] ?? '?'})`;
      return 'n/a';
    }
    const t = r.targets[row];
    if (t?.skipped) return `skipped: ${t.skipped} (×≥${ratios[n]?.[row] ?? '?'})`;
    return t?.stats ? `${fmtMs(t.stats.median)} (×${ratios[n]?.[row] ?? '?'})` : 'n/a';
  };
  const pcell = (row: string): string => {
    if (!p) return 'failed';
    if (row === 'folder') return p.folder?.stats ? `**${fmtMs(p.folder.stats.median)}**` : 'n/a';
    const s = p.targets[row]?.stats;
    return s ? `**${fmtMs(s.median)}** (p95 ${fmtMs(s.p95)})` : 'n/a';
  };
  const lines: string[] = [];
  lines.push(
    `Median time per document (or per pass over a folder), in-process, after warm-up; (×N) = peer median ÷ Presence median, measured in the same run.`,
  );
  lines.push('');
  lines.push(`| Input | Presence | ${peers.map((n) => `${n}`).join(' | ')} |`);
  lines.push(`| --- | --- |${peers.map(() => ' --- |').join('')}`);
  for (const row of [...SIZE_ROWS, 'folder'])
    lines.push(`| ${label[row]} | ${pcell(row)} | ${peers.map((n) => cell(n, row)).join(' | ')} |`);
  lines.push('');
  const ks = 'stats' in x.lsp ? `median ${fmtMs(x.lsp.stats.median)}, p95 ${fmtMs(x.lsp.stats.p95)}` : `n/a (${x.lsp.na})`;
  const inc = p?.incremental ? `median ${fmtMs(p.incremental.stats.median)}, p95 ${fmtMs(p.incremental.stats.p95)}` : 'n/a';
  const rssCell =
    'maxRssMb' in x.rss ? `${x.rss.maxRssMb} MB (node with the engine loaded: ${x.rss.baselineRssMb} MB)` : `n/a (${x.rss.error})`;
  const vsixCell =
    x.pkg.bytes !== undefined
      ? `${(x.pkg.bytes / 1024).toFixed(0)} KB, of which ${((x.pkg.imageBytes ?? 0) / 1024).toFixed(0)} KB the README's and walkthrough's screenshots`
      : x.pkg.source;
  const actCell =
    x.act.requireMs !== undefined
      ? `${x.act.requireMs} ms to load${x.act.activateMs !== undefined ? ` + ${x.act.activateMs} ms activate()` : ''} (stubbed \`vscode\` module, not VS Code)`
      : x.act.note;
  lines.push('| Presence figure | Measured | Target | |');
  lines.push('| --- | --- | --- | --- |');
  lines.push(`| One-character edit re-analysed by the same \`Analyzer\`, 10k words (200 edits) | ${inc} | — | |`);
  lines.push(
    `| Keystroke → published diagnostics, real server over stdio, 10k words (200 edits, debounce 0) | ${ks} | p95 ≤ 10 ms | ${pass(checks.keystrokeP95!.ok)} |`,
  );
  const st =
    'na' in x.startup
      ? `n/a (${x.startup.na})`
      : `median ${fmtMs(x.startup.total.median)} (to initialized ${fmtMs(x.startup.toInitialized.median)}, open → diagnostics ${fmtMs(x.startup.openToDiagnostics.median)}; a bare \`node -e 0\` ${fmtMs(x.startup.nodeBaseline.median)}); the first launch after an install or upgrade, before the server has saved its compiled code, ${fmtMs(x.startup.firstLaunch.total.median)}`;
  lines.push(
    `| Server's part of the first squiggle: cold \`dist/server.js\` from spawn through initialize to the first diagnostics of a ${'na' in x.startup ? '' : `${x.startup.words}-word `}memo (10 processes, each a usual launch: with the code cache an earlier launch saved) | ${st} | ≤ ${TARGETS.serverStartupMs} ms | ${pass(checks.serverStartup!.ok)} |`,
  );
  lines.push(`| 10k words, in-process median | ${fmtMs(median(p, '10k'))} | ≤ 10 ms | ${pass(checks.tenKMedian!.ok)} |`);
  lines.push(`| 100k words, in-process median | ${fmtMs(median(p, '100k'))} | ≤ 120 ms | ${pass(checks.hundredKMedian!.ok)} |`);
  const cliCell = (r: CliRow): string =>
    r.presence && r.writeGood
      ? `${fmtMs(r.presence.medianMs)}; write-good's CLI ${fmtMs(r.writeGood.medianMs)} (×${r.ratio}); a later run, with the code cache the first saved, ${fmtMs(r.presenceCached?.medianMs)}`
      : `n/a (${r.na})`;
  lines.push(
    `| CLI \`node dist/cli.js <folder> --format json\`, 1,000 files, wall time (median of 3) | ${x.cli.folder.presence ? fmtMs(x.cli.folder.presence.medianMs) : `n/a (${x.cli.folder.na})`} | ≤ 2 s | ${pass(checks.cliFolder!.ok)} |`,
  );
  lines.push(
    `| CLI as a whole process beside write-good's CLI (\`write-good <the files>\`), 1,000 files: cold processes, wall time, median of ${x.cli.folder.presence?.runsMs.length ?? 3} after a warm-up, taking turns in the same run; Presence's first run on the machine (an empty code cache, as on a fresh CI runner); Presence adds a worker thread for each 1.5 idle cores (none on 2 cores) | ${cliCell(x.cli.folder)} | ≥ ${TARGETS.cliFolderVsWriteGood}× | ${pass(checks.cliFolderVsWriteGood!.ok)} |`,
  );
  lines.push(
    `| The same, one memo of ${words(m.sizes[1]!.words)} words (\`--format json\`) | ${cliCell(x.cli.memo)} | ≥ ${TARGETS.cliMemoVsWriteGood}× | ${pass(checks.cliMemoVsWriteGood!.ok)} |`,
  );
  lines.push(`| Peak RSS analysing 100k words (fresh process) | ${rssCell} | ≤ 150 MB | ${pass(checks.peakRss!.ok)} |`);
  lines.push(`| \`.vsix\` size | ${vsixCell} | ≤ 1 MB without the screenshots | ${pass(checks.vsix!.ok)} |`);
  lines.push(`| Extension activation | ${actCell} | — | |`);
  lines.push(
    `| Faster than every peer at every size | ${checks.fasterThanPeers!.ok === undefined ? 'n/a' : checks.fasterThanPeers!.ok ? 'yes' : 'no'} | yes | ${pass(checks.fasterThanPeers!.ok)} |`,
  );
  lines.push('');
  lines.push(
    `Measured by \`npm run bench\` on ${machine.cores} cores (${machine.model}), Node ${machine.node}, load average ${machine.loadAvgAtStart[0]} at the start. The machine is shared, so absolute times are noisy; figures are medians, and the ratios — every tool on the same documents in the same run — are what matter.`,
  );
  lines.push('');
  return lines.join('\n');
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
