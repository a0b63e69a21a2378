import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { formatIpv4, ipv4, ipv4FromNumber, ipv4ToBinary, type Ipv4 } from '../../../src/net/address/ipv4';
import {
  LINK_LOCAL_RANGE,
  addressClass,
  addressRole,
  broadcastAddress,
  cidr,
  classfulPrefix,
  firstHost,
  formatCidr,
  formatMask,
  formatSubnet,
  hostMask,
  isLoopback,
  isMulticast,
  isPrivate,
  lastHost,
  maskFromPrefix,
  networkAddress,
  parseCidr,
  parseMask,
  parsePrefix,
  parseSubnet,
  prefix,
  prefixOfMask,
  sameSubnet,
  subnet,
  subnetContains,
  subnetOf,
  totalAddressCount,
  usableHostCount,
} from '../../../src/net/address/subnet';
import type { Result } from '../../../src/net/result';

function refusal<T>(r: Result<T>): string {
  if (r.ok) throw new Error(`expected a refusal, got ${JSON.stringify(r.value)}`);
  return r.error;
}

const anyIpv4 = fc.integer({ min: 0, max: 0xffffffff }).map(ipv4FromNumber);
const anyPrefix = fc.integer({ min: 0, max: 32 }).map(prefix);
const ALL_PREFIXES = Array.from({ length: 33 }, (_, p) => prefix(p));

/** The mask computed a second way, with BigInt: 32 bits, the top p of them set. */
const bigIntMask = (p: number) => Number(((1n << 32n) - 1n) ^ ((1n << BigInt(32 - p)) - 1n));

/** Host count computed a second way: 2^(32−p) minus network and broadcast, except /31 (RFC 3021) and /32. */
function bigIntHostCount(p: number): number {
  const total = 1n << BigInt(32 - p);
  if (total === 1n) return 1;
  if (total === 2n) return 2;
  return Number(total - 2n);
}

describe('worked example: 192.168.10.77/26', () => {
  const ip = ipv4('192.168.10.77');
  const p = prefix(26);

  it('192.168.10.77/26 is in network 192.168.10.64 with broadcast .127 and 62 hosts', () => {
    expect(formatIpv4(networkAddress(ip, p))).toBe('192.168.10.64');
    expect(formatIpv4(broadcastAddress(ip, p))).toBe('192.168.10.127');
    expect(usableHostCount(p)).toBe(62);
  });

  it('its hosts run from 192.168.10.65 to 192.168.10.126', () => {
    expect(formatIpv4(firstHost(ip, p))).toBe('192.168.10.65');
    expect(formatIpv4(lastHost(ip, p))).toBe('192.168.10.126');
  });

  it('a /26 is the mask 255.255.255.192, with wildcard 0.0.0.63', () => {
    expect(formatMask(maskFromPrefix(p))).toBe('255.255.255.192');
    expect(hostMask(p)).toBe(63);
    expect(totalAddressCount(p)).toBe(64);
  });

  it('the network is the address AND the mask, bit by bit', () => {
    expect(ipv4ToBinary(ip)).toBe('11000000.10101000.00001010.01001101');
    expect(ipv4ToBinary(maskFromPrefix(p) as number as Ipv4)).toBe('11111111.11111111.11111111.11000000');
    expect(ipv4ToBinary(networkAddress(ip, p))).toBe('11000000.10101000.00001010.01000000');
  });
});

