import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { dailySeed, drill, drillSeed, exportDrills, TOPICS } from '../../src/practice/generators';

/** An independent subnet calculator on dotted strings and BigInt, sharing nothing with the engine. */
function reference(address: string, prefix: number) {
  const n = address.split('.').reduce((acc, o) => (acc << 8n) | BigInt(o), 0n);
  const size = 1n << BigInt(32 - prefix);
  const net = (n / size) * size;
  const bc = net + size - 1n;
  const dotted = (v: bigint) => [24n, 16n, 8n, 0n].map((s) => String((v >> s) & 255n)).join('.');
  const maskValue = ((1n << 32n) - 1n) ^ (size - 1n);
  const usable = prefix === 32 ? 1 : prefix === 31 ? 2 : Number(size) - 2;
  return {
    network: dotted(net),
    broadcast: dotted(bc),
    firstHost: dotted(prefix >= 31 ? net : net + 1n),
    lastHost: dotted(prefix >= 31 ? bc : bc - 1n),
    hosts: usable,
    mask: dotted(maskValue),
  };
}

describe('practice drills', () => {
  it('subnet: every answer agrees with an independent computation (incl. /31 and /32)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0x7fffffff }), (seed) => {
        const d = drill('subnet', seed);
        const q = d.question as { address: string; prefix: number };
        expect(d.answer).toEqual(reference(q.address, q.prefix));
      }),
      { numRuns: 2000 },
    );
  });

  it('same-subnet: the answer is the AND test, checked independently', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0x7fffffff }), (seed) => {
        const d = drill('same-subnet', seed);
        const q = d.question as { a: string; b: string; prefix: number };
        expect(d.answer.same).toBe(reference(q.a, q.prefix).network === reference(q.b, q.prefix).network);
      }),
      { numRuns: 1000 },
    );
  });

  it('binary: decimal and binary agree', () => {
    for (let seed = 0; seed < 300; seed++) {
      const d = drill('binary', seed);
      const dec = (d.question.decimal ?? d.answer.decimal) as number;
      const bin = (d.question.binary ?? d.answer.binary) as string;
      expect(parseInt(bin, 2)).toBe(dec);
      expect(bin).toMatch(/^[01]{8}$/);
    }
  });

  it('arp: the host asks for the destination when the AND test matches, else for the gateway', () => {
    for (let seed = 0; seed < 500; seed++) {
      const d = drill('arp', seed);
      const q = d.question as { host: string; gateway: string; destination: string };
      const [addr, p] = q.host.split('/');
      const same = reference(addr!, Number(p)).network === reference(q.destination, Number(p)).network;
      expect(d.answer.arpFor).toBe(same ? q.destination : q.gateway);
      expect(q.destination).not.toBe(addr);
    }
  });

  it('vlsm: subnets hold their hosts, sit inside the block and do not overlap', () => {
    for (let seed = 0; seed < 200; seed++) {
      const d = drill('vlsm', seed);
      const hosts = d.question.hosts as Record<string, number>;
      const nets = Object.entries(d.answer.subnets as Record<string, string>).map(([name, s]) => {
        const [a, p] = s.split('/');
        const r = reference(a!, Number(p));
        expect(r.hosts).toBeGreaterThanOrEqual(hosts[name]!);
        expect(r.network).toBe(a);
        return { start: a!.split('.').reduce((x, o) => x * 256 + Number(o), 0), size: 2 ** (32 - Number(p)) };
      });
      nets.sort((x, y) => x.start - y.start);
      for (let i = 1; i < nets.length; i++) expect(nets[i]!.start).toBeGreaterThanOrEqual(nets[i - 1]!.start + nets[i - 1]!.size);
    }
  });

  it('the same seed gives the same drills; another seed gives others', () => {
    expect(exportDrills(TOPICS, 50, 42)).toEqual(exportDrills(TOPICS, 50, 42));
    expect(exportDrills(TOPICS, 50, 42)).not.toEqual(exportDrills(TOPICS, 50, 43));
    expect(drillSeed(42, 0)).not.toBe(drillSeed(42, 1));
  });

  it('--daily uses the date', () => {
    expect(dailySeed(new Date('2026-11-25T10:00:00Z'))).toBe(20261125);
  });

  it('--export writes JSON lines {topic, seed, question, answer}, and each line regenerates from its own seed', async () => {
    let out = '';
    const code = await main(['practice', '--export', '20', '--topic', 'subnet,ports,osi', '--seed', '9', '--json'], { out: (t) => (out += t), err: () => {} });
    expect(code).toBe(0);
    const lines = out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(20);
    for (const l of lines) {
      expect(Object.keys(l)).toEqual(['topic', 'seed', 'question', 'answer']);
      expect(drill(l.topic, l.seed)).toEqual(l);
    }
  });

  it('refuses an unknown topic and says what exists', async () => {
    let err = '';
    const code = await main(['practice', '--export', '1', '--topic', 'subnett'], { out: () => {}, err: (t) => (err += t) });
    expect(code).toBe(2);
    expect(err).toMatch(/unknown topic 'subnett'; topics: subnet,/);
  });
});
