// `npm run demo`: scores the bundled weak and strong board updates with the built CLI, as a user would run it, and
// exits 0 when the CLI did its job. The CLI's own exit code (1 for the weak sample) is what CI would see; say so.
import { spawnSync } from 'node:child_process';

const args = ['dist/cli.js', 'examples/weak-board-update.md', 'examples/strong-board-update.md', '--today', '2026-11-22'];
const r = spawnSync(process.execPath, args, { stdio: 'inherit' });
if (r.status === 1) {
  process.stdout.write(
    '\nIn CI this run would exit 1: the weak sample has an error-severity finding (see "Command line" in the README).\n',
  );
  process.exit(0);
}
process.exit(r.status ?? 2);
