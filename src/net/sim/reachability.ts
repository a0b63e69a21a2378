/**
 * Static reachability: which hosts can ping which, computed by walking the same routing
 * decisions the simulator makes (shared `lookupRoute`), without sending a frame.
 * Fast enough for all pairs of a thousand hosts, and able to say *why* a path fails.
 */
import { formatIpv4, type Ipv4 } from '../address/ipv4';
import { broadcastAddress } from '../address/subnet';
import type { Device } from './device';
import { DEFAULT_TTL, IpNode } from './ip-node';
import { lookupRoute } from './routing';
import type { Simulation } from './simulation';

export type PathStep = { readonly device: string; readonly nextHop: Ipv4; readonly iface: string };

export type PathResult =
  | { readonly ok: true; readonly hops: readonly PathStep[]; readonly reached: string }
  | { readonly ok: false; readonly hops: readonly PathStep[]; readonly at: string; readonly why: string };

/** Which IP interface sits in which layer-2 broadcast domain (switches and hubs join their ports). */
export class L2Domains {
  private readonly parent: number[] = [];
  private readonly ids = new Map<Device, number>();
  /** Per domain (by its root): address → the node and interface that answer ARP for it. */
  private readonly owners: (Map<Ipv4, { node: IpNode; iface: number }> | undefined)[] = [];

  constructor(sim: Simulation) {
    const base = (d: Device) => {
      let id = this.ids.get(d);
      if (id === undefined) {
        id = this.parent.length;
        this.ids.set(d, id);
        for (let i = 0; i < d.ports.length; i++) this.parent.push(this.parent.length);
      }
      return id;
    };
    for (const d of sim.devices) {
      const b = base(d);
      if (d.kind === 'switch' || d.kind === 'hub') for (let i = 1; i < d.ports.length; i++) this.union(b, b + i);
    }
    for (const l of sim.links) {
      const a = sim.device(l.a.device)!;
      const b = sim.device(l.b.device)!;
      this.union(base(a) + a.ports.findIndex((p) => p.name === l.a.port), base(b) + b.ports.findIndex((p) => p.name === l.b.port));
    }
    for (const d of sim.devices) {
      if (!(d instanceof IpNode)) continue;
      d.interfaces.forEach((iface, i) => {
        if (!iface.address || d.ports[i]!.link === undefined) return;
        const dom = this.domainOf(d, i);
        let m = this.owners[dom];
        if (!m) this.owners[dom] = m = new Map();
        if (!m.has(iface.address.address)) m.set(iface.address.address, { node: d, iface: i });
      });
    }
  }

  private find(x: number): number {
    while (this.parent[x] !== x) {
      this.parent[x] = this.parent[this.parent[x]!]!;
      x = this.parent[x]!;
    }
    return x;
  }

  private union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }

  domainOf(d: Device, port: number): number {
    return this.find(this.ids.get(d)! + port);
  }

  owner(domain: number, ip: Ipv4): { node: IpNode; iface: number } | undefined {
    return this.owners[domain]?.get(ip);
  }
}

/** Where a walk stands: the node holding the datagram, and the TTL it has left. */
interface Walk {
  node: IpNode;
  ttl: number;
}

const NO_HOPS: readonly PathStep[] = [];

/**
 * One step of `tracePath`: the decision `w.node` makes for a datagram to `dst`. Returns the
 * result if the walk ends here, or undefined after moving `w` on to the next node. Only the
 * origin `from` is special: it need not forward and does not spend TTL. Without `hops`, the
 * steps are not recorded (for `ReachabilityCache`, which only wants the verdict).
 */
function hop(domains: L2Domains, from: IpNode | undefined, w: Walk, dst: Ipv4, steps: PathStep[] | undefined): PathResult | undefined {
  const hops = steps ?? NO_HOPS;
  const node = w.node;
  if (node.ownsAddress(dst)) return { ok: true, hops, reached: node.name };
  if (node !== from) {
    if (!node.forwards) return { ok: false, hops, at: node.name, why: `${node.name} is not ${formatIpv4(dst)} and does not forward` };
  }
  const route = lookupRoute(node.routes(), dst);
  if (!route) return { ok: false, hops, at: node.name, why: `${node.name} has no route to ${formatIpv4(dst)}` };
  if (node !== from) {
    if (w.ttl <= 1) return { ok: false, hops, at: node.name, why: `TTL expired at ${node.name} (a routing loop?)` };
    w.ttl--;
  }
  let ifaceIndex = 0;
  while (node.interfaces[ifaceIndex]!.name !== route.iface) ifaceIndex++;
  const addr = node.interfaces[ifaceIndex]!.address!;
  if (route.source === 'connected' && addr.prefix < 31 && dst === broadcastAddress(addr.address, addr.prefix)) {
    return { ok: false, hops, at: node.name, why: `${formatIpv4(dst)} is a broadcast address` };
  }
  const nextHop = route.nextHop ?? dst;
  steps?.push({ device: node.name, nextHop, iface: route.iface });
  if (node.ports[ifaceIndex]!.link === undefined) return { ok: false, hops, at: node.name, why: `${route.iface} on ${node.name} has no cable` };
  const owner = domains.owner(domains.domainOf(node, ifaceIndex), nextHop);
  if (!owner) return { ok: false, hops, at: node.name, why: `nobody on ${node.name}'s ${route.iface} link answers ARP for ${formatIpv4(nextHop)}` };
  w.node = owner.node;
  return undefined;
}

