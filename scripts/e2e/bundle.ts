// Bundles the in-VS-Code suite (test/e2e/suite) with mocha into one CommonJS file that VS Code's extension
// host can load as `extensionTestsPath`. Only `vscode` stays external (the host provides it).
import * as esbuild from 'esbuild';
import { join } from 'node:path';
import { ROOT, E2E } from './install.ts';

export const SUITE_BUNDLE = join(E2E, 'suite', 'index.js');

export async function bundleSuite(outfile = SUITE_BUNDLE): Promise<string> {
  await esbuild.build({
    entryPoints: [join(ROOT, 'test', 'e2e', 'suite', 'index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    sourcemap: 'inline',
    logLevel: 'error',
    // mocha reaches for optional browser/ESM-loader pieces the extension host never uses.
    logOverride: { 'require-resolve-not-external': 'silent', 'empty-import-meta': 'silent' },
  });
  return outfile;
}

if (require.main === module) {
  bundleSuite().then((f) => console.log(f));
}
