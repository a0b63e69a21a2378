import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  IPV4_ANY,
  IPV4_LIMITED_BROADCAST,
  formatIpv4,
  ipv4,
  ipv4FromNumber,
  ipv4FromOctets,
  ipv4Octets,
  ipv4ToBinary,
  parseIpv4,
  type Ipv4,
} from '../../../src/net/address/ipv4';
import { parseCidr } from '../../../src/net/address/subnet';
import type { Result } from '../../../src/net/result';

/** The refusal message, failing the test if the input was accepted. */
function refusal<T>(r: Result<T>): string {
  if (r.ok) throw new Error(`expected a refusal, got ${JSON.stringify(r.value)}`);
  return r.error;
}

const anyIpv4 = fc.integer({ min: 0, max: 0xffffffff }).map(ipv4FromNumber);
const ORDINALS = ['first', 'second', 'third', 'fourth'];

describe('reading and writing dotted-decimal addresses', () => {
  it('192.168.1.10 is the 32-bit number 0xC0A8010A, one byte per number', () => {
    expect(ipv4('192.168.1.10')).toBe(0xc0a8010a);
    expect(ipv4Octets(ipv4('192.168.1.10'))).toEqual([192, 168, 1, 10]);
    expect(ipv4FromOctets(192, 168, 1, 10)).toBe(ipv4('192.168.1.10'));
  });

  it('0.0.0.0 and 255.255.255.255 are the smallest and largest addresses', () => {
    expect(ipv4('0.0.0.0')).toBe(IPV4_ANY);
    expect(ipv4('255.255.255.255')).toBe(IPV4_LIMITED_BROADCAST);
    expect(IPV4_LIMITED_BROADCAST).toBe(0xffffffff);
    expect(formatIpv4(IPV4_LIMITED_BROADCAST)).toBe('255.255.255.255');
  });

  it('192.168.0.1 in binary is 11000000.10101000.00000000.00000001', () => {
    expect(ipv4ToBinary(ipv4('192.168.0.1'))).toBe('11000000.10101000.00000000.00000001');
  });

  it('a number outside 32 bits wraps to its low 32 bits', () => {
    expect(ipv4FromNumber(-1)).toBe(0xffffffff);
    expect(ipv4FromNumber(0x1_0000_0001)).toBe(1);
  });

  it('a plain number is not an address: it must be converted on purpose (a compile-time check)', () => {
    // @ts-expect-error the Ipv4 brand keeps raw numbers out
    const raw: Ipv4 = 42;
    expect(ipv4FromNumber(raw)).toBe(42);
  });

  it('ipv4() throws on a bad address, so a typo in a built-in constant fails loudly', () => {
    expect(() => ipv4('256.0.0.1')).toThrow(/0–255/);
  });

  it('every 32-bit value survives format then parse unchanged', () => {
    fc.assert(
      fc.property(anyIpv4, (ip) => {
        expect(parseIpv4(formatIpv4(ip))).toEqual({ ok: true, value: ip });
      }),
    );
  });

  it('every address is rebuilt exactly from its four octets', () => {
    fc.assert(
      fc.property(anyIpv4, (ip) => {
        const [a, b, c, d] = ipv4Octets(ip);
        expect(ipv4FromOctets(a, b, c, d)).toBe(ip);
        expect(formatIpv4(ip)).toBe(`${a}.${b}.${c}.${d}`);
      }),
    );
  });

  it('the binary view has 32 bits in four groups of eight and reads back as the same number', () => {
    fc.assert(
      fc.property(anyIpv4, (ip) => {
        const bin = ipv4ToBinary(ip);
        expect(bin).toMatch(/^[01]{8}\.[01]{8}\.[01]{8}\.[01]{8}$/);
        expect(parseInt(bin.replaceAll('.', ''), 2)).toBe(ip);
      }),
    );
  });

  it('the only spelling accepted is the canonical one: whatever parses, formats back to the same text', () => {
    // Four short digit runs: often valid, often with leading zeros, empty parts or values over 255.
    const nearAddress = fc.array(fc.stringMatching(/^[0-9]{0,4}$/), { minLength: 3, maxLength: 5 }).map((p) => p.join('.'));
    fc.assert(
      fc.property(fc.oneof(nearAddress, fc.string()), (text) => {
        const r = parseIpv4(text);
        if (r.ok) expect(formatIpv4(r.value)).toBe(text);
      }),
    );
  });
});

