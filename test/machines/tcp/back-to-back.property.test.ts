/**
 * Property: two endpoints wired back to back (each one's segments delivered to the other, in
 * order, some of them dropped) always complete the handshake, carry every byte each side sent,
 * and end both in CLOSED or TIME-WAIT, whatever the sends and closes and whichever side closes first.
 * Retransmission timeouts fire only when the network is quiet (the RTO exceeds the round trip).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Segment, TcpEvent, TcpState } from '../../../src/machines/tcp/types';
import { endpoint, stateOf, tcbOf, type Endpoint } from './helpers';

type Side = 0 | 1;
type Action = { kind: 'send'; side: Side; len: number } | { kind: 'close'; side: Side } | { kind: 'deliver'; dir: Side; count: number } | { kind: 'settle' };

interface Scenario {
  simultaneousOpen: boolean;
  earlySends: Array<{ side: Side; len: number }>;
  actions: Action[];
  /** Indices (in delivery order) of the segments the network loses. */
  drops: number[];
}

const side = fc.constantFrom<Side>(0, 1);
const scenario: fc.Arbitrary<Scenario> = fc.record({
  simultaneousOpen: fc.boolean(),
  earlySends: fc.array(fc.record({ side, len: fc.integer({ min: 1, max: 3000 }) }), { maxLength: 3 }),
  actions: fc.array(
    fc.oneof(
      { weight: 4, arbitrary: fc.record({ kind: fc.constant('send' as const), side, len: fc.integer({ min: 1, max: 12000 }) }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('close' as const), side }) },
      { weight: 4, arbitrary: fc.record({ kind: fc.constant('deliver' as const), dir: side, count: fc.integer({ min: 1, max: 6 }) }) },
      { weight: 1, arbitrary: fc.constant({ kind: 'settle' as const }) },
    ),
    { maxLength: 25 },
  ),
  // Few enough losses that no retransmission limit is reached.
  drops: fc.uniqueArray(fc.nat({ max: 300 }), { maxLength: 4 }),
});

const show = (x: Segment): string => `${x.flags.join(',')} ${x.seq}/${x.ack}/${x.len}`;
const describeEvent = (e: TcpEvent): string =>
  e.type === 'SEGMENT' ? `gets ${show(e.segment)}` : e.type === 'SEND' ? `SEND ${e.len}` : e.type === 'TIMEOUT' ? `TIMEOUT ${e.timer}` : e.type;

class Wire {
  readonly ends: [Endpoint, Endpoint];
  /** queues[d]: segments in flight from ends[d] to ends[1 - d]. */
  readonly queues: [Segment[], Segment[]] = [[], []];
  readonly sent: [number, number] = [0, 0];
  readonly delivered: [number, number] = [0, 0];
  readonly errors: string[] = [];
  private deliveries = 0;
  private events = 0;
  /** The last events, for a failure's message. */
  readonly log: string[] = [];
  private note(line: string): void {
    this.log.push(line);
    if (this.log.length > 400) this.log.splice(0, 100);
  }

  constructor(private readonly drops: ReadonlySet<number>) {
    this.ends = [endpoint(1000), endpoint(4294967000)]; // the second one wraps past 2^32 early on
  }

  /** Sends an event to one end and puts what it emits on the wire. */
  fire(s: Side, event: TcpEvent): string | undefined {
    if (++this.events > 100_000) throw new Error(`runaway: more than 100000 events\n${this.log.join('\n')}`);
    const a = this.ends[s];
    a.send(event);
    const snap = a.getSnapshot();
    if (snap.status !== 'active') throw new Error(`endpoint ${s} failed: ${String(snap.error)}\n${this.log.join('\n')}`);
    const last = snap.context.last!;
    this.note(`${s} ${describeEvent(event)} → ${snap.value} ${last.emits.map(show).join(' | ')} ${last.error ?? ''}`);
    this.queues[s].push(...last.emits);
    this.delivered[s] += last.delivered ?? 0;
    if (last.error) this.errors.push(`${s}: ${last.error}`);
    return last.error;
  }

