/**
 * Predict steps: the level runs its scenario, and each prediction is judged against what
 * the simulation then did — the trace is the only answer key.
 */
import { formatIpv4, parseIpv4, type Ipv4 } from '../net/address/ipv4';
import { formatMac } from '../net/address/mac';
import { sameSubnet } from '../net/address/subnet';
import type { Simulation } from '../net/sim/simulation';
import { settle } from './settle';
import type { FrameEvent, TraceEvent } from '../net/sim/trace';
import { resolveTarget } from '../levels/build';
import type { LevelFile, Prediction } from '../levels/schema';
import { message } from './messages';
import { POINTS, type Verdict } from './verdict';

export type PredictValue = string | number | readonly string[];

/** Runs the level's scenario on `sim`, one item after another, to quiescence. */
export function runScenario(sim: Simulation, scenario: LevelFile['scenario']): void {
  for (const item of scenario) {
    if ('ping' in item) {
      const dst = resolveTarget(sim, item.ping.to);
      if (dst.ok) sim.host(item.ping.from)?.ping(dst.value, { count: 1 });
    } else if ('udp' in item) {
      const dst = resolveTarget(sim, item.udp.to);
      if (dst.ok) sim.host(item.udp.from)?.sendUdp(dst.value, item.udp.port, new Uint8Array(32));
    } else {
      const dst = resolveTarget(sim, item.tcp.to);
      if (dst.ok) sim.host(item.tcp.from)?.tcp.connect(dst.value, item.tcp.port, { app: { send: item.tcp.send, close: item.tcp.close }, ...(item.tcp.iss !== undefined ? { iss: item.tcp.iss } : {}) });
    }
    settle(sim, 500_000);
  }
}

/** The true value of a prediction, read from the trace, with how to show it. */
export interface Truth {
  readonly display: string;
  readonly concept: string;
  judge(value: PredictValue): Omit<Verdict, 'points' | 'concept'> | undefined;
}

const nth = <T>(xs: readonly T[], n: number): T | undefined => xs[n - 1];
const text = (v: PredictValue): string => (Array.isArray(v) ? v.join(',') : String(v)).trim();
const list = (v: PredictValue): string[] => (Array.isArray(v) ? [...v] : String(v).split(/[\s,]+/)).map((s) => s.trim()).filter(Boolean);

function toIp(sim: Simulation, v: PredictValue): Ipv4 | undefined {
  const t = text(v);
  const ip = parseIpv4(t);
  if (ip.ok) return ip.value;
  const d = resolveTarget(sim, t);
  return d.ok ? d.value : undefined;
}

function nameOf(sim: Simulation, ip: Ipv4): string {
  return sim.devices.find((d) => sim.host(d.name)?.ownsAddress(ip))?.name ?? formatIpv4(ip);
}

const wrong = (explanation: string, misconception?: string): Omit<Verdict, 'points' | 'concept'> =>
  misconception ? { result: 'incorrect', explanation, misconception } : { result: 'incorrect', explanation };

