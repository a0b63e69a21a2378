/**
 * The bench's workload alone, for profilers (see docs/performance.md):
 *
 *   npx esbuild --bundle --platform=node --format=esm bench/profile.ts --outfile=/tmp/nq-profile.mjs
 *   node --cpu-prof /tmp/nq-profile.mjs ping 8      # or --prof, --trace-gc, --trace-deopt …
 *   node /tmp/nq-profile.mjs reach 5
 *
 * Prints one line per run: wall time, this thread's CPU time (Linux) and frame-hops per second.
 */
import { readFileSync } from 'node:fs';
import { allPairsReachability } from '../src/net/sim/reachability';
import { campus } from '../src/scenarios/campus';
import { seededRandom } from '../src/util/random';

const mode = process.argv[2] ?? 'ping';
const runs = Number(process.argv[3] ?? 6);

function threadCpuMs(): number {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return NaN;
  }
}

function pingRun(seed: number): string {
  const { sim, hosts } = campus();
  const rnd = seededRandom(seed);
  for (let i = 0; i < 10_000; i++) {
    const a = rnd.int(0, hosts.length - 1);
    let b = rnd.int(0, hosts.length - 2);
    if (b >= a) b++;
    const dst = sim.host(hosts[b]!)!.interfaces[0]!.address!.address;
    const src = hosts[a]!;
    sim.at(i * 10_000, () => sim.ping(src, dst));
  }
  const cpu = threadCpuMs();
  const t = performance.now();
  const r = sim.run();
  const ms = performance.now() - t;
  const cpuMs = threadCpuMs() - cpu;
  let hops = 0;
  for (const e of sim.trace) if (e.kind === 'frame') hops++;
  return `${ms.toFixed(0)} ms, cpu ${cpuMs.toFixed(0)} ms, ${Math.round((hops / ms) * 1000)} frame-hops/s, ${r.events} queue events, ${sim.trace.length} trace events`;
}

function reachRun(): string {
  const { sim } = campus();
  const t = performance.now();
  allPairsReachability(sim);
  return `reachability ${(performance.now() - t).toFixed(0)} ms`;
}

for (let i = 0; i < runs; i++) console.log(mode === 'reach' ? reachRun() : pingRun(42 + i));
