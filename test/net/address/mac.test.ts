import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  BROADCAST_MAC,
  ZERO_MAC,
  formatMac,
  isBroadcastMac,
  isLocallyAdministeredMac,
  isMulticastMac,
  mac,
  macBytes,
  macFromBytes,
  macFromNumber,
  macNic,
  macOui,
  parseMac,
  type Mac,
} from '../../../src/net/address/mac';
import type { Result } from '../../../src/net/result';

function refusal<T>(r: Result<T>): string {
  if (r.ok) throw new Error(`expected a refusal, got ${JSON.stringify(r.value)}`);
  return r.error;
}

const hex2 = (b: number) => b.toString(16).padStart(2, '0');
const sixBytes = fc.uint8Array({ minLength: 6, maxLength: 6 });
const anyMac = sixBytes.map((b) => macFromBytes(b));

describe('reading and writing MAC addresses', () => {
  it('aa:bb:cc:dd:ee:ff is six bytes, 0xAABBCCDDEEFF', () => {
    const m = mac('aa:bb:cc:dd:ee:ff');
    expect(m).toBe(0xaabbccddeeff);
    expect(macBytes(m)).toEqual([0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff]);
  });

  it('the colon form, the dash form and upper case all name the same address', () => {
    const m = mac('00:1a:2b:3c:4d:5e');
    expect(mac('00-1A-2B-3C-4D-5E')).toBe(m);
    expect(mac('00:1A:2b:3C:4d:5E')).toBe(m);
  });

  it('it is written lower case with colons, or with dashes on request', () => {
    const m = mac('00-1A-2B-3C-4D-5E');
    expect(formatMac(m)).toBe('00:1a:2b:3c:4d:5e');
    expect(formatMac(m, '-')).toBe('00-1a-2b-3c-4d-5e');
  });

  it('a MAC is read straight out of a frame at an offset', () => {
    const frame = Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00, 0x1a, 0x2b, 0x3c, 0x4d, 0x5e]);
    expect(macFromBytes(frame, 0)).toBe(BROADCAST_MAC);
    expect(formatMac(macFromBytes(frame, 6))).toBe('00:1a:2b:3c:4d:5e');
  });

  it('only whole numbers from 0 to 2^48 − 1 are MAC values', () => {
    expect(macFromNumber(0xffff_ffff_ffff)).toBe(BROADCAST_MAC);
    expect(macFromNumber(0)).toBe(ZERO_MAC);
    expect(() => macFromNumber(2 ** 48)).toThrow(RangeError);
    expect(() => macFromNumber(-1)).toThrow(RangeError);
    expect(() => macFromNumber(1.5)).toThrow(RangeError);
  });

  it('every 48-bit address survives format then parse, with colons, with dashes, and in upper case', () => {
    fc.assert(
      fc.property(anyMac, (m) => {
        expect(parseMac(formatMac(m))).toEqual({ ok: true, value: m });
        expect(parseMac(formatMac(m, '-'))).toEqual({ ok: true, value: m });
        expect(parseMac(formatMac(m).toUpperCase())).toEqual({ ok: true, value: m });
        expect(parseMac(formatMac(m, '-').toUpperCase())).toEqual({ ok: true, value: m });
      }),
    );
  });

  it('every six bytes survive bytes → MAC → bytes, and the written form lists them in order', () => {
    fc.assert(
      fc.property(sixBytes, (bytes) => {
        const m = macFromBytes(bytes);
        expect(macBytes(m)).toEqual([...bytes]);
        expect(formatMac(m)).toBe([...bytes].map(hex2).join(':'));
        expect(macFromNumber(m)).toBe(m);
      }),
    );
  });
});

describe('the two halves: vendor (OUI) and device', () => {
  it("the OUI of aa:bb:cc:dd:ee:ff is 'aa:bb:cc', and the device half is 'dd:ee:ff'", () => {
    const m = mac('aa:bb:cc:dd:ee:ff');
    expect(macOui(m)).toBe('aa:bb:cc');
    expect(macNic(m)).toBe('dd:ee:ff');
  });

  it('the OUI is the first three bytes and the device half the last three, for every address', () => {
    fc.assert(
      fc.property(sixBytes, (bytes) => {
        const m = macFromBytes(bytes);
        const b = [...bytes].map(hex2);
        expect(macOui(m)).toBe(b.slice(0, 3).join(':'));
        expect(macNic(m)).toBe(b.slice(3).join(':'));
      }),
    );
  });
});