export function truthOf(p: Prediction, sim: Simulation, trace: readonly TraceEvent[], locale = 'en'): Truth | { error: string } {
  switch (p.ask) {
    case 'switch-forward': {
      const e = nth(trace.filter((x) => x.kind === 'switch' && x.device === p.device), p.frame);
      if (!e || e.kind !== 'switch') return { error: `${p.device} handles fewer than ${p.frame} frames in this scenario` };
      const d = e.decision;
      const display = d.action === 'flood' ? `flood (out ${d.ports.join(', ')})` : d.action === 'forward' ? d.port : 'filter (drop it)';
      return {
        display,
        concept: 'switch-forwarding',
        judge: (v) => {
          const said = list(v).map((s) => s.toLowerCase());
          const saidFlood = said.includes('flood') || said.includes('all');
          if (d.action === 'flood') {
            if (saidFlood || (said.length === d.ports.length && d.ports.every((x) => said.includes(x.toLowerCase())))) return undefined;
            return d.why === 'unknown-destination'
              ? wrong(message('switch-forwards-unknown', {}, locale), 'switch-forwards-unknown')
              : wrong(`A ${d.why} frame goes out every port except the one it came in on: ${d.ports.join(', ')}.`);
          }
          if (d.action === 'forward') {
            if (said.length === 1 && said[0] === d.port.toLowerCase()) return undefined;
            if (saidFlood) return wrong(message('switch-floods-known-unicast', {}, locale), 'switch-floods-known-unicast');
            return wrong(`The switch learned that MAC on ${d.port}, so it forwards out ${d.port} only.`);
          }
          return said.some((s) => ['filter', 'drop', 'none', 'nowhere'].includes(s)) ? undefined : wrong(`The destination is on ${d.port}, the very port the frame came from: the switch filters (drops) it.`);
        },
      };
    }
    case 'switch-learns': {
      const arrivals = trace.filter((x): x is FrameEvent => x.kind === 'frame' && x.to.device === p.device);
      const f = nth(arrivals, p.frame);
      if (!f) return { error: `${p.device} receives fewer than ${p.frame} frames in this scenario` };
      // The frame is processed when it has fully arrived: the learning, if any, follows its frame event.
      const next = trace.slice(trace.indexOf(f) + 1).find((x) => (x.kind === 'switch' || x.kind === 'mac-learned') && x.device === p.device);
      const isNew = next?.kind === 'mac-learned' && next.mac === f.frame.src;
      const display = isNew ? `${formatMac(f.frame.src)} is on ${f.to.port}` : 'nothing new (it already knew that MAC on that port)';
      return {
        display,
        concept: 'mac-learning',
        judge: (v) => {
          const said = text(v).toLowerCase();
          if (!isNew) return ['nothing', 'none', 'no'].includes(said) ? undefined : wrong(`The switch already had ${formatMac(f.frame.src)} on ${f.to.port}; it only refreshes the entry's age.`);
          if (said === f.to.port.toLowerCase() || (said.includes(f.to.port.toLowerCase()) && said.includes(formatMac(f.frame.src)))) return undefined;
          return wrong(`A switch learns from the source address: ${formatMac(f.frame.src)} came in on ${f.to.port}. (It never learns from the destination.)`);
        },
      };
    }
    case 'arp-target':
    case 'arp-responder': {
      const e = nth(trace.filter((x) => x.kind === 'arp-resolve' && x.device === p.device && x.attempt === 1), p.nth);
      if (!e || e.kind !== 'arp-resolve') return { error: `${p.device} sends fewer than ${p.nth} ARP requests in this scenario` };
      if (p.ask === 'arp-target') {
        const node = sim.host(p.device)!;
        return {
          display: `${formatIpv4(e.ip)} (${nameOf(sim, e.ip)})`,
          concept: 'arp',
          judge: (v) => {
            const ip = toIp(sim, v);
            if (ip === undefined) return wrong('Give the IP address (or the device) the ARP request asks about.');
            if (ip === e.ip) return undefined;
            const mine = node.interfaces.find((i) => i.name === e.iface)?.address;
            if (mine && !sameSubnet(mine.address, ip, mine.prefix) && sameSubnet(mine.address, e.ip, mine.prefix)) {
              return wrong(message('arp-for-off-subnet-host', { dst: formatIpv4(ip), device: p.device, gateway: formatIpv4(e.ip) }, locale), 'arp-for-off-subnet-host');
            }
            if (ip === node.gateway) return wrong(message('arp-for-gateway-on-subnet', { dst: formatIpv4(e.ip), device: p.device }, locale), 'arp-for-gateway-on-subnet');
            return wrong(`${p.device} asks for the MAC of its next hop, ${formatIpv4(e.ip)}.`);
          },
        };
      }
      const reply = trace.slice(trace.indexOf(e)).find((x): x is FrameEvent => x.kind === 'frame' && x.parent === undefined && x.frame.payload.kind === 'arp' && x.frame.payload.op === 'reply' && x.frame.payload.senderIp === e.ip);
      const responder = reply ? reply.from.device : 'nobody';
      return {
        display: responder === 'nobody' ? 'nobody answers' : `${responder} (${formatIpv4(e.ip)})`,
        concept: 'arp',
        judge: (v) => {
          const said = text(v);
          if (responder === 'nobody') return ['nobody', 'none', 'no one'].includes(said.toLowerCase()) ? undefined : wrong(`Nobody on that link has ${formatIpv4(e.ip)}, so the request goes unanswered (and is retried).`);
          if (said === responder || toIp(sim, v) === e.ip) return undefined;
          return wrong(`Every host hears the broadcast, but only the owner of ${formatIpv4(e.ip)} — ${responder} — answers, with a unicast reply.`);
        },
      };
    }
    case 'next-hop': {
      const e = nth(trace.filter((x) => x.kind === 'route' && x.device === p.device), p.nth);
      if (!e || e.kind !== 'route') return { error: `${p.device} routes fewer than ${p.nth} packets in this scenario` };
      return {
        display: `${formatIpv4(e.nextHop)} (${nameOf(sim, e.nextHop)})${e.reason === 'same-subnet' ? ', the destination itself: it is on a connected subnet' : ''}`,
        concept: 'routing',
        judge: (v) => (toIp(sim, v) === e.nextHop ? undefined : wrong(`The longest matching route is ${formatIpv4(e.route.destination.network)}/${e.route.destination.prefix}: next hop ${formatIpv4(e.nextHop)}.`)),
      };
    }
    case 'ttl-after': {
      const e = nth(trace.filter((x) => x.kind === 'ttl' && x.device === p.device), p.nth);
      if (!e || e.kind !== 'ttl') return { error: `${p.device} forwards fewer than ${p.nth} packets in this scenario` };
      return {
        display: String(e.after),
        concept: 'ttl',
        judge: (v) => (Number(text(v)) === e.after ? undefined : wrong(`Each router lowers the TTL by one: ${e.before} − 1 = ${e.after}.`)),
      };
    }
    case 'tcp-segment':
      return tcpSegmentTruth(p, trace, locale);
    case 'tcp-state': {
      const e = nth(trace.filter((x) => x.kind === 'tcp' && x.device === p.device), p.nth);
      if (!e || e.kind !== 'tcp') return { error: `${p.device} has fewer than ${p.nth} TCP events in this scenario` };
      return {
        display: e.to,
        concept: 'tcp-states',
        judge: (v) => (text(v).toUpperCase().replace(/_/g, '-').replace(/\s+/g, '-') === e.to ? undefined : wrong(`${e.note}.`)),
      };
    }
  }
}