describe('the edge prefixes: /31, /32 and /0', () => {
  it('10.0.0.0/31 is a point-to-point link (RFC 3021): both 10.0.0.0 and 10.0.0.1 are hosts, 2 in all', () => {
    const ip = ipv4('10.0.0.0');
    const p = prefix(31);
    expect(formatIpv4(firstHost(ip, p))).toBe('10.0.0.0');
    expect(formatIpv4(lastHost(ip, p))).toBe('10.0.0.1');
    expect(usableHostCount(p)).toBe(2);
    expect(addressRole(ipv4('10.0.0.0'), p)).toBe('host');
    expect(addressRole(ipv4('10.0.0.1'), p)).toBe('host');
  });

  it('10.1.2.3/32 is a single host: network, first, last and top address are all itself', () => {
    const ip = ipv4('10.1.2.3');
    const p = prefix(32);
    for (const f of [networkAddress, broadcastAddress, firstHost, lastHost]) expect(f(ip, p)).toBe(ip);
    expect(usableHostCount(p)).toBe(1);
    expect(formatMask(maskFromPrefix(p))).toBe('255.255.255.255');
    expect(addressRole(ip, p)).toBe('host');
  });

  it('0.0.0.0/0 is every address: mask 0.0.0.0, from 0.0.0.1 to 255.255.255.254, 4,294,967,294 hosts', () => {
    const p = prefix(0);
    const ip = ipv4('10.20.30.40');
    expect(formatMask(maskFromPrefix(p))).toBe('0.0.0.0');
    expect(formatIpv4(networkAddress(ip, p))).toBe('0.0.0.0');
    expect(formatIpv4(broadcastAddress(ip, p))).toBe('255.255.255.255');
    expect(formatIpv4(firstHost(ip, p))).toBe('0.0.0.1');
    expect(formatIpv4(lastHost(ip, p))).toBe('255.255.255.254');
    expect(usableHostCount(p)).toBe(4_294_967_294);
    expect(subnetContains(subnet('0.0.0.0/0'), ipv4('255.255.255.255'))).toBe(true);
  });

  it('a /30 has only 2 usable hosts: 4 addresses less network and broadcast', () => {
    expect(usableHostCount(prefix(30))).toBe(2);
    expect(addressRole(ipv4('10.0.0.0'), prefix(30))).toBe('network');
    expect(addressRole(ipv4('10.0.0.3'), prefix(30))).toBe('broadcast');
  });
});

describe('what an address is for: network, broadcast or host', () => {
  it('192.168.1.0/24 (host part all zeros) is the network address itself, not "the gateway"', () => {
    const role = addressRole(ipv4('192.168.1.0'), prefix(24));
    expect(role).toBe('network');
    expect(role).not.toBe('gateway');
  });

  it('192.168.1.255/24 (host part all ones) is the broadcast address', () => {
    expect(addressRole(ipv4('192.168.1.255'), prefix(24))).toBe('broadcast');
  });

  it('192.168.1.1/24, where a gateway often lives, is just a host: being a gateway is a job, not an address kind', () => {
    expect(addressRole(ipv4('192.168.1.1'), prefix(24))).toBe('host');
  });

  it('10.0.0.0 is a network address in a /8 but a host in a /7, so the role depends on the prefix', () => {
    expect(addressRole(ipv4('10.0.0.0'), prefix(8))).toBe('network');
    expect(addressRole(ipv4('10.1.0.0'), prefix(8))).toBe('host');
    expect(addressRole(ipv4('11.0.0.0'), prefix(7))).toBe('host');
  });

  it('counting the host addresses in small subnets one by one gives the usable host count', () => {
    fc.assert(
      fc.property(anyIpv4, fc.integer({ min: 22, max: 32 }).map(prefix), (ip, p) => {
        const net = networkAddress(ip, p) as number;
        let hosts = 0;
        for (let a = net; a < net + totalAddressCount(p); a++) if (addressRole(ipv4FromNumber(a), p) === 'host') hosts++;
        expect(hosts).toBe(usableHostCount(p));
      }),
      { numRuns: 50 },
    );
  });
});

