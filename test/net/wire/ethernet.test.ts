import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ipv4 } from '../../../src/net/address/ipv4';
import { BROADCAST_MAC, ZERO_MAC, mac } from '../../../src/net/address/mac';
import {
  ETHERTYPE_ARP,
  ETHERTYPE_IPV4,
  ETHERTYPE_IPV6,
  decodeEthernet,
  encodeEthernet,
  ethernetLength,
  type ArpPacket,
  type EthernetFrame,
} from '../../../src/net/wire';
import { unwrap } from '../../../src/net/result';
import { ethernetArb, fromHex } from './arbitraries';

const arpRequest: ArpPacket = {
  kind: 'arp',
  op: 'request',
  senderMac: mac('00:1a:2b:3c:4d:5e'),
  senderIp: ipv4('192.168.1.100'),
  targetMac: ZERO_MAC,
  targetIp: ipv4('192.168.1.1'),
};

const arpFrame: EthernetFrame = { dst: BROADCAST_MAC, src: mac('00:1a:2b:3c:4d:5e'), etherType: ETHERTYPE_ARP, payload: arpRequest };

// "Who has 192.168.1.1? Tell 192.168.1.100", as it leaves the NIC: padded to 60 bytes, then the FCS
// (computed with zlib.crc32, independently of this code, and written least significant byte first).
const arpFrameBytes = fromHex(`
  ff ff ff ff ff ff  00 1a 2b 3c 4d 5e  08 06
  00 01 08 00 06 04 00 01  00 1a 2b 3c 4d 5e  c0 a8 01 64  00 00 00 00 00 00  c0 a8 01 01
  00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
`);
const arpFcs = fromHex('b8 0e 31 d6');

const raw = (n: number, fill = 0xab) => ({ kind: 'raw' as const, bytes: new Uint8Array(n).fill(fill) });

describe('Ethernet II header order', () => {
  it('puts the destination MAC in bytes 0–5, the source in 6–11, the EtherType in 12–13', () => {
    // Many textbook diagrams put the source first; on the wire the destination comes first,
    // so that a switch can start deciding where the frame goes as soon as it arrives.
    const bytes = unwrap(encodeEthernet({ dst: mac('aa:bb:cc:dd:ee:ff'), src: mac('00:11:22:33:44:55'), etherType: 0x88b5, payload: raw(46) }));
    expect([...bytes.subarray(0, 6)]).toEqual([0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff]);
    expect([...bytes.subarray(6, 12)]).toEqual([0x00, 0x11, 0x22, 0x33, 0x44, 0x55]);
    expect([...bytes.subarray(12, 14)]).toEqual([0x88, 0xb5]);
    expect(unwrap(decodeEthernet(bytes)).dst).toBe(mac('aa:bb:cc:dd:ee:ff'));
  });
});

describe('padding and size limits', () => {
  it('pads a 28-byte ARP payload with zeros to the 60-byte minimum frame', () => {
    const bytes = unwrap(encodeEthernet(arpFrame));
    expect(bytes.length).toBe(60);
    expect(bytes).toStrictEqual(arpFrameBytes);
    expect(ethernetLength(arpFrame)).toBe(60);
  });

  it('decodes the padded frame back to the same ARP packet, ignoring the padding', () => {
    expect(unwrap(decodeEthernet(arpFrameBytes))).toStrictEqual(arpFrame);
  });

  it('also decodes a frame captured before padding (42 bytes, as the sender’s Wireshark shows it)', () => {
    expect(unwrap(decodeEthernet(arpFrameBytes.subarray(0, 42)))).toStrictEqual(arpFrame);
  });

  it('carries exactly 1500 bytes but refuses 1501, in words a learner can act on', () => {
    const ok1500 = encodeEthernet({ ...arpFrame, etherType: 0x88b5, payload: raw(1500) });
    expect(ok1500.ok && ok1500.value.length).toBe(1514);
    const tooBig = encodeEthernet({ ...arpFrame, etherType: 0x88b5, payload: raw(1501) });
    expect(tooBig).toEqual({
      ok: false,
      error: 'the payload is 1501 bytes; Ethernet carries at most 1500 (the MTU) — fragment it at the IP layer or send less',
    });
  });

  it('refuses to decode a frame whose payload is over 1500 bytes', () => {
    const r = decodeEthernet(new Uint8Array(14 + 1501).fill(0x88, 12, 13));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ layer: 'ethernet', offset: 14 });
  });

  it('keeps the padding of a payload whose EtherType it does not model (there is no length field)', () => {
    const frame: EthernetFrame = { ...arpFrame, etherType: ETHERTYPE_IPV6, payload: raw(10) };
    const decoded = unwrap(decodeEthernet(unwrap(encodeEthernet(frame))));
    expect(decoded.payload).toStrictEqual({ kind: 'raw', bytes: Uint8Array.from([...raw(10).bytes, ...new Uint8Array(36)]) });
  });
});

