/**
 * The "original datagram" an ICMP error carries (RFC 792): the offending IP header plus the
 * first 8 bytes of its data — enough for the sender to match the error to its ping or port.
 */
import { IPPROTO_ICMP, ICMP_ECHO_REQUEST, type Ipv4Packet } from '../wire/types';
import { icmpOriginal } from '../wire/icmp';
import { encodeIpv4 } from '../wire/ipv4';

export function originalDatagram(p: Ipv4Packet): Uint8Array {
  const bytes = encodeIpv4(p);
  return bytes.ok ? icmpOriginal(bytes.value) : new Uint8Array(0);
}

/** The echo request an error is about, if it is about one of ours. */
export function echoInOriginal(original: Uint8Array): { identifier: number; sequence: number } | undefined {
  if (original.length < 20) return undefined;
  const ihl = (original[0]! & 0x0f) * 4;
  if (original[9] !== IPPROTO_ICMP || original.length < ihl + 8) return undefined;
  if (original[ihl] !== ICMP_ECHO_REQUEST) return undefined;
  return {
    identifier: (original[ihl + 4]! << 8) | original[ihl + 5]!,
    sequence: (original[ihl + 6]! << 8) | original[ihl + 7]!,
  };
}
