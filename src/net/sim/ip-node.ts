/**
 * The IP side of hosts and routers: interfaces with addresses, the routing decision, ARP
 * resolution (RFC 826), ICMP (RFC 792) and, for routers, forwarding (RFC 1812).
 * A host is an IpNode that does not forward; a router is one that does.
 */
import { formatIpv4, IPV4_LIMITED_BROADCAST, type Ipv4 } from '../address/ipv4';
import { BROADCAST_MAC, formatMac, isMulticastMac, ZERO_MAC, type Mac } from '../address/mac';
import { broadcastAddress, formatCidr, maskFromPrefix, subnetOf, type Cidr } from '../address/subnet';
import { err, ok, type Result } from '../result';
import {
  ETHERTYPE_ARP,
  ETHERTYPE_IPV4,
  IPPROTO_ICMP,
  IPPROTO_TCP,
  IPPROTO_UDP,
  UNREACHABLE_HOST,
  UNREACHABLE_NET,
  UNREACHABLE_PORT,
  type ArpPacket,
  type EthernetFrame,
  type IcmpMessage,
  type Ipv4Packet,
  type UdpDatagram,
} from '../wire/types';
import { echoInOriginal, originalDatagram } from './icmp-original';
import { InterfaceTable } from './interface-table';
import type { Device, Port } from './device';
import { TcpStack } from './tcp-stack';
import { ARP_DELAY_NS, ARP_REACHABLE_NS, ARP_RETRANS_NS as ARP_RETRY_NS, ARP_TRIES as ARP_ATTEMPTS, neighborStep, type NeighborEvent, type NeighborState } from '../../machines/arp/neighbor-machine';
import type { SimContext } from './context';
import { Task } from './event-queue';
import { lookupRoute, RouteTable, type Route } from './routing';
import { smallInt } from './small-int';
import type { DropReason, PingOutcome } from './trace';

export interface IpInterface {
  readonly name: string;
  readonly mac: Mac;
  /** Unset until configured (or learned by DHCP). Change it with `IpNode.setAddress`, which keeps the node's lookups in step. */
  readonly address?: Cidr;
}

export interface ArpEntry {
  readonly ip: Ipv4;
  readonly mac: Mac;
  readonly iface: string;
  readonly updated: number;
  /** The neighbour's reachability state (REACHABLE, STALE, DELAY, PROBE). */
  readonly state: NeighborState;
}

/** Linux sends 3 ARP probes a second apart before giving up (ucast/mcast_solicit = 3, retrans_time = 1 s). */
export { ARP_TRIES as ARP_ATTEMPTS, ARP_RETRANS_NS as ARP_RETRY_NS } from '../../machines/arp/neighbor-machine';
export const DEFAULT_TTL = 64;

/** One neighbour's entry: the machine's state, the MAC once known, and what waits for it. */
interface Neighbor {
  readonly ip: Ipv4;
  iface: number;
  state: NeighborState;
  mac: Mac | undefined;
  updated?: number;
  tries: number;
  queue: { packet: Ipv4Packet; ingress: number | undefined }[];
  /** Generation of the entry's one timer. */
  timer: number;
  /** When the entry was last confirmed (virtual ns): REACHABLE lasts ARP_REACHABLE_NS from here. */
  confirmed: number;
}

export type UdpHandler = (packet: Ipv4Packet, datagram: UdpDatagram, iface: number) => void;

export interface UdpReceived {
  readonly t: number;
  readonly from: Ipv4;
  readonly srcPort: number;
  readonly dstPort: number;
  readonly data: Uint8Array;
}

export interface PingSession {
  readonly dst: Ipv4;
  readonly identifier: number;
  /** One outcome per echo request sent, by sequence number (1-based), filled in as the run goes. */
  readonly outcomes: Map<number, PingOutcome>;
}

/** `sentAt[seq]`: when echo `seq` left. */
type Session = PingSession & { readonly sentAt: number[] };

/** Every 'sent' ping event shares this outcome (trace events are read-only): one object fewer per echo. */
const SENT: PingOutcome = { status: 'sent' };

const FIRST_PING_ID = 0x4e51; // 'NQ'
/** Where a session lives in `IpNode.pings`: identifiers are handed out in sequence from FIRST_PING_ID, modulo 2^16. */
const pingSlot = (identifier: number): number => (identifier - FIRST_PING_ID) & 0xffff;

const EMPTY = new Uint8Array(0);
/** What `ping` from iputils puts in a default 56-byte echo: deterministic filler here. */
const PING_DATA = Uint8Array.from({ length: 56 }, (_, i) => i & 255);

