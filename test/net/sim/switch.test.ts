import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ipv4 } from '../../../src/net/address/ipv4';
import { formatMac } from '../../../src/net/address/mac';
import type { FrameEvent, TraceEvent } from '../../../src/net/sim/trace';
import { lan } from '../../helpers/topologies';

const switchEvents = (trace: readonly TraceEvent[]) => trace.filter((e) => e.kind === 'switch');

describe('a learning switch', () => {
  it('floods the first frame (an ARP broadcast) out every port but the one it came in on', () => {
    const sim = lan(4);
    sim.ping('pc1', ipv4('10.0.0.2'));
    sim.run();
    const first = switchEvents(sim.trace)[0]!;
    expect(first.kind === 'switch' && first.decision).toEqual({ action: 'flood', why: 'broadcast', ports: ['p2', 'p3', 'p4'] });
  });

  it('learns the sender of every frame on the port it arrived by', () => {
    const sim = lan(4);
    sim.ping('pc1', ipv4('10.0.0.2'));
    sim.run();
    const learned = sim.trace.filter((e) => e.kind === 'mac-learned').map((e) => e.kind === 'mac-learned' && [formatMac(e.mac), e.port]);
    const mac1 = formatMac(sim.host('pc1')!.interfaces[0]!.mac);
    const mac2 = formatMac(sim.host('pc2')!.interfaces[0]!.mac);
    expect(learned).toEqual([
      [mac1, 'p1'],
      [mac2, 'p2'],
    ]);
    expect(sim.switchNamed('sw1')!.macTable().map((e) => e.port)).toEqual(['p1', 'p2']);
  });

  it('sends the reply out one port only, because it has learned where the requester is', () => {
    const sim = lan(4);
    sim.ping('pc1', ipv4('10.0.0.2'));
    sim.run();
    const decisions = switchEvents(sim.trace).map((e) => e.kind === 'switch' && e.decision.action);
    // ARP request floods; the ARP reply, the echo request and the echo reply are all forwarded.
    expect(decisions).toEqual(['flood', 'forward', 'forward', 'forward']);
  });

  it('floods a unicast frame whose destination it has not learned yet', () => {
    // The second ping comes after the switch's entries aged out, while pc1 still has pc3 in its ARP cache.
    const sim2 = lan(3, { agingNs: 1e9 });
    sim2.ping('pc1', ipv4('10.0.0.3'), { count: 2, intervalNs: 5e9 });
    sim2.run();
    const second = switchEvents(sim2.trace).filter((e) => e.t > 4e9);
    expect(second[0]!.kind === 'switch' && second[0]!.decision).toMatchObject({ action: 'flood', why: 'unknown-destination' });
    expect(sim2.trace.some((e) => e.kind === 'mac-aged')).toBe(true);
  });

  it('forgets an entry idle for longer than its aging time, and keeps one that is refreshed', () => {
    const sim = lan(2, { agingNs: 10e9 });
    sim.ping('pc1', ipv4('10.0.0.2'), { count: 3, intervalNs: 4e9 });
    sim.run();
    expect(sim.trace.some((e) => e.kind === 'mac-aged')).toBe(false);
    const aged = lan(2, { agingNs: 3e9 });
    aged.ping('pc1', ipv4('10.0.0.2'), { count: 2, intervalNs: 4e9 });
    aged.run();
    const ev = aged.trace.find((e) => e.kind === 'mac-aged');
    expect(ev && ev.kind === 'mac-aged' && ev.idleNs).toBeGreaterThan(3e9);
  });

  it('never sends a frame back out the port it came in on', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 8 }), fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 12 }), (n, pairs) => {
        const sim = lan(n);
        pairs.forEach(([a, b], i) => {
          const from = (a % n) + 1;
          const to = ((from + (b % (n - 1))) % n) + 1;
          sim.at(i * 1e6, () => sim.ping(`pc${from}`, ipv4(`10.0.0.${to}`)));
        });
        sim.run();
        const byId = new Map<number, FrameEvent>();
        for (const e of sim.trace) if (e.kind === 'frame') byId.set(e.id, e);
        for (const e of byId.values()) {
          if (e.parent === undefined) continue;
          const parent = byId.get(e.parent)!;
          expect(e.from.device).toBe(parent.to.device);
          expect(e.from.port).not.toBe(parent.to.port);
        }
        // Every ping got its reply: the switch delivered everything it had to.
        const replies = sim.trace.filter((e) => e.kind === 'ping' && e.outcome.status === 'reply').length;
        expect(replies).toBe(pairs.length);
      }),
      { numRuns: 60 },
    );
  });
});

describe('a hub', () => {
  it('repeats every frame out every other port, and only the addressed card accepts it', () => {
    const sim = lan(3, { hub: true });
    sim.ping('pc1', ipv4('10.0.0.2'));
    sim.run();
    const repeats = sim.trace.filter((e) => e.kind === 'hub-repeat');
    expect(repeats).toHaveLength(4); // ARP request, ARP reply, echo request, echo reply
    for (const r of repeats) expect(r.kind === 'hub-repeat' && r.ports.length).toBe(2);
    // pc3 sees the unicast frames too, and its network card ignores them.
    const ignoredByPc3 = sim.trace.filter((e) => e.kind === 'drop' && e.device === 'pc3' && e.reason === 'not-addressed-to-me');
    expect(ignoredByPc3).toHaveLength(4);
  });
});
