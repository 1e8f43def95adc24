// The test module VS Code loads as `extensionTestsPath`: the same run() contract that @vscode/test-electron
// uses on a desktop and that code-server honours in its extension host. Bundled with mocha into one file by
// scripts/e2e/bundle.ts. Results go to the console (forwarded to the harness) and, when
// PRESENCE_E2E_RESULTS names a file, to that file as JSON.
import Mocha from 'mocha';
import { writeFileSync } from 'node:fs';
import { metrics } from './util.ts';

interface TestResult {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  ms?: number;
  error?: string;
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec' });
  // The suite file registers itself when required; mocha's `suite`/`test` globals must exist first.
  mocha.suite.emit('pre-require', globalThis, 'presence.test', mocha);
  require('./presence.test.ts');
  const results: TestResult[] = [];
  const file = process.env.PRESENCE_E2E_RESULTS;
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const summary = `${results.filter((r) => r.state === 'passed').length} passed, ${failures} failed`;
      console.log(summary);
      if (file)
        writeFileSync(
          file,
          JSON.stringify({ mode: process.env.PRESENCE_E2E_MODE, vscode: require('vscode').version, results, failures, metrics }, null, 2),
        );
      if (failures > 0) reject(new Error(`${failures} Presence end-to-end test(s) failed`));
      else resolve();
    });
    runner.on('pass', (t) => results.push({ title: t.fullTitle(), state: 'passed', ms: t.duration }));
    runner.on('pending', (t) => results.push({ title: t.fullTitle(), state: 'pending' }));
    runner.on('fail', (t, err: Error) => results.push({ title: t.fullTitle(), state: 'failed', error: err?.stack ?? String(err) }));
  });
}