export class IpNode implements Device {
  readonly ports: Port[];
  readonly interfaces: IpInterface[];
  /** MACs and addresses of `interfaces` for the per-frame checks (see interface-table.ts); rebuilt by `setAddress`. */
  private ifaces: InterfaceTable;
  private readonly staticRoutes: Route[] = [];
  private gatewayAddress: Ipv4 | undefined;
  private routeCache: Route[] | undefined;
  /** ARP neighbours, one small state machine each (RFC 826 resolution, Linux's reachability states). */
  private readonly neighbors = new Map<Ipv4, Neighbor>();
  /** The neighbour `sendVia` used last (entries are never removed): a host sends nearly everything to its gateway, and skips the Map. */
  private lastNeighbor: Neighbor | undefined;
  private readonly udpPorts = new Set<number>();
  readonly udpReceived: UdpReceived[] = [];
  /** Ping sessions by identifier, at `pingSlot(identifier)`: a dense array, where a Map cost an insert per ping. */
  private readonly pings: (Session | undefined)[] = [];
  private nextIpId = 1;
  private nextPingId = FIRST_PING_ID;
  private nextEphemeral = 49152; // IANA dynamic range start (RFC 6335)

  constructor(
    readonly name: string,
    readonly kind: 'host' | 'router',
    interfaces: readonly { name: string; mac: Mac; address?: Cidr }[],
    private readonly ctx: SimContext,
  ) {
    this.interfaces = interfaces.map((i) => ({ ...i }));
    this.ifaces = new InterfaceTable(this.interfaces);
    this.ports = this.interfaces.map((i) => ({ name: i.name }));
    this.tcp = new TcpStack(
      {
        name,
        sourceFor: (dst) => {
          const d = this.decide(dst);
          return d.ok ? ok(this.interfaces[d.value.iface]!.address!.address) : err(d.error.detail);
        },
        sendTcp: (src, dst, segment) => this.originateFrom(src, dst, IPPROTO_TCP, segment),
      },
      ctx,
    );
  }

  /** The TCP layer: listen, connect, send, close (sockets on the RFC 9293 machine). */
  readonly tcp: TcpStack;

  /** Services bound to UDP ports (a DHCP server); `raw` ones see their port's datagrams whatever the destination address. */
  private readonly udpHandlers = new Map<number, UdpHandler>();
  private readonly rawUdp = new Map<number, UdpHandler>();

  onUdp(port: number, handler: UdpHandler, opts: { raw?: boolean } = {}): void {
    (opts.raw ? this.rawUdp : this.udpHandlers).set(port, handler);
  }

  /**
   * Sends a UDP datagram out of one interface to a given MAC, without routing or ARP: what a
   * DHCP client without an address, or a server answering one, has to do.
   */
  sendUdpRaw(iface: number, src: Ipv4, dst: Ipv4, dstMac: Mac, srcPort: number, dstPort: number, data: Uint8Array): void {
    const udp: UdpDatagram = { kind: 'udp', srcPort, dstPort, data };
    this.transmitIp(iface, dstMac, this.packet(src, dst, IPPROTO_UDP, udp));
  }

  /** Sends UDP from a given source address, routed as usual (a DHCP server's unicast reply, a renewal). */
  sendUdpFrom(src: Ipv4, dst: Ipv4, srcPort: number, dstPort: number, data: Uint8Array): void {
    this.originateFrom(src, dst, IPPROTO_UDP, { kind: 'udp', srcPort, dstPort, data });
  }

  get forwards(): boolean {
    return this.kind === 'router';
  }

  // ---- configuration -------------------------------------------------------------------

  iface(name: string): IpInterface | undefined {
    return this.interfaces.find((i) => i.name === name);
  }

  setAddress(ifaceName: string, address: Cidr | undefined): Result<void> {
    const i = this.iface(ifaceName);
    if (!i) return err(`${this.name} has no interface ${ifaceName}`);
    (i as { address?: Cidr }).address = address;
    this.ifaces = new InterfaceTable(this.interfaces);
    this.notMineTexts = [];
    this.notMineSuffixes = [];
    this.routesChanged();
    return ok(undefined);
  }

  get gateway(): Ipv4 | undefined {
    return this.gatewayAddress;
  }

  /** A default gateway may be set even when it is unreachable: that is a mistake a level can teach. */
  setGateway(gw: Ipv4 | undefined): void {
    this.gatewayAddress = gw;
    this.routesChanged();
  }

  addStaticRoute(destination: Route['destination'], nextHop: Ipv4): Result<Route> {
    const via = this.connectedRoutes().find((r) => (nextHop & maskFromPrefix(r.destination.prefix)) >>> 0 === r.destination.network);
    if (!via) return err(`next hop ${formatIpv4(nextHop)} is not on any of ${this.name}'s own subnets, so ${this.name} cannot reach it directly`);
    const route: Route = { destination, nextHop, iface: via.iface, source: 'static' };
    this.staticRoutes.push(route);
    this.routesChanged();
    return ok(route);
  }

  removeStaticRoute(destination: Route['destination']): boolean {
    const i = this.staticRoutes.findIndex((r) => r.destination.network === destination.network && r.destination.prefix === destination.prefix);
    if (i < 0) return false;
    this.staticRoutes.splice(i, 1);
    this.routesChanged();
    return true;
  }

