/**
 * A DHCP server for one address pool (RFC 2131 §4.3), pure and deterministic: the caller gives
 * each received message with the virtual time, and gets back the reply and where it goes.
 *
 * A class, not an XState machine: a server has no modes to move between, only a lease table
 * that every message reads and updates. Its "states" are per address (offered, bound, declined),
 * which is what the table holds.
 */
import { IPV4_ANY, IPV4_LIMITED_BROADCAST, formatIpv4, ipv4FromNumber, type Ipv4 } from '../../net/address/ipv4';
import { BROADCAST_MAC, formatMac, type Mac } from '../../net/address/mac';
import { broadcastAddress, maskFromPrefix, networkAddress, type Prefix } from '../../net/address/subnet';
import { err, ok, type Result } from '../../net/result';
import { DHCP_CLIENT_PORT, DHCP_INFINITE_LEASE, DHCP_OPT, DHCP_SERVER_PORT, dhcpMessage, type DhcpMessage, type DhcpMessageType } from '../../net/wire/dhcp';

export interface DhcpPoolConfig {
  /** The pool: every address from start to end, both included. */
  readonly start: Ipv4;
  readonly end: Ipv4;
  /** The clients' prefix length, sent as option 1. */
  readonly prefix: Prefix;
  readonly router?: Ipv4;
  readonly dnsServers?: readonly Ipv4[];
  readonly leaseSeconds: number;
  /** The server's own address, sent as option 54. */
  readonly serverId: Ipv4;
  /** How long an OFFER holds its address: default 60 s, a client's four tries (4 + 8 + 16 + 32 s). */
  readonly offerSeconds?: number;
}

export type DhcpBindingState = 'offered' | 'bound' | 'declined';

export interface DhcpBinding {
  readonly address: Ipv4;
  /** For a declined address, the client that reported the conflict. */
  readonly mac: Mac;
  readonly state: DhcpBindingState;
  /** Virtual seconds; Infinity for an infinite lease. */
  readonly expires: number;
}

export interface DhcpServerReply {
  readonly message: DhcpMessage;
  /** RFC 2131 §4.1: to the relay, to ciaddr, broadcast, or to yiaddr. */
  readonly to: Ipv4;
  readonly port: number;
  /**
   * The destination MAC when it cannot come from ARP: broadcast, or the client's chaddr when the
   * reply goes to an address the client does not yet answer ARP for.
   */
  readonly mac?: Mac;
}

export interface DhcpServerStep {
  readonly reply?: DhcpServerReply;
  readonly note: string;
}

export const DEFAULT_OFFER_SECONDS = 60;
/** Pools are scanned address by address; more than a /16 is no game level. */
export const MAX_POOL_SIZE = 65536;

const ip = formatIpv4;
const isU32 = (n: number) => Number.isInteger(n) && n >= 0 && n <= 0xffff_ffff;

/** Why the pool cannot be served, or undefined if it can. */
export function dhcpPoolProblem(c: DhcpPoolConfig): string | undefined {
  if (!Number.isInteger(c.prefix) || c.prefix < 0 || c.prefix > 32) return `the prefix length is ${c.prefix}; it is 0–32`;
  for (const [name, a] of [['start', c.start], ['end', c.end], ['serverId', c.serverId], ['router', c.router ?? 0]] as const) {
    if (!isU32(a)) return `the pool's ${name} ${a} is not an IPv4 address`;
  }
  if (c.end < c.start) return `the pool ends (${ip(c.end)}) before it starts (${ip(c.start)})`;
  if (c.end - c.start + 1 > MAX_POOL_SIZE) return `the pool holds ${c.end - c.start + 1} addresses; at most ${MAX_POOL_SIZE} are supported`;
  const net = networkAddress(c.start, c.prefix);
  if (networkAddress(c.end, c.prefix) !== net) return `${ip(c.start)} and ${ip(c.end)} are not in the same /${c.prefix} subnet`;
  if (c.prefix <= 30) {
    if (c.start === net) return `the pool starts at ${ip(net)}, the network address of its subnet, which no host may have`;
    const bc = broadcastAddress(c.start, c.prefix);
    if (c.end === bc) return `the pool ends at ${ip(bc)}, the broadcast address of its subnet, which no host may have`;
  }
  const inPool = (a: Ipv4) => a >= c.start && a <= c.end;
  if (inPool(c.serverId)) return `the server's own address ${ip(c.serverId)} is inside the pool: it could be handed to a client`;
  if (c.router !== undefined) {
    if (inPool(c.router)) return `the router ${ip(c.router)} is inside the pool: it could be handed to a client`;
    if (networkAddress(c.router, c.prefix) !== net) return `the router ${ip(c.router)} is not in the pool's subnet ${ip(net)}/${c.prefix}: clients could not reach it`;
  }
  if (c.dnsServers !== undefined && !c.dnsServers.every(isU32)) return 'a DNS server is not an IPv4 address';
  if (!Number.isInteger(c.leaseSeconds) || c.leaseSeconds < 1 || c.leaseSeconds > DHCP_INFINITE_LEASE) {
    return `the lease time is ${c.leaseSeconds}; it is 1 to ${DHCP_INFINITE_LEASE} seconds (the last meaning forever)`;
  }
  if (c.offerSeconds !== undefined && !(c.offerSeconds > 0)) return `an offer must hold its address for some time, not ${c.offerSeconds} s`;
  return undefined;
}

