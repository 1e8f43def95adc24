// The shared corpus as the metamorphic suite reads it, and the table of shares it reports.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { sharedPath } from '../../scripts/repo.ts';
import { MUTATIONS, type Outcome } from './mutations.ts';

export function corpus(): Array<{ folder: string; file: string; text: string }> {
  const root = sharedPath('corpus');
  return readdirSync(root)
    .filter((f) => statSync(sharedPath('corpus', f)).isDirectory())
    .sort()
    .flatMap((folder) =>
      readdirSync(sharedPath('corpus', folder))
        .filter((f) => f.endsWith('.md') && f !== 'SOURCE.md' && f !== 'README.md')
        .sort()
        .map((file) => ({ folder, file, text: readFileSync(sharedPath('corpus', folder, file), 'utf8') })),
    );
}

export const pct = (ok: number, n: number): string => (n === 0 ? '—' : `${Math.round((100 * ok) / n)}% (${ok}/${n})`);

/** The table the note reports: share per mutation, overall and per folder. */
export function table(outcomes: readonly Outcome[]): string {
  const folders = [...new Set(outcomes.map((o) => o.folder))];
  const rows = MUTATIONS.map((m) => {
    const of = outcomes.filter((o) => o.mutation === m.name);
    const cells = folders.map((f) => {
      const x = of.filter((o) => o.folder === f);
      return pct(x.filter((o) => o.ok).length, x.length);
    });
    return `| ${m.name} | ${pct(of.filter((o) => o.ok).length, of.length)} | ${cells.join(' | ')} |`;
  });
  return [`| mutation | all | ${folders.join(' | ')} |`, `|---|---|${folders.map(() => '---').join('|')}|`, ...rows].join('\n');
}
