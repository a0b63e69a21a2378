import { describe, expect, it } from 'vitest';
import { formatIpv4, ipv4 } from '../../../src/net/address/ipv4';
import { BROADCAST_MAC } from '../../../src/net/address/mac';
import { cidr } from '../../../src/net/address/subnet';
import { unwrap } from '../../../src/net/result';
import type { TraceEvent } from '../../../src/net/sim/trace';
import { twoSubnets } from '../../../src/scenarios/two-subnets';
import { lan } from '../../helpers/topologies';

const arpTargets = (trace: readonly TraceEvent[], device: string) =>
  trace.filter((e) => e.kind === 'arp-resolve' && e.device === device).map((e) => e.kind === 'arp-resolve' && formatIpv4(e.ip));

const pingResults = (trace: readonly TraceEvent[]) =>
  trace.filter((e) => e.kind === 'ping' && e.outcome.status !== 'sent').map((e) => e.kind === 'ping' && e.outcome);

describe('a host deciding where to send', () => {
  it('ARPs for the destination itself when the AND test puts it on its own subnet', () => {
    const sim = twoSubnets();
    sim.ping('pc1', ipv4('192.168.1.11'));
    sim.run();
    expect(arpTargets(sim.trace, 'pc1')).toEqual(['192.168.1.11']);
    const route = sim.trace.find((e) => e.kind === 'route' && e.device === 'pc1');
    expect(route && route.kind === 'route' && route.reason).toBe('same-subnet');
  });

  it('ARPs for its gateway, not the destination, when the destination is on another subnet', () => {
    const sim = twoSubnets();
    sim.ping('pc1', ipv4('10.0.0.20'));
    sim.run();
    expect(arpTargets(sim.trace, 'pc1')).toEqual(['192.168.1.1']);
    const route = sim.trace.find((e) => e.kind === 'route' && e.device === 'pc1');
    expect(route && route.kind === 'route' && formatIpv4(route.nextHop)).toBe('192.168.1.1');
  });

  it('sends the ARP request to the broadcast MAC and gets the reply unicast', () => {
    const sim = lan(2);
    sim.ping('pc1', ipv4('10.0.0.2'));
    sim.run();
    const arp = sim.frames().filter((f) => f.frame.payload.kind === 'arp');
    const [request, reply] = [arp.find((f) => f.from.device === 'pc1')!, arp.find((f) => f.from.device === 'pc2')!];
    expect(request.frame.dst).toBe(BROADCAST_MAC);
    expect(reply.frame.dst).toBe(sim.host('pc1')!.interfaces[0]!.mac);
    expect(sim.host('pc1')!.arpTable().map((e) => formatIpv4(e.ip))).toEqual(['10.0.0.2']);
    // RFC 826: the target learns the requester from the request itself.
    expect(sim.host('pc2')!.arpTable().map((e) => formatIpv4(e.ip))).toEqual(['10.0.0.1']);
  });

  it('cannot reach another subnet without a gateway, and says why', () => {
    const sim = twoSubnets();
    sim.host('pc1')!.setGateway(undefined);
    sim.ping('pc1', ipv4('10.0.0.20'));
    sim.run();
    expect(pingResults(sim.trace)).toEqual([{ status: 'failed', reason: expect.stringMatching(/no default gateway/) }]);
    expect(sim.frames()).toHaveLength(0);
  });

  it('refuses a gateway that is not on its own subnet', () => {
    const sim = twoSubnets();
    sim.host('pc1')!.setGateway(ipv4('10.0.0.1'));
    sim.ping('pc1', ipv4('10.0.0.20'));
    sim.run();
    const drop = sim.trace.find((e) => e.kind === 'drop');
    expect(drop && drop.kind === 'drop' && drop.reason).toBe('gateway-not-on-subnet');
  });

  it('gives up after three unanswered ARP requests a second apart: destination host unreachable', () => {
    const sim = lan(2);
    sim.ping('pc1', ipv4('10.0.0.99'));
    sim.run();
    const tries = sim.trace.filter((e) => e.kind === 'arp-resolve');
    expect(tries.map((e) => e.t)).toEqual([0, 1e9, 2e9]);
    expect(pingResults(sim.trace)).toEqual([{ status: 'unreachable', from: ipv4('10.0.0.1'), code: 1 }]);
  });

  it('gets a reply from a host on its own subnet, with the TTL it was sent with', () => {
    const sim = lan(2);
    sim.ping('pc1', ipv4('10.0.0.2'), { count: 3 });
    sim.run();
    const results = pingResults(sim.trace);
    expect(results).toHaveLength(3);
    for (const r of results) expect(r).toMatchObject({ status: 'reply', from: ipv4('10.0.0.2'), ttl: 64 });
    // Only the first ping needed ARP.
    expect(sim.trace.filter((e) => e.kind === 'arp-resolve')).toHaveLength(1);
  });

  it('ignores pings to a broadcast address, as Linux does', () => {
    const sim = lan(3);
    sim.ping('pc1', ipv4('10.0.0.255'));
    sim.run();
    expect(sim.trace.filter((e) => e.kind === 'arp-resolve')).toHaveLength(0);
    expect(sim.frames()[0]!.frame.dst).toBe(BROADCAST_MAC);
    expect(pingResults(sim.trace)).toEqual([{ status: 'timeout' }]);
  });
});

