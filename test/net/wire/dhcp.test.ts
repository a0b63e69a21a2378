import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ipv4, type Ipv4 } from '../../../src/net/address/ipv4';
import { mac } from '../../../src/net/address/mac';
import { maskFromPrefix, prefix, type Mask } from '../../../src/net/address/subnet';
import { tracePcap } from '../../../src/net/pcap';
import { unwrap } from '../../../src/net/result';
import {
  BOOTP_MIN_LEN,
  DHCP_CLIENT_PORT,
  DHCP_MESSAGE_TYPES,
  DHCP_SERVER_PORT,
  decodeDhcp,
  dhcpLength,
  dhcpMessage,
  encodeDhcp,
  type DhcpMessage,
  type DhcpOption,
} from '../../../src/net/wire/dhcp';
import { dhcpFrameEvent, hasTshark, tsharkFields } from '../../machines/dhcp/harness';
import { fromHex, ipArb, macArb } from './arbitraries';

const client = mac('00:1a:2b:3c:4d:5e');

const discover = dhcpMessage({
  op: 'request',
  type: 'DISCOVER',
  xid: 0x3903f326,
  chaddr: client,
  broadcast: true,
  options: [{ code: 55, data: Uint8Array.of(1, 3, 6) }],
});

const u16 = fc.integer({ min: 0, max: 0xffff });
const u32 = fc.integer({ min: 0, max: 0xffff_ffff });
const latin1 = (max: number) => fc.string({ unit: fc.integer({ min: 1, max: 255 }).map((c) => String.fromCharCode(c)), maxLength: max });
const TYPED = new Set([0, 1, 3, 6, 50, 51, 52, 53, 54, 58, 59, 255]);
const optionArb: fc.Arbitrary<DhcpOption> = fc.record(
  { code: fc.integer({ min: 1, max: 254 }).filter((c) => !TYPED.has(c)), data: fc.uint8Array({ maxLength: 40 }) },
  { noNullPrototype: true },
);
/** Other options with distinct codes: repeated codes would be merged (RFC 3396). */
const optionsArb = fc.uniqueArray(optionArb, { selector: (o) => o.code, maxLength: 5 });
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

const messageArb: fc.Arbitrary<DhcpMessage> = fc
  .record(
    {
      op: fc.constantFrom('request' as const, 'reply' as const),
      hops: fc.integer({ min: 0, max: 255 }),
      xid: u32,
      secs: u16,
      broadcast: fc.boolean(),
      ciaddr: ipArb,
      yiaddr: ipArb,
      siaddr: ipArb,
      giaddr: ipArb,
      chaddr: macArb,
      sname: latin1(63),
      file: latin1(127),
      type: fc.constantFrom(...DHCP_MESSAGE_TYPES),
      subnetMask: opt(fc.integer({ min: 0, max: 32 }).map((p) => maskFromPrefix(prefix(p)))),
      routers: opt(fc.array(ipArb, { minLength: 1, maxLength: 4 })),
      dnsServers: opt(fc.array(ipArb, { minLength: 1, maxLength: 4 })),
      requestedIp: opt(ipArb),
      leaseSeconds: opt(u32),
      serverId: opt(ipArb),
      renewalSeconds: opt(u32),
      rebindingSeconds: opt(u32),
      options: optionsArb,
    },
    { noNullPrototype: true },
  )
  // Absent options have no key at all, as decodeDhcp builds them.
  .map((m) => Object.fromEntries(Object.entries(m).filter(([, v]) => v !== undefined)) as unknown as DhcpMessage);

