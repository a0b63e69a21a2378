/**
 * Answer steps: each question's right answer is computed from the level's own topology
 * (or the curriculum's tables), never stored; a player's answer is compared with it and a
 * wrong one is explained, naming the misconception when it is a known one.
 */
import { selectReadable, stateAfterCall } from '../machines/tcp/socket-calls';
import { tcpStateNamed } from '../machines/tcp/types';
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
import { LAYER_OF, OSI_LAYERS, OSI_LAYERS_ZH, PORT_OF, TRANSPORT_FOR, layerNumber, normalizeTerm } from '../net/knowledge';
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

function ipJudge(expected: Ipv4, explain: (got: Ipv4, locale: string) => { misconception?: string; explanation: string } | undefined) {
  return (value: AnswerValue, locale: string) => {
    const ip = parseIpv4(asText(value));
    if (!ip.ok) return { explanation: message('answer-not-ipv4', { error: ip.error }, locale) };
    if (ip.value === expected) return undefined;
    return explain(ip.value, locale) ?? { explanation: message('verdict-not-quite', { answer: formatIpv4(expected) }, locale) };
  };
}

export function expectedAnswer(q: Question, sim: Simulation, locale = 'en'): Expected | { error: string } {
  switch (q.ask) {
    case 'network-address':
    case 'broadcast-address':
    case 'host-count':
    case 'mask': {
      const c = ifaceAddress(sim, q.of);
      if (!c) return { error: message('interface-has-no-address', { ref: q.of }, locale) };
      const subnet = formatSubnet(subnetOf(c.address, c.prefix));
      const net = networkAddress(c.address, c.prefix);
      if (q.ask === 'network-address') {
        return {
          display: formatIpv4(net),
          concept: 'network-address',
          judge: ipJudge(net, (got, loc) => {
            const gw = sim.host(splitPortRef(q.of)[0])?.gateway;
            if (got === firstHost(c.address, c.prefix) || got === gw) {
              return { misconception: 'gateway-as-network-address', explanation: message('gateway-as-network-address', { network: formatIpv4(net), answer: formatIpv4(got) }, loc) };
            }
            if (got === c.address) return { explanation: message('network-address-is-own-address', { address: formatIpv4(got), network: formatIpv4(net) }, loc) };
            return { explanation: message('network-address-and-each-byte', { address: formatIpv4(c.address), mask: formatMask(maskFromPrefix(c.prefix)), network: formatIpv4(net) }, loc) };
          }),
        };
      }
      if (q.ask === 'broadcast-address') {
        const bc = broadcastAddress(c.address, c.prefix);
        return {
          display: formatIpv4(bc),
          concept: 'broadcast-address',
          judge: ipJudge(bc, (got, loc) =>
            got === net
              ? { explanation: message('broadcast-is-network-address', { answer: formatIpv4(got), broadcast: formatIpv4(bc) }, loc) }
              : { explanation: message('broadcast-set-host-bits', { subnet, broadcast: formatIpv4(bc) }, loc) },
          ),
        };
      }
      if (q.ask === 'host-count') {
        const hosts = usableHostCount(c.prefix);
        const total = totalAddressCount(c.prefix);
        return {
          display: String(hosts),
          concept: 'host-count',
          judge: (value, loc) => {
            const n = Number(asText(value));
            if (!Number.isInteger(n)) return { explanation: message('host-count-whole-number', {}, loc) };
            if (n === hosts) return undefined;
            if (n === total && c.prefix < 31) return { misconception: 'host-count-forgot-two', explanation: message('host-count-forgot-two', { prefix: c.prefix, total, hosts }, loc) };
            return { explanation: message('host-count-explain', { prefix: c.prefix, bits: 32 - c.prefix, total, hosts, pointToPoint: c.prefix >= 31 }, loc) };
          },
        };
      }
      const mask = maskFromPrefix(c.prefix);
      return {
        display: `${formatMask(mask)} (/${c.prefix})`,
        concept: 'subnet-mask',
        judge: (value, loc) => {
          const m = parseMask(asText(value));
          if (!m.ok) return /1-bits must all come first/.test(m.error) ? { misconception: 'non-contiguous-mask', explanation: message('non-contiguous-mask', { detail: m.error }, loc) } : { explanation: m.error };
          return m.value === mask ? undefined : { explanation: message('mask-wrong-prefix', { prefix: c.prefix, mask: formatMask(mask), given: prefixOfMask(m.value) }, loc) };
        },
      };
    }
    case 'same-subnet': {
      const a = ifaceAddress(sim, q.a);
      const b = resolveTarget(sim, q.b);
      if (!a) return { error: message('interface-has-no-address', { ref: q.a }, locale) };
      if (!b.ok) return { error: b.error };
      const same = sameSubnet(a.address, b.value, a.prefix);
      const m = formatMask(maskFromPrefix(a.prefix));
      const why = { a: formatIpv4(a.address), b: formatIpv4(b.value), mask: m, netA: formatIpv4(networkAddress(a.address, a.prefix)), netB: formatIpv4(networkAddress(b.value, a.prefix)), same };
      return {
        display: message(same ? 'answer-yes' : 'answer-no', {}, locale),
        concept: 'and-test',
        judge: (value, loc) => {
          const v = yesNo(value);
          if (v === undefined) return { explanation: message('answer-yes-or-no', {}, loc) };
          return v === same ? undefined : { explanation: message('same-subnet-and-test', why, loc) };
        },
      };
    }
    case 'osi-layer': {
      const fact = LAYER_OF[normalizeTerm(q.of)];
      if (!fact) return { error: message('osi-layer-unknown', { term: q.of }, locale) };
      return {
        display: `${fact.layer} (${OSI_LAYERS[fact.layer - 1]})`,
        concept: 'osi-layers',
        judge: (value, loc) => {
          const n = layerNumber(typeof value === 'boolean' ? '' : value);
          if (n === undefined) return { explanation: message('osi-layer-give-number', {}, loc) };
          return n === fact.layer ? undefined : { explanation: message('osi-layer-explain', { layer: fact.layer, name: OSI_LAYERS[fact.layer - 1]!, nameZh: OSI_LAYERS_ZH[fact.layer - 1]!, why: fact.why, whyZh: fact.zh }, loc) };
        },
      };
    }
    case 'transport': {
      const fact = TRANSPORT_FOR[normalizeTerm(q.for).replace(/ /g, '-')];
      if (!fact) return { error: message('transport-unknown', { term: q.for }, locale) };
      return {
        display: fact.transport.toUpperCase(),
        concept: 'udp-vs-tcp',
        judge: (value, loc) => (normalizeTerm(asText(value)) === fact.transport ? undefined : { explanation: message('transport-explain', { transport: fact.transport.toUpperCase(), why: fact.why, whyZh: fact.zh }, loc) }),
      };
    }
    case 'port': {
      const fact = PORT_OF[normalizeTerm(q.for).replace(/ /g, '-')];
      if (!fact) return { error: message('port-unknown', { term: q.for }, locale) };
      return {
        display: String(fact.port),
        concept: 'ports',
        judge: (value, loc) => (Number(asText(value)) === fact.port ? undefined : { explanation: message('port-explain', { service: q.for, both: fact.transport === 'both', transport: fact.transport.toUpperCase(), port: fact.port }, loc) }),
      };
    }
    case 'socket-state': {
      const state = stateAfterCall(q.call);
      return {
        display: state,
        concept: 'socket-calls',
        judge: (value, loc) => {
          return tcpStateNamed(asText(value)) === state ? undefined : { explanation: message('socket-state-explain', { call: q.call, state }, loc) };
        },
      };
    }
    case 'select-readable': {
      const readable = selectReadable(q.socket);
      return {
        display: message(readable ? 'answer-yes' : 'answer-no', {}, locale),
        concept: 'select',
        judge: (value, loc) => {
          const v = yesNo(value);
          if (v === undefined) return { explanation: message('answer-yes-or-no', {}, loc) };
          return v === readable ? undefined : { explanation: message('select-readable-explain', { socket: q.socket, readable }, loc) };
        },
      };
    }
    case 'field-at-offset': {
      const bytes = parseHex(q.hex);
      if (!bytes) return { error: message('hex-not-hex', {}, locale) };
      const f = fieldAt(bytes, q.offset);
      if (!f) return { error: message('hex-offset-past-headers', { offset: q.offset }, locale) };
      const where = { field: f.name, layer: f.layer, start: f.offset, end: f.offset + f.length - 1 };
      return {
        display: message('field-at-offset-display', where, locale),
        concept: 'frame-format',
        judge: (value, loc) => {
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
            return { misconception: 'header-order', explanation: message('header-order', {}, loc) };
          }
          return { explanation: message('field-at-offset-explain', { offset: q.offset, ...where }, loc) };
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
  const e = expectedAnswer(q, sim, locale);
  if ('error' in e) return { result: 'incorrect', points: 0, concept: q.ask, explanation: message('question-cannot-be-answered', { error: e.error }, locale) };
  const wrong = e.judge(value, locale);
  if (!wrong) return { result: 'correct', points: POINTS.correct, concept: e.concept, explanation: message('verdict-right', { answer: e.display }, locale) };
  const misconception = wrong.misconception;
  const base = { result: 'incorrect' as const, points: POINTS.wrong, concept: e.concept, explanation: wrong.explanation };
  return misconception ? { ...base, misconception } : base;
}

export function rightAnswer(q: Question, sim: Simulation, locale = 'en'): string | undefined {
  const e = expectedAnswer(q, sim, locale);
  return 'error' in e ? undefined : e.display;
}
