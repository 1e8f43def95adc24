// Runs the Presence end-to-end suite (test/e2e/suite) inside a real VS Code workbench (code-server + headless
// Chromium), once per mode:
//   dev   the extension from this folder (extensionDevelopmentPath = the repository)
//   vsix  the extension packaged by `npm run package` and installed with `code-server --install-extension`;
//         the payload's development extension is an empty tests-only folder, so the extension under test is
//         the installed copy (the suite checks its path)
// Then, with PRESENCE_SCREENSHOTS=1, takes the README screenshots (scripts/e2e/screenshots.ts).
//
//   node --import tsx scripts/e2e/run.ts [dev] [vsix] [--screenshots] [--no-build]
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { E2E, ROOT, ensureVSCodeDeps, log, run } from './install.ts';
import { installVsix, startCodeServer, tail } from './codeserver.ts';
import { runSuite } from './browser.ts';
import { bundleSuite } from './bundle.ts';

export type Mode = 'dev' | 'vsix';
export const FIXTURE_WORKSPACE = join(ROOT, 'test', 'fixtures', 'e2e-workspace');

export interface TestResult {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  ms?: number;
  error?: string;
}

export interface ModeResult {
  mode: Mode;
  ok: boolean;
  ms: number;
  results: TestResult[];
  /** Why the mode failed when no test result explains it (timeout, crash). */
  problem?: string;
  /** Figures the suite measured inside VS Code (activation time, open to first diagnostics). */
  metrics: Record<string, number>;
  logFile: string;
}

export interface E2EOptions {
  modes?: Mode[];
  /** Run `npm run build` first (the dev mode loads dist/); `npm test` has just built, so it passes false. */
  build?: boolean;
  suiteTimeoutMs?: number;
}

/** A fresh copy of the sample workspace: the suite edits files and must never change the fixtures. */
export function freshWorkspace(dir: string): string {
  const ws = join(dir, 'memos');
  rmSync(ws, { recursive: true, force: true });
  cpSync(FIXTURE_WORKSPACE, ws, { recursive: true });
  return ws;
}

/** A development extension with nothing in it, so the payload runs the tests against the installed extension. */
function testsOnlyExtension(): string {
  const dir = join(E2E, 'tests-only-extension');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'presence-e2e-tests', publisher: 'presence-tests', version: '0.0.0', engines: { vscode: '*' } }, null, 2),
  );
  return dir;
}

export async function packageVsix(): Promise<string> {
  log('npm run package');
  await run('npm', ['run', 'package'], { timeoutMs: 180_000, what: 'npm run package' });
  const vsix = join(ROOT, 'presence.vsix');
  if (!existsSync(vsix)) throw new Error('npm run package did not produce presence.vsix');
  return vsix;
}

/**
 * This process's folder for run state (`.e2e/runs/<pid>/`), so two test runs in one checkout never share a
 * user-data folder or workspace. Folders left by processes that are gone are removed.
 */
export function runRoot(): string {
  const runs = join(E2E, 'runs');
  mkdirSync(runs, { recursive: true });
  for (const name of readdirSync(runs)) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      process.kill(Number(name), 0);
    } catch {
      rmSync(join(runs, name), { recursive: true, force: true });
    }
  }
  const dir = join(runs, String(process.pid));
  mkdirSync(dir, { recursive: true });
  return dir;
}

