// An error as a log line shows it: its stack when it has one. No imports, so the analysis worker's bundle stays small.
export function errorText(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}
