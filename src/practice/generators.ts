/**
 * Drill generators: each builds a question from a seed and computes its answer with the
 * engine's own functions, so an answer is right by construction. The same (topic, seed)
 * always gives the same drill.
 */
import { formatIpv4, ipv4FromNumber, type Ipv4 } from '../net/address/ipv4';
import {
  allocateVlsm,
  broadcastAddress,
  firstHost,
  formatMask,
  formatSubnet,
  lastHost,
  maskFromPrefix,
  networkAddress,
  prefix,
  sameSubnet,
  usableHostCount,
  type Subnet,
} from '../net/address/subnet';
import { LAYER_OF, OSI_LAYERS, PORT_OF, portRange, TRANSPORT_FOR } from '../net/knowledge';
import { lookupRoute, type Route } from '../net/sim/routing';
import { seededRandom, type Random } from '../util/random';
import { MAX_LEVEL, type Level } from './level';
import { macLearningDrill } from './mac-drill';
import { tcpDrill } from './tcp-drill';

export const TOPICS = ['subnet', 'same-subnet', 'binary', 'vlsm', 'ports', 'osi', 'transport', 'arp', 'next-hop', 'mac-learning', 'tcp'] as const;
export type Topic = (typeof TOPICS)[number];

export interface Drill {
  readonly topic: Topic;
  readonly seed: number;
  readonly question: Record<string, unknown>;
  readonly answer: Record<string, unknown>;
}

/** A private or documentation-range address, the kind exercises use. */
function randomAddress(r: Random): Ipv4 {
  switch (r.int(0, 2)) {
    case 0:
      return ipv4FromNumber((10 << 24) | (r.int(0, 255) << 16) | (r.int(0, 255) << 8) | r.int(0, 255));
    case 1:
      return ipv4FromNumber(((172 << 24) | ((16 + r.int(0, 15)) << 16) | (r.int(0, 255) << 8) | r.int(0, 255)) >>> 0);
    default:
      return ipv4FromNumber(((192 << 24) | (168 << 16) | (r.int(0, 255) << 8) | r.int(0, 255)) >>> 0);
  }
}

/** The usual masks' octets: what the first level of `binary` asks. */
const MASK_OCTETS = [0, 128, 192, 224, 240, 248, 252, 254, 255];

type Generated = { question: Record<string, unknown>; answer: Record<string, unknown> };

/**
 * Each generator draws the same random numbers in the same order at level 2 as it did before
 * levels existed, so exported drills (always level 2) keep their seeds' meaning.
 */
