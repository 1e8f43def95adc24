// Writing --fix results back without losing anything: the user's other edits, the file's mode, its links, or a
// file that a hostile folder-mate planted where the temporary file goes.
import * as fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { readRegularFileSync } from '../io/readFile.js';

/** What --fix read, so the writer can tell whether the file changed since. */
export interface Original {
  bytes: Buffer;
  stat: fs.Stats;
}

const TEMP = /^\..+\.presence-(\d+)(?:-[0-9a-f]+)?\.tmp$/;
const swept = new Set<string>();

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes temporary files left in `dir` by a --fix run that was killed: regular files only, links never followed. */
function sweepOrphans(dir: string): void {
  if (swept.has(dir)) return;
  swept.add(dir);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = TEMP.exec(name);
    if (!m) continue;
    const pid = Number(m[1]);
    // pid 0 or below would address a process group, not a process.
    if (!(pid > 0) || isAlive(pid)) continue;
    const p = join(dir, name);
    try {
      if (fs.lstatSync(p).isFile()) fs.unlinkSync(p);
    } catch {
      // gone already, or not ours to remove
    }
  }
}

function sameFile(a: fs.Stats, b: fs.Stats): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

/** Whether the user may write the file: root may write anything, so for root only the mode bits say "read-only". */
function isWritable(path: string, st: fs.Stats): boolean {
  if (process.getuid?.() === 0) return (st.mode & 0o222) !== 0;
  try {
    fs.accessSync(path, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function unchangedSince(path: string, original: Original): boolean {
  const now = readRegularFileSync(path);
  if (!now.ok) return false;
  const was = original.stat;
  return sameFile(now.stat, was) && now.stat.size === was.size && now.stat.mtimeMs === was.mtimeMs && now.bytes.equals(original.bytes);
}

function writeAll(fd: number, bytes: Buffer): void {
  for (let n = 0; n < bytes.length; ) n += fs.writeSync(fd, bytes, n, bytes.length - n);
}

/**
 * Replaces `path`'s content with `bytes` by renaming a fresh temporary file over it, so a reader or a kill never
 * sees half a file. A symlink is written through: its target gets the new content and the link stays a link.
 * Returns why the file was left unchanged, or undefined when it was written.
 */
export function writeFixed(path: string, original: Original, bytes: Buffer): string | undefined {
  let target: string;
  let st: fs.Stats;
  try {
    target = fs.realpathSync(path);
    st = fs.lstatSync(target);
  } catch (e) {
    return `could not be checked before writing (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`;
  }
  if (!st.isFile() || !sameFile(st, original.stat)) return 'was replaced by another file while --fix was working on it';
  // Renaming over one name of a hard-linked file would leave the other names with the old text.
  if (st.nlink > 1) return `has ${st.nlink} hard links, and rewriting it would split them`;
  if (!isWritable(target, st)) return 'is read-only';
  const dir = dirname(target);
  sweepOrphans(dir);
  // Random and created exclusively without following links: a planted file or symlink makes the open fail.
  const tmp = join(dir, `.${basename(target)}.presence-${process.pid}-${randomBytes(8).toString('hex')}.tmp`);
  let fd: number | undefined;
  let created = false;
  try {
    fd = fs.openSync(tmp, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | (fs.constants.O_NOFOLLOW ?? 0), 0o600);
    created = true;
    writeAll(fd, bytes);
    try {
      fs.fchownSync(fd, st.uid, st.gid);
    } catch {
      // Only root may give a file away; anyone else's copy keeps their own uid, as an editor's save would.
    }
    // After the chown (which may clear set-id bits), and on the descriptor: a mode passed to open is masked by
    // the umask (664 would become 644).
    fs.fchmodSync(fd, st.mode & 0o7777);
    fs.closeSync(fd);
    fd = undefined;
    // Checked as late as possible: a save made while the fixes were computed must not be overwritten.
    if (!unchangedSince(target, original)) {
      fs.unlinkSync(tmp);
      return 'changed on disk while --fix was working on it; run --fix again to fix the new version';
    }
    fs.renameSync(tmp, target);
    return undefined;
  } catch (e) {
    if (fd !== undefined) fs.closeSync(fd);
    // Never remove a name this run did not create: it may be someone else's file.
    if (created) {
      try {
        fs.unlinkSync(tmp);
      } catch {
        // already renamed
      }
    }
    return `could not be written (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`;
  }
}
