/** RFC 791 IPv4: a 20-byte header plus up to 40 bytes of options, then the payload. */
import type { Ipv4 } from '../address/ipv4';
import { err, ok, type Result } from '../result';
import { expectedChecksum, internetChecksum, onesComplementSum } from './checksum';
import { decodeIcmp, icmpLength, icmpProblem, writeIcmp } from './icmp';
import { decodeTcp, tcpLength, tcpProblem, writeTcp } from './tcp';
import { IPPROTO_ICMP, IPPROTO_TCP, IPPROTO_UDP, type DecodeError, type Ipv4Packet } from './types';
import { decodeUdp, udpLength, udpProblem, writeUdp } from './udp';

export const IPV4_HEADER_LEN = 20;
export const IPV4_MAX_OPTIONS = 40;
export const IPV4_MAX_LEN = 65535;

/** Shared by every decoded packet without options (the usual case); a zero-length array cannot be changed. */
const NO_OPTIONS = Object.freeze(new Uint8Array(0)) as Uint8Array;

const FLAG_DF = 0x4000;
const FLAG_MF = 0x2000;

const isUint = (n: number, max: number) => Number.isInteger(n) && n >= 0 && n <= max;
const hex16 = (n: number) => `0x${n.toString(16).padStart(4, '0')}`;
const PROTOCOL_NAMES: Record<number, string> = { [IPPROTO_ICMP]: 'ICMP', [IPPROTO_TCP]: 'TCP', [IPPROTO_UDP]: 'UDP' };
const KIND_PROTOCOLS = { icmp: IPPROTO_ICMP, tcp: IPPROTO_TCP, udp: IPPROTO_UDP } as const;

/** A fragment's payload is a slice of some upper-layer message, so it can only be carried raw. */
export function isFragment(p: Pick<Ipv4Packet, 'moreFragments' | 'fragmentOffset'>): boolean {
  return p.moreFragments || p.fragmentOffset !== 0;
}

export function ipv4PayloadLength(payload: Ipv4Packet['payload']): number {
  switch (payload.kind) {
    case 'icmp':
      return icmpLength(payload);
    case 'udp':
      return udpLength(payload);
    case 'tcp':
      return tcpLength(payload);
    default:
      return payload.bytes.length;
  }
}

/** Total Length: header, options and payload, computed without encoding. */
export function ipv4PacketLength(p: Ipv4Packet): number {
  return IPV4_HEADER_LEN + p.options.length + ipv4PayloadLength(p.payload);
}

/** Why the packet cannot be encoded, or undefined if it can. */
export function ipv4Problem(p: Ipv4Packet): string | undefined {
  if (!isUint(p.dscp, 63)) return `IPv4 DSCP is ${p.dscp}; it is 6 bits, 0–63`;
  if (!isUint(p.ecn, 3)) return `IPv4 ECN is ${p.ecn}; it is 2 bits, 0–3`;
  if (!isUint(p.identification, 0xffff)) return `IPv4 identification is ${p.identification}; it is 16 bits, 0–65535`;
  if (!isUint(p.fragmentOffset, 0x1fff)) return `IPv4 fragment offset is ${p.fragmentOffset}; it is 13 bits, 0–8191 (in units of 8 bytes)`;
  if (!isUint(p.ttl, 255)) return `IPv4 TTL is ${p.ttl}; it is one byte, 0–255`;
  if (!isUint(p.protocol, 255)) return `IPv4 protocol is ${p.protocol}; it is one byte, 0–255`;
  if (!isUint(p.src, 0xffff_ffff)) return `IPv4 source ${p.src} is not a 32-bit address`;
  if (!isUint(p.dst, 0xffff_ffff)) return `IPv4 destination ${p.dst} is not a 32-bit address`;
  if (p.options.length % 4 !== 0 || p.options.length > IPV4_MAX_OPTIONS) {
    return `IPv4 options are ${p.options.length} bytes; they must be a multiple of 4 (pad with End of Options List) and at most ${IPV4_MAX_OPTIONS}`;
  }
  const payload = p.payload;
  const kind: string = payload.kind;
  if (kind !== 'icmp' && kind !== 'udp' && kind !== 'tcp' && kind !== 'raw') {
    return `an IPv4 payload is 'icmp', 'udp', 'tcp' or 'raw', not '${kind}'`;
  }
  if (payload.kind === 'raw') {
    const name = PROTOCOL_NAMES[p.protocol];
    if (name !== undefined && !isFragment(p)) {
      return `protocol ${p.protocol} says ${name}, but the payload is raw bytes; build a ${name} payload (or mark the packet as a fragment)`;
    }
  } else {
    const wanted = KIND_PROTOCOLS[payload.kind];
    if (p.protocol !== wanted) {
      return `the payload is ${PROTOCOL_NAMES[wanted]}, so the protocol field must be ${wanted}, not ${p.protocol}`;
    }
    if (isFragment(p)) {
      return `a fragment (more-fragments set or offset ≠ 0) carries a slice of the ${PROTOCOL_NAMES[wanted]} message: give its payload as raw bytes`;
    }
    const problem = payload.kind === 'icmp' ? icmpProblem(payload) : payload.kind === 'udp' ? udpProblem(payload) : tcpProblem(payload);
    if (problem !== undefined) return problem;
  }
  const total = ipv4PacketLength(p);
  if (total > IPV4_MAX_LEN) return `the IPv4 packet would be ${total} bytes; Total Length is 16 bits, so at most ${IPV4_MAX_LEN}`;
  return undefined;
}

