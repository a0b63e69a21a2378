/** The sandbox's file output on a real machine: files relative to where netquest was started, written atomically. */
import { stringify } from 'yaml';
import { writeAtomic } from './files';
import type { SandboxIo } from './forms';

export function nodeSandboxIo(cwd = process.cwd()): SandboxIo {
  return { cwd, write: writeAtomic, yaml: (v) => stringify(v) };
}
