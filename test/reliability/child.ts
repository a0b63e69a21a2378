/**
 * Runs TypeScript modules of the game in a separate, killable node process: the entry is
 * bundled with esbuild (a dev dependency, ~0.2 s) into a temp folder, so the test does not
 * depend on dist/ being fresh and runs the same store code as the game.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Bundles `entry` (relative to the repository) to a standalone .mjs; returns its path. */
export async function bundle(entry: string): Promise<string> {
  const outfile = join(mkdtempSync(join(tmpdir(), 'nq-child-')), 'child.mjs');
  await build({
    absWorkingDir: root,
    entryPoints: [entry],
    outfile,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
    // As scripts/build.mjs: CommonJS dependencies (yaml) bundled into ESM still call require().
    banner: { js: "import { createRequire as __nqCreateRequire } from 'node:module'; const require = __nqCreateRequire(import.meta.url);" },
  });
  return outfile;
}

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** A running child: its output so far, a promise for its end, and a way to wait for output. */
export class Child {
  readonly proc: ChildProcess;
  stdout = '';
  stderr = '';
  readonly done: Promise<Finished>;

  constructor(script: string, args: readonly string[]) {
    this.proc = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    this.proc.stdout!.setEncoding('utf8').on('data', (d: string) => (this.stdout += d));
    this.proc.stderr!.setEncoding('utf8').on('data', (d: string) => (this.stderr += d));
    this.done = new Promise((resolve) =>
      this.proc.on('close', (code, signal) => resolve({ code, signal, stdout: this.stdout, stderr: this.stderr })),
    );
  }

  /** Resolves once stdout has at least one complete line (or the child ended). */
  firstLine(): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        if (this.stdout.includes('\n') || this.proc.exitCode !== null || this.proc.signalCode !== null) {
          this.proc.stdout!.off('data', check);
          resolve();
        }
      };
      this.proc.stdout!.on('data', check);
      this.proc.on('close', check);
      check();
    });
  }
}

/** The last complete line a child printed, as a number (or undefined). */
export function lastNumber(stdout: string): number | undefined {
  const lines = stdout.split('\n').slice(0, -1);
  return lines.length ? Number(lines.at(-1)) : undefined;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
