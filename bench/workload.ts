/** The bench's workload, shared by `npm run bench` and the profiling script so both measure the same thing. */
import { readFileSync } from 'node:fs';
import type { Simulation } from '../src/net/sim/simulation';
import { seededRandom } from '../src/util/random';

export const PINGS = 10_000;

/** `count` pings between seeded random pairs of distinct hosts, one every 10 µs of virtual time: busy, but no queue grows without bound. */
export function schedulePings(sim: Simulation, hosts: readonly string[], seed: number, count = PINGS): void {
  const rnd = seededRandom(seed);
  for (let i = 0; i < count; i++) {
    const a = rnd.int(0, hosts.length - 1);
    let b = rnd.int(0, hosts.length - 2);
    if (b >= a) b++;
    const dst = sim.host(hosts[b]!)!.interfaces[0]!.address!.address;
    const src = hosts[a]!;
    sim.at(i * 10_000, () => sim.ping(src, dst));
  }
}

/**
 * CPU time of this thread alone, in ms (Linux). On a shared machine the wall clock also counts
 * time spent waiting for a core; this does not, so it is the steadier of the two.
 */
export function threadCpuMs(): number | undefined {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return undefined;
  }
}
