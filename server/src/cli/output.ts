// Standard output for the CLI: collected into chunks of about 64 KB (a large run makes few writes) and written
// synchronously, so a reader that goes away (`presence docs | head -1`) is noticed at the write, mid-run.
import { writeSync } from 'node:fs';

/** Thrown when standard output is closed by its reader: the run stops, quietly. */
export class OutputClosed extends Error {}

/** Thrown when standard output cannot be written (a full disk, say): the run stops with a message. */
export class OutputFailed extends Error {}

/** Exit code when the reader closed the output early: what a Unix tool killed by SIGPIPE reports (128 + 13). */
export const OUTPUT_CLOSED_EXIT = 141;

function writeAll(bytes: Uint8Array): void {
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

const CHUNK = 65536;
/** UTF-8 takes at most 3 bytes per UTF-16 code unit (a surrogate pair: 4 bytes for 2). */
const MAX_BYTES_PER_UNIT = 3;

export class Output {
  // Encoded straight into one reused buffer: joining the pieces into a string first and encoding that cost a
  // quarter of a second on a thousand files' JSON.
  private readonly buf = Buffer.allocUnsafe(4 * CHUNK);
  private used = 0;
  write(s: string): void {
    if (!s) return;
    if (this.used + s.length * MAX_BYTES_PER_UNIT > this.buf.length) {
      this.flush();
      if (s.length * MAX_BYTES_PER_UNIT > this.buf.length) {
        writeAll(Buffer.from(s, 'utf8'));
        return;
      }
    }
    this.used += this.buf.write(s, this.used, 'utf8');
    if (this.used >= CHUNK) this.flush();
  }
  flush(): void {
    if (this.used) writeAll(this.buf.subarray(0, this.used));
    this.used = 0;
  }
}

/** Writes to standard output at once (help, version). */
export function print(text: string): void {
  writeAll(Buffer.from(text, 'utf8'));
}
