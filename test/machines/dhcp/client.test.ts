import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { ipv4 } from '../../../src/net/address/ipv4';
import { mac } from '../../../src/net/address/mac';
import { maskFromPrefix, prefix } from '../../../src/net/address/subnet';
import { tracePcap } from '../../../src/net/pcap';
import { dhcpMessage } from '../../../src/net/wire/dhcp';
import {
  DHCP_CLIENT_STATES,
  DHCP_CLIENT_TRANSITIONS,
  DHCP_MAX_TRIES,
  dhcpClientMachine,
  dhcpXid,
  retransmitDelay,
} from '../../../src/machines/dhcp/client-machine';
import { DhcpServer, type DhcpPoolConfig } from '../../../src/machines/dhcp/server';
import { Lan, dhcpFrameEvent, hasTshark, tsharkFields } from './harness';

const SERVER = ipv4('192.168.1.1');
const BROADCAST = ipv4('255.255.255.255');
const ANY = ipv4('0.0.0.0');
const PC1 = mac('00:1a:2b:00:00:01');
const PC2 = mac('00:1a:2b:00:00:02');

function server(over: Partial<DhcpPoolConfig> = {}): DhcpServer {
  return new DhcpServer({
    start: ipv4('192.168.1.100'),
    end: ipv4('192.168.1.199'),
    prefix: prefix(24),
    router: SERVER,
    dnsServers: [ipv4('9.9.9.9')],
    leaseSeconds: 3600,
    serverId: SERVER,
    ...over,
  });
}

const lanWith = (over: Partial<DhcpPoolConfig> = {}) => new Lan(server(over)).add('pc1', PC1).add('pc2', PC2);
const types = (lan: Lan, from = 0) => lan.sent.slice(from).map((s) => `${s.by}:${s.message.type}`);

