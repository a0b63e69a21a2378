/**
 * Byte-level encoders and decoders for the wire formats. The write… helpers, which trust that
 * the structure was validated and the buffer is big enough, stay internal.
 */
export * from './types';
export { crc32, expectedChecksum, internetChecksum, onesComplementSum, pseudoHeaderSum } from './checksum';
export { ETHERTYPE_MIN, decodeEthernet, encodeEthernet, ethernetLength, ethernetPayloadLength, ethernetProblem, type EthernetOptions } from './ethernet';
export { ARP_LEN, arpProblem, decodeArp, encodeArp } from './arp';
export {
  IPV4_HEADER_LEN,
  IPV4_MAX_LEN,
  IPV4_MAX_OPTIONS,
  decodeIpv4,
  encodeIpv4,
  ipv4HeaderChecksum,
  ipv4PacketLength,
  ipv4PayloadLength,
  ipv4Problem,
  isFragment,
} from './ipv4';
export { ICMP_HEADER_LEN, decodeIcmp, encodeIcmp, icmpLength, icmpOriginal, icmpProblem } from './icmp';
export { UDP_HEADER_LEN, decodeUdp, encodeUdp, udpLength, udpProblem } from './udp';
export { TCP_HEADER_LEN, TCP_MAX_OPTIONS, decodeTcp, encodeTcp, formatTcpFlags, tcpFlags, tcpFlagsByte, tcpFlagsFromByte, tcpLength, tcpProblem } from './tcp';
export { hexdump } from './hexdump';
