/** RFC 9293 §3.1 TCP header: 20 bytes, then options (data offset says how many), then data. */
import type { Ipv4 } from '../address/ipv4';
import { err, ok, type Result } from '../result';
import { expectedChecksum, internetChecksum, onesComplementSum, pseudoHeaderSum } from './checksum';
import { IPPROTO_TCP, type DecodeError, type TcpFlags, type TcpSegment } from './types';

export const TCP_HEADER_LEN = 20;
export const TCP_MAX_OPTIONS = 40;
/** The pseudo-header's TCP length is 16 bits, and IPv4 total length leaves 65535 − 20. */
const TCP_MAX_LEN = 65535 - 20;

/** Shared by every decoded segment without options; a zero-length array cannot be changed. */
const NO_OPTIONS = Object.freeze(new Uint8Array(0)) as Uint8Array;

const isU16 = (n: number) => Number.isInteger(n) && n >= 0 && n <= 0xffff;
const isU32 = (n: number) => Number.isInteger(n) && n >= 0 && n <= 0xffff_ffff;
const hex16 = (n: number) => `0x${n.toString(16).padStart(4, '0')}`;

// Bit values in header byte 13.
const CWR = 0x80, ECE = 0x40, URG = 0x20, ACK = 0x10, PSH = 0x08, RST = 0x04, SYN = 0x02, FIN = 0x01;

/** All eight flags, the ones not given false: `tcpFlags({ syn: true, ack: true })`. */
export function tcpFlags(partial: Partial<TcpFlags> = {}): TcpFlags {
  return {
    cwr: partial.cwr ?? false,
    ece: partial.ece ?? false,
    urg: partial.urg ?? false,
    ack: partial.ack ?? false,
    psh: partial.psh ?? false,
    rst: partial.rst ?? false,
    syn: partial.syn ?? false,
    fin: partial.fin ?? false,
  };
}

/** The flags byte (byte 13 of the header). */
export function tcpFlagsByte(f: TcpFlags): number {
  return (f.cwr ? CWR : 0) | (f.ece ? ECE : 0) | (f.urg ? URG : 0) | (f.ack ? ACK : 0) |
    (f.psh ? PSH : 0) | (f.rst ? RST : 0) | (f.syn ? SYN : 0) | (f.fin ? FIN : 0);
}

export function tcpFlagsFromByte(b: number): TcpFlags {
  return {
    cwr: (b & CWR) !== 0,
    ece: (b & ECE) !== 0,
    urg: (b & URG) !== 0,
    ack: (b & ACK) !== 0,
    psh: (b & PSH) !== 0,
    rst: (b & RST) !== 0,
    syn: (b & SYN) !== 0,
    fin: (b & FIN) !== 0,
  };
}

/**
 * The set flags by name, low bit first as Wireshark lists them: "SYN, ACK", "FIN, PSH, ACK".
 * "none" when no flag is set.
 */
export function formatTcpFlags(f: TcpFlags): string {
  const names: string[] = [];
  if (f.fin) names.push('FIN');
  if (f.syn) names.push('SYN');
  if (f.rst) names.push('RST');
  if (f.psh) names.push('PSH');
  if (f.ack) names.push('ACK');
  if (f.urg) names.push('URG');
  if (f.ece) names.push('ECE');
  if (f.cwr) names.push('CWR');
  return names.length === 0 ? 'none' : names.join(', ');
}

export function tcpLength(s: TcpSegment): number {
  return TCP_HEADER_LEN + s.options.length + s.data.length;
}

/** Why the segment cannot be encoded, or undefined if it can. */
export function tcpProblem(s: TcpSegment): string | undefined {
  if (!isU16(s.srcPort)) return `TCP source port is ${s.srcPort}; a port is 16 bits, 0–65535`;
  if (!isU16(s.dstPort)) return `TCP destination port is ${s.dstPort}; a port is 16 bits, 0–65535`;
  if (!isU32(s.seq)) return `TCP sequence number is ${s.seq}; it is unsigned 32-bit, 0–4294967295 (wrap it with >>> 0)`;
  if (!isU32(s.ack)) return `TCP acknowledgment number is ${s.ack}; it is unsigned 32-bit, 0–4294967295 (wrap it with >>> 0)`;
  if (!isU16(s.window)) return `TCP window is ${s.window}; the field is 16 bits, 0–65535 (larger windows need the window scale option)`;
  if (!isU16(s.urgentPointer)) return `TCP urgent pointer is ${s.urgentPointer}; it is 16 bits, 0–65535`;
  if (s.options.length % 4 !== 0 || s.options.length > TCP_MAX_OPTIONS) {
    return `TCP options are ${s.options.length} bytes; they must be a multiple of 4 (pad with NOP or End of Option List) and at most ${TCP_MAX_OPTIONS}`;
  }
  const len = tcpLength(s);
  if (len > TCP_MAX_LEN) return `the TCP segment is ${len} bytes; inside IPv4 it can be at most ${TCP_MAX_LEN}`;
  return undefined;
}