function tcpSegmentTruth(p: Extract<Prediction, { ask: 'tcp-segment' }>, trace: readonly TraceEvent[], locale: string): Truth | { error: string } {
  const sent = trace.filter((x): x is FrameEvent => x.kind === 'frame' && x.parent === undefined && x.from.device === p.device && x.frame.payload.kind === 'ipv4' && x.frame.payload.payload.kind === 'tcp');
  const f = nth(sent, p.nth);
  if (!f || f.frame.payload.kind !== 'ipv4' || f.frame.payload.payload.kind !== 'tcp') return { error: `${p.device} sends fewer than ${p.nth} TCP segments in this scenario` };
  const s = f.frame.payload.payload;
  const flags = (['syn', 'fin', 'rst', 'psh', 'ack'] as const).filter((k) => s.flags[k]).map((k) => k.toUpperCase());
  const display = `${flags.join(',')} seq=${s.seq}${s.flags.ack ? ` ack=${s.ack}` : ''}`;
  // The segment this one answers: the last TCP segment the device received before sending it.
  const before = trace.slice(0, trace.indexOf(f)).filter((x): x is FrameEvent => x.kind === 'frame' && x.to.device === p.device && x.frame.payload.kind === 'ipv4' && x.frame.payload.payload.kind === 'tcp');
  const prev = before.at(-1);
  const prevSeg = prev && prev.frame.payload.kind === 'ipv4' && prev.frame.payload.payload.kind === 'tcp' ? prev.frame.payload.payload : undefined;
  return {
    display,
    concept: 'tcp-segments',
    judge: (v) => {
      const parsed = parseSegmentGuess(text(v));
      if (!parsed) return wrong('Write the segment like "SYN,ACK seq=5000 ack=1001" (flags, then seq, then ack when ACK is set).');
      const flagsRight = parsed.flags.length === flags.length && flags.every((x) => parsed.flags.includes(x));
      const seqRight = parsed.seq === s.seq;
      const ackRight = !s.flags.ack || parsed.ack === s.ack;
      if (flagsRight && seqRight && ackRight) return undefined;
      if (parsed.flags.includes('SYN') && !s.flags.syn && prevSeg?.flags.syn && prevSeg.flags.ack) return wrong(message('syn-on-third-segment', {}, locale), 'syn-on-third-segment');
      if (parsed.flags.includes('FIN') && !s.flags.fin && prevSeg?.flags.fin) {
        const sentFinBefore = trace.slice(0, trace.indexOf(f)).some((x) => x.kind === 'frame' && x.parent === undefined && x.from.device === p.device && x.frame.payload.kind === 'ipv4' && x.frame.payload.payload.kind === 'tcp' && x.frame.payload.payload.flags.fin);
        return sentFinBefore ? wrong(message('fin-in-last-ack', {}, locale), 'fin-in-last-ack') : wrong(message('fin-in-second-teardown', {}, locale), 'fin-in-second-teardown');
      }
      if (s.flags.ack && prevSeg && parsed.ack === prevSeg.seq && s.ack !== prevSeg.seq) {
        const consumed = prevSeg.data.length + (prevSeg.flags.syn ? 1 : 0) + (prevSeg.flags.fin ? 1 : 0);
        const why = prevSeg.flags.syn || prevSeg.flags.fin ? message('syn-fin-no-sequence', {}, locale) : `The ${prevSeg.data.length} data bytes advance it.`;
        return wrong(message('ack-equals-seq', { seq: prevSeg.seq, consumed, expected: s.ack, why }, locale), prevSeg.flags.syn || prevSeg.flags.fin ? 'syn-fin-no-sequence' : 'ack-equals-seq');
      }
      if (s.flags.fin && flagsRight && !seqRight) return wrong(message('teardown-seq-random', { expected: s.seq }, locale), 'teardown-seq-random');
      if (flagsRight) return { result: 'partly-correct', explanation: `The flags are right (${flags.join(',')}); the numbers are seq=${s.seq}${s.flags.ack ? ` ack=${s.ack}` : ''}.` };
      return wrong(`The segment is ${display}.`);
    },
  };
}

