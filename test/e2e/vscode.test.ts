// Presence in a real VS Code, as part of `npm test`. Installs what it needs into .e2e/ the first time
// (Debian chromium + libkrb5-dev, Node 24, code-server; see scripts/e2e/install.ts), then runs the mocha suite
// in test/e2e/suite inside code-server's extension host, driven by headless Chromium:
//   1. against the extension in this folder (the development payload);
//   2. against the extension installed from presence.vsix with `code-server --install-extension`.
// With PRESENCE_SCREENSHOTS=1 it also retakes the README screenshots in docs/images/.
// PRESENCE_E2E=0 skips it (for a quick inner loop; CI always runs it).
import { test, before } from 'node:test';
import * as assert from 'node:assert/strict';
import { ensureVSCodeDeps } from '../../scripts/e2e/install.ts';
import { bundleSuite } from '../../scripts/e2e/bundle.ts';
import { formatResults, runMode, runRoot, type Mode, type ModeResult } from '../../scripts/e2e/run.ts';
import { join } from 'node:path';

// CI always runs it, whatever the environment says.
const skip = process.env.PRESENCE_E2E === '0' && !process.env.CI ? 'PRESENCE_E2E=0' : false;
const t0 = Date.now();
let suite = '';

before(
  async () => {
    if (skip) return;
    await ensureVSCodeDeps();
    suite = await bundleSuite(join(runRoot(), 'suite', 'index.js'));
  },
  { timeout: 30 * 60_000 },
);

function check(r: ModeResult, t: { diagnostic(msg: string): void }): void {
  for (const line of formatResults([r]).split('\n')) t.diagnostic(line);
  const failed = r.results.filter((x) => x.state === 'failed');
  assert.ok(
    r.ok,
    `${r.mode}: ${r.problem ?? `${failed.length} test(s) failed in VS Code:\n${failed.map((f) => `- ${f.title}\n  ${f.error?.split('\n').slice(0, 6).join('\n  ')}`).join('\n')}`}\nlog: ${r.logFile}`,
  );
}

for (const mode of ['dev', 'vsix'] as Mode[]) {
  const title =
    mode === 'dev'
      ? 'VS Code (code-server): the extension from this folder passes the e2e suite'
      : 'VS Code (code-server): the extension installed from presence.vsix passes the e2e suite';
  test(title, { skip, timeout: 8 * 60_000 }, async (t) => {
    check(await runMode(mode, suite, 4 * 60_000), t);
    t.diagnostic(`e2e wall time so far ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  });
}

// Registered only on request, so an ordinary run reports no skipped test.
const screenshots = process.env.PRESENCE_SCREENSHOTS === '1' && !skip ? test : (): void => undefined;
screenshots('README screenshots (PRESENCE_SCREENSHOTS=1)', { timeout: 10 * 60_000 }, async (t) => {
  const { takeScreenshots } = await import('../../scripts/e2e/screenshots.ts');
  const files = await takeScreenshots();
  for (const f of files) t.diagnostic(`wrote ${f}`);
});