  private connectedRoutes(): Route[] {
    const out: Route[] = [];
    for (const i of this.interfaces) {
      if (i.address) out.push({ destination: subnetOf(i.address.address, i.address.prefix), iface: i.name, source: 'connected' });
    }
    return out;
  }

  /** Forgets the routing table and its compiled form: after any change to addresses, routes or the gateway. */
  private routesChanged(): void {
    this.routeCache = undefined;
    this.compiledRoutes = undefined;
  }

  /** The routing table as `ip route` would list it: connected, then static, then the default gateway. */
  routes(): readonly Route[] {
    if (this.routeCache) return this.routeCache;
    const table = this.connectedRoutes();
    for (const r of this.staticRoutes) {
      // A static route whose next hop is no longer on a connected subnet is unusable.
      const via = table.find((c) => c.source === 'connected' && c.iface === r.iface);
      if (via && (r.nextHop! & maskFromPrefix(via.destination.prefix)) >>> 0 === via.destination.network) table.push(r);
    }
    const gw = this.gatewayAddress;
    if (gw !== undefined) {
      const via = table.find((c) => c.source === 'connected' && (gw & maskFromPrefix(c.destination.prefix)) >>> 0 === c.destination.network);
      if (via) table.push({ destination: { network: 0 as Ipv4, prefix: 0 as Route['destination']['prefix'] }, nextHop: gw, iface: via.iface, source: 'default-gateway' });
    }
    this.routeCache = table;
    return table;
  }

  arpTable(): ArpEntry[] {
    const out: ArpEntry[] = [];
    for (const n of this.neighbors.values()) {
      if (n.mac === undefined || n.state === 'FAILED' || n.state === 'INCOMPLETE') continue;
      const expired = n.state === 'REACHABLE' && this.ctx.now() - n.confirmed > ARP_REACHABLE_NS;
      out.push({ ip: n.ip, mac: n.mac, iface: this.interfaces[n.iface]!.name, updated: n.updated ?? 0, state: expired ? 'STALE' : n.state });
    }
    return out;
  }

  ownsAddress(ip: Ipv4): boolean {
    return this.ifaces.indexOf(ip) >= 0;
  }

  // ---- applications --------------------------------------------------------------------

  /** Opens a UDP port: datagrams to it are delivered instead of answered with port unreachable. */
  bindUdp(port: number): void {
    this.udpPorts.add(port);
  }

  /** Sends `count` echo requests, one per `intervalNs`; each is judged after `timeoutNs`. */
  ping(dst: Ipv4, opts: { count?: number; intervalNs?: number; timeoutNs?: number; ttl?: number } = {}): PingSession {
    const count = opts.count ?? 1;
    const interval = opts.intervalNs ?? 1e9;
    // iputils ping waits 10 s for a reply it has not had: longer than ARP takes to give up (3 s).
    const timeout = opts.timeoutNs ?? 10e9;
    const identifier = this.nextPingId++ & 0xffff;
    dst = smallInt(dst); // recorded in every 'ping' trace event: keep it unboxed (small-int.ts)
    // `sentAt` sized up front: an empty array written at index 1 grows room for 19.
    const session: Session = { dst, identifier, outcomes: new Map<number, PingOutcome>(), sentAt: new Array<number>(count + 1) };
    this.pings[pingSlot(identifier)] = session;
    for (let seq = 1; seq <= count; seq++) this.ctx.after((seq - 1) * interval, new IpNode.Echo(this, session, seq, opts.ttl, timeout));
    return session;
  }

  /**
   * One echo request as a queue task: run once it sends the request, and queues itself again to
   * judge it after the timeout. One object per echo, where two closures and their tasks cost four.
   * (Declared inside IpNode so that it may call the node's private methods.)
   */
  private static readonly Echo = class Echo extends Task {
    private sent = false;

    constructor(
      private readonly node: IpNode,
      private readonly session: Session,
      private readonly seq: number,
      private readonly ttl: number | undefined,
      private readonly timeoutNs: number,
    ) {
      super();
    }

    run(): void {
      const { node, session, seq } = this;
      if (this.sent) {
        if (!session.outcomes.has(seq)) node.pingOutcome(session.identifier, seq, { status: 'timeout' });
        return;
      }
      this.sent = true;
      const now = node.ctx.now();
      session.sentAt[seq] = now;
      node.ctx.record({ kind: 'ping', t: now, device: node.name, dst: session.dst, sequence: seq, outcome: SENT });
      const icmp: IcmpMessage = { kind: 'icmp', type: 'echo-request', identifier: session.identifier, sequence: seq, data: PING_DATA };
      const sent = node.originate(session.dst, IPPROTO_ICMP, icmp, this.ttl);
      if (!sent.ok) node.pingOutcome(session.identifier, seq, { status: 'failed', reason: sent.error });
      node.ctx.after(this.timeoutNs, this);
    }
  };

