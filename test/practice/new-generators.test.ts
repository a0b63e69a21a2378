/**
 * The mac-learning and tcp drills against independent computations: a learning bridge and a
 * TCP sequence-number bookkeeper written here from the standards, sharing nothing with the engine.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drill } from '../../src/practice/generators';
import type { Level } from '../../src/practice/level';
import type { MacAnswer, MacQuestion } from '../../src/practice/mac-drill';
import type { TcpAnswer, TcpQuestion } from '../../src/practice/tcp-drill';

const seeds = fc.integer({ min: 0, max: 0x7fffffff });
const levels = fc.constantFrom<Level>(0, 1, 2);

/** IEEE 802.1D in a few lines: learn the source, then forward, filter or flood. */
function bridge(q: MacQuestion): MacAnswer {
  const table = new Map(q.table.map((e) => [e.mac, e.port]));
  const { src, dst, ingress } = q.frame;
  const multicast = (parseInt(dst.slice(0, 2), 16) & 1) === 1;
  const known = multicast ? undefined : table.get(dst);
  const others = q.ports.filter((p) => p !== ingress);
  const before = table.get(src);
  const learned = before === undefined ? { mac: src, port: ingress } : before === ingress ? null : { mac: src, port: ingress, movedFrom: before };
  if (known === undefined) return { action: 'flood', ports: others, learned };
  if (known === ingress) return { action: 'filter', ports: [], learned };
  return { action: 'forward', ports: [known], learned };
}

describe('mac-learning drills', () => {
  it('agree with an independent learning bridge, at every level', () => {
    fc.assert(
      fc.property(seeds, levels, (seed, level) => {
        const d = drill('mac-learning', seed, level);
        expect(d.answer).toEqual(bridge(d.question as unknown as MacQuestion));
      }),
      { numRuns: 1500 },
    );
  });

  it('cover forwarding, flooding (unknown and broadcast), filtering, new and moved entries', () => {
    const seen = new Set<string>();
    for (let seed = 0; seed < 600; seed++) {
      for (const level of [0, 1, 2] as const) {
        const q = drill('mac-learning', seed, level).question as unknown as MacQuestion;
        const a = drill('mac-learning', seed, level).answer as unknown as MacAnswer;
        seen.add(a.action);
        if (q.frame.dst === 'ff:ff:ff:ff:ff:ff') seen.add('broadcast');
        seen.add(a.learned === null ? 'refresh' : a.learned.movedFrom ? 'moved' : 'new');
      }
    }
    expect([...seen].sort()).toEqual(['broadcast', 'filter', 'flood', 'forward', 'moved', 'new', 'refresh']);
  });

  it('level 0 has three ports; level 2 up to eight', () => {
    const ports = (level: Level) => new Set(Array.from({ length: 200 }, (_, s) => (drill('mac-learning', s, level).question as unknown as MacQuestion).ports.length));
    expect([...ports(0)]).toEqual([3]);
    expect(Math.max(...ports(2))).toBe(8);
  });
});

const M = 2 ** 32;
const segLen = (s: { flags: readonly string[]; len: number }) => s.len + (s.flags.includes('SYN') ? 1 : 0) + (s.flags.includes('FIN') ? 1 : 0);

/**
 * What the side in question sends, from the ladder alone: SEQ is its ISS plus every sequence
 * number it used; ACK is the end of the last segment it received; the flags follow from the event.
 */
function expectedSend(q: TcpQuestion): TcpAnswer['send'] {
  const mine = q.history.filter((s) => s.from === q.you);
  const theirs = q.history.filter((s) => s.from !== q.you);
  const sndNxt = mine.reduce((n, s) => (n + segLen(s)) % M, q.iss);
  const last = theirs.at(-1);
  const rcvNxt = last ? (last.seq + segLen(last)) % M : 0;
  const e = q.event;
  if (e.kind === 'app') {
    if (e.call === 'connect') return { flags: ['SYN'], seq: q.iss, ack: 0, len: 0 };
    if (e.call === 'send') return { flags: ['PSH', 'ACK'], seq: sndNxt, ack: rcvNxt, len: e.len };
    return { flags: ['FIN', 'ACK'], seq: sndNxt, ack: rcvNxt, len: 0 };
  }
  const f = e.flags.join(',');
  if (q.state === 'CLOSED') return f.includes('RST') ? null : { flags: ['RST', 'ACK'], seq: 0, ack: (e.seq + segLen(e)) % M, len: 0 };
  if (f === 'SYN') return { flags: ['SYN', 'ACK'], seq: q.iss, ack: (e.seq + 1) % M, len: 0 };
  if (f.includes('RST')) return null;
  // A pure ACK is never acknowledged; anything that takes sequence space is.
  if (segLen(e) === 0) return null;
  return { flags: ['ACK'], seq: sndNxt, ack: rcvNxt, len: 0 };
}

