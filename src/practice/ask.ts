/**
 * Asking a drill: what the player sees, what they may type, and the check with a one-line
 * explanation when wrong. Plain TS; the practice screen renders a Question and sends it text.
 *
 * A drill with several answer fields (subnet: network, broadcast, first/last host, hosts, mask)
 * is asked as ONE sub-question chosen from its seed: a timed drill should take seconds, and the
 * same seed always asks the same thing (so a replayed session is the same session). Every
 * sub-question is typed: a choice is answered by its number or its words.
 */
import { formatIpv4, parseIpv4 } from '../net/address/ipv4';
import { parseMask, parseSubnet } from '../net/address/subnet';
import { LAYER_OF, layerNumber, normalizeTerm, OSI_LAYERS, TRANSPORT_FOR } from '../net/knowledge';
import { err, ok, type Result } from '../net/result';
import { TCP_FLAGS, tcpStateNamed, type TcpFlag, type TcpState } from '../machines/tcp/types';
import { seededRandom } from '../util/random';
import type { Drill, Topic } from './generators';
import type { MacAnswer, MacQuestion } from './mac-drill';
import type { TcpAnswer, TcpDrillEvent, TcpQuestion, WireSegment } from './tcp-drill';
import { WORDS as W } from './words';

export interface Verdict {
  readonly correct: boolean;
  /** The right answer, as the player would type it. */
  readonly expected: string;
  /** One line: why the right answer is right (shown when the player was wrong). */
  readonly explanation: string;
}

export interface Question {
  readonly topic: Topic;
  /** The situation, a few short lines. */
  readonly context: readonly string[];
  /** The one thing asked. */
  readonly ask: string;
  /** What to type, for the empty field. */
  readonly placeholder: string;
  /** Numbered options, when the answer is one of them (typing its number or its words picks it). */
  readonly choices?: readonly string[];
  /** Why this text cannot be an answer yet, or undefined when it can be checked. */
  validate(raw: string): string | undefined;
  /** Judges an answer; text that does not validate is wrong, with the problem as explanation. */
  check(raw: string): Verdict;
}

type Body = Omit<Question, 'topic'>;

/** A field whose text parses to a value, compared with the right one. */
function field<T>(base: Pick<Body, 'context' | 'ask' | 'placeholder' | 'choices'>, parse: (s: string) => Result<T, string>, right: (v: T) => boolean, expected: string, explanation: string): Body {
  return {
    ...base,
    validate: (raw) => {
      const p = parse(raw.trim());
      return p.ok ? undefined : p.error;
    },
    check: (raw) => {
      const p = parse(raw.trim());
      if (!p.ok) return { correct: false, expected, explanation: p.error };
      return { correct: right(p.value), expected, explanation };
    },
  };
}

const address = (s: string): Result<number, string> => parseIpv4(s);

function wholeNumber(min: number, max: number) {
  return (s: string): Result<number, string> => (/^\d{1,10}$/.test(s) && Number(s) >= min && Number(s) <= max ? ok(Number(s)) : err(W.notANumber({ min, max })));
}

/** One of `choices`: its number, or its words (any case, extra spaces, hyphens), or an alias. */
function choice(choices: readonly string[], aliases: Record<string, number> = {}) {
  const norm = (s: string) => normalizeTerm(s).replace(/\s+/g, ' ');
  return (s: string): Result<number, string> => {
    if (/^\d+$/.test(s) && Number(s) >= 1 && Number(s) <= choices.length) return ok(Number(s) - 1);
    const t = norm(s);
    const i = choices.findIndex((c) => norm(c) === t);
    if (i >= 0) return ok(i);
    if (Object.hasOwn(aliases, t)) return ok(aliases[t]!);
    return err(W.notAChoice({ n: choices.length, choices: choices.join(', ') }));
  };
}

function choiceField(context: readonly string[], ask: string, choices: readonly string[], right: number, explanation: string, aliases: Record<string, number> = {}): Body {
  return field({ context, ask, placeholder: W.typeChoice({ n: choices.length }), choices }, choice(choices, aliases), (i) => i === right, choices[right]!, explanation);
}

/** Which sub-question a drill asks: from its own seed, so a replay asks the same. */
function subQuestion<T>(d: Drill, options: readonly T[]): T {
  return seededRandom((d.seed ^ 0x5bd1e995) | 0).pick(options);
}

