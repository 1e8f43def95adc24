// Bundles the three doors (VS Code client, language server and its analysis worker, CLI) into dist/.
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
// esbuild rewrites every regex literal with \p{…} into `new RegExp(…)` for any Node target (it cannot vouch for the
// Unicode version), which compiles-and-allocates on each evaluation: 2–3× the cost of a literal in the engine's
// per-word and per-sentence tests. Node 20 runs them natively, with the same Unicode tables either way.
const supported = { 'regexp-unicode-property-escapes': true };
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: false,
  logLevel: 'warning',
  legalComments: 'none',
  supported,
  define: { PRESENCE_VERSION: JSON.stringify(version) },
};
const watch = process.argv.includes('--watch');
/** lsp/engine.ts's require of the engine becomes a require of dist/engine.js, beside the server's bundle. */
const engineApart = {
  name: 'engine-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/presence\.js$/ }, (args) =>
      /[\\/]lsp[\\/]engine\.ts$/.test(args.importer) ? { path: './engine.js', external: true } : undefined,
    );
  },
};
const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  // The server's entry point is a few lines that start the analysis worker, then load dist/serverMain.js.
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  // The main thread's engine (lsp/engine.ts, loaded on first use) is its own bundle, dist/engine.js: node then
  // parses the server's protocol code alone at start-up, not the engine too.
  { ...common, entryPoints: ['server/src/serverMain.ts'], outfile: 'dist/serverMain.js', plugins: [engineApart] },
  { ...common, entryPoints: ['server/src/presence.ts'], outfile: 'dist/engine.js' },
  // The server's analysis worker thread; dist/server.js starts it from beside itself. Like the CLI, a small entry
  // point that loads the bundle through the code cache.
  { ...common, entryPoints: ['server/src/analysisWorkerEntry.ts'], outfile: 'dist/analysisWorker.js' },
  { ...common, entryPoints: ['server/src/analysisWorker.ts'], outfile: 'dist/analysisWorkerMain.js' },
  { ...common, entryPoints: ['server/src/cliEntry.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cliMain.js' },
];
if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else await Promise.all(builds.map((b) => esbuild.build({ ...b, minify: true })));
