/**
 * Start-up time and idle memory of the built game, each launched in a fresh pseudo-terminal
 * (bench/pty-launch.py: Python's pty module, so no native node-pty), against a bare Ink app
 * bundled the same way (dist/bare-ink.js).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, ms, range, type Row } from './table';

export const STARTUP_RATIO_GOAL = 1.5;
export const IDLE_RSS_GOAL_MB = 100;

const here = (rel: string) => fileURLToPath(new URL(rel, import.meta.url));
// dist/bench.js runs from dist/: the launcher and the programs sit beside it or one up.
const LAUNCHER = here('../bench/pty-launch.py');
const GAME = here('../bin/netquest.js');
const BARE = here('./bare-ink.js');

export interface Launch {
  readonly firstFrameMs: number;
  /** CPU time (all threads) at the first frame, in 10 ms ticks; undefined off Linux. */
  readonly cpuMs: number | undefined;
  readonly rssKb: number | undefined;
  readonly text: string;
}

/** Runs `node SCRIPT` in a 100×30 pseudo-terminal until its first frame (then `idleMs` more), and ends it. */
export function launch(script: string, idleMs = 0, extraEnv: NodeJS.ProcessEnv = {}): Launch {
  const env: NodeJS.ProcessEnv = { ...process.env, TERM: 'xterm-256color', ...extraEnv };
  // Ink draws only the last frame under CI (ink#718), and the game refuses to start there.
  for (const k of Object.keys(env)) if (k === 'CI' || k === 'CONTINUOUS_INTEGRATION' || k.startsWith('CI_')) delete env[k];
  const out = execFileSync('python3', [LAUNCHER, '100', '30', String(idleMs), '--', process.execPath, script], { env, encoding: 'utf8', timeout: 60_000 });
  const r = JSON.parse(out) as { firstFrameMs: number | null; cpuMs: number | null; rssKb: number | null; text: string };
  if (r.firstFrameMs === null) throw new Error(`${script} drew nothing within 20 s`);
  return { firstFrameMs: r.firstFrameMs, cpuMs: r.cpuMs ?? undefined, rssKb: r.rssKb ?? undefined, text: r.text };
}

/** With a fresh, empty progress folder, so the bench never touches the player's own. */
function withDataHome<T>(f: (env: NodeJS.ProcessEnv) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'netquest-bench-'));
  try {
    return f({ XDG_DATA_HOME: dir });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function startupRows(runs: number): Row[] {
  return withDataHome((env) => {
    // One unmeasured launch of each warms the disk cache.
    launch(GAME, 0, env);
    launch(BARE);
    const game: number[] = [];
    const bare: number[] = [];
    const ratios: number[] = [];
    const gameCpu: number[] = [];
    const bareCpu: number[] = [];
    for (let i = 0; i < runs; i++) {
      // Interleaved, alternating which goes first, so both see the same machine.
      let g: Launch;
      let b: Launch;
      if (i % 2 === 0) {
        g = launch(GAME, 0, env);
        b = launch(BARE);
      } else {
        b = launch(BARE);
        g = launch(GAME, 0, env);
      }
      if (!g.text.includes('netquest')) throw new Error(`the game's first frame is not its title screen: ${g.text}`);
      game.push(g.firstFrameMs);
      bare.push(b.firstFrameMs);
      ratios.push(g.firstFrameMs / b.firstFrameMs);
      if (g.cpuMs !== undefined && b.cpuMs !== undefined) {
        gameCpu.push(g.cpuMs);
        bareCpu.push(b.cpuMs);
      }
    }
    const ratio = median(ratios);
    const cpuRows: Row[] =
      gameCpu.length === runs
        ? [{ figure: 'start-up: CPU time to the first frame (all threads), netquest / bare Ink app', value: `${ms(median(gameCpu))} / ${ms(median(bareCpu))} = ${(median(gameCpu) / median(bareCpu)).toFixed(2)}×`, goal: '' }]
        : [];
    return [
      { figure: `start-up: bare Ink app, launch → first frame (median of ${runs})`, value: `${ms(median(bare))} (${range(bare, ms)})`, goal: '', met: undefined },
      { figure: `start-up: netquest, launch → first frame (median of ${runs})`, value: `${ms(median(game))} (${range(game, ms)})`, goal: '', met: undefined },
      { figure: '**start-up: netquest ÷ bare Ink app** (median of per-pair ratios)', value: `**${ratio.toFixed(2)}×** (${range(ratios, (x) => x.toFixed(2))})`, goal: `≤ ${STARTUP_RATIO_GOAL}×`, met: ratio <= STARTUP_RATIO_GOAL },
      ...cpuRows,
    ];
  });
}

export function memoryRows(runs: number, idleMs = 2000): Row[] {
  return withDataHome((env) => {
    const game: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < runs; i++) {
      game.push(launch(GAME, idleMs, env).rssKb ?? NaN);
      bare.push(launch(BARE, idleMs).rssKb ?? NaN);
    }
    const mb = (kb: number) => `${((kb * 1024) / 1e6).toFixed(0)} MB`;
    const g = median(game);
    return [
      { figure: `**resident memory, idle game on its title screen** (VmRSS ${idleMs / 1000} s after the first frame, median of ${runs})`, value: `**${mb(g)}** (${range(game, mb)})`, goal: `< ${IDLE_RSS_GOAL_MB} MB`, met: g * 1024 < IDLE_RSS_GOAL_MB * 1e6 },
      { figure: 'resident memory, idle bare Ink app (for comparison)', value: mb(median(bare)), goal: '', met: undefined },
    ];
  });
}
