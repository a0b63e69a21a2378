/**
 * A deterministic discrete-event network simulator on a virtual clock.
 * Build a topology (hosts, switches, routers, hubs, cables), start actions (ping, UDP),
 * `run()` to quiescence, and read the trace. Same topology and inputs, same trace.
 */
import { formatIpv4, type Ipv4 } from '../address/ipv4';
import { macFromNumber, type Mac } from '../address/mac';
import type { Cidr } from '../address/subnet';
import { err, ok, type Result } from '../result';
import type { Device, DeviceKind } from './device';
import { Hub } from './hub';
import { IpNode } from './ip-node';
import { DhcpClientAgent, startDhcpServer, type DhcpServerAgent } from './dhcp-agents';
import type { DhcpPoolConfig } from '../../machines/dhcp/server';
import { Kernel, type RunResult } from './kernel';
import { Switch, DEFAULT_MAC_AGING_NS } from './switch';
import type { FrameEvent, PortRef, TraceEvent } from './trace';

export type { RunResult } from './kernel';

export interface LinkOptions {
  /** Default 100 Mbit/s, Fast Ethernet. */
  readonly bitsPerSecond?: number;
  /** Default 500 ns: about 100 m of copper. */
  readonly delayNs?: number;
}

export interface Link {
  readonly name: string;
  readonly a: PortRef;
  readonly b: PortRef;
  readonly bitsPerSecond: number;
  readonly delayNs: number;
}

export interface InterfaceConfig {
  readonly name: string;
  /** Assigned deterministically (locally administered 02:…) when omitted. */
  readonly mac?: Mac;
  readonly address?: Cidr;
}

export class Simulation {
  /** Clock, queue, trace and cables: what devices see as their `SimContext`. */
  private readonly ctx = new Kernel();
  readonly trace: TraceEvent[] = this.ctx.trace;
  private readonly deviceMap = new Map<string, Device>();
  private readonly linkStates = this.ctx.links;
  private nextMac = 1;

  get now(): number {
    return this.ctx.time;
  }

  get devices(): readonly Device[] {
    return [...this.deviceMap.values()];
  }

  get links(): readonly Link[] {
    return this.linkStates.map((l) => l.link);
  }

  device(name: string): Device | undefined {
    return this.deviceMap.get(name);
  }

  private add<D extends Device>(d: D): Result<D> {
    if (this.deviceMap.has(d.name)) return err(`there is already a device named ${d.name}`);
    if (!/^[A-Za-z][A-Za-z0-9_.-]{0,31}$/.test(d.name)) {
      return err(`device name '${d.name}' should start with a letter and use letters, digits, '.', '_' or '-' (at most 32)`);
    }
    this.deviceMap.set(d.name, d);
    return ok(d);
  }

  private interfaces(list: readonly InterfaceConfig[]): { name: string; mac: Mac; address?: Cidr }[] {
    return list.map((i) => {
      const mac = i.mac ?? macFromNumber(0x02_00_00_00_00_00 + this.nextMac++);
      return i.address ? { name: i.name, mac, address: i.address } : { name: i.name, mac };
    });
  }

  addHost(name: string, opts: { interfaces?: readonly InterfaceConfig[]; gateway?: Ipv4 } = {}): Result<IpNode> {
    const h = new IpNode(name, 'host', this.interfaces(opts.interfaces ?? [{ name: 'eth0' }]), this.ctx);
    if (opts.gateway !== undefined) h.setGateway(opts.gateway);
    return this.add(h);
  }

  addRouter(name: string, opts: { interfaces: readonly InterfaceConfig[] }): Result<IpNode> {
    return this.add(new IpNode(name, 'router', this.interfaces(opts.interfaces), this.ctx));
  }

  /** Ports are named p1…pN unless names are given. */
  addSwitch(name: string, opts: { ports?: number | readonly string[]; agingNs?: number } = {}): Result<Switch> {
    return this.add(new Switch(name, portNames(opts.ports ?? 8), this.ctx, opts.agingNs ?? DEFAULT_MAC_AGING_NS));
  }

  addHub(name: string, opts: { ports?: number | readonly string[] } = {}): Result<Hub> {
    return this.add(new Hub(name, portNames(opts.ports ?? 4), this.ctx));
  }

