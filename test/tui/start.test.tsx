import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startTui } from '../../src/tui/start';
import type { PackView } from '../../src/tui/types';

class FakeStdin extends EventEmitter {
  isTTY = true;
  rawMode = false;
  private data: string | null = null;
  setRawMode(on: boolean) {
    this.rawMode = on;
    return this;
  }
  setEncoding() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
  read = () => {
    const d = this.data;
    this.data = null;
    return d;
  };
  write(d: string) {
    this.data = d;
    this.emit('readable');
  }
}

class FakeStdout extends EventEmitter {
  isTTY = true;
  columns = 90;
  rows = 28;
  out = '';
  write = (s: string, cb?: unknown) => {
    this.out += s;
    if (typeof cb === 'function') cb();
    return true;
  };
}

const packs: PackView[] = [{ id: 'basics', name: 'Basics', chapters: [{ id: 'c', title: 'C', levels: [] }] }];
/** Waits (bounded) until the app has mounted and taken the keyboard. */
const ready = async (stdin: FakeStdin) => {
  for (let i = 0; i < 200 && !stdin.rawMode; i++) await new Promise((r) => setTimeout(r, 5));
  await new Promise((r) => setTimeout(r, 10));
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'netquest-tui-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const signals = () => ['SIGINT', 'SIGTERM', 'SIGHUP'].map((s) => process.listenerCount(s));

describe('startTui', () => {
  it('refuses politely without a terminal, touching nothing', async () => {
    const stdin = new FakeStdin();
    stdin.isTTY = false;
    const stdout = new FakeStdout();
    const r = await startTui({ stdin: stdin as never, stdout: stdout as never, packs, progressDir: dir });
    expect(r).toMatch(/needs an interactive terminal, and standard input is not one/);
    expect(stdout.out).toBe('');
    const piped = new FakeStdout();
    piped.isTTY = false;
    expect(await startTui({ stdin: new FakeStdin() as never, stdout: piped as never, packs, progressDir: dir })).toMatch(/standard output is not one/);
    // With CI set, Ink would draw only the last frame: say so instead of looking frozen.
    const ci = new FakeStdout();
    expect(await startTui({ stdin: new FakeStdin() as never, stdout: ci as never, packs, progressDir: dir, env: { CI: 'true' } })).toMatch(/CI is set .* env -u CI netquest/);
    expect(ci.out).toBe('');
  });

  it('runs on the alternate screen and leaves the terminal clean on quit', async () => {
    const stdin = new FakeStdin();
    const stdout = new FakeStdout();
    const before = signals();
    const on = vi.spyOn(process, 'on');
    const run = startTui({ stdin: stdin as never, stdout: stdout as never, packs, progressDir: dir, env: { TERM: 'xterm-256color' }, patchConsole: false });
    await ready(stdin);
    expect(stdout.out.startsWith('\x1b[?1049h')).toBe(true);
    expect(stdin.rawMode).toBe(true);
    // Ours, to restore the terminal before dying of the signal (Ink adds its own too).
    signals().forEach((n, i) => expect(n).toBeGreaterThan(before[i]!));
    // A smaller window: the screen is cleared so no stale lines stay behind.
    stdout.rows = 20;
    stdout.emit('resize');
    expect(stdout.out).toContain('\x1b[2J\x1b[H');
    stdin.write('\x03');
    await expect(run).resolves.toBeUndefined();
    expect(stdout.out.endsWith('\x1b[?25h\x1b[?1049l')).toBe(true);
    expect(stdin.rawMode).toBe(false);
    // Our signal handlers are gone (Ink's cursor restorer may stay, as it does for any Ink app).
    // Ours are registered first, before Ink's.
    const ours = on.mock.calls.filter(([sig]) => ['SIGINT', 'SIGTERM', 'SIGHUP'].includes(String(sig))).map(([, h]) => h).slice(0, 3);
    on.mockRestore();
    for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) for (const h of ours) expect(process.listeners(sig)).not.toContain(h);
  });

  it('TERM=dumb: no alternate screen', async () => {
    const stdin = new FakeStdin();
    const stdout = new FakeStdout();
    const run = startTui({ stdin: stdin as never, stdout: stdout as never, packs, progressDir: dir, env: { TERM: 'dumb' }, patchConsole: false });
    await ready(stdin);
    stdin.write('q');
    await run;
    expect(stdout.out).not.toContain('\x1b[?1049');
  });
});
