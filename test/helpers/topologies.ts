/** Small topologies for tests, built with the public simulation API. */
import { ipv4 } from '../../src/net/address/ipv4';
import { cidr } from '../../src/net/address/subnet';
import { unwrap } from '../../src/net/result';
import { Simulation } from '../../src/net/sim/simulation';

/** `hosts` hosts on one switch (or hub), addresses 10.0.0.1…, ports p1… */
export function lan(hosts: number, opts: { hub?: boolean; agingNs?: number } = {}): Simulation {
  const sim = new Simulation();
  if (opts.hub) unwrap(sim.addHub('hub1', { ports: hosts }));
  else unwrap(sim.addSwitch('sw1', { ports: hosts, ...(opts.agingNs !== undefined ? { agingNs: opts.agingNs } : {}) }));
  for (let i = 1; i <= hosts; i++) {
    unwrap(sim.addHost(`pc${i}`, { interfaces: [{ name: 'eth0', address: cidr(`10.0.0.${i}/24`) }] }));
    unwrap(sim.connect({ device: `pc${i}`, port: 'eth0' }, { device: opts.hub ? 'hub1' : 'sw1', port: `p${i}` }));
  }
  return sim;
}

/**
 * A chain of `n` routers between two hosts, cabled point to point:
 *   a (10.0.0.10/24) ─ r1 ─ r2 ─ … ─ rn ─ b (10.0.n.10/24)
 * Link k (between r_k and r_{k+1}) is 172.16.k.0/30. Static routes both ways.
 */
export function routerChain(n: number): Simulation {
  const sim = new Simulation();
  unwrap(sim.addHost('a', { interfaces: [{ name: 'eth0', address: cidr('10.0.0.10/24') }], gateway: ipv4('10.0.0.1') }));
  unwrap(sim.addHost('b', { interfaces: [{ name: 'eth0', address: cidr(`10.0.${n}.10/24`) }], gateway: ipv4(`10.0.${n}.1`) }));
  for (let k = 1; k <= n; k++) {
    const ifaces = [
      { name: 'left', address: k === 1 ? cidr('10.0.0.1/24') : cidr(`172.16.${k - 1}.2/30`) },
      { name: 'right', address: k === n ? cidr(`10.0.${n}.1/24`) : cidr(`172.16.${k}.1/30`) },
    ];
    unwrap(sim.addRouter(`r${k}`, { interfaces: ifaces }));
  }
  unwrap(sim.connect({ device: 'a', port: 'eth0' }, { device: 'r1', port: 'left' }));
  for (let k = 1; k < n; k++) unwrap(sim.connect({ device: `r${k}`, port: 'right' }, { device: `r${k + 1}`, port: 'left' }));
  unwrap(sim.connect({ device: `r${n}`, port: 'right' }, { device: 'b', port: 'eth0' }));
  for (let k = 1; k <= n; k++) {
    const r = sim.host(`r${k}`)!;
    if (k < n) unwrap(r.addStaticRoute(cidrNet(`10.0.${n}.0/24`), ipv4(`172.16.${k}.2`)));
    if (k > 1) unwrap(r.addStaticRoute(cidrNet('10.0.0.0/24'), ipv4(`172.16.${k - 1}.1`)));
  }
  return sim;
}

function cidrNet(text: string) {
  const c = cidr(text);
  return { network: c.address, prefix: c.prefix };
}