describe('subnet math holds for every address and prefix', () => {
  it('the network address ≤ the address ≤ the broadcast address, with the hosts in between', () => {
    fc.assert(
      fc.property(anyIpv4, anyPrefix, (ip, p) => {
        const net = networkAddress(ip, p);
        const bc = broadcastAddress(ip, p);
        expect(net).toBeLessThanOrEqual(ip);
        expect(ip).toBeLessThanOrEqual(bc);
        expect(net).toBeLessThanOrEqual(firstHost(ip, p));
        expect(firstHost(ip, p)).toBeLessThanOrEqual(lastHost(ip, p));
        expect(lastHost(ip, p)).toBeLessThanOrEqual(bc);
        expect(bc - net + 1).toBe(totalAddressCount(p));
      }),
    );
  });

  it('the network and broadcast addresses keep the network bits and set the host bits to all 0 / all 1', () => {
    fc.assert(
      fc.property(anyIpv4, anyPrefix, (ip, p) => {
        const bits = ipv4ToBinary(ip).replaceAll('.', '');
        const net = ipv4ToBinary(networkAddress(ip, p)).replaceAll('.', '');
        const bc = ipv4ToBinary(broadcastAddress(ip, p)).replaceAll('.', '');
        expect(net).toBe(bits.slice(0, p) + '0'.repeat(32 - p));
        expect(bc).toBe(bits.slice(0, p) + '1'.repeat(32 - p));
      }),
    );
  });

  it('the usable host count matches a BigInt computation for every prefix 0–32, including /31 and /32', () => {
    for (const p of ALL_PREFIXES) expect(usableHostCount(p), `/${p}`).toBe(bigIntHostCount(p));
  });

  it('the first-to-last host range holds exactly the usable host count', () => {
    fc.assert(
      fc.property(anyIpv4, anyPrefix, (ip, p) => {
        expect(lastHost(ip, p) - firstHost(ip, p) + 1).toBe(usableHostCount(p));
      }),
    );
  });

  it('same-subnet is symmetric and is the same as comparing network addresses', () => {
    fc.assert(
      fc.property(anyIpv4, anyIpv4, anyPrefix, (a, b, p) => {
        expect(sameSubnet(a, b, p)).toBe(sameSubnet(b, a, p));
        expect(sameSubnet(a, b, p)).toBe(networkAddress(a, p) === networkAddress(b, p));
      }),
    );
  });

  it('two addresses differing only in host bits are always on the same subnet', () => {
    fc.assert(
      fc.property(anyIpv4, anyPrefix, fc.integer({ min: 0, max: 0xffffffff }), (a, p, noise) => {
        const b = ipv4FromNumber((a ^ (noise & hostMask(p))) >>> 0);
        expect(sameSubnet(a, b, p)).toBe(true);
      }),
    );
  });

  it('a subnet contains an address exactly when it lies between its network and broadcast addresses', () => {
    fc.assert(
      fc.property(anyIpv4, anyPrefix, anyIpv4, (base, p, ip) => {
        const s = subnetOf(base, p);
        const inRange = ip >= s.network && ip <= broadcastAddress(s.network, p);
        expect(subnetContains(s, ip)).toBe(inRange);
      }),
    );
  });

  it('a subnet always contains its own network, broadcast and host addresses', () => {
    fc.assert(
      fc.property(anyIpv4, anyPrefix, (ip, p) => {
        const s = subnetOf(ip, p);
        for (const a of [ip, s.network, broadcastAddress(ip, p), firstHost(ip, p), lastHost(ip, p)]) {
          expect(subnetContains(s, a)).toBe(true);
        }
      }),
    );
  });
});

describe('examples of the same-subnet test a host performs before sending', () => {
  it('192.168.1.10 and 192.168.1.200 share a /24, so they talk directly', () => {
    expect(sameSubnet(ipv4('192.168.1.10'), ipv4('192.168.1.200'), prefix(24))).toBe(true);
  });

  it('192.168.1.10 and 192.168.1.200 are on different /25s, so the traffic goes via a router', () => {
    expect(sameSubnet(ipv4('192.168.1.10'), ipv4('192.168.1.200'), prefix(25))).toBe(false);
  });

  it('192.168.10.77 is in 192.168.10.64/26 but 192.168.10.128 is not', () => {
    const s = subnet('192.168.10.64/26');
    expect(subnetContains(s, ipv4('192.168.10.77'))).toBe(true);
    expect(subnetContains(s, ipv4('192.168.10.63'))).toBe(false);
    expect(subnetContains(s, ipv4('192.168.10.128'))).toBe(false);
  });
});