  /** Plugs a cable between two free ports. */
  connect(a: PortRef, b: PortRef, opts: LinkOptions = {}): Result<Link> {
    const ends: Device[] = [];
    const idx: number[] = [];
    for (const end of [a, b]) {
      const d = this.deviceMap.get(end.device);
      if (!d) return err(`no device named ${end.device}`);
      const i = d.ports.findIndex((p) => p.name === end.port);
      if (i < 0) return err(`${end.device} has no port ${end.port} (it has ${d.ports.map((p) => p.name).join(', ') || 'none'})`);
      if (d.ports[i]!.link !== undefined) return err(`${end.device} ${end.port} already has a cable plugged in`);
      ends.push(d);
      idx.push(i);
    }
    if (a.device === b.device && a.port === b.port) return err('a cable needs two different ports');
    const bitsPerSecond = opts.bitsPerSecond ?? 100e6;
    const delayNs = opts.delayNs ?? 500;
    if (!(bitsPerSecond > 0) || !(delayNs >= 0)) return err('a link needs a positive speed and a non-negative delay');
    const link: Link = { name: `${a.device}:${a.port}—${b.device}:${b.port}`, a, b, bitsPerSecond, delayNs };
    this.ctx.plug(link, ends[0]!, idx[0]!, ends[1]!, idx[1]!);
    return ok(link);
  }

  host(name: string): IpNode | undefined {
    const d = this.deviceMap.get(name);
    return d instanceof IpNode ? d : undefined;
  }

  switchNamed(name: string): Switch | undefined {
    const d = this.deviceMap.get(name);
    return d instanceof Switch ? d : undefined;
  }

  /** Starts a ping from a host or router; `run()` carries it out. */
  ping(from: string, to: Ipv4, opts?: Parameters<IpNode['ping']>[1]): Result<ReturnType<IpNode['ping']>> {
    const h = this.host(from);
    if (!h) return err(`no host or router named ${from}`);
    return ok(h.ping(to, opts));
  }

  sendUdp(from: string, to: Ipv4, dstPort: number, data: Uint8Array, srcPort?: number): Result<void> {
    const h = this.host(from);
    if (!h) return err(`no host or router named ${from}`);
    const sent = h.sendUdp(to, dstPort, data, srcPort);
    return sent.ok ? sent : err(`${from} → ${formatIpv4(to)}: ${sent.error}`);
  }

  /** Starts a DHCP client on a host interface: it will DISCOVER, and configure the interface when BOUND. */
  startDhcpClient(host: string, iface = 'eth0'): Result<DhcpClientAgent> {
    const h = this.host(host);
    if (!h || h.kind !== 'host') return err(`no host named ${host}`);
    if (!h.iface(iface)) return err(`${host} has no interface ${iface}`);
    // The xid seed comes from the host's name, so runs repeat exactly.
    let seed = 0x811c9dc5;
    for (const ch of `${host}:${iface}`) seed = Math.imul(seed ^ ch.codePointAt(0)!, 0x01000193);
    const agent = new DhcpClientAgent(h, iface, this.ctx, seed >>> 0);
    this.ctx.after(0, () => agent.start());
    return ok(agent);
  }

  /** Runs a DHCP server for one pool on a host or router. */
  addDhcpServer(node: string, config: DhcpPoolConfig): Result<DhcpServerAgent> {
    const n = this.host(node);
    if (!n) return err(`no host or router named ${node}`);
    return startDhcpServer(n, config, this.ctx);
  }

  /** Runs `fn` at virtual time now + delayNs (for scripted scenarios). */
  at(delayNs: number, fn: () => void): void {
    this.ctx.after(delayNs, fn);
  }

  /** Processes events until none are left, or until `maxEvents` (a guard against broadcast storms) or `untilNs`. */
  run(opts: { maxEvents?: number; untilNs?: number } = {}): RunResult {
    return this.ctx.run(opts.maxEvents ?? 5_000_000, opts.untilNs ?? Infinity);
  }

  /** Frames put on links so far. */
  frames(): FrameEvent[] {
    return this.trace.filter((e): e is FrameEvent => e.kind === 'frame');
  }

  kindOf(name: string): DeviceKind | undefined {
    return this.deviceMap.get(name)?.kind;
  }
}

function portNames(ports: number | readonly string[]): string[] {
  return typeof ports === 'number' ? Array.from({ length: ports }, (_, i) => `p${i + 1}`) : [...ports];
}
