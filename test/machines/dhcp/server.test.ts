import { describe, expect, it } from 'vitest';
import { ipv4, type Ipv4 } from '../../../src/net/address/ipv4';
import { BROADCAST_MAC, mac, type Mac } from '../../../src/net/address/mac';
import { prefix } from '../../../src/net/address/subnet';
import { dhcpMessage, type DhcpMessage } from '../../../src/net/wire/dhcp';
import { DhcpServer, createDhcpServer, type DhcpPoolConfig } from '../../../src/machines/dhcp/server';

const SERVER = ipv4('10.0.0.1');
const A = mac('02:00:00:00:00:0a');
const B = mac('02:00:00:00:00:0b');
const config: DhcpPoolConfig = { start: ipv4('10.0.0.10'), end: ipv4('10.0.0.12'), prefix: prefix(24), router: SERVER, leaseSeconds: 600, serverId: SERVER };

const discover = (chaddr: Mac, fields: Partial<DhcpMessage> = {}) => dhcpMessage({ op: 'request', type: 'DISCOVER', xid: 1, chaddr, ...fields });
const select = (chaddr: Mac, want: Ipv4, serverId = SERVER) => dhcpMessage({ op: 'request', type: 'REQUEST', xid: 1, chaddr, requestedIp: want, serverId });
const offered = (s: DhcpServer, m: DhcpMessage, now = 0) => s.receive(m, now).reply?.message.yiaddr;

