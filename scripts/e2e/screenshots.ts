// The README screenshots, taken from a real VS Code (code-server) with Presence installed from presence.vsix,
// driven through the UI as a person would: Quick Open to open a memo, Go to Line, Ctrl+. for the quick-fix
// menu, the keyboard hover, and the command palette for Presence's commands. Light and dark themes.
// Runs only when asked (PRESENCE_SCREENSHOTS=1 in `npm test`, or `node --import tsx scripts/e2e/screenshots.ts`)
// so CI never rewrites docs/images/.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { E2E, ROOT, ensureVSCodeDeps, log } from './install.ts';
import { installVsix, startCodeServer } from './codeserver.ts';
import { VIEWPORT, launchBrowser, workbenchUrl } from './browser.ts';
import { FIXTURE_WORKSPACE, freshWorkspace, packageVsix } from './run.ts';

export const IMAGES = join(ROOT, 'docs', 'images');
const THEMES = { light: 'Default Light Modern', dark: 'Default Dark Modern' } as const;
const MEMO = 'board-update.md';
const STEP_MS = 30_000;

export async function takeScreenshots(opts: { vsix?: string } = {}): Promise<string[]> {
  await ensureVSCodeDeps();
  const vsix = opts.vsix ?? (await packageVsix());
  mkdirSync(IMAGES, { recursive: true });
  const written: string[] = [];
  for (const [name, theme] of Object.entries(THEMES)) {
    // One retry: a screenshot pass on a loaded machine can miss a UI step; the error of the first try is kept.
    const files = await shootTheme(name, theme, vsix).catch((e: Error) => {
      log(`${e.message.split('\n')[0]}; trying once more`);
      return shootTheme(name, theme, vsix);
    });
    written.push(...files);
  }
  return written;
}

