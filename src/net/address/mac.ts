import { err, ok, unwrap, type Result } from '../result';

/**
 * A parsed 48-bit MAC address (IEEE 802), held as an unsigned integer (fits a JS number
 * exactly: 48 < 53 bits). Branded so raw numbers and strings cannot stand in for it.
 */
export type Mac = number & { readonly __brand: 'Mac' };

const TWO_32 = 0x1_0000_0000;

export function macFromBytes(bytes: ArrayLike<number>, offset = 0): Mac {
  let v = 0;
  for (let i = 0; i < 6; i++) v = v * 256 + (bytes[offset + i]! & 255);
  return v as Mac;
}

export function macBytes(mac: Mac): number[] {
  const hi = Math.floor(mac / TWO_32); // top 16 bits
  const lo = mac % TWO_32;
  return [hi >>> 8, hi & 255, lo >>> 24, (lo >>> 16) & 255, (lo >>> 8) & 255, lo & 255];
}

export function macFromNumber(value: number): Mac {
  if (!Number.isInteger(value) || value < 0 || value > 0xffff_ffff_ffff) throw new RangeError(`not a 48-bit value: ${value}`);
  return value as Mac;
}

/** Lower-case, colon-separated: aa:bb:cc:dd:ee:ff. */
export function formatMac(mac: Mac, separator: ':' | '-' = ':'): string {
  return macBytes(mac)
    .map((b) => b.toString(16).padStart(2, '0'))
    .join(separator);
}

/**
 * Parses the colon form (00:1a:2b:3c:4d:5e) and the dash form (00-1A-2B-3C-4D-5E),
 * either case, but not a mixture of separators.
 */
export function parseMac(text: string): Result<Mac> {
  if (text.length === 0) return err('the MAC address is empty; it looks like 00:1a:2b:3c:4d:5e');
  if (text.length > 64) return err('that is far too long for a MAC address (six pairs of hex digits)');
  if (text.trim() !== text) return err(`remove the spaces around the MAC address: '${text.trim()}'`);
  // Name a stray character before counting separators: 'aa:…:gg' is a bad digit, not a mixture.
  const stray = /[^0-9a-fA-F:.-]/.exec(text);
  if (stray) {
    if (/\s/.test(stray[0])) return err('a space is not allowed inside a MAC address, like 00:1a:2b:3c:4d:5e');
    return err(`'${stray[0]}' is not a hex digit; a MAC address uses only 0–9 and a–f, like 00:1a:2b:3c:4d:5e`);
  }
  const separators = new Set(text.replace(/[0-9a-fA-F]/g, ''));
  if (separators.size > 1) {
    return err(`use one kind of separator, ':' or '-', not a mixture ('${text}')`);
  }
  const sep = [...separators][0];
  if (sep === undefined) return err(`separate the six bytes with ':' or '-', like 00:1a:2b:3c:4d:5e`);
  if (sep !== ':' && sep !== '-') return err(`'${sep}' is not a MAC separator; use ':' or '-'`);
  const parts = text.split(sep);
  if (parts.length !== 6) return err(`a MAC address has six bytes (48 bits); '${text}' has ${parts.length}`);
  const bytes: number[] = [];
  for (const [i, part] of parts.entries()) {
    if (part.length !== 2) return err(`byte ${i + 1} '${part}' should be exactly two hex digits (00–ff)`);
    bytes.push(parseInt(part, 16));
  }
  return ok(macFromBytes(bytes));
}

export function mac(text: string): Mac {
  return unwrap(parseMac(text));
}

export const BROADCAST_MAC = 0xffff_ffff_ffff as Mac;
export const ZERO_MAC = 0 as Mac;

/** The first 24 bits, the Organizationally Unique Identifier: the vendor half. */
export function macOui(mac: Mac): string {
  return formatMac(mac).slice(0, 8);
}

/** The last 24 bits, assigned by the vendor: the device half. */
export function macNic(mac: Mac): string {
  return formatMac(mac).slice(9);
}

export function isBroadcastMac(mac: Mac): boolean {
  return mac === BROADCAST_MAC;
}

/** The I/G bit: the least significant bit of the first byte (sent first on the wire). Broadcast is a multicast. */
export function isMulticastMac(mac: Mac): boolean {
  // Arithmetic, not macBytes(): switches ask this of every frame, and an array per call shows.
  return (Math.floor(mac / 0x100_0000_0000) & 1) === 1;
}

/** The U/L bit: set on addresses a person or program chose rather than the vendor. */
export function isLocallyAdministeredMac(mac: Mac): boolean {
  return (Math.floor(mac / 0x100_0000_0000) & 2) === 2;
}