describe('masks, written dotted or as a prefix length', () => {
  it('255.255.255.0, /24 and 24 are the same mask', () => {
    const m = parseMask('255.255.255.0');
    expect(m).toEqual({ ok: true, value: maskFromPrefix(prefix(24)) });
    expect(parseMask('/24')).toEqual(m);
    expect(parseMask('24')).toEqual(m);
    expect(prefixOfMask(maskFromPrefix(prefix(24)))).toBe(24);
  });

  it('255.0.255.0 is refused: the 1-bits must all come first, and the binary shows why', () => {
    const message = refusal(parseMask('255.0.255.0'));
    expect(message).toMatch(/1-bits must all come first/);
    expect(message).toContain('11111111.00000000.11111111.00000000');
  });

  it('255.255.255.1 and 0.255.255.255 are refused as non-contiguous', () => {
    expect(refusal(parseMask('255.255.255.1'))).toMatch(/not a valid mask/);
    expect(refusal(parseMask('0.255.255.255'))).toMatch(/not a valid mask/);
  });

  it('/33 is refused: a prefix length is 0–32', () => {
    expect(refusal(parseMask('/33'))).toMatch(/0–32/);
    expect(refusal(parsePrefix('33'))).toMatch(/0–32/);
  });

  it('a mask that is not even an address, like 255.255.256.0, is refused with the address reason', () => {
    expect(refusal(parseMask('255.255.256.0'))).toMatch(/not a mask.*0–255/);
  });

  it('/024 is refused: write the prefix length without a leading zero', () => {
    expect(refusal(parsePrefix('/024'))).toMatch(/leading zero/);
  });

  it('a 10,000-character mask or prefix is refused quickly as too long', () => {
    const start = performance.now();
    for (let i = 0; i < 100; i++) {
      expect(refusal(parseMask('/' + '9'.repeat(10_000)))).toMatch(/too long/);
      expect(refusal(parseMask('255.'.repeat(2_500)))).toMatch(/too long/);
      expect(refusal(parsePrefix('9'.repeat(10_000)))).toMatch(/too long/);
    }
    expect(performance.now() - start).toBeLessThan(250);
  });

  it('mask and prefix convert back and forth for every prefix 0–32, and match a BigInt computation', () => {
    for (const p of ALL_PREFIXES) {
      const m = maskFromPrefix(p);
      expect(m, `/${p}`).toBe(bigIntMask(p));
      expect(prefixOfMask(m)).toBe(p);
      expect(parseMask(formatMask(m))).toEqual({ ok: true, value: m });
      expect(parseMask(`/${p}`)).toEqual({ ok: true, value: m });
      expect(hostMask(p)).toBe((~m >>> 0));
    }
  });

  it('every non-contiguous mask is refused (a contiguous mask with one bit flipped out of place)', () => {
    // Flipping bit p (the first 0) or p−1 (the last 1) just gives another contiguous mask; any other flip breaks it.
    const broken = anyPrefix.chain((p) =>
      fc
        .integer({ min: 0, max: 31 })
        .filter((i) => i !== p && i !== p - 1)
        .map((i) => ({ p, i, value: (maskFromPrefix(p) ^ (0x80000000 >>> i)) >>> 0 })),
    );
    fc.assert(
      fc.property(broken, ({ value }) => {
        expect(refusal(parseMask(formatIpv4(ipv4FromNumber(value))))).toMatch(/1-bits must all come first/);
      }),
    );
  });

  it('any 32-bit value is accepted as a mask exactly when its binary is ones then zeros', () => {
    const contiguous = anyPrefix.map((p) => maskFromPrefix(p) as number);
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 0, max: 0xffffffff }), contiguous), (value) => {
        const isOnesThenZeros = /^1*0*$/.test(value.toString(2).padStart(32, '0'));
        expect(parseMask(formatIpv4(ipv4FromNumber(value))).ok).toBe(isOnesThenZeros);
      }),
    );
  });
});