export async function runMode(mode: Mode, suite: string, suiteTimeoutMs: number): Promise<ModeResult> {
  const t0 = Date.now();
  const dir = join(runRoot(), mode);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const workspace = freshWorkspace(dir);
  const extensionsDir = join(dir, 'extensions');
  let devPath = ROOT;
  if (mode === 'vsix') {
    const vsix = await packageVsix();
    const installed = await installVsix(vsix, extensionsDir, join(dir, 'user-data'));
    log(`installed ${installed.slice(dir.length + 1)} from presence.vsix`);
    devPath = testsOnlyExtension();
  }
  const resultsFile = join(dir, 'results.json');
  const logFile = join(dir, 'suite.log');
  const server = await startCodeServer({
    dir,
    workspace,
    extensionsDir,
    env: { PRESENCE_E2E_MODE: mode, PRESENCE_E2E_EXTENSIONS_DIR: extensionsDir, PRESENCE_E2E_RESULTS: resultsFile },
  });
  try {
    const r = await runSuite({ server: server.url, folder: workspace, devPath, testsPath: suite, timeoutMs: suiteTimeoutMs, logFile });
    const written = existsSync(resultsFile)
      ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as { results: TestResult[]; metrics?: Record<string, number> })
      : undefined;
    const results: TestResult[] = written?.results ?? [];
    let problem: string | undefined;
    if (r.code === 'timeout') problem = `the suite did not finish within ${Math.round(suiteTimeoutMs / 1000)} s`;
    else if (r.code !== 0 && !results.some((t) => t.state === 'failed'))
      problem = `VS Code exited with code ${r.code} before any test failed (extension host crash, or the test module did not load)`;
    else if (results.length === 0) problem = 'the suite ran no test';
    if (problem)
      problem += `\n--- last suite log lines (${logFile})\n${r.lines.slice(-30).join('\n')}\n--- code-server log\n${tail(server.logFile, 2000)}`;
    return {
      mode,
      ok: r.code === 0 && results.length > 0 && !problem,
      ms: Date.now() - t0,
      results,
      problem,
      logFile,
      metrics: written?.metrics ?? {},
    };
  } finally {
    await server.stop();
  }
}

export async function runE2E(opts: E2EOptions = {}): Promise<ModeResult[]> {
  const modes = opts.modes ?? ['dev', 'vsix'];
  await ensureVSCodeDeps();
  if (opts.build !== false) {
    log('npm run build');
    await run('npm', ['run', 'build'], { timeoutMs: 180_000, what: 'npm run build' });
  }
  const suite = await bundleSuite(join(runRoot(), 'suite', 'index.js'));
  const out: ModeResult[] = [];
  for (const mode of modes) {
    log(`suite in VS Code (${mode})`);
    const r = await runMode(mode, suite, opts.suiteTimeoutMs ?? 240_000);
    log(`${mode}: ${r.ok ? 'ok' : 'FAILED'} in ${(r.ms / 1000).toFixed(1)} s`);
    out.push(r);
  }
  return out;
}

export function formatResults(rs: ModeResult[]): string {
  return rs
    .map((r) =>
      [
        `${r.mode}: ${r.results.filter((t) => t.state === 'passed').length} passed, ${r.results.filter((t) => t.state === 'failed').length} failed (${(r.ms / 1000).toFixed(1)} s)${
          Object.keys(r.metrics).length
            ? `; ${Object.entries(r.metrics)
                .map(([k, v]) => `${k} ${Math.round(v)}`)
                .join(', ')}`
            : ''
        }`,
        ...r.results.map(
          (t) =>
            `  ${t.state === 'passed' ? 'ok  ' : t.state === 'failed' ? 'FAIL' : 'skip'} ${t.title}${t.error ? `\n      ${t.error.split('\n').slice(0, 12).join('\n      ')}` : ''}`,
        ),
        ...(r.problem ? [`  PROBLEM: ${r.problem}`] : []),
      ].join('\n'),
    )
    .join('\n');
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const modes = args.filter((a): a is Mode => a === 'dev' || a === 'vsix');
  const screenshots = args.includes('--screenshots') || process.env.PRESENCE_SCREENSHOTS === '1';
  (async () => {
    const t0 = Date.now();
    const rs = await runE2E({ modes: modes.length ? modes : undefined, build: !args.includes('--no-build') });
    console.log(formatResults(rs));
    if (screenshots) {
      const { takeScreenshots } = await import('./screenshots.ts');
      await takeScreenshots();
    }
    console.log(`e2e wall time ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    process.exit(rs.every((r) => r.ok) ? 0 : 1);
  })().catch((e: Error) => {
    console.error(e.stack ?? e.message);
    process.exit(1);
  });
}
