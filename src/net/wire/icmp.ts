/** RFC 792 ICMP: type, code, checksum over the whole message, then a type-specific body. */
import { err, ok, type Result } from '../result';
import { expectedChecksum, internetChecksum, onesComplementSum } from './checksum';
import {
  ICMP_DEST_UNREACHABLE,
  ICMP_ECHO_REPLY,
  ICMP_ECHO_REQUEST,
  ICMP_TIME_EXCEEDED,
  type DecodeError,
  type IcmpMessage,
} from './types';

export const ICMP_HEADER_LEN = 8;
/** IPv4 total length caps an ICMP message at 65535 − 20. */
const ICMP_MAX_LEN = 65535 - 20;

const isU8 = (n: number) => Number.isInteger(n) && n >= 0 && n <= 0xff;
const isU16 = (n: number) => Number.isInteger(n) && n >= 0 && n <= 0xffff;
const hex16 = (n: number) => `0x${n.toString(16).padStart(4, '0')}`;

/** Length of the encoded message, computed without encoding. */
export function icmpLength(m: IcmpMessage): number {
  switch (m.type) {
    case 'echo-request':
    case 'echo-reply':
      return ICMP_HEADER_LEN + m.data.length;
    case 'time-exceeded':
    case 'destination-unreachable':
      return ICMP_HEADER_LEN + m.original.length;
    default:
      return 4 + m.rest.length;
  }
}

const NAMES: Record<number, string> = {
  [ICMP_ECHO_REPLY]: "'echo-reply'",
  [ICMP_DEST_UNREACHABLE]: "'destination-unreachable'",
  [ICMP_ECHO_REQUEST]: "'echo-request'",
  [ICMP_TIME_EXCEEDED]: "'time-exceeded'",
};

/** True when the 4 bytes at `i` (the "unused" field of types 3 and 11) are zero. */
function unusedIsZero(b: Uint8Array, i: number): boolean {
  return b[i] === 0 && b[i + 1] === 0 && b[i + 2] === 0 && b[i + 3] === 0;
}

/** Why the message cannot be encoded, or undefined if it can. */
export function icmpProblem(m: IcmpMessage): string | undefined {
  switch (m.type) {
    case 'echo-request':
    case 'echo-reply':
      if (!isU16(m.identifier)) return `ICMP echo identifier is ${m.identifier}; it is 16 bits, 0–65535`;
      if (!isU16(m.sequence)) return `ICMP echo sequence number is ${m.sequence}; it is 16 bits, 0–65535`;
      break;
    case 'time-exceeded':
    case 'destination-unreachable':
      if (!isU8(m.code)) return `ICMP code is ${m.code}; it is one byte, 0–255`;
      break;
    case 'other': {
      if (!isU8(m.icmpType)) return `ICMP type is ${m.icmpType}; it is one byte, 0–255`;
      if (!isU8(m.code)) return `ICMP code is ${m.code}; it is one byte, 0–255`;
      if (m.rest.length < 4) return `an ICMP message has 4 bytes after the checksum; 'rest' has only ${m.rest.length}`;
      // Each message has one representation, so decoding what we encode gives back the same structure.
      const t = m.icmpType;
      if (((t === ICMP_ECHO_REQUEST || t === ICMP_ECHO_REPLY) && m.code === 0) ||
          ((t === ICMP_DEST_UNREACHABLE || t === ICMP_TIME_EXCEEDED) && unusedIsZero(m.rest, 0))) {
        return `ICMP type ${t} code ${m.code} is a modelled message: build it with type ${NAMES[t]}, not 'other'`;
      }
      break;
    }
    default:
      return `unknown ICMP message type '${String((m as { type: unknown }).type)}'`;
  }
  if (icmpLength(m) > ICMP_MAX_LEN) return `the ICMP message is ${icmpLength(m)} bytes; inside IPv4 it can be at most ${ICMP_MAX_LEN}`;
  return undefined;
}