describe('addresses with a prefix (CIDR) and networks', () => {
  it('192.168.1.10/24 and 192.168.1.10/255.255.255.0 name the same interface address', () => {
    const c = cidr('192.168.1.10/24');
    expect(c).toEqual({ address: ipv4('192.168.1.10'), prefix: 24 });
    expect(cidr('192.168.1.10/255.255.255.0')).toEqual(c);
    expect(formatCidr(c)).toBe('192.168.1.10/24');
  });

  it('10.0.0.1/33 is refused: a prefix length is 0–32', () => {
    expect(refusal(parseCidr('10.0.0.1/33'))).toMatch(/0–32/);
  });

  it('10.0.0.1 without a prefix is refused: add one after a slash, like 10.0.0.1/24', () => {
    expect(refusal(parseCidr('10.0.0.1'))).toMatch(/needs a prefix length.*10\.0\.0\.1\/24/);
  });

  it('a bad address without a prefix is refused for the address, not told to add /24', () => {
    const message = refusal(parseCidr('hello'));
    expect(message).toMatch(/not allowed/);
    expect(message).not.toMatch(/\/24/);
  });

  it('the address part is checked as strictly as on its own: 256.1.1.1/24 and 01.2.3.4/8 are refused', () => {
    expect(refusal(parseCidr('256.1.1.1/24'))).toMatch(/0–255.*first/);
    expect(refusal(parseCidr('01.2.3.4/8'))).toMatch(/leading zero/);
  });

  it('10.0.0.1//24, 10.0.0.1/ and 10.0.0.1/24/8 are refused', () => {
    for (const text of ['10.0.0.1//24', '10.0.0.1/', '10.0.0.1/24/8']) {
      expect(refusal(parseCidr(text)), text).toMatch(/whole number 0–32/);
    }
  });

  it('10.0.0.1/255.0.255.0 is refused for its non-contiguous mask', () => {
    expect(refusal(parseCidr('10.0.0.1/255.0.255.0'))).toMatch(/1-bits must all come first/);
  });

  it('spaces and huge inputs are refused', () => {
    expect(refusal(parseCidr(' 10.0.0.1/24'))).toMatch(/spaces/);
    expect(refusal(parseCidr('10.0.0.1/' + '1'.repeat(10_000)))).toMatch(/too long/);
  });

  it('192.168.1.0/24 is a network, but 192.168.1.10/24 is refused: it has host bits set, the network is 192.168.1.0/24', () => {
    expect(formatSubnet(subnet('192.168.1.0/24'))).toBe('192.168.1.0/24');
    const message = refusal(parseSubnet('192.168.1.10/24'));
    expect(message).toMatch(/host bits/);
    expect(message).toContain('192.168.1.0/24');
  });

  it('every address with every prefix survives CIDR format then parse', () => {
    fc.assert(
      fc.property(anyIpv4, anyPrefix, (address, p) => {
        expect(parseCidr(formatCidr({ address, prefix: p }))).toEqual({ ok: true, value: { address, prefix: p } });
        expect(parseCidr(`${formatIpv4(address)}/${formatMask(maskFromPrefix(p))}`)).toEqual({
          ok: true,
          value: { address, prefix: p },
        });
      }),
    );
  });

  it('a network parses exactly when its host bits are zero', () => {
    fc.assert(
      fc.property(anyIpv4, anyPrefix, (address, p) => {
        const r = parseSubnet(formatCidr({ address, prefix: p }));
        expect(r.ok).toBe((address & hostMask(p)) === 0);
      }),
    );
  });

  it('prefix() refuses anything but a whole number 0–32', () => {
    for (const bad of [-1, 33, 1.5, Number.NaN]) expect(() => prefix(bad)).toThrow(RangeError);
    expect(prefix(0)).toBe(0);
    expect(prefix(32)).toBe(32);
  });
});

