/**
 * Asking a drill: what the player sees, what they may type, and the check with a one-line
 * explanation when wrong. Plain TS; the practice screen renders a Question and sends it text.
 *
 * A drill with several answer fields (subnet: network, broadcast, first/last host, hosts, mask)
 * is asked as ONE sub-question chosen from its seed: a timed drill should take seconds, and the
 * same seed always asks the same thing (so a replayed session is the same session). Every
 * sub-question is typed: a choice is answered by its number or its words.
 *
 * Asked in the player's language (`ask(drill, locale)`: English, or Chinese for a zh locale);
 * words typed as answers (yes/no, nothing, a choice's words) are read in either language.
 */
import stringWidth from 'string-width';
import { formatIpv4, parseIpv4 } from '../net/address/ipv4';
import { networkAddress, parseCidr, parseMask, parseSubnet } from '../net/address/subnet';
import { LAYER_OF, layerNumber, normalizeTerm, OSI_LAYERS, OSI_LAYERS_ZH, TRANSPORT_FOR } from '../net/knowledge';
import { err, ok, type Result } from '../net/result';
import { TCP_FLAGS, tcpStateNamed, type TcpFlag, type TcpState } from '../machines/tcp/types';
import { seededRandom } from '../util/random';
import type { Drill, Topic } from './generators';
import type { MacAnswer, MacQuestion } from './mac-drill';
import type { TcpAnswer, TcpDrillEvent, TcpQuestion, WireSegment } from './tcp-drill';
import { language } from '../tui/say';
import { drillTerm, drillWords, WORDS, WORDS_ZH, type DrillWords } from './words';

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

/** An IPv4 address; the parser's message in English, what an address looks like in Chinese. */
function address(W: DrillWords) {
  return (s: string): Result<number, string> => {
    const v = parseIpv4(s);
    return v.ok ? v : err(W.badAddress({ error: v.error }));
  };
}

function wholeNumber(W: DrillWords, min: number, max: number) {
  return (s: string): Result<number, string> => (/^\d{1,10}$/.test(s) && Number(s) >= min && Number(s) <= max ? ok(Number(s)) : err(W.notANumber({ min, max })));
}

/** One of `choices`: its number, or its words (any case, extra spaces, hyphens), or an alias. */
function choice(W: DrillWords, choices: readonly string[], aliases: Record<string, number> = {}) {
  const norm = (s: string) => normalizeTerm(s).replace(/\s+/g, ' ');
  return (s: string): Result<number, string> => {
    if (/^\d+$/.test(s) && Number(s) >= 1 && Number(s) <= choices.length) return ok(Number(s) - 1);
    const t = norm(s);
    const i = choices.findIndex((c) => norm(c) === t);
    if (i >= 0) return ok(i);
    if (Object.hasOwn(aliases, t)) return ok(aliases[t]!);
    return err(W.notAChoice({ n: choices.length, choices: choices.join(W.listSep()) }));
  };
}

function choiceField(W: DrillWords, context: readonly string[], ask: string, choices: readonly string[], right: number, explanation: string, aliases: Record<string, number> = {}): Body {
  return field({ context, ask, placeholder: W.typeChoice({ n: choices.length }), choices }, choice(W, choices, aliases), (i) => i === right, choices[right]!, explanation);
}

/** Aliases for a choice's other wordings (its words in the other language, short forms): each list is in the choices' order. */
function aliasesOf(...lists: readonly (readonly string[])[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const list of lists) list.forEach((w, i) => (out[normalizeTerm(w).replace(/\s+/g, ' ')] = i));
  return out;
}

/** A choice's words in both languages, for aliases: `words(WORDS)` and `words(WORDS_ZH)`. */
function inBoth(words: (w: DrillWords) => readonly string[]): Record<string, number> {
  return aliasesOf(words(WORDS), words(WORDS_ZH));
}

