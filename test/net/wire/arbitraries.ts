/** fast-check generators for valid wire structures, and small helpers shared by the wire tests. */
import fc from 'fast-check';
import { ipv4FromNumber, type Ipv4 } from '../../../src/net/address/ipv4';
import type { Mac } from '../../../src/net/address/mac';
import {
  ETHERTYPE_ARP,
  ETHERTYPE_IPV4,
  type ArpPacket,
  type EthernetFrame,
  type IcmpMessage,
  type Ipv4Packet,
  type TcpSegment,
  type UdpDatagram,
} from '../../../src/net/wire';

/** Bytes from hex written the way Wireshark shows them: "45 00 00 73 …" (whitespace ignored). */
export function fromHex(hex: string): Uint8Array {
  const clean = hex.replace(/\s+/g, '');
  if (clean.length % 2 !== 0) throw new Error('odd number of hex digits');
  return Uint8Array.from(clean.match(/../g) ?? [], (h) => parseInt(h, 16));
}

/**
 * RFC 1071 written the plain textbook way, independent of the code under test: add the 16-bit
 * big-endian words, fold the carries back in, complement.
 */
export function referenceChecksum(...parts: Uint8Array[]): number {
  const all = Uint8Array.from(parts.flatMap((p) => [...p]));
  let sum = 0;
  for (let i = 0; i < all.length; i += 2) sum += all[i]! * 256 + (all[i + 1] ?? 0);
  while (sum > 0xffff) sum = (sum & 0xffff) + Math.floor(sum / 65536);
  return 0xffff - sum;
}

/** The 12-byte TCP/UDP pseudo-header, written out. */
export function pseudoHeader(src: string, dst: string, protocol: number, length: number): Uint8Array {
  const ip = (s: string) => s.split('.').map(Number);
  return Uint8Array.from([...ip(src), ...ip(dst), 0, protocol, length >> 8, length & 255]);
}

/** fc.record, but with ordinary prototypes so results compare equal to decoded objects under toStrictEqual. */
function record<T>(model: { [K in keyof T]: fc.Arbitrary<T[K]> }): fc.Arbitrary<T> {
  return fc.record(model, { noNullPrototype: true }) as fc.Arbitrary<T>;
}

const u8 = fc.integer({ min: 0, max: 0xff });
const u16 = fc.integer({ min: 0, max: 0xffff });
const u32 = fc.integer({ min: 0, max: 0xffff_ffff });
const bytes = (maxLength: number) => fc.uint8Array({ maxLength });
/** Options: 0–10 words of arbitrary bytes. */
const options = fc.integer({ min: 0, max: 10 }).chain((words) => fc.uint8Array({ minLength: words * 4, maxLength: words * 4 }));

export const macArb: fc.Arbitrary<Mac> = fc.integer({ min: 0, max: 0xffff_ffff_ffff }).map((n) => n as Mac);
/** An individual (unicast) address, as every frame's source must be: the first byte is even. */
export const unicastMacArb: fc.Arbitrary<Mac> = macArb.map((m) => (Math.floor(m / 2 ** 40) % 2 === 1 ? m - 2 ** 40 : m) as Mac);
export const ipArb: fc.Arbitrary<Ipv4> = u32.map(ipv4FromNumber);

export const arpArb: fc.Arbitrary<ArpPacket> = record({
  kind: fc.constant('arp' as const),
  op: fc.constantFrom('request' as const, 'reply' as const),
  senderMac: macArb,
  senderIp: ipArb,
  targetMac: macArb,
  targetIp: ipArb,
});

