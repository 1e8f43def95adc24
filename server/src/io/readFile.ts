// Reading a user's file without trusting it: only regular files, size checked before a byte is read, and never
// blocking on a FIFO. Shared by the CLI and the language server (one implementation, one set of messages).
import * as fs from 'node:fs';

/** What the doors refuse to read in full (a 50 MB Markdown file is a mistake, not a memo). */
const MAX_FILE_BYTES = 50 * 1024 * 1024;

export type ReadResult = { ok: true; bytes: Buffer; stat: fs.Stats } | { ok: false; reason: string; code?: string };

// O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever. It has no effect on regular files.
const FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

function kindOf(st: fs.Stats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** Why a stat'ed file is not to be read, or undefined when it may be. */
function refusal(st: fs.Stats, maxBytes: number): string | undefined {
  if (!st.isFile()) return `is ${kindOf(st)}, not a regular file`;
  if (st.size > maxBytes) return `is ${(st.size / 1048576).toFixed(1)} MB, over the ${(maxBytes / 1048576).toFixed(0)} MB limit`;
  return undefined;
}

/** A buffer one byte larger than the file fstat saw (so growth shows), or why the file is not read. */
function bufferFor(st: fs.Stats, maxBytes: number): Buffer | ReadResult {
  const why = refusal(st, maxBytes);
  return why ? { ok: false, reason: why } : Buffer.allocUnsafe(Math.min(st.size, maxBytes) + 1);
}

const GREW: ReadResult = { ok: false, reason: 'changed size while being read; try again' };

function failure(e: unknown): ReadResult {
  const code = (e as NodeJS.ErrnoException).code;
  return { ok: false, reason: `cannot be read (${code ?? (e as Error).message})`, ...(code ? { code } : {}) };
}

/**
 * Reads a regular file of at most `maxBytes`. The checks use the opened descriptor (fstat), so a file swapped for a
 * FIFO or a device between a check and the read is still refused; reading stops at the size fstat saw plus one
 * byte, so a file that grows while it is read cannot make it unbounded.
 */
export function readRegularFileSync(path: string, maxBytes = MAX_FILE_BYTES): ReadResult {
  let fd: number;
  try {
    fd = fs.openSync(path, FLAGS);
  } catch (e) {
    return failure(e);
  }
  try {
    const st = fs.fstatSync(fd);
    const buf = bufferFor(st, maxBytes);
    if (!Buffer.isBuffer(buf)) return buf;
    let n = 0;
    for (;;) {
      const got = fs.readSync(fd, buf, n, buf.length - n, n);
      if (got === 0) break;
      n += got;
      if (n === buf.length) return GREW;
    }
    return { ok: true, bytes: buf.subarray(0, n), stat: st };
  } catch (e) {
    return failure(e);
  } finally {
    fs.closeSync(fd);
  }
}

/** The same as readRegularFileSync, without blocking the event loop. */
export async function readRegularFile(path: string, maxBytes = MAX_FILE_BYTES): Promise<ReadResult> {
  let fh: fs.promises.FileHandle;
  try {
    fh = await fs.promises.open(path, FLAGS);
  } catch (e) {
    return failure(e);
  }
  try {
    const st = await fh.stat();
    const buf = bufferFor(st, maxBytes);
    if (!Buffer.isBuffer(buf)) return buf;
    let n = 0;
    for (;;) {
      const { bytesRead } = await fh.read(buf, n, buf.length - n, n);
      if (bytesRead === 0) break;
      n += bytesRead;
      if (n === buf.length) return GREW;
    }
    return { ok: true, bytes: buf.subarray(0, n), stat: st };
  } catch (e) {
    return failure(e);
  } finally {
    await fh.close();
  }
}

/** Decodes UTF-8 strictly: undefined when the bytes are not valid UTF-8 (so nothing is silently turned into U+FFFD). */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
