/**
 * Turns a level's topology into a running Simulation, checking its meaning as it goes:
 * every address is parsed by the engine's own parsers and every problem is reported
 * against the path in the file where it was written.
 */
import { parseIpv4, formatIpv4, type Ipv4 } from '../net/address/ipv4';
import { isMulticastMac, parseMac, type Mac } from '../net/address/mac';
import { addressRole, parseCidr, parseSubnet, subnetContains, subnetOf, type Cidr } from '../net/address/subnet';
import { Simulation, type InterfaceConfig } from '../net/sim/simulation';
import type { DeviceSpec, LevelFile } from './schema';

export type Path = readonly (string | number)[];
export interface Problem {
  readonly path: Path;
  readonly message: string;
}

export interface Built {
  readonly sim: Simulation;
  readonly problems: readonly Problem[];
}

/** Builds the starting network. Problems do not stop the build: what can be built is, so all problems are found at once. */
export function buildTopology(level: Pick<LevelFile, 'topology'>): Built {
  const sim = new Simulation();
  const problems: Problem[] = [];
  const at = (path: Path, message: string) => problems.push({ path, message });
  const seenIps = new Map<Ipv4, string>();
  const seenMacs = new Map<Mac, string>();
  const devices = level.topology.devices;

  devices.forEach((d, i) => {
    const base: Path = ['topology', 'devices', i];
    if (sim.device(d.name)) {
      at([...base, 'name'], `there is already a device named ${d.name}`);
      return;
    }
    switch (d.kind) {
      case 'switch':
      case 'hub': {
        const r = d.kind === 'switch'
          ? sim.addSwitch(d.name, { ports: d.ports ?? 8, agingNs: (d.aging ?? 300) * 1e9 })
          : sim.addHub(d.name, { ports: d.ports ?? 4 });
        if (!r.ok) at([...base, 'name'], r.error);
        return;
      }
      case 'host':
      case 'router': {
        const ifaces = interfacesOf(d, base, at, seenIps, seenMacs);
        const r = d.kind === 'host' ? sim.addHost(d.name, { interfaces: ifaces }) : sim.addRouter(d.name, { interfaces: ifaces });
        if (!r.ok) {
          at([...base, 'name'], r.error);
          return;
        }
        const node = r.value;
        if (d.kind === 'host') {
          if (d.gateway !== undefined) {
            const gw = parseIpv4(d.gateway);
            if (!gw.ok) at([...base, 'gateway'], `gateway: ${gw.error}`);
            else node.setGateway(gw.value);
          }
          for (const p of d.udp ?? []) node.bindUdp(p);
          if (d.dhcp) {
            const c = sim.startDhcpClient(d.name);
            if (!c.ok) at([...base, 'dhcp'], c.error);
          }
          (d.tcp ?? []).forEach((t, k) => {
            const spec = typeof t === 'number' ? { port: t } : t;
            const l = node.tcp.listen(spec.port, { backlog: spec.backlog, synCookies: spec.synCookies, ...('iss' in spec && spec.iss !== undefined ? { iss: spec.iss } : {}), ...('closeAtOnce' in spec && spec.closeAtOnce ? { closeAtOnce: true } : {}) });
            if (!l.ok) at([...base, 'tcp', k], l.error);
          });
        }
        if (d.dhcpServer) dhcpServer(sim, d.name, d.dhcpServer, [...base, 'dhcpServer'], at);
        if (d.kind === 'router') {
          (d.routes ?? []).forEach((route, k) => {
            const to = parseSubnet(route.to);
            const via = parseIpv4(route.via);
            if (!to.ok) at([...base, 'routes', k, 'to'], to.error);
            else if (!via.ok) at([...base, 'routes', k, 'via'], via.error);
            else {
              const added = node.addStaticRoute(to.value, via.value);
              if (!added.ok) at([...base, 'routes', k, 'via'], added.error);
            }
          });
        }
      }
    }
  });

  const used = new Map<string, Path>();
  level.topology.links.forEach((link, i) => {
    const ends = link.map((ref, j) => {
      const [device, port] = splitPortRef(ref);
      const path: Path = ['topology', 'links', i, j];
      const prev = used.get(ref);
      if (prev) at(path, `${ref} already has a cable (see links[${prev[2]}])`);
      used.set(ref, path);
      return { device, port, path };
    });
    let ok = true;
    for (const end of ends) {
      const d = sim.device(end.device);
      if (!d) {
        at(end.path, `no device named ${end.device}${suggest(end.device, devices.map((x) => x.name))}`);
        ok = false;
      } else if (!d.ports.some((p) => p.name === end.port)) {
        const names = d.ports.map((p) => p.name);
        at(end.path, `${end.device} has no port ${end.port}${suggest(end.port, names)}; it has ${names.join(', ')}`);
        ok = false;
      }
    }
    if (ok) {
      const [a, b] = ends as [(typeof ends)[0], (typeof ends)[0]];
      const r = sim.connect({ device: a.device, port: a.port }, { device: b.device, port: b.port });
      if (!r.ok && !/already has a cable/.test(r.error)) at(a.path, r.error);
    }
  });
  // Hosts that ask for their address by DHCP have it by the time the player looks: the network has booted.
  if (level.topology.devices.some((d) => d.kind === 'host' && d.dhcp)) sim.run({ untilNs: 60e9 });
  return { sim, problems };
}

