/**
 * Decoded packet structures: what the simulator passes around and the trace records.
 * Lengths and checksums are not stored: they are derived when encoding (so an engine-made
 * packet can never carry a wrong one) and verified when decoding.
 */
import type { Ipv4 } from '../address/ipv4';
import type { Mac } from '../address/mac';

export const ETHERTYPE_IPV4 = 0x0800;
export const ETHERTYPE_ARP = 0x0806;
export const ETHERTYPE_IPV6 = 0x86dd;

export const IPPROTO_ICMP = 1;
export const IPPROTO_TCP = 6;
export const IPPROTO_UDP = 17;

/** Ethernet II sizes (IEEE 802.3): 14-byte header, 46–1500-byte payload, 4-byte FCS trailer. */
export const ETH_HEADER_LEN = 14;
export const ETH_MIN_PAYLOAD = 46;
export const ETH_MTU = 1500;
export const ETH_FCS_LEN = 4;

/** Bytes we carry but do not model (an unknown EtherType or protocol). */
export interface RawPayload {
  readonly kind: 'raw';
  readonly bytes: Uint8Array;
}

export interface EthernetFrame {
  /** Destination first: a switch can decide where to send the frame before the rest arrives. */
  readonly dst: Mac;
  readonly src: Mac;
  readonly etherType: number;
  readonly payload: ArpPacket | Ipv4Packet | RawPayload;
}

/** RFC 826 for Ethernet (htype 1) and IPv4 (ptype 0x0800, hlen 6, plen 4). */
export interface ArpPacket {
  readonly kind: 'arp';
  readonly op: 'request' | 'reply';
  readonly senderMac: Mac;
  readonly senderIp: Ipv4;
  /** In a request: unknown, sent as 00:00:00:00:00:00. */
  readonly targetMac: Mac;
  readonly targetIp: Ipv4;
}

export interface Ipv4Packet {
  readonly kind: 'ipv4';
  /** Differentiated services code point (6 bits) and ECN (2 bits): the old TOS byte. */
  readonly dscp: number;
  readonly ecn: number;
  readonly identification: number;
  readonly dontFragment: boolean;
  readonly moreFragments: boolean;
  /** In units of 8 bytes. */
  readonly fragmentOffset: number;
  readonly ttl: number;
  /** IANA protocol number (1 ICMP, 6 TCP, 17 UDP); for modelled payloads it must match the payload's kind. */
  readonly protocol: number;
  readonly src: Ipv4;
  readonly dst: Ipv4;
  /** Header options, a multiple of 4 bytes, at most 40. Usually empty. */
  readonly options: Uint8Array;
  readonly payload: IcmpMessage | UdpDatagram | TcpSegment | RawPayload;
}

/** RFC 792 messages the engine sends and understands; other types decode as 'other'. */
export type IcmpMessage =
  | {
      readonly kind: 'icmp';
      readonly type: 'echo-request' | 'echo-reply';
      readonly identifier: number;
      readonly sequence: number;
      readonly data: Uint8Array;
    }
  | {
      readonly kind: 'icmp';
      /** code 0: TTL exceeded in transit; 1: fragment reassembly time exceeded. */
      readonly type: 'time-exceeded';
      readonly code: number;
      /** The original datagram's IP header plus its first 8 data bytes. */
      readonly original: Uint8Array;
    }
  | {
      readonly kind: 'icmp';
      /** code 0 net, 1 host, 2 protocol, 3 port unreachable, 4 fragmentation needed… */
      readonly type: 'destination-unreachable';
      readonly code: number;
      readonly original: Uint8Array;
    }
  | {
      readonly kind: 'icmp';
      readonly type: 'other';
      readonly icmpType: number;
      readonly code: number;
      /** The 4 bytes after the checksum, then the rest. */
      readonly rest: Uint8Array;
    };

export const ICMP_ECHO_REPLY = 0;
export const ICMP_DEST_UNREACHABLE = 3;
export const ICMP_ECHO_REQUEST = 8;
export const ICMP_TIME_EXCEEDED = 11;

export const UNREACHABLE_NET = 0;
export const UNREACHABLE_HOST = 1;
export const UNREACHABLE_PROTOCOL = 2;
export const UNREACHABLE_PORT = 3;

/** RFC 768. */
export interface UdpDatagram {
  readonly kind: 'udp';
  readonly srcPort: number;
  readonly dstPort: number;
  readonly data: Uint8Array;
}

export interface TcpFlags {
  readonly cwr: boolean;
  readonly ece: boolean;
  readonly urg: boolean;
  readonly ack: boolean;
  readonly psh: boolean;
  readonly rst: boolean;
  readonly syn: boolean;
  readonly fin: boolean;
}

/** RFC 9293 §3.1. */
export interface TcpSegment {
  readonly kind: 'tcp';
  readonly srcPort: number;
  readonly dstPort: number;
  /** Unsigned 32-bit. */
  readonly seq: number;
  readonly ack: number;
  readonly flags: TcpFlags;
  readonly window: number;
  readonly urgentPointer: number;
  /** Options, a multiple of 4 bytes, at most 40. */
  readonly options: Uint8Array;
  readonly data: Uint8Array;
}

/** Where and why a decode failed: offset is in bytes from the start of the buffer given. */
export interface DecodeError {
  readonly layer: 'ethernet' | 'arp' | 'ipv4' | 'icmp' | 'udp' | 'tcp' | 'pcap';
  readonly offset: number;
  readonly message: string;
}