  private pingOutcome(identifier: number, seq: number, outcome: PingOutcome): void {
    const s = this.pings[pingSlot(identifier)];
    if (!s || s.outcomes.has(seq) || s.sentAt[seq] === undefined) return;
    s.outcomes.set(seq, outcome);
    this.ctx.record({ kind: 'ping', t: this.ctx.now(), device: this.name, dst: s.dst, sequence: seq, outcome });
  }

  sendUdp(dst: Ipv4, dstPort: number, data: Uint8Array, srcPort?: number): Result<void> {
    if (!Number.isInteger(dstPort) || dstPort < 1 || dstPort > 65535) return err(`UDP port must be 1–65535, got ${dstPort}`);
    const sport = srcPort ?? this.ephemeralPort();
    const udp: UdpDatagram = { kind: 'udp', srcPort: sport, dstPort, data };
    return this.originate(dst, IPPROTO_UDP, udp);
  }

  private ephemeralPort(): number {
    const p = this.nextEphemeral;
    this.nextEphemeral = p === 65535 ? 49152 : p + 1;
    return p;
  }

  /** Builds and sends a datagram from this node; the source address is that of the outgoing interface. */
  private originate(dst: Ipv4, protocol: number, payload: Ipv4Packet['payload'], ttl = DEFAULT_TTL): Result<void> {
    if (this.ownsAddress(dst)) {
      this.loopback(this.packet(dst, dst, protocol, payload, ttl));
      return ok(undefined);
    }
    const decision = this.decide(dst);
    if (!decision.ok) {
      this.drop(decision.error.reason, decision.error.detail);
      return err(decision.error.detail);
    }
    const packet = this.packet(this.ifaces.address(decision.value.iface), dst, protocol, payload, ttl);
    this.sendVia(packet, decision.value, undefined);
    return ok(undefined);
  }

  private packet(src: Ipv4, dst: Ipv4, protocol: number, payload: Ipv4Packet['payload'], ttl = DEFAULT_TTL): Ipv4Packet {
    const identification = this.nextIpId;
    this.nextIpId = (this.nextIpId + 1) & 0xffff;
    // smallInt: addresses usually arrive boxed (from Cidr objects); unboxed, packets and the trace events copying them stay smaller.
    return { kind: 'ipv4', dscp: 0, ecn: 0, identification, dontFragment: true, moreFragments: false, fragmentOffset: 0, ttl, protocol, src: smallInt(src), dst: smallInt(dst), options: EMPTY, payload };
  }

  // ---- the routing decision ------------------------------------------------------------

  /** The routing table compiled for lookups, and decisions per route; dropped by `routesChanged`, rebuilt on next use. */
  private compiledRoutes: RouteTable | undefined;
  private byRoute: (DecisionResult | undefined)[] = [];

  private decide(dst: Ipv4): DecisionResult {
    let compiled = this.compiledRoutes;
    if (compiled === undefined) {
      this.compiledRoutes = compiled = new RouteTable(this.routes());
      this.byRoute = [];
    }
    const i = dst === IPV4_LIMITED_BROADCAST ? -1 : compiled.lookup(dst);
    // Broadcasts and failures are rare: worked out in full each time.
    if (i < 0) return this.computeDecision(dst);
    // Otherwise the decision is the same for every destination the route covers, so it is built
    // once per route (a connected route's leaves nextHop to the destination itself)...
    const d = (this.byRoute[i] ??= this.routeDecision(compiled.routes[i]!, undefined));
    // ...except for a connected subnet's own broadcast address.
    if (d.ok && d.value.nextHop === undefined && this.ifaces.isBroadcast(d.value.iface, dst)) return this.computeDecision(dst);
    return d;
  }

  private computeDecision(dst: Ipv4): DecisionResult {
    if (dst === IPV4_LIMITED_BROADCAST) {
      const i = this.interfaces.findIndex((x) => x.address !== undefined);
      if (i < 0) return err({ reason: 'no-route', detail: `${this.name} has no address on any interface` });
      const iface = this.interfaces[i]!;
      const route: Route = { destination: subnetOf(iface.address!.address, iface.address!.prefix), iface: iface.name, source: 'connected' };
      return ok({ iface: i, route, nextHop: dst, broadcast: true, reason: 'broadcast' });
    }
    const route = lookupRoute(this.routes(), dst);
    if (!route) {
      const gw = this.gatewayAddress;
      if (gw !== undefined && this.kind === 'host') {
        const mine = this.interfaces.filter((i) => i.address).map((i) => formatCidr(i.address!)).join(', ') || 'none';
        return err({
          reason: 'gateway-not-on-subnet',
          detail: `${formatIpv4(dst)} is not on ${this.name}'s subnet, and its gateway ${formatIpv4(gw)} is not on it either (${this.name} has ${mine}); a host can only hand packets to a gateway it reaches directly`,
        });
      }
      return err({
        reason: 'no-route',
        detail:
          this.kind === 'host'
            ? this.interfaces.every((i) => i.address === undefined)
              ? `${this.name} has no IP address yet, so it cannot send anything: give it one (or ask for one by DHCP)`
              : `${formatIpv4(dst)} is not on ${this.name}'s subnet and ${this.name} has no default gateway`
            : `${this.name} has no route to ${formatIpv4(dst)}`,
      });
    }
    return this.routeDecision(route, dst);
  }

