/**
 * Predict steps: the level runs its scenario, and each prediction is judged against what
 * the simulation then did — the trace is the only answer key.
 */
import { tcpStateNamed } from '../machines/tcp/types';
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
      if (!e || e.kind !== 'switch') return { error: message('too-few-switch-frames', { device: p.device, n: p.frame }, locale) };
      const d = e.decision;
      const display = d.action === 'flood' ? message('switch-flood-display', { ports: d.ports.join(', ') }, locale) : d.action === 'forward' ? d.port : message('switch-filter-display', {}, locale);
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
              : wrong(message('switch-flood-explain', { why: d.why, ports: d.ports.join(', ') }, locale));
          }
          if (d.action === 'forward') {
            if (said.length === 1 && said[0] === d.port.toLowerCase()) return undefined;
            if (saidFlood) return wrong(message('switch-floods-known-unicast', {}, locale), 'switch-floods-known-unicast');
            return wrong(message('switch-forward-explain', { port: d.port }, locale));
          }
          return said.some((s) => ['filter', 'drop', 'none', 'nowhere'].includes(s)) ? undefined : wrong(message('switch-filter-explain', { port: d.port }, locale));
        },
      };
    }
    case 'switch-learns': {
      const arrivals = trace.filter((x): x is FrameEvent => x.kind === 'frame' && x.to.device === p.device);
      const f = nth(arrivals, p.frame);
      if (!f) return { error: message('too-few-frames-received', { device: p.device, n: p.frame }, locale) };
      // The frame is processed when it has fully arrived: the learning, if any, follows its frame event.
      const next = trace.slice(trace.indexOf(f) + 1).find((x) => (x.kind === 'switch' || x.kind === 'mac-learned') && x.device === p.device);
      const isNew = next?.kind === 'mac-learned' && next.mac === f.frame.src;
      const display = isNew ? message('switch-learns-display', { mac: formatMac(f.frame.src), port: f.to.port }, locale) : message('switch-learns-nothing-display', {}, locale);
      return {
        display,
        concept: 'mac-learning',
        judge: (v) => {
          const said = text(v).toLowerCase();
          if (!isNew) return ['nothing', 'none', 'no'].includes(said) ? undefined : wrong(message('switch-already-knew', { mac: formatMac(f.frame.src), port: f.to.port }, locale));
          if (said === f.to.port.toLowerCase() || (said.includes(f.to.port.toLowerCase()) && said.includes(formatMac(f.frame.src)))) return undefined;
          return wrong(message('switch-learns-from-source', { mac: formatMac(f.frame.src), port: f.to.port }, locale));
        },
      };
    }
    case 'arp-target':
    case 'arp-responder': {
      const e = nth(trace.filter((x) => x.kind === 'arp-resolve' && x.device === p.device && x.attempt === 1), p.nth);
      if (!e || e.kind !== 'arp-resolve') return { error: message('too-few-arp-requests', { device: p.device, n: p.nth }, locale) };
      if (p.ask === 'arp-target') {
        const node = sim.host(p.device)!;
        return {
          display: `${formatIpv4(e.ip)} (${nameOf(sim, e.ip)})`,
          concept: 'arp',
          judge: (v) => {
            const ip = toIp(sim, v);
            if (ip === undefined) return wrong(message('arp-target-give-ip', {}, locale));
            if (ip === e.ip) return undefined;
            const mine = node.interfaces.find((i) => i.name === e.iface)?.address;
            if (mine && !sameSubnet(mine.address, ip, mine.prefix) && sameSubnet(mine.address, e.ip, mine.prefix)) {
              return wrong(message('arp-for-off-subnet-host', { dst: formatIpv4(ip), device: p.device, gateway: formatIpv4(e.ip) }, locale), 'arp-for-off-subnet-host');
            }
            if (ip === node.gateway) return wrong(message('arp-for-gateway-on-subnet', { dst: formatIpv4(e.ip), device: p.device }, locale), 'arp-for-gateway-on-subnet');
            return wrong(message('arp-target-next-hop', { device: p.device, ip: formatIpv4(e.ip) }, locale));
          },
        };
      }
      const reply = trace.slice(trace.indexOf(e)).find((x): x is FrameEvent => x.kind === 'frame' && x.parent === undefined && x.frame.payload.kind === 'arp' && x.frame.payload.op === 'reply' && x.frame.payload.senderIp === e.ip);
      const responder = reply ? reply.from.device : 'nobody';
      return {
        display: responder === 'nobody' ? message('arp-nobody-answers-display', {}, locale) : `${responder} (${formatIpv4(e.ip)})`,
        concept: 'arp',
        judge: (v) => {
          const said = text(v);
          if (responder === 'nobody') return ['nobody', 'none', 'no one'].includes(said.toLowerCase()) ? undefined : wrong(message('arp-responder-nobody', { ip: formatIpv4(e.ip) }, locale));
          if (said === responder || toIp(sim, v) === e.ip) return undefined;
          return wrong(message('arp-responder-owner', { ip: formatIpv4(e.ip), device: responder }, locale));
        },
      };
    }
    case 'next-hop': {
      const e = nth(trace.filter((x) => x.kind === 'route' && x.device === p.device), p.nth);
      if (!e || e.kind !== 'route') return { error: message('too-few-routed-packets', { device: p.device, n: p.nth }, locale) };
      return {
        display: message('next-hop-display', { ip: formatIpv4(e.nextHop), name: nameOf(sim, e.nextHop), connected: e.reason === 'same-subnet' }, locale),
        concept: 'routing',
        judge: (v) => (toIp(sim, v) === e.nextHop ? undefined : wrong(message('next-hop-explain', { route: `${formatIpv4(e.route.destination.network)}/${e.route.destination.prefix}`, nextHop: formatIpv4(e.nextHop) }, locale))),
      };
    }
    case 'ttl-after': {
      const e = nth(trace.filter((x) => x.kind === 'ttl' && x.device === p.device), p.nth);
      if (!e || e.kind !== 'ttl') return { error: message('too-few-forwarded-packets', { device: p.device, n: p.nth }, locale) };
      return {
        display: String(e.after),
        concept: 'ttl',
        judge: (v) => (Number(text(v)) === e.after ? undefined : wrong(message('ttl-explain', { before: e.before, after: e.after }, locale))),
      };
    }
    case 'tcp-segment':
      return tcpSegmentTruth(p, trace, locale);
    case 'tcp-state': {
      const e = nth(trace.filter((x) => x.kind === 'tcp' && x.device === p.device), p.nth);
      if (!e || e.kind !== 'tcp') return { error: message('too-few-tcp-events', { device: p.device, n: p.nth }, locale) };
      return {
        display: e.to,
        concept: 'tcp-states',
        // Read as the answer field reads it (tcpStateNamed), so a spelling the field lets through is never judged wrong for its spelling.
        judge: (v) => (tcpStateNamed(text(v)) === e.to ? undefined : wrong(message('sentence-end', { text: e.note }, locale))),
      };
    }
  }
}