describe('frame check sequence', () => {
  it('appends the CRC-32 least significant byte first, as Wireshark expects', () => {
    const bytes = unwrap(encodeEthernet(arpFrame, { fcs: true }));
    expect(bytes.length).toBe(64);
    expect(bytes.subarray(60)).toStrictEqual(arpFcs);
  });

  it('verifies the FCS on decode', () => {
    const bytes = Uint8Array.from([...arpFrameBytes, ...arpFcs]);
    expect(unwrap(decodeEthernet(bytes, { fcs: true }))).toStrictEqual(arpFrame);
  });

  it('reports a damaged frame, with the values found and expected', () => {
    const bytes = Uint8Array.from([...arpFrameBytes, ...arpFcs]);
    bytes[30] ^= 0x01;
    const r = decodeEthernet(bytes, { fcs: true });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.layer).toBe('ethernet');
      expect(r.error.offset).toBe(60);
      expect(r.error.message).toContain('FCS');
      expect(r.error.message).toContain('0xd6310eb8');
    }
  });

  it('catches every single-bit error anywhere in the frame', () => {
    fc.assert(
      fc.property(ethernetArb, fc.nat(), (frame, n) => {
        const bytes = unwrap(encodeEthernet(frame, { fcs: true }));
        const bit = n % (bytes.length * 8);
        bytes[bit >> 3] ^= 1 << (bit & 7);
        const r = decodeEthernet(bytes, { fcs: true });
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.error.message).toContain('FCS');
      }),
    );
  });
});

describe('EtherType and payload must agree', () => {
  it('refuses an ARP payload labelled IPv4, and raw bytes labelled ARP', () => {
    expect(encodeEthernet({ ...arpFrame, etherType: ETHERTYPE_IPV4 })).toEqual({
      ok: false,
      error: 'an ARP packet travels with EtherType 0x0806, not 0x0800',
    });
    const r = encodeEthernet({ ...arpFrame, payload: raw(46) });
    expect(r.ok).toBe(false);
  });

  it('refuses values below 0x0600, which IEEE 802.3 reads as a length', () => {
    const r = encodeEthernet({ ...arpFrame, etherType: 1500, payload: raw(46) });
    expect(!r.ok && r.error).toMatch(/length/);
    const bytes = unwrap(encodeEthernet({ ...arpFrame, etherType: 0x88b5, payload: raw(46) }));
    bytes[12] = 0x05;
    bytes[13] = 0xdc;
    const d = decodeEthernet(bytes);
    expect(!d.ok && d.error).toMatchObject({ layer: 'ethernet', offset: 12 });
  });

  it('refuses a payload kind it does not know, rather than throwing', () => {
    expect(encodeEthernet({ ...arpFrame, payload: { kind: 'ipv6' } as never })).toEqual({
      ok: false,
      error: "an Ethernet payload is 'arp', 'ipv4' or 'raw', not 'ipv6'",
    });
  });

  it('refuses a multicast or broadcast source: a frame comes from one station', () => {
    expect(encodeEthernet({ ...arpFrame, src: BROADCAST_MAC })).toEqual({
      ok: false,
      error: "the source MAC ff:ff:ff:ff:ff:ff is a group (multicast) address, its first byte being odd; a frame's source is always one station's own address (IEEE 802.3 §3.2.3)",
    });
    const bytes = arpFrameBytes.slice();
    bytes[6] = 0x01;
    expect(decodeEthernet(bytes)).toMatchObject({ ok: false, error: { layer: 'ethernet', offset: 6 } });
  });

  it('refuses addresses that are not 48-bit', () => {
    expect(encodeEthernet({ ...arpFrame, dst: 2 ** 48 as never }).ok).toBe(false);
  });
});

