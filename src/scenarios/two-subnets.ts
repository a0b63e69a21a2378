/**
 * A small office: two subnets joined by a router, one switch on each side.
 *
 *   pc1 (192.168.1.10/24) ─ sw1 ─ r1 ─ sw2 ─ pc2 (10.0.0.20/24)
 *   pc3 (192.168.1.11/24) ─┘   .1 | .1
 *
 * Used by `netquest demo` and by tests as a known, readable network.
 */
import { ipv4 } from '../net/address/ipv4';
import { mac } from '../net/address/mac';
import { cidr } from '../net/address/subnet';
import { unwrap } from '../net/result';
import { Simulation } from '../net/sim/simulation';

export function twoSubnets(): Simulation {
  const sim = new Simulation();
  unwrap(sim.addHost('pc1', { interfaces: [{ name: 'eth0', mac: mac('00:1a:2b:00:00:01'), address: cidr('192.168.1.10/24') }], gateway: ipv4('192.168.1.1') }));
  unwrap(sim.addHost('pc3', { interfaces: [{ name: 'eth0', mac: mac('00:1a:2b:00:00:03'), address: cidr('192.168.1.11/24') }], gateway: ipv4('192.168.1.1') }));
  unwrap(sim.addHost('pc2', { interfaces: [{ name: 'eth0', mac: mac('00:1a:2b:00:00:02'), address: cidr('10.0.0.20/24') }], gateway: ipv4('10.0.0.1') }));
  unwrap(
    sim.addRouter('r1', {
      interfaces: [
        { name: 'eth0', mac: mac('00:00:0c:00:01:00'), address: cidr('192.168.1.1/24') },
        { name: 'eth1', mac: mac('00:00:0c:00:01:01'), address: cidr('10.0.0.1/24') },
      ],
    }),
  );
  unwrap(sim.addSwitch('sw1', { ports: 4 }));
  unwrap(sim.addSwitch('sw2', { ports: 4 }));
  unwrap(sim.connect({ device: 'pc1', port: 'eth0' }, { device: 'sw1', port: 'p1' }));
  unwrap(sim.connect({ device: 'pc3', port: 'eth0' }, { device: 'sw1', port: 'p2' }));
  unwrap(sim.connect({ device: 'r1', port: 'eth0' }, { device: 'sw1', port: 'p4' }));
  unwrap(sim.connect({ device: 'r1', port: 'eth1' }, { device: 'sw2', port: 'p4' }));
  unwrap(sim.connect({ device: 'pc2', port: 'eth0' }, { device: 'sw2', port: 'p1' }));
  return sim;
}
