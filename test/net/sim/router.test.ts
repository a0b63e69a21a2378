import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatIpv4, ipv4 } from '../../../src/net/address/ipv4';
import { cidr, subnet } from '../../../src/net/address/subnet';
import { unwrap } from '../../../src/net/result';
import type { TraceEvent } from '../../../src/net/sim/trace';
import { twoSubnets } from '../../../src/scenarios/two-subnets';
import { routerChain } from '../../helpers/topologies';

const outcomes = (trace: readonly TraceEvent[]) =>
  trace.filter((e) => e.kind === 'ping' && e.outcome.status !== 'sent').map((e) => e.kind === 'ping' && e.outcome);

describe('a router', () => {
  it('carries a ping between two subnets and the reply back', () => {
    const sim = twoSubnets();
    sim.ping('pc1', ipv4('10.0.0.20'));
    sim.run();
    expect(outcomes(sim.trace)).toEqual([{ status: 'reply', from: ipv4('10.0.0.20'), ttl: 63, rttNs: expect.any(Number) }]);
    // The router ARPed for pc2 on its other interface, and pc2 ARPed back for its gateway? No: pc2 learned r1 from r1's request.
    expect(sim.trace.filter((e) => e.kind === 'arp-resolve').map((e) => e.kind === 'arp-resolve' && `${e.device}:${formatIpv4(e.ip)}`)).toEqual([
      'pc1:192.168.1.1',
      'r1:10.0.0.20',
    ]);
  });

  it('rewrites the Ethernet header on every hop but keeps the IP addresses', () => {
    const sim = twoSubnets();
    sim.ping('pc1', ipv4('10.0.0.20'));
    sim.run();
    const requests = sim.frames().filter((f) => f.frame.payload.kind === 'ipv4' && f.frame.payload.payload.kind === 'icmp' && f.frame.payload.payload.type === 'echo-request');
    const [before, after] = [requests.find((f) => f.to.device === 'sw1')!, requests.find((f) => f.from.device === 'r1')!];
    expect(before.frame.dst).toBe(sim.host('r1')!.interfaces[0]!.mac);
    expect(after.frame.src).toBe(sim.host('r1')!.interfaces[1]!.mac);
    expect(after.frame.dst).toBe(sim.host('pc2')!.interfaces[0]!.mac);
    const [ipBefore, ipAfter] = [before.frame.payload, after.frame.payload];
    expect(ipBefore.kind === 'ipv4' && ipAfter.kind === 'ipv4' && [ipAfter.src, ipAfter.dst]).toEqual([ipv4('192.168.1.10'), ipv4('10.0.0.20')]);
    expect(ipBefore.kind === 'ipv4' && ipAfter.kind === 'ipv4' && ipBefore.ttl - ipAfter.ttl).toBe(1);
  });

  it('lowers the TTL by one per router: a ping across N routers arrives with TTL 64 − N', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), (n) => {
        const sim = routerChain(n);
        sim.ping('a', ipv4(`10.0.${n}.10`));
        sim.run();
        const arrived = sim.frames().filter((f) => f.to.device === 'b' && f.frame.payload.kind === 'ipv4');
        expect(arrived).toHaveLength(1);
        const p = arrived[0]!.frame.payload;
        expect(p.kind === 'ipv4' && p.ttl).toBe(64 - n);
        expect(outcomes(sim.trace)).toEqual([expect.objectContaining({ status: 'reply', ttl: 64 - n })]);
      }),
      { numRuns: 12 },
    );
  });

  it('discards a packet whose TTL runs out and tells the sender where (time exceeded)', () => {
    const sim = routerChain(3);
    sim.ping('a', ipv4('10.0.3.10'), { ttl: 2 });
    sim.run();
    // r1 lowers 2 → 1; r2 would lower it to 0, so r2 discards it and answers from the interface it came in on.
    expect(outcomes(sim.trace)).toEqual([{ status: 'time-exceeded', from: ipv4('172.16.1.2') }]);
    expect(sim.trace.some((e) => e.kind === 'drop' && e.device === 'r2' && e.reason === 'ttl-expired')).toBe(true);
  });

  it('answers a packet it has no route for with destination net unreachable', () => {
    const sim = twoSubnets();
    sim.ping('pc1', ipv4('8.8.8.8'));
    sim.run();
    expect(outcomes(sim.trace)).toEqual([{ status: 'unreachable', from: ipv4('192.168.1.1'), code: 0 }]);
  });

  it('answers host unreachable when nobody answers ARP for the destination on a connected subnet', () => {
    const sim = twoSubnets();
    sim.ping('pc1', ipv4('10.0.0.99'));
    sim.run();
    expect(outcomes(sim.trace)).toEqual([{ status: 'unreachable', from: ipv4('192.168.1.1'), code: 1 }]);
  });

  it('replies to a ping to its own interface address', () => {
    const sim = twoSubnets();
    sim.ping('pc1', ipv4('10.0.0.1'));
    sim.run();
    expect(outcomes(sim.trace)).toEqual([expect.objectContaining({ status: 'reply', from: ipv4('10.0.0.1'), ttl: 64 })]);
  });

  it('chooses the longest matching prefix, whatever the order routes were added in', () => {
    const sim = twoSubnets();
    const r1 = sim.host('r1')!;
    unwrap(r1.addStaticRoute(subnet('172.16.0.0/12'), ipv4('10.0.0.20')));
    unwrap(r1.addStaticRoute(subnet('172.16.5.0/24'), ipv4('192.168.1.11')));
    sim.ping('pc1', ipv4('172.16.5.9'));
    sim.run();
    const chosen = sim.trace.find((e) => e.kind === 'route' && e.device === 'r1');
    expect(chosen && chosen.kind === 'route' && [chosen.route.destination.prefix, formatIpv4(chosen.nextHop)]).toEqual([24, '192.168.1.11']);
  });

  it('refuses a static route whose next hop it cannot reach directly', () => {
    const sim = twoSubnets();
    expect(sim.host('r1')!.addStaticRoute(subnet('172.16.0.0/16'), ipv4('8.8.8.8'))).toEqual({
      ok: false,
      error: expect.stringMatching(/not on any of r1's own subnets/),
    });
  });

  it('drops a broadcast instead of forwarding it to the other subnet', () => {
    const sim = twoSubnets();
    sim.ping('pc1', ipv4('255.255.255.255'));
    sim.run();
    expect(sim.frames().every((f) => f.link.includes('sw1'))).toBe(true);
  });

  it('keeps an interface address change in its connected routes', () => {
    const sim = twoSubnets();
    unwrap(sim.host('r1')!.setAddress('eth1', cidr('10.9.0.1/24')));
    expect(sim.host('r1')!.routes().map((r) => `${formatIpv4(r.destination.network)}/${r.destination.prefix}`)).toEqual(['192.168.1.0/24', '10.9.0.0/24']);
  });
});