/** "SYN, ACK seq=5000 ack=1001" → its parts; undefined when it cannot be read. */
export function parseSegmentGuess(t: string): { flags: string[]; seq?: number; ack?: number } | undefined {
  const m = /^\s*([A-Za-z, +]+?)\s*(?:seq\s*=\s*(\d+))?\s*(?:ack\s*=\s*(\d+))?\s*$/.exec(t);
  if (!m) return undefined;
  const flags = m[1]!.toUpperCase().split(/[\s,+]+/).filter(Boolean);
  if (flags.some((f) => !['SYN', 'FIN', 'RST', 'PSH', 'ACK'].includes(f))) return undefined;
  return { flags, ...(m[2] ? { seq: Number(m[2]) } : {}), ...(m[3] ? { ack: Number(m[3]) } : {}) };
}

export function judgePrediction(p: Prediction, sim: Simulation, trace: readonly TraceEvent[], value: PredictValue, locale = 'en'): Verdict {
  const t = truthOf(p, sim, trace, locale);
  if ('error' in t) return { result: 'incorrect', points: 0, concept: p.ask, explanation: `This prediction cannot be judged: ${t.error}.` };
  const w = t.judge(value);
  if (!w) return { result: 'correct', points: POINTS.correct, concept: t.concept, explanation: `Right: ${t.display}.` };
  return { ...w, concept: t.concept, points: w.result === 'partly-correct' ? POINTS.partly : POINTS.wrong };
}
