/**
 * Which header field sits at which byte of an Ethernet frame: the map behind "what is at
 * offset 12 of this hex dump?" and the TUI's byte-by-byte header view.
 */
import { ETHERTYPE_ARP, ETHERTYPE_IPV4, IPPROTO_ICMP, IPPROTO_TCP, IPPROTO_UDP } from './types';

export interface FieldSpan {
  readonly layer: 'ethernet' | 'arp' | 'ipv4' | 'icmp' | 'udp' | 'tcp' | 'payload';
  readonly name: string;
  readonly offset: number;
  readonly length: number;
}

const span = (layer: FieldSpan['layer'], offset: number, fields: readonly [string, number][]): FieldSpan[] => {
  let o = offset;
  return fields.map(([name, length]) => {
    const f = { layer, name, offset: o, length };
    o += length;
    return f;
  });
};

/** The fields of a frame's bytes, as far as they can be told from the bytes themselves. */
export function frameFields(bytes: Uint8Array): FieldSpan[] {
  const out = span('ethernet', 0, [
    ['destination MAC', 6],
    ['source MAC', 6],
    ['EtherType', 2],
  ]);
  if (bytes.length < 14) return out;
  const type = (bytes[12]! << 8) | bytes[13]!;
  if (type === ETHERTYPE_ARP) {
    out.push(...span('arp', 14, [['hardware type', 2], ['protocol type', 2], ['hardware address length', 1], ['protocol address length', 1], ['operation', 2], ['sender MAC', 6], ['sender IP', 4], ['target MAC', 6], ['target IP', 4]]));
    return out;
  }
  if (type !== ETHERTYPE_IPV4 || bytes.length < 34) return out;
  out.push(...span('ipv4', 14, [['version and header length', 1], ['DSCP and ECN', 1], ['total length', 2], ['identification', 2], ['flags and fragment offset', 2], ['TTL', 1], ['protocol', 1], ['header checksum', 2], ['source IP', 4], ['destination IP', 4]]));
  const ihl = (bytes[14]! & 0x0f) * 4;
  if (ihl > 20) out.push({ layer: 'ipv4', name: 'options', offset: 34, length: ihl - 20 });
  const l4 = 14 + ihl;
  const proto = bytes[23];
  if (proto === IPPROTO_ICMP) out.push(...span('icmp', l4, [['type', 1], ['code', 1], ['checksum', 2], ['identifier', 2], ['sequence number', 2]]));
  else if (proto === IPPROTO_UDP) out.push(...span('udp', l4, [['source port', 2], ['destination port', 2], ['length', 2], ['checksum', 2]]));
  else if (proto === IPPROTO_TCP) {
    out.push(...span('tcp', l4, [['source port', 2], ['destination port', 2], ['sequence number', 4], ['acknowledgement number', 4], ['data offset and flags', 2], ['window', 2], ['checksum', 2], ['urgent pointer', 2]]));
  }
  return out;
}

export function fieldAt(bytes: Uint8Array, offset: number): FieldSpan | undefined {
  return frameFields(bytes).find((f) => offset >= f.offset && offset < f.offset + f.length);
}

/** Reads hex as people paste it: spaces, newlines, colons, an optional offset column (hexdump -C) are all fine. */
export function parseHex(text: string): Uint8Array | undefined {
  const lines = text.split('\n').map((l) => l.replace(/^\s*[0-9a-fA-F]{4,8}[:\s]\s+/, '').replace(/\s\|.*\|\s*$/, ''));
  const digits = lines.join(' ').replace(/[\s:-]/g, '');
  if (!/^([0-9a-fA-F]{2})*$/.test(digits)) return undefined;
  return Uint8Array.from(digits.match(/../g) ?? [], (h) => parseInt(h, 16));
}
