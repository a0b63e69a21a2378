/**
 * DHCP messages (RFC 2131 §2): the BOOTP fixed format (RFC 951) followed by the magic cookie and
 * options (RFC 2132). DHCP rides in UDP between ports 68 (client) and 67 (server); this module
 * handles only the UDP payload.
 *
 * Only Ethernet hardware addresses are modelled (htype 1, hlen 6). Option overload (52) is not
 * supported: it would move options into sname/file, which we keep as plain strings.
 */
import type { Ipv4 } from '../address/ipv4';
import { macBytes, macFromBytes, type Mac } from '../address/mac';
import type { Mask } from '../address/subnet';
import { err, ok, type Result } from '../result';
import type { DecodeError } from './types';

export const DHCP_SERVER_PORT = 67;
export const DHCP_CLIENT_PORT = 68;

/** 99.130.83.99: tells a DHCP message from a plain BOOTP one whose vendor area holds anything. */
export const DHCP_MAGIC_COOKIE = 0x63825363;
/** op … file: everything before the cookie. */
export const DHCP_FIXED_LEN = 236;
/** Where the options begin, after the cookie. */
export const DHCP_OPTIONS_OFFSET = DHCP_FIXED_LEN + 4;
/** RFC 951's 64-byte vendor area made BOOTP messages at least 300 bytes; some relays and servers still drop shorter ones. */
export const BOOTP_MIN_LEN = 300;
/** Lease time 0xFFFFFFFF means "forever" (RFC 2131 §3.3). */
export const DHCP_INFINITE_LEASE = 0xffff_ffff;

export const DHCP_SNAME_LEN = 64;
export const DHCP_FILE_LEN = 128;

export const DHCP_MESSAGE_TYPES = ['DISCOVER', 'OFFER', 'REQUEST', 'DECLINE', 'ACK', 'NAK', 'RELEASE', 'INFORM'] as const;
/** Option 53's values, 1–8 in this order. */
export type DhcpMessageType = (typeof DHCP_MESSAGE_TYPES)[number];

/** Option codes (RFC 2132) the typed fields of DhcpMessage stand for. */
export const DHCP_OPT = {
  PAD: 0,
  SUBNET_MASK: 1,
  ROUTER: 3,
  DNS: 6,
  REQUESTED_IP: 50,
  LEASE_TIME: 51,
  OVERLOAD: 52,
  MESSAGE_TYPE: 53,
  SERVER_ID: 54,
  PARAMETER_REQUEST_LIST: 55,
  MESSAGE: 56,
  RENEWAL_TIME: 58,
  REBINDING_TIME: 59,
  END: 255,
} as const;

/** An option the typed fields do not cover, kept as bytes (in the order first seen). */
export interface DhcpOption {
  readonly code: number;
  readonly data: Uint8Array;
}

export interface DhcpMessage {
  /** BOOTREQUEST (1) from a client, BOOTREPLY (2) from a server. */
  readonly op: 'request' | 'reply';
  /** Relay agents count themselves here. */
  readonly hops: number;
  /** Transaction id: chosen by the client, echoed by the server, so a client can match replies. */
  readonly xid: number;
  /** Seconds since the client began acquiring or renewing. */
  readonly secs: number;
  /** The client cannot receive unicast until configured: the server must broadcast its reply. */
  readonly broadcast: boolean;
  /** The client's current address, when it has one (BOUND, RENEWING, REBINDING, RELEASE). */
  readonly ciaddr: Ipv4;
  /** "Your" address: the one the server offers or assigns. */
  readonly yiaddr: Ipv4;
  /** Next server for booting (TFTP); not the DHCP server's identifier. */
  readonly siaddr: Ipv4;
  /** The relay agent's address, 0 when client and server share a link. */
  readonly giaddr: Ipv4;
  readonly chaddr: Mac;
  /** Server host name and boot file name, NUL-terminated on the wire. */
  readonly sname: string;
  readonly file: string;
  /** Option 53. A message without it is plain BOOTP, which decodeDhcp refuses. */
  readonly type: DhcpMessageType;
  readonly subnetMask?: Mask;
  readonly routers?: readonly Ipv4[];
  readonly dnsServers?: readonly Ipv4[];
  /** Option 50: the address a client asks for (SELECTING, INIT-REBOOT). */
  readonly requestedIp?: Ipv4;
  /** Option 51, seconds. */
  readonly leaseSeconds?: number;
  /** Option 54: which server the client chose, and who sent an OFFER/ACK/NAK. */
  readonly serverId?: Ipv4;
  /** Options 58 and 59: T1 and T2, seconds (clients default to 50% and 87.5% of the lease). */
  readonly renewalSeconds?: number;
  readonly rebindingSeconds?: number;
  /** Everything else, e.g. 55 parameter request list, 56 message, 12 host name. */
  readonly options: readonly DhcpOption[];
}

