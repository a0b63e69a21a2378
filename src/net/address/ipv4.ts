import { err, ok, unwrap, type Result } from '../result';

/**
 * A parsed IPv4 address: the 32-bit unsigned value (RFC 791 §2.3). Branded so that a raw
 * number or string can never be passed where an address is meant.
 */
export type Ipv4 = number & { readonly __brand: 'Ipv4' };

const ORDINALS = ['first', 'second', 'third', 'fourth'];

/** Builds an address from a 32-bit value; the value is reduced to unsigned 32 bits. */
export function ipv4FromNumber(value: number): Ipv4 {
  return (value >>> 0) as Ipv4;
}

export function ipv4FromOctets(a: number, b: number, c: number, d: number): Ipv4 {
  return (((a & 255) << 24) | ((b & 255) << 16) | ((c & 255) << 8) | (d & 255)) >>> 0 as Ipv4;
}

export function ipv4Octets(ip: Ipv4): [number, number, number, number] {
  return [ip >>> 24, (ip >>> 16) & 255, (ip >>> 8) & 255, ip & 255];
}

export function formatIpv4(ip: Ipv4): string {
  return `${ip >>> 24}.${(ip >>> 16) & 255}.${(ip >>> 8) & 255}.${ip & 255}`;
}

/** Dotted binary, e.g. 192.168.0.1 → 11000000.10101000.00000000.00000001 (the AND lesson's view). */
export function ipv4ToBinary(ip: Ipv4): string {
  return ipv4Octets(ip)
    .map((o) => o.toString(2).padStart(8, '0'))
    .join('.');
}

/**
 * Parses dotted-decimal strictly: four decimal numbers 0–255, no spaces, no leading zeros
 * (inet_aton would read 010 as octal 8, a classic surprise), nothing else.
 * Every refusal says what is wrong in words a learner understands.
 */
export function parseIpv4(text: string): Result<Ipv4> {
  if (text.length === 0) return err('the address is empty; an IPv4 address looks like 192.168.1.10');
  // Length first, so no later message echoes a huge input back.
  if (text.length > 64) return err('that is far too long for an IPv4 address (at most 15 characters, like 255.255.255.255)');
  if (text.trim() !== text) {
    const where = /^\s/.test(text) ? 'before' : 'after';
    return err(`remove the space ${where} the address: '${text.trim()}' is what was meant`);
  }
  if (text.includes('/')) return err(`'${text}' has a prefix length (/…); give the address alone here, like ${text.split('/')[0]}`);
  const bad = /[^0-9.]/.exec(text);
  if (bad) {
    if (/\s/.test(bad[0])) return err('a space is not allowed inside an IPv4 address: only digits 0–9 and dots');
    return err(`'${bad[0]}' is not allowed in an IPv4 address: only digits 0–9 and dots`);
  }
  // Stray dots first: otherwise '1.2.3.4.' would be reported as having five numbers.
  if (text.startsWith('.') || text.endsWith('.')) {
    return err(`'${text}' ${text.startsWith('.') ? 'starts' : 'ends'} with a dot; dots go only between the four numbers, like 192.168.1.10`);
  }
  if (text.includes('..')) return err(`'${text}' has two dots in a row: a number is missing between them`);
  const parts = text.split('.');
  if (parts.length !== 4) {
    return err(`an IPv4 address has four numbers separated by dots; '${text}' has ${parts.length}`);
  }
  let value = 0;
  for (let i = 0; i < 4; i++) {
    const part = parts[i]!;
    const which = ORDINALS[i];
    if (part.length > 1 && part.startsWith('0')) {
      return err(`the ${which} number '${part}' has a leading zero; write ${Number(part)} (some systems read a leading 0 as octal)`);
    }
    const n = Number(part);
    if (n > 255) return err(`each number is one byte, 0–255; the ${which} number is ${part}`);
    value = value * 256 + n;
  }
  return ok(value as Ipv4);
}

/** For constants and tests: parses or throws. */
export function ipv4(text: string): Ipv4 {
  return unwrap(parseIpv4(text));
}

export const IPV4_ANY = 0 as Ipv4;
export const IPV4_LIMITED_BROADCAST = 0xffffffff as Ipv4;
