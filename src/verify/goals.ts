/**
 * Goals are checked by running the simulation on the player's network, each on a fresh
 * copy so one goal's ARP entries or learned MACs never help another. Any configuration
 * that really meets them wins.
 */
import { formatIpv4 } from '../net/address/ipv4';
import { L2Domains, tracePath } from '../net/sim/reachability';
import type { Simulation } from '../net/sim/simulation';
import { formatEndpoint } from '../net/sim/tcp-stack';
import type { TraceEvent } from '../net/sim/trace';

type TcpTraceEvent = Extract<TraceEvent, { kind: 'tcp' }>;
import { settle } from './settle';
import { resolveTarget } from '../levels/build';
import type { Goal } from '../levels/schema';
import { describeOutcome } from './explain';
import { message } from './messages';

export interface GoalResult {
  readonly goal: Goal;
  readonly met: boolean;
  /** What happened, in words: why a goal holds or fails. */
  readonly detail: string;
}

export function describeGoal(g: Goal, locale = 'en'): string {
  if ('ping' in g) return message('goal-ping', { from: g.ping.from, to: g.ping.to }, locale);
  if ('no-ping' in g) return message('goal-no-ping', { from: g['no-ping'].from, to: g['no-ping'].to }, locale);
  if ('udp' in g) return message('goal-udp', { from: g.udp.from, to: g.udp.to, port: g.udp.port }, locale);
  if ('tcp' in g) return message('goal-tcp', { from: g.tcp.from, to: g.tcp.to, port: g.tcp.port, close: !!g.tcp.close }, locale);
  return message('goal-answers', {}, locale);
}

/** Runs one goal on `sim`, a fresh network with the player's configuration applied. */
export function checkGoal(sim: Simulation, g: Goal, answersRight: boolean, locale = 'en'): GoalResult {
  if ('answers' in g) return { goal: g, met: answersRight, detail: message(answersRight ? 'goal-answers-right' : 'goal-answers-not-yet', {}, locale) };
  const spec = 'ping' in g ? g.ping : 'no-ping' in g ? g['no-ping'] : 'udp' in g ? g.udp : g.tcp;
  const dst = resolveTarget(sim, spec.to);
  if (!dst.ok) return { goal: g, met: 'no-ping' in g, detail: dst.error };
  const from = sim.host(spec.from);
  if (!from) return { goal: g, met: false, detail: message('no-device', { device: spec.from }, locale) };
  const path = () => {
    const p = tracePath(new L2Domains(sim), from, dst.value);
    return p.ok ? '' : message('path-why', { why: p.why }, locale);
  };

  if ('ping' in g || 'no-ping' in g) {
    const session = from.ping(dst.value, { count: 1 });
    settle(sim, 200_000);
    const outcome = session.outcomes.get(1);
    const replied = outcome?.status === 'reply';
    const what = outcome ? describeOutcome(outcome, locale) : message('nothing-happened', {}, locale);
    if ('ping' in g) return { goal: g, met: replied, detail: replied ? message('ping-reply-from', { from: formatIpv4(dst.value) }, locale) : `${what}${path()}` };
    return { goal: g, met: !replied, detail: replied ? message('goal-still-gets-replies', { from: spec.from, to: spec.to }, locale) : message('goal-no-reply', { what }, locale) };
  }
  if ('udp' in g) {
    const target = sim.devices.find((d) => sim.host(d.name)?.ownsAddress(dst.value));
    const host = target ? sim.host(target.name) : undefined;
    const before = host?.udpReceived.length ?? 0;
    const sent = from.sendUdp(dst.value, g.udp.port, new Uint8Array(32));
    if (!sent.ok) return { goal: g, met: false, detail: sent.error };
    settle(sim, 200_000);
    const got = host !== undefined && host.udpReceived.length > before;
    return { goal: g, met: got, detail: got ? message('goal-udp-delivered', { device: host!.name, port: g.udp.port }, locale) : message('goal-udp-not-arrived', { path: path() }, locale) };
  }
  const c = from.tcp.connect(dst.value, g.tcp.port, { app: { send: 0, close: g.tcp.close } });
  if (!c.ok) return { goal: g, met: false, detail: c.error };
  settle(sim, 500_000);
  const local = formatEndpoint(c.value);
  const events = sim.trace.filter((e): e is TcpTraceEvent => e.kind === 'tcp' && e.device === spec.from && e.local === local);
  const established = events.some((e) => e.to === 'ESTABLISHED');
  const closed = events.some((e) => e.to === 'TIME-WAIT' || (e.to === 'CLOSED' && e.from !== 'SYN-SENT'));
  const lastError = events.findLast((e) => e.error !== undefined)?.error;
  if (!established) return { goal: g, met: false, detail: message('goal-tcp-no-handshake', { error: lastError ?? '', path: path() }, locale) };
  if (g.tcp.close && !closed) return { goal: g, met: false, detail: message('goal-tcp-not-closed', {}, locale) };
  return { goal: g, met: true, detail: message(g.tcp.close ? 'goal-tcp-teardown' : 'goal-tcp-handshake', {}, locale) };
}