/** A message with every fixed field zero or empty, for building: give what matters. */
export function dhcpMessage(init: Pick<DhcpMessage, 'op' | 'type' | 'xid' | 'chaddr'> & Partial<DhcpMessage>): DhcpMessage {
  return {
    hops: 0,
    secs: 0,
    broadcast: false,
    ciaddr: 0 as Ipv4,
    yiaddr: 0 as Ipv4,
    siaddr: 0 as Ipv4,
    giaddr: 0 as Ipv4,
    sname: '',
    file: '',
    options: [],
    ...init,
  };
}

const TYPED_CODES: ReadonlySet<number> = new Set([
  DHCP_OPT.SUBNET_MASK,
  DHCP_OPT.ROUTER,
  DHCP_OPT.DNS,
  DHCP_OPT.REQUESTED_IP,
  DHCP_OPT.LEASE_TIME,
  DHCP_OPT.MESSAGE_TYPE,
  DHCP_OPT.SERVER_ID,
  DHCP_OPT.RENEWAL_TIME,
  DHCP_OPT.REBINDING_TIME,
]);

const isU8 = (n: number) => Number.isInteger(n) && n >= 0 && n <= 0xff;
const isU16 = (n: number) => Number.isInteger(n) && n >= 0 && n <= 0xffff;
const isU32 = (n: number) => Number.isInteger(n) && n >= 0 && n <= 0xffff_ffff;
const isMac = (m: Mac) => Number.isInteger(m) && m >= 0 && m <= 0xffff_ffff_ffff;
const isContiguous = (m: number) => {
  const inverted = ~m >>> 0;
  return isU32(m) && (inverted & (inverted + 1)) === 0;
};

function stringProblem(name: string, s: string, room: number): string | undefined {
  // One byte is kept for the terminating NUL.
  if (s.length > room - 1) return `the DHCP ${name} field holds at most ${room - 1} characters; '${s.slice(0, 20)}…' has ${s.length}`;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0 || c > 0xff) return `the DHCP ${name} field holds single bytes 1–255 (Latin-1); character ${i + 1} is not one`;
  }
  return undefined;
}