export class DhcpServer {
  /** By address. */
  private readonly table = new Map<number, DhcpBinding>();
  /** The address each client last held, offered again first (RFC 2131 §4.3.1). */
  private readonly previous = new Map<Mac, Ipv4>();

  /** Throws on a bad pool; use createDhcpServer for a Result. */
  constructor(readonly config: DhcpPoolConfig) {
    const problem = dhcpPoolProblem(config);
    if (problem !== undefined) throw new RangeError(problem);
  }

  /** The table, by address: what `show dhcp bindings` would print. */
  leases(): DhcpBinding[] {
    return [...this.table.values()].sort((a, b) => a.address - b.address);
  }

  /** Drops bindings whose time is up; returns them. */
  expire(now: number): DhcpBinding[] {
    const gone: DhcpBinding[] = [];
    for (const [address, b] of this.table) {
      if (b.expires <= now) {
        this.table.delete(address);
        gone.push(b);
      }
    }
    return gone;
  }

  receive(m: DhcpMessage, now: number): DhcpServerStep {
    this.expire(now);
    if (m.op !== 'request') return { note: `ignored: a ${m.type} reply from another server` };
    const c = this.config;
    if (m.giaddr !== IPV4_ANY && networkAddress(m.giaddr, c.prefix) !== networkAddress(c.start, c.prefix)) {
      return { note: `ignored: relayed from ${ip(m.giaddr)}, a subnet this pool does not serve` };
    }
    switch (m.type) {
      case 'DISCOVER':
        return this.discover(m, now);
      case 'REQUEST':
        return this.request(m, now);
      case 'DECLINE':
        return this.decline(m, now);
      case 'RELEASE':
        return this.release(m);
      case 'INFORM':
        return this.reply(m, 'ACK', { ciaddr: m.ciaddr, ...this.settings() }, `INFORM from ${ip(m.ciaddr)}: ACK with the settings, no lease`);
      default:
        return { note: `ignored: a ${m.type} is sent by servers, not clients` };
    }
  }

  private inPool(a: Ipv4): boolean {
    return a >= this.config.start && a <= this.config.end;
  }

  /** Free: in the pool and held by nobody else (an expired binding is already gone). */
  private freeFor(a: Ipv4, mac: Mac): boolean {
    const b = this.table.get(a);
    return this.inPool(a) && (b === undefined || (b.mac === mac && b.state !== 'declined'));
  }

  private holding(mac: Mac): DhcpBinding | undefined {
    for (const b of this.table.values()) if (b.mac === mac && b.state !== 'declined') return b;
    return undefined;
  }

  private lowestFree(): Ipv4 | undefined {
    for (let a = this.config.start as number; a <= this.config.end; a++) if (!this.table.has(a)) return ipv4FromNumber(a);
    return undefined;
  }