describe('bad addresses are refused with a message a learner can act on', () => {
  it("256.1.1.1 is refused: each number is 0–255, and it is the first that is too big", () => {
    const message = refusal(parseIpv4('256.1.1.1'));
    expect(message).toMatch(/0–255/);
    expect(message).toContain('first');
    expect(message).toContain('256');
  });

  it('1.2.3 is refused: an address has four numbers, and this one has 3', () => {
    const message = refusal(parseIpv4('1.2.3'));
    expect(message).toMatch(/four/);
    expect(message).toMatch(/3/);
  });

  it("' 10.0.0.1' is refused: remove the space before it", () => {
    const message = refusal(parseIpv4(' 10.0.0.1'));
    expect(message).toMatch(/space/);
    expect(message).toContain('before');
    expect(message).toContain("'10.0.0.1'");
  });

  it("'10.0.0.1 ' is refused: remove the space after it", () => {
    const message = refusal(parseIpv4('10.0.0.1 '));
    expect(message).toMatch(/space/);
    expect(message).toContain('after');
  });

  it('a space inside, as in 10.0 .0.1, is refused and called a space', () => {
    expect(refusal(parseIpv4('10.0 .0.1'))).toMatch(/space/);
  });

  it('01.2.3.4 is refused: a leading zero could be read as octal, so write 1', () => {
    const message = refusal(parseIpv4('01.2.3.4'));
    expect(message).toMatch(/leading zero/);
    expect(message).toMatch(/octal/);
    expect(message).toContain('write 1');
  });

  it('10.0.0.1/33 is refused: a prefix length is 0–32', () => {
    const message = refusal(parseCidr('10.0.0.1/33'));
    expect(message).toMatch(/0–32/);
    expect(message).toContain('/33');
  });

  it('10.0.0.1/24 where only an address is wanted is refused: give the address alone', () => {
    const message = refusal(parseIpv4('10.0.0.1/24'));
    expect(message).toMatch(/prefix length/);
    expect(message).toContain('10.0.0.1');
  });

  it('an empty answer is refused with an example of what an address looks like', () => {
    const message = refusal(parseIpv4(''));
    expect(message).toMatch(/empty/);
    expect(message).toMatch(/\d+\.\d+\.\d+\.\d+/);
  });

  it('letters are refused: only digits and dots belong in an address', () => {
    expect(refusal(parseIpv4('abc'))).toMatch(/'a' is not allowed.*digits/);
    expect(refusal(parseIpv4('192.168.1.x'))).toMatch(/'x' is not allowed/);
  });

  it('a minus sign is refused: addresses have no negative numbers', () => {
    expect(refusal(parseIpv4('-1.2.3.4'))).toMatch(/'-' is not allowed/);
  });

  it('1.2.3.4.5 is refused: four numbers, not 5', () => {
    const message = refusal(parseIpv4('1.2.3.4.5'));
    expect(message).toMatch(/four/);
    expect(message).toMatch(/5/);
  });

  it('1..2.3 is refused: two dots in a row leave a number missing', () => {
    expect(refusal(parseIpv4('1..2.3'))).toMatch(/two dots in a row/);
  });

  it('a trailing dot, as in 1.2.3.4., is refused as a dot at the end (not as a fifth number)', () => {
    const message = refusal(parseIpv4('1.2.3.4.'));
    expect(message).toMatch(/ends with a dot/);
    expect(message).not.toMatch(/has 5/);
    expect(refusal(parseIpv4('1.2.3.'))).toMatch(/ends with a dot/);
  });

  it('a leading dot, as in .1.2.3, is refused as a dot at the start', () => {
    expect(refusal(parseIpv4('.1.2.3'))).toMatch(/starts with a dot/);
  });

  it('a number far above 255 is refused the same way as 256', () => {
    expect(refusal(parseIpv4('1.2.99999999999999999999.4'))).toMatch(/0–255.*third/);
  });

  it('a huge input is refused as too long, without echoing it back', () => {
    for (const huge of ['1'.repeat(10_000), '1.'.repeat(5_000), ' '.repeat(10_000), '9.9.9.' + '9'.repeat(9_994)]) {
      const message = refusal(parseIpv4(huge));
      expect(message).toMatch(/too long/);
      expect(message.length).toBeLessThan(200);
    }
  });

  it('a 10,000-character string is refused quickly', () => {
    const inputs = ['1'.repeat(10_000), '1.'.repeat(5_000), `${' '.repeat(9_990)}10.0.0.1`, 'a'.repeat(10_000)];
    const start = performance.now();
    for (let i = 0; i < 100; i++) for (const text of inputs) parseIpv4(text);
    expect(performance.now() - start).toBeLessThan(250);
  });

  it('any octet above 255 is refused, naming which of the four it is', () => {
    fc.assert(
      fc.property(anyIpv4, fc.integer({ min: 0, max: 3 }), fc.integer({ min: 256, max: 99_999 }), (ip, i, big) => {
        const parts = ipv4Octets(ip).map(String);
        parts[i] = String(big);
        const message = refusal(parseIpv4(parts.join('.')));
        expect(message).toMatch(/0–255/);
        expect(message).toContain(ORDINALS[i]!);
      }),
    );
  });

  it('any octet written with a leading zero is refused, naming which of the four it is', () => {
    fc.assert(
      fc.property(anyIpv4, fc.integer({ min: 0, max: 3 }), (ip, i) => {
        const parts = ipv4Octets(ip).map(String);
        parts[i] = `0${parts[i]}`;
        const message = refusal(parseIpv4(parts.join('.')));
        expect(message).toMatch(/leading zero/);
        expect(message).toContain(ORDINALS[i]!);
      }),
    );
  });

  it('every refusal is a short, non-empty sentence, whatever was typed', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ minLength: 60, maxLength: 2_000 })), (text) => {
        const r = parseIpv4(text);
        if (!r.ok) {
          expect(r.error.length).toBeGreaterThan(10);
          expect(r.error.length).toBeLessThan(200);
        }
      }),
    );
  });
});