describe('UDP between hosts', () => {
  it('delivers a datagram to a port that is listening', () => {
    const sim = lan(2);
    sim.host('pc2')!.bindUdp(53);
    unwrap(sim.sendUdp('pc1', ipv4('10.0.0.2'), 53, new TextEncoder().encode('hello')));
    sim.run();
    const got = sim.host('pc2')!.udpReceived;
    expect(got).toHaveLength(1);
    expect(new TextDecoder().decode(got[0]!.data)).toBe('hello');
    expect(got[0]!.srcPort).toBeGreaterThanOrEqual(49152);
  });

  it('answers a datagram to a closed port with ICMP port unreachable', () => {
    const sim = lan(2);
    unwrap(sim.sendUdp('pc1', ipv4('10.0.0.2'), 9999, new Uint8Array(4)));
    sim.run();
    const icmp = sim.frames().find((f) => f.from.device === 'pc2' && f.frame.payload.kind === 'ipv4' && f.frame.payload.payload.kind === 'icmp');
    const msg = icmp && icmp.frame.payload.kind === 'ipv4' ? icmp.frame.payload.payload : undefined;
    expect(msg).toMatchObject({ kind: 'icmp', type: 'destination-unreachable', code: 3 });
  });

  it('refuses a port outside 1–65535', () => {
    const sim = lan(2);
    expect(sim.sendUdp('pc1', ipv4('10.0.0.2'), 70000, new Uint8Array(0))).toEqual({ ok: false, error: expect.stringMatching(/1–65535/) });
  });
});

describe('building a topology', () => {
  it('explains a cable to a port that does not exist or is taken', () => {
    const sim = lan(2);
    expect(sim.connect({ device: 'pc1', port: 'eth9' }, { device: 'sw1', port: 'p1' })).toEqual({ ok: false, error: expect.stringMatching(/no port eth9.*eth0/) });
    unwrap(sim.addHost('pc9', { interfaces: [{ name: 'eth0', address: cidr('10.0.0.9/24') }] }));
    expect(sim.connect({ device: 'pc9', port: 'eth0' }, { device: 'sw1', port: 'p1' })).toEqual({ ok: false, error: expect.stringMatching(/already has a cable/) });
  });

  it('refuses two devices with the same name', () => {
    const sim = lan(2);
    expect(sim.addHost('pc1').ok).toBe(false);
  });

  it('reports a host with no cable instead of pretending to send', () => {
    const sim = lan(2);
    unwrap(sim.addHost('lonely', { interfaces: [{ name: 'eth0', address: cidr('10.0.0.50/24') }] }));
    sim.ping('lonely', ipv4('10.0.0.1'));
    sim.run();
    expect(sim.trace.some((e) => e.kind === 'drop' && e.reason === 'no-link' && e.device === 'lonely')).toBe(true);
  });
});

describe('a host talking to itself', () => {
  it('answers a ping to its own address over loopback, with no frame on any cable', () => {
    const sim = lan(2);
    sim.ping('pc1', ipv4('10.0.0.1'));
    sim.run();
    expect(sim.frames()).toHaveLength(0);
    expect(pingResults(sim.trace)).toEqual([{ status: 'reply', from: ipv4('10.0.0.1'), ttl: 64, rttNs: 0 }]);
  });
});