  /** With `dst` undefined, the decision for any destination the route covers but a broadcast address. */
  private routeDecision(route: Route, dst: Ipv4 | undefined): DecisionResult {
    const iface = this.interfaces.findIndex((i) => i.name === route.iface);
    const addr = this.interfaces[iface]!.address!;
    const directedBroadcast = route.source === 'connected' && addr.prefix < 31 && dst === broadcastAddress(addr.address, addr.prefix);
    const nextHop = route.nextHop ?? dst;
    return ok({
      iface,
      route,
      nextHop: nextHop === undefined ? undefined : smallInt(nextHop),
      broadcast: directedBroadcast,
      reason: directedBroadcast ? 'broadcast' : route.source === 'connected' ? 'same-subnet' : 'longest-prefix-match',
    });
  }

  private sendVia(packet: Ipv4Packet, d: Decision, ingress: number | undefined): void {
    const now = this.ctx.now();
    const nextHop = d.nextHop ?? packet.dst;
    this.ctx.record({ kind: 'route', t: now, device: this.name, dst: packet.dst, route: d.route, nextHop, reason: d.reason });
    if (d.broadcast) {
      this.transmitIp(d.iface, BROADCAST_MAC, packet);
      return;
    }
    let n = this.lastNeighbor;
    if (n === undefined || n.ip !== nextHop) {
      n = this.neighbors.get(nextHop);
      if (n === undefined) {
        n = { ip: nextHop, iface: d.iface, state: 'NONE', mac: undefined, tries: 0, queue: [], timer: 0, confirmed: 0 };
        this.neighbors.set(nextHop, n);
      }
      this.lastNeighbor = n;
    }
    if (n.state === 'REACHABLE') {
      // The hot path: a confirmed neighbour needs no machine step at all.
      if (now - n.confirmed <= ARP_REACHABLE_NS) {
        this.transmitIp(n.iface, n.mac!, packet);
        return;
      }
      this.neighborEvent(n, 'REACHABLE_EXPIRED');
    }
    this.neighborEvent(n, 'RESOLVE', packet, ingress);
  }

  /**
   * Runs one event through the neighbour machine (src/machines/arp/neighbor-machine.ts) and
   * carries out the actions it names.
   */
  private neighborEvent(n: Neighbor, event: NeighborEvent['type'], packet?: Ipv4Packet, ingress?: number): void {
    const step = neighborStep(n.state, event);
    if (!step) return;
    const from = n.state;
    n.state = step.next;
    if (from !== step.next && from !== 'NONE') {
      this.ctx.record({ kind: 'arp-state', t: this.ctx.now(), device: this.name, ip: n.ip, from, to: step.next });
    }
    const iface = this.interfaces[n.iface]!;
    for (const action of step.actions) {
      switch (action) {
        case 'queue':
          if (packet) n.queue.push({ packet, ingress });
          break;
        case 'send':
          if (packet) this.transmitIp(n.iface, n.mac!, packet);
          break;
        case 'reset-tries':
          n.tries = 0;
          break;
        case 'broadcast-request':
        case 'unicast-request': {
          n.tries++;
          this.ctx.record({ kind: 'arp-resolve', t: this.ctx.now(), device: this.name, ip: n.ip, iface: iface.name, attempt: n.tries });
          const request: ArpPacket = { kind: 'arp', op: 'request', senderMac: iface.mac, senderIp: iface.address!.address, targetMac: ZERO_MAC, targetIp: n.ip };
          this.transmitFrame(n.iface, { dst: action === 'broadcast-request' ? BROADCAST_MAC : n.mac!, src: iface.mac, etherType: ETHERTYPE_ARP, payload: request });
          break;
        }
        case 'flush': {
          const queued = n.queue;
          n.queue = [];
          for (const q of queued) this.transmitIp(n.iface, n.mac!, q.packet);
          break;
        }
        case 'fail-queued': {
          const queued = n.queue;
          n.queue = [];
          for (const q of queued) this.arpFailed(q.packet, q.ingress, n.ip);
          break;
        }
        case 'start-retrans':
          this.neighborTimer(n, ARP_RETRY_NS, () => (n.tries < ARP_ATTEMPTS ? 'RETRY' : 'GIVE_UP'));
          break;
        case 'start-reachable':
          // REACHABLE's expiry is noticed when the entry is next used (or listed), not by a timer:
          // a thousand neighbours would otherwise keep a thousand timers in the queue.
          n.confirmed = this.ctx.now();
          n.timer++;
          break;
        case 'start-delay':
          this.neighborTimer(n, ARP_DELAY_NS, () => 'DELAY_EXPIRED');
          break;
      }
    }
  }

