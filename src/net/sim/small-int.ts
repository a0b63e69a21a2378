/**
 * V8 stores an integer in "Smi" range inside the object that holds it, but a heap number (what a
 * Float64Array read, or a field that once held a large value, hands out) as a separate 16-byte
 * box, one per object it is stored in. The trace keeps every event, so each box is allocated,
 * then copied by the garbage collector; for times and addresses that were ~120 bytes per frame-hop.
 * `smallInt` returns the same number, as a Smi when it can be one, so the fields stay unboxed.
 * It never changes a value: fractions and large numbers come back as they went in.
 */
const SMI_MAX = 0x3fff_ffff; // 2^30 - 1: Smi range on every V8 build (31-bit with pointer compression)

export function smallInt<N extends number>(n: N): N {
  if (n >= 0 && n <= SMI_MAX) {
    const i = n | 0;
    if (i === n) return i as N;
  }
  return n;
}
