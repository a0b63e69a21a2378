/**
 * Answer steps: each question's right answer is computed from the level's own topology
 * (or the curriculum's tables), never stored; a player's answer is compared with it and a
 * wrong one is explained, naming the misconception when it is a known one.
 */
import { formatIpv4, parseIpv4, type Ipv4 } from '../net/address/ipv4';
import {
  broadcastAddress,
  firstHost,
  formatMask,
  formatSubnet,
  maskFromPrefix,
  networkAddress,
  parseMask,
  prefixOfMask,
  sameSubnet,
  subnetOf,
  totalAddressCount,
  usableHostCount,
  type Cidr,
} from '../net/address/subnet';
import { LAYER_OF, OSI_LAYERS, PORT_OF, TRANSPORT_FOR, layerNumber, normalizeTerm } from '../net/knowledge';
import type { Simulation } from '../net/sim/simulation';
import { fieldAt, parseHex } from '../net/wire/fields';
import { resolveTarget, splitPortRef } from '../levels/build';
import type { Question } from '../levels/schema';
import { message } from './messages';
import { POINTS, type Verdict } from './verdict';

export type AnswerValue = string | number | boolean;

interface Expected {
  /** The right answer as shown to the player. */
  readonly display: string;
  readonly concept: string;
  /** Judges a value; returns undefined when right, else why it is wrong. */
  judge(value: AnswerValue, locale: string): { misconception?: string; explanation: string } | undefined;
}

function ifaceAddress(sim: Simulation, ref: string): Cidr | undefined {
  const [device, port] = splitPortRef(ref);
  return sim.host(device)?.iface(port)?.address;
}

const asText = (v: AnswerValue) => String(v).trim();

function ipJudge(expected: Ipv4, explain: (got: Ipv4) => { misconception?: string; explanation: string } | undefined) {
  return (value: AnswerValue) => {
    const ip = parseIpv4(asText(value));
    if (!ip.ok) return { explanation: `That is not an IPv4 address: ${ip.error}` };
    if (ip.value === expected) return undefined;
    return explain(ip.value) ?? { explanation: `Not quite: the answer is ${formatIpv4(expected)}.` };
  };
}

