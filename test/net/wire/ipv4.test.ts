import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ipv4 } from '../../../src/net/address/ipv4';
import {
  decodeIpv4,
  encodeIpv4,
  ipv4HeaderChecksum,
  ipv4PacketLength,
  tcpFlags,
  type Ipv4Packet,
} from '../../../src/net/wire';
import { unwrap } from '../../../src/net/result';
import { fromHex, ipv4Arb, referenceChecksum } from './arbitraries';

// The classic example (Wikipedia, "Internet checksum"): 115 bytes of UDP from 192.168.0.1 to
// 192.168.0.199, don't fragment, TTL 64; header checksum 0xb861.
const classicHeader = fromHex('4500 0073 0000 4000 4011 b861 c0a8 0001 c0a8 00c7');
const classic: Ipv4Packet = {
  kind: 'ipv4',
  dscp: 0,
  ecn: 0,
  identification: 0,
  dontFragment: true,
  moreFragments: false,
  fragmentOffset: 0,
  ttl: 64,
  protocol: 17,
  src: ipv4('192.168.0.1'),
  dst: ipv4('192.168.0.199'),
  options: new Uint8Array(0),
  payload: { kind: 'udp', srcPort: 5353, dstPort: 5353, data: new Uint8Array(115 - 20 - 8).fill(0x61) },
};

const withRaw = (bytes: Uint8Array, fields: Partial<Ipv4Packet> = {}): Ipv4Packet => ({
  ...classic,
  protocol: 253, // reserved for experimentation (RFC 3692)
  payload: { kind: 'raw', bytes },
  ...fields,
});

describe('IPv4 header (RFC 791)', () => {
  it('encodes the classic example header exactly, checksum 0xb861 included', () => {
    const bytes = unwrap(encodeIpv4(classic));
    expect(bytes.length).toBe(0x73);
    expect(bytes.subarray(0, 20)).toStrictEqual(classicHeader);
  });

  it('shows the checksum a header should carry (computed with the field as zero)', () => {
    const zeroed = classicHeader.slice();
    zeroed[10] = zeroed[11] = 0;
    expect(referenceChecksum(zeroed)).toBe(0xb861);
    expect(ipv4HeaderChecksum(classicHeader)).toBe(0xb861);
    expect(ipv4HeaderChecksum(zeroed)).toBe(0xb861);
  });

  it('decodes every field', () => {
    const p = unwrap(decodeIpv4(unwrap(encodeIpv4(classic))));
    expect(p).toStrictEqual(classic);
  });

  it('packs DSCP/ECN, flags and fragment offset into their bits', () => {
    const p = withRaw(Uint8Array.of(1, 2, 3), { dscp: 46, ecn: 1, dontFragment: false, moreFragments: true, fragmentOffset: 185, identification: 0xbeef });
    const bytes = unwrap(encodeIpv4(p));
    expect(bytes[1]).toBe((46 << 2) | 1); // EF traffic, ECN-capable
    expect((bytes[4]! << 8) | bytes[5]!).toBe(0xbeef);
    expect((bytes[6]! << 8) | bytes[7]!).toBe(0x2000 | 185); // MF set, offset 185 × 8 = 1480 bytes
    expect(unwrap(decodeIpv4(bytes))).toStrictEqual(p);
  });

  it('sets IHL from the options length', () => {
    const p = withRaw(new Uint8Array(4), { options: Uint8Array.of(0x01, 0x01, 0x01, 0x00) }); // NOP NOP NOP EOL
    const bytes = unwrap(encodeIpv4(p));
    expect(bytes[0]).toBe(0x46);
    expect(ipv4PacketLength(p)).toBe(28);
    expect(unwrap(decodeIpv4(bytes)).options).toStrictEqual(p.options);
  });

  it('ignores bytes after Total Length (Ethernet padding)', () => {
    const bytes = unwrap(encodeIpv4(withRaw(Uint8Array.of(9))));
    expect(unwrap(decodeIpv4(Uint8Array.from([...bytes, 0, 0, 0]))).payload).toStrictEqual({ kind: 'raw', bytes: Uint8Array.of(9) });
  });
});

describe('refusing to encode what cannot be sent', () => {
  it.each<[string, Partial<Ipv4Packet>, RegExp]>([
    ['TTL over 255', { ttl: 256 }, /TTL is 256; it is one byte/],
    ['DSCP over 63', { dscp: 64 }, /DSCP/],
    ['a fragment offset over 13 bits', { fragmentOffset: 8192 }, /fragment offset/],
    ['options not a multiple of 4', { options: new Uint8Array(3) }, /multiple of 4/],
    ['options over 40 bytes', { options: new Uint8Array(44) }, /at most 40/],
    ['a protocol that does not match the payload', { protocol: 6 }, /protocol field must be 17, not 6/],
    ['a fragment with a UDP payload', { moreFragments: true }, /raw bytes/],
  ])('%s', (_what, fields, message) => {
    const r = encodeIpv4({ ...classic, ...fields });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });

  it('raw bytes labelled UDP, unless it is a fragment', () => {
    expect(encodeIpv4(withRaw(new Uint8Array(8), { protocol: 17 }))).toEqual({
      ok: false,
      error: 'protocol 17 says UDP, but the payload is raw bytes; build a UDP payload (or mark the packet as a fragment)',
    });
    expect(encodeIpv4(withRaw(new Uint8Array(8), { protocol: 17, moreFragments: true })).ok).toBe(true);
  });

  it('a packet over 65535 bytes', () => {
    expect(encodeIpv4(withRaw(new Uint8Array(65535 - 19))).ok).toBe(false);
    expect(encodeIpv4(withRaw(new Uint8Array(65535 - 20))).ok).toBe(true);
  });

  it('errors from the payload', () => {
    const r = encodeIpv4({ ...classic, payload: { kind: 'udp', srcPort: 70000, dstPort: 53, data: new Uint8Array(0) } });
    expect(!r.ok && r.error).toMatch(/source port is 70000/);
  });
});