  /** Each neighbour has one timer; arming it again makes the old one a no-op. */
  private neighborTimer(n: Neighbor, delayNs: number, event: () => NeighborEvent['type']): void {
    const generation = ++n.timer;
    this.ctx.after(delayNs, () => {
      if (n.timer === generation) this.neighborEvent(n, event());
    });
  }

  private arpFailed(packet: Ipv4Packet, ingress: number | undefined, target: Ipv4): void {
    const detail = `no ARP reply from ${formatIpv4(target)} after ${ARP_ATTEMPTS} requests: nobody on that link has that address`;
    this.drop('arp-failed', detail);
    if (ingress === undefined) {
      // Our own datagram: report "Destination Host Unreachable" to the application, as Linux does.
      this.localIcmpError(packet, { status: 'unreachable', from: packet.src, code: UNREACHABLE_HOST });
    } else {
      this.sendIcmpError(packet, ingress, 'destination-unreachable', UNREACHABLE_HOST);
    }
  }

  private transmitIp(iface: number, dstMac: Mac, packet: Ipv4Packet): void {
    this.transmitFrame(iface, { dst: dstMac, src: this.ifaces.mac(iface), etherType: ETHERTYPE_IPV4, payload: packet });
  }

  private transmitFrame(iface: number, frame: EthernetFrame): void {
    if (this.ctx.transmit(this, iface, frame) === undefined) {
      this.drop('no-link', `${this.interfaces[iface]!.name} on ${this.name} has no cable plugged in`);
    }
  }

  private drop(reason: DropReason, detail: string, frame?: number): void {
    this.ctx.record(frame === undefined ? { kind: 'drop', t: this.ctx.now(), device: this.name, reason, detail } : { kind: 'drop', t: this.ctx.now(), device: this.name, reason, detail, frame });
  }

  // ---- receiving -----------------------------------------------------------------------

  receive(port: number, frame: EthernetFrame, frameId: number): void {
    // The network card's filter: only our MAC, broadcast and multicast get past it.
    if (frame.dst !== this.ifaces.mac(port) && !isMulticastMac(frame.dst)) {
      const iface = this.interfaces[port]!;
      this.drop('not-addressed-to-me', `frame for ${formatMac(frame.dst)} is not for ${iface.name} (${formatMac(iface.mac)}); the card ignores it`, frameId);
      return;
    }
    const payload = frame.payload;
    if (payload.kind === 'arp') this.receiveArp(port, payload, frameId);
    else if (payload.kind === 'ipv4') this.receiveIp(port, payload, frame, frameId);
    else this.drop('unsupported', `EtherType 0x${frame.etherType.toString(16).padStart(4, '0')} is not spoken here`, frameId);
  }

  /**
   * RFC 826's packet reception algorithm, merge flag and all, feeding the neighbour machine:
   * an ARP packet aimed at us confirms its sender (CONFIRM); one we merely overhear from a
   * known neighbour with a new MAC updates it (UPDATE). Linux keeps a neighbour learned from
   * a request as STALE; the game counts any packet aimed at us as confirmation, which keeps
   * short exchanges free of re-probes a learner would find puzzling.
   */
  private receiveArp(port: number, a: ArpPacket, frameId: number): void {
    const now = this.ctx.now();
    const existing = this.neighbors.get(a.senderIp);
    const merged = existing !== undefined && existing.mac !== undefined;
    const mine = a.targetIp === this.ifaces.address(port); // never true without an address (NaN)
    if (!mine && !merged) {
      this.drop('not-addressed-to-me', this.arpNotMine(port, a), frameId);
      return;
    }
    let n = existing;
    if (n === undefined) {
      n = { ip: a.senderIp, iface: port, state: 'NONE', mac: undefined, tries: 0, queue: [], timer: 0, confirmed: 0 };
      this.neighbors.set(a.senderIp, n);
    }
    const changed = n.mac !== a.senderMac;
    if (changed) {
      this.ctx.record({ kind: 'arp-cache', t: now, device: this.name, ip: a.senderIp, mac: a.senderMac, change: n.mac === undefined ? 'added' : 'updated' });
      n.mac = a.senderMac;
      n.iface = port;
      n.updated = now;
    }
    if (mine) this.neighborEvent(n, 'CONFIRM');
    else if (changed) this.neighborEvent(n, 'UPDATE');
    if (mine && a.op === 'request') {
      const iface = this.interfaces[port]!;
      const reply: ArpPacket = { kind: 'arp', op: 'reply', senderMac: iface.mac, senderIp: iface.address!.address, targetMac: a.senderMac, targetIp: a.senderIp };
      this.transmitFrame(port, { dst: a.senderMac, src: iface.mac, etherType: ETHERTYPE_ARP, payload: reply });
    }
  }

