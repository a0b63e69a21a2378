/**
 * Goals are checked by running the simulation on the player's network, each on a fresh
 * copy so one goal's ARP entries or learned MACs never help another. Any configuration
 * that really meets them wins.
 */
import { formatIpv4 } from '../net/address/ipv4';
import { L2Domains, tracePath } from '../net/sim/reachability';
import type { Simulation } from '../net/sim/simulation';
import { settle } from './settle';
import { resolveTarget } from '../levels/build';
import type { Goal } from '../levels/schema';
import { describeOutcome } from './explain';

export interface GoalResult {
  readonly goal: Goal;
  readonly met: boolean;
  /** What happened, in words: why a goal holds or fails. */
  readonly detail: string;
}

export function describeGoal(g: Goal): string {
  if ('ping' in g) return `${g.ping.from} can ping ${g.ping.to}`;
  if ('no-ping' in g) return `${g['no-ping'].from} must not reach ${g['no-ping'].to}`;
  if ('udp' in g) return `${g.udp.from} delivers a UDP datagram to ${g.udp.to} port ${g.udp.port}`;
  if ('tcp' in g) return `${g.tcp.from} completes a TCP connection to ${g.tcp.to}:${g.tcp.port}${g.tcp.close ? ' and closes it' : ''}`;
  return 'every question is answered correctly';
}

/** Runs one goal on `sim`, a fresh network with the player's configuration applied. */
export function checkGoal(sim: Simulation, g: Goal, answersRight: boolean): GoalResult {
  if ('answers' in g) return { goal: g, met: answersRight, detail: answersRight ? 'all answers are right' : 'not every question is answered correctly yet' };
  const spec = 'ping' in g ? g.ping : 'no-ping' in g ? g['no-ping'] : 'udp' in g ? g.udp : g.tcp;
  const dst = resolveTarget(sim, spec.to);
  if (!dst.ok) return { goal: g, met: 'no-ping' in g, detail: dst.error };
  const from = sim.host(spec.from);
  if (!from) return { goal: g, met: false, detail: `no device ${spec.from}` };
  const path = () => {
    const p = tracePath(new L2Domains(sim), from, dst.value);
    return p.ok ? '' : ` (${p.why})`;
  };

  if ('ping' in g || 'no-ping' in g) {
    const session = from.ping(dst.value, { count: 1 });
    settle(sim, 200_000);
    const outcome = session.outcomes.get(1);
    const replied = outcome?.status === 'reply';
    const what = outcome ? describeOutcome(outcome) : 'nothing happened';
    if ('ping' in g) return { goal: g, met: replied, detail: replied ? `reply from ${formatIpv4(dst.value)}` : `${what}${path()}` };
    return { goal: g, met: !replied, detail: replied ? `${spec.from} still gets replies from ${spec.to}` : `no reply: ${what}` };
  }
  if ('udp' in g) {
    const target = sim.devices.find((d) => sim.host(d.name)?.ownsAddress(dst.value));
    const host = target ? sim.host(target.name) : undefined;
    const before = host?.udpReceived.length ?? 0;
    const sent = from.sendUdp(dst.value, g.udp.port, new Uint8Array(32));
    if (!sent.ok) return { goal: g, met: false, detail: sent.error };
    settle(sim, 200_000);
    const got = host !== undefined && host.udpReceived.length > before;
    return { goal: g, met: got, detail: got ? `delivered to ${host!.name} port ${g.udp.port}` : `the datagram did not arrive${path()}` };
  }
  const c = from.tcp.connect(dst.value, g.tcp.port, { app: { send: 0, close: g.tcp.close } });
  if (!c.ok) return { goal: g, met: false, detail: c.error };
  settle(sim, 500_000);
  const events = sim.trace.filter((e) => e.kind === 'tcp' && e.device === spec.from && e.local === `${formatIpv4(c.value.ip)}:${c.value.port}`);
  const established = events.some((e) => e.kind === 'tcp' && e.to === 'ESTABLISHED');
  const closed = events.some((e) => e.kind === 'tcp' && (e.to === 'TIME-WAIT' || (e.to === 'CLOSED' && e.from !== 'SYN-SENT')));
  const lastError = [...events].reverse().find((e) => e.kind === 'tcp' && e.error)?.kind === 'tcp' ? ([...events].reverse().find((e) => e.kind === 'tcp' && e.error) as { error?: string }).error : undefined;
  if (!established) return { goal: g, met: false, detail: `the handshake did not complete${lastError ? `: ${lastError}` : ''}${path()}` };
  if (g.tcp.close && !closed) return { goal: g, met: false, detail: 'the connection opened but did not close' };
  return { goal: g, met: true, detail: g.tcp.close ? 'handshake, then the four-way teardown' : 'the three-way handshake completed' };
}
