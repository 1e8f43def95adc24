// Starts and stops code-server (a real VS Code workbench served over HTTP, with a real Node extension host).
// It runs in its own session and process group (setsid, via `detached`), so stopping it kills the whole
// tree: the server, the extension host, the file watcher and our language server under it.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdirSync, openSync, closeSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { NODE24, codeServerEntry, node24Env, run, log } from './install.ts';

export interface CodeServer {
  url: string;
  port: number;
  pid: number;
  logFile: string;
  stop(): Promise<void>;
}

export interface CodeServerOptions {
  /** Folder for this instance's state: user data, extensions, home, log. */
  dir: string;
  /** Workspace folder to open. */
  workspace: string;
  /** Extensions folder (installed extensions); defaults to `<dir>/extensions`. */
  extensionsDir?: string;
  /** User settings written to `<dir>/user-data/User/settings.json`. */
  settings?: Record<string, unknown>;
  /** Extra environment for the server and so for the extension host (the in-VS-Code suite reads it). */
  env?: Record<string, string>;
  startTimeoutMs?: number;
  /** Accept test payloads (default true). Smoke-test mode also hides toasts, so screenshots turn it off. */
  smokeTestDriver?: boolean;
}

/** Settings that keep the workbench quiet and deterministic: no welcome page, no tips, no update checks. */
export const QUIET_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'git.enabled': false,
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'window.commandCenter': false,
  'editor.minimap.enabled': false,
  'files.autoSave': 'off',
  'workbench.reduceMotion': 'on',
};

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    /* group already gone */
  }
}

/** Installs a .vsix into an extensions folder with code-server's own CLI (the way a user installs it). */
export async function installVsix(vsix: string, extensionsDir: string, userDataDir: string): Promise<string> {
  mkdirSync(extensionsDir, { recursive: true });
  await run(
    NODE24,
    [codeServerEntry(), '--install-extension', vsix, '--force', '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir],
    {
      env: node24Env(),
      timeoutMs: 120_000,
      what: `code-server --install-extension ${vsix}`,
    },
  );
  const installed = readdirSync(extensionsDir).find((n) => n.startsWith('presence.presence-'));
  if (!installed) throw new Error(`code-server --install-extension left no presence.presence-* folder in ${extensionsDir}`);
  return join(extensionsDir, installed);
}

export async function startCodeServer(opts: CodeServerOptions): Promise<CodeServer> {
  const userData = join(opts.dir, 'user-data');
  const extensionsDir = opts.extensionsDir ?? join(opts.dir, 'extensions');
  const home = join(opts.dir, 'home');
  for (const d of [join(userData, 'User'), extensionsDir, home]) mkdirSync(d, { recursive: true });
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...opts.settings }, null, 2));
  const config = join(opts.dir, 'config.yaml');
  writeFileSync(config, 'auth: none\ncert: false\n');
  const port = await freePort();
  const logFile = join(opts.dir, 'code-server.log');
  const fd = openSync(logFile, 'w');
  const args = [
    codeServerEntry(),
    '--config',
    config,
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--user-data-dir',
    userData,
    '--extensions-dir',
    extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    ...(opts.smokeTestDriver === false ? [] : ['--vscode-option', 'enable-smoke-test-driver']),
    opts.workspace,
  ];
  // detached: the child calls setsid(), so it leads a new session and process group (kill -- -pid stops all of it).
  const env = node24Env({
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local/share'),
    // No marketplace: point the gallery at a closed loopback port so nothing tries to reach the internet.
    EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: 'http://127.0.0.1:9/gallery', itemUrl: 'http://127.0.0.1:9/items' }),
    ...opts.env,
  });
  const child = spawn(NODE24, args, { cwd: opts.dir, env, stdio: ['ignore', fd, fd], detached: true });
  closeSync(fd);
  let exited: string | undefined;
  const exitPromise = new Promise<void>((r) =>
    child.on('exit', (code, sig) => {
      exited = `exit ${code ?? sig}`;
      r();
    }),
  );
  const onExit = () => killGroup(child, 'SIGKILL');
  process.on('exit', onExit);

  const stop = async () => {
    process.off('exit', onExit);
    if (exited) return killGroup(child, 'SIGKILL');
    killGroup(child, 'SIGTERM');
    const t = setTimeout(() => killGroup(child, 'SIGKILL'), 5000);
    await exitPromise;
    clearTimeout(t);
    killGroup(child, 'SIGKILL'); // stragglers (extension host, language server) in the same group
  };

  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + (opts.startTimeoutMs ?? 90_000);
  for (;;) {
    if (exited) throw new Error(`code-server ${exited} before it answered /healthz; log:\n${tail(logFile)}`);
    try {
      const res = await fetch(`${url}healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(
        `code-server did not answer ${url}healthz within ${Math.round((opts.startTimeoutMs ?? 90_000) / 1000)} s; log:\n${tail(logFile)}`,
      );
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  log(`code-server pid ${child.pid} on ${url}`);
  return { url, port, pid: child.pid!, logFile, stop };
}

export function tail(file: string, chars = 4000): string {
  try {
    return readFileSync(file, 'utf8').slice(-chars);
  } catch {
    return '(no log)';
  }
}
