// Opens the code-server workbench in headless Debian Chromium through playwright-core.
// With a test payload (extensionDevelopmentPath / extensionTestsPath), the workbench runs the test module's
// run() in the real extension host and reports the result through window.codeAutomationExit, the hook VS
// Code's own browser integration tests use; the smoke-test driver option on code-server enables it.
import { chromium, type Browser, type Page } from 'playwright-core';
import { format } from 'node:util';
import { appendFileSync, writeFileSync } from 'node:fs';
import { CHROMIUM } from './install.ts';

export const VIEWPORT = { width: 1400, height: 900 };

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** The workbench URL for a folder, with an optional payload (a list of [key, value] pairs). */
export function workbenchUrl(server: string, folder: string, payload?: [string, string][]): string {
  let url = `${server}?folder=${encodeURIComponent(folder)}`;
  if (payload) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

/** A path on the code-server machine as the workbench addresses it. */
export function remoteUri(server: string, path: string): string {
  return `vscode-remote://${new URL(server).host}${path}`;
}

export interface SuiteRun {
  code: number | 'timeout';
  ms: number;
  /** Lines the extension host logged through the automation channel (mocha's reporter output among them). */
  lines: string[];
}

export async function runSuite(opts: {
  server: string;
  folder: string;
  devPath: string;
  testsPath: string;
  timeoutMs: number;
  logFile: string;
}): Promise<SuiteRun> {
  const t0 = Date.now();
  const lines: string[] = [];
  writeFileSync(opts.logFile, '');
  const note = (line: string) => {
    lines.push(line);
    appendFileSync(opts.logFile, line + '\n');
  };
  const browser = await launchBrowser();
  try {
    const page: Page = await browser.newPage({ viewport: VIEWPORT });
    let done!: (code: number) => void;
    const exited = new Promise<number>((r) => (done = r));
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) =>
      note(`[${type}] ${format(...(Array.isArray(args) ? args : [args]))}`),
    );
    await page.exposeFunction('codeAutomationExit', (code: number) => done(code));
    page.on('console', (m) => {
      const t = m.text();
      // Plain logs repeat what codeAutomationLog already recorded; keep warnings and errors.
      if (m.type() !== 'log' && m.type() !== 'info' && !/Failed to load resource|ERR_NAME_NOT_RESOLVED|ENOTFOUND|net::ERR_/.test(t))
        appendFileSync(opts.logFile, `[page ${m.type()}] ${t.slice(0, 2000)}\n`);
    });
    page.on('pageerror', (e) => appendFileSync(opts.logFile, `[pageerror] ${e.message}\n`));
    const payload: [string, string][] = [
      ['extensionDevelopmentPath', remoteUri(opts.server, opts.devPath)],
      ['extensionTestsPath', remoteUri(opts.server, opts.testsPath)],
      ['skipWelcome', 'true'],
    ];
    await page.goto(workbenchUrl(opts.server, opts.folder, payload));
    let timer: NodeJS.Timeout | undefined;
    const code = await Promise.race([exited, new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), opts.timeoutMs)))]);
    clearTimeout(timer);
    return { code, ms: Date.now() - t0, lines };
  } finally {
    await browser.close();
  }
}