describe('DHCP server (RFC 2131 §4.3)', () => {
  it('refuses pools it could not serve safely', () => {
    const problem = (over: Partial<DhcpPoolConfig>) => {
      const r = createDhcpServer({ ...config, ...over });
      return r.ok ? 'ok' : r.error;
    };
    expect(problem({})).toBe('ok');
    expect(problem({ end: ipv4('10.0.0.5') })).toMatch(/ends .* before it starts/);
    expect(problem({ start: ipv4('10.0.0.0') })).toMatch(/network address/);
    expect(problem({ end: ipv4('10.0.0.255') })).toMatch(/broadcast address/);
    expect(problem({ end: ipv4('10.0.1.5') })).toMatch(/not in the same \/24/);
    expect(problem({ router: ipv4('10.0.0.11') })).toMatch(/router .* inside the pool/);
    expect(problem({ router: ipv4('10.0.5.1') })).toMatch(/not in the pool's subnet/);
    expect(problem({ serverId: ipv4('10.0.0.10') })).toMatch(/server's own address/);
    expect(problem({ leaseSeconds: 0 })).toMatch(/lease time/);
    expect(() => new DhcpServer({ ...config, leaseSeconds: 0 })).toThrow(RangeError);
  });

  it('holds an offered address for the client, so two clients discovering at once get different offers', () => {
    const s = new DhcpServer(config);
    expect(offered(s, discover(A))).toBe(ipv4('10.0.0.10'));
    expect(offered(s, discover(B))).toBe(ipv4('10.0.0.11'));
    // A retransmitted DISCOVER is offered the same address again.
    expect(offered(s, discover(A))).toBe(ipv4('10.0.0.10'));
    expect(s.leases().map((b) => b.state)).toEqual(['offered', 'offered']);
  });

  it('lets an unclaimed offer lapse after 60 s; a late REQUEST for it, now taken, gets a NAK', () => {
    const s = new DhcpServer(config);
    offered(s, discover(A));
    expect(offered(s, discover(B), 61)).toBe(ipv4('10.0.0.10'));
    expect(s.receive(select(B, ipv4('10.0.0.10')), 61).reply?.message.type).toBe('ACK');
    const step = s.receive(select(A, ipv4('10.0.0.10')), 62);
    expect(step.reply).toMatchObject({ to: ipv4('255.255.255.255'), mac: BROADCAST_MAC, message: { type: 'NAK', yiaddr: ipv4('0.0.0.0'), serverId: SERVER } });
    expect(step.note).toMatch(/bound to 02:00:00:00:00:0b/);
  });

  it('answers DISCOVER with the address asked for (option 50) when it is free', () => {
    const s = new DhcpServer(config);
    expect(offered(s, discover(A, { requestedIp: ipv4('10.0.0.12') }))).toBe(ipv4('10.0.0.12'));
    expect(offered(s, discover(B, { requestedIp: ipv4('10.0.0.12') }))).toBe(ipv4('10.0.0.10'));
  });

  it('withdraws its offer when the client’s REQUEST names another server', () => {
    const s = new DhcpServer(config);
    offered(s, discover(A));
    const step = s.receive(select(A, ipv4('10.0.0.10'), ipv4('10.0.0.2')), 1);
    expect(step.reply).toBeUndefined();
    expect(s.leases()).toEqual([]);
  });

  it('puts a declined address aside and offers the next one', () => {
    const s = new DhcpServer(config);
    offered(s, discover(A));
    s.receive(select(A, ipv4('10.0.0.10')), 0);
    s.receive(dhcpMessage({ op: 'request', type: 'DECLINE', xid: 2, chaddr: A, requestedIp: ipv4('10.0.0.10'), serverId: SERVER }), 1);
    expect(s.leases()).toEqual([{ address: ipv4('10.0.0.10'), mac: A, state: 'declined', expires: 601 }]);
    expect(offered(s, discover(A), 2)).toBe(ipv4('10.0.0.11'));
    // After a lease time the address comes back.
    expect(offered(s, discover(B), 601)).toBe(ipv4('10.0.0.10'));
  });

  it('tells INIT-REBOOT, RENEWING and REBINDING apart by option 54, option 50 and ciaddr', () => {
    const s = new DhcpServer(config);
    offered(s, discover(A));
    s.receive(select(A, ipv4('10.0.0.10')), 0);
    const reboot = (chaddr: Mac, want: Ipv4) => s.receive(dhcpMessage({ op: 'request', type: 'REQUEST', xid: 3, chaddr, requestedIp: want }), 10);
    expect(reboot(A, ipv4('10.0.0.10')).reply?.message.type).toBe('ACK');
    expect(reboot(A, ipv4('192.168.1.10')).reply?.message.type).toBe('NAK');
    expect(reboot(B, ipv4('10.0.0.10')).reply?.message.type).toBe('NAK');
    // No record of B at a free address: another server may own it, so stay silent.
    const silent = reboot(B, ipv4('10.0.0.11'));
    expect(silent.reply).toBeUndefined();
    expect(silent.note).toMatch(/no record/);
    const renew = (chaddr: Mac, ciaddr: Ipv4) => s.receive(dhcpMessage({ op: 'request', type: 'REQUEST', xid: 4, chaddr, ciaddr }), 20);
    expect(renew(A, ipv4('10.0.0.10')).reply).toMatchObject({ to: ipv4('10.0.0.10'), port: 68, message: { type: 'ACK', leaseSeconds: 600 } });
    expect(renew(B, ipv4('10.0.0.10')).reply?.message.type).toBe('NAK');
    expect(renew(B, ipv4('10.0.0.50')).reply?.message.type).toBe('NAK');
    expect(s.leases()).toEqual([{ address: ipv4('10.0.0.10'), mac: A, state: 'bound', expires: 620 }]);
  });

  it('addresses replies by RFC 2131 §4.1: to the relay, broadcast when asked, else to yiaddr at chaddr', () => {
    const s = new DhcpServer(config);
    expect(s.receive(discover(A, { broadcast: true }), 0).reply).toMatchObject({ to: ipv4('255.255.255.255'), port: 68, mac: BROADCAST_MAC });
    expect(s.receive(discover(A), 0).reply).toMatchObject({ to: ipv4('10.0.0.10'), port: 68, mac: A });
    expect(s.receive(discover(A, { giaddr: ipv4('10.0.0.254'), hops: 1 }), 0).reply).toMatchObject({ to: ipv4('10.0.0.254'), port: 67, message: { giaddr: ipv4('10.0.0.254') } });
    const foreign = s.receive(discover(B, { giaddr: ipv4('172.16.0.1') }), 0);
    expect(foreign.reply).toBeUndefined();
    expect(foreign.note).toMatch(/does not serve/);
  });

  it('answers INFORM with settings but no lease, and ignores what servers send', () => {
    const s = new DhcpServer(config);
    const inform = s.receive(dhcpMessage({ op: 'request', type: 'INFORM', xid: 9, chaddr: A, ciaddr: ipv4('10.0.0.77') }), 0).reply!;
    expect(inform).toMatchObject({ to: ipv4('10.0.0.77'), message: { type: 'ACK', yiaddr: ipv4('0.0.0.0'), routers: [SERVER] } });
    expect(inform.message.leaseSeconds).toBeUndefined();
    expect(s.receive(dhcpMessage({ op: 'reply', type: 'OFFER', xid: 9, chaddr: A }), 0).reply).toBeUndefined();
    expect(s.leases()).toEqual([]);
  });

  it('ignores a RELEASE for an address the client does not hold', () => {
    const s = new DhcpServer(config);
    offered(s, discover(A));
    s.receive(select(A, ipv4('10.0.0.10')), 0);
    const step = s.receive(dhcpMessage({ op: 'request', type: 'RELEASE', xid: 5, chaddr: B, ciaddr: ipv4('10.0.0.10'), serverId: SERVER }), 1);
    expect(step.note).toMatch(/does not hold/);
    expect(s.leases()).toHaveLength(1);
  });
});
