/**
 * Routing tables and longest-prefix match, shared by hosts and routers so that the
 * simulator and the static reachability analysis make exactly the same decisions.
 */
import { formatIpv4, type Ipv4 } from '../address/ipv4';
import { formatSubnet, maskFromPrefix, type Subnet } from '../address/subnet';

export type RouteSource = 'connected' | 'static' | 'default-gateway';

export interface Route {
  readonly destination: Subnet;
  /** Absent for a connected route: the destination itself is the next hop. */
  readonly nextHop?: Ipv4;
  /** The interface the packet leaves by. */
  readonly iface: string;
  readonly source: RouteSource;
}

/** Connected routes beat static ones of the same length (administrative distance 0 vs 1). */
const PREFERENCE: Record<RouteSource, number> = { connected: 0, static: 1, 'default-gateway': 2 };

export function routeMatches(route: Route, dst: Ipv4): boolean {
  return ((dst & maskFromPrefix(route.destination.prefix)) >>> 0) === route.destination.network;
}

/** Longest-prefix match; ties go to the more preferred source, then the earlier route. */
export function lookupRoute(routes: readonly Route[], dst: Ipv4): Route | undefined {
  let best: Route | undefined;
  for (const r of routes) {
    if (!routeMatches(r, dst)) continue;
    if (
      best === undefined ||
      r.destination.prefix > best.destination.prefix ||
      (r.destination.prefix === best.destination.prefix && PREFERENCE[r.source] < PREFERENCE[best.source])
    ) {
      best = r;
    }
  }
  return best;
}

export function formatRoute(r: Route): string {
  const via = r.nextHop === undefined ? 'directly connected' : `via ${formatIpv4(r.nextHop)}`;
  return `${formatSubnet(r.destination)} ${via} on ${r.iface} (${r.source})`;
}
