/**
 * Ethernet II framing (IEEE 802.3): destination MAC, source MAC, EtherType, a 46–1500-byte
 * payload, and optionally the 4-byte frame check sequence.
 */
import { formatMac, type Mac } from '../address/mac';
import { err, ok, type Result } from '../result';
import { ARP_LEN, arpProblem, decodeArp, writeArp } from './arp';
import { crc32 } from './checksum';
import { decodeIpv4, ipv4PacketLength, ipv4Problem, writeIpv4 } from './ipv4';
import {
  ETH_FCS_LEN,
  ETH_HEADER_LEN,
  ETH_MIN_PAYLOAD,
  ETH_MTU,
  ETHERTYPE_ARP,
  ETHERTYPE_IPV4,
  type DecodeError,
  type EthernetFrame,
} from './types';

export interface EthernetOptions {
  /** Whether the frame ends with the 4-byte FCS (captures usually omit it). */
  readonly fcs?: boolean;
}

/** Smallest EtherType: values up to 1500 (0x05DC) are an IEEE 802.3 length field instead. */
export const ETHERTYPE_MIN = 0x0600;

const TWO_32 = 0x1_0000_0000;
const isMac = (m: Mac) => Number.isInteger(m) && m >= 0 && m <= 0xffff_ffff_ffff;
/** The I/G bit, the low bit of the first byte: set for multicast and broadcast. */
const isGroup = (m: Mac) => Math.floor(m / 0x100_0000_0000) % 2 === 1;
const groupSource = (text: string) =>
  `the source MAC ${text} is a group (multicast) address, its first byte being odd; a frame's source is always one station's own address (IEEE 802.3 §3.2.3)`;
const hex = (n: number, digits: number) => `0x${n.toString(16).padStart(digits, '0')}`;

/** The payload's own length, before padding. */
export function ethernetPayloadLength(payload: EthernetFrame['payload']): number {
  switch (payload.kind) {
    case 'arp':
      return ARP_LEN;
    case 'ipv4':
      return ipv4PacketLength(payload);
    default:
      return payload.bytes.length;
  }
}

/** On-wire bytes from destination MAC to the end of the padding, FCS excluded; computed without encoding. */
export function ethernetLength(frame: EthernetFrame): number {
  const n = ethernetPayloadLength(frame.payload);
  return ETH_HEADER_LEN + (n < ETH_MIN_PAYLOAD ? ETH_MIN_PAYLOAD : n);
}

/** Why the frame cannot be encoded, or undefined if it can. */
export function ethernetProblem(frame: EthernetFrame): string | undefined {
  if (!isMac(frame.dst)) return `destination MAC ${frame.dst} is not a 48-bit address`;
  if (!isMac(frame.src)) return `source MAC ${frame.src} is not a 48-bit address`;
  if (isGroup(frame.src)) return groupSource(formatMac(frame.src));
  const t = frame.etherType;
  if (!Number.isInteger(t) || t < 0 || t > 0xffff) return `EtherType ${t} is not a 16-bit value`;
  if (t < ETHERTYPE_MIN) {
    return `EtherType ${hex(t, 4)} is below 0x0600, where IEEE 802.3 reads the field as a length, not a type; Ethernet II types start at 0x0600`;
  }
  const payload = frame.payload;
  const kind: string = payload.kind;
  if (kind !== 'arp' && kind !== 'ipv4' && kind !== 'raw') return `an Ethernet payload is 'arp', 'ipv4' or 'raw', not '${kind}'`;
  if (payload.kind === 'arp' && t !== ETHERTYPE_ARP) return `an ARP packet travels with EtherType 0x0806, not ${hex(t, 4)}`;
  if (payload.kind === 'ipv4' && t !== ETHERTYPE_IPV4) return `an IPv4 packet travels with EtherType 0x0800, not ${hex(t, 4)}`;
  if (payload.kind === 'raw' && (t === ETHERTYPE_ARP || t === ETHERTYPE_IPV4)) {
    return `EtherType ${hex(t, 4)} announces ${t === ETHERTYPE_ARP ? 'ARP' : 'IPv4'}, but the payload is raw bytes; build the packet itself`;
  }
  const problem = payload.kind === 'arp' ? arpProblem(payload) : payload.kind === 'ipv4' ? ipv4Problem(payload) : undefined;
  if (problem !== undefined) return problem;
  const n = ethernetPayloadLength(payload);
  if (n > ETH_MTU) {
    return `the payload is ${n} bytes; Ethernet carries at most ${ETH_MTU} (the MTU) — fragment it at the IP layer or send less`;
  }
  return undefined;
}

