/**
 * Engine figures on the 1,000-host campus (src/scenarios/campus.ts): frame-hops per second of a
 * ping run with the full trace, as the game records it, and all-pairs reachability.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { allPairsReachability } from '../src/net/sim/reachability';
import { campus } from '../src/scenarios/campus';
import { int, median, mib, ms, range, type Row } from './table';
import { PINGS, schedulePings, threadCpuMs } from './workload';

export const HOPS_GOAL = 1_000_000;
export const REACH_GOAL_MS = 1_000;
const WARMUP = 2;

/**
 * A full garbage collection, to weigh what a run keeps. Used only in a separate run after the
 * timed ones: a forced collection makes V8 shrink its young generation, which would slow the
 * run after it while the heap grows back.
 */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

interface PingRun {
  buildMs: number;
  ms: number;
  cpuMs: number | undefined;
  /** CPU time of the whole process, all threads: V8's garbage collector does part of its work on helper threads, which the main thread's figure leaves out. */
  processCpuMs: number;
  hops: number;
  events: number;
  replies: number;
}

/** Schedules the bench's pings on a fresh campus. */
function setUp(seed: number) {
  const t0 = performance.now();
  const { sim, hosts } = campus();
  const buildMs = performance.now() - t0;
  schedulePings(sim, hosts, seed);
  return { sim, buildMs };
}

function pingRun(seed: number): PingRun {
  const { sim, buildMs } = setUp(seed);
  const cpu0 = threadCpuMs();
  const process0 = process.cpuUsage();
  const start = performance.now();
  sim.run();
  const ms = performance.now() - start;
  const cpu1 = threadCpuMs();
  const processCpu = process.cpuUsage(process0);
  let hops = 0;
  let replies = 0;
  for (const e of sim.trace) {
    if (e.kind === 'frame') hops++;
    else if (e.kind === 'ping' && e.outcome.status === 'reply') replies++;
  }
  const cpuMs = cpu0 !== undefined && cpu1 !== undefined ? cpu1 - cpu0 : undefined;
  return { buildMs, ms, cpuMs, processCpuMs: (processCpu.user + processCpu.system) / 1000, hops, events: sim.trace.length, replies };
}

/** What a ping run keeps (its trace, mostly): the heap after a full collection, less the heap before the run. */
function retainedByRun(seed: number): number {
  const gc = collector();
  const { sim } = setUp(seed);
  gc();
  const before = process.memoryUsage().heapUsed;
  sim.run();
  gc(); // `sim` is still used below, so its trace is held through this collection
  const after = process.memoryUsage().heapUsed;
  return sim.trace.length > 0 ? after - before : 0;
}

function reachRun(): { ms: number; pairs: number; reachable: number } {
  const { sim } = campus();
  const start = performance.now();
  const m = allPairsReachability(sim);
  const ms = performance.now() - start;
  let reachable = 0;
  for (const v of m.canPing) reachable += v;
  return { ms, pairs: m.hosts.length ** 2, reachable };
}

export function engineRows(runs: number): Row[] {
  for (let i = 0; i < WARMUP; i++) pingRun(1000 + i);
  const pings = Array.from({ length: runs }, (_, i) => pingRun(42 + i));
  reachRun();
  const reach = Array.from({ length: runs }, () => reachRun());
  const first = pings[0]!;
  const rate = pings.map((r) => r.hops / (r.ms / 1000));
  const cpuRate = pings.every((r) => r.cpuMs !== undefined) ? pings.map((r) => r.hops / (r.cpuMs! / 1000)) : undefined;
  const reachMs = reach.map((r) => r.ms);
  const retained = retainedByRun(42);
  const n = `median of ${runs}, after ${WARMUP} warm-up runs`;
  const rows: Row[] = [
    { figure: `engine: ping run on the 1,000-host campus, ${int(PINGS)} pings, full trace (${n})`, value: `${ms(median(pings.map((r) => r.ms)))} (${range(pings.map((r) => r.ms), ms)}); ${int(first.hops)} frame-hops, ${int(first.events)} trace events, ${int(first.replies)} replies`, goal: '' },
    { figure: '**engine: frame-hops per second** (wall clock)', value: `**${int(median(rate))}** (${range(rate, int)})`, goal: `≥ ${int(HOPS_GOAL)}`, met: median(rate) >= HOPS_GOAL },
  ];
  if (cpuRate) rows.push({ figure: 'engine: frame-hops per CPU-second of the main thread', value: `${int(median(cpuRate))} (${range(cpuRate, int)})`, goal: `≥ ${int(HOPS_GOAL)}`, met: median(cpuRate) >= HOPS_GOAL });
  const processRate = pings.map((r) => r.hops / (r.processCpuMs / 1000));
  rows.push({ figure: 'engine: frame-hops per CPU-second of the whole process (GC helper threads too)', value: `${int(median(processRate))} (${range(processRate, int)})`, goal: '' });
  rows.push(
    { figure: `**engine: all-pairs reachability** (${int(reach[0]!.pairs)} pairs, ${int(reach[0]!.reachable)} reachable; ${n})`, value: `**${ms(median(reachMs))}** (${range(reachMs, ms)})`, goal: `< ${int(REACH_GOAL_MS)} ms`, met: median(reachMs) < REACH_GOAL_MS },
    { figure: 'engine: topology build, 1,000 hosts', value: ms(median(pings.map((r) => r.buildMs))), goal: '' },
    { figure: 'engine: heap kept by a ping run (its trace; after a full GC, separate run)', value: `${mib(retained)} (${int(retained / first.hops)} bytes per frame-hop)`, goal: '' },
  );
  return rows;
}