  /**
   * Every node on a segment hears every ARP request, and most ask for the same few addresses
   * (the gateway): so each "not for me" text is built once per port and target, and the trace
   * events that repeat it share it. The texts name the port's address, so `setAddress` forgets them.
   */
  private notMineTexts: (Map<Ipv4, string> | undefined)[] = [];
  /** Per port, the end those texts share (" is not for h1 (10.0.0.5); ignored"). */
  private notMineSuffixes: (string | undefined)[] = [];

  private arpNotMine(port: number, a: ArpPacket): string {
    // Replies are unicast, so one reaching the wrong node is rare: only requests are remembered.
    const requests = a.op === 'request' ? (this.notMineTexts[port] ??= new Map()) : undefined;
    let text = requests?.get(a.targetIp);
    if (text === undefined) {
      let suffix = this.notMineSuffixes[port];
      if (suffix === undefined) {
        const address = this.interfaces[port]!.address;
        this.notMineSuffixes[port] = suffix = ` is not for ${this.name} (${address ? formatIpv4(address.address) : 'no address'}); ignored`;
      }
      text = `ARP ${a.op} for ${formatIpv4(a.targetIp)}${suffix}`;
      requests?.set(a.targetIp, text);
    }
    return text;
  }

  private isLocalDestination(port: number, dst: Ipv4): boolean {
    return dst === IPV4_LIMITED_BROADCAST || this.ownsAddress(dst) || this.ifaces.isBroadcast(port, dst);
  }

  private receiveIp(port: number, p: Ipv4Packet, frame: EthernetFrame, frameId: number): void {
    // A raw UDP listener (a DHCP client before it has an address) takes its port whatever the destination address.
    const body = p.payload;
    if (body.kind === 'udp' && this.rawUdp.size > 0) {
      const raw = this.rawUdp.get(body.dstPort);
      if (raw && (frame.dst === this.ifaces.mac(port) || frame.dst === BROADCAST_MAC)) {
        this.ctx.record({ kind: 'deliver', t: this.ctx.now(), device: this.name, protocol: 'udp', src: p.src, detail: `port ${body.dstPort}, ${body.data.length} bytes` });
        raw(p, body, port);
        return;
      }
    }
    if (this.isLocalDestination(port, p.dst)) {
      this.deliver(port, p, frame, frameId);
      return;
    }
    if (!this.forwards) {
      this.drop('not-for-me-and-not-a-router', `packet for ${formatIpv4(p.dst)} reached ${this.name}, which is not that address and does not forward`, frameId);
      return;
    }
    if (frame.dst === BROADCAST_MAC) return; // routers do not forward link-layer broadcasts
    const d = this.decide(p.dst);
    if (!d.ok) {
      this.drop('no-route', d.error.detail, frameId);
      this.sendIcmpError(p, port, 'destination-unreachable', UNREACHABLE_NET);
      return;
    }
    if (p.ttl <= 1) {
      this.drop('ttl-expired', `TTL of the packet for ${formatIpv4(p.dst)} would reach 0 at ${this.name}; it is discarded and the sender told`, frameId);
      this.sendIcmpError(p, port, 'time-exceeded', 0);
      return;
    }
    this.ctx.record({ kind: 'ttl', t: this.ctx.now(), device: this.name, before: p.ttl, after: p.ttl - 1 });
    this.sendVia(withTtl(p, p.ttl - 1), d.value, port);
  }