function tcpSegmentTruth(p: Extract<Prediction, { ask: 'tcp-segment' }>, trace: readonly TraceEvent[], locale: string): Truth | { error: string } {
  const sent = trace.filter((x): x is FrameEvent => x.kind === 'frame' && x.parent === undefined && x.from.device === p.device && x.frame.payload.kind === 'ipv4' && x.frame.payload.payload.kind === 'tcp');
  const f = nth(sent, p.nth);
  if (!f || f.frame.payload.kind !== 'ipv4' || f.frame.payload.payload.kind !== 'tcp') return { error: message('too-few-tcp-segments', { device: p.device, n: p.nth }, locale) };
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
      if (!parsed) return wrong(message('tcp-segment-format', {}, locale));
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
        const why = prevSeg.flags.syn || prevSeg.flags.fin ? message('syn-fin-no-sequence', {}, locale) : message('tcp-data-advances', { bytes: prevSeg.data.length }, locale);
        return wrong(message('ack-equals-seq', { seq: prevSeg.seq, consumed, expected: s.ack, why }, locale), prevSeg.flags.syn || prevSeg.flags.fin ? 'syn-fin-no-sequence' : 'ack-equals-seq');
      }
      if (s.flags.fin && flagsRight && !seqRight) return wrong(message('teardown-seq-random', { expected: s.seq }, locale), 'teardown-seq-random');
      if (flagsRight) return { result: 'partly-correct', explanation: message('tcp-flags-right-numbers-wrong', { flags: flags.join(','), numbers: `seq=${s.seq}${s.flags.ack ? ` ack=${s.ack}` : ''}` }, locale) };
      return wrong(message('tcp-segment-is', { segment: display }, locale));
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
  if ('error' in t) return { result: 'incorrect', points: 0, concept: p.ask, explanation: message('prediction-cannot-be-judged', { error: t.error }, locale) };
  const w = t.judge(value);
  if (!w) return { result: 'correct', points: POINTS.correct, concept: t.concept, explanation: message('verdict-right', { answer: t.display }, locale) };
  return { ...w, concept: t.concept, points: w.result === 'partly-correct' ? POINTS.partly : POINTS.wrong };
}
