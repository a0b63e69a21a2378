/**
 * Keypress-to-frame latency on the level screen: the game started in-process exactly as
 * `netquest` starts it (startTui: 60 fps cap, production React from the bundle), on fake
 * terminal streams. The clock runs from writing a key to stdin until Ink writes the next
 * frame. Keys are spaced out (40 ms), so the figure is the work per key, not Ink's frame cap.
 *
 * Not counted: the terminal's own time to take in the bytes (a fake stdout takes them at
 * once). The bytes per frame are reported, as the part of the cost that grows with them.
 */
import { EventEmitter } from 'node:events';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadLevelText, type LoadedLevel } from '../src/levels/load';
import { median, ms, percentile, type Row } from './table';
import { threadCpuMs } from './workload';

export const LATENCY_P99_GOAL_MS = 16;

const KEY = { up: '\x1b[A', down: '\x1b[B', right: '\x1b[C', left: '\x1b[D', enter: '\r' };
const SPACING_MS = 40;

class FakeStdin extends EventEmitter {
  isTTY = true;
  private data: string | null = null;
  write(data: string) {
    this.data = data;
    this.emit('readable');
  }
  read = () => {
    const d = this.data;
    this.data = null;
    return d;
  };
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
}

class FakeStdout extends EventEmitter {
  isTTY = true;
  columns = 100;
  rows = 30;
  /** The latest write, and a waiter for the next one. */
  last = '';
  writes = 0;
  private next: ((t: number, cpu: number, bytes: number) => void) | undefined;
  write = (s: string) => {
    const t = performance.now();
    const cpu = threadCpuMs() ?? NaN;
    // Ink wraps a frame in synchronized-update markers, written separately: the frame is the write with text.
    if (!plain(s).trim()) return true;
    this.last = s;
    this.writes++;
    // For comparing builds frame by frame (e.g. with and without the Ink patches in scripts/build.mjs).
    if (process.env.BENCH_FRAMES) appendFileSync(process.env.BENCH_FRAMES, `${s}\n`);
    const n = this.next;
    this.next = undefined;
    n?.(t, cpu, Buffer.byteLength(s));
    return true;
  };
  nextWrite(timeoutMs: number): Promise<{ t: number; cpu: number; bytes: number } | undefined> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.next = undefined;
        resolve(undefined);
      }, timeoutMs);
      this.next = (t, cpu, bytes) => {
        clearTimeout(timer);
        resolve({ t, cpu, bytes });
      };
    });
  }
}

const sleep = (msec: number) => new Promise((r) => setTimeout(r, msec));
// eslint-disable-next-line no-control-regex
const plain = (s: string) => s.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');

export interface LatencyResult {
  readonly name: string;
  readonly devices: number;
  readonly samples: readonly number[];
  /** This thread's CPU time over the same span: the work, without the waits for a core. */
  readonly cpu: readonly number[];
  readonly bytes: readonly number[];
  readonly missed: number;
}

/** Opens `level` on the level screen and presses navigation keys: ↓ ↑ (tasks) and → ← (the inspected device). */
export async function measureLevel(name: string, level: LoadedLevel, presses: number): Promise<LatencyResult> {
  const { startTui, packViewFromLoaded } = await import('../src/tui/index');
  const stdin = new FakeStdin();
  const stdout = new FakeStdout();
  const progressDir = mkdtempSync(join(tmpdir(), 'netquest-bench-'));
  const pack = packViewFromLoaded({ pack: { id: 'bench', name: 'Bench' }, chapters: [{ id: 'c', title: 'Chapter', levels: [level] }] });
  const done = startTui({
    stdin: stdin as unknown as NodeJS.ReadStream,
    stdout: stdout as unknown as NodeJS.WriteStream,
    packs: [pack],
    progressDir,
    locale: 'en',
    env: { TERM: 'xterm-256color' },
    altScreen: false,
    patchConsole: false,
  });
  try {
    for (let i = 0; i < 100 && stdout.writes === 0; i++) await sleep(20);
    await sleep(100); // the first screen's useInput subscribes in an effect
    // Title → Campaign → the chapter → the level (briefing) → its tasks; each key waits for its frame.
    for (const k of [KEY.enter, KEY.enter, KEY.enter, KEY.enter]) {
      const frame = stdout.nextWrite(5000);
      stdin.write(k);
      await frame;
      await sleep(100);
    }
    if (!plain(stdout.last).includes('Tasks')) throw new Error(`${name}: the level screen did not open; the screen shows:\n${plain(stdout.last)}`);
    const pattern = [KEY.down, KEY.up, KEY.right, KEY.right, KEY.left, KEY.down, KEY.right, KEY.up];
    const samples: number[] = [];
    const cpu: number[] = [];
    const bytes: number[] = [];
    let missed = 0;
    for (let i = 0; i < presses; i++) {
      const key = pattern[i % pattern.length]!;
      const frame = stdout.nextWrite(1000);
      const c0 = threadCpuMs() ?? NaN;
      const t0 = performance.now();
      stdin.write(key);
      const w = await frame;
      if (w) {
        samples.push(w.t - t0);
        cpu.push(w.cpu - c0);
        bytes.push(w.bytes);
      } else missed++;
      await sleep(SPACING_MS);
    }
    return { name, devices: level.level.topology.devices.length, samples, cpu, bytes, missed };
  } finally {
    // Back out to the title and quit, so the app unmounts as it does for a player.
    for (const k of ['q', 'q', 'q', 'q', 'q']) {
      stdin.write(k);
      await sleep(30);
    }
    await Promise.race([done, sleep(1000)]);
    rmSync(progressDir, { recursive: true, force: true });
  }
}

export function loadedFromText(text: string, file: string): LoadedLevel {
  const r = loadLevelText(text, file);
  if (!r.ok) throw new Error(`${file}: ${r.error.map((e) => `${e.line}:${e.column} ${e.message}`).join('; ')}`);
  return r.value;
}

export function latencyRows(results: readonly LatencyResult[]): Row[] {
  return results.flatMap((r) => {
    const p99 = percentile(r.samples, 99);
    const kb = (median(r.bytes) / 1024).toFixed(1);
    const rows: Row[] = [
      {
        figure: `**keypress → frame, ${r.name}** (${r.devices} devices; ${r.samples.length} keys; median / p99)`,
        value: `${ms(median(r.samples), 1)} / **${ms(p99, 1)}** (max ${ms(Math.max(...r.samples), 1)}; ${kb} KB a frame${r.missed ? `; ${r.missed} keys changed nothing` : ''})`,
        goal: `p99 < ${LATENCY_P99_GOAL_MS} ms`,
        met: p99 < LATENCY_P99_GOAL_MS,
      },
    ];
    if (r.cpu.every((c) => Number.isFinite(c))) {
      rows.push({ figure: `keypress → frame, ${r.name}: CPU time of the main thread (median / p99)`, value: `${ms(median(r.cpu), 1)} / ${ms(percentile(r.cpu, 99), 1)}`, goal: '' });
    }
    return rows;
  });
}
