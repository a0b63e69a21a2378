import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ipv4 } from '../../../src/net/address/ipv4';
import { L2Domains, allPairsReachability, tracePath } from '../../../src/net/sim/reachability';
import { campus } from '../../../src/scenarios/campus';
import { twoSubnets } from '../../../src/scenarios/two-subnets';
import type { Simulation } from '../../../src/net/sim/simulation';

/** What actually happens: ping every pair and see who gets a reply. */
function simulatedMatrix(sim: Simulation, names: readonly string[]): number[] {
  const sessions = names.flatMap((a) =>
    names.map((b) => (a === b ? undefined : sim.ping(a, sim.host(b)!.interfaces[0]!.address!.address))),
  );
  sim.run();
  return sessions.map((s) => (s === undefined ? 1 : s.ok && s.value.outcomes.get(1)?.status === 'reply' ? 1 : 0));
}

describe('static reachability', () => {
  it('follows the same hops a ping takes, and names them', () => {
    const sim = twoSubnets();
    const path = tracePath(new L2Domains(sim), sim.host('pc1')!, ipv4('10.0.0.20'));
    expect(path).toEqual({
      ok: true,
      reached: 'pc2',
      hops: [
        { device: 'pc1', nextHop: ipv4('192.168.1.1'), iface: 'eth0' },
        { device: 'r1', nextHop: ipv4('10.0.0.20'), iface: 'eth1' },
      ],
    });
  });

  it('says where and why a path breaks', () => {
    const sim = twoSubnets();
    sim.host('pc2')!.setGateway(undefined);
    const domains = new L2Domains(sim);
    expect(tracePath(domains, sim.host('pc1')!, ipv4('10.0.0.20')).ok).toBe(true);
    expect(tracePath(domains, sim.host('pc2')!, ipv4('192.168.1.10'))).toMatchObject({ ok: false, at: 'pc2', why: expect.stringMatching(/no route/) });
    const m = allPairsReachability(sim);
    const i = m.hosts.findIndex((h) => h.name === 'pc1');
    const j = m.hosts.findIndex((h) => h.name === 'pc2');
    // The request gets there but the reply cannot come back: no ping.
    expect(m.canPing[i * m.hosts.length + j]).toBe(0);
  });

  it('agrees with the simulator on every pair, for networks with random mistakes in them', () => {
    fc.assert(
      fc.property(
        fc.record({
          routers: fc.integer({ min: 1, max: 3 }),
          switches: fc.integer({ min: 1, max: 2 }),
          hosts: fc.integer({ min: 1, max: 3 }),
          breakages: fc.array(fc.tuple(fc.constantFrom('gateway', 'address', 'route'), fc.nat()), { maxLength: 3 }),
        }),
        ({ routers, switches, hosts, breakages }) => {
          const { sim, hosts: names } = campus({ routers, switchesPerRouter: switches, hostsPerSwitch: hosts });
          for (const [kind, n] of breakages) {
            const h = sim.host(names[n % names.length]!)!;
            if (kind === 'gateway') h.setGateway(ipv4('10.200.0.1'));
            else if (kind === 'address') h.setAddress('eth0', { address: ipv4(`10.${n % routers}.9.9`), prefix: h.interfaces[0]!.address!.prefix });
            else sim.host(`r${n % routers}`)!.removeStaticRoute({ network: ipv4('0.0.0.0'), prefix: 0 as never });
          }
          const order = allPairsReachability(sim).hosts.map((h) => h.name);
          const predicted = Array.from(allPairsReachability(sim).canPing);
          expect(predicted).toEqual(simulatedMatrix(sim, order));
        },
      ),
      { numRuns: 25, seed: Number(process.env.FC_SEED ?? Date.now() % 2 ** 31) },
    );
  });
});