describe('special ranges: private (RFC 1918), loopback, link-local, multicast', () => {
  it('10.x, 172.16–31.x and 192.168.x addresses are private, edges included', () => {
    for (const a of ['10.0.0.0', '10.255.255.255', '172.16.0.0', '172.20.1.1', '172.31.255.255', '192.168.0.0', '192.168.255.255']) {
      expect(isPrivate(ipv4(a)), a).toBe(true);
    }
  });

  it('172.32.0.1 is not private: the 172.16.0.0/12 block stops at 172.31.255.255', () => {
    expect(isPrivate(ipv4('172.32.0.1'))).toBe(false);
  });

  it('addresses just outside the private blocks, and public ones like 8.8.8.8, are not private', () => {
    for (const a of ['9.255.255.255', '11.0.0.0', '172.15.255.255', '192.167.255.255', '192.169.0.0', '8.8.8.8']) {
      expect(isPrivate(ipv4(a)), a).toBe(false);
    }
  });

  it('127.0.0.1 and all of 127.0.0.0/8 are loopback; 126.255.255.255 and 128.0.0.1 are not', () => {
    expect(isLoopback(ipv4('127.0.0.1'))).toBe(true);
    expect(isLoopback(ipv4('127.255.255.255'))).toBe(true);
    expect(isLoopback(ipv4('126.255.255.255'))).toBe(false);
    expect(isLoopback(ipv4('128.0.0.1'))).toBe(false);
    expect(isPrivate(ipv4('127.0.0.1'))).toBe(false);
  });

  it('169.254.x.x is link-local (what a host picks when DHCP fails)', () => {
    expect(subnetContains(LINK_LOCAL_RANGE, ipv4('169.254.10.20'))).toBe(true);
    expect(subnetContains(LINK_LOCAL_RANGE, ipv4('169.255.0.0'))).toBe(false);
  });

  it('224.0.0.0 to 239.255.255.255 is multicast; 223.255.255.255 and 240.0.0.0 are not', () => {
    expect(isMulticast(ipv4('224.0.0.1'))).toBe(true);
    expect(isMulticast(ipv4('239.255.255.255'))).toBe(true);
    expect(isMulticast(ipv4('223.255.255.255'))).toBe(false);
    expect(isMulticast(ipv4('240.0.0.0'))).toBe(false);
  });

  it('private means in one of the three RFC 1918 blocks, checked on the octets for every address', () => {
    fc.assert(
      fc.property(anyIpv4, (ip) => {
        const [a, b] = formatIpv4(ip).split('.').map(Number) as [number, number];
        const expected = a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
        expect(isPrivate(ip)).toBe(expected);
      }),
    );
  });
});

describe('classful addressing, for the history lesson', () => {
  const cases: [string, string][] = [
    ['0.0.0.0', 'A'],
    ['127.255.255.255', 'A'],
    ['128.0.0.0', 'B'],
    ['191.255.255.255', 'B'],
    ['192.0.0.0', 'C'],
    ['223.255.255.255', 'C'],
    ['224.0.0.0', 'D'],
    ['239.255.255.255', 'D'],
    ['240.0.0.0', 'E'],
    ['255.255.255.255', 'E'],
  ];
  it.each(cases)('%s was class %s', (address, cls) => {
    expect(addressClass(ipv4(address))).toBe(cls);
  });

  it('classes A, B and C implied /8, /16 and /24; D (multicast) and E (reserved) had no mask', () => {
    expect(classfulPrefix('A')).toBe(8);
    expect(classfulPrefix('B')).toBe(16);
    expect(classfulPrefix('C')).toBe(24);
    expect(classfulPrefix('D')).toBeUndefined();
    expect(classfulPrefix('E')).toBeUndefined();
  });

  it('the class is read from the leading bits: 0 → A, 10 → B, 110 → C, 1110 → D, 1111 → E', () => {
    fc.assert(
      fc.property(anyIpv4, (ip) => {
        const bits = ipv4ToBinary(ip);
        const expected = bits.startsWith('0') ? 'A' : bits.startsWith('10') ? 'B' : bits.startsWith('110') ? 'C' : bits.startsWith('1110') ? 'D' : 'E';
        expect(addressClass(ip)).toBe(expected);
      }),
    );
  });
});