describe('decoding untrusted bytes', () => {
  const fail = (bytes: Uint8Array) => {
    const r = decodeIpv4(bytes);
    if (r.ok) throw new Error('expected a decode error');
    return r.error;
  };

  it('reports a wrong header checksum with the values found and expected, in hex', () => {
    const bytes = unwrap(encodeIpv4(classic));
    bytes[11] = 0x62;
    expect(fail(bytes)).toEqual({
      layer: 'ipv4',
      offset: 10,
      message: 'the IPv4 header checksum is 0xb862 but the header adds up to 0xb861: the header was damaged in transit',
    });
  });

  /** Recomputes the header checksum, so that the field changed is the only fault. */
  const fixChecksum = (bytes: Uint8Array) => {
    bytes[10] = bytes[11] = 0;
    const sum = referenceChecksum(bytes.subarray(0, 20));
    bytes[10] = sum >> 8;
    bytes[11] = sum & 0xff;
    return bytes;
  };

  it('checks the version', () => {
    const bytes = classicHeader.slice();
    bytes[0] = 0x65;
    fixChecksum(bytes);
    expect(fail(bytes).message).toBe('the IP version is 6, not 4 (IPv6 has a different header, which this simulator does not decode)');
  });

  it('checks that IHL is at least 5', () => {
    const bytes = classicHeader.slice();
    bytes[0] = 0x44;
    fixChecksum(bytes);
    expect(fail(bytes)).toMatchObject({ offset: 0, message: expect.stringMatching(/minimum is 5 words/) });
  });

  it('checks Total Length against the bytes present', () => {
    expect(fail(classicHeader)).toMatchObject({ offset: 2, message: 'the IPv4 Total Length says 115 bytes but only 20 are here (truncated)' });
    const tooSmall = classicHeader.slice();
    tooSmall[3] = 19;
    expect(fail(fixChecksum(tooSmall)).message).toBe('the IPv4 Total Length is 19, less than the 20-byte header');
  });

  it('mentions a bad checksum alongside a structural fault it probably caused', () => {
    const bytes = classicHeader.slice();
    bytes[0] = 0x55;
    expect(fail(bytes).message).toBe(
      'the IP version is 5, not 4 (and the header checksum does not match: the header was probably damaged in transit)',
    );
  });

  it('says a short header is truncated', () => {
    expect(fail(new Uint8Array(0)).message).toBe('an IPv4 header is at least 20 bytes; only 0 are here (truncated)');
  });

  it('detects any single-bit error in the header by its checksum', () => {
    // Every field but IHL: flipping a bit changes one 16-bit word by ±2^k, which the ones'
    // complement sum always notices. IHL is different: it moves the end of the checksummed
    // range, so there detection is only near-certain (see the next test).
    fc.assert(
      fc.property(ipv4Arb, fc.nat(), (p, n) => {
        const bytes = unwrap(encodeIpv4(p));
        const headerBits = (20 + p.options.length) * 8;
        let bit = n % headerBits;
        if (bit >= 0 && bit < 4) bit += 4; // bits 0–3 of byte 0 are IHL; flip a version bit instead
        bytes[bit >> 3] ^= 1 << (bit & 7);
        const r = decodeIpv4(bytes);
        expect(r.ok).toBe(false);
        if (!r.ok) {
          expect(r.error.layer).toBe('ipv4');
          expect(r.error.message).toContain('checksum');
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('also blames the checksum when a flipped IHL bit makes the header look wrong', () => {
    const bytes = unwrap(encodeIpv4(classic));
    for (const bit of [0x01, 0x02, 0x04, 0x08]) {
      const damaged = bytes.slice();
      damaged[0] ^= bit;
      const r = decodeIpv4(damaged);
      expect(!r.ok && r.error.message).toContain('checksum');
    }
  });
});

describe('payloads', () => {
  it('carries a fragment raw, whatever its protocol: it is only a slice of the message', () => {
    const p = withRaw(new Uint8Array(16).fill(7), { protocol: 6, moreFragments: true });
    expect(unwrap(decodeIpv4(unwrap(encodeIpv4(p)))).payload.kind).toBe('raw');
  });

  it('decodes TCP inside IPv4 and reports its errors at their offset in the packet', () => {
    const p: Ipv4Packet = {
      ...classic,
      protocol: 6,
      payload: {
        kind: 'tcp', srcPort: 1, dstPort: 2, seq: 3, ack: 4, flags: tcpFlags({ syn: true }),
        window: 5, urgentPointer: 0, options: new Uint8Array(0), data: new Uint8Array(0),
      },
    };
    const bytes = unwrap(encodeIpv4(p));
    expect(unwrap(decodeIpv4(bytes))).toStrictEqual(p);
    bytes[20 + 4] ^= 0x80;
    expect(decodeIpv4(bytes)).toMatchObject({ ok: false, error: { layer: 'tcp', offset: 36 } });
  });

  it('round-trips every valid packet, both ways, and knows its length without encoding', () => {
    fc.assert(
      fc.property(ipv4Arb, (p) => {
        const bytes = unwrap(encodeIpv4(p));
        expect(bytes.length).toBe(ipv4PacketLength(p));
        expect(unwrap(decodeIpv4(bytes))).toStrictEqual(p);
        expect(unwrap(encodeIpv4(unwrap(decodeIpv4(bytes))))).toStrictEqual(bytes);
      }),
    );
  });
});
