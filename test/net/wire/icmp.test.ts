import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ipv4 } from '../../../src/net/address/ipv4';
import { decodeIcmp, encodeIcmp, encodeIpv4, icmpLength, icmpOriginal, type IcmpMessage, type Ipv4Packet } from '../../../src/net/wire';
import { unwrap } from '../../../src/net/result';
import { fromHex, icmpArb, referenceChecksum } from './arbitraries';

const abc = new TextEncoder().encode('abcdefghijklmnopqrstuvwabcdefghi');

// What Windows `ping` sends: identifier 1, sequence 1, 32 bytes of the alphabet; checksum 0x4d5a.
const echoBytes = Uint8Array.from([...fromHex('08 00 4d 5a 00 01 00 01'), ...abc]);
const echo: IcmpMessage = { kind: 'icmp', type: 'echo-request', identifier: 1, sequence: 1, data: abc };

describe('ICMP echo (RFC 792)', () => {
  it('has the checksum computed by hand over the whole message', () => {
    const zeroed = echoBytes.slice();
    zeroed[2] = zeroed[3] = 0;
    expect(referenceChecksum(zeroed)).toBe(0x4d5a);
  });

  it('encodes type 8, code 0, checksum, identifier, sequence, data', () => {
    expect(unwrap(encodeIcmp(echo))).toStrictEqual(echoBytes);
  });

  it('decodes it, and the reply (type 0)', () => {
    expect(unwrap(decodeIcmp(echoBytes))).toStrictEqual(echo);
    const reply = unwrap(encodeIcmp({ ...echo, type: 'echo-reply' }));
    expect(reply[0]).toBe(0);
    expect(unwrap(decodeIcmp(reply))).toMatchObject({ type: 'echo-reply', identifier: 1, sequence: 1 });
  });

  it('refuses a damaged message, saying which checksum and what it should be', () => {
    const bytes = echoBytes.slice();
    bytes[20] ^= 0x04; // 'm' (0x6d) becomes 'i' (0x69): that word drops by 0x0400, so the sum should rise by 0x0400
    expect(decodeIcmp(bytes)).toEqual({
      ok: false,
      error: { layer: 'icmp', offset: 2, message: 'the ICMP checksum is 0x4d5a but the message adds up to 0x515a: it was damaged in transit' },
    });
  });

  it('refuses identifiers and sequence numbers over 16 bits', () => {
    expect(encodeIcmp({ ...echo, sequence: 65536 }).ok).toBe(false);
  });
});

