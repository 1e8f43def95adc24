// Standard output for the CLI: collected into chunks of about 64 KB (a large run makes few writes) and written
// synchronously, so a reader that goes away (`presence docs | head -1`) is noticed at the write, mid-run.
import { writeSync } from 'node:fs';

/** Thrown when standard output is closed by its reader: the run stops, quietly. */
export class OutputClosed extends Error {}

/** Thrown when standard output cannot be written (a full disk, say): the run stops with a message. */
export class OutputFailed extends Error {}

/** Exit code when the reader closed the output early: what a Unix tool killed by SIGPIPE reports (128 + 13). */
export const OUTPUT_CLOSED_EXIT = 141;

function writeAll(text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  for (let n = 0; n < bytes.length; ) {
    try {
      n += writeSync(1, bytes, n, bytes.length - n);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') throw new OutputClosed('standard output was closed');
      // A non-blocking stdout handed over by the parent: wait a moment for the reader.
      if (code === 'EAGAIN') Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
      else throw new OutputFailed(code ?? (e as Error).message);
    }
  }
}

export class Output {
  private parts: string[] = [];
  private size = 0;
  write(s: string): void {
    if (!s) return;
    this.parts.push(s);
    this.size += s.length;
    if (this.size >= 65536) this.flush();
  }
  flush(): void {
    if (this.parts.length) writeAll(this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }
}

/** Writes to standard output at once (help, version). */
export function print(text: string): void {
  writeAll(text);
}
