/** RFC 826 ARP for Ethernet and IPv4: always 28 bytes. */
import type { Ipv4 } from '../address/ipv4';
import type { Mac } from '../address/mac';
import { err, ok, type Result } from '../result';
import { ETHERTYPE_IPV4, type ArpPacket, type DecodeError } from './types';

export const ARP_LEN = 28;
export const ARP_HTYPE_ETHERNET = 1;
export const ARP_OP_REQUEST = 1;
export const ARP_OP_REPLY = 2;

const TWO_32 = 0x1_0000_0000;
const isMac = (m: Mac) => Number.isInteger(m) && m >= 0 && m <= 0xffff_ffff_ffff;
const isIp = (ip: Ipv4) => Number.isInteger(ip) && ip >= 0 && ip <= 0xffff_ffff;

/** Why the packet cannot be encoded, or undefined if it can. */
export function arpProblem(p: ArpPacket): string | undefined {
  if (p.op !== 'request' && p.op !== 'reply') return `ARP op must be 'request' or 'reply', not '${String(p.op)}'`;
  if (!isMac(p.senderMac)) return `ARP sender MAC ${p.senderMac} is not a 48-bit address`;
  if (!isMac(p.targetMac)) return `ARP target MAC ${p.targetMac} is not a 48-bit address`;
  if (!isIp(p.senderIp)) return `ARP sender IP ${p.senderIp} is not a 32-bit address`;
  if (!isIp(p.targetIp)) return `ARP target IP ${p.targetIp} is not a 32-bit address`;
  return undefined;
}

/** Writes the 28 bytes at `offset`; the packet must have passed arpProblem. */
export function writeArp(view: DataView, offset: number, p: ArpPacket): void {
  view.setUint16(offset, ARP_HTYPE_ETHERNET);
  view.setUint16(offset + 2, ETHERTYPE_IPV4);
  view.setUint8(offset + 4, 6);
  view.setUint8(offset + 5, 4);
  view.setUint16(offset + 6, p.op === 'request' ? ARP_OP_REQUEST : ARP_OP_REPLY);
  view.setUint16(offset + 8, Math.floor(p.senderMac / TWO_32));
  view.setUint32(offset + 10, p.senderMac >>> 0);
  view.setUint32(offset + 14, p.senderIp);
  view.setUint16(offset + 18, Math.floor(p.targetMac / TWO_32));
  view.setUint32(offset + 20, p.targetMac >>> 0);
  view.setUint32(offset + 24, p.targetIp);
}

export function encodeArp(p: ArpPacket): Result<Uint8Array> {
  const problem = arpProblem(p);
  if (problem !== undefined) return err(problem);
  const bytes = new Uint8Array(ARP_LEN);
  writeArp(new DataView(bytes.buffer), 0, p);
  return ok(bytes);
}

const u16 = (b: Uint8Array, i: number) => (b[i]! << 8) | b[i + 1]!;
const u32 = (b: Uint8Array, i: number) => ((b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!) >>> 0;
const mac48 = (b: Uint8Array, i: number) => (u16(b, i) * TWO_32 + u32(b, i + 2)) as Mac;

const fail = (offset: number, message: string): Result<never, DecodeError> => err({ layer: 'arp', offset, message });

/**
 * Decodes the ARP packet in bytes[start, end). Bytes after the 28 (Ethernet padding) are ignored.
 * Offsets in errors count from bytes[0].
 */
export function decodeArp(bytes: Uint8Array, start = 0, end = bytes.length): Result<ArpPacket, DecodeError> {
  end = Math.min(end, bytes.length);
  if (end - start < ARP_LEN) {
    return fail(start, `an ARP packet is ${ARP_LEN} bytes; only ${Math.max(0, end - start)} are here (truncated)`);
  }
  const htype = u16(bytes, start);
  if (htype !== ARP_HTYPE_ETHERNET) {
    return fail(start, `ARP hardware type (htype, byte 0) is ${htype}; only 1 (Ethernet) is understood`);
  }
  const ptype = u16(bytes, start + 2);
  if (ptype !== ETHERTYPE_IPV4) {
    return fail(start + 2, `ARP protocol type (ptype, byte 2) is 0x${ptype.toString(16).padStart(4, '0')}; only 0x0800 (IPv4) is understood`);
  }
  const hlen = bytes[start + 4]!;
  if (hlen !== 6) return fail(start + 4, `ARP hardware address length (hlen, byte 4) is ${hlen}; a MAC address is 6 bytes`);
  const plen = bytes[start + 5]!;
  if (plen !== 4) return fail(start + 5, `ARP protocol address length (plen, byte 5) is ${plen}; an IPv4 address is 4 bytes`);
  const op = u16(bytes, start + 6);
  if (op !== ARP_OP_REQUEST && op !== ARP_OP_REPLY) {
    return fail(start + 6, `ARP operation (op, byte 6) is ${op}; only 1 (request) and 2 (reply) exist`);
  }
  return ok({
    kind: 'arp',
    op: op === ARP_OP_REQUEST ? 'request' : 'reply',
    senderMac: mac48(bytes, start + 8),
    senderIp: u32(bytes, start + 14) as Ipv4,
    targetMac: mac48(bytes, start + 18),
    targetIp: u32(bytes, start + 24) as Ipv4,
  });
}
