// Command-line arguments: parsed strictly, with a one-line message for every mistake.
export interface CliOptions {
  inputs: string[];
  rubric?: string;
  format: 'text' | 'json' | 'sarif';
  minScore?: number;
  today: string;
  fix: boolean;
  quiet: boolean;
  help: boolean;
  version: boolean;
}

export class UsageError extends Error {}

export const USAGE = `Usage: presence [files|dirs|globs…] [options]

Checks Markdown memos, board updates and decision docs for executive presence and scores them.

Options:
  --rubric NAME|PATH     rubric for files without a "presence:" front matter key (default: executive)
  --format text|json|sarif
                         output format (default: text)
  --min-score N          exit with 1 when a file scores below N (0–100)
  --today YYYY-MM-DD     date that stale evidence is measured against (default: today)
  --fix                  apply the safe fixes to the files, then report what is left
  --quiet                print only errors and files below --min-score
  -h, --help             show this help
  -v, --version          show the version

Files and globs may be relative or absolute ("../notes/*.md", "/srv/memos/**/*.md"). --fix writes only
valid UTF-8 files that it may write, and leaves a file unchanged (with a message) when it is read-only, has
hard links, or changes while it is being fixed; a symlink is fixed in its target.
A rubric path in a document's front matter must be inside the document's repository (or, outside any
repository, the working folder); a --rubric path may be anywhere.

Exit codes: 0 all is well; 1 a file scored below --min-score or has an error-severity finding;
2 a usage or file error; 141 the output was closed before the end (as with "| head"), so the run stopped.`;

function localToday(): string {
  const d = new Date();
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Whether YYYY-MM-DD names a real day: Date.parse accepts 2026-02-30 and means 2 March, so round-trip it. */
function isCalendarDate(v: string): boolean {
  const [y, m, d] = v.split('-').map(Number);
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d); // not Date.UTC, which reads years 0–99 as 1900–1999
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

export function parseArgs(argv: string[]): CliOptions {
  const o: CliOptions = { inputs: [], format: 'text', today: localToday(), fix: false, quiet: false, help: false, version: false };
  const value = (i: number, flag: string): string => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value; see presence --help`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] =
      a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const take = (): string => {
      if (inline !== undefined) return inline;
      const v = value(i, flag);
      i++;
      return v;
    };
    switch (flag) {
      case '--rubric':
        o.rubric = take();
        break;
      case '--format': {
        const f = take();
        if (f !== 'text' && f !== 'json' && f !== 'sarif') throw new UsageError(`--format must be text, json or sarif (got "${f}")`);
        o.format = f;
        break;
      }
      case '--min-score': {
        const v = take();
        const n = Number(v);
        if (!/^\d+(\.\d+)?$/.test(v) || n < 0 || n > 100) throw new UsageError(`--min-score must be a number from 0 to 100 (got "${v}")`);
        o.minScore = n;
        break;
      }
      case '--today': {
        const v = take();
        if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new UsageError(`--today must be a date as YYYY-MM-DD (got "${v}")`);
        if (!isCalendarDate(v)) throw new UsageError(`--today must be a date that exists; there is no ${v} in the calendar`);
        o.today = v;
        break;
      }
      case '--fix':
        o.fix = true;
        break;
      case '--quiet':
        o.quiet = true;
        break;
      case '-h':
      case '--help':
        o.help = true;
        break;
      case '-v':
      case '--version':
        o.version = true;
        break;
      default:
        if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}; see presence --help`);
        o.inputs.push(a);
    }
  }
  return o;
}