/**
 * The frame's bytes: header, payload, zero padding up to the 46-byte minimum payload, and with
 * `fcs` the CRC-32 trailer, least significant byte first as it goes on the wire (so Wireshark
 * and other tools validate it).
 */
export function encodeEthernet(frame: EthernetFrame, opts: EthernetOptions = {}): Result<Uint8Array> {
  const problem = ethernetProblem(frame);
  if (problem !== undefined) return err(problem);
  const len = ethernetLength(frame);
  const bytes = new Uint8Array(opts.fcs ? len + ETH_FCS_LEN : len);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, Math.floor(frame.dst / TWO_32));
  view.setUint32(2, frame.dst >>> 0);
  view.setUint16(6, Math.floor(frame.src / TWO_32));
  view.setUint32(8, frame.src >>> 0);
  view.setUint16(12, frame.etherType);
  const payload = frame.payload;
  switch (payload.kind) {
    case 'arp':
      writeArp(view, ETH_HEADER_LEN, payload);
      break;
    case 'ipv4':
      writeIpv4(bytes, view, ETH_HEADER_LEN, payload);
      break;
    default:
      bytes.set(payload.bytes, ETH_HEADER_LEN);
  }
  // The padding is already zero: a new Uint8Array is zero-filled.
  if (opts.fcs) view.setUint32(len, crc32(bytes, 0, len), true);
  return ok(bytes);
}

const fail = (offset: number, message: string): Result<never, DecodeError> => err({ layer: 'ethernet', offset, message });

/**
 * Decodes a frame from untrusted bytes. With `fcs`, the last 4 bytes are the FCS and are
 * checked. Frames shorter than the 60-byte minimum are accepted, since captures taken on the
 * sending host show frames before the NIC pads them. An IPv4 payload ends where its Total
 * Length says; ARP after its 28 bytes; any other EtherType keeps the padding in its raw bytes
 * (Ethernet II has no length field to tell them apart).
 */
export function decodeEthernet(bytes: Uint8Array, opts: EthernetOptions = {}): Result<EthernetFrame, DecodeError> {
  let end = bytes.length;
  if (opts.fcs) {
    if (end < ETH_HEADER_LEN + ETH_FCS_LEN) {
      return fail(0, `an Ethernet frame with FCS is at least ${ETH_HEADER_LEN + ETH_FCS_LEN} bytes (header and FCS); only ${end} are here (truncated)`);
    }
    end -= ETH_FCS_LEN;
    const found = (bytes[end]! | (bytes[end + 1]! << 8) | (bytes[end + 2]! << 16) | (bytes[end + 3]! << 24)) >>> 0;
    const expected = crc32(bytes, 0, end);
    if (found !== expected) {
      return fail(end, `the FCS (CRC-32) is ${hex(found, 8)} but the frame's bytes give ${hex(expected, 8)}: the frame was damaged on the wire`);
    }
  }
  if (end < ETH_HEADER_LEN) {
    return fail(0, `an Ethernet header is 14 bytes (destination MAC, source MAC, EtherType); only ${end} are here (truncated)`);
  }
  const readMac = (i: number) => (((bytes[i]! << 8) | bytes[i + 1]!) * TWO_32 +
    (((bytes[i + 2]! << 24) | (bytes[i + 3]! << 16) | (bytes[i + 4]! << 8) | bytes[i + 5]!) >>> 0)) as Mac;
  const src = readMac(6);
  if (isGroup(src)) return fail(6, groupSource(formatMac(src)));
  const etherType = (bytes[12]! << 8) | bytes[13]!;
  if (etherType < ETHERTYPE_MIN) {
    return fail(12, `the EtherType field is ${hex(etherType, 4)}, below 0x0600: an IEEE 802.3 length, not an Ethernet II type, which this simulator does not decode`);
  }
  const payloadLen = end - ETH_HEADER_LEN;
  if (payloadLen > ETH_MTU) {
    return fail(ETH_HEADER_LEN, `the payload is ${payloadLen} bytes; Ethernet carries at most ${ETH_MTU} (the MTU)`);
  }
  let payload: EthernetFrame['payload'];
  if (etherType === ETHERTYPE_ARP) {
    const r = decodeArp(bytes, ETH_HEADER_LEN, end);
    if (!r.ok) return r;
    payload = r.value;
  } else if (etherType === ETHERTYPE_IPV4) {
    const r = decodeIpv4(bytes, ETH_HEADER_LEN, end);
    if (!r.ok) return r;
    payload = r.value;
  } else {
    payload = { kind: 'raw', bytes: bytes.slice(ETH_HEADER_LEN, end) };
  }
  return ok({ dst: readMac(0), src, etherType, payload });
}
