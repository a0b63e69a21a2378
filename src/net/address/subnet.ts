import { err, ok, unwrap, type Result } from '../result';
import { formatIpv4, ipv4FromNumber, ipv4ToBinary, parseIpv4, type Ipv4 } from './ipv4';

/** A prefix length 0–32: how many leading bits of an address name the network. */
export type Prefix = number & { readonly __brand: 'Prefix' };

/** A subnet mask whose 1-bits are contiguous from the left (anything else is refused at parse time). */
export type Mask = number & { readonly __brand: 'Mask' };

/** A network: its (host-bits-zero) network address and prefix length. */
export interface Subnet {
  readonly network: Ipv4;
  readonly prefix: Prefix;
}

/** An interface address with its prefix, e.g. 192.168.1.10/24 (host bits may be non-zero). */
export interface Cidr {
  readonly address: Ipv4;
  readonly prefix: Prefix;
}

export function prefix(n: number): Prefix {
  if (!Number.isInteger(n) || n < 0 || n > 32) throw new RangeError(`prefix must be 0–32, got ${n}`);
  return n as Prefix;
}

export function maskFromPrefix(p: Prefix): Mask {
  // `x << 32` is `x << 0` in JavaScript, so /0 needs its own case.
  return (p === 0 ? 0 : (0xffffffff << (32 - p)) >>> 0) as Mask;
}

export function prefixOfMask(mask: Mask): Prefix {
  let p = 0;
  for (let m = mask >>> 0; m & 0x80000000; m = (m << 1) >>> 0) p++;
  return p as Prefix;
}

/** The wildcard (inverse) mask: the host bits. */
export function hostMask(p: Prefix): number {
  return ~maskFromPrefix(p) >>> 0;
}

function parsePrefixDigits(digits: string, original: string): Result<Prefix> {
  if (original.length > 64) return err('that is far too long for a prefix length (0–32, like /24)');
  if (!/^\d+$/.test(digits)) return err(`the prefix length '${original}' should be a whole number 0–32, like /24`);
  if (digits.length > 1 && digits.startsWith('0')) return err(`write the prefix length without a leading zero: /${Number(digits)}`);
  const n = Number(digits);
  if (n > 32) return err(`a prefix length is 0–32 (an IPv4 address has 32 bits); /${digits} is too long`);
  return ok(n as Prefix);
}

/**
 * A mask written as dotted decimal (255.255.255.0) or as a prefix length (/24 or 24).
 * Non-contiguous masks such as 255.0.255.0 are refused with the binary shown.
 */
