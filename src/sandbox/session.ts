/**
 * The sandbox: a network to explore with no goals. A live Simulation (so caches, MAC tables
 * and connections carry over from one action to the next, as on a real network) beside its
 * description in the level-file format (so the drawing follows every change, and the network
 * can be saved as the start of a level). Plain TS: the screen only renders it and calls it.
 *
 * Every change goes through the engine first and is written into the description only when
 * the engine took it, so the two never disagree.
 */
import { saySandbox, type SANDBOX_WORDS } from './words';
import type { Params } from '../tui/say';
import { formatIpv4, type Ipv4 } from '../net/address/ipv4';
import { formatCidr } from '../net/address/subnet';
import { tracePcap } from '../net/pcap';
import type { Simulation } from '../net/sim/simulation';
import type { TraceEvent } from '../net/sim/trace';
import { formatEndpoint } from '../net/sim/tcp-stack';
import { buildTopology, resolveTarget, splitPortRef, type Problem } from '../levels/build';
import type { DeviceSpec, LevelFile } from '../levels/schema';
import { applyConfigure, type ConfigureAction } from '../verify/configure';

export type TopologySpec = LevelFile['topology'];
export type DeviceKind = DeviceSpec['kind'];

/**
 * What an action did: done (and, for traffic, whether it got through: a ping with no reply was
 * done all right, and is still news the screen shows as a failure), or refused, with why.
 */
export type Outcome = { readonly ok: true; readonly message: string; readonly gotThrough?: boolean } | { readonly ok: false; readonly error: string };
const done = (message: string): Outcome => ({ ok: true, message });
const fail = (error: string): Outcome => ({ ok: false, error });

/** One traffic action and the part of the trace it made. */
export interface Run {
  readonly label: string;
  /** Trace indices [start, end). */
  readonly start: number;
  readonly end: number;
  /** One line on how it went (ping replies, connection states). */
  readonly summary: string;
  /** The reply came, the datagram or connection arrived. */
  readonly gotThrough: boolean;
}

/**
 * How long each action runs on the virtual clock: long enough for its outcome (a ping's 10 s
 * timeout, ARP's three tries, a SYN's first retries), short enough that the network does not
 * age between actions done one after the other (ARP entries stay REACHABLE for about 30 s,
 * MAC table entries for 300 s). Longer timers (TIME-WAIT, FIN-WAIT-2) go on in the
 * background and show in later runs; timers that never end (DHCP renewals) are cut.
 */
export const RUN_NS = { ping: 11e9, udp: 4e9, tcp: 8e9 } as const;
const MAX_EVENTS = 500_000;

/** Ports a new device gets, and how they are named. */
const NEW_PORTS: Record<DeviceKind, { count: number; name: (i: number) => string }> = {
  host: { count: 1, name: (i) => `eth${i}` },
  router: { count: 3, name: (i) => `eth${i}` },
  switch: { count: 8, name: (i) => `p${i + 1}` },
  hub: { count: 4, name: (i) => `p${i + 1}` },
};
const NAME_STEM: Record<DeviceKind, string> = { host: 'pc', router: 'r', switch: 'sw', hub: 'hub' };

export interface Connection {
  readonly device: string;
  readonly localPort: number;
  readonly label: string;
  readonly remote: { readonly ip: number; readonly port: number };
}

export class SandboxSession {
  private spec: { devices: DeviceSpec[]; links: [string, string][] };
  private simulation: Simulation;
  private readonly runList: Run[] = [];
  /** Problems the starting topology had (the parts that could be built were). */
  readonly problems: readonly Problem[];

  /** The language of the log lines (default English). */
  private readonly locale: string;

  constructor(topology: TopologySpec = { devices: [], links: [] }, locale = 'en') {
    this.locale = locale;
    this.spec = structuredClone({ devices: [...topology.devices], links: [...(topology.links ?? [])] }) as { devices: DeviceSpec[]; links: [string, string][] };
    const built = buildTopology({ topology: this.spec });
    this.simulation = built.sim;
    this.problems = built.problems;
    // Keep only what the engine built: a device or cable it refused is not in the network.
    this.spec.devices = this.spec.devices.filter((d, i) => this.simulation.device(d.name) !== undefined && this.spec.devices.findIndex((x) => x.name === d.name) === i);
    this.spec.links = this.spec.links.filter(([a, b]) => this.cableBetween(a, b));
  }