const GENERATORS: Record<Topic, (r: Random, level: Level) => Generated> = {
  subnet(r, level) {
    const address = randomAddress(r);
    const p = prefix(level === 0 ? r.int(24, 30) : level === 1 ? r.int(16, 30) : r.int(8, 32));
    return {
      question: { address: formatIpv4(address), prefix: p },
      answer: {
        network: formatIpv4(networkAddress(address, p)),
        broadcast: formatIpv4(broadcastAddress(address, p)),
        firstHost: formatIpv4(firstHost(address, p)),
        lastHost: formatIpv4(lastHost(address, p)),
        hosts: usableHostCount(p),
        mask: formatMask(maskFromPrefix(p)),
      },
    };
  },
  'same-subnet'(r, level) {
    const a = randomAddress(r);
    const p = prefix(r.int([24, 20, 16][level]!, 30));
    // Half the time a neighbour in the same block, else a nearby address that may cross the boundary.
    const span = 2 ** (32 - p);
    const b = r.int(0, 1) === 0 ? ipv4FromNumber(networkAddress(a, p) + r.int(0, span - 1)) : ipv4FromNumber(a + r.int(-2 * span, 2 * span));
    return {
      question: { a: formatIpv4(a), b: formatIpv4(b), prefix: p },
      answer: { same: sameSubnet(a, b, p), networkA: formatIpv4(networkAddress(a, p)), networkB: formatIpv4(networkAddress(b, p)) },
    };
  },
  binary(r, level) {
    const octet = level === 0 ? r.pick(MASK_OCTETS) : r.int(0, 255);
    return r.int(0, 1) === 0
      ? { question: { decimal: octet }, answer: { binary: octet.toString(2).padStart(8, '0') } }
      : { question: { binary: octet.toString(2).padStart(8, '0') }, answer: { decimal: octet } };
  },
  vlsm(r, level) {
    const parent: Subnet = { network: ipv4FromNumber(((192 << 24) | (168 << 16) | (r.int(0, 255) << 8)) >>> 0), prefix: prefix(24) };
    const names = ['A', 'B', 'C', 'D'];
    for (;;) {
      const requests = names.slice(0, r.int(2, 2 + level)).map((name) => ({ name, hosts: r.int(2, 100) }));
      const plan = allocateVlsm(parent, requests);
      if (!plan.ok) continue;
      return {
        question: { block: formatSubnet(parent), hosts: Object.fromEntries(requests.map((q) => [q.name, q.hosts])) },
        answer: { subnets: Object.fromEntries(plan.value.map((a) => [a.name, formatSubnet(a.subnet)])) },
      };
    }
  },
  ports(r) {
    const services = Object.keys(PORT_OF);
    if (r.int(0, 1) === 0) {
      const service = r.pick(services);
      const fact = PORT_OF[service]!;
      return { question: { service }, answer: { port: fact.port, transport: fact.transport } };
    }
    const port = r.pick([r.int(1, 1023), r.int(1024, 49151), r.int(49152, 65535)]);
    return { question: { port }, answer: { range: portRange(port) } };
  },
  osi(r) {
    const thing = r.pick(Object.keys(LAYER_OF));
    const fact = LAYER_OF[thing]!;
    return { question: { of: thing }, answer: { layer: fact.layer, name: OSI_LAYERS[fact.layer - 1] } };
  },
  transport(r) {
    const app = r.pick(Object.keys(TRANSPORT_FOR));
    return { question: { application: app }, answer: { transport: TRANSPORT_FOR[app]!.transport } };
  },
  arp(r, level) {
    const host = randomAddress(r);
    const p = prefix(r.pick([[24], [24, 25, 26], [24, 25, 26, 27, 28]][level]!));
    const gateway = firstHost(host, p) === host ? lastHost(host, p) : firstHost(host, p);
    const onLink = r.int(0, 1) === 0;
    const span = 2 ** (32 - p);
    let dst = host;
    // Never the host itself: a host does not ARP for its own address.
    while (dst === host) {
      dst = onLink
        ? ipv4FromNumber(networkAddress(host, p) + 1 + r.int(0, span - 3))
        : ipv4FromNumber(networkAddress(host, p) + span * r.pick([1, 2, 3, -1]) + r.int(1, span - 2));
    }
    const same = sameSubnet(host, dst, p);
    return {
      question: { host: `${formatIpv4(host)}/${p}`, gateway: formatIpv4(gateway), destination: formatIpv4(dst) },
      answer: { arpFor: formatIpv4(same ? dst : gateway), why: same ? 'same-subnet' : 'gateway' },
    };
  },
  'next-hop'(r, level) {
    const base = r.int(1, 200);
    const all: Route[] = [
      { destination: { network: ipv4FromNumber(0), prefix: prefix(0) }, nextHop: ipv4FromNumber((10 << 24) | 1), iface: 'eth0', source: 'static' },
      { destination: { network: ipv4FromNumber((172 << 24) | (16 << 16)), prefix: prefix(12) }, nextHop: ipv4FromNumber((10 << 24) | 2), iface: 'eth0', source: 'static' },
      { destination: { network: ipv4FromNumber(((172 << 24) | (16 << 16) | (base << 8)) >>> 0), prefix: prefix(24) }, nextHop: ipv4FromNumber((10 << 24) | 3), iface: 'eth0', source: 'static' },
      { destination: { network: ipv4FromNumber(((172 << 24) | (16 << 16) | (base << 8) | 128) >>> 0), prefix: prefix(25) }, nextHop: ipv4FromNumber((10 << 24) | 4), iface: 'eth0', source: 'static' },
    ];
    // A longer table each level: the default route and a /24, then the /12, then the /25 inside the /24.
    const routes = level === 0 ? [all[0]!, all[2]!] : level === 1 ? all.slice(0, 3) : all;
    const dst = r.pick([
      ipv4FromNumber(((172 << 24) | (16 << 16) | (base << 8) | r.int(0, 127)) >>> 0),
      ipv4FromNumber(((172 << 24) | (16 << 16) | (base << 8) | r.int(128, 255)) >>> 0),
      ipv4FromNumber(((172 << 24) | (r.int(17, 31) << 16) | r.int(0, 65535)) >>> 0),
      randomAddress(r),
    ]);
    const chosen = lookupRoute(routes, dst)!;
    return {
      question: { destination: formatIpv4(dst), routes: routes.map((x) => ({ to: formatSubnet(x.destination), via: formatIpv4(x.nextHop!) })) },
      answer: { nextHop: formatIpv4(chosen.nextHop!), route: formatSubnet(chosen.destination) },
    };
  },
  'mac-learning': (r, level) => macLearningDrill(r, level) as unknown as Generated,
  tcp: (r, level) => tcpDrill(r, level) as unknown as Generated,
};

/** One drill of a topic from its own seed, at a difficulty level (level 2, the full range, unless told). */
export function drill(topic: Topic, seed: number, level: Level = MAX_LEVEL): Drill {
  const { question, answer } = GENERATORS[topic](seededRandom(seed), level);
  return { topic, seed, question, answer };
}

/** The seed of the k-th drill of a session: a repeatable stream, so `--seed S` replays a whole session. */
export function drillSeed(sessionSeed: number, k: number): number {
  let h = (0x811c9dc5 ^ sessionSeed) >>> 0;
  h = Math.imul(h ^ k, 0x01000193) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
  return h & 0x7fffffff;
}

/** The day's seed, so friends on the same date practise the same drills. */
export function dailySeed(date: Date): number {
  return Number(`${date.getUTCFullYear()}${String(date.getUTCMonth() + 1).padStart(2, '0')}${String(date.getUTCDate()).padStart(2, '0')}`);
}

export function exportDrills(topics: readonly Topic[], count: number, sessionSeed: number): Drill[] {
  return Array.from({ length: count }, (_, k) => drill(topics[k % topics.length]!, drillSeed(sessionSeed, k)));
}