describe('broadcast, multicast and unicast', () => {
  it('ff:ff:ff:ff:ff:ff is the broadcast address, and a broadcast is also a multicast', () => {
    const m = mac('ff:ff:ff:ff:ff:ff');
    expect(m).toBe(BROADCAST_MAC);
    expect(isBroadcastMac(m)).toBe(true);
    expect(isMulticastMac(m)).toBe(true);
  });

  it('01:00:5e:00:00:01 (IPv4 multicast to all hosts) is multicast but not broadcast', () => {
    const m = mac('01:00:5e:00:00:01');
    expect(isMulticastMac(m)).toBe(true);
    expect(isBroadcastMac(m)).toBe(false);
  });

  it('33:33:00:00:00:01 (IPv6 multicast) has the group bit set too', () => {
    expect(isMulticastMac(mac('33:33:00:00:00:01'))).toBe(true);
  });

  it('00:1a:2b:3c:4d:5e is an ordinary vendor-assigned unicast address', () => {
    const m = mac('00:1a:2b:3c:4d:5e');
    expect(isMulticastMac(m)).toBe(false);
    expect(isBroadcastMac(m)).toBe(false);
    expect(isLocallyAdministeredMac(m)).toBe(false);
  });

  it('02:00:00:00:00:01 is unicast but locally administered (chosen by software, not the vendor)', () => {
    const m = mac('02:00:00:00:00:01');
    expect(isMulticastMac(m)).toBe(false);
    expect(isLocallyAdministeredMac(m)).toBe(true);
  });

  it('only the lowest bit of the first byte decides multicast; the next bit decides local administration', () => {
    fc.assert(
      fc.property(sixBytes, (bytes) => {
        const m = macFromBytes(bytes);
        expect(isMulticastMac(m)).toBe((bytes[0]! & 0b01) !== 0);
        expect(isLocallyAdministeredMac(m)).toBe((bytes[0]! & 0b10) !== 0);
        expect(isBroadcastMac(m)).toBe(bytes.every((b) => b === 0xff));
      }),
    );
  });
});

describe('bad MAC addresses are refused with a message a learner can act on', () => {
  it('mixed separators, as in aa:bb-cc:dd-ee:ff, are refused: use one kind', () => {
    expect(refusal(parseMac('aa:bb-cc:dd-ee:ff'))).toMatch(/one kind of separator/);
  });

  it('swapping any one colon for a dash is refused as a mixture', () => {
    fc.assert(
      fc.property(anyMac, fc.integer({ min: 0, max: 4 }), (m, i) => {
        const parts = formatMac(m).split(':');
        const mixed = parts.slice(0, i + 1).join(':') + '-' + parts.slice(i + 1).join(':');
        expect(refusal(parseMac(mixed))).toMatch(/one kind of separator/);
      }),
    );
  });

  it('an empty answer is refused with an example', () => {
    expect(refusal(parseMac(''))).toMatch(/empty.*00:1a:2b:3c:4d:5e/);
  });

  it('five bytes are refused: a MAC has six', () => {
    const message = refusal(parseMac('aa:bb:cc:dd:ee'));
    expect(message).toMatch(/six bytes/);
    expect(message).toMatch(/has 5/);
  });

  it('seven bytes are refused: a MAC has six', () => {
    expect(refusal(parseMac('aa:bb:cc:dd:ee:ff:00'))).toMatch(/six bytes.*has 7/);
  });

  it("a letter past f, as in aa:bb:cc:dd:ee:gg, is refused as not a hex digit (not as a separator mixture)", () => {
    const message = refusal(parseMac('aa:bb:cc:dd:ee:gg'));
    expect(message).toMatch(/'g' is not a hex digit/);
    expect(message).not.toMatch(/mixture/);
  });

  it('a one-digit byte, as in a:bb:cc:dd:ee:ff, is refused: each byte is exactly two hex digits', () => {
    expect(refusal(parseMac('a:bb:cc:dd:ee:ff'))).toMatch(/byte 1 'a'.*two hex digits/);
  });

  it('twelve digits with no separators are refused: separate the bytes', () => {
    expect(refusal(parseMac('aabbccddeeff'))).toMatch(/separate the six bytes/);
  });

  it("Cisco's dotted form aabb.ccdd.eeff is refused: use ':' or '-'", () => {
    expect(refusal(parseMac('aabb.ccdd.eeff'))).toMatch(/not a MAC separator/);
  });

  it('spaces around or inside are refused and called spaces', () => {
    expect(refusal(parseMac(' aa:bb:cc:dd:ee:ff'))).toMatch(/spaces/);
    expect(refusal(parseMac('aa: bb:cc:dd:ee:ff'))).toMatch(/space/);
  });

  it('a 10,000-character string is refused quickly as too long', () => {
    const inputs = ['a'.repeat(10_000), 'aa:'.repeat(3_333), ' '.repeat(10_000)];
    const start = performance.now();
    for (let i = 0; i < 100; i++) {
      for (const text of inputs) expect(refusal(parseMac(text))).toMatch(/too long/);
    }
    expect(performance.now() - start).toBeLessThan(250);
  });

  it('mac() throws on a bad address, so a typo in a built-in constant fails loudly', () => {
    expect(() => mac('aa:bb:cc')).toThrow(/six bytes/);
  });

  it('a plain number is not a MAC: it must be converted on purpose (a compile-time check)', () => {
    // @ts-expect-error the Mac brand keeps raw numbers out
    const raw: Mac = 42;
    expect(macFromNumber(raw)).toBe(42);
  });
});