/** Yes and no as a player types them: y/n, yes/no, 是/否 (and 对/不, 不是). */
const YES_NO = { ...inBoth((w) => [w.yes(), w.no()]), ...aliasesOf(['y', 'n'], ['对', '不'], ['是的', '不是']) };

/** Which sub-question a drill asks: from its own seed, so a replay asks the same. */
function subQuestion<T>(d: Drill, options: readonly T[]): T {
  return seededRandom((d.seed ^ 0x5bd1e995) | 0).pick(options);
}

// ---- per topic ---------------------------------------------------------------------------

function subnet(d: Drill, W: DrillWords): Body {
  const q = d.question as { address: string; prefix: number };
  const a = d.answer as { network: string; broadcast: string; firstHost: string; lastHost: string; hosts: number; mask: string };
  const p = { ...q, ...a, hostBits: 32 - q.prefix };
  const given = [W.subnetGiven(q)];
  const addr = (ask: string, expected: string, why: string): Body =>
    field({ context: given, ask, placeholder: W.typeAddress() }, address(W), (v) => formatIpv4(v as never) === expected, expected, why);
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
      return field({ context: given, ask: W.askHosts(), placeholder: W.typeNumber({ min: 1, max: 2 ** 24 }) }, wholeNumber(W, 0, 2 ** 32), (n) => n === a.hosts, String(a.hosts), W.whyHosts({ ...p, expected: a.hosts }));
    case 'mask':
      return field(
        { context: given, ask: W.askMask(), placeholder: W.typeAddress() },
        (s) => {
          const m = parseMask(s);
          return m.ok ? m : err(W.badMask({ error: m.error }));
        },
        (m) => formatIpv4(m as never) === a.mask,
        a.mask,
        W.whyMask({ ...p, expected: a.mask }),
      );
    case 'prefix':
      return field(
        { context: [W.maskGiven(a)], ask: W.askPrefix(), placeholder: W.typeNumber({ min: 0, max: 32 }) },
        (s) => wholeNumber(W, 0, 32)(s.replace(/^\//, '')),
        (n) => n === q.prefix,
        `/${q.prefix}`,
        W.whyPrefix({ mask: a.mask, expected: q.prefix }),
      );
  }
}

function sameSubnet(d: Drill, W: DrillWords): Body {
  const q = d.question as { a: string; b: string; prefix: number };
  const a = d.answer as { same: boolean; networkA: string; networkB: string };
  return choiceField(W, [W.sameGiven(q)], W.askSame(), [W.yes(), W.no()], a.same ? 0 : 1, W.whySame({ a: q.a, b: q.b, prefix: q.prefix, networkA: a.networkA, networkB: a.networkB }), YES_NO);
}

function binary(d: Drill, W: DrillWords): Body {
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
  return field({ context: [], ask: W.askToDecimal({ binary: bin }), placeholder: W.typeNumber({ min: 0, max: 255 }) }, wholeNumber(W, 0, 255), (n) => n === dec, String(dec), W.whyBinary({ binary: bin, sum: `${bitsSum(bin)} = ${dec}` }));
}

function vlsm(d: Drill, W: DrillWords): Body {
  const hosts = d.question.hosts as Record<string, number>;
  const subnets = (d.answer as { subnets: Record<string, string> }).subnets;
  const name = subQuestion(d, Object.keys(hosts));
  const needs = Object.entries(hosts).map(([n, h]) => `${n} ${h}`).join(', ');
  return field(
    { context: [W.vlsmGiven({ block: d.question.block as string, needs })], ask: W.askVlsm({ name, hosts: hosts[name]! }), placeholder: W.typeSubnet() },
    (s) => {
      const sn = parseSubnet(s);
      if (sn.ok) return ok(`${formatIpv4(sn.value.network)}/${sn.value.prefix}`);
      const c = parseCidr(s);
      return err(c.ok ? W.hostBitsSet({ error: sn.error, text: s, network: `${formatIpv4(networkAddress(c.value.address, c.value.prefix))}/${c.value.prefix}` }) : W.badSubnet({ error: sn.error }));
    },
    (s) => s === subnets[name],
    subnets[name]!,
    W.whyVlsm({ plan: Object.entries(subnets).map(([n, s]) => `${n} ${s}`).join(', ') }),
  );
}

const TRANSPORT_CHOICES = ['TCP', 'UDP'];

function ports(d: Drill, W: DrillWords): Body {
  if (typeof d.question.service === 'string') {
    const service = d.question.service;
    const a = d.answer as { port: number; transport: 'tcp' | 'udp' | 'both' };
    if (subQuestion(d, ['port', 'transport'] as const) === 'transport') {
      const choices = ['TCP', 'UDP', W.both()];
      const right = a.transport === 'both' ? 2 : a.transport === 'tcp' ? 0 : 1;
      return choiceField(W, [], W.askPortTransport({ service, port: a.port }), choices, right, W.whyPortTransport({ service, expected: a.transport === 'both' ? W.bothTcpUdp() : a.transport.toUpperCase() }), inBoth((w) => ['TCP', 'UDP', w.both()]));
    }
    return field({ context: [], ask: W.askPort({ service }), placeholder: W.typeNumber({ min: 0, max: 65535 }) }, wholeNumber(W, 0, 65535), (n) => n === a.port, String(a.port), W.whyPort({ service, expected: a.port }));
  }
  const port = d.question.port as number;
  const choices = [W.rangeWellKnown(), W.rangeRegistered(), W.rangeDynamic()];
  const aliases = { ...inBoth((w) => [w.rangeWellKnown(), w.rangeRegistered(), w.rangeDynamic()]), ...aliasesOf(['知名', '注册', '动态']), system: 0, user: 1, ephemeral: 2, private: 2, 临时端口: 2 };
  return choiceField(W, [], W.askRange({ port }), choices, ['well-known', 'registered', 'dynamic'].indexOf(d.answer.range as string), W.whyRange(), aliases);
}

function osi(d: Drill, W: DrillWords, locale: string): Body {
  const of = d.question.of as string;
  const a = d.answer as { layer: number; name: string };
  const zhLocale = language(locale) === 'zh-CN';
  const name = zhLocale ? (OSI_LAYERS_ZH[a.layer - 1] ?? a.name) : a.name;
  return field(
    { context: [], ask: W.askLayer({ of: drillTerm(of, locale) }), placeholder: W.typeNumber({ min: 1, max: 7 }) },
    (s) => {
      // "7 (application)" or "7（应用层）", as the right answer is shown, reads as 7.
      const t = s.replace(/\s*\(([a-z ]+)\)$/i, '').replace(/\s*[（(][\u4e00-\u9fff]+[）)]$/, '');
      const zh = OSI_LAYERS_ZH.findIndex((name) => name === t || name.replace(/层$/, '') === t);
      const n = zh >= 0 ? zh + 1 : layerNumber(t);
      return n === undefined ? err(W.notAChoice({ n: 7, choices: (zhLocale ? OSI_LAYERS_ZH : OSI_LAYERS).join(W.listSep()) })) : ok(n);
    },
    (n) => n === a.layer,
    W.layerAnswer({ layer: a.layer, name }),
    W.whyLayer({ layer: a.layer, name, of, why: (zhLocale ? LAYER_OF[of]?.zh : LAYER_OF[of]?.why) ?? '' }),
  );
}

function transport(d: Drill, W: DrillWords, locale: string): Body {
  const application = d.question.application as string;
  const t = (d.answer.transport as string).toUpperCase();
  const fact = TRANSPORT_FOR[application];
  const why = (language(locale) === 'zh-CN' ? fact?.zh : fact?.why) ?? '';
  return choiceField(W, [], W.askTransport({ application: drillTerm(application, locale) }), TRANSPORT_CHOICES, TRANSPORT_CHOICES.indexOf(t), W.whyTransport({ expected: t, why }));
}

function arp(d: Drill, W: DrillWords): Body {
  const q = d.question as { host: string; gateway: string; destination: string };
  const a = d.answer as { arpFor: string; why: 'same-subnet' | 'gateway' };
  // By role, not by address: the destination may be the gateway itself.
  const choices = [W.arpDestination(q), W.arpGateway(q)];
  const why = a.why === 'same-subnet' ? W.whyArpSame(q) : W.whyArpGateway(q);
  const byAddress = q.destination === q.gateway ? { [q.destination]: a.why === 'same-subnet' ? 0 : 1 } : { [q.destination]: 0, [q.gateway]: 1 };
  return choiceField(W, [W.arpHost(q), W.arpSends(q)], W.askArp(), choices, a.why === 'same-subnet' ? 0 : 1, why, { ...inBoth((w) => [w.arpDestination(q), w.arpGateway(q)]), destination: 0, 'the destination': 0, gateway: 1, 'the gateway': 1, 目的: 0, 目的主机: 0, 目的地址: 0, 网关: 1, 默认网关: 1, ...byAddress });
}

function nextHop(d: Drill, W: DrillWords): Body {
  const q = d.question as { destination: string; routes: { to: string; via: string }[] };
  const a = d.answer as { nextHop: string; route: string };
  const context = [W.routesGiven(), ...q.routes.map((r, i) => W.routeLine({ n: i + 1, to: r.to.padEnd(18), via: r.via }))];
  return field(
    { context, ask: W.askNextHop({ destination: q.destination }), placeholder: W.typeAddress() },
    (s) => {
      if (/^\d$/.test(s)) return Number(s) >= 1 && Number(s) <= q.routes.length ? ok(q.routes[Number(s) - 1]!.via) : err(W.notANumber({ min: 1, max: q.routes.length }));
      const v = address(W)(s);
      return v.ok ? ok(formatIpv4(v.value as never)) : v;
    },
    (via) => via === a.nextHop,
    a.nextHop,
    W.whyNextHop({ destination: q.destination, route: a.route, expected: a.nextHop }),
  );
}

function macLearning(d: Drill, W: DrillWords): Body {
  const q = d.question as unknown as MacQuestion;
  const a = d.answer as unknown as MacAnswer;
  const { src, dst, ingress } = q.frame;
  const entries = q.table.map((e) => `${e.mac.slice(-5)}→${e.port}`).join('  ');
  const context = [...(q.table.length ? [W.macTable(), `  ${entries}`] : [W.macTableEmpty()]), W.macFrame({ src: src.slice(-5), dst: dst === 'ff:ff:ff:ff:ff:ff' ? W.macBroadcast() : dst.slice(-5), ingress })];
  if (subQuestion(d, ['out', 'learn'] as const) === 'learn') {
    const learnChoices = (w: DrillWords) => [w.learnNew({ mac: src.slice(-5), port: ingress }), w.learnMove({ mac: src.slice(-5), port: ingress }), w.learnNothing(), ...(dst !== 'ff:ff:ff:ff:ff:ff' ? [w.learnDst({ mac: dst.slice(-5) })] : [])];
    const choices = learnChoices(W);
    const right = a.learned === null ? 2 : a.learned.movedFrom ? 1 : 0;
    const why =
      a.learned === null ? W.whyLearnNothing({ mac: src.slice(-5), port: ingress }) : a.learned.movedFrom ? W.whyLearnMove({ mac: src.slice(-5), from: a.learned.movedFrom, port: ingress }) : W.whyLearnNew({ mac: src.slice(-5), port: ingress });
    return choiceField(W, context, W.askLearn(), choices, right, why, inBoth(learnChoices));
  }
  const expected = a.ports.length ? a.ports.join(' ') : W.none();
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
      if (words.length === 1 && [...NOTHING, 'drop', 'filter', '丢弃'].includes(words[0]!)) return ok('');
      if (words.length === 1 && ['flood', 'all', '泛洪', '全部'].includes(words[0]!)) return ok(others.join(' '));
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

/** "Nothing" as a player types it, in either language. */
const NOTHING = ['none', 'nothing', '-', '无', '没有', '不发', '什么也不发'];

// ---- tcp ------------------------------------------------------------------------------

export function formatSegment(s: WireSegment): string {
  const nums = s.flags.includes('ACK') ? `seq=${s.seq} ack=${s.ack}` : `seq=${s.seq}`;
  return `${s.flags.join(',')} ${nums}${s.len > 0 ? ` len=${s.len}` : ''}`;
}

function describeEvent(e: TcpDrillEvent, W: DrillWords): string {
  if (e.kind === 'segment') return W.tcpArrives({ segment: formatSegment(e) });
  if (e.call === 'connect') return W.tcpConnect();
  if (e.call === 'send') return W.tcpSend({ len: e.len });
  return W.tcpClose();
}

/** "SYN,ACK 300 1001", "ack 1001 seq=300"? — flags as words, then seq and ack (or seq=…, ack=…). */
export function parseSegmentAnswer(s: string, locale?: string): Result<{ flags: TcpFlag[]; seq: number; ack: number } | null, string> {
  const W = drillWords(locale);
  const t = s.trim().toLowerCase();
  if ([...NOTHING, 'no', '否'].includes(t)) return ok(null);
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

export function parseTcpState(s: string, locale?: string): Result<TcpState, string> {
  const W = drillWords(locale);
  const state = tcpStateNamed(s.trim());
  return state ? ok(state) : err(W.notAState({ word: s.trim() }));
}

const MAX_LADDER = 7;

/** Pads to a number of terminal columns (a Chinese character takes two). */
function padColumns(s: string, n: number): string {
  return s + ' '.repeat(Math.max(0, n - stringWidth(s)));
}

function tcp(d: Drill, W: DrillWords, locale: string): Body {
  const q = d.question as unknown as TcpQuestion;
  const a = d.answer as unknown as TcpAnswer;
  const side = (x: TcpQuestion['you']) => (x === 'client' ? W.client() : W.server());
  const sideWidth = Math.max(6, stringWidth(W.client()), stringWidth(W.server()));
  // The arriving segment is the last of the history: show it once, in the "Now" line.
  const ladder = q.event.kind === 'segment' ? q.history.slice(0, -1) : q.history;
  const shown = ladder.slice(-MAX_LADDER);
  const context = [
    W.tcpYou({ you: side(q.you), iss: q.iss, state: q.state }),
    ...(ladder.length > shown.length ? [W.tcpEarlier({ n: ladder.length - shown.length })] : []),
    ...shown.map((s) => W.ladderLine({ from: padColumns(side(s.from), sideWidth), segment: formatSegment(s) })),
    W.tcpNow({ event: describeEvent(q.event, W) }),
  ];
  const askSend = a.send !== null ? subQuestion(d, ['send', 'send', 'state'] as const) === 'send' : subQuestion(d, ['send', 'state', 'state'] as const) === 'send';
  if (askSend) {
    const s = a.send;
    const expected = s ? `${s.flags.join(',')} ${s.seq}${s.flags.includes('ACK') ? ` ${s.ack}` : ''}` : W.nothing();
    const extra = s && s.len > 0 ? W.tcpCarries({ len: s.len }) : '';
    return field(
      { context, ask: W.askTcpSend(), placeholder: W.typeSegment() },
      (raw) => parseSegmentAnswer(raw, locale),
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
  const why = W.whyTcpState({ before: q.state, event: describeEvent(q.event, W), expected: a.state });
  return field({ context, ask: W.askTcpState(), placeholder: 'ESTABLISHED, FIN-WAIT-1, …' }, (raw) => parseTcpState(raw, locale), (st) => st === a.state, a.state, why);
}

const ASKERS: Record<Topic, (d: Drill, W: DrillWords, locale: string) => Body> = {
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

/** Asks a drill in the player's language (English by default); answers are read in both languages. */
export function ask(d: Drill, locale = 'en'): Question {
  return { topic: d.topic, ...ASKERS[d.topic](d, drillWords(locale), locale) };
}