export function parseMask(text: string): Result<Mask> {
  if (text.length > 64) return err('that is far too long for a mask (like 255.255.255.0 or /24)');
  if (text.trim() !== text) return err(`remove the spaces around the mask: '${text.trim()}'`);
  if (text.startsWith('/') || /^\d{1,2}$/.test(text)) {
    const p = parsePrefixDigits(text.replace(/^\//, ''), text);
    return p.ok ? ok(maskFromPrefix(p.value)) : p;
  }
  const parsed = parseIpv4(text);
  if (!parsed.ok) return err(`not a mask: ${parsed.error}`);
  const value = parsed.value as number;
  const inverted = ~value >>> 0;
  // Contiguous ⇔ the inverted mask is of the form 0…01…1, i.e. inverted+1 is a power of two.
  if ((inverted & (inverted + 1)) !== 0) {
    return err(
      `${text} is not a valid mask: its 1-bits must all come first, then all 0-bits (it is ${ipv4ToBinary(parsed.value)})`,
    );
  }
  return ok(value as Mask);
}

export function parsePrefix(text: string): Result<Prefix> {
  return parsePrefixDigits(text.replace(/^\//, ''), text);
}

export function formatMask(mask: Mask): string {
  return formatIpv4(mask as number as Ipv4);
}

/** `192.168.1.10/24` (the host bits may be set: it names an interface, not only a network). */
export function parseCidr(text: string): Result<Cidr> {
  if (text.length > 64) return err('that is far too long for an address with a prefix (like 192.168.1.10/24)');
  if (text.trim() !== text) return err(`remove the spaces around '${text.trim()}'`);
  const slash = text.indexOf('/');
  if (slash < 0) {
    // Only suggest "add /24" when what is there is a valid address.
    const alone = parseIpv4(text);
    return alone.ok ? err(`'${text}' needs a prefix length after a slash, like ${text}/24`) : alone;
  }
  const address = parseIpv4(text.slice(0, slash));
  if (!address.ok) return address;
  const rest = text.slice(slash + 1);
  // parsePrefixDigits, not parsePrefix: the latter accepts '/24', which would let '10.0.0.1//24' through.
  const p = rest.includes('.') ? parseMask(rest) : parsePrefixDigits(rest, `/${rest}`);
  if (!p.ok) return p;
  return ok({ address: address.value, prefix: rest.includes('.') ? prefixOfMask(p.value as Mask) : (p.value as Prefix) });
}

/** A network in CIDR form; refuses host bits (192.168.1.10/24 is an address, not a network). */
export function parseSubnet(text: string): Result<Subnet> {
  const c = parseCidr(text);
  if (!c.ok) return c;
  const net = networkAddress(c.value.address, c.value.prefix);
  if (net !== c.value.address) {
    return err(`${text} has host bits set; the network is ${formatIpv4(net)}/${c.value.prefix}`);
  }
  return ok({ network: net, prefix: c.value.prefix });
}

export function cidr(text: string): Cidr {
  return unwrap(parseCidr(text));
}

export function subnet(text: string): Subnet {
  return unwrap(parseSubnet(text));
}

export function formatCidr(c: Cidr): string {
  return `${formatIpv4(c.address)}/${c.prefix}`;
}

export function formatSubnet(s: Subnet): string {
  return `${formatIpv4(s.network)}/${s.prefix}`;
}

/** The AND test: address AND mask. */
export function networkAddress(ip: Ipv4, p: Prefix): Ipv4 {
  return ((ip & maskFromPrefix(p)) >>> 0) as Ipv4;
}

export function subnetOf(ip: Ipv4, p: Prefix): Subnet {
  return { network: networkAddress(ip, p), prefix: p };
}

/** All host bits one. For /31 and /32 there is no broadcast address; this still returns the top address. */
export function broadcastAddress(ip: Ipv4, p: Prefix): Ipv4 {
  return ((ip | hostMask(p)) >>> 0) as Ipv4;
}

/** Addresses a host may use: 2^(32-p) − 2, except /31 (2, point-to-point, RFC 3021) and /32 (1, a single host). */
export function usableHostCount(p: Prefix): number {
  if (p === 32) return 1;
  if (p === 31) return 2;
  return 2 ** (32 - p) - 2;
}

export function totalAddressCount(p: Prefix): number {
  return 2 ** (32 - p);
}

export function firstHost(ip: Ipv4, p: Prefix): Ipv4 {
  const net = networkAddress(ip, p);
  return p >= 31 ? net : ipv4FromNumber(net + 1);
}

export function lastHost(ip: Ipv4, p: Prefix): Ipv4 {
  const bc = broadcastAddress(ip, p);
  return p >= 31 ? bc : ipv4FromNumber(bc - 1);
}

export function subnetContains(s: Subnet, ip: Ipv4): boolean {
  return networkAddress(ip, s.prefix) === s.network;
}

/** Is `b` on the same subnet as `a`, judged by `a`'s mask (the test a sending host performs)? */
export function sameSubnet(a: Ipv4, b: Ipv4, p: Prefix): boolean {
  const m = maskFromPrefix(p);
  return ((a & m) >>> 0) === ((b & m) >>> 0);
}

/** How an address relates to its subnet: the words a learner needs for "can I give this to a host?". */
export type AddressRole = 'network' | 'broadcast' | 'host';

export function addressRole(ip: Ipv4, p: Prefix): AddressRole {
  if (p >= 31) return 'host';
  if (ip === networkAddress(ip, p)) return 'network';
  if (ip === broadcastAddress(ip, p)) return 'broadcast';
  return 'host';
}

const block = (text: string) => unwrap(parseSubnet(text));

/** RFC 1918 private ranges. */
export const PRIVATE_RANGES: readonly Subnet[] = [block('10.0.0.0/8'), block('172.16.0.0/12'), block('192.168.0.0/16')];
export const LOOPBACK_RANGE: Subnet = block('127.0.0.0/8');
export const LINK_LOCAL_RANGE: Subnet = block('169.254.0.0/16');
export const MULTICAST_RANGE: Subnet = block('224.0.0.0/4');

export function isPrivate(ip: Ipv4): boolean {
  return PRIVATE_RANGES.some((r) => subnetContains(r, ip));
}

export function isLoopback(ip: Ipv4): boolean {
  return subnetContains(LOOPBACK_RANGE, ip);
}

export function isMulticast(ip: Ipv4): boolean {
  return subnetContains(MULTICAST_RANGE, ip);
}

export type AddressClass = 'A' | 'B' | 'C' | 'D' | 'E';

/** The pre-1993 classful class (history lesson only; routing has been classless since RFC 1519). */
export function addressClass(ip: Ipv4): AddressClass {
  const first = ip >>> 24;
  if (first < 128) return 'A';
  if (first < 192) return 'B';
  if (first < 224) return 'C';
  if (first < 240) return 'D';
  return 'E';
}

/** The default mask a class implied, where it had one. */
export function classfulPrefix(c: AddressClass): Prefix | undefined {
  return c === 'A' ? (8 as Prefix) : c === 'B' ? (16 as Prefix) : c === 'C' ? (24 as Prefix) : undefined;
}

/** The smallest prefix whose subnet holds `hosts` usable addresses (a /31 is only offered for exactly 2). */
export function prefixForHosts(hosts: number, opts: { pointToPoint?: boolean } = {}): Result<Prefix> {
  if (!Number.isInteger(hosts) || hosts < 1) return err(`a subnet needs a whole number of hosts, at least one; got ${hosts}`);
  if (hosts === 1) return ok(32 as Prefix);
  // A /31 has no network or broadcast address, which RFC 3021 allows only on point-to-point
  // links; a shared segment of 2 hosts gets the conventional /30.
  if (hosts === 2 && opts.pointToPoint) return ok(31 as Prefix);
  for (let p = 30; p >= 0; p--) if (usableHostCount(p as Prefix) >= hosts) return ok(p as Prefix);
  return err(`${hosts} hosts do not fit in any IPv4 subnet`);
}

export interface VlsmRequest {
  readonly name: string;
  readonly hosts: number;
  /** A router-to-router link: 2 hosts then fit a /31 (RFC 3021). */
  readonly pointToPoint?: boolean;
}

export interface VlsmAllocation {
  readonly name: string;
  readonly hosts: number;
  readonly subnet: Subnet;
}

/**
 * Variable-length subnetting: carves `parent` into one subnet per request, largest first
 * (the standard method, which never fragments the space for a later, smaller request),
 * each aligned on its own size. Results come back in the requests' original order.
 * Ties keep the requests' order, so the result is deterministic.
 */
export function allocateVlsm(parent: Subnet, requests: readonly VlsmRequest[]): Result<VlsmAllocation[]> {
  const sized: { index: number; req: VlsmRequest; p: Prefix }[] = [];
  for (const [index, req] of requests.entries()) {
    const p = prefixForHosts(req.hosts, { pointToPoint: req.pointToPoint ?? false });
    if (!p.ok) return err(`${req.name}: ${p.error}`);
    if (p.value < parent.prefix) {
      return err(`${req.name} needs ${req.hosts} hosts, a /${p.value}, which is bigger than ${formatSubnet(parent)}`);
    }
    sized.push({ index, req, p: p.value });
  }
  sized.sort((a, b) => a.p - b.p || a.index - b.index);
  const end = parent.network + totalAddressCount(parent.prefix);
  let next = parent.network as number;
  const out: VlsmAllocation[] = new Array(requests.length);
  for (const { index, req, p } of sized) {
    const size = totalAddressCount(p);
    next = Math.ceil(next / size) * size;
    if (next + size > end) {
      return err(`${formatSubnet(parent)} runs out of room at ${req.name} (needs a /${p}, ${size} addresses)`);
    }
    out[index] = { name: req.name, hosts: req.hosts, subnet: { network: ipv4FromNumber(next), prefix: p } };
    next += size;
  }
  return ok(out);
}

/** Splits a subnet into 2^(newPrefix − prefix) equal subnets. */
export function splitSubnet(parent: Subnet, newPrefix: Prefix): Result<Subnet[]> {
  if (newPrefix < parent.prefix) return err(`/${newPrefix} is larger than /${parent.prefix}; it cannot be a part of it`);
  const count = 2 ** (newPrefix - parent.prefix);
  if (count > 65536) return err(`that would make ${count} subnets; choose a shorter prefix`);
  const size = totalAddressCount(newPrefix);
  return ok(Array.from({ length: count }, (_, i) => ({ network: ipv4FromNumber(parent.network + i * size), prefix: newPrefix })));
}
