/**
 * Sequence-number arithmetic modulo 2^32 (RFC 9293 §3.4): comparisons are on the signed
 * difference, so 4294967295 < 0 when the space wraps.
 */
export const seqAdd = (a: number, n: number): number => (a + n) >>> 0;
export const seqLt = (a: number, b: number): boolean => ((a - b) | 0) < 0;
export const seqLe = (a: number, b: number): boolean => ((a - b) | 0) <= 0;
export const seqGt = (a: number, b: number): boolean => ((a - b) | 0) > 0;
export const seqGe = (a: number, b: number): boolean => ((a - b) | 0) >= 0;
/** a ≤ x < b in sequence space. */
export const seqInWindow = (x: number, start: number, size: number): boolean => seqLe(start, x) && seqLt(x, seqAdd(start, size));