/** Writes the packet at `offset`, checksums included; it must have passed ipv4Problem. */
export function writeIpv4(bytes: Uint8Array, view: DataView, offset: number, p: Ipv4Packet): void {
  const headerLen = IPV4_HEADER_LEN + p.options.length;
  view.setUint8(offset, 0x40 | (headerLen >> 2));
  view.setUint8(offset + 1, (p.dscp << 2) | p.ecn);
  view.setUint16(offset + 2, ipv4PacketLength(p));
  view.setUint16(offset + 4, p.identification);
  view.setUint16(offset + 6, (p.dontFragment ? FLAG_DF : 0) | (p.moreFragments ? FLAG_MF : 0) | p.fragmentOffset);
  view.setUint8(offset + 8, p.ttl);
  view.setUint8(offset + 9, p.protocol);
  view.setUint16(offset + 10, 0);
  view.setUint32(offset + 12, p.src);
  view.setUint32(offset + 16, p.dst);
  bytes.set(p.options, offset + IPV4_HEADER_LEN);
  view.setUint16(offset + 10, internetChecksum(bytes, offset, offset + headerLen));
  const at = offset + headerLen;
  const payload = p.payload;
  switch (payload.kind) {
    case 'icmp':
      writeIcmp(bytes, view, at, payload);
      break;
    case 'udp':
      writeUdp(bytes, view, at, payload, p.src, p.dst);
      break;
    case 'tcp':
      writeTcp(bytes, view, at, payload, p.src, p.dst);
      break;
    default:
      bytes.set(payload.bytes, at);
  }
}

export function encodeIpv4(p: Ipv4Packet): Result<Uint8Array> {
  const problem = ipv4Problem(p);
  if (problem !== undefined) return err(problem);
  const bytes = new Uint8Array(ipv4PacketLength(p));
  writeIpv4(bytes, new DataView(bytes.buffer), 0, p);
  return ok(bytes);
}

/**
 * The header checksum for the header at bytes[offset] (IHL × 4 bytes), computed as if the
 * checksum field were zero: the value a sender writes, and what a receiver expects to find.
 */
export function ipv4HeaderChecksum(bytes: Uint8Array, offset = 0): number {
  const headerLen = offset < bytes.length ? Math.max((bytes[offset]! & 0x0f) * 4, IPV4_HEADER_LEN) : IPV4_HEADER_LEN;
  const end = Math.min(bytes.length, offset + headerLen);
  if (end < offset + 12) return internetChecksum(bytes, offset, end);
  return expectedChecksum(bytes, offset, end, offset + 10);
}

const fail = (offset: number, message: string): Result<never, DecodeError> => err({ layer: 'ipv4', offset, message });

/**
 * Decodes the IPv4 packet starting at bytes[start]; bytes after its Total Length, up to `end`,
 * are ignored (Ethernet padding). Offsets in errors count from bytes[0].
 * ICMP, UDP and TCP payloads are decoded (and their checksums checked) unless the packet is a
 * fragment; other protocols come back raw. The reserved flag bit is ignored.
 */
