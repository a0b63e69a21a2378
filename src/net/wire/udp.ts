/** RFC 768 UDP: ports, length, checksum over a pseudo-header that includes the IP addresses. */
import type { Ipv4 } from '../address/ipv4';
import { err, ok, type Result } from '../result';
import { expectedChecksum, internetChecksum, onesComplementSum, pseudoHeaderSum } from './checksum';
import { IPPROTO_UDP, type DecodeError, type UdpDatagram } from './types';

export const UDP_HEADER_LEN = 8;
/** The length field is 16 bits, and IPv4 total length leaves 65535 − 20. */
const UDP_MAX_LEN = 65535 - 20;

const isU16 = (n: number) => Number.isInteger(n) && n >= 0 && n <= 0xffff;
const isIp = (ip: Ipv4) => Number.isInteger(ip) && ip >= 0 && ip <= 0xffff_ffff;
const hex16 = (n: number) => `0x${n.toString(16).padStart(4, '0')}`;

export function udpLength(d: UdpDatagram): number {
  return UDP_HEADER_LEN + d.data.length;
}

/** Why the datagram cannot be encoded, or undefined if it can. */
export function udpProblem(d: UdpDatagram): string | undefined {
  if (!isU16(d.srcPort)) return `UDP source port is ${d.srcPort}; a port is 16 bits, 0–65535`;
  if (!isU16(d.dstPort)) return `UDP destination port is ${d.dstPort}; a port is 16 bits, 0–65535`;
  const len = udpLength(d);
  if (len > UDP_MAX_LEN) return `the UDP datagram is ${len} bytes; inside IPv4 it can be at most ${UDP_MAX_LEN}`;
  return undefined;
}

/** Writes the datagram at `offset` (checksum included); it must have passed udpProblem. */
export function writeUdp(bytes: Uint8Array, view: DataView, offset: number, d: UdpDatagram, src: Ipv4, dst: Ipv4): void {
  const len = udpLength(d);
  view.setUint16(offset, d.srcPort);
  view.setUint16(offset + 2, d.dstPort);
  view.setUint16(offset + 4, len);
  view.setUint16(offset + 6, 0);
  bytes.set(d.data, offset + 8);
  const sum = internetChecksum(bytes, offset, offset + len, pseudoHeaderSum(src, dst, IPPROTO_UDP, len));
  // 0 in the field means "no checksum", so a computed 0 is sent as its ones' complement twin 0xFFFF.
  view.setUint16(offset + 6, sum === 0 ? 0xffff : sum);
}

/** `src` and `dst` are the enclosing IPv4 addresses: the checksum covers them. */
export function encodeUdp(d: UdpDatagram, src: Ipv4, dst: Ipv4): Result<Uint8Array> {
  const problem = udpProblem(d) ?? (!isIp(src) || !isIp(dst) ? 'the UDP pseudo-header needs 32-bit IPv4 addresses' : undefined);
  if (problem !== undefined) return err(problem);
  const bytes = new Uint8Array(udpLength(d));
  writeUdp(bytes, new DataView(bytes.buffer), 0, d, src, dst);
  return ok(bytes);
}

const fail = (offset: number, message: string): Result<never, DecodeError> => err({ layer: 'udp', offset, message });

/**
 * Decodes the datagram that is exactly bytes[start, end) (an IPv4 payload), checking its
 * checksum against the pseudo-header built from `src` and `dst`. A checksum field of 0 means
 * the sender computed none, and is accepted.
 */
export function decodeUdp(bytes: Uint8Array, src: Ipv4, dst: Ipv4, start = 0, end = bytes.length): Result<UdpDatagram, DecodeError> {
  end = Math.min(end, bytes.length);
  const len = end - start;
  if (len < UDP_HEADER_LEN) {
    return fail(start, `a UDP header is 8 bytes (ports, length, checksum); only ${Math.max(0, len)} are here (truncated)`);
  }
  const lengthField = (bytes[start + 4]! << 8) | bytes[start + 5]!;
  if (lengthField !== len) {
    const why = lengthField < UDP_HEADER_LEN ? ', less than the 8-byte header itself' : lengthField > len ? ' (truncated?)' : '';
    return fail(start + 4, `the UDP length field says ${lengthField} bytes but the IP packet carries ${len}${why}`);
  }
  const found = (bytes[start + 6]! << 8) | bytes[start + 7]!;
  if (found !== 0) {
    const initial = pseudoHeaderSum(src, dst, IPPROTO_UDP, len);
    if (onesComplementSum(bytes, start, end, initial) !== 0xffff) {
      const expected = expectedChecksum(bytes, start, end, start + 6, initial) || 0xffff;
      return fail(start + 6, `the UDP checksum is ${hex16(found)} but the datagram and its pseudo-header (IP addresses, protocol, length) add up to ${hex16(expected)}: it was damaged or misdelivered`);
    }
  }
  return ok({
    kind: 'udp',
    srcPort: (bytes[start]! << 8) | bytes[start + 1]!,
    dstPort: (bytes[start + 2]! << 8) | bytes[start + 3]!,
    data: bytes.slice(start + 8, end),
  });
}
