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

/**
 * A routing table compiled for lookups: the routes sorted so that the first match is the one
 * `lookupRoute` picks (longest prefix, then preferred source, then earlier route), with networks
 * and masks in typed arrays compared as 32-bit integers. A forwarding step then costs a short
 * scan and no allocation, where a per-destination cache cost a Map lookup (and an insert per new
 * destination, which for hosts pinging many peers was nearly every time).
 */
export class RouteTable {
  /** Per route in match order: mask, network, index in `routes` (one array: one block of memory to read). */
  private readonly entries: Int32Array;

  constructor(readonly routes: readonly Route[]) {
    const order = routes.map((_, i) => i);
    order.sort((a, b) => {
      const ra = routes[a]!;
      const rb = routes[b]!;
      return rb.destination.prefix - ra.destination.prefix || PREFERENCE[ra.source] - PREFERENCE[rb.source] || a - b;
    });
    this.entries = new Int32Array(order.length * 3);
    order.forEach((i, k) => {
      const d = routes[i]!.destination;
      this.entries[3 * k] = maskFromPrefix(d.prefix) | 0;
      this.entries[3 * k + 1] = d.network | 0;
      this.entries[3 * k + 2] = i;
    });
  }

  /** The index in `routes` of `lookupRoute(routes, dst)`, or -1 when no route matches. */
  lookup(dst: Ipv4): number {
    const e = this.entries;
    for (let k = 0; k < e.length; k += 3) if ((dst & e[k]!) === e[k + 1]) return e[k + 2]!;
    return -1;
  }
}
