import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Ipv4 } from '../../../src/net/address/ipv4';
import { maskFromPrefix, type Prefix } from '../../../src/net/address/subnet';
import { lookupRoute, RouteTable, type Route, type RouteSource } from '../../../src/net/sim/routing';

const route = fc
  .record({
    network: fc.nat({ max: 0xffff_ffff }),
    prefix: fc.integer({ min: 0, max: 32 }),
    source: fc.constantFrom<RouteSource>('connected', 'static', 'default-gateway'),
    iface: fc.constantFrom('eth0', 'eth1', 'eth2'),
  })
  .map(({ network, prefix, source, iface }): Route => {
    const p = prefix as Prefix;
    // Mostly proper networks (host bits clear), sometimes not: the lookup must agree either way.
    const net = (network % 5 === 0 ? network : (network & maskFromPrefix(p)) >>> 0) as Ipv4;
    return { destination: { network: net, prefix: p }, iface, source, ...(source === 'connected' ? {} : { nextHop: 1 as Ipv4 }) };
  });

describe('the compiled routing table', () => {
  it('picks exactly the route lookupRoute picks (longest prefix, then source, then order), or none', () => {
    fc.assert(
      fc.property(fc.array(route, { maxLength: 12 }), fc.array(fc.nat({ max: 0xffff_ffff }), { minLength: 1, maxLength: 20 }), (routes, extra) => {
        const table = new RouteTable(routes);
        // Destinations near the routes' own networks, where the matches and ties are, and random ones.
        const dsts = [...routes.flatMap((r) => [r.destination.network, (r.destination.network + 1) >>> 0, (r.destination.network | 0xff) >>> 0]), ...extra];
        for (const d of dsts) {
          const want = lookupRoute(routes, d as Ipv4);
          const got = table.lookup(d as Ipv4);
          expect(got < 0 ? undefined : routes[got]).toBe(want);
        }
      }),
      { numRuns: 500 },
    );
  });
});