  get sim(): Simulation {
    return this.simulation;
  }

  /** The network as a level file's `topology` (a copy). */
  topology(): TopologySpec {
    return structuredClone(this.spec);
  }

  get runs(): readonly Run[] {
    return this.runList;
  }

  lastRun(): Run | undefined {
    return this.runList[this.runList.length - 1];
  }

  /** The events of one run (default: the last). */
  traceOf(run: Run | undefined = this.lastRun()): readonly TraceEvent[] {
    return run ? this.simulation.trace.slice(run.start, run.end) : [];
  }

  deviceNames(kinds?: readonly DeviceKind[]): string[] {
    return this.spec.devices.filter((d) => !kinds || kinds.includes(d.kind)).map((d) => d.name);
  }

  kindOf(name: string): DeviceKind | undefined {
    return this.spec.devices.find((d) => d.name === name)?.kind;
  }

  // ---- building ------------------------------------------------------------------------------

  /** The name a new device of this kind would get: pc1, pc2, … (the first free). */
  suggestName(kind: DeviceKind): string {
    for (let i = 1; ; i++) {
      const name = `${NAME_STEM[kind]}${i}`;
      if (!this.simulation.device(name)) return name;
    }
  }

  addDevice(kind: DeviceKind, name = this.suggestName(kind)): Outcome {
    const { count, name: port } = NEW_PORTS[kind];
    const ports = Array.from({ length: count }, (_, i) => port(i));
    const sim = this.simulation;
    const r =
      kind === 'host'
        ? sim.addHost(name)
        : kind === 'router'
          ? sim.addRouter(name, { interfaces: ports.map((p) => ({ name: p })) })
          : kind === 'switch'
            ? sim.addSwitch(name, { ports: count })
            : sim.addHub(name, { ports: count });
    if (!r.ok) return fail(r.error);
    const spec: DeviceSpec =
      kind === 'host'
        ? { name, kind }
        : kind === 'router'
          ? { name, kind, interfaces: ports.map((p) => ({ name: p })) }
          : { name, kind, ports: count };
    this.spec.devices.push(spec);
    return done(this.w('log.added', { kind: this.w(`kind.${kind}`), name, ports: kind === 'host' ? 'eth0' : `${ports[0]}…${ports[ports.length - 1]}` }));
  }

  /** Ports with no cable yet, as device:port, optionally of one device. */
  freePorts(device?: string): string[] {
    const out: string[] = [];
    for (const d of this.simulation.devices) {
      if (device !== undefined && d.name !== device) continue;
      for (const p of d.ports) if (p.link === undefined) out.push(`${d.name}:${p.name}`);
    }
    return out;
  }

  /** Plugs a cable. Each end is device:port, or a device name alone for its first free port. */
  connect(a: string, b: string): Outcome {
    const ends: string[] = [];
    for (const end of [a, b]) {
      if (end.includes(':')) {
        ends.push(end);
        continue;
      }
      if (!this.simulation.device(end)) return fail(this.w('log.noDevice', { name: end }));
      const free = this.freePorts(end).filter((p) => !ends.includes(p));
      if (free.length === 0) return fail(this.w('log.noFreePort', { name: end }));
      ends.push(free[0]!);
    }
    const [x, y] = ends as [string, string];
    const [da, pa] = splitPortRef(x);
    const [db, pb] = splitPortRef(y);
    if (da === db) return fail(this.w('log.sameDevice'));
    const r = this.simulation.connect({ device: da, port: pa }, { device: db, port: pb });
    if (!r.ok) return fail(r.error);
    this.spec.links.push([x, y]);
    return done(this.w('log.cable', { a: x, b: y }));
  }

