/**
 * The bench's workload alone, for profilers (see docs/performance.md):
 *
 *   npx esbuild --bundle --platform=node --format=esm bench/profile.ts --outfile=/tmp/nq-profile.mjs
 *   node --cpu-prof /tmp/nq-profile.mjs ping 8      # or --prof, --trace-gc, --trace-deopt …
 *   node /tmp/nq-profile.mjs reach 5
 *
 * Prints one line per run: wall time, this thread's CPU time (Linux), the whole process's (the
 * garbage collector works on helper threads too) and frame-hops per second.
 * `valgrind --tool=cachegrind --cache-sim=yes --smc-check=all-non-file node --single-threaded /tmp/nq-profile.mjs ping 3`
 * counts instructions and simulated cache misses, which a busy machine does not disturb.
 */
import { allPairsReachability } from '../src/net/sim/reachability';
import { campus } from '../src/scenarios/campus';
import { schedulePings, threadCpuMs } from './workload';

const mode = process.argv[2] ?? 'ping';
const runs = Number(process.argv[3] ?? 6);

function pingRun(seed: number): string {
  const { sim, hosts } = campus();
  schedulePings(sim, hosts, seed);
  const cpu = threadCpuMs() ?? NaN;
  const process0 = process.cpuUsage();
  const t = performance.now();
  const r = sim.run();
  const ms = performance.now() - t;
  const cpuMs = (threadCpuMs() ?? NaN) - cpu;
  const all = process.cpuUsage(process0);
  let hops = 0;
  for (const e of sim.trace) if (e.kind === 'frame') hops++;
  return `${ms.toFixed(0)} ms, cpu ${cpuMs.toFixed(0)} ms (all threads ${((all.user + all.system) / 1000).toFixed(0)} ms), ${Math.round((hops / ms) * 1000)} frame-hops/s, ${r.events} queue events, ${sim.trace.length} trace events`;
}

function reachRun(): string {
  const { sim } = campus();
  const t = performance.now();
  allPairsReachability(sim);
  return `reachability ${(performance.now() - t).toFixed(0)} ms`;
}

for (let i = 0; i < runs; i++) console.log(mode === 'reach' ? reachRun() : pingRun(42 + i));