/** Why the message cannot be encoded, or undefined if it can. */
export function dhcpProblem(m: DhcpMessage): string | undefined {
  if (m.op !== 'request' && m.op !== 'reply') return `a DHCP op is 'request' (BOOTREQUEST) or 'reply' (BOOTREPLY), not '${String(m.op)}'`;
  if (!DHCP_MESSAGE_TYPES.includes(m.type)) return `'${String(m.type)}' is not a DHCP message type (${DHCP_MESSAGE_TYPES.join(', ')})`;
  if (!isU8(m.hops)) return `DHCP hops is ${m.hops}; it is one byte, 0–255`;
  if (!isU32(m.xid)) return `DHCP xid is ${m.xid}; it is 32 bits unsigned`;
  if (!isU16(m.secs)) return `DHCP secs is ${m.secs}; it is 16 bits, 0–65535`;
  for (const f of ['ciaddr', 'yiaddr', 'siaddr', 'giaddr'] as const) if (!isU32(m[f])) return `DHCP ${f} ${m[f]} is not a 32-bit IPv4 address`;
  if (!isMac(m.chaddr)) return `DHCP chaddr ${m.chaddr} is not a 48-bit MAC address`;
  const s = stringProblem('sname', m.sname, DHCP_SNAME_LEN) ?? stringProblem('file', m.file, DHCP_FILE_LEN);
  if (s !== undefined) return s;
  if (m.subnetMask !== undefined && !isContiguous(m.subnetMask)) return `option 1 subnet mask ${m.subnetMask} is not a contiguous mask`;
  for (const [code, list] of [[DHCP_OPT.ROUTER, m.routers], [DHCP_OPT.DNS, m.dnsServers]] as const) {
    if (list === undefined) continue;
    if (list.length === 0 || list.length > 63) return `option ${code} lists 1–63 addresses (4 bytes each, at most 255); it has ${list.length}`;
    if (!list.every(isU32)) return `option ${code} holds an address that is not 32 bits`;
  }
  const u32s = [
    [DHCP_OPT.REQUESTED_IP, m.requestedIp],
    [DHCP_OPT.LEASE_TIME, m.leaseSeconds],
    [DHCP_OPT.SERVER_ID, m.serverId],
    [DHCP_OPT.RENEWAL_TIME, m.renewalSeconds],
    [DHCP_OPT.REBINDING_TIME, m.rebindingSeconds],
  ] as const;
  for (const [code, v] of u32s) if (v !== undefined && !isU32(v)) return `option ${code} is ${v}; it is 32 bits unsigned`;
  for (const o of m.options) {
    if (!isU8(o.code) || o.code === DHCP_OPT.PAD || o.code === DHCP_OPT.END) return `option code ${o.code} is not usable: codes are 1–254 (0 is pad, 255 end)`;
    if (TYPED_CODES.has(o.code)) return `option ${o.code} has its own field in DhcpMessage; set that instead of a raw option`;
    if (o.code === DHCP_OPT.OVERLOAD) return 'option 52 (overload) is not supported: sname and file are kept as names';
    if (o.data.length > 255) return `option ${o.code} carries ${o.data.length} bytes; an option holds at most 255`;
  }
  return undefined;
}

/** The options in the order written: message type first, as clients and servers conventionally do. */
function optionList(m: DhcpMessage): DhcpOption[] {
  const u32 = (v: number) => Uint8Array.of(v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255);
  const list = (ips: readonly Ipv4[]) => Uint8Array.from(ips.flatMap((ip) => [...u32(ip)]));
  const out: DhcpOption[] = [{ code: DHCP_OPT.MESSAGE_TYPE, data: Uint8Array.of(DHCP_MESSAGE_TYPES.indexOf(m.type) + 1) }];
  const add = (code: number, data: Uint8Array | undefined) => data && out.push({ code, data });
  add(DHCP_OPT.SERVER_ID, m.serverId === undefined ? undefined : u32(m.serverId));
  add(DHCP_OPT.REQUESTED_IP, m.requestedIp === undefined ? undefined : u32(m.requestedIp));
  add(DHCP_OPT.LEASE_TIME, m.leaseSeconds === undefined ? undefined : u32(m.leaseSeconds));
  add(DHCP_OPT.RENEWAL_TIME, m.renewalSeconds === undefined ? undefined : u32(m.renewalSeconds));
  add(DHCP_OPT.REBINDING_TIME, m.rebindingSeconds === undefined ? undefined : u32(m.rebindingSeconds));
  add(DHCP_OPT.SUBNET_MASK, m.subnetMask === undefined ? undefined : u32(m.subnetMask));
  add(DHCP_OPT.ROUTER, m.routers === undefined ? undefined : list(m.routers));
  add(DHCP_OPT.DNS, m.dnsServers === undefined ? undefined : list(m.dnsServers));
  return [...out, ...m.options];
}

/** The encoded length: fixed part, cookie, options, end, padded to BOOTP's 300 bytes. */
export function dhcpLength(m: DhcpMessage): number {
  const n = DHCP_OPTIONS_OFFSET + optionList(m).reduce((sum, o) => sum + 2 + o.data.length, 0) + 1;
  return Math.max(n, BOOTP_MIN_LEN);
}

function writeString(bytes: Uint8Array, offset: number, s: string): void {
  for (let i = 0; i < s.length; i++) bytes[offset + i] = s.charCodeAt(i);
}