  private cableBetween(a: string, b: string): boolean {
    const [da, pa] = splitPortRef(a);
    const [db, pb] = splitPortRef(b);
    return this.simulation.links.some((l) => (l.a.device === da && l.a.port === pa && l.b.device === db && l.b.port === pb) || (l.a.device === db && l.a.port === pb && l.b.device === da && l.b.port === pa));
  }

  // ---- configuring -----------------------------------------------------------------------------

  /** Interfaces that can hold an address, as device:interface. */
  interfaces(): string[] {
    return this.spec.devices.flatMap((d) => (d.kind === 'host' || d.kind === 'router' ? this.simulation.host(d.name)!.interfaces.map((i) => `${d.name}:${i.name}`) : []));
  }

  /** Address, gateway, static routes: checked as in a level (the same friendly refusals), then written down. */
  configure(action: Extract<ConfigureAction, { 'set-address': unknown } | { 'set-gateway': unknown } | { 'add-route': unknown } | { 'remove-route': unknown }>): Outcome {
    if ('add-route' in action || 'remove-route' in action) {
      const device = 'add-route' in action ? action['add-route'].device : action['remove-route'].device;
      // The level format keeps static routes on routers; a host sends off-subnet traffic to its gateway.
      if (this.kindOf(device) !== 'router') return fail(this.w('log.notRouter', { device }));
    }
    const r = applyConfigure(this.simulation, action);
    if (!r.ok) return fail(r.verdict.explanation);
    this.record(action);
    return done(r.note);
  }

  private record(action: Parameters<SandboxSession['configure']>[0]): void {
    const find = (name: string) => this.spec.devices.find((d) => d.name === name);
    if ('set-address' in action) {
      const [device, iface] = splitPortRef(action['set-address'].interface);
      const d = find(device);
      const address = action['set-address'].address ?? undefined;
      if (d?.kind === 'host' && d.interfaces === undefined && iface === 'eth0') {
        if (address === undefined) delete d.address;
        else d.address = address;
      } else if (d?.kind === 'host' || d?.kind === 'router') {
        const list = d.interfaces ?? [];
        const i = list.find((x) => x.name === iface);
        if (i) {
          if (address === undefined) delete i.address;
          else i.address = address;
        }
      }
    } else if ('set-gateway' in action) {
      const d = find(action['set-gateway'].device);
      if (d?.kind === 'host') {
        if (action['set-gateway'].gateway === null) delete d.gateway;
        else d.gateway = action['set-gateway'].gateway;
      }
    } else if ('add-route' in action) {
      const d = find(action['add-route'].device);
      if (d?.kind === 'router') d.routes = [...(d.routes ?? []), { to: action['add-route'].to, via: action['add-route'].via }];
    } else {
      const d = find(action['remove-route'].device);
      if (d?.kind === 'router') d.routes = (d.routes ?? []).filter((r) => r.to !== action['remove-route'].to);
    }
  }

  /** Opens a UDP port or a listening TCP port on a host. */
  listen(device: string, protocol: 'tcp' | 'udp', port: number): Outcome {
    const d = this.spec.devices.find((x) => x.name === device);
    const node = this.simulation.host(device);
    if (!node || d?.kind !== 'host') return fail(this.w('log.notHostService', { device }));
    if (!Number.isInteger(port) || port < 1 || port > 65535) return fail(this.w('log.portRange'));
    if (protocol === 'udp') {
      if (d.udp?.includes(port)) return done(this.w('log.udpAlready', { device, port }));
      node.bindUdp(port);
      d.udp = [...(d.udp ?? []), port];
      return done(this.w('log.udpOpen', { device, port }));
    }
    if (this.listening(device, port)) return done(this.w('log.tcpAlready', { device, port }));
    const r = node.tcp.listen(port);
    if (!r.ok) return fail(r.error);
    d.tcp = [...(d.tcp ?? []), port];
    return done(this.w('log.tcpListen', { device, port }));
  }

  private listening(device: string, port: number): boolean {
    return this.simulation.host(device)?.tcp.sockets().some((s) => s.state === 'LISTEN' && s.local.port === port) ?? false;
  }

