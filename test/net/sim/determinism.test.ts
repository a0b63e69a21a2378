import { describe, expect, it } from 'vitest';
import { ipv4 } from '../../../src/net/address/ipv4';
import { tracePcap } from '../../../src/net/pcap';
import { unwrap } from '../../../src/net/result';
import { campus } from '../../../src/scenarios/campus';
import { twoSubnets } from '../../../src/scenarios/two-subnets';
import { seededRandom } from '../../../src/util/random';

/** Uint8Arrays as hex, so two traces compare as text, byte for byte. */
const serialise = (trace: unknown) =>
  JSON.stringify(trace, (_k, v) => (v instanceof Uint8Array ? Buffer.from(v).toString('hex') : v));

function busyCampus(seed: number) {
  const { sim, hosts } = campus({ routers: 3, switchesPerRouter: 2, hostsPerSwitch: 4 });
  const rnd = seededRandom(seed);
  for (let i = 0; i < 60; i++) {
    const a = rnd.pick(hosts);
    const b = rnd.pick(hosts);
    const dst = sim.host(b)!.interfaces[0]!.address!.address;
    sim.at(rnd.int(0, 50_000), () => (i % 3 === 0 ? sim.sendUdp(a, dst, 53, new Uint8Array([i])) : sim.ping(a, dst)));
  }
  sim.run();
  return sim;
}

describe('determinism', () => {
  it('the same topology and actions give the same trace and the same capture, byte for byte', () => {
    const [a, b] = [busyCampus(7), busyCampus(7)];
    expect(a.trace.length).toBeGreaterThan(500);
    expect(serialise(a.trace)).toBe(serialise(b.trace));
    expect(Buffer.from(tracePcap(a.trace)).equals(Buffer.from(tracePcap(b.trace)))).toBe(true);
  });

  it('a different seed gives a different run (the comparison above can fail)', () => {
    expect(serialise(busyCampus(7).trace)).not.toBe(serialise(busyCampus(8).trace));
  });

  it('keeps the trace in time order, even when frames wait for a busy port', () => {
    const sim = twoSubnets();
    sim.host('pc2')!.bindUdp(9);
    // Ten datagrams at once: pc1's port can send only one at a time.
    for (let i = 0; i < 10; i++) unwrap(sim.sendUdp('pc1', ipv4('10.0.0.20'), 9, new Uint8Array(1000)));
    sim.run();
    const times = sim.trace.map((e) => e.t);
    expect(times).toEqual([...times].sort((x, y) => x - y));
    const fromPc1 = sim.frames().filter((f) => f.from.device === 'pc1' && f.frame.payload.kind === 'ipv4');
    const gaps = fromPc1.slice(1).map((f, i) => f.t - fromPc1[i]!.t);
    // 1,042 bytes on the wire (1,014-byte frame + preamble, FCS, gap) at 100 Mbit/s is 83,360 ns.
    for (const g of gaps) expect(g).toBe(Math.ceil(((14 + 20 + 8 + 1000 + 24) * 8 * 1e9) / 100e6));
    expect(sim.host('pc2')!.udpReceived).toHaveLength(10);
  });
});