describe('decoding reports where it failed', () => {
  it('says a too-short frame is truncated', () => {
    expect(decodeEthernet(new Uint8Array(0))).toEqual({
      ok: false,
      error: { layer: 'ethernet', offset: 0, message: 'an Ethernet header is 14 bytes (destination MAC, source MAC, EtherType); only 0 are here (truncated)' },
    });
  });

  it('gives offsets from the start of the frame for errors in inner layers', () => {
    const bytes = arpFrameBytes.slice();
    bytes[14 + 7] = 3; // ARP op 3 does not exist
    const r = decodeEthernet(bytes);
    expect(!r.ok && r.error).toMatchObject({ layer: 'arp', offset: 20 });
  });
});

describe('round trips', () => {
  it('decode(encode(frame)) gives back the frame, with or without FCS', () => {
    fc.assert(
      fc.property(ethernetArb, fc.boolean(), (frame, fcs) => {
        expect(unwrap(decodeEthernet(unwrap(encodeEthernet(frame, { fcs })), { fcs }))).toStrictEqual(frame);
      }),
    );
  });

  it('encode(decode(bytes)) gives back the bytes that encode made', () => {
    fc.assert(
      fc.property(ethernetArb, (frame) => {
        const bytes = unwrap(encodeEthernet(frame));
        expect(unwrap(encodeEthernet(unwrap(decodeEthernet(bytes))))).toStrictEqual(bytes);
      }),
    );
  });

  it('ethernetLength matches the encoded length without encoding', () => {
    fc.assert(
      fc.property(ethernetArb, (frame) => {
        expect(ethernetLength(frame)).toBe(unwrap(encodeEthernet(frame)).length);
      }),
    );
  });
});

describe('untrusted input', () => {
  const layers = ['ethernet', 'arp', 'ipv4', 'icmp', 'udp', 'tcp'];
  const checkOutcome = (bytes: Uint8Array, fcs: boolean) => {
    const r = decodeEthernet(bytes, { fcs });
    if (r.ok) {
      // Whatever decodes can be encoded again and means the same thing (a short raw payload
      // comes back padded: nothing in Ethernet II says where it ended).
      const again = encodeEthernet(r.value, { fcs });
      expect(again.ok).toBe(true);
      const p = r.value.payload;
      if (again.ok && (p.kind !== 'raw' || p.bytes.length >= 46)) {
        expect(unwrap(decodeEthernet(again.value, { fcs }))).toStrictEqual(r.value);
      }
    } else {
      expect(layers).toContain(r.error.layer);
      expect(r.error.message.length).toBeGreaterThan(10);
      expect(Number.isInteger(r.error.offset) && r.error.offset >= 0 && r.error.offset <= bytes.length).toBe(true);
    }
  };

  it('never throws on random bytes: it decodes them or says why not', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.boolean(), (bytes, fcs) => checkOutcome(bytes, fcs)),
      { numRuns: 2000 },
    );
  });

  it('never throws on valid frames with some bytes overwritten or cut short', () => {
    // Random bytes rarely get past the EtherType; damaged real frames exercise the inner decoders.
    fc.assert(
      fc.property(
        ethernetArb,
        fc.array(fc.record({ at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }), { maxLength: 4 }),
        fc.option(fc.nat()),
        (frame, edits, cut) => {
          const bytes = unwrap(encodeEthernet(frame));
          for (const { at, value } of edits) bytes[at % bytes.length] = value;
          checkOutcome(cut === null ? bytes : bytes.subarray(0, cut % (bytes.length + 1)), false);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