  /** A log line in the session's language. */
  private w<K extends keyof typeof SANDBOX_WORDS & string>(key: K, ...params: Params<(typeof SANDBOX_WORDS)[K]['en']>): string {
    return saySandbox(this.locale, key, ...params);
  }

  // ---- traffic ----------------------------------------------------------------------------------

  /** Runs `start` (which queues traffic), lets the network work for RUN_NS, and keeps the trace part as a run. */
  private run(label: string, ns: number, start: () => Outcome, summarise: (events: readonly TraceEvent[]) => string): Outcome {
    const from = this.simulation.trace.length;
    const started = start();
    if (!started.ok) return started;
    const result = this.simulation.run({ untilNs: this.simulation.now + ns, maxEvents: MAX_EVENTS });
    const events = this.simulation.trace.slice(from);
    const said = summarise(events);
    // Each summary starts with ✓ when it got through, ✗ when not (the words are the meaning, not a colour).
    const gotThrough = !said.startsWith('✗');
    const summary = said + (result.stopped ? this.w('log.storm') : '');
    this.runList.push({ label, start: from, end: this.simulation.trace.length, summary, gotThrough });
    return { ok: true, message: `${label}: ${summary}`, gotThrough };
  }

  ping(from: string, to: string): Outcome {
    if (!this.simulation.host(from)) return fail(this.w('log.noIpNode', { name: from }));
    const target = resolveTarget(this.simulation, to.trim());
    if (!target.ok) return fail(target.error);
    const dst = target.value;
    return this.run(
      `ping ${from} → ${to.trim()}`,
      RUN_NS.ping,
      () => {
        const r = this.simulation.ping(from, dst);
        return r.ok ? done('') : fail(r.error);
      },
      (events) => {
        const outcome = events.find((e) => e.kind === 'ping' && e.device === from && e.outcome.status !== 'sent');
        if (!outcome || outcome.kind !== 'ping') return this.w('log.noAnswer');
        const o = outcome.outcome;
        switch (o.status) {
          case 'reply':
            return this.w('log.reply', { from: formatIpv4(o.from), ttl: o.ttl });
          case 'timeout':
            return this.w('log.timeout');
          case 'failed':
            return this.w('log.notSent', { reason: o.reason });
          case 'time-exceeded':
            return this.w('log.ttlExceeded', { from: formatIpv4(o.from) });
          case 'unreachable':
            return this.w('log.unreachable', { from: formatIpv4(o.from) });
          default:
            return o.status;
        }
      },
    );
  }

  sendUdp(from: string, to: string, port: number, text = 'hello'): Outcome {
    const target = resolveTarget(this.simulation, to.trim());
    if (!target.ok) return fail(target.error);
    const dst = target.value;
    return this.run(
      `UDP ${from} → ${to.trim()}:${port}`,
      RUN_NS.udp,
      () => {
        const r = this.simulation.sendUdp(from, dst, port, new TextEncoder().encode(text));
        return r.ok ? done('') : fail(r.error);
      },
      (events) => {
        const got = events.find((e) => e.kind === 'deliver' && e.protocol === 'udp' && e.src !== undefined);
        if (got && got.kind === 'deliver') return this.w('log.delivered', { device: got.device });
        const unreachable = events.find((e) => e.kind === 'drop' && e.reason === 'port-unreachable');
        if (unreachable && unreachable.kind === 'drop') return this.w('log.portUnreachable', { device: unreachable.device, port });
        const drop = events.find((e) => e.kind === 'drop');
        return drop && drop.kind === 'drop' ? this.w('log.droppedBy', { device: drop.device, detail: drop.detail }) : this.w('log.notDelivered');
      },
    );
  }