export function expectedAnswer(q: Question, sim: Simulation): Expected | { error: string } {
  switch (q.ask) {
    case 'network-address':
    case 'broadcast-address':
    case 'host-count':
    case 'mask': {
      const c = ifaceAddress(sim, q.of);
      if (!c) return { error: `${q.of} has no address` };
      const subnet = formatSubnet(subnetOf(c.address, c.prefix));
      const net = networkAddress(c.address, c.prefix);
      if (q.ask === 'network-address') {
        return {
          display: formatIpv4(net),
          concept: 'network-address',
          judge: ipJudge(net, (got) => {
            const gw = sim.host(splitPortRef(q.of)[0])?.gateway;
            if (got === firstHost(c.address, c.prefix) || got === gw) {
              return { misconception: 'gateway-as-network-address', explanation: message('gateway-as-network-address', { network: formatIpv4(net), answer: formatIpv4(got) }) };
            }
            if (got === c.address) return { explanation: `${formatIpv4(got)} is the interface's own address. The network address is the address AND the mask: ${formatIpv4(net)}.` };
            return { explanation: `AND each byte of ${formatIpv4(c.address)} with the mask ${formatMask(maskFromPrefix(c.prefix))}: the network is ${formatIpv4(net)}.` };
          }),
        };
      }
      if (q.ask === 'broadcast-address') {
        const bc = broadcastAddress(c.address, c.prefix);
        return {
          display: formatIpv4(bc),
          concept: 'broadcast-address',
          judge: ipJudge(bc, (got) =>
            got === net
              ? { explanation: `${formatIpv4(got)} is the network address (host bits all 0); the broadcast address has all host bits 1: ${formatIpv4(bc)}.` }
              : { explanation: `Set every host bit of ${subnet} to 1: the broadcast address is ${formatIpv4(bc)}.` },
          ),
        };
      }
      if (q.ask === 'host-count') {
        const hosts = usableHostCount(c.prefix);
        const total = totalAddressCount(c.prefix);
        return {
          display: String(hosts),
          concept: 'host-count',
          judge: (value) => {
            const n = Number(asText(value));
            if (!Number.isInteger(n)) return { explanation: 'Give a whole number of hosts.' };
            if (n === hosts) return undefined;
            if (n === total && c.prefix < 31) return { misconception: 'host-count-forgot-two', explanation: message('host-count-forgot-two', { prefix: c.prefix, total, hosts }) };
            return { explanation: `A /${c.prefix} leaves ${32 - c.prefix} host bits: 2^${32 - c.prefix} = ${total} addresses, ${c.prefix < 31 ? `minus network and broadcast: ${hosts}` : `all usable (RFC 3021 for /31): ${hosts}`}.` };
          },
        };
      }
      const mask = maskFromPrefix(c.prefix);
      return {
        display: `${formatMask(mask)} (/${c.prefix})`,
        concept: 'subnet-mask',
        judge: (value) => {
          const m = parseMask(asText(value));
          if (!m.ok) return /1-bits must all come first/.test(m.error) ? { misconception: 'non-contiguous-mask', explanation: message('non-contiguous-mask', { detail: m.error }) } : { explanation: m.error };
          return m.value === mask ? undefined : { explanation: `The interface is a /${c.prefix}: ${c.prefix} one-bits, which is ${formatMask(mask)}; you gave a /${prefixOfMask(m.value)}.` };
        },
      };
    }
    case 'same-subnet': {
      const a = ifaceAddress(sim, q.a);
      const b = resolveTarget(sim, q.b);
      if (!a) return { error: `${q.a} has no address` };
      if (!b.ok) return { error: b.error };
      const same = sameSubnet(a.address, b.value, a.prefix);
      const m = formatMask(maskFromPrefix(a.prefix));
      const why = `${formatIpv4(a.address)} AND ${m} = ${formatIpv4(networkAddress(a.address, a.prefix))}; ${formatIpv4(b.value)} AND ${m} = ${formatIpv4(networkAddress(b.value, a.prefix))}`;
      return {
        display: same ? 'yes' : 'no',
        concept: 'and-test',
        judge: (value) => {
          const v = yesNo(value);
          if (v === undefined) return { explanation: 'Answer yes or no.' };
          return v === same ? undefined : { explanation: `${why}: ${same ? 'the same network' : 'different networks'}.` };
        },
      };
    }
    case 'osi-layer': {
      const fact = LAYER_OF[normalizeTerm(q.of)];
      if (!fact) return { error: `the curriculum does not know what layer '${q.of}' works at` };
      return {
        display: `${fact.layer} (${OSI_LAYERS[fact.layer - 1]})`,
        concept: 'osi-layers',
        judge: (value) => {
          const n = layerNumber(typeof value === 'boolean' ? '' : value);
          if (n === undefined) return { explanation: 'Give a layer number 1–7 or its name (physical, data link, network, transport, session, presentation, application).' };
          return n === fact.layer ? undefined : { explanation: `Layer ${fact.layer}, ${OSI_LAYERS[fact.layer - 1]}: ${fact.why}.` };
        },
      };
    }
    case 'transport': {
      const fact = TRANSPORT_FOR[normalizeTerm(q.for).replace(/ /g, '-')];
      if (!fact) return { error: `the curriculum has no transport fact for '${q.for}'` };
      return {
        display: fact.transport.toUpperCase(),
        concept: 'udp-vs-tcp',
        judge: (value) => (normalizeTerm(asText(value)) === fact.transport ? undefined : { explanation: `${fact.transport.toUpperCase()}: ${fact.why}.` }),
      };
    }
    case 'port': {
      const fact = PORT_OF[normalizeTerm(q.for).replace(/ /g, '-')];
      if (!fact) return { error: `the curriculum has no port for '${q.for}'` };
      return {
        display: String(fact.port),
        concept: 'ports',
        judge: (value) => (Number(asText(value)) === fact.port ? undefined : { explanation: `${q.for} listens on ${fact.transport === 'both' ? 'UDP and TCP' : fact.transport.toUpperCase()} port ${fact.port}.` }),
      };
    }
    case 'field-at-offset': {
      const bytes = parseHex(q.hex);
      if (!bytes) return { error: 'the hex dump has characters that are not hex digits' };
      const f = fieldAt(bytes, q.offset);
      if (!f) return { error: `offset ${q.offset} is past the headers the game knows in this dump` };
      return {
        display: `${f.name} (${f.layer}, bytes ${f.offset}–${f.offset + f.length - 1})`,
        concept: 'frame-format',
        judge: (value) => {
          const v = normalizeTerm(asText(value)).replace(/\b(address|addr)\b/g, '').replace(/\s+/g, ' ').trim();
          const want = normalizeTerm(f.name).replace(/\b(address|addr)\b/g, '').replace(/\s+/g, ' ').trim();
          const alias: Record<string, string[]> = {
            'destination mac': ['dst mac', 'dest mac', 'destination', 'destination mac'],
            'source mac': ['src mac', 'source'],
            ethertype: ['type', 'ether type'],
            ttl: ['time to live'],
            'acknowledgement number': ['ack', 'ack number', 'acknowledgment number', 'acknowledgement', 'acknowledgment'],
            'sequence number': ['seq', 'seq number', 'sequence'],
            'source ip': ['src ip', 'source ipv4'],
            'destination ip': ['dst ip', 'dest ip', 'destination ipv4'],
            'source port': ['src port', 'sport'],
            'destination port': ['dst port', 'dest port', 'dport'],
            'header checksum': ['checksum', 'ip checksum'],
            'total length': ['length', 'ip length'],
          };
          if (v === want || alias[want]?.includes(v)) return undefined;
          if (f.layer === 'ethernet' && ['source mac', 'destination mac', 'src mac', 'dst mac', 'ethertype', 'type'].includes(v)) {
            return { misconception: 'header-order', explanation: message('header-order') };
          }
          return { explanation: `Byte ${q.offset} is part of the ${f.name} (${f.layer}, bytes ${f.offset}–${f.offset + f.length - 1}).` };
        },
      };
    }
  }
}

function yesNo(v: AnswerValue): boolean | undefined {
  if (typeof v === 'boolean') return v;
  const t = asText(v).toLowerCase();
  if (['yes', 'y', 'true', 'same', '是'].includes(t)) return true;
  if (['no', 'n', 'false', 'different', '否'].includes(t)) return false;
  return undefined;
}

export function judgeAnswer(q: Question, sim: Simulation, value: AnswerValue, locale = 'en'): Verdict {
  const e = expectedAnswer(q, sim);
  if ('error' in e) return { result: 'incorrect', points: 0, concept: q.ask, explanation: `This question cannot be answered: ${e.error}.` };
  const wrong = e.judge(value, locale);
  if (!wrong) return { result: 'correct', points: POINTS.correct, concept: e.concept, explanation: `Right: ${e.display}.` };
  const misconception = wrong.misconception;
  const base = { result: 'incorrect' as const, points: POINTS.wrong, concept: e.concept, explanation: wrong.explanation };
  return misconception ? { ...base, misconception } : base;
}

export function rightAnswer(q: Question, sim: Simulation): string | undefined {
  const e = expectedAnswer(q, sim);
  return 'error' in e ? undefined : e.display;
}