/** Follows a datagram from `from` towards `dst` hop by hop, as the simulator would route it. */
export function tracePath(domains: L2Domains, from: IpNode, dst: Ipv4): PathResult {
  const hops: PathStep[] = [];
  const w: Walk = { node: from, ttl: DEFAULT_TTL };
  for (;;) {
    const result = hop(domains, from, w, dst, hops);
    if (result) return result;
  }
}

/** How a walk entering a node with a full TTL ends, and the nodes it passes (the origin would change it). */
interface Continuation {
  readonly ok: boolean;
  /** Where it ended. */
  readonly last: IpNode;
  /** The nodes it passed through before that (they forwarded the datagram). */
  readonly forwarders: readonly IpNode[];
}

/**
 * `tracePath(...).ok` for many queries at once. After the origin's own step, a walk depends
 * only on the node it reaches and the destination (the TTL is still full), so that remainder
 * is computed once per (node, destination) and shared by every origin behind that node: for
 * a campus, by the hundreds of hosts behind each router. A walk that would come back through
 * its origin (which `tracePath` treats differently) is traced in full instead, so the answer
 * is always exactly `tracePath`'s.
 */
export class ReachabilityCache {
  private readonly memo = new Map<IpNode, Map<Ipv4, Continuation>>();
  /** Consecutive queries mostly go through the same gateway: its memo, looked up once. */
  private lastNode: IpNode | undefined;
  private lastMemo = new Map<Ipv4, Continuation>();
  private readonly walk: Walk;

  constructor(private readonly domains: L2Domains) {
    this.walk = { node: undefined as unknown as IpNode, ttl: DEFAULT_TTL };
  }

  reaches(from: IpNode, dst: Ipv4): boolean {
    const w = this.walk;
    w.node = from;
    w.ttl = DEFAULT_TTL;
    const first = hop(this.domains, from, w, dst, undefined);
    if (first) return first.ok;
    const next = w.node;
    if (next !== from) {
      const rest = this.continuation(next, dst);
      // Only a node that forwards can be passed through; a host can only be where a walk ends.
      if (rest.last !== from && !(from.forwards && rest.forwarders.includes(from))) return rest.ok;
    }
    return tracePath(this.domains, from, dst).ok;
  }

  private continuation(node: IpNode, dst: Ipv4): Continuation {
    if (node !== this.lastNode) {
      let byDst = this.memo.get(node);
      if (byDst === undefined) this.memo.set(node, (byDst = new Map()));
      this.lastNode = node;
      this.lastMemo = byDst;
    }
    let c = this.lastMemo.get(dst);
    if (c === undefined) {
      const w: Walk = { node, ttl: DEFAULT_TTL };
      const forwarders: IpNode[] = [];
      let result = hop(this.domains, undefined, w, dst, undefined);
      while (!result) {
        forwarders.push(node);
        node = w.node;
        result = hop(this.domains, undefined, w, dst, undefined);
      }
      c = { ok: result.ok, last: node, forwarders };
      this.lastMemo.set(dst, c);
    }
    return c;
  }
}

export interface ReachabilityMatrix {
  readonly hosts: readonly IpNode[];
  /** Row-major: `canPing[i * n + j]` is 1 when hosts[i] can ping hosts[j] (request there and reply back). */
  readonly canPing: Uint8Array;
}

/** All pairs of addressed hosts: request from i to j's first address, and the reply back to the address i sent from. */
export function allPairsReachability(sim: Simulation): ReachabilityMatrix {
  const domains = new L2Domains(sim);
  const hosts = sim.devices.filter((d): d is IpNode => d instanceof IpNode && d.kind === 'host' && d.interfaces.some((i) => i.address));
  const n = hosts.length;
  const addr = hosts.map((h) => h.interfaces.find((i) => i.address)!.address!.address);
  const reach = new ReachabilityCache(domains);
  const forward = new Uint8Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) forward[i * n + j] = i === j || reach.reaches(hosts[i]!, addr[j]!) ? 1 : 0;
  }
  const canPing = new Uint8Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) canPing[i * n + j] = forward[i * n + j]! & forward[j * n + i]!;
  return { hosts, canPing };
}