  /** The server listens on the port (if it does not yet), the client connects. */
  tcpOpen(client: string, server: string, port: number): Outcome {
    const c = this.simulation.host(client);
    if (!c || this.kindOf(client) !== 'host') return fail(this.w('log.notHost', { name: client }));
    if (client === server) return fail(this.w('log.twoHosts'));
    const dst = resolveTarget(this.simulation, server);
    if (!dst.ok) return fail(dst.error);
    if (this.kindOf(server) === 'host') {
      const l = this.listen(server, 'tcp', port);
      if (!l.ok) return l;
    }
    let local = '';
    return this.run(
      `TCP ${client} → ${server}:${port}`,
      RUN_NS.tcp,
      () => {
        const r = c.tcp.connect(dst.value, port);
        if (!r.ok) return fail(r.error);
        local = formatEndpoint(r.value);
        return done('');
      },
      () => {
        const s = c.tcp.sockets().find((x) => x.remote && formatEndpoint(x.local) === local);
        const state = s?.state ?? 'CLOSED';
        return state === 'ESTABLISHED' ? this.w('log.connected', { local }) : this.w('log.stateIs', { local, state });
      },
    );
  }

  /** Open connections (not listeners), on every host. */
  connections(): Connection[] {
    const out: Connection[] = [];
    for (const name of this.deviceNames(['host'])) {
      for (const s of this.simulation.host(name)!.tcp.sockets()) {
        if (!s.remote || s.state === 'CLOSED' || s.state === 'TIME-WAIT') continue;
        out.push({ device: name, localPort: s.local.port, remote: s.remote, label: `${name} ${formatEndpoint(s.local)} ↔ ${formatEndpoint(s.remote)} ${s.state}` });
      }
    }
    return out;
  }

  tcpClose(c: Pick<Connection, 'device' | 'localPort' | 'remote'>): Outcome {
    const node = this.simulation.host(c.device);
    if (!node) return fail(this.w('log.noHost', { name: c.device }));
    const remote = { ip: c.remote.ip as Ipv4, port: c.remote.port };
    return this.run(
      this.w('log.closeLabel', { end: `${c.device}:${c.localPort}` }),
      RUN_NS.tcp,
      () => {
        const r = node.tcp.call(c.localPort, remote, 'close');
        return r.ok ? done('') : fail(r.error);
      },
      () => {
        const s = node.tcp.sockets().find((x) => x.remote && x.local.port === c.localPort && x.remote.port === c.remote.port);
        return this.w('log.sideIs', { device: c.device, state: s?.state ?? 'CLOSED' });
      },
    );
  }

  // ---- out ----------------------------------------------------------------------------------------

  /** The capture of one run, or of everything so far. */
  pcap(which: 'last' | 'all'): Uint8Array {
    const run = this.lastRun();
    return tracePcap(which === 'all' || !run ? this.simulation.trace : this.traceOf(run));
  }

  /** The network as the start of a level file: the topology, and the keys an author fills in. */
  levelYaml(id: string, stringify: (v: unknown) => string): string {
    const header = [
      '# A level skeleton saved from the netquest sandbox.',
      '# Add goals (or questions, predictions, a route), a par and a solution, then: netquest check THIS_FILE',
      '# The format: docs/level-format.md',
      '',
    ].join('\n');
    const level = {
      id,
      title: 'A level made in the sandbox',
      difficulty: 1,
      briefing: 'Say here what the player should do.',
      topology: this.topology(),
      allow: {},
      goals: [],
      par: 0,
      solution: [],
    };
    return header + stringify(level);
  }

  /** One line per device, for the screen's list: "pc1 (host) 10.0.0.1/24". */
  describeDevice(name: string): string {
    const node = this.simulation.host(name);
    const k = this.kindOf(name);
    const kind = this.w('log.named', { name, kind: k === 'host' || k === 'switch' || k === 'router' || k === 'hub' ? this.w(`kind.${k}`) : (k ?? '?') });
    if (!node) return kind;
    const addrs = node.interfaces.filter((i) => i.address).map((i) => formatCidr(i.address!));
    return `${kind}${addrs.length ? ` ${addrs.join(' ')}` : ` ${this.w('log.noAddress')}`}`;
  }
}

/** A level-file id from a file name: "My Net.yaml" → "my-net". */
export function idFromPath(path: string): string {
  const base = path.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  const id = base.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 64);
  return /^[a-z0-9]/.test(id) ? id : 'sandbox-level';
}

