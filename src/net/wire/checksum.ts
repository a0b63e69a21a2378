/**
 * The two checksums on the wire: the Internet checksum (RFC 1071) that IPv4, ICMP, UDP and TCP
 * carry, and the CRC-32 that Ethernet appends as its frame check sequence (IEEE 802.3 §3.2.9).
 */
import type { Ipv4 } from '../address/ipv4';

/** Folds carries back into the low 16 bits (the "end-around carry" of ones' complement addition). */
function fold(sum: number): number {
  // Division rather than >>> so that sums past 2^32 (buffers over ~128 KiB) still fold correctly.
  while (sum > 0xffff) sum = (sum % 0x10000) + Math.floor(sum / 0x10000);
  return sum;
}

/**
 * The 16-bit ones' complement sum of bytes[start, end) read as big-endian words, plus `initial`
 * (e.g. a pseudo-header sum). An odd final byte is the high half of a word whose low half is 0.
 * Sums of adjacent ranges may be added only when the first range has an even length.
 */
export function onesComplementSum(bytes: Uint8Array, start = 0, end = bytes.length, initial = 0): number {
  let sum = initial;
  let i = start;
  const pairsEnd = end - 1;
  for (; i < pairsEnd; i += 2) sum += (bytes[i]! << 8) | bytes[i + 1]!;
  if (i < end) sum += bytes[i]! << 8;
  return fold(sum);
}

/** The value to put in a checksum field: the complement of the sum (with the field itself zero). */
export function internetChecksum(bytes: Uint8Array, start = 0, end = bytes.length, initial = 0): number {
  return ~onesComplementSum(bytes, start, end, initial) & 0xffff;
}

/**
 * The checksum a message ought to carry, ignoring whatever its field at `fieldOffset` holds.
 * For error messages ("found … expected …"); `fieldOffset - start` must be even.
 */
export function expectedChecksum(bytes: Uint8Array, start: number, end: number, fieldOffset: number, initial = 0): number {
  const before = onesComplementSum(bytes, start, fieldOffset, initial);
  return ~onesComplementSum(bytes, fieldOffset + 2, end, before) & 0xffff;
}

/**
 * The sum of the TCP/UDP pseudo-header (source, destination, zero, protocol, length): it ties a
 * segment to its IP addresses, so one delivered to the wrong host fails its checksum.
 * Unfolded; pass it as `initial`.
 */
export function pseudoHeaderSum(src: Ipv4, dst: Ipv4, protocol: number, length: number): number {
  return (src >>> 16) + (src & 0xffff) + (dst >>> 16) + (dst & 0xffff) + protocol + length;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    // 0xEDB88320 is the 802.3 polynomial 0x04C11DB7 bit-reversed: Ethernet sends each byte's low bit first.
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** IEEE 802.3 CRC-32 of bytes[start, end) (reflected, initial and final XOR 0xFFFFFFFF), unsigned. */
export function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let c = 0xffffffff;
  for (let i = start; i < end; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
