import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ipv4 } from '../../../src/net/address/ipv4';
import { decodeUdp, encodeUdp, udpLength, type UdpDatagram } from '../../../src/net/wire';
import { unwrap } from '../../../src/net/result';
import { fromHex, ipArb, pseudoHeader, referenceChecksum, udpArb } from './arbitraries';

// A DNS query for example.com (A record) from 192.168.1.100:53000 to 8.8.8.8:53.
const src = ipv4('192.168.1.100');
const dst = ipv4('8.8.8.8');
const query = fromHex('abcd 0100 0001 0000 0000 0000 07 6578616d706c65 03 636f6d 00 0001 0001');
const dnsBytes = Uint8Array.from([...fromHex('cf08 0035 0025 e30e'), ...query]);
const dns: UdpDatagram = { kind: 'udp', srcPort: 53000, dstPort: 53, data: query };

describe('UDP (RFC 768)', () => {
  it('checksums the pseudo-header (addresses, zero, 17, length) and the datagram', () => {
    const zeroed = dnsBytes.slice();
    zeroed[6] = zeroed[7] = 0;
    expect(referenceChecksum(pseudoHeader('192.168.1.100', '8.8.8.8', 17, 37), zeroed)).toBe(0xe30e);
  });

  it('encodes ports, length, checksum, data', () => {
    expect(unwrap(encodeUdp(dns, src, dst))).toStrictEqual(dnsBytes);
  });

  it('decodes and verifies them', () => {
    expect(unwrap(decodeUdp(dnsBytes, src, dst))).toStrictEqual(dns);
  });

  it('fails the checksum when delivered to the wrong address: that is what the pseudo-header is for', () => {
    const r = decodeUdp(dnsBytes, src, ipv4('8.8.4.4'));
    expect(r).toMatchObject({ ok: false, error: { layer: 'udp', offset: 6 } });
    expect(!r.ok && r.error.message).toMatch(/^the UDP checksum is 0xe30e but .* add up to 0x/);
  });

  it('accepts a checksum field of 0: the sender computed none', () => {
    const bytes = dnsBytes.slice();
    bytes[6] = bytes[7] = 0;
    expect(unwrap(decodeUdp(bytes, src, ipv4('1.2.3.4')))).toStrictEqual(dns);
  });

  it('sends a computed checksum of 0 as 0xFFFF, since 0 would mean "none"', () => {
    const a = ipv4('10.0.0.1');
    const b = ipv4('10.0.0.2');
    // With two data bytes equal to the checksum they would otherwise give, everything sums to
    // all ones, so the checksum comes out as 0.
    const header = fromHex('03e8 07d0 000a 0000');
    const c = referenceChecksum(pseudoHeader('10.0.0.1', '10.0.0.2', 17, 10), header, Uint8Array.of(0, 0));
    const d: UdpDatagram = { kind: 'udp', srcPort: 1000, dstPort: 2000, data: Uint8Array.of(c >> 8, c & 0xff) };
    const bytes = unwrap(encodeUdp(d, a, b));
    expect([bytes[6], bytes[7]]).toEqual([0xff, 0xff]);
    expect(unwrap(decodeUdp(bytes, a, b))).toStrictEqual(d);
  });

  it('refuses a length field that disagrees with the bytes carried', () => {
    expect(decodeUdp(dnsBytes.subarray(0, 30), src, dst)).toEqual({
      ok: false,
      error: { layer: 'udp', offset: 4, message: 'the UDP length field says 37 bytes but the IP packet carries 30 (truncated?)' },
    });
    expect(decodeUdp(dnsBytes.subarray(0, 7), src, dst)).toMatchObject({ ok: false, error: { offset: 0 } });
  });

  it('refuses ports over 65535', () => {
    expect(encodeUdp({ ...dns, dstPort: 65536 }, src, dst)).toEqual({ ok: false, error: 'UDP destination port is 65536; a port is 16 bits, 0–65535' });
  });
});

describe('properties', () => {
  it('round-trips every valid datagram, both ways', () => {
    fc.assert(
      fc.property(udpArb, ipArb, ipArb, (d, a, b) => {
        const bytes = unwrap(encodeUdp(d, a, b));
        expect(bytes.length).toBe(udpLength(d));
        expect(unwrap(decodeUdp(bytes, a, b))).toStrictEqual(d);
        expect(unwrap(encodeUdp(unwrap(decodeUdp(bytes, a, b)), a, b))).toStrictEqual(bytes);
      }),
    );
  });

  it('detects single-bit errors by the checksum, except one that turns the checksum into 0 ("none")', () => {
    fc.assert(
      fc.property(udpArb, ipArb, ipArb, fc.nat(), (d, a, b, n) => {
        const bytes = unwrap(encodeUdp(d, a, b));
        let bit = n % (bytes.length * 8);
        if (bit >> 4 === 2) bit += 16; // bytes 4–5 are the length, which is checked on its own
        bytes[bit >> 3] ^= 1 << (bit & 7);
        const r = decodeUdp(bytes, a, b);
        if (bytes[6] === 0 && bytes[7] === 0) expect(r.ok).toBe(true);
        else expect(!r.ok && r.error.message).toContain('checksum');
      }),
    );
  });
});
