import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { getShortestPaths } from '@xstate/graph';
import { ipv4 } from '../../../src/net/address/ipv4';
import { NEIGHBOR_STATES, neighborMachine, neighborStep, type NeighborEvent } from '../../../src/machines/arp/neighbor-machine';
import type { TraceEvent } from '../../../src/net/sim/trace';
import { lan } from '../../helpers/topologies';

const EVENTS: NeighborEvent[] = ['RESOLVE', 'CONFIRM', 'UPDATE', 'RETRY', 'GIVE_UP', 'REACHABLE_EXPIRED', 'DELAY_EXPIRED'].map((type) => ({ type }) as NeighborEvent);

describe('the ARP neighbour machine', () => {
  it('reaches every state from NONE', () => {
    const paths = getShortestPaths(neighborMachine, { events: EVENTS });
    const reached = new Set(paths.map((p) => String(p.state.value)));
    expect([...reached].sort()).toEqual([...NEIGHBOR_STATES].sort());
  });

  it('the table the simulator uses is the machine: every step agrees with a real actor', () => {
    for (const start of NEIGHBOR_STATES) {
      const path = getShortestPaths(neighborMachine, { events: EVENTS }).find((p) => p.state.value === start)!;
      for (const e of EVENTS) {
        const actor = createActor(neighborMachine).start();
        for (const s of path.steps) actor.send(s.event);
        expect(actor.getSnapshot().value).toBe(start);
        actor.send(e);
        const step = neighborStep(start, e.type);
        expect(actor.getSnapshot().value).toBe(step ? step.next : start);
      }
    }
  });

  it('resolution: INCOMPLETE queues and asks by broadcast; a reply makes it REACHABLE and sends what waited', () => {
    expect(neighborStep('NONE', 'RESOLVE')).toEqual({ next: 'INCOMPLETE', actions: ['queue', 'reset-tries', 'broadcast-request', 'start-retrans'] });
    expect(neighborStep('INCOMPLETE', 'CONFIRM')).toEqual({ next: 'REACHABLE', actions: ['flush', 'start-reachable'] });
    expect(neighborStep('INCOMPLETE', 'GIVE_UP')).toEqual({ next: 'FAILED', actions: ['fail-queued'] });
  });
});

const arpStates = (trace: readonly TraceEvent[], device: string) =>
  trace.filter((e) => e.kind === 'arp-state' && e.device === device).map((e) => e.kind === 'arp-state' && `${e.from}→${e.to}`);

describe('ARP neighbours in the engine', () => {
  it('an entry is REACHABLE when confirmed and counts as STALE once 30 s have passed without confirmation', () => {
    const sim = lan(2);
    sim.ping('pc1', ipv4('10.0.0.2'));
    sim.run({ untilNs: 29e9 });
    expect(arpStates(sim.trace, 'pc1')).toEqual(['INCOMPLETE→REACHABLE']);
    expect(sim.host('pc1')!.arpTable()[0]!.state).toBe('REACHABLE');
    sim.run({ untilNs: 31e9 });
    expect(sim.host('pc1')!.arpTable()[0]!.state).toBe('STALE');
  });

  it('using a STALE entry sends at once, then checks it: DELAY, and a unicast probe 5 s later', () => {
    const sim = lan(2);
    sim.ping('pc1', ipv4('10.0.0.2'), { count: 2, intervalNs: 40e9 });
    sim.run();
    expect(arpStates(sim.trace, 'pc1')).toEqual(['INCOMPLETE→REACHABLE', 'REACHABLE→STALE', 'STALE→DELAY', 'DELAY→PROBE', 'PROBE→REACHABLE']);
    const probe = sim.frames().find((f) => f.from.device === 'pc1' && f.frame.payload.kind === 'arp' && f.t > 40e9)!;
    // A probe goes to the MAC already known, not to everyone.
    expect(probe.frame.dst).toBe(sim.host('pc2')!.interfaces[0]!.mac);
    expect(sim.trace.filter((e) => e.kind === 'ping' && e.outcome.status === 'reply')).toHaveLength(2);
  });

  it('a neighbour that stops answering probes is FAILED, and the next packet starts over with a broadcast', () => {
    const sim = lan(2);
    sim.ping('pc1', ipv4('10.0.0.2'));
    sim.run();
    // pc2 leaves: its address is gone, so nobody answers for 10.0.0.2.
    sim.host('pc2')!.setAddress('eth0', undefined);
    sim.at(31e9 - sim.now, () => sim.ping('pc1', ipv4('10.0.0.2'), { count: 2, intervalNs: 20e9 }));
    sim.run();
    expect(arpStates(sim.trace, 'pc1').slice(1)).toEqual(['REACHABLE→STALE', 'STALE→DELAY', 'DELAY→PROBE', 'PROBE→FAILED', 'FAILED→INCOMPLETE', 'INCOMPLETE→FAILED']);
  });
});
