import { describe, expect, it } from 'vitest';
import { ipv4 } from '../../../src/net/address/ipv4';
import { macFromNumber } from '../../../src/net/address/mac';
import { cidr } from '../../../src/net/address/subnet';
import { unwrap } from '../../../src/net/result';
import { Simulation } from '../../../src/net/sim/simulation';

/** Hosts whose MACs differ only in the top 16 bits: the switch's small-integer index cannot tell them apart. */
function lookalikes(agingNs?: number) {
  const sim = new Simulation();
  unwrap(sim.addSwitch('sw', { ports: 4, ...(agingNs !== undefined ? { agingNs } : {}) }));
  const macs = [0x02_00_00_00_00_01, 0x04_00_00_00_00_01, 0x06_00_00_00_00_01, 0x00_1a_00_00_00_01].map(macFromNumber);
  macs.forEach((mac, i) => {
    unwrap(sim.addHost(`h${i}`, { interfaces: [{ name: 'eth0', mac, address: cidr(`10.0.0.${i + 1}/24`) }] }));
    unwrap(sim.connect({ device: `h${i}`, port: 'eth0' }, { device: 'sw', port: `p${i + 1}` }));
  });
  return { sim, macs };
}

describe('a switch table with MACs that share their low bits', () => {
  it('learns each on its own port and forwards to it, never mixing them up', () => {
    const { sim, macs } = lookalikes();
    for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) if (i !== j) sim.ping(`h${i}`, ipv4(`10.0.0.${j + 1}`));
    sim.run();
    expect(sim.switchNamed('sw')!.macTable().map((e) => [e.mac, e.port])).toEqual(macs.map((m, i) => [m, `p${i + 1}`]));
    const forwards = sim.trace.filter((e) => e.kind === 'switch' && e.decision.action === 'forward');
    expect(forwards.length).toBeGreaterThan(0);
    const byId = new Map(sim.frames().map((f) => [f.id, f]));
    for (const e of forwards) {
      if (e.kind !== 'switch' || e.decision.action !== 'forward') continue;
      const frame = byId.get(e.frame)!.frame;
      expect(e.decision.port).toBe(`p${macs.indexOf(frame.dst) + 1}`);
    }
    const replies = sim.trace.filter((e) => e.kind === 'ping' && e.outcome.status === 'reply');
    expect(replies).toHaveLength(12);
  });

  it('ages them out one by one and learns them again', () => {
    const { sim } = lookalikes(1e9);
    sim.ping('h0', ipv4('10.0.0.2'));
    sim.at(3e9, () => sim.ping('h2', ipv4('10.0.0.4')));
    sim.at(6e9, () => sim.ping('h1', ipv4('10.0.0.1')));
    sim.run({ untilNs: 6.5e9 });
    // Just after the last ping: h1 and h0 were learned again, the others aged out long ago.
    const aged = sim.trace.filter((e) => e.kind === 'mac-aged');
    expect(aged.length).toBeGreaterThanOrEqual(2);
    const replies = sim.trace.filter((e) => e.kind === 'ping' && e.outcome.status === 'reply');
    expect(replies).toHaveLength(3);
    expect(sim.switchNamed('sw')!.macTable().map((e) => e.port).sort()).toEqual(['p1', 'p2']);
    expect(sim.trace.some((e) => e.kind === 'switch' && e.decision.action === 'flood' && e.decision.why === 'unknown-destination')).toBe(true);
  });
});
