import { describe, expect, it } from 'vitest';
import { formatIpv4, ipv4 } from '../../../src/net/address/ipv4';
import { cidr, prefix } from '../../../src/net/address/subnet';
import { unwrap } from '../../../src/net/result';
import { Simulation } from '../../../src/net/sim/simulation';
import type { FrameEvent } from '../../../src/net/sim/trace';

/** A router hands out 192.168.1.100–110 on its LAN; two laptops and a server (fixed address) on a switch. */
function office() {
  const sim = new Simulation();
  unwrap(sim.addRouter('r1', { interfaces: [{ name: 'eth0', address: cidr('192.168.1.1/24') }, { name: 'eth1', address: cidr('10.0.0.1/24') }] }));
  unwrap(sim.addSwitch('sw1', { ports: 4 }));
  unwrap(sim.addHost('laptop1'));
  unwrap(sim.addHost('laptop2'));
  unwrap(sim.addHost('srv', { interfaces: [{ name: 'eth0', address: cidr('10.0.0.80/24') }], gateway: ipv4('10.0.0.1') }));
  unwrap(sim.connect({ device: 'r1', port: 'eth0' }, { device: 'sw1', port: 'p1' }));
  unwrap(sim.connect({ device: 'laptop1', port: 'eth0' }, { device: 'sw1', port: 'p2' }));
  unwrap(sim.connect({ device: 'laptop2', port: 'eth0' }, { device: 'sw1', port: 'p3' }));
  unwrap(sim.connect({ device: 'r1', port: 'eth1' }, { device: 'srv', port: 'eth0' }));
  unwrap(
    sim.addDhcpServer('r1', {
      start: ipv4('192.168.1.100'),
      end: ipv4('192.168.1.110'),
      prefix: prefix(24),
      router: ipv4('192.168.1.1'),
      leaseSeconds: 3600,
      serverId: ipv4('192.168.1.1'),
    }),
  );
  return sim;
}

describe('DHCP in the engine', () => {
  it('a router hands out addresses: DISCOVER, OFFER, REQUEST, ACK, and the host is configured', () => {
    const sim = office();
    unwrap(sim.startDhcpClient('laptop1'));
    sim.run({ untilNs: 30e9 });
    const laptop = sim.host('laptop1')!;
    expect(laptop.iface('eth0')!.address).toEqual({ address: ipv4('192.168.1.100'), prefix: 24 });
    expect(laptop.gateway).toBe(ipv4('192.168.1.1'));
    const dhcp = sim.trace.filter((e): e is FrameEvent => e.kind === 'frame' && e.parent === undefined && e.frame.payload.kind === 'ipv4' && e.frame.payload.payload.kind === 'udp');
    const kinds = dhcp.map((f) => `${f.from.device} ${f.frame.payload.kind === 'ipv4' ? `${formatIpv4(f.frame.payload.src)}→${formatIpv4(f.frame.payload.dst)}` : ''}`);
    // The DISCOVER comes from 0.0.0.0 to everyone: the host has no address yet.
    expect(kinds[0]).toBe('laptop1 0.0.0.0→255.255.255.255');
    expect(kinds).toHaveLength(4);
  });

  it('two clients get different addresses, and the configured one can then ping across the router', () => {
    const sim = office();
    unwrap(sim.startDhcpClient('laptop1'));
    unwrap(sim.startDhcpClient('laptop2'));
    sim.run({ untilNs: 30e9 });
    const a = sim.host('laptop1')!.iface('eth0')!.address!.address;
    const b = sim.host('laptop2')!.iface('eth0')!.address!.address;
    expect(a).not.toBe(b);
    const ping = sim.host('laptop2')!.ping(ipv4('10.0.0.80'));
    sim.run({ untilNs: 60e9 });
    expect(ping.outcomes.get(1)).toMatchObject({ status: 'reply' });
  });
});