export const icmpArb: fc.Arbitrary<IcmpMessage> = fc.oneof(
  record({
    kind: fc.constant('icmp' as const),
    type: fc.constantFrom('echo-request' as const, 'echo-reply' as const),
    identifier: u16,
    sequence: u16,
    data: bytes(64),
  }),
  record({
    kind: fc.constant('icmp' as const),
    type: fc.constantFrom('time-exceeded' as const, 'destination-unreachable' as const),
    code: u8,
    original: bytes(64),
  }),
  record({
    kind: fc.constant('icmp' as const),
    type: fc.constant('other' as const),
    // Favour the modelled type numbers, whose 'other' forms (non-zero code or unused field) are the tricky ones.
    icmpType: fc.oneof(fc.constantFrom(0, 3, 8, 11), u8),
    code: fc.oneof(fc.constant(0), u8),
    rest: fc.uint8Array({ minLength: 4, maxLength: 64 }),
  }).filter((m) => {
    // Leave out what is really an echo, time exceeded or unreachable: those have their own types.
    const t = m.icmpType;
    const unusedZero = m.rest[0] === 0 && m.rest[1] === 0 && m.rest[2] === 0 && m.rest[3] === 0;
    return !(((t === 0 || t === 8) && m.code === 0) || ((t === 3 || t === 11) && unusedZero));
  }),
);

export const udpArb: fc.Arbitrary<UdpDatagram> = record({
  kind: fc.constant('udp' as const),
  srcPort: u16,
  dstPort: u16,
  data: bytes(100),
});

export const tcpArb: fc.Arbitrary<TcpSegment> = record({
  kind: fc.constant('tcp' as const),
  srcPort: u16,
  dstPort: u16,
  seq: u32,
  ack: u32,
  flags: record({
    cwr: fc.boolean(),
    ece: fc.boolean(),
    urg: fc.boolean(),
    ack: fc.boolean(),
    psh: fc.boolean(),
    rst: fc.boolean(),
    syn: fc.boolean(),
    fin: fc.boolean(),
  }),
  window: u16,
  urgentPointer: u16,
  options,
  data: bytes(100),
});

type Carried = Pick<Ipv4Packet, 'protocol' | 'moreFragments' | 'fragmentOffset' | 'payload'>;

const unfragmented = { moreFragments: false, fragmentOffset: 0 } as const;
const carried: fc.Arbitrary<Carried> = fc.oneof(
  icmpArb.map((payload) => ({ ...unfragmented, protocol: 1, payload })),
  udpArb.map((payload) => ({ ...unfragmented, protocol: 17, payload })),
  tcpArb.map((payload) => ({ ...unfragmented, protocol: 6, payload })),
  // A protocol we do not model travels raw…
  record({
    moreFragments: fc.constant(false),
    fragmentOffset: fc.constant(0),
    protocol: u8.filter((p) => p !== 1 && p !== 6 && p !== 17),
    payload: bytes(100).map((b) => ({ kind: 'raw' as const, bytes: b })),
  }),
  // …and so does any fragment, whatever its protocol.
  record({
    moreFragments: fc.boolean(),
    fragmentOffset: fc.integer({ min: 0, max: 0x1fff }),
    protocol: u8,
    payload: bytes(100).map((b) => ({ kind: 'raw' as const, bytes: b })),
  }).filter((c) => c.moreFragments || c.fragmentOffset !== 0),
);

export const ipv4Arb: fc.Arbitrary<Ipv4Packet> = record({
  dscp: fc.integer({ min: 0, max: 63 }),
  ecn: fc.integer({ min: 0, max: 3 }),
  identification: u16,
  dontFragment: fc.boolean(),
  ttl: u8,
  src: ipArb,
  dst: ipArb,
  options,
  carried,
}).map(({ carried: c, ...rest }) => ({ kind: 'ipv4' as const, ...rest, ...c }));

export const ethernetArb: fc.Arbitrary<EthernetFrame> = record({
  dst: macArb,
  src: unicastMacArb,
  body: fc.oneof(
    arpArb.map((payload) => ({ etherType: ETHERTYPE_ARP, payload })),
    ipv4Arb.map((payload) => ({ etherType: ETHERTYPE_IPV4, payload })),
    // Other EtherTypes keep their padding (no length field says where they end), so these are ≥ 46 bytes.
    record({
      etherType: fc.integer({ min: 0x0600, max: 0xffff }).filter((t) => t !== ETHERTYPE_ARP && t !== ETHERTYPE_IPV4),
      payload: fc.uint8Array({ minLength: 46, maxLength: 200 }).map((b) => ({ kind: 'raw' as const, bytes: b })),
    }),
  ),
}).map(({ body, ...addresses }) => ({ ...addresses, ...body }));
