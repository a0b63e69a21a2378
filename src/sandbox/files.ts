/**
 * Writing what the sandbox exports (a pcap, a level skeleton) without ever leaving half a
 * file: written to a temporary file beside the target, flushed, then renamed over it.
 */
import { closeSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve, basename } from 'node:path';
import { err, ok, type Result } from '../net/result';

/** Resolves a typed path against `cwd`; "~/" means the home folder. */
export function resolvePath(typed: string, cwd: string, home = process.env.HOME ?? ''): string {
  const t = typed.trim();
  const expanded = t === '~' ? home : t.startsWith('~/') && home ? join(home, t.slice(2)) : t;
  return isAbsolute(expanded) ? expanded : resolve(cwd, expanded);
}

/** Writes atomically; the full path written, or what went wrong in words. */
export function writeAtomic(path: string, data: Uint8Array | string): Result<string, string> {
  const dir = dirname(path);
  try {
    if (!statSync(dir).isDirectory()) return err(`${dir} is not a folder`);
  } catch {
    return err(`the folder ${dir} does not exist`);
  }
  try {
    if (statSync(path).isDirectory()) return err(`${path} is a folder; give a file name`);
  } catch {
    // Not there yet: fine.
  }
  const tmp = join(dir, `.${basename(path)}.${process.pid}.tmp`);
  try {
    const fd = openSync(tmp, 'w', 0o644);
    try {
      writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
    return ok(path);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // Nothing to clean up.
    }
    const code = (e as NodeJS.ErrnoException).code;
    return err(code === 'EACCES' || code === 'EPERM' ? `no permission to write in ${dir}` : `cannot write ${path} (${code ?? (e as Error).message})`);
  }
}