export function decodeIpv4(bytes: Uint8Array, start = 0, end = bytes.length): Result<Ipv4Packet, DecodeError> {
  end = Math.min(end, bytes.length);
  const len = end - start;
  if (len < IPV4_HEADER_LEN) {
    return fail(start, `an IPv4 header is at least 20 bytes; only ${Math.max(0, len)} are here (truncated)`);
  }
  const version = bytes[start]! >> 4;
  const headerLen = (bytes[start]! & 0x0f) * 4;
  // The checksum is judged before the fields it protects, and mentioned alongside any other
  // complaint about them: a damaged header is the likeliest reason a field looks wrong.
  const checkedLen = headerLen >= IPV4_HEADER_LEN && headerLen <= len ? headerLen : IPV4_HEADER_LEN;
  const checksumOk = onesComplementSum(bytes, start, start + checkedLen) === 0xffff;
  const damaged = checksumOk ? '' : ' (and the header checksum does not match: the header was probably damaged in transit)';
  if (version !== 4) {
    const hint = version === 6 ? ' (IPv6 has a different header, which this simulator does not decode)' : '';
    return fail(start, `the IP version is ${version}, not 4${hint}${damaged}`);
  }
  if (headerLen < IPV4_HEADER_LEN) {
    return fail(start, `the IPv4 header length (IHL) is ${headerLen / 4} words (${headerLen} bytes); the minimum is 5 words (20 bytes)${damaged}`);
  }
  if (headerLen > len) {
    return fail(start, `the IHL says the IPv4 header is ${headerLen} bytes but only ${len} are here (truncated)${damaged}`);
  }
  if (!checksumOk) {
    const found = (bytes[start + 10]! << 8) | bytes[start + 11]!;
    const expected = expectedChecksum(bytes, start, start + headerLen, start + 10);
    return fail(start + 10, `the IPv4 header checksum is ${hex16(found)} but the header adds up to ${hex16(expected)}: the header was damaged in transit`);
  }
  const totalLength = (bytes[start + 2]! << 8) | bytes[start + 3]!;
  if (totalLength < headerLen) {
    return fail(start + 2, `the IPv4 Total Length is ${totalLength}, less than the ${headerLen}-byte header`);
  }
  if (totalLength > len) {
    return fail(start + 2, `the IPv4 Total Length says ${totalLength} bytes but only ${len} are here (truncated)`);
  }
  const flags = (bytes[start + 6]! << 8) | bytes[start + 7]!;
  const moreFragments = (flags & FLAG_MF) !== 0;
  const fragmentOffset = flags & 0x1fff;
  const protocol = bytes[start + 9]!;
  const src = (((bytes[start + 12]! << 24) | (bytes[start + 13]! << 16) | (bytes[start + 14]! << 8) | bytes[start + 15]!) >>> 0) as Ipv4;
  const dst = (((bytes[start + 16]! << 24) | (bytes[start + 17]! << 16) | (bytes[start + 18]! << 8) | bytes[start + 19]!) >>> 0) as Ipv4;
  const at = start + headerLen;
  const stop = start + totalLength;
  let payload: Ipv4Packet['payload'];
  if (moreFragments || fragmentOffset !== 0) {
    payload = { kind: 'raw', bytes: bytes.slice(at, stop) };
  } else if (protocol === IPPROTO_ICMP) {
    const r = decodeIcmp(bytes, at, stop);
    if (!r.ok) return r;
    payload = r.value;
  } else if (protocol === IPPROTO_UDP) {
    const r = decodeUdp(bytes, src, dst, at, stop);
    if (!r.ok) return r;
    payload = r.value;
  } else if (protocol === IPPROTO_TCP) {
    const r = decodeTcp(bytes, src, dst, at, stop);
    if (!r.ok) return r;
    payload = r.value;
  } else {
    payload = { kind: 'raw', bytes: bytes.slice(at, stop) };
  }
  return ok({
    kind: 'ipv4',
    dscp: bytes[start + 1]! >> 2,
    ecn: bytes[start + 1]! & 3,
    identification: (bytes[start + 4]! << 8) | bytes[start + 5]!,
    dontFragment: (flags & FLAG_DF) !== 0,
    moreFragments,
    fragmentOffset,
    ttl: bytes[start + 8]!,
    protocol,
    src,
    dst,
    options: at === start + IPV4_HEADER_LEN ? NO_OPTIONS : bytes.slice(start + IPV4_HEADER_LEN, at),
    payload,
  });
}
