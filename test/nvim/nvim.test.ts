// The Presence language server under Neovim's built-in LSP client (Debian's neovim, 0.7 on bookworm).
// Installs neovim with apt-get when `nvim` is missing, runs it headless on a sample memo with
// test/nvim/init.lua (which starts `node dist/server.js --stdio`), and checks the diagnostics Neovim received.
import { test, before } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ensureApt } from '../../scripts/e2e/install.ts';

const ROOT = resolve(__dirname, '..', '..');
const SERVER = join(ROOT, 'dist', 'server.js');
const MEMO = join(ROOT, 'test', 'fixtures', 'e2e-workspace', 'board-update.md');

interface NvimDiagnostic {
  lnum: number;
  col: number;
  end_lnum: number;
  end_col: number;
  severity: number;
  message: string;
  code?: string;
}
interface NvimResult {
  nvim?: { major: number; minor: number; patch: number };
  filetype?: string;
  diagnostics?: NvimDiagnostic[];
  timed_out?: boolean;
  server_exit?: unknown;
  error?: string;
  ms?: number;
}

function nvimVersion(): string | undefined {
  const r = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.split('\n')[0] : undefined;
}

let version: string | undefined;

before(
  async () => {
    if (!nvimVersion()) await ensureApt(['neovim'], 10 * 60_000);
    version = nvimVersion();
  },
  { timeout: 11 * 60_000 },
);

/** Runs headless Neovim on a copy of `memo` and returns what init.lua wrote. */
function runNvim(memo: string, timeoutMs: number): Promise<NvimResult> {
  const dir = mkdtempSync(join(tmpdir(), 'presence-nvim-'));
  const file = join(dir, 'memo.md');
  copyFileSync(memo, file);
  const out = join(dir, 'result.json');
  return new Promise((resolvePromise, reject) => {
    const child = spawn('nvim', ['--headless', '-u', join(ROOT, 'test', 'nvim', 'init.lua'), '-i', 'NONE', '-n', file], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
      env: {
        ...process.env,
        HOME: dir,
        XDG_CONFIG_HOME: join(dir, 'config'),
        XDG_DATA_HOME: join(dir, 'data'),
        XDG_STATE_HOME: join(dir, 'state'),
        XDG_CACHE_HOME: join(dir, 'cache'),
        PRESENCE_SERVER: SERVER,
        PRESENCE_NODE: process.execPath,
        PRESENCE_NVIM_OUT: out,
        PRESENCE_NVIM_TIMEOUT_MS: String(timeoutMs - 5000),
      },
    });
    let output = '';
    child.stdout.on('data', (b: Buffer) => (output += b));
    child.stderr.on('data', (b: Buffer) => (output += b));
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* gone */
      }
      reject(new Error(`headless Neovim did not quit within ${timeoutMs / 1000} s\n${output.slice(-2000)}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      try {
        process.kill(-child.pid!, 'SIGKILL'); // the language server, if Neovim left it behind
      } catch {
        /* gone */
      }
      if (!existsSync(out)) return reject(new Error(`Neovim exited (${code}) without writing ${out}\n${output.slice(-2000)}`));
      const result = JSON.parse(readFileSync(out, 'utf8')) as NvimResult;
      rmSync(dir, { recursive: true, force: true });
      resolvePromise(result);
    });
  });
}

test('Neovim (built-in LSP client) shows the conviction/hedge diagnostic on the right line', { timeout: 90_000 }, async (t) => {
  assert.ok(version, 'nvim is not installed and apt-get could not install it');
  t.diagnostic(version);
  assert.ok(existsSync(SERVER), 'dist/server.js is missing: run `npm run build` first (npm test does)');
  const r = await runNvim(MEMO, 60_000);
  assert.equal(r.error, undefined, r.error);
  assert.equal(r.timed_out, false, `no presence diagnostics arrived within the time limit (server exit: ${JSON.stringify(r.server_exit)})`);
  assert.equal(r.filetype, 'markdown');
  const lines = readFileSync(MEMO, 'utf8').split('\n');
  const expectedLine = lines.findIndex((l) => l.startsWith('I think we should'));
  const hedges = (r.diagnostics ?? []).filter((d) => d.code === 'conviction/hedge');
  assert.ok(
    hedges.length > 0,
    `no conviction/hedge diagnostic; got ${JSON.stringify(r.diagnostics)}${r.server_exit ? `; the server exited: ${JSON.stringify(r.server_exit)}` : ''}`,
  );
  const h = hedges.find((d) => d.lnum === expectedLine);
  assert.ok(h, `conviction/hedge is not on line ${expectedLine + 1}: ${JSON.stringify(hedges)}`);
  assert.equal(h.col, 0, 'the hedge starts at the start of the line');
  assert.ok(h.message.length > 0);
  t.diagnostic(`${(r.diagnostics ?? []).length} presence diagnostics in ${r.ms} ms`);
});