describe('ICMP errors quote the offending datagram', () => {
  const udp: Ipv4Packet = {
    kind: 'ipv4', dscp: 0, ecn: 0, identification: 0x1234, dontFragment: false, moreFragments: false, fragmentOffset: 0,
    ttl: 1, protocol: 17, src: ipv4('10.0.0.1'), dst: ipv4('10.0.9.9'), options: new Uint8Array(0),
    payload: { kind: 'udp', srcPort: 33434, dstPort: 33435, data: new Uint8Array(32) },
  };

  it('icmpOriginal takes the IP header and the first 8 data bytes (the UDP header, with the ports)', () => {
    const ipBytes = unwrap(encodeIpv4(udp));
    expect(icmpOriginal(ipBytes)).toStrictEqual(ipBytes.subarray(0, 28));
  });

  it('counts header options, and stops at Total Length', () => {
    const ipBytes = unwrap(encodeIpv4({ ...udp, options: new Uint8Array(8), payload: { ...udp.payload, data: new Uint8Array(0) } as never }));
    expect(icmpOriginal(ipBytes).length).toBe(28 + 8);
    const short = unwrap(encodeIpv4({ ...udp, protocol: 253, payload: { kind: 'raw', bytes: Uint8Array.of(1, 2) } }));
    expect(icmpOriginal(Uint8Array.from([...short, 0, 0, 0, 0, 0, 0]))).toStrictEqual(short);
  });

  it('never throws on odd input', () => {
    expect(icmpOriginal(new Uint8Array(0)).length).toBe(0);
    expect(icmpOriginal(Uint8Array.of(0x40)).length).toBe(1);
  });

  it('time exceeded: type 11, 4 unused zero bytes, then the quote', () => {
    const original = icmpOriginal(unwrap(encodeIpv4(udp)));
    const m: IcmpMessage = { kind: 'icmp', type: 'time-exceeded', code: 0, original };
    const bytes = unwrap(encodeIcmp(m));
    expect([...bytes.subarray(0, 2)]).toEqual([11, 0]);
    expect([...bytes.subarray(4, 8)]).toEqual([0, 0, 0, 0]);
    expect(bytes.subarray(8)).toStrictEqual(original);
    expect(unwrap(decodeIcmp(bytes))).toStrictEqual(m);
  });

  it('port unreachable: type 3 code 3', () => {
    const m: IcmpMessage = { kind: 'icmp', type: 'destination-unreachable', code: 3, original: new Uint8Array(28) };
    const bytes = unwrap(encodeIcmp(m));
    expect([bytes[0], bytes[1]]).toEqual([3, 3]);
    expect(unwrap(decodeIcmp(bytes))).toStrictEqual(m);
  });

  it("keeps an unreachable whose 'unused' field is used (RFC 1191 next-hop MTU) as 'other', losing nothing", () => {
    const rest = Uint8Array.from([0, 0, 0x05, 0xdc, ...new Uint8Array(28)]);
    const m: IcmpMessage = { kind: 'icmp', type: 'other', icmpType: 3, code: 4, rest };
    expect(unwrap(decodeIcmp(unwrap(encodeIcmp(m))))).toStrictEqual(m);
  });
});

describe("other types, and what 'other' may not hide", () => {
  it('decodes an unmodelled type as other (timestamp request, type 13)', () => {
    const m: IcmpMessage = { kind: 'icmp', type: 'other', icmpType: 13, code: 0, rest: new Uint8Array(16).fill(1) };
    expect(unwrap(decodeIcmp(unwrap(encodeIcmp(m))))).toStrictEqual(m);
  });

  it("refuses 'other' for a message that has its own type", () => {
    expect(encodeIcmp({ kind: 'icmp', type: 'other', icmpType: 8, code: 0, rest: new Uint8Array(4) })).toEqual({
      ok: false,
      error: "ICMP type 8 code 0 is a modelled message: build it with type 'echo-request', not 'other'",
    });
  });

  it("refuses 'other' with fewer than the 4 bytes after the checksum", () => {
    expect(encodeIcmp({ kind: 'icmp', type: 'other', icmpType: 13, code: 0, rest: new Uint8Array(3) }).ok).toBe(false);
  });

  it('says a message under 8 bytes is truncated', () => {
    expect(decodeIcmp(echoBytes.subarray(0, 7))).toMatchObject({ ok: false, error: { layer: 'icmp', offset: 0 } });
  });
});

describe('properties', () => {
  it('round-trips every valid message, both ways', () => {
    fc.assert(
      fc.property(icmpArb, (m) => {
        const bytes = unwrap(encodeIcmp(m));
        expect(bytes.length).toBe(icmpLength(m));
        expect(unwrap(decodeIcmp(bytes))).toStrictEqual(m);
        expect(unwrap(encodeIcmp(unwrap(decodeIcmp(bytes))))).toStrictEqual(bytes);
      }),
    );
  });

  it('detects any single-bit error by the checksum', () => {
    fc.assert(
      fc.property(icmpArb, fc.nat(), (m, n) => {
        const bytes = unwrap(encodeIcmp(m));
        const bit = n % (bytes.length * 8);
        bytes[bit >> 3] ^= 1 << (bit & 7);
        const r = decodeIcmp(bytes);
        expect(!r.ok && r.error.message).toContain('checksum');
      }),
    );
  });
});