  private deliver(port: number, p: Ipv4Packet, frame: EthernetFrame, frameId: number): void {
    const body = p.payload;
    const now = this.ctx.now();
    const toBroadcast = p.dst === IPV4_LIMITED_BROADCAST || frame.dst === BROADCAST_MAC || !this.ownsAddress(p.dst);
    if (body.kind === 'icmp') {
      this.ctx.record({ kind: 'deliver', t: now, device: this.name, protocol: 'icmp', src: p.src, detail: body.type });
      if (body.type === 'echo-request') {
        if (toBroadcast) {
          this.drop('unsupported', `${this.name} ignores pings sent to a broadcast address (as Linux does by default)`, frameId);
          return;
        }
        const reply: IcmpMessage = { kind: 'icmp', type: 'echo-reply', identifier: body.identifier, sequence: body.sequence, data: body.data };
        this.originateFrom(p.dst, p.src, IPPROTO_ICMP, reply);
      } else if (body.type === 'echo-reply') {
        const s = this.pings[pingSlot(body.identifier)];
        const sent = s?.sentAt[body.sequence];
        if (s && sent !== undefined) this.pingOutcome(body.identifier, body.sequence, { status: 'reply', from: p.src, rttNs: now - sent, ttl: p.ttl });
      } else if (body.type === 'time-exceeded' || body.type === 'destination-unreachable') {
        const echo = echoInOriginal(body.original);
        if (echo) {
          const outcome: PingOutcome =
            body.type === 'time-exceeded' ? { status: 'time-exceeded', from: p.src } : { status: 'unreachable', from: p.src, code: body.code };
          this.pingOutcome(echo.identifier, echo.sequence, outcome);
        }
      }
      return;
    }
    if (body.kind === 'udp') {
      const handler = this.udpHandlers.get(body.dstPort);
      if (handler) {
        this.ctx.record({ kind: 'deliver', t: now, device: this.name, protocol: 'udp', src: p.src, detail: `port ${body.dstPort}, ${body.data.length} bytes` });
        handler(p, body, port);
        return;
      }
      if (this.udpPorts.has(body.dstPort)) {
        this.udpReceived.push({ t: now, from: p.src, srcPort: body.srcPort, dstPort: body.dstPort, data: body.data });
        this.ctx.record({ kind: 'deliver', t: now, device: this.name, protocol: 'udp', src: p.src, detail: `port ${body.dstPort}, ${body.data.length} bytes` });
      } else {
        this.drop('port-unreachable', `nothing listens on UDP port ${body.dstPort} at ${this.name}`, frameId);
        if (!toBroadcast) this.sendIcmpError(p, port, 'destination-unreachable', UNREACHABLE_PORT);
      }
      return;
    }
    if (body.kind === 'tcp') {
      if (!toBroadcast) this.tcp.receive(p.src, p.dst, body);
      return;
    }
    this.drop('unsupported', `protocol ${p.protocol} is not simulated at ${this.name}`, frameId);
  }

  /** Replies come from the address they were sent to. */
  private originateFrom(src: Ipv4, dst: Ipv4, protocol: number, payload: Ipv4Packet['payload']): void {
    if (this.ownsAddress(dst)) {
      this.loopback(this.packet(src, dst, protocol, payload));
      return;
    }
    const d = this.decide(dst);
    if (!d.ok) {
      this.drop(d.error.reason, d.error.detail);
      return;
    }
    this.sendVia(this.packet(src, dst, protocol, payload), d.value, undefined);
  }

  /**
   * A datagram to one of our own addresses never touches a cable: the stack hands it back
   * to itself (the loopback path, as every real host does), after the current event.
   */
  private loopback(packet: Ipv4Packet): void {
    const port = this.ifaces.indexOf(packet.dst);
    const iface = this.interfaces[port]!;
    const frame: EthernetFrame = { dst: iface.mac, src: iface.mac, etherType: ETHERTYPE_IPV4, payload: packet };
    this.ctx.after(0, () => this.deliver(port, packet, frame, 0));
  }

  /**
   * RFC 792 / RFC 1122 §3.2.2: never about an ICMP error, a broadcast, or a non-first fragment.
   * The error's source is the address of the interface the offending packet came in on.
   */
  private sendIcmpError(offending: Ipv4Packet, ingress: number, type: 'time-exceeded' | 'destination-unreachable', code: number): void {
    const b = offending.payload;
    if (b.kind === 'icmp' && b.type !== 'echo-request' && b.type !== 'echo-reply' && b.type !== 'other') return;
    if (offending.fragmentOffset !== 0 || offending.dst === IPV4_LIMITED_BROADCAST) return;
    const from = this.interfaces[ingress]?.address?.address;
    if (from === undefined) return;
    const msg: IcmpMessage = { kind: 'icmp', type, code, original: originalDatagram(offending) };
    this.originateFrom(from, offending.src, IPPROTO_ICMP, msg);
  }

  private localIcmpError(packet: Ipv4Packet, outcome: PingOutcome): void {
    const b = packet.payload;
    if (b.kind === 'icmp' && b.type === 'echo-request') this.pingOutcome(b.identifier, b.sequence, outcome);
  }
}

/** A copy with another TTL, spelled out field by field: faster than a spread on the forwarding path. */
function withTtl(p: Ipv4Packet, ttl: number): Ipv4Packet {
  return {
    kind: 'ipv4',
    dscp: p.dscp,
    ecn: p.ecn,
    identification: p.identification,
    dontFragment: p.dontFragment,
    moreFragments: p.moreFragments,
    fragmentOffset: p.fragmentOffset,
    ttl,
    protocol: p.protocol,
    src: p.src,
    dst: p.dst,
    options: p.options,
    payload: p.payload,
  };
}

type DecisionResult = Result<Decision, { reason: 'no-route' | 'gateway-not-on-subnet'; detail: string }>;

interface Decision {
  readonly iface: number;
  readonly route: Route;
  /** The address whose MAC the frame goes to; undefined: the packet's own destination (a connected route). */
  readonly nextHop: Ipv4 | undefined;
  readonly broadcast: boolean;
  readonly reason: 'same-subnet' | 'longest-prefix-match' | 'broadcast';
}