  send(s: Side, len: number): void {
    if (this.fire(s, { type: 'SEND', len }) === undefined) this.sent[s] += len;
  }

  /** Moves up to `count` segments from ends[d] to the other end, losing the ones marked to drop. */
  deliver(d: Side, count: number): void {
    for (let i = 0; i < count; i++) {
      const x = this.queues[d].shift();
      if (!x) return;
      if (this.drops.has(this.deliveries++)) {
        this.note(`   lost ${d}→${1 - d} ${show(x)}`);
        continue;
      }
      this.fire((1 - d) as Side, { type: 'SEGMENT', segment: x });
    }
  }

  /** Delivers everything in flight; when the wire is quiet, lets retransmission timers expire; until nothing is outstanding. */
  settle(): void {
    for (let round = 0; round < 500; round++) {
      while (this.queues[0].length > 0 || this.queues[1].length > 0) {
        this.deliver(0, 1);
        this.deliver(1, 1);
      }
      const waiting = ([0, 1] as const).filter((s) => tcbOf(this.ends[s]).unacked.length > 0);
      if (waiting.length === 0) return;
      for (const s of waiting) this.fire(s, { type: 'TIMEOUT', timer: 'retransmission' });
    }
    throw new Error(`the wire never settled\n${this.log.join('\n')}`);
  }

  states(): [TcpState, TcpState] {
    return [stateOf(this.ends[0]), stateOf(this.ends[1])];
  }
}

function run(sc: Scenario): Wire {
  const w = new Wire(new Set(sc.drops));
  if (sc.simultaneousOpen) {
    w.fire(0, { type: 'CONNECT' });
    w.fire(1, { type: 'CONNECT' });
  } else {
    w.fire(1, { type: 'LISTEN' });
    w.fire(0, { type: 'CONNECT' });
  }
  // SENDs before the handshake completes are queued (the listener's only once it has a SYN).
  w.deliver(0, 1);
  for (const e of sc.earlySends) w.send(e.side, e.len);
  w.settle();
  expect(w.states(), w.log.join('\n')).toEqual(['ESTABLISHED', 'ESTABLISHED']);
  for (const a of sc.actions) {
    if (a.kind === 'send') w.send(a.side, a.len);
    else if (a.kind === 'close') w.fire(a.side, { type: 'CLOSE' });
    else if (a.kind === 'deliver') w.deliver(a.dir, a.count);
    else w.settle();
  }
  for (const s of [0, 1] as const) {
    if (stateOf(w.ends[s]) === 'ESTABLISHED' || stateOf(w.ends[s]) === 'CLOSE-WAIT') w.fire(s, { type: 'CLOSE' });
  }
  w.settle();
  return w;
}

describe('two endpoints back to back (fast-check)', () => {
  it('RFC 9293 §3.5–§3.8: handshake, any sends and closes, losses repaired by retransmission: every byte arrives and both end in CLOSED or TIME-WAIT', () => {
    fc.assert(
      fc.property(scenario, (sc) => {
        const w = run(sc);
        const trace = w.log.join('\n');
        const [a, b] = w.states();
        expect(['CLOSED', 'TIME-WAIT'], trace).toContain(a);
        expect(['CLOSED', 'TIME-WAIT'], trace).toContain(b);
        // Whoever closed first (or both, closing together) keeps the connection's memory for 2MSL.
        expect([a, b], trace).toContain('TIME-WAIT');
        // Never a reset, a refusal or a timeout (calls made at the wrong moment are refused, which is fine).
        expect(w.errors.filter((e) => /reset|refused|aborted/.test(e)), trace).toEqual([]);
        expect(w.delivered[1], trace).toBe(w.sent[0]);
        expect(w.delivered[0], trace).toBe(w.sent[1]);
        // 2MSL later both are gone and nothing is left on the wire.
        for (const s of [0, 1] as const) w.fire(s, { type: 'TIMEOUT', timer: '2MSL' });
        expect(w.states()).toEqual(['CLOSED', 'CLOSED']);
        expect(w.queues).toEqual([[], []]);
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});
