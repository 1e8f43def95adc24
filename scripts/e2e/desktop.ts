// `npm run test:desktop`: the same in-VS-Code suite (test/e2e/suite) on desktop VS Code through
// @vscode/test-electron, which downloads VS Code into .vscode-test/ (so it is not part of CI here).
// On Linux without a display, run it under xvfb-run. Set VSCODE_VERSION to pin a version (default: stable),
// or VSCODE_EXECUTABLE to use an installed VS Code.
import { runTests } from '@vscode/test-electron';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { E2E, ROOT } from './install.ts';
import { bundleSuite } from './bundle.ts';
import { freshWorkspace } from './run.ts';

async function main(): Promise<void> {
  const suite = await bundleSuite();
  const dir = join(E2E, 'runs', 'desktop');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const workspace = freshWorkspace(dir);
  const code = await runTests({
    version: process.env.VSCODE_VERSION,
    vscodeExecutablePath: process.env.VSCODE_EXECUTABLE,
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: suite,
    extensionTestsEnv: { PRESENCE_E2E_MODE: 'desktop', PRESENCE_E2E_RESULTS: join(dir, 'results.json') },
    launchArgs: [
      workspace,
      '--disable-extensions', // other installed extensions; the one under development still loads
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      '--user-data-dir',
      join(dir, 'user-data'),
      '--extensions-dir',
      join(dir, 'extensions'),
    ],
  });
  process.exit(code);
}

main().catch((e: Error) => {
  console.error(`Presence desktop e2e failed: ${e.message}`);
  process.exit(1);
});