describe('DHCP messages (RFC 2131 §2, RFC 2132)', () => {
  it('lays out a DISCOVER: op, htype, hlen, xid, broadcast flag, chaddr, the magic cookie at 236, option 53 first', () => {
    const bytes = unwrap(encodeDhcp(discover));
    expect(bytes.length).toBe(BOOTP_MIN_LEN);
    expect([...bytes.subarray(0, 12)]).toEqual([...fromHex('01 01 06 00 3903f326 0000 8000')]);
    // ciaddr, yiaddr, siaddr, giaddr: all 0.0.0.0 for a client with no address.
    expect([...bytes.subarray(12, 28)]).toEqual(new Array(16).fill(0));
    expect([...bytes.subarray(28, 44)]).toEqual([...fromHex('001a2b3c4d5e 00000000000000000000')]);
    // sname and file empty.
    expect(bytes.subarray(44, 236).every((b) => b === 0)).toBe(true);
    expect([...bytes.subarray(236, 240)]).toEqual([99, 130, 83, 99]);
    expect([...bytes.subarray(240, 249)]).toEqual([...fromHex('35 01 01  37 03 01 03 06  ff')]);
    // Then pad options (0) up to 300 bytes.
    expect(bytes.subarray(249).every((b) => b === 0)).toBe(true);
    expect(unwrap(decodeDhcp(bytes))).toStrictEqual(discover);
  });

  it('writes an ACK’s addresses and options in network byte order', () => {
    const ack = dhcpMessage({
      op: 'reply', type: 'ACK', xid: 1, chaddr: client, yiaddr: ipv4('192.168.1.100'), serverId: ipv4('192.168.1.1'),
      leaseSeconds: 86400, subnetMask: maskFromPrefix(prefix(24)), routers: [ipv4('192.168.1.1')], dnsServers: [ipv4('9.9.9.9'), ipv4('1.1.1.1')],
    });
    const bytes = unwrap(encodeDhcp(ack));
    expect(bytes[0]).toBe(2);
    expect([...bytes.subarray(16, 20)]).toEqual([192, 168, 1, 100]);
    expect([...bytes.subarray(240, 240 + 38)]).toEqual([
      ...fromHex('35 01 05  36 04 c0a80101  33 04 00015180  01 04 ffffff00  03 04 c0a80101  06 08 09090909 01010101  ff'),
    ]);
  });

  it('round-trips any message it can encode', () => {
    fc.assert(
      fc.property(messageArb, (m) => {
        const bytes = unwrap(encodeDhcp(m));
        expect(bytes.length).toBe(dhcpLength(m));
        expect(bytes.length).toBeGreaterThanOrEqual(BOOTP_MIN_LEN);
        expect(unwrap(decodeDhcp(bytes))).toStrictEqual(m);
      }),
    );
  });

  it('never throws on garbage, truncations or damaged messages: every failure is a DHCP decode error', () => {
    const check = (bytes: Uint8Array) => {
      const r = decodeDhcp(bytes);
      if (!r.ok) {
        expect(r.error.layer).toBe('udp');
        expect(r.error.message).toMatch(/^DHCP: /);
        expect(r.error.offset).toBeGreaterThanOrEqual(0);
        expect(r.error.offset).toBeLessThanOrEqual(bytes.length);
      }
    };
    fc.assert(fc.property(fc.uint8Array({ maxLength: 600 }), check));
    // Valid messages with bytes overwritten or cut short reach the option parser, where garbage is likelier to hurt.
    fc.assert(
      fc.property(messageArb, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }), fc.nat(), (m, edits, cut) => {
        const bytes = unwrap(encodeDhcp(m));
        for (const [at, value] of edits) bytes[240 + (at % (bytes.length - 240))] = value;
        check(bytes);
        check(bytes.subarray(0, cut % (bytes.length + 1)));
      }),
    );
  });

  it('explains what is wrong with what it cannot decode', () => {
    const good = unwrap(encodeDhcp(discover));
    const edit = (at: number, ...values: number[]) => {
      const b = good.slice();
      b.set(values, at);
      return b;
    };
    const error = (bytes: Uint8Array) => {
      const r = decodeDhcp(bytes);
      return r.ok ? undefined : r.error;
    };
    expect(error(good.subarray(0, 239))).toMatchObject({ layer: 'udp', offset: 0, message: expect.stringMatching(/^DHCP: .*truncated/) });
    expect(error(edit(0, 3))).toMatchObject({ offset: 0, message: expect.stringMatching(/op is 3/) });
    expect(error(edit(1, 6))).toMatchObject({ offset: 1, message: expect.stringMatching(/only Ethernet/) });
    expect(error(edit(236, 0, 0, 0, 0))).toMatchObject({ offset: 236, message: expect.stringMatching(/magic cookie .* plain BOOTP/) });
    expect(error(edit(240, 0, 0, 0))).toMatchObject({ offset: 240, message: expect.stringMatching(/no option 53/) });
    expect(error(edit(242, 9))).toMatchObject({ offset: 242, message: expect.stringMatching(/message type 9 is unknown/) });
    // Without the end option the options run into the padding, then off the end.
    expect(error(edit(248, 0))).toMatchObject({ message: expect.stringMatching(/without the end option/) });
    expect(error(good.subarray(0, 245))).toMatchObject({ offset: 244, message: expect.stringMatching(/option 55 says 3 bytes/) });
    expect(error(edit(248, 1, 4, 255, 0, 255, 0, 255))).toMatchObject({ offset: 250, message: expect.stringMatching(/subnet mask/) });
    expect(error(edit(248, 52, 1, 3, 255))).toMatchObject({ offset: 248, message: expect.stringMatching(/overload/) });
    expect(error(edit(248, 54, 2, 1, 2, 255))).toMatchObject({ offset: 249, message: expect.stringMatching(/option 54 .* 4 bytes, not 2/) });
  });

  it('joins an option split into several pieces (RFC 3396) and skips pad options', () => {
    const bytes = unwrap(encodeDhcp(discover));
    bytes.set([...fromHex('00 00 06 04 01010101 00 06 04 02020202 ff')], 248);
    const m = unwrap(decodeDhcp(bytes));
    expect(m.dnsServers).toEqual([ipv4('1.1.1.1'), ipv4('2.2.2.2')]);
  });

  it('refuses to encode what the format cannot carry', () => {
    const bad = (fields: Partial<DhcpMessage>) => {
      const r = encodeDhcp({ ...discover, ...fields });
      return r.ok ? 'encoded' : r.error;
    };
    expect(bad({ xid: -1 })).toMatch(/xid/);
    expect(bad({ secs: 70000 })).toMatch(/secs/);
    expect(bad({ sname: 'x'.repeat(64) })).toMatch(/at most 63/);
    expect(bad({ file: 'été\u2603' })).toMatch(/Latin-1/);
    expect(bad({ subnetMask: 0xff00ff00 as Mask })).toMatch(/contiguous/);
    expect(bad({ routers: [] })).toMatch(/1–63 addresses/);
    expect(bad({ options: [{ code: 53, data: Uint8Array.of(1) }] })).toMatch(/its own field/);
    expect(bad({ options: [{ code: 0, data: new Uint8Array(0) }] })).toMatch(/1–254/);
    expect(bad({ options: [{ code: 43, data: new Uint8Array(256) }] })).toMatch(/at most 255/);
    expect(bad({ type: 'HELLO' as never })).toMatch(/not a DHCP message type/);
  });

  it('grows past 300 bytes, unpadded, when the options need it', () => {
    const big = { ...discover, options: [{ code: 43, data: new Uint8Array(200) }] };
    expect(unwrap(encodeDhcp(big)).length).toBe(240 + 3 + 202 + 1);
  });

  it('names the ports: servers listen on 67, clients on 68', () => {
    expect([DHCP_SERVER_PORT, DHCP_CLIENT_PORT]).toEqual([67, 68]);
  });

  const tshark = hasTshark();
  // Where CI runs the suite tshark is installed; there its absence must fail, not skip.
  it.skipIf(!tshark && !process.env.CI)('is read by tshark as a DHCP Discover inside Ethernet/IPv4/UDP, nothing malformed', () => {
    const sent = {
      by: 'pc1', message: discover, srcIp: 0 as Ipv4, dstIp: ipv4('255.255.255.255'), srcMac: client, dstMac: mac('ff:ff:ff:ff:ff:ff'),
      srcPort: DHCP_CLIENT_PORT, dstPort: DHCP_SERVER_PORT,
    };
    const fields = ['dhcp.option.dhcp', 'dhcp.id', 'dhcp.hw.mac_addr', 'dhcp.cookie', 'udp.srcport', 'udp.dstport', 'udp.checksum.status', '_ws.malformed', '_ws.expert.severity'];
    const [row] = tsharkFields(tracePcap([dhcpFrameEvent(sent, 1)]), fields);
    expect(row).toMatchObject({
      'dhcp.option.dhcp': '1',
      'dhcp.id': '0x3903f326',
      'dhcp.hw.mac_addr': '00:1a:2b:3c:4d:5e',
      'dhcp.cookie': '99.130.83.99',
      'udp.srcport': '68',
      'udp.dstport': '67',
      'udp.checksum.status': '1',
      '_ws.malformed': '',
    });
    // Notes and warnings are fine, errors are not (PI_ERROR is 0x00800000).
    expect(Number(row!['_ws.expert.severity'] || 0)).toBeLessThan(0x00800000);
  });
});