/** Writes the message at `offset` (checksum included); it must have passed icmpProblem. */
export function writeIcmp(bytes: Uint8Array, view: DataView, offset: number, m: IcmpMessage): void {
  const len = icmpLength(m);
  view.setUint16(offset + 2, 0);
  switch (m.type) {
    case 'echo-request':
    case 'echo-reply':
      view.setUint8(offset, m.type === 'echo-request' ? ICMP_ECHO_REQUEST : ICMP_ECHO_REPLY);
      view.setUint8(offset + 1, 0);
      view.setUint16(offset + 4, m.identifier);
      view.setUint16(offset + 6, m.sequence);
      bytes.set(m.data, offset + 8);
      break;
    case 'time-exceeded':
    case 'destination-unreachable':
      view.setUint8(offset, m.type === 'time-exceeded' ? ICMP_TIME_EXCEEDED : ICMP_DEST_UNREACHABLE);
      view.setUint8(offset + 1, m.code);
      view.setUint32(offset + 4, 0);
      bytes.set(m.original, offset + 8);
      break;
    default:
      view.setUint8(offset, m.icmpType);
      view.setUint8(offset + 1, m.code);
      bytes.set(m.rest, offset + 4);
  }
  view.setUint16(offset + 2, internetChecksum(bytes, offset, offset + len));
}

export function encodeIcmp(m: IcmpMessage): Result<Uint8Array> {
  const problem = icmpProblem(m);
  if (problem !== undefined) return err(problem);
  const bytes = new Uint8Array(icmpLength(m));
  writeIcmp(bytes, new DataView(bytes.buffer), 0, m);
  return ok(bytes);
}

const fail = (offset: number, message: string): Result<never, DecodeError> => err({ layer: 'icmp', offset, message });

/**
 * Decodes the ICMP message that is exactly bytes[start, end) (an IPv4 payload). The checksum is
 * checked first, since a damaged type or code would otherwise be misread.
 * Echo with a non-zero code, and types 3/11 whose unused field is non-zero (e.g. the RFC 1191
 * next-hop MTU), decode as 'other' so that no byte is lost.
 */
export function decodeIcmp(bytes: Uint8Array, start = 0, end = bytes.length): Result<IcmpMessage, DecodeError> {
  end = Math.min(end, bytes.length);
  const len = end - start;
  if (len < ICMP_HEADER_LEN) {
    return fail(start, `an ICMP message is at least 8 bytes (type, code, checksum, 4 more); only ${Math.max(0, len)} are here (truncated)`);
  }
  if (onesComplementSum(bytes, start, end) !== 0xffff) {
    const found = (bytes[start + 2]! << 8) | bytes[start + 3]!;
    const expected = expectedChecksum(bytes, start, end, start + 2);
    return fail(start + 2, `the ICMP checksum is ${hex16(found)} but the message adds up to ${hex16(expected)}: it was damaged in transit`);
  }
  const type = bytes[start]!;
  const code = bytes[start + 1]!;
  if ((type === ICMP_ECHO_REQUEST || type === ICMP_ECHO_REPLY) && code === 0) {
    return ok({
      kind: 'icmp',
      type: type === ICMP_ECHO_REQUEST ? 'echo-request' : 'echo-reply',
      identifier: (bytes[start + 4]! << 8) | bytes[start + 5]!,
      sequence: (bytes[start + 6]! << 8) | bytes[start + 7]!,
      data: bytes.slice(start + 8, end),
    });
  }
  if ((type === ICMP_TIME_EXCEEDED || type === ICMP_DEST_UNREACHABLE) && unusedIsZero(bytes, start + 4)) {
    return ok({
      kind: 'icmp',
      type: type === ICMP_TIME_EXCEEDED ? 'time-exceeded' : 'destination-unreachable',
      code,
      original: bytes.slice(start + 8, end),
    });
  }
  return ok({ kind: 'icmp', type: 'other', icmpType: type, code, rest: bytes.slice(start + 4, end) });
}

/**
 * What an ICMP error quotes of the datagram that caused it (RFC 792): its IP header (IHL × 4
 * bytes, options included) and the first 8 bytes of its data — enough for the sender to find
 * the ports and so the connection. A copy; shorter if the datagram is.
 */
export function icmpOriginal(ipBytes: Uint8Array): Uint8Array {
  const headerLen = ipBytes.length > 0 ? Math.max((ipBytes[0]! & 0x0f) * 4, 20) : 20;
  let limit = ipBytes.length;
  // Total Length, when sane, keeps Ethernet padding after a short datagram out of the quote.
  const totalLength = ipBytes.length >= 4 ? (ipBytes[2]! << 8) | ipBytes[3]! : 0;
  if (totalLength >= headerLen && totalLength < limit) limit = totalLength;
  return ipBytes.slice(0, Math.min(limit, headerLen + 8));
}
