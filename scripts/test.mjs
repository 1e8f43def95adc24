// Runs every test file under test/ with node's test runner (TypeScript through tsx).
// Test files are `*.test.ts`; the VS Code suite under test/e2e/suite runs inside VS Code, not here.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'suite' || name === 'fixtures' ? [] : walk(p);
    return p.endsWith('.test.ts') ? [p] : [];
  });
}
const only = process.argv.slice(2);
const files = walk('test')
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
// One file at a time: the end-to-end tests rebuild dist/ while packaging, which other files read.
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...files], {
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