function interfacesOf(
  d: Extract<DeviceSpec, { kind: 'host' | 'router' }>,
  base: Path,
  at: (p: Path, m: string) => void,
  seenIps: Map<Ipv4, string>,
  seenMacs: Map<Mac, string>,
): InterfaceConfig[] {
  const specs =
    d.kind === 'host' && d.interfaces === undefined
      ? [{ spec: { name: 'eth0', mac: d.mac, address: d.address }, path: base, shorthand: true }]
      : (d.interfaces ?? []).map((spec, k) => ({ spec, path: [...base, 'interfaces', k] as Path, shorthand: false }));
  if (d.kind === 'host' && d.interfaces !== undefined && (d.address !== undefined || d.mac !== undefined)) {
    at([...base, d.address !== undefined ? 'address' : 'mac'], 'give either "address"/"mac" (one interface, eth0) or "interfaces", not both');
  }
  const names = new Set<string>();
  const out: InterfaceConfig[] = [];
  for (const { spec, path } of specs) {
    if (names.has(spec.name)) at([...path, 'name'], `${d.name} already has an interface named ${spec.name}`);
    names.add(spec.name);
    let mac: Mac | undefined;
    if (spec.mac !== undefined) {
      const m = parseMac(spec.mac);
      if (!m.ok) at([...path, 'mac'], `mac: ${m.error}`);
      else if (isMulticastMac(m.value)) at([...path, 'mac'], `${spec.mac} has the multicast bit set (first byte odd): an interface's own MAC must be unicast`);
      else if (seenMacs.has(m.value)) at([...path, 'mac'], `${spec.mac} is already the MAC of ${seenMacs.get(m.value)}: MAC addresses must be unique on a network`);
      else {
        mac = m.value;
        seenMacs.set(m.value, `${d.name}:${spec.name}`);
      }
    }
    let address: Cidr | undefined;
    if (spec.address !== undefined) {
      const c = parseCidr(spec.address);
      if (!c.ok) at([...path, 'address'], `address: ${c.error}`);
      else {
        const role = addressRole(c.value.address, c.value.prefix);
        if (role !== 'host') {
          at([...path, 'address'], `${spec.address} is the ${role} address of its subnet; an interface needs a host address`);
        } else if (seenIps.has(c.value.address)) {
          at([...path, 'address'], `${formatIpv4(c.value.address)} is already used by ${seenIps.get(c.value.address)}`);
        } else {
          address = c.value;
          seenIps.set(c.value.address, `${d.name}:${spec.name}`);
        }
      }
    }
    out.push({ name: spec.name, ...(mac !== undefined ? { mac } : {}), ...(address ? { address } : {}) });
  }
  return out;
}

function dhcpServer(sim: Simulation, name: string, spec: NonNullable<Extract<DeviceSpec, { kind: 'router' }>['dhcpServer']>, path: Path, at: (p: Path, m: string) => void): void {
  const node = sim.host(name)!;
  const from = parseIpv4(spec.from);
  const to = parseIpv4(spec.to);
  if (!from.ok) return at([...path, 'from'], from.error);
  if (!to.ok) return at([...path, 'to'], to.error);
  const iface = spec.interface ? node.iface(spec.interface) : node.interfaces.find((i) => i.address && subnetContains(subnetOf(i.address.address, i.address.prefix), from.value));
  if (!iface?.address) return at([...path, spec.interface ? 'interface' : 'from'], `${name} has no interface on the subnet of ${spec.from} to serve this pool from`);
  let router: Ipv4 | undefined;
  if (spec.gateway !== undefined) {
    const g = parseIpv4(spec.gateway);
    if (!g.ok) return at([...path, 'gateway'], g.error);
    router = g.value;
  } else if (node.kind === 'router') router = iface.address.address;
  const dns: Ipv4[] = [];
  for (const [k, t] of (spec.dns ?? []).entries()) {
    const d = parseIpv4(t);
    if (!d.ok) return at([...path, 'dns', k], d.error);
    dns.push(d.value);
  }
  const r = sim.addDhcpServer(name, {
    start: from.value,
    end: to.value,
    prefix: iface.address.prefix,
    ...(router !== undefined ? { router } : {}),
    dnsServers: dns,
    leaseSeconds: spec.lease,
    serverId: iface.address.address,
  });
  if (!r.ok) at(path, r.error);
}

export function splitPortRef(ref: string): [string, string] {
  const i = ref.indexOf(':');
  return [ref.slice(0, i), ref.slice(i + 1)];
}

/** Resolves a goal's target: a device name (its first address) or an IPv4 address. */
export function resolveTarget(sim: Simulation, target: string): { ok: true; value: Ipv4 } | { ok: false; error: string } {
  const d = sim.host(target);
  if (d) {
    const a = d.interfaces.find((i) => i.address)?.address;
    return a ? { ok: true, value: a.address } : { ok: false, error: `${target} has no address yet` };
  }
  if (/^\d/.test(target)) {
    const ip = parseIpv4(target);
    return ip.ok ? ip : { ok: false, error: ip.error };
  }
  return { ok: false, error: `no host or router named ${target}` };
}

/** Is `ip` on a subnet some interface of the network has? (for messages, not for routing) */
export function onSomeSubnet(sim: Simulation, ip: Ipv4): boolean {
  for (const d of sim.devices) {
    const n = sim.host(d.name);
    if (n?.interfaces.some((i) => i.address && subnetContains(subnetOf(i.address.address, i.address.prefix), ip))) return true;
  }
  return false;
}

/** ", did you mean X?" when a name is a small edit away from a known one. */
export function suggest(word: string, known: readonly string[]): string {
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    const d = editDistance(word.toLowerCase(), k.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return best !== undefined && bestD <= Math.max(1, Math.floor(word.length / 3)) ? ` (did you mean ${best}?)` : '';
}

export function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 8) return Math.abs(a.length - b.length);
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}
