/**
 * Route steps: the player moves a packet hop by hop, naming the device each hop hands it to.
 * The right path is the one the routing tables give (the same decisions the simulator makes).
 */
import { formatIpv4 } from '../net/address/ipv4';
import { L2Domains, tracePath } from '../net/sim/reachability';
import type { Simulation } from '../net/sim/simulation';
import { resolveTarget } from '../levels/build';
import type { LevelFile } from '../levels/schema';
import { message } from './messages';
import { POINTS, type Verdict } from './verdict';

export interface RoutePlan {
  /** The devices the packet visits after leaving `from`, ending at the destination. */
  readonly hops: readonly { device: string; why: string }[];
  readonly complete: boolean;
  readonly failure?: string;
}

export function planRoute(sim: Simulation, route: NonNullable<LevelFile['route']>, locale = 'en'): RoutePlan {
  const from = sim.host(route.from);
  const dst = resolveTarget(sim, route.to);
  if (!from || !dst.ok) return { hops: [], complete: false, failure: dst.ok ? message('no-device', { device: route.from }, locale) : dst.error };
  const domains = new L2Domains(sim);
  const path = tracePath(domains, from, dst.value);
  const hops = path.hops.map((h, i) => {
    const next = path.hops[i + 1]?.device ?? (path.ok ? path.reached : undefined);
    const why = message('route-hop-why', { device: h.device, nextHop: formatIpv4(h.nextHop), destination: h.nextHop === dst.value }, locale);
    return { device: next ?? '?', why };
  }).filter((h) => h.device !== '?');
  return path.ok ? { hops, complete: true } : { hops, complete: false, failure: path.why };
}

export function judgeHop(plan: RoutePlan, index: number, device: string, locale = 'en'): Verdict {
  const expected = plan.hops[index];
  if (!expected) {
    return { result: 'incorrect', points: 0, concept: 'routing', explanation: plan.complete ? message('route-already-arrived', {}, locale) : message('route-goes-no-further', { why: plan.failure ?? message('no-route', {}, locale) }, locale) };
  }
  if (expected.device === device) return { result: 'correct', points: POINTS.correct, concept: 'routing', explanation: message('verdict-right', { answer: expected.why }, locale) };
  return { result: 'incorrect', points: POINTS.wrong, concept: 'routing', explanation: message('route-hop-wrong', { device, why: expected.why, expected: expected.device }, locale) };
}