describe('DHCP client and server: DORA (RFC 2131 §3.1)', () => {
  it('DISCOVER → OFFER → REQUEST → ACK leaves the client BOUND with the offered address, mask and router', () => {
    const lan = lanWith().event('pc1', { type: 'START' });
    expect(types(lan)).toEqual(['pc1:DISCOVER', 'server:OFFER', 'pc1:REQUEST', 'server:ACK']);
    const [discover, offer, request, ack] = lan.sent;
    // The client has no address yet: it broadcasts from 0.0.0.0.
    expect(discover).toMatchObject({ srcIp: ANY, dstIp: BROADCAST, dstMac: mac('ff:ff:ff:ff:ff:ff'), message: { op: 'request', chaddr: PC1, ciaddr: ANY } });
    // Lowest free address, sent straight to the client's MAC since it cannot answer ARP yet.
    expect(offer).toMatchObject({ dstIp: ipv4('192.168.1.100'), dstMac: PC1, message: { yiaddr: ipv4('192.168.1.100'), serverId: SERVER, xid: discover!.message.xid } });
    // The REQUEST is broadcast too and names both the address (50) and the chosen server (54).
    expect(request).toMatchObject({ srcIp: ANY, dstIp: BROADCAST, message: { requestedIp: ipv4('192.168.1.100'), serverId: SERVER, ciaddr: ANY, xid: discover!.message.xid } });
    expect(ack!.message).toMatchObject({ yiaddr: ipv4('192.168.1.100'), leaseSeconds: 3600 });

    expect(lan.state('pc1')).toBe('BOUND');
    expect(lan.ctx('pc1').lease).toEqual({
      address: ipv4('192.168.1.100'),
      prefix: 24,
      mask: maskFromPrefix(prefix(24)),
      router: SERVER,
      dnsServers: [ipv4('9.9.9.9')],
      server: SERVER,
      leaseSeconds: 3600,
      t1: 1800,
      t2: 3150,
    });
    expect(lan.ctx('pc1').last).toMatchObject({ send: [], timers: { T1: 1800, T2: 3150, 'lease-expired': 3600 }, note: expect.stringMatching(/BOUND to 192\.168\.1\.100\/24/) });
    expect(lan.server.leases()).toEqual([{ address: ipv4('192.168.1.100'), mac: PC1, state: 'bound', expires: 3600 }]);
  });

  it('gives two clients different addresses, and the other client ignores what is not for it', () => {
    const lan = lanWith().event('pc1', { type: 'START' }).event('pc2', { type: 'START' });
    expect(lan.ctx('pc1').lease?.address).toBe(ipv4('192.168.1.100'));
    expect(lan.ctx('pc2').lease?.address).toBe(ipv4('192.168.1.101'));
    expect(lan.state('pc1')).toBe('BOUND');
  });

  it('with the pool exhausted there is no OFFER: the client retransmits with backoff, then gives up to INIT', () => {
    const lan = lanWith({ end: ipv4('192.168.1.100') }).event('pc1', { type: 'START' });
    lan.event('pc2', { type: 'START' });
    const timers = [lan.ctx('pc2').last!.timers];
    for (let i = 1; i < DHCP_MAX_TRIES; i++) {
      lan.event('pc2', { type: 'TIMEOUT', timer: 'retransmit' });
      expect(lan.state('pc2')).toBe('SELECTING');
      timers.push(lan.ctx('pc2').last!.timers);
    }
    expect(timers).toEqual([{ retransmit: 4 }, { retransmit: 8 }, { retransmit: 16 }, { retransmit: 32 }]);
    const discovers = lan.sent.filter((s) => s.by === 'pc2');
    expect(discovers.map((s) => s.message.type)).toEqual(['DISCOVER', 'DISCOVER', 'DISCOVER', 'DISCOVER']);
    // Retransmissions keep the transaction id.
    expect(new Set(discovers.map((s) => s.message.xid)).size).toBe(1);
    expect(lan.sent.filter((s) => s.by === 'server' && s.message.chaddr === PC2)).toEqual([]);

    lan.event('pc2', { type: 'TIMEOUT', timer: 'retransmit' });
    expect(lan.state('pc2')).toBe('INIT');
    expect(lan.ctx('pc2').last).toMatchObject({ send: [], error: expect.stringMatching(/no DHCP server answered/) });
    expect(lan.state('pc1')).toBe('BOUND');
  });

  it('a NAK for a requested address that is not the server’s sends the client back to INIT', () => {
    const lan = lanWith();
    lan.serverUp = false;
    lan.event('pc1', { type: 'START' });
    lan.serverUp = true;
    // A rogue OFFER that claims to come from the real server, for an address outside its pool.
    const forged = dhcpMessage({ op: 'reply', type: 'OFFER', xid: lan.ctx('pc1').xid, chaddr: PC1, yiaddr: ipv4('10.9.9.9'), serverId: SERVER, leaseSeconds: 60 });
    const from = lan.sent.length;
    lan.event('pc1', { type: 'RECEIVE', message: forged });
    expect(types(lan, from)).toEqual(['pc1:REQUEST', 'server:NAK']);
    const nak = lan.sent.at(-1)!;
    // A NAK is always broadcast, and says why in option 56.
    expect(nak).toMatchObject({ dstIp: BROADCAST, dstMac: mac('ff:ff:ff:ff:ff:ff') });
    expect(new TextDecoder().decode(nak.message.options.find((o) => o.code === 56)!.data)).toMatch(/10\.9\.9\.9 is not in this server's pool/);
    expect(lan.state('pc1')).toBe('INIT');
    expect(lan.ctx('pc1').lease).toBeUndefined();
    expect(lan.ctx('pc1').last!.error).toBe('DHCPNAK received');
    // From INIT it can start over and succeed.
    lan.event('pc1', { type: 'START' });
    expect(lan.state('pc1')).toBe('BOUND');
  });

  it('renews at T1 with a unicast REQUEST (ciaddr set, no options 50/54) and stays on the same address', () => {
    const lan = lanWith().event('pc1', { type: 'START' });
    const xid = lan.ctx('pc1').xid;
    lan.now = 1800;
    const from = lan.sent.length;
    lan.event('pc1', { type: 'TIMEOUT', timer: 'T1' });
    expect(types(lan, from)).toEqual(['pc1:REQUEST', 'server:ACK']);
    const [request, ack] = lan.sent.slice(from);
    expect(request).toMatchObject({ srcIp: ipv4('192.168.1.100'), dstIp: SERVER, message: { ciaddr: ipv4('192.168.1.100') } });
    expect(request!.message.requestedIp).toBeUndefined();
    expect(request!.message.serverId).toBeUndefined();
    expect(request!.message.xid).not.toBe(xid);
    // Now the client has an address, the ACK goes to it the ordinary way.
    expect(ack).toMatchObject({ dstIp: ipv4('192.168.1.100'), message: { yiaddr: ipv4('192.168.1.100'), ciaddr: ipv4('192.168.1.100') } });
    expect(lan.state('pc1')).toBe('BOUND');
    expect(lan.ctx('pc1').lease?.address).toBe(ipv4('192.168.1.100'));
    expect(lan.ctx('pc1').last!.note).toMatch(/renewed/);
    expect(lan.server.leases()[0]!.expires).toBe(1800 + 3600);
  });

  it('rebinds at T2 with a broadcast REQUEST when its server did not answer the renewal', () => {
    const lan = lanWith().event('pc1', { type: 'START' });
    lan.serverUp = false;
    lan.now = 1800;
    lan.event('pc1', { type: 'TIMEOUT', timer: 'T1' });
    expect(lan.state('pc1')).toBe('RENEWING');
    // Half the time left until T2 (1350 s), but at least 60 s.
    expect(lan.ctx('pc1').last!.timers).toEqual({ retransmit: 675 });
    lan.now = 2475;
    lan.event('pc1', { type: 'TIMEOUT', timer: 'retransmit' });
    expect(lan.ctx('pc1').last).toMatchObject({ to: SERVER, timers: { retransmit: 337 } });
    lan.serverUp = true;
    lan.now = 3150;
    const from = lan.sent.length;
    lan.event('pc1', { type: 'TIMEOUT', timer: 'T2' });
    expect(types(lan, from)).toEqual(['pc1:REQUEST', 'server:ACK']);
    expect(lan.sent[from]).toMatchObject({ srcIp: ipv4('192.168.1.100'), dstIp: BROADCAST, message: { ciaddr: ipv4('192.168.1.100') } });
    expect(lan.state('pc1')).toBe('BOUND');
    expect(lan.ctx('pc1').lease?.address).toBe(ipv4('192.168.1.100'));
    expect(lan.ctx('pc1').last!.note).toMatch(/rebound/);
  });

  it('when the lease runs out unanswered the client gives the address up and returns to INIT; the server reuses it', () => {
    const lan = lanWith().event('pc1', { type: 'START' });
    lan.serverUp = false;
    for (const timer of ['T1', 'T2'] as const) lan.event('pc1', { type: 'TIMEOUT', timer });
    expect(lan.state('pc1')).toBe('REBINDING');
    lan.event('pc1', { type: 'TIMEOUT', timer: 'lease-expired' });
    expect(lan.state('pc1')).toBe('INIT');
    expect(lan.ctx('pc1').lease).toBeUndefined();
    expect(lan.ctx('pc1').last!.error).toBe('lease expired');
    // The server's table expires by its own clock.
    lan.serverUp = true;
    lan.now = 3600;
    lan.event('pc2', { type: 'START' });
    expect(lan.ctx('pc2').lease?.address).toBe(ipv4('192.168.1.100'));
  });

  it('RELEASE hands the address back: the client goes to INIT and the address goes to another client', () => {
    const lan = lanWith().event('pc1', { type: 'START' });
    const from = lan.sent.length;
    lan.event('pc1', { type: 'RELEASE' });
    expect(types(lan, from)).toEqual(['pc1:RELEASE']);
    expect(lan.sent[from]).toMatchObject({ srcIp: ipv4('192.168.1.100'), dstIp: SERVER, message: { ciaddr: ipv4('192.168.1.100'), serverId: SERVER } });
    expect(lan.state('pc1')).toBe('INIT');
    expect(lan.server.leases()).toEqual([]);
    lan.event('pc2', { type: 'START' });
    expect(lan.ctx('pc2').lease?.address).toBe(ipv4('192.168.1.100'));
  });

  it('offers a returning client the address it held before, rather than the lowest free one', () => {
    const lan = lanWith().event('pc1', { type: 'START' }).event('pc2', { type: 'START' });
    lan.event('pc1', { type: 'RELEASE' }).event('pc2', { type: 'RELEASE' });
    lan.event('pc2', { type: 'START' });
    expect(lan.ctx('pc2').lease?.address).toBe(ipv4('192.168.1.101'));
  });

  it.skipIf(!hasTshark() && !process.env.CI)('produces a capture tshark reads as Discover, Offer, Request, Ack, Request, Ack, Release', () => {
    const lan = lanWith().event('pc1', { type: 'START' });
    lan.now = 1800;
    lan.event('pc1', { type: 'TIMEOUT', timer: 'T1' }).event('pc1', { type: 'RELEASE' });
    const rows = tsharkFields(tracePcap(lan.sent.map((s, i) => dhcpFrameEvent(s, i + 1))), ['dhcp.option.dhcp', 'dhcp.ip.your', 'udp.checksum.status', '_ws.malformed']);
    expect(rows.map((r) => r['dhcp.option.dhcp'])).toEqual(['1', '2', '3', '5', '3', '5', '7']);
    expect(rows[1]!['dhcp.ip.your']).toBe('192.168.1.100');
    for (const r of rows) expect([r['udp.checksum.status'], r['_ws.malformed']]).toEqual(['1', '']);
  });
});

describe('the DHCP client machine on its own', () => {
  const start = () => createActor(dhcpClientMachine, { input: { mac: PC1, xidSeed: 7 } }).start();

  it('ignores OFFERs for another transaction or another client, and anything that is not a reply', () => {
    const a = start();
    a.send({ type: 'START' });
    const xid = a.getSnapshot().context.xid;
    expect(xid).toBe(dhcpXid(7, 0));
    const offer = { op: 'reply' as const, type: 'OFFER' as const, xid, chaddr: PC1, yiaddr: ipv4('192.168.1.100'), serverId: SERVER };
    for (const [m, why] of [
      [dhcpMessage({ ...offer, xid: xid ^ 1 }), /not the current transaction/],
      [dhcpMessage({ ...offer, chaddr: PC2 }), /not this client/],
      [dhcpMessage({ ...offer, op: 'request' }), /another client/],
      [dhcpMessage({ ...offer, type: 'ACK' }), /waits for an OFFER/],
      [dhcpMessage({ ...offer, serverId: undefined }), /server identifier/],
    ] as const) {
      a.send({ type: 'RECEIVE', message: m });
      expect(a.getSnapshot().value).toBe('SELECTING');
      expect(a.getSnapshot().context.last).toMatchObject({ send: [], note: expect.stringMatching(why) });
    }
    a.send({ type: 'RECEIVE', message: dhcpMessage(offer) });
    expect(a.getSnapshot().value).toBe('REQUESTING');
    // An ACK for someone else while REQUESTING is ignored too.
    a.send({ type: 'RECEIVE', message: dhcpMessage({ ...offer, type: 'ACK', chaddr: PC2, leaseSeconds: 60 }) });
    expect(a.getSnapshot().value).toBe('REQUESTING');
  });

  it('gives up REQUESTING after the same number of tries, back to INIT', () => {
    const a = start();
    a.send({ type: 'START' });
    const xid = a.getSnapshot().context.xid;
    a.send({ type: 'RECEIVE', message: dhcpMessage({ op: 'reply', type: 'OFFER', xid, chaddr: PC1, yiaddr: ipv4('192.168.1.100'), serverId: SERVER }) });
    for (let i = 1; i < DHCP_MAX_TRIES; i++) {
      a.send({ type: 'TIMEOUT', timer: 'retransmit' });
      expect(a.getSnapshot().context.last!.send.map((m) => [m.type, m.requestedIp])).toEqual([['REQUEST', ipv4('192.168.1.100')]]);
    }
    a.send({ type: 'TIMEOUT', timer: 'retransmit' });
    expect(a.getSnapshot().value).toBe('INIT');
    expect(a.getSnapshot().context.last!.error).toMatch(/no ACK/);
  });

  it('ignores stale timers and a second START, and has nothing to release in INIT', () => {
    const a = start();
    a.send({ type: 'TIMEOUT', timer: 'T1' });
    expect(a.getSnapshot().context.last!.note).toMatch(/stale timer/);
    a.send({ type: 'RELEASE' });
    expect(a.getSnapshot().context.last).toMatchObject({ error: 'no lease' });
    a.send({ type: 'START' });
    a.send({ type: 'START' });
    expect(a.getSnapshot().value).toBe('SELECTING');
    expect(a.getSnapshot().context.last!.error).toBe('already started');
  });

  it('uses RFC 2131’s backoff, 4 s doubling up to 64 s', () => {
    expect([1, 2, 3, 4, 5, 6].map(retransmitDelay)).toEqual([4, 8, 16, 32, 64, 64]);
  });

  it('declares a graph whose every state is reachable from INIT', () => {
    const seen = new Set(['INIT']);
    for (let changed = true; changed; ) {
      changed = false;
      for (const s of [...seen]) {
        for (const targets of Object.values(DHCP_CLIENT_TRANSITIONS[s as keyof typeof DHCP_CLIENT_TRANSITIONS])) {
          for (const t of targets ?? []) if (!seen.has(t)) (seen.add(t), (changed = true));
        }
      }
    }
    expect(seen).toEqual(new Set(DHCP_CLIENT_STATES));
  });
});
