/**
 * A level's traffic as `netquest capture` makes it (its reference solution's configuration, then
 * background, scenario and goals), as trace JSON and pcap bytes; plus the headless play result.
 * Used in-process and from a child process by determinism.test.ts.
 */
import { createHash } from 'node:crypto';
import { buildTopology } from '../../src/levels/build';
import type { LoadedLevel } from '../../src/levels/load';
import { tracePcap } from '../../src/net/pcap';
import { startBackground } from '../../src/verify/background';
import { applyConfigure, isConfigure } from '../../src/verify/configure';
import { checkGoal } from '../../src/verify/goals';
import { runScenario } from '../../src/verify/predictions';
import { Session } from '../../src/verify/session';

/** Byte arrays as hex, so a trace compares as text. */
export const traceJson = (trace: unknown) => JSON.stringify(trace, (_k, v) => (v instanceof Uint8Array ? Buffer.from(v).toString('hex') : v));

export interface Traffic {
  readonly frames: number;
  readonly trace: string;
  readonly pcap: Buffer;
  readonly play: string;
}

export function levelTraffic(level: LoadedLevel): Traffic {
  const sim = buildTopology(level.level).sim;
  for (const a of level.level.solution) if (isConfigure(a)) applyConfigure(sim, a);
  startBackground(sim, level.level.background);
  runScenario(sim, level.level.scenario);
  for (const g of level.level.goals) checkGoal(sim, g, true);
  const session = new Session(level, { locale: 'en', clock: () => 0 });
  const steps = level.level.solution.map((a) => session.step(a));
  const play = JSON.stringify({ steps, solved: session.solved(), score: session.score(), goals: session.goals() });
  return { frames: sim.frames().length, trace: traceJson(sim.trace), pcap: Buffer.from(tracePcap(sim.trace)), play };
}

export const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** One line per level: id, frames, and digests of its trace, capture and play result. */
export function digestLine(level: LoadedLevel): string {
  const t = levelTraffic(level);
  return [level.level.id, t.frames, sha256(t.trace), sha256(t.pcap), sha256(t.play)].join(' ');
}
