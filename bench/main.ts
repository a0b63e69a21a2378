/**
 * `npm run bench`: engine figures on the 1,000-host campus topology.
 * Not part of `npm test`: timings on a shared machine are noisy, so this prints a table
 * (median and spread of several runs, after warm-up runs) rather than asserting anything.
 *
 * The ping run is measured with the full trace, as the game records it.
 */
import { cpus } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { allPairsReachability } from '../src/net/sim/reachability';
import { campus } from '../src/scenarios/campus';
import { PINGS, schedulePings, threadCpuMs } from './workload';

const WARMUP = 2;
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const HOPS_TARGET = 1_000_000;
const REACH_TARGET_MS = 1_000;

/**
 * A full garbage collection, to weigh what a run keeps. Used only in a separate run after the
 * timed ones: a forced collection makes V8 shrink its young generation, which would slow the
 * run after it while the heap grows back.
 */
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;


interface PingRun {
  buildMs: number;
  ms: number;
  cpuMs: number | undefined;
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
  const start = performance.now();
  sim.run();
  const ms = performance.now() - start;
  const cpu1 = threadCpuMs();
  let hops = 0;
  let replies = 0;
  for (const e of sim.trace) {
    if (e.kind === 'frame') hops++;
    else if (e.kind === 'ping' && e.outcome.status === 'reply') replies++;
  }
  const cpuMs = cpu0 !== undefined && cpu1 !== undefined ? cpu1 - cpu0 : undefined;
  return { buildMs, ms, cpuMs, hops, events: sim.trace.length, replies };
}

/** What a ping run keeps (its trace, mostly): the heap after a full collection, less the heap before the run. */
function retainedByRun(seed: number): number {
  const { sim } = setUp(seed);
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  sim.run();
  collectGarbage(); // `sim` is still used below, so its trace is held through this collection
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

// ---- statistics and formatting ----------------------------------------------------------

const sorted = (xs: readonly number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: readonly number[]) => {
  const s = sorted(xs);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const int = (x: number) => Math.round(x).toLocaleString('en');
const ms = (x: number) => `${x.toFixed(0)} ms`;
const mib = (x: number) => `${(x / 2 ** 20).toFixed(0)} MiB`;
const spread = (xs: readonly number[], f: (x: number) => string) => `${f(sorted(xs)[0]!)} – ${f(sorted(xs)[xs.length - 1]!)}`;
const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;

// ---- the runs ------------------------------------------------------------------------------

for (let i = 0; i < WARMUP; i++) pingRun(1000 + i);
const pings = Array.from({ length: RUNS }, (_, i) => pingRun(42 + i));
reachRun();
const reach = Array.from({ length: RUNS }, () => reachRun());

const first = pings[0]!;
const rate = pings.map((r) => r.hops / (r.ms / 1000));
const cpuRate = pings.every((r) => r.cpuMs !== undefined) ? pings.map((r) => r.hops / (r.cpuMs! / 1000)) : undefined;
const reachMs = reach.map((r) => r.ms);
const retained = retainedByRun(42);

const lines: string[] = [];
lines.push(`netquest engine bench — node ${process.version}, ${process.platform} ${process.arch}, ${cpus().length} CPUs (${cpus()[0]?.model.trim() ?? '?'})`);
lines.push(`${WARMUP} warm-up runs, then ${RUNS} measured runs: median, and the spread from the best to the worst run.`);
lines.push('');
lines.push(row(['measure', 'median', 'spread', 'target', 'median vs target']));
lines.push(row(['---', '---', '---', '---', '---']));
lines.push(row(['topology build (1,000 hosts)', ms(median(pings.map((r) => r.buildMs))), spread(pings.map((r) => r.buildMs), ms), '', '']));
lines.push(row([`ping run: ${int(PINGS)} pings`, `${int(first.hops)} frame-hops, ${int(first.events)} trace events, ${int(first.replies)} replies`, '', '', '']));
lines.push(row(['ping run time (full trace)', ms(median(pings.map((r) => r.ms))), spread(pings.map((r) => r.ms), ms), '', '']));
lines.push(row(['**frame-hops per second**', `**${int(median(rate))}**`, spread(rate, int), `≥ ${int(HOPS_TARGET)}`, `${(median(rate) / HOPS_TARGET).toFixed(2)}×`]));
if (cpuRate) {
  lines.push(row(['frame-hops per CPU-second (main thread)', int(median(cpuRate)), spread(cpuRate, int), `≥ ${int(HOPS_TARGET)}`, `${(median(cpuRate) / HOPS_TARGET).toFixed(2)}×`]));
}
lines.push(row([`all-pairs reachability (${int(reach[0]!.pairs)} pairs, ${int(reach[0]!.reachable)} reachable)`, ms(median(reachMs)), spread(reachMs, ms), `< ${int(REACH_TARGET_MS)} ms`, `${(median(reachMs) / REACH_TARGET_MS).toFixed(2)}×`]));
lines.push(row(['heap kept by a ping run (its trace; after a full GC, separate run)', `${mib(retained)} (${int(retained / first.hops)} bytes per frame-hop)`, '', '', '']));
lines.push(row(['resident memory after all runs', mib(process.memoryUsage().rss), '', '', '']));
console.log(lines.join('\n'));