export function encodeDhcp(m: DhcpMessage): Result<Uint8Array> {
  const problem = dhcpProblem(m);
  if (problem !== undefined) return err(problem);
  const bytes = new Uint8Array(dhcpLength(m));
  const view = new DataView(bytes.buffer);
  bytes[0] = m.op === 'request' ? 1 : 2;
  bytes[1] = 1; // htype: Ethernet
  bytes[2] = 6; // hlen
  bytes[3] = m.hops;
  view.setUint32(4, m.xid);
  view.setUint16(8, m.secs);
  view.setUint16(10, m.broadcast ? 0x8000 : 0);
  view.setUint32(12, m.ciaddr);
  view.setUint32(16, m.yiaddr);
  view.setUint32(20, m.siaddr);
  view.setUint32(24, m.giaddr);
  bytes.set(macBytes(m.chaddr), 28);
  writeString(bytes, 44, m.sname);
  writeString(bytes, 108, m.file);
  view.setUint32(DHCP_FIXED_LEN, DHCP_MAGIC_COOKIE);
  let off = DHCP_OPTIONS_OFFSET;
  for (const o of optionList(m)) {
    bytes[off] = o.code;
    bytes[off + 1] = o.data.length;
    bytes.set(o.data, off + 2);
    off += 2 + o.data.length;
  }
  bytes[off] = DHCP_OPT.END;
  // The rest stays 0: pad options.
  return ok(bytes);
}

const fail = (offset: number, message: string): Result<never, DecodeError> => err({ layer: 'udp', offset, message: `DHCP: ${message}` });

function readString(bytes: Uint8Array, start: number, len: number): string {
  let s = '';
  for (let i = start; i < start + len && bytes[i] !== 0; i++) s += String.fromCharCode(bytes[i]!);
  return s;
}

