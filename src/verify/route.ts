/**
 * Route steps: the player moves a packet hop by hop, naming the device each hop hands it to.
 * The right path is the one the routing tables give (the same decisions the simulator makes).
 */
import { formatIpv4 } from '../net/address/ipv4';
import { L2Domains, tracePath } from '../net/sim/reachability';
import type { Simulation } from '../net/sim/simulation';
import { resolveTarget } from '../levels/build';
import type { LevelFile } from '../levels/schema';
import { POINTS, type Verdict } from './verdict';

export interface RoutePlan {
  /** The devices the packet visits after leaving `from`, ending at the destination. */
  readonly hops: readonly { device: string; why: string }[];
  readonly complete: boolean;
  readonly failure?: string;
}

export function planRoute(sim: Simulation, route: NonNullable<LevelFile['route']>): RoutePlan {
  const from = sim.host(route.from);
  const dst = resolveTarget(sim, route.to);
  if (!from || !dst.ok) return { hops: [], complete: false, failure: dst.ok ? `no device ${route.from}` : dst.error };
  const domains = new L2Domains(sim);
  const path = tracePath(domains, from, dst.value);
  const hops = path.hops.map((h, i) => {
    const next = path.hops[i + 1]?.device ?? (path.ok ? path.reached : undefined);
    const why = `${h.device} sends it to ${formatIpv4(h.nextHop)}${h.nextHop === dst.value ? ' (the destination, on its own subnet)' : ' (its next hop for this destination)'}`;
    return { device: next ?? '?', why };
  }).filter((h) => h.device !== '?');
  return path.ok ? { hops, complete: true } : { hops, complete: false, failure: path.why };
}

export function judgeHop(plan: RoutePlan, index: number, device: string): Verdict {
  const expected = plan.hops[index];
  if (!expected) {
    return { result: 'incorrect', points: 0, concept: 'routing', explanation: plan.complete ? 'The packet has already arrived.' : `The packet goes no further: ${plan.failure ?? 'no route'}.` };
  }
  if (expected.device === device) return { result: 'correct', points: POINTS.correct, concept: 'routing', explanation: `Right: ${expected.why}.` };
  return { result: 'incorrect', points: POINTS.wrong, concept: 'routing', explanation: `Not ${device}: ${expected.why}, which is ${expected.device}.` };
}