  private discover(m: DhcpMessage, now: number): DhcpServerStep {
    const mac = m.chaddr;
    const current = this.holding(mac);
    const prev = this.previous.get(mac);
    let address: Ipv4 | undefined;
    let why: string;
    if (current !== undefined) {
      address = current.address;
      why = `its current ${current.state === 'bound' ? 'lease' : 'offer'}`;
    } else if (prev !== undefined && this.freeFor(prev, mac)) {
      address = prev;
      why = 'the address it held before';
    } else if (m.requestedIp !== undefined && this.freeFor(m.requestedIp, mac)) {
      address = m.requestedIp;
      why = 'the address it asked for';
    } else {
      address = this.lowestFree();
      why = 'the lowest free address';
    }
    if (address === undefined) return { note: `DISCOVER from ${formatMac(mac)}: the pool is exhausted, no OFFER` };
    if (current?.state !== 'bound') {
      this.table.set(address, { address, mac, state: 'offered', expires: now + (this.config.offerSeconds ?? DEFAULT_OFFER_SECONDS) });
    }
    return this.reply(m, 'OFFER', { yiaddr: address, leaseSeconds: this.config.leaseSeconds, ...this.settings() }, `DISCOVER from ${formatMac(mac)}: OFFER ${ip(address)}, ${why}`);
  }

  /** RFC 2131 §4.3.2 tells the client's state from which of option 54, option 50 and ciaddr are set. */
  private request(m: DhcpMessage, now: number): DhcpServerStep {
    const c = this.config;
    const mac = m.chaddr;
    if (m.serverId !== undefined) {
      // SELECTING: the client broadcast which server it chose.
      if (m.serverId !== c.serverId) {
        const mine = this.holding(mac);
        if (mine?.state === 'offered') this.table.delete(mine.address);
        return { note: `REQUEST from ${formatMac(mac)} chose server ${ip(m.serverId)}, not this one: our offer is withdrawn` };
      }
      const want = m.requestedIp;
      if (want === undefined) return this.nak(m, 'a REQUEST in SELECTING must name the offered address (option 50)');
      return this.grant(m, want, now, 'REQUEST (selecting)');
    }
    if (m.requestedIp !== undefined) {
      // INIT-REBOOT: the client asks to keep an address it remembers.
      const want = m.requestedIp;
      if (networkAddress(want, c.prefix) !== networkAddress(c.start, c.prefix)) return this.nak(m, `${ip(want)} is not on this network`);
      const b = this.table.get(want);
      if (b !== undefined && b.mac === mac && b.state === 'bound') return this.grant(m, want, now, 'REQUEST (init-reboot)');
      if (!this.freeFor(want, mac)) return this.nak(m, `${ip(want)} is not available`);
      // RFC 2131 §4.3.2: a server with no record of the client stays silent (another server may own it).
      if (this.previous.get(mac) !== want) return { note: `REQUEST (init-reboot) for ${ip(want)} from ${formatMac(mac)}: no record of this client, silent` };
      return this.grant(m, want, now, 'REQUEST (init-reboot)');
    }
    if (m.ciaddr !== IPV4_ANY) return this.grant(m, m.ciaddr, now, 'REQUEST (renewing/rebinding)');
    return { note: `ignored: a REQUEST from ${formatMac(mac)} with no server identifier, requested address or ciaddr` };
  }

  /** ACK when `want` is ours and free for this client (binding it), NAK otherwise. */
  private grant(m: DhcpMessage, want: Ipv4, now: number, what: string): DhcpServerStep {
    const mac = m.chaddr;
    if (!this.inPool(want)) return this.nak(m, `${ip(want)} is not in this server's pool ${ip(this.config.start)}–${ip(this.config.end)}`);
    if (!this.freeFor(want, mac)) {
      const holder = this.table.get(want)!;
      return this.nak(m, `${ip(want)} is ${holder.state === 'declined' ? 'marked in use (declined)' : `${holder.state} to ${formatMac(holder.mac)}`}`);
    }
    // One address per client: drop anything else it held or was offered.
    for (const b of [...this.table.values()]) if (b.mac === mac && b.address !== want && b.state !== 'declined') this.table.delete(b.address);
    const L = this.config.leaseSeconds;
    this.table.set(want, { address: want, mac, state: 'bound', expires: L === DHCP_INFINITE_LEASE ? Infinity : now + L });
    this.previous.set(mac, want);
    return this.reply(m, 'ACK', { ciaddr: m.ciaddr, yiaddr: want, leaseSeconds: L, ...this.settings() }, `${what} from ${formatMac(mac)}: ACK ${ip(want)} for ${L} s`);
  }