/** Writes the segment at `offset` (checksum included); it must have passed tcpProblem. */
export function writeTcp(bytes: Uint8Array, view: DataView, offset: number, s: TcpSegment, src: Ipv4, dst: Ipv4): void {
  const len = tcpLength(s);
  const headerLen = TCP_HEADER_LEN + s.options.length;
  view.setUint16(offset, s.srcPort);
  view.setUint16(offset + 2, s.dstPort);
  view.setUint32(offset + 4, s.seq);
  view.setUint32(offset + 8, s.ack);
  view.setUint8(offset + 12, (headerLen / 4) << 4); // data offset in 32-bit words; reserved bits zero
  view.setUint8(offset + 13, tcpFlagsByte(s.flags));
  view.setUint16(offset + 14, s.window);
  view.setUint16(offset + 16, 0);
  view.setUint16(offset + 18, s.urgentPointer);
  bytes.set(s.options, offset + TCP_HEADER_LEN);
  bytes.set(s.data, offset + headerLen);
  view.setUint16(offset + 16, internetChecksum(bytes, offset, offset + len, pseudoHeaderSum(src, dst, IPPROTO_TCP, len)));
}

/** `src` and `dst` are the enclosing IPv4 addresses: the checksum covers them. */
export function encodeTcp(s: TcpSegment, src: Ipv4, dst: Ipv4): Result<Uint8Array> {
  const badIp = (ip: Ipv4) => !Number.isInteger(ip) || ip < 0 || ip > 0xffff_ffff;
  const problem = tcpProblem(s) ?? (badIp(src) || badIp(dst) ? 'the TCP pseudo-header needs 32-bit IPv4 addresses' : undefined);
  if (problem !== undefined) return err(problem);
  const bytes = new Uint8Array(tcpLength(s));
  writeTcp(bytes, new DataView(bytes.buffer), 0, s, src, dst);
  return ok(bytes);
}

const fail = (offset: number, message: string): Result<never, DecodeError> => err({ layer: 'tcp', offset, message });

/**
 * Decodes the segment that is exactly bytes[start, end) (an IPv4 payload), checking its checksum
 * against the pseudo-header built from `src` and `dst`. The checksum covers the whole segment
 * whatever the data offset says, so it is checked before any field is trusted.
 * The 4 reserved bits are ignored, as RFC 9293 asks of receivers.
 */
export function decodeTcp(bytes: Uint8Array, src: Ipv4, dst: Ipv4, start = 0, end = bytes.length): Result<TcpSegment, DecodeError> {
  end = Math.min(end, bytes.length);
  const len = end - start;
  if (len < TCP_HEADER_LEN) {
    return fail(start, `a TCP header is at least 20 bytes; only ${Math.max(0, len)} are here (truncated)`);
  }
  const initial = pseudoHeaderSum(src, dst, IPPROTO_TCP, len);
  if (onesComplementSum(bytes, start, end, initial) !== 0xffff) {
    const found = (bytes[start + 16]! << 8) | bytes[start + 17]!;
    const expected = expectedChecksum(bytes, start, end, start + 16, initial);
    return fail(start + 16, `the TCP checksum is ${hex16(found)} but the segment and its pseudo-header (IP addresses, protocol, length) add up to ${hex16(expected)}: it was damaged or misdelivered`);
  }
  const headerLen = (bytes[start + 12]! >> 4) * 4;
  if (headerLen < TCP_HEADER_LEN) {
    return fail(start + 12, `the TCP data offset is ${headerLen / 4} words (${headerLen} bytes); the header is at least 5 words (20 bytes)`);
  }
  if (headerLen > len) {
    return fail(start + 12, `the TCP data offset says the header is ${headerLen} bytes but the segment is only ${len} (truncated)`);
  }
  const u32 = (i: number) => ((bytes[i]! << 24) | (bytes[i + 1]! << 16) | (bytes[i + 2]! << 8) | bytes[i + 3]!) >>> 0;
  return ok({
    kind: 'tcp',
    srcPort: (bytes[start]! << 8) | bytes[start + 1]!,
    dstPort: (bytes[start + 2]! << 8) | bytes[start + 3]!,
    seq: u32(start + 4),
    ack: u32(start + 8),
    flags: tcpFlagsFromByte(bytes[start + 13]!),
    window: (bytes[start + 14]! << 8) | bytes[start + 15]!,
    urgentPointer: (bytes[start + 18]! << 8) | bytes[start + 19]!,
    options: headerLen === TCP_HEADER_LEN ? NO_OPTIONS : bytes.slice(start + TCP_HEADER_LEN, start + headerLen),
    data: bytes.slice(start + headerLen, end),
  });
}