// ---- per topic ---------------------------------------------------------------------------

function subnet(d: Drill): Body {
  const q = d.question as { address: string; prefix: number };
  const a = d.answer as { network: string; broadcast: string; firstHost: string; lastHost: string; hosts: number; mask: string };
  const p = { ...q, ...a, hostBits: 32 - q.prefix };
  const given = [W.subnetGiven(q)];
  const addr = (ask: string, expected: string, why: string): Body =>
    field({ context: given, ask, placeholder: W.typeAddress() }, address, (v) => formatIpv4(v as never) === expected, expected, why);
  switch (subQuestion(d, ['network', 'broadcast', 'firstHost', 'lastHost', 'hosts', 'mask', 'prefix'] as const)) {
    case 'network':
      return addr(W.askNetwork(), a.network, W.whyNetwork(p));
    case 'broadcast':
      return addr(W.askBroadcast(), a.broadcast, W.whyBroadcast(p));
    case 'firstHost':
      return addr(W.askFirstHost(), a.firstHost, W.whyFirstHost({ ...p, expected: a.firstHost }));
    case 'lastHost':
      return addr(W.askLastHost(), a.lastHost, W.whyLastHost({ ...p, expected: a.lastHost }));
    case 'hosts':
      return field({ context: given, ask: W.askHosts(), placeholder: W.typeNumber({ min: 1, max: 2 ** 24 }) }, wholeNumber(0, 2 ** 32), (n) => n === a.hosts, String(a.hosts), W.whyHosts({ ...p, expected: a.hosts }));
    case 'mask':
      return field(
        { context: given, ask: W.askMask(), placeholder: W.typeAddress() },
        (s) => parseMask(s),
        (m) => formatIpv4(m as never) === a.mask,
        a.mask,
        W.whyMask({ ...p, expected: a.mask }),
      );
    case 'prefix':
      return field(
        { context: [W.maskGiven(a)], ask: W.askPrefix(), placeholder: W.typeNumber({ min: 0, max: 32 }) },
        (s) => wholeNumber(0, 32)(s.replace(/^\//, '')),
        (n) => n === q.prefix,
        `/${q.prefix}`,
        W.whyPrefix({ mask: a.mask, expected: q.prefix }),
      );
  }
}

function sameSubnet(d: Drill): Body {
  const q = d.question as { a: string; b: string; prefix: number };
  const a = d.answer as { same: boolean; networkA: string; networkB: string };
  return choiceField([W.sameGiven(q)], W.askSame(), [W.yes(), W.no()], a.same ? 0 : 1, W.whySame({ a: q.a, b: q.b, prefix: q.prefix, networkA: a.networkA, networkB: a.networkB }), { y: 0, n: 1 });
}

function binary(d: Drill): Body {
  const bitsSum = (bits: string) => [...bits].map((b, i) => (b === '1' ? 128 >> i : 0)).filter((v) => v > 0).join(' + ') || '0';
  if (typeof d.question.decimal === 'number') {
    const dec = d.question.decimal;
    const bin = d.answer.binary as string;
    return field(
      { context: [], ask: W.askToBinary({ decimal: dec }), placeholder: W.typeBits() },
      (s) => {
        const bits = s.replace(/[\s.]/g, '');
        return /^[01]{1,8}$/.test(bits) ? ok(parseInt(bits, 2)) : err(W.notBits());
      },
      (n) => n === dec,
      bin,
      W.whyBinary({ binary: bin, sum: `${bitsSum(bin)} = ${dec}` }),
    );
  }
  const bin = d.question.binary as string;
  const dec = d.answer.decimal as number;
  return field({ context: [], ask: W.askToDecimal({ binary: bin }), placeholder: W.typeNumber({ min: 0, max: 255 }) }, wholeNumber(0, 255), (n) => n === dec, String(dec), W.whyBinary({ binary: bin, sum: `${bitsSum(bin)} = ${dec}` }));
}

function vlsm(d: Drill): Body {
  const hosts = d.question.hosts as Record<string, number>;
  const subnets = (d.answer as { subnets: Record<string, string> }).subnets;
  const name = subQuestion(d, Object.keys(hosts));
  const needs = Object.entries(hosts).map(([n, h]) => `${n} ${h}`).join(', ');
  return field(
    { context: [W.vlsmGiven({ block: d.question.block as string, needs })], ask: W.askVlsm({ name, hosts: hosts[name]! }), placeholder: W.typeSubnet() },
    (s) => {
      const sn = parseSubnet(s);
      return sn.ok ? ok(`${formatIpv4(sn.value.network)}/${sn.value.prefix}`) : err(sn.error);
    },
    (s) => s === subnets[name],
    subnets[name]!,
    W.whyVlsm({ plan: Object.entries(subnets).map(([n, s]) => `${n} ${s}`).join(', ') }),
  );
}

const TRANSPORT_CHOICES = ['TCP', 'UDP'];

function ports(d: Drill): Body {
  if (typeof d.question.service === 'string') {
    const service = d.question.service;
    const a = d.answer as { port: number; transport: 'tcp' | 'udp' | 'both' };
    if (subQuestion(d, ['port', 'transport'] as const) === 'transport') {
      const choices = ['TCP', 'UDP', 'both'];
      return choiceField([], W.askPortTransport({ service, port: a.port }), choices, choices.indexOf(a.transport === 'both' ? 'both' : a.transport.toUpperCase()), W.whyPortTransport({ service, expected: a.transport === 'both' ? 'both TCP and UDP' : a.transport.toUpperCase() }));
    }
    return field({ context: [], ask: W.askPort({ service }), placeholder: W.typeNumber({ min: 0, max: 65535 }) }, wholeNumber(0, 65535), (n) => n === a.port, String(a.port), W.whyPort({ service, expected: a.port }));
  }
  const port = d.question.port as number;
  const choices = ['well-known', 'registered', 'dynamic'];
  return choiceField([], W.askRange({ port }), choices, choices.indexOf(d.answer.range as string), W.whyRange(), { system: 0, user: 1, ephemeral: 2, private: 2 });
}

function osi(d: Drill): Body {
  const of = d.question.of as string;
  const a = d.answer as { layer: number; name: string };
  return field(
    { context: [], ask: W.askLayer({ of }), placeholder: W.typeNumber({ min: 1, max: 7 }) },
    (s) => {
      // "7 (application)", as the right answer is shown, reads as 7.
      const n = layerNumber(s.replace(/\s*\(([a-z ]+)\)$/i, ''));
      return n === undefined ? err(W.notAChoice({ n: 7, choices: OSI_LAYERS.join(', ') })) : ok(n);
    },
    (n) => n === a.layer,
    `${a.layer} (${a.name})`,
    W.whyLayer({ ...a, of, why: LAYER_OF[of]?.why ?? '' }),
  );
}

function transport(d: Drill): Body {
  const application = d.question.application as string;
  const t = (d.answer.transport as string).toUpperCase();
  return choiceField([], W.askTransport({ application }), TRANSPORT_CHOICES, TRANSPORT_CHOICES.indexOf(t), W.whyTransport({ expected: t, why: TRANSPORT_FOR[application]?.why ?? '' }));
}

function arp(d: Drill): Body {
  const q = d.question as { host: string; gateway: string; destination: string };
  const a = d.answer as { arpFor: string; why: 'same-subnet' | 'gateway' };
  // By role, not by address: the destination may be the gateway itself.
  const choices = [W.arpDestination(q), W.arpGateway(q)];
  const why = a.why === 'same-subnet' ? W.whyArpSame(q) : W.whyArpGateway(q);
  const byAddress = q.destination === q.gateway ? { [q.destination]: a.why === 'same-subnet' ? 0 : 1 } : { [q.destination]: 0, [q.gateway]: 1 };
  return choiceField([W.arpHost(q), W.arpSends(q)], W.askArp(), choices, a.why === 'same-subnet' ? 0 : 1, why, { destination: 0, 'the destination': 0, gateway: 1, 'the gateway': 1, ...byAddress });
}

function nextHop(d: Drill): Body {
  const q = d.question as { destination: string; routes: { to: string; via: string }[] };
  const a = d.answer as { nextHop: string; route: string };
  const context = [W.routesGiven(), ...q.routes.map((r, i) => `  ${i + 1}. ${r.to.padEnd(18)} via ${r.via}`)];
  return field(
    { context, ask: W.askNextHop({ destination: q.destination }), placeholder: W.typeAddress() },
    (s) => {
      if (/^\d$/.test(s)) return Number(s) >= 1 && Number(s) <= q.routes.length ? ok(q.routes[Number(s) - 1]!.via) : err(W.notANumber({ min: 1, max: q.routes.length }));
      const v = parseIpv4(s);
      return v.ok ? ok(formatIpv4(v.value)) : err(v.error);
    },
    (via) => via === a.nextHop,
    a.nextHop,
    W.whyNextHop({ destination: q.destination, route: a.route, expected: a.nextHop }),
  );
}

function macLearning(d: Drill): Body {
  const q = d.question as unknown as MacQuestion;
  const a = d.answer as unknown as MacAnswer;
  const { src, dst, ingress } = q.frame;
  const entries = q.table.map((e) => `${e.mac.slice(-5)}→${e.port}`).join('  ');
  const context = [...(q.table.length ? [W.macTable(), `  ${entries}`] : [W.macTableEmpty()]), W.macFrame({ src: src.slice(-5), dst: dst === 'ff:ff:ff:ff:ff:ff' ? 'ff:ff (broadcast)' : dst.slice(-5), ingress })];
  if (subQuestion(d, ['out', 'learn'] as const) === 'learn') {
    const choices = [W.learnNew({ mac: src.slice(-5), port: ingress }), W.learnMove({ mac: src.slice(-5), port: ingress }), W.learnNothing()];
    if (dst !== 'ff:ff:ff:ff:ff:ff') choices.push(W.learnDst({ mac: dst.slice(-5) }));
    const right = a.learned === null ? 2 : a.learned.movedFrom ? 1 : 0;
    const why =
      a.learned === null ? W.whyLearnNothing({ mac: src.slice(-5), port: ingress }) : a.learned.movedFrom ? W.whyLearnMove({ mac: src.slice(-5), from: a.learned.movedFrom, port: ingress }) : W.whyLearnNew({ mac: src.slice(-5), port: ingress });
    return choiceField(context, W.askLearn(), choices, right, why);
  }
  const expected = a.ports.length ? a.ports.join(' ') : 'none';
  const why =
    a.action === 'forward'
      ? W.whyForward({ dst: dst.slice(-5), port: a.ports[0]! })
      : a.action === 'filter'
        ? W.whyFilter({ dst: dst.slice(-5), ingress })
        : W.whyFlood({ reason: dst === 'ff:ff:ff:ff:ff:ff' ? W.floodBroadcast() : W.floodUnknown({ dst: dst.slice(-5) }), ingress, ports: a.ports.join(' ') });
  const others = q.ports.filter((p) => p !== ingress);
  return field(
    { context, ask: W.askOut({ ports: `${q.ports[0]}–${q.ports.at(-1)}` }), placeholder: W.typePorts() },
    (s) => {
      const words = s.toLowerCase().split(/[\s,]+/).filter(Boolean);
      if (words.length === 1 && ['none', 'drop', 'filter', 'nothing', '-'].includes(words[0]!)) return ok('');
      if (words.length === 1 && ['flood', 'all'].includes(words[0]!)) return ok(others.join(' '));
      const out = new Set<string>();
      for (const w of words) {
        const port = /^\d+$/.test(w) ? `p${w}` : w;
        if (!q.ports.includes(port)) return err(W.notPorts({ word: w, ports: q.ports.join(' ') }));
        out.add(port);
      }
      if (out.size === 0) return err(W.notPorts({ word: s, ports: q.ports.join(' ') }));
      return ok(q.ports.filter((p) => out.has(p)).join(' '));
    },
    (ports) => ports === a.ports.join(' '),
    expected,
    why,
  );
}

// ---- tcp ------------------------------------------------------------------------------

export function formatSegment(s: WireSegment): string {
  const nums = s.flags.includes('ACK') ? `seq=${s.seq} ack=${s.ack}` : `seq=${s.seq}`;
  return `${s.flags.join(',')} ${nums}${s.len > 0 ? ` len=${s.len}` : ''}`;
}

function describeEvent(e: TcpDrillEvent): string {
  if (e.kind === 'segment') return W.tcpArrives({ segment: formatSegment(e) });
  if (e.call === 'connect') return W.tcpConnect();
  if (e.call === 'send') return W.tcpSend({ len: e.len });
  return W.tcpClose();
}

/** "SYN,ACK 300 1001", "ack 1001 seq=300"? — flags as words, then seq and ack (or seq=…, ack=…). */
export function parseSegmentAnswer(s: string): Result<{ flags: TcpFlag[]; seq: number; ack: number } | null, string> {
  const t = s.trim().toLowerCase();
  if (['nothing', 'none', '-', 'no'].includes(t)) return ok(null);
  const flags: TcpFlag[] = [];
  const named: { seq?: number; ack?: number } = {};
  const bare: number[] = [];
  for (const w of t.split(/[\s,+<>|]+/).filter(Boolean)) {
    const kv = /^(seq|ack)[=:](\d{1,10})$/.exec(w);
    if (kv) {
      named[kv[1] as 'seq' | 'ack'] = Number(kv[2]);
      continue;
    }
    if (/^\d{1,10}$/.test(w)) {
      bare.push(Number(w));
      continue;
    }
    const f = w.toUpperCase() as TcpFlag;
    if (!(TCP_FLAGS as readonly string[]).includes(f)) return err(W.unknownFlag({ word: w }));
    if (!flags.includes(f)) flags.push(f);
  }
  if (flags.length === 0) return err(W.noFlags());
  const seq = named.seq ?? bare.shift();
  const ack = named.ack ?? bare.shift();
  if (bare.length > 0) return err(W.tooManyNumbers());
  const wantsAck = flags.includes('ACK');
  if (seq === undefined || (wantsAck && ack === undefined)) return err(W.needNumbers({ n: wantsAck ? 2 : 1 }));
  if (seq > 0xffffffff || (ack ?? 0) > 0xffffffff) return err(W.notANumber({ min: 0, max: 0xffffffff }));
  return ok({ flags, seq, ack: ack ?? 0 });
}

export function parseTcpState(s: string): Result<TcpState, string> {
  const state = tcpStateNamed(s.trim());
  return state ? ok(state) : err(W.notAState({ word: s.trim() }));
}

const MAX_LADDER = 7;

function tcp(d: Drill): Body {
  const q = d.question as unknown as TcpQuestion;
  const a = d.answer as unknown as TcpAnswer;
  // The arriving segment is the last of the history: show it once, in the "Now" line.
  const ladder = q.event.kind === 'segment' ? q.history.slice(0, -1) : q.history;
  const shown = ladder.slice(-MAX_LADDER);
  const context = [
    W.tcpYou({ you: q.you, iss: q.iss, state: q.state }),
    ...(ladder.length > shown.length ? [W.tcpEarlier({ n: ladder.length - shown.length })] : []),
    ...shown.map((s) => `  ${s.from.padEnd(6)} → ${formatSegment(s)}`),
    W.tcpNow({ event: describeEvent(q.event) }),
  ];
  const askSend = a.send !== null ? subQuestion(d, ['send', 'send', 'state'] as const) === 'send' : subQuestion(d, ['send', 'state', 'state'] as const) === 'send';
  if (askSend) {
    const s = a.send;
    const expected = s ? `${s.flags.join(',')} ${s.seq}${s.flags.includes('ACK') ? ` ${s.ack}` : ''}` : W.nothing();
    const extra = s && s.len > 0 ? `; it carries the ${s.len} bytes` : '';
    return field(
      { context, ask: W.askTcpSend(), placeholder: W.typeSegment() },
      parseSegmentAnswer,
      (v) => {
        if (v === null || s === null) return v === s;
        // PSH is how the stack marks data; it is not what the drill teaches, so it may be left out.
        const f = (x: readonly TcpFlag[]) => x.filter((g) => g !== 'PSH').sort().join(',');
        return f(v.flags) === f(s.flags) && v.seq === s.seq && (!s.flags.includes('ACK') || v.ack === s.ack);
      },
      expected,
      s ? W.whyTcpSend({ expected: formatSegment(s), extra }) : W.whyTcpNothing(),
    );
  }
  const why = W.whyTcpState({ before: q.state, event: describeEvent(q.event), expected: a.state });
  return field({ context, ask: W.askTcpState(), placeholder: 'ESTABLISHED, FIN-WAIT-1, …' }, parseTcpState, (st) => st === a.state, a.state, why);
}

const ASKERS: Record<Topic, (d: Drill) => Body> = {
  subnet,
  'same-subnet': sameSubnet,
  binary,
  vlsm,
  ports,
  osi,
  transport,
  arp,
  'next-hop': nextHop,
  'mac-learning': macLearning,
  tcp,
};

export function ask(d: Drill): Question {
  return { topic: d.topic, ...ASKERS[d.topic](d) };
}