/** RFC 9293's state diagram (§3.3.2), for a lossless exchange. */
function expectedState(q: TcpQuestion): string {
  const e = q.event;
  if (e.kind === 'app') {
    if (e.call === 'connect') return 'SYN-SENT';
    if (e.call === 'send') return q.state;
    return q.state === 'ESTABLISHED' ? 'FIN-WAIT-1' : 'LAST-ACK';
  }
  const f = new Set(e.flags);
  // Does this segment acknowledge everything we sent (our FIN included)?
  const mine = q.history.filter((s) => s.from === q.you);
  const sndNxt = mine.reduce((n, s) => (n + segLen(s)) % M, q.iss);
  const allAcked = f.has('ACK') && e.ack === sndNxt;
  switch (q.state) {
    case 'CLOSED':
      return 'CLOSED';
    case 'LISTEN':
      return 'SYN-RECEIVED';
    case 'SYN-SENT':
      return f.has('RST') ? 'CLOSED' : 'ESTABLISHED';
    case 'SYN-RECEIVED':
      return 'ESTABLISHED';
    case 'ESTABLISHED':
      return f.has('FIN') ? 'CLOSE-WAIT' : 'ESTABLISHED';
    case 'FIN-WAIT-1':
      if (f.has('FIN')) return allAcked ? 'TIME-WAIT' : 'CLOSING';
      return allAcked ? 'FIN-WAIT-2' : 'FIN-WAIT-1';
    case 'FIN-WAIT-2':
      return f.has('FIN') ? 'TIME-WAIT' : 'FIN-WAIT-2';
    case 'CLOSE-WAIT':
      return 'CLOSE-WAIT';
    case 'LAST-ACK':
      return allAcked ? 'CLOSED' : 'LAST-ACK';
    default:
      return q.state;
  }
}

describe('tcp drills', () => {
  it('the next segment and the state after agree with independent bookkeeping, at every level', () => {
    fc.assert(
      fc.property(seeds, levels, (seed, level) => {
        const d = drill('tcp', seed, level);
        const q = d.question as unknown as TcpQuestion;
        const a = d.answer as unknown as TcpAnswer;
        expect(a.send).toEqual(expectedSend(q));
        expect(a.state).toBe(expectedState(q));
      }),
      // Each drill runs two XState endpoints through a whole exchange: a few milliseconds.
      { numRuns: 400 },
    );
  }, 60_000);

  it('level 0 stays in the handshake; level 2 reaches the teardown', () => {
    const states = (level: Level) => new Set(Array.from({ length: 400 }, (_, s) => (drill('tcp', s, level).answer as unknown as TcpAnswer).state));
    expect([...states(0)].sort()).toEqual(['ESTABLISHED', 'SYN-RECEIVED', 'SYN-SENT']);
    const hard = states(2);
    for (const s of ['FIN-WAIT-1', 'FIN-WAIT-2', 'CLOSE-WAIT', 'LAST-ACK', 'TIME-WAIT', 'CLOSED']) expect(hard).toContain(s);
  });

  it('keeps the drill JSON shape: you, iss, state, history, event → state, send', () => {
    const d = drill('tcp', 5);
    expect(Object.keys(d.question)).toEqual(['you', 'iss', 'state', 'history', 'event']);
    expect(Object.keys(d.answer)).toEqual(['state', 'send']);
  });
});

describe('levels', () => {
  it('subnet prefixes widen with the level', () => {
    const range = (level: Level) => Array.from({ length: 300 }, (_, s) => drill('subnet', s, level).question.prefix as number);
    expect(Math.min(...range(0))).toBeGreaterThanOrEqual(24);
    expect(Math.min(...range(1))).toBeGreaterThanOrEqual(16);
    expect(Math.min(...range(2))).toBeLessThan(16);
  });

  it('routing tables grow with the level', () => {
    const size = (level: Level) => (drill('next-hop', 3, level).question.routes as unknown[]).length;
    expect([size(0), size(1), size(2)]).toEqual([2, 3, 4]);
  });
});
