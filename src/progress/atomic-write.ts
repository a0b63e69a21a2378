/**
 * Replacing a file so that a crash at any moment leaves the old contents or the new, never a
 * mix: temp file in the same folder, fsync, rename, fsync the folder. Its own module (no zod)
 * so the crash test's child process starts fast.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';

/**
 * Writes `text` to `file` atomically: temp file in the same folder, fsync, rename, fsync the
 * folder. `stillValid`, checked just before the rename, can call the write off (returns false).
 */
export function writeFileAtomic(file: string, text: string, stillValid: () => boolean = () => true): boolean {
  const dir = dirname(file);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const tmp = join(dir, `.${file.slice(dir.length + 1)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    try {
      const buf = Buffer.from(text, 'utf8');
      let off = 0;
      while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (!stillValid()) {
      unlinkSync(tmp);
      return false;
    }
    renameSync(tmp, file);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // already gone
    }
    throw e;
  }
  try {
    // The rename is durable only once the folder entry is on disk. Not possible everywhere (Windows).
    const dfd = openSync(dir, 'r');
    try {
      fsyncSync(dfd);
    } finally {
      closeSync(dfd);
    }
  } catch {
    // best effort
  }
  return true;
}
