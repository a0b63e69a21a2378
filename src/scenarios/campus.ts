/**
 * The benchmark topology: one core router, `routers` distribution routers cabled to it
 * point-to-point, `switchesPerRouter` switches under each, `hostsPerSwitch` hosts on each.
 * Defaults give 1,000 hosts (1 + 10 routers, 50 switches).
 *
 * Addressing: core link i is 10.255.i.0/30 (core .1, router .2); LAN j of router i is
 * 10.i.j.0/24 with the router at .1 and hosts from .10.
 */
import { ipv4FromOctets } from '../net/address/ipv4';
import { prefix } from '../net/address/subnet';
import { unwrap } from '../net/result';
import { Simulation } from '../net/sim/simulation';

export interface CampusShape {
  readonly routers?: number;
  readonly switchesPerRouter?: number;
  readonly hostsPerSwitch?: number;
}

export function campus(shape: CampusShape = {}): { sim: Simulation; hosts: string[] } {
  const routers = shape.routers ?? 10;
  const switches = shape.switchesPerRouter ?? 5;
  const perSwitch = shape.hostsPerSwitch ?? 20;
  if (routers > 250 || switches > 250 || perSwitch > 240) throw new RangeError('campus shape too large for its addressing plan');
  const sim = new Simulation();
  const p24 = prefix(24);
  const p30 = prefix(30);
  unwrap(
    sim.addRouter('core', {
      interfaces: Array.from({ length: routers }, (_, i) => ({ name: `eth${i}`, address: { address: ipv4FromOctets(10, 255, i, 1), prefix: p30 } })),
    }),
  );
  const core = sim.host('core')!;
  const hosts: string[] = [];
  for (let i = 0; i < routers; i++) {
    const r = `r${i}`;
    unwrap(
      sim.addRouter(r, {
        interfaces: [
          { name: 'up', address: { address: ipv4FromOctets(10, 255, i, 2), prefix: p30 } },
          ...Array.from({ length: switches }, (_, j) => ({ name: `eth${j}`, address: { address: ipv4FromOctets(10, i, j, 1), prefix: p24 } })),
        ],
      }),
    );
    unwrap(sim.connect({ device: 'core', port: `eth${i}` }, { device: r, port: 'up' }));
    unwrap(core.addStaticRoute({ network: ipv4FromOctets(10, i, 0, 0), prefix: prefix(16) }, ipv4FromOctets(10, 255, i, 2)));
    unwrap(sim.host(r)!.addStaticRoute({ network: ipv4FromOctets(0, 0, 0, 0), prefix: prefix(0) }, ipv4FromOctets(10, 255, i, 1)));
    for (let j = 0; j < switches; j++) {
      const sw = `s${i}-${j}`;
      unwrap(sim.addSwitch(sw, { ports: perSwitch + 1 }));
      unwrap(sim.connect({ device: r, port: `eth${j}` }, { device: sw, port: `p${perSwitch + 1}` }));
      for (let k = 0; k < perSwitch; k++) {
        const h = `h${i}-${j}-${k}`;
        unwrap(
          sim.addHost(h, {
            interfaces: [{ name: 'eth0', address: { address: ipv4FromOctets(10, i, j, 10 + k), prefix: p24 } }],
            gateway: ipv4FromOctets(10, i, j, 1),
          }),
        );
        unwrap(sim.connect({ device: h, port: 'eth0' }, { device: sw, port: `p${k + 1}` }));
        hosts.push(h);
      }
    }
  }
  return { sim, hosts };
}