  private decline(m: DhcpMessage, now: number): DhcpServerStep {
    const a = m.requestedIp;
    const b = a === undefined ? undefined : this.table.get(a);
    if (a === undefined || b === undefined || b.mac !== m.chaddr) return { note: `ignored: DECLINE from ${formatMac(m.chaddr)} for an address it was not given` };
    // Someone else answers ARP for it: keep it out of the pool for a lease time (RFC 2131 §4.3.3).
    this.table.set(a, { address: a, mac: m.chaddr, state: 'declined', expires: now + this.config.leaseSeconds });
    this.previous.delete(m.chaddr);
    return { note: `DECLINE from ${formatMac(m.chaddr)}: ${ip(a)} is in use by another host, set aside` };
  }

  private release(m: DhcpMessage): DhcpServerStep {
    const b = this.table.get(m.ciaddr);
    if (m.serverId !== undefined && m.serverId !== this.config.serverId) return { note: `ignored: RELEASE addressed to server ${ip(m.serverId)}` };
    if (b === undefined || b.mac !== m.chaddr || b.state !== 'bound') return { note: `ignored: RELEASE of ${ip(m.ciaddr)}, which ${formatMac(m.chaddr)} does not hold` };
    this.table.delete(m.ciaddr);
    return { note: `RELEASE from ${formatMac(m.chaddr)}: ${ip(m.ciaddr)} is free again` };
  }

  private settings(): Partial<DhcpMessage> {
    const c = this.config;
    return {
      subnetMask: maskFromPrefix(c.prefix),
      ...(c.router === undefined ? {} : { routers: [c.router] }),
      ...(c.dnsServers === undefined || c.dnsServers.length === 0 ? {} : { dnsServers: c.dnsServers }),
    };
  }

  private nak(m: DhcpMessage, why: string): DhcpServerStep {
    // Option 56 carries the reason, which Wireshark shows.
    const message = { code: DHCP_OPT.MESSAGE, data: Uint8Array.from(why.slice(0, 255), (ch) => ch.charCodeAt(0) & 0xff) };
    return this.reply(m, 'NAK', { options: [message] }, `REQUEST from ${formatMac(m.chaddr)}: NAK, ${why}`);
  }

  private reply(req: DhcpMessage, type: DhcpMessageType, fields: Partial<DhcpMessage>, note: string): DhcpServerStep {
    const message = dhcpMessage({
      op: 'reply',
      type,
      xid: req.xid,
      chaddr: req.chaddr,
      broadcast: req.broadcast,
      giaddr: req.giaddr,
      serverId: this.config.serverId,
      ...fields,
    });
    return { reply: { message, ...destination(req, message) }, note };
  }
}

/** RFC 2131 §4.1: where a server's reply goes. */
function destination(req: DhcpMessage, reply: DhcpMessage): Omit<DhcpServerReply, 'message'> {
  if (req.giaddr !== IPV4_ANY) return { to: req.giaddr, port: DHCP_SERVER_PORT };
  // A NAK is broadcast: the client's address (if any) is the thing in doubt.
  if (reply.type === 'NAK') return { to: IPV4_LIMITED_BROADCAST, port: DHCP_CLIENT_PORT, mac: BROADCAST_MAC };
  if (req.ciaddr !== IPV4_ANY) return { to: req.ciaddr, port: DHCP_CLIENT_PORT };
  if (req.broadcast) return { to: IPV4_LIMITED_BROADCAST, port: DHCP_CLIENT_PORT, mac: BROADCAST_MAC };
  // The client does not answer ARP for yiaddr yet: the frame goes straight to its hardware address.
  return { to: reply.yiaddr, port: DHCP_CLIENT_PORT, mac: req.chaddr };
}

export function createDhcpServer(config: DhcpPoolConfig): Result<DhcpServer> {
  const problem = dhcpPoolProblem(config);
  return problem === undefined ? ok(new DhcpServer(config)) : err(problem);
}
