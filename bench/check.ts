/** `netquest check` on a generated pack of 1,000 levels, run as a player runs it: the built command, start-up included. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeTemplatePack } from './levels';
import { median, ms, range, type Row } from './table';

export const CHECK_GOAL_MS = 2_000;
export const CHECK_LEVELS = 1_000;

const GAME = fileURLToPath(new URL('../bin/netquest.js', import.meta.url));

/** CPU time of this process's finished children (Linux: cutime + cstime), in 10 ms ticks; NaN elsewhere. */
function childrenCpuMs(): number {
  try {
    const f = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    return ((Number(f[13]) + Number(f[14])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

export function checkRows(runs: number): Row[] {
  const dir = mkdtempSync(join(tmpdir(), 'netquest-bench-pack-'));
  try {
    writeTemplatePack(dir, CHECK_LEVELS);
    const times: number[] = [];
    const cpu: number[] = [];
    let out = '';
    for (let i = 0; i < runs + 1; i++) {
      const c = childrenCpuMs();
      const t = performance.now();
      out = execFileSync(process.execPath, [GAME, 'check', dir], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
      // The first run warms the disk cache and is not counted.
      if (i > 0) {
        times.push(performance.now() - t);
        cpu.push(childrenCpuMs() - c);
      }
    }
    if (!out.includes(`${CHECK_LEVELS} levels checked: all valid and solvable`)) throw new Error(`check did not pass the generated pack: ${out.slice(-500)}`);
    const m = median(times);
    const rows: Row[] = [{ figure: `**\`netquest check\` on a pack of ${CHECK_LEVELS.toLocaleString('en')} levels** (the four \`netquest new\` templates in turn; whole command; median of ${runs})`, value: `**${ms(m)}** (${range(times, ms)})`, goal: `< ${ms(CHECK_GOAL_MS)}`, met: m < CHECK_GOAL_MS }];
    if (cpu.every((c) => Number.isFinite(c))) rows.push({ figure: '`netquest check` on 1,000 levels: CPU time of the command (all threads)', value: `${ms(median(cpu))} (${range(cpu, ms)})`, goal: '' });
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