/** Decodes a UDP payload as a DHCP message. Never throws: every problem is a DecodeError at its offset. */
export function decodeDhcp(bytes: Uint8Array): Result<DhcpMessage, DecodeError> {
  if (bytes.length < DHCP_OPTIONS_OFFSET) {
    return fail(0, `a DHCP message is at least ${DHCP_OPTIONS_OFFSET} bytes (236 fixed, 4 magic cookie) before its options; only ${bytes.length} are here (truncated)`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const opByte = bytes[0]!;
  if (opByte !== 1 && opByte !== 2) return fail(0, `op is ${opByte}; it is 1 (BOOTREQUEST, from a client) or 2 (BOOTREPLY, from a server)`);
  if (bytes[1] !== 1 || bytes[2] !== 6) {
    return fail(1, `hardware type ${bytes[1]} with address length ${bytes[2]}; only Ethernet (type 1, 6-byte MAC) is modelled`);
  }
  const cookie = view.getUint32(DHCP_FIXED_LEN);
  if (cookie !== DHCP_MAGIC_COOKIE) {
    return fail(DHCP_FIXED_LEN, `the magic cookie is ${[...bytes.subarray(236, 240)].join('.')}, not 99.130.83.99: this is plain BOOTP or not DHCP at all`);
  }

  // Collect options; repeated codes are concatenated (RFC 3396), keeping first-seen order.
  const found = new Map<number, { at: number; data: number[] }>();
  let off = DHCP_OPTIONS_OFFSET;
  let ended = false;
  while (off < bytes.length) {
    const code = bytes[off]!;
    if (code === DHCP_OPT.PAD) {
      off++;
      continue;
    }
    if (code === DHCP_OPT.END) {
      ended = true;
      break;
    }
    if (off + 1 >= bytes.length) return fail(off, `option ${code} has no length byte (truncated)`);
    const len = bytes[off + 1]!;
    if (off + 2 + len > bytes.length) return fail(off + 1, `option ${code} says ${len} bytes but only ${bytes.length - off - 2} remain (truncated)`);
    const entry = found.get(code) ?? { at: off, data: [] };
    for (let i = off + 2; i < off + 2 + len; i++) entry.data.push(bytes[i]!);
    found.set(code, entry);
    off += 2 + len;
  }
  if (!ended) return fail(off, 'the options run to the end of the message without the end option (255)');

  if (found.has(DHCP_OPT.OVERLOAD)) return fail(found.get(DHCP_OPT.OVERLOAD)!.at, 'option 52 (overload: more options in sname/file) is not supported');
  const typeOpt = found.get(DHCP_OPT.MESSAGE_TYPE);
  if (typeOpt === undefined) return fail(DHCP_OPTIONS_OFFSET, 'there is no option 53 (message type): without it this is a plain BOOTP message');
  if (typeOpt.data.length !== 1) return fail(typeOpt.at + 1, `option 53 (message type) is 1 byte, not ${typeOpt.data.length}`);
  const type = DHCP_MESSAGE_TYPES[typeOpt.data[0]! - 1];
  if (type === undefined) return fail(typeOpt.at + 2, `message type ${typeOpt.data[0]} is unknown; types are 1–8 (${DHCP_MESSAGE_TYPES.join(', ')})`);

  const u32At = (d: number[], i: number) => ((d[i]! << 24) | (d[i + 1]! << 16) | (d[i + 2]! << 8) | d[i + 3]!) >>> 0;
  const fields: Record<string, unknown> = {};
  const problems: Array<[number, string]> = [];
  const single = (code: number, name: string, key: string) => {
    const o = found.get(code);
    if (o === undefined) return;
    if (o.data.length !== 4) problems.push([o.at + 1, `option ${code} (${name}) is 4 bytes, not ${o.data.length}`]);
    else fields[key] = u32At(o.data, 0);
  };
  const list = (code: number, name: string, key: string) => {
    const o = found.get(code);
    if (o === undefined) return;
    if (o.data.length === 0 || o.data.length % 4 !== 0) problems.push([o.at + 1, `option ${code} (${name}) is a list of 4-byte addresses; ${o.data.length} bytes is not one`]);
    else fields[key] = Array.from({ length: o.data.length / 4 }, (_, i) => u32At(o.data, i * 4));
  };
  single(DHCP_OPT.SUBNET_MASK, 'subnet mask', 'subnetMask');
  list(DHCP_OPT.ROUTER, 'routers', 'routers');
  list(DHCP_OPT.DNS, 'DNS servers', 'dnsServers');
  single(DHCP_OPT.REQUESTED_IP, 'requested address', 'requestedIp');
  single(DHCP_OPT.LEASE_TIME, 'lease time', 'leaseSeconds');
  single(DHCP_OPT.SERVER_ID, 'server identifier', 'serverId');
  single(DHCP_OPT.RENEWAL_TIME, 'renewal time T1', 'renewalSeconds');
  single(DHCP_OPT.REBINDING_TIME, 'rebinding time T2', 'rebindingSeconds');
  if (problems.length > 0) return fail(...problems.sort((a, b) => a[0] - b[0])[0]!);
  if (fields.subnetMask !== undefined && !isContiguous(fields.subnetMask as number)) {
    return fail(found.get(DHCP_OPT.SUBNET_MASK)!.at + 2, 'option 1 (subnet mask) has its 1-bits not all first: not a valid mask');
  }

  const options: DhcpOption[] = [];
  for (const [code, o] of found) if (!TYPED_CODES.has(code)) options.push({ code, data: Uint8Array.from(o.data) });

  const message: DhcpMessage = {
    op: opByte === 1 ? 'request' : 'reply',
    hops: bytes[3]!,
    xid: view.getUint32(4),
    secs: view.getUint16(8),
    // The other 15 flag bits must be zero and are ignored on receipt (RFC 2131 §2).
    broadcast: (view.getUint16(10) & 0x8000) !== 0,
    ciaddr: view.getUint32(12) as Ipv4,
    yiaddr: view.getUint32(16) as Ipv4,
    siaddr: view.getUint32(20) as Ipv4,
    giaddr: view.getUint32(24) as Ipv4,
    chaddr: macFromBytes(bytes, 28),
    sname: readString(bytes, 44, DHCP_SNAME_LEN),
    file: readString(bytes, 108, DHCP_FILE_LEN),
    type,
    ...(fields as Partial<DhcpMessage>),
    options,
  };
  return ok(message);
}
