import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { ipv4FromNumber } from '../../../src/net/address/ipv4';
import {
  allocateVlsm,
  broadcastAddress,
  formatSubnet,
  prefix,
  prefixForHosts,
  splitSubnet,
  subnet,
  subnetContains,
  subnetOf,
  totalAddressCount,
  usableHostCount,
  type Subnet,
  type VlsmAllocation,
  type VlsmRequest,
} from '../../../src/net/address/subnet';
import type { Result } from '../../../src/net/result';

function refusal<T>(r: Result<T>): string {
  if (r.ok) throw new Error(`expected a refusal, got ${JSON.stringify(r.value)}`);
  return r.error;
}

function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected success, got: ${r.error}`);
  return r.value;
}

/** name → 'a.b.c.d/p', for readable known-answer comparisons. */
const layout = (allocations: VlsmAllocation[]) => allocations.map((a) => `${a.name} ${formatSubnet(a.subnet)}`);

/**
 * The smallest block for `hosts`, found a second way: grow the host-bit count until the block is
 * big enough (1 address holds 1 host, 2 hold 2 only on a point-to-point /31, else network and broadcast are lost).
 */
function expectedPrefix(hosts: number, pointToPoint = false): number {
  let hostBits = 0;
  // Without point-to-point, a /31 (1 host bit) is skipped: a shared segment needs network and broadcast.
  const usable = (bits: number) => (bits === 0 ? 1 : bits === 1 ? (pointToPoint ? 2 : 0) : Math.pow(2, bits) - 2);
  while (usable(hostBits) < hosts) hostBits++;
  return 32 - hostBits;
}

describe('choosing a subnet size for a number of hosts', () => {
  const cases: [number, number][] = [
    [1, 32],
    [2, 30],
    [3, 29],
    [6, 29],
    [7, 28],
    [14, 28],
    [30, 27],
    [62, 26],
    [63, 25],
    [254, 24],
    [255, 23],
    [4_294_967_294, 0],
  ];
  it.each(cases)('room for %i host(s) takes a /%i', (hosts, p) => {
    expect(prefixForHosts(hosts)).toEqual({ ok: true, value: p });
  });

  it('2 hosts get a /30 on a shared segment, and a /31 only on a point-to-point link (RFC 3021)', () => {
    expect(value(prefixForHosts(2))).toBe(30);
    expect(value(prefixForHosts(2, { pointToPoint: true }))).toBe(31);
    expect(value(prefixForHosts(3, { pointToPoint: true }))).toBe(29);
  });

  it('more hosts than IPv4 has room for, and zero, negative or fractional counts, are refused', () => {
    expect(refusal(prefixForHosts(4_294_967_295))).toMatch(/do not fit/);
    for (const bad of [0, -1, 1.5, Number.NaN]) expect(refusal(prefixForHosts(bad))).toMatch(/at least one/);
  });

  it('for every host count the prefix is big enough, and the next longer prefix is not', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4_294_967_294 }), (hosts) => {
        const p = value(prefixForHosts(hosts));
        expect(p).toBe(expectedPrefix(hosts));
        expect(usableHostCount(prefix(p))).toBeGreaterThanOrEqual(hosts);
        // A /31 only serves point-to-point links, so it is not a candidate here.
        for (let q = p + 1; q <= 32; q++) if (q !== 31) expect(usableHostCount(prefix(q))).toBeLessThan(hosts);
      }),
    );
  });
});

describe('VLSM: carving one block into subnets of different sizes', () => {
  const office = subnet('192.168.1.0/24');

  it('192.168.1.0/24 for Sales 100, Eng 50, Ops 20 and a 2-host WAN link: /25, /26, /27 and /31, largest first', () => {
    const plan = value(
      allocateVlsm(office, [
        { name: 'Sales', hosts: 100 },
        { name: 'Eng', hosts: 50 },
        { name: 'Ops', hosts: 20 },
        { name: 'WAN', hosts: 2, pointToPoint: true },
      ]),
    );
    expect(layout(plan)).toEqual([
      'Sales 192.168.1.0/25',
      'Eng 192.168.1.128/26',
      'Ops 192.168.1.192/27',
      'WAN 192.168.1.224/31',
    ]);
  });

  it('the answer comes back in the order asked, though the largest is placed first', () => {
    const plan = value(
      allocateVlsm(office, [
        { name: 'WAN', hosts: 2, pointToPoint: true },
        { name: 'Ops', hosts: 20 },
        { name: 'Sales', hosts: 100 },
        { name: 'Eng', hosts: 50 },
      ]),
    );
    expect(layout(plan)).toEqual([
      'WAN 192.168.1.224/31',
      'Ops 192.168.1.192/27',
      'Sales 192.168.1.0/25',
      'Eng 192.168.1.128/26',
    ]);
    expect(plan.map((a) => a.hosts)).toEqual([2, 20, 100, 50]);
  });

  it('equal-sized requests are placed in the order asked', () => {
    const plan = value(allocateVlsm(office, [{ name: 'A', hosts: 10 }, { name: 'B', hosts: 10 }, { name: 'C', hosts: 10 }]));
    expect(layout(plan)).toEqual(['A 192.168.1.0/28', 'B 192.168.1.16/28', 'C 192.168.1.32/28']);
  });

  it('four 62-host subnets fill a /24 exactly', () => {
    const four = Array.from({ length: 4 }, (_, i) => ({ name: `floor${i + 1}`, hosts: 62 }));
    expect(layout(value(allocateVlsm(office, four)))).toEqual([
      'floor1 192.168.1.0/26',
      'floor2 192.168.1.64/26',
      'floor3 192.168.1.128/26',
      'floor4 192.168.1.192/26',
    ]);
  });

  it('a fifth 62-host subnet does not fit in a /24, and the refusal names the one that ran out of room', () => {
    const five = Array.from({ length: 5 }, (_, i) => ({ name: `floor${i + 1}`, hosts: 62 }));
    const message = refusal(allocateVlsm(office, five));
    expect(message).toMatch(/runs out of room/);
    expect(message).toContain('floor5');
    expect(message).toContain('192.168.1.0/24');
  });

  it('200 + 100 hosts do not fit in a /24 (a /24 holds 254 hosts in one piece, but these need a /24 and a /25)', () => {
    expect(refusal(allocateVlsm(office, [{ name: 'big', hosts: 200 }, { name: 'more', hosts: 100 }]))).toMatch(/runs out of room at more/);
  });

  it('a single request bigger than the whole block is refused, saying how big it would be', () => {
    const message = refusal(allocateVlsm(subnet('10.0.0.0/26'), [{ name: 'Lab', hosts: 100 }]));
    expect(message).toMatch(/Lab needs 100 hosts, a \/25, which is bigger than 10\.0\.0\.0\/26/);
  });

  it('a request for zero hosts is refused, naming the request', () => {
    expect(refusal(allocateVlsm(office, [{ name: 'Empty', hosts: 0 }]))).toMatch(/^Empty: .*at least one/);
  });

  it('a /31 link fits exactly in a /31 block, and a 1-host /32 in a /32', () => {
    expect(layout(value(allocateVlsm(subnet('10.0.0.0/31'), [{ name: 'p2p', hosts: 2, pointToPoint: true }])))).toEqual(['p2p 10.0.0.0/31']);
    expect(layout(value(allocateVlsm(subnet('10.0.0.7/32'), [{ name: 'lo', hosts: 1 }])))).toEqual(['lo 10.0.0.7/32']);
  });

  it('2 hosts on a shared segment get a /30, so the block needs room for network and broadcast', () => {
    expect(layout(value(allocateVlsm(subnet('10.0.0.0/30'), [{ name: 'pair', hosts: 2 }])))).toEqual(['pair 10.0.0.0/30']);
    expect(refusal(allocateVlsm(subnet('10.0.0.0/31'), [{ name: 'pair', hosts: 2 }]))).toMatch(/pair needs 2 hosts, a \/30/);
  });

  it('no requests give an empty plan', () => {
    expect(allocateVlsm(office, [])).toEqual({ ok: true, value: [] });
  });
});

describe('VLSM properties, for random blocks and requests', () => {
  const parents = fc
    .tuple(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 12, max: 32 }))
    .map(([a, p]) => subnetOf(ipv4FromNumber(a), prefix(p)));
  // Mostly small requests, some large, so that both plans that fit and plans that do not are common.
  const hostCounts = fc.oneof(fc.integer({ min: 1, max: 70 }), fc.integer({ min: 1, max: 5_000 }));
  const requestLists = fc
    .array(hostCounts, { maxLength: 12 })
    .map((hs): VlsmRequest[] => hs.map((hosts, i) => ({ name: `net${i}`, hosts })));

  it('a plan exists exactly when the blocks needed add up to no more than the parent', () => {
    fc.assert(
      fc.property(parents, requestLists, (parent, requests) => {
        const needed = requests.reduce((sum, r) => sum + Math.pow(2, 32 - expectedPrefix(r.hosts)), 0);
        const r = allocateVlsm(parent, requests);
        expect(r.ok).toBe(needed <= totalAddressCount(parent.prefix));
      }),
    );
  });

  it('every allocation lies inside the parent, is aligned on its size, holds its hosts with the smallest prefix, and none overlap', () => {
    fc.assert(
      fc.property(parents, requestLists, (parent, requests) => {
        const r = allocateVlsm(parent, requests);
        if (!r.ok) return;
        const plan = r.value;
        expect(plan.map((a) => a.name)).toEqual(requests.map((q) => q.name));
        for (const [i, a] of plan.entries()) {
          const s = a.subnet;
          const size = totalAddressCount(s.prefix);
          expect(a.hosts).toBe(requests[i]!.hosts);
          expect(s.network % size).toBe(0);
          expect(subnetContains(parent, s.network)).toBe(true);
          expect(subnetContains(parent, broadcastAddress(s.network, s.prefix))).toBe(true);
          expect(usableHostCount(s.prefix)).toBeGreaterThanOrEqual(a.hosts);
          expect(s.prefix).toBe(expectedPrefix(a.hosts));
        }
        const byStart = plan.map((a) => a.subnet).sort((x, y) => x.network - y.network);
        for (let i = 1; i < byStart.length; i++) expect(end(byStart[i - 1]!)).toBeLessThanOrEqual(byStart[i]!.network);
      }),
    );
  });
});

describe('splitting a block into equal subnets', () => {
  it('192.168.1.0/24 splits into four /26s: .0, .64, .128 and .192', () => {
    const parts = value(splitSubnet(subnet('192.168.1.0/24'), prefix(26)));
    expect(parts.map(formatSubnet)).toEqual(['192.168.1.0/26', '192.168.1.64/26', '192.168.1.128/26', '192.168.1.192/26']);
  });

  it('splitting into the same prefix gives the block itself', () => {
    expect(value(splitSubnet(subnet('10.0.0.0/8'), prefix(8))).map(formatSubnet)).toEqual(['10.0.0.0/8']);
  });

  it('a /23 cannot be a part of a /24', () => {
    expect(refusal(splitSubnet(subnet('192.168.1.0/24'), prefix(23)))).toMatch(/cannot be a part/);
  });

  it('splitting /0 into /17s would make 131072 subnets, and is refused', () => {
    expect(refusal(splitSubnet(subnet('0.0.0.0/0'), prefix(17)))).toMatch(/131072 subnets/);
  });

  it('the pieces are consecutive, aligned, inside the block, and cover it from network to broadcast', () => {
    const cases = fc
      .tuple(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 8 }))
      .filter(([, p, extra]) => p + extra <= 32)
      .map(([a, p, extra]) => ({ parent: subnetOf(ipv4FromNumber(a), prefix(p)), q: prefix(p + extra) }));
    fc.assert(
      fc.property(cases, ({ parent, q }) => {
        const parts = value(splitSubnet(parent, q));
        const size = totalAddressCount(q);
        expect(parts.length).toBe(Math.pow(2, q - parent.prefix));
        expect(parts[0]!.network).toBe(parent.network);
        expect(end(parts.at(-1)!)).toBe(end(parent));
        for (const [i, s] of parts.entries()) {
          expect(s.prefix).toBe(q);
          expect(s.network % size).toBe(0);
          expect(subnetContains(parent, s.network)).toBe(true);
          if (i > 0) expect(s.network).toBe(end(parts[i - 1]!));
        }
      }),
    );
  });
});

/** The first address after a subnet. */
function end(s: Subnet): number {
  return s.network + totalAddressCount(s.prefix);
}