async function shootTheme(name: string, theme: string, vsix: string): Promise<string[]> {
  const dir = join(E2E, 'runs', `screenshots-${name}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const workspace = freshWorkspace(dir);
  const extensionsDir = join(dir, 'extensions');
  await installVsix(vsix, extensionsDir, join(dir, 'user-data'));
  const server = await startCodeServer({
    dir,
    workspace,
    extensionsDir,
    smokeTestDriver: false,
    settings: {
      'workbench.colorTheme': theme,
      'editor.fontSize': 15,
      'editor.lineHeight': 24,
      'editor.wordWrap': 'on',
      'editor.hover.delay': 100,
      'editor.hover.above': false,
      'breadcrumbs.enabled': false,
      'workbench.editor.enablePreview': false,
      'workbench.layoutControl.enabled': false,
      'window.menuBarVisibility': 'compact',
      'workbench.activityBar.location': 'top',
    },
  });
  const browser = await launchBrowser();
  const files: string[] = [];
  try {
    const page = await browser.newPage({ viewport: VIEWPORT, deviceScaleFactor: 1 });
    await page.goto(workbenchUrl(server.url, workspace));
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: STEP_MS });

    // Open the memo the way a person does: Quick Open.
    await openFile(page, MEMO);
    // Wait for Presence's squiggles, and the status bar score.
    await page
      .locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-info, .monaco-editor .squiggly-error')
      .first()
      .waitFor({ timeout: 60_000 });
    await page
      .locator('.statusbar-item', { hasText: /Presence \d+/ })
      .first()
      .waitFor({ timeout: STEP_MS });

    // The quick-fix menu on the hedge ("I think we should …").
    const lines = readFileSync(join(FIXTURE_WORKSPACE, MEMO), 'utf8').split('\n');
    const hedgeLine = lines.findIndex((l) => l.startsWith('I think')) + 1;
    await goTo(page, hedgeLine, 3);
    await page.keyboard.press('Control+Period');
    await page.locator('.action-widget').filter({ hasText: /./ }).first().waitFor({ timeout: STEP_MS });
    files.push(await shot(page, `quick-fix-${name}.png`));
    await page.keyboard.press('Escape');
    await page
      .locator('.action-widget')
      .first()
      .waitFor({ state: 'hidden', timeout: STEP_MS })
      .catch(() => undefined);

    // The hover that explains a finding (Ctrl+K Ctrl+I shows the hover at the cursor), on a word with one
    // finding so the explanation is not stacked with another.
    const apologyLine = lines.findIndex((l) => l.includes('Unfortunately'));
    await goTo(page, apologyLine + 1, lines[apologyLine]!.indexOf('Unfortunately') + 3);
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    // VS Code shows the diagnostic first; wait for the server's explanation (from the rule's doc page) and the
    // quick-fix link, which arrive a moment later.
    const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: /Why it matters/ }).first();
    await hover.waitFor({ timeout: STEP_MS });
    await hover
      .getByText(/Quick Fix/)
      .first()
      .waitFor({ timeout: STEP_MS });
    // The hover opens at a fixed height; drag its bottom edge down (it is resizable) so the before/after shows.
    await growHover(page, 840);
    files.push(await shot(page, `hover-${name}.png`));
    await page.keyboard.press('Escape');

    // The score report.
    await runCommand(page, 'Presence: Score Document');
    await page
      .locator('.tab', { hasText: `Presence: ${MEMO}` })
      .first()
      .waitFor({ timeout: STEP_MS });
    await webviewText(page, /board-ready|almost there|needs reframing/);
    files.push(await shot(page, `score-report-${name}.png`));

    // The workspace audit summary.
    await runCommand(page, 'Presence: Audit Workspace');
    await page.locator('.tab', { hasText: 'Presence: Workspace Audit' }).first().waitFor({ timeout: STEP_MS });
    await webviewText(page, /roadmap\.md/);
    // The progress toast closes when the audit is done.
    await page
      .locator('.notification-toast', { hasText: 'auditing' })
      .first()
      .waitFor({ state: 'hidden', timeout: STEP_MS })
      .catch(() => log('the audit progress notification is still open'));
    files.push(await shot(page, `audit-${name}.png`));
  } catch (e) {
    const pages = browser.contexts().flatMap((c) => c.pages());
    const failure = join(E2E, 'runs', `screenshots-${name}-failure.png`);
    if (pages[0]) await pages[0].screenshot({ path: failure }).catch(() => undefined);
    throw new Error(
      `screenshots (${name}) failed: ${(e as Error).message}\n(the screen at that moment: .e2e/runs/screenshots-${name}-failure.png)`,
    );
  } finally {
    await browser.close();
    await server.stop();
  }
  return files;
}

async function growHover(page: Page, bottom: number): Promise<void> {
  const box = await page.locator('.monaco-resizable-hover').first().boundingBox();
  if (!box || box.y + box.height >= bottom) return;
  const x = box.x + box.width / 2;
  await page.mouse.move(x, box.y + box.height - 1);
  await page.mouse.down();
  await page.mouse.move(x, bottom, { steps: 8 });
  await page.mouse.up();
  // Rest the pointer inside the hover, off the highlighted edge.
  await page.mouse.move(x, box.y + box.height / 2, { steps: 4 });
}

async function shot(page: Page, file: string): Promise<string> {
  const path = join(IMAGES, file);
  // Let the last frame paint (fonts, codicons) before capturing.
  await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
  await page.screenshot({ path, animations: 'disabled' });
  log(`wrote docs/images/${file}`);
  return path;
}

async function quickInput(page: Page, prefixKey: string, text: string): Promise<void> {
  await page.keyboard.press(prefixKey);
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: STEP_MS });
  await input.fill(text);
}

async function openFile(page: Page, file: string): Promise<void> {
  await quickInput(page, 'Control+P', file);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: file }).first().waitFor({ timeout: STEP_MS });
  await page.keyboard.press('Enter');
  await page.locator('.tab.active', { hasText: file }).waitFor({ timeout: STEP_MS });
  await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: STEP_MS });
}

async function goTo(page: Page, line: number, column: number): Promise<void> {
  // Quick Open with the ':' prefix is Go to Line/Column (the browser keeps Ctrl+G for itself).
  await quickInput(page, 'Control+P', `:${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: STEP_MS });
  await page
    .locator('.statusbar-item', { hasText: `Ln ${line}, Col ${column}` })
    .first()
    .waitFor({ timeout: STEP_MS });
}

async function runCommand(page: Page, title: string): Promise<void> {
  await quickInput(page, 'F1', `>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: STEP_MS });
  await page.keyboard.press('Enter');
}

/** Waits until some webview frame shows text matching `re` (webviews live in nested iframes). */
async function webviewText(page: Page, re: RegExp): Promise<Frame> {
  const deadline = Date.now() + STEP_MS;
  for (;;) {
    for (const f of page.frames()) {
      if (f === page.mainFrame()) continue;
      const text = await f.evaluate<string>('document.body ? document.body.innerText : ""').catch(() => '');
      if (re.test(text)) return f;
    }
    if (Date.now() > deadline) throw new Error(`no webview showed ${re}`);
    await page.waitForTimeout(100);
  }
}

if (require.main === module) {
  takeScreenshots().then(
    (fs) => console.log(fs.join('\n')),
    (e: Error) => {
      console.error(e.message);
      process.exit(1);
    },
  );
}
