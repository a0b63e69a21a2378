/**
 * The `tcp` drill: two endpoints of the game's RFC 9293 machine (src/machines/tcp) talk to each
 * other, a client and a server, one segment in flight at a time. The drill stops at one step of
 * their exchange and asks what one side sends next (flags, seq, ack) or which state it is in
 * after it. Answers are what the machines did, by construction.
 */
import { DEFAULT_PEER, TcpEndpoint, type EmittedSegment } from '../machines/tcp/endpoint';
import type { ScriptEvent } from '../machines/tcp/script';
import { DEFAULT_WINDOW, type TcpFlag, type TcpState } from '../machines/tcp/types';
import type { Random } from '../util/random';
import type { Level } from './level';

export type TcpSide = 'client' | 'server';

export interface WireSegment {
  readonly flags: readonly TcpFlag[];
  readonly seq: number;
  readonly ack: number;
  readonly len: number;
}

export type TcpDrillEvent =
  | ({ readonly kind: 'segment' } & WireSegment)
  | { readonly kind: 'app'; readonly call: 'connect' | 'close' }
  | { readonly kind: 'app'; readonly call: 'send'; readonly len: number };

export interface TcpQuestion {
  /** The side the question is about. */
  readonly you: TcpSide;
  /** Its initial sequence number (needed when it has sent nothing yet). */
  readonly iss: number;
  /** Its state before the event. */
  readonly state: TcpState;
  /**
   * Every segment sent so far, in order; each arrived before the next was sent. When the event is
   * a segment arriving, it is the last one here.
   */
  readonly history: readonly ({ readonly from: TcpSide } & WireSegment)[];
  /** What happens to `you` now: a segment arrives, or its application calls. */
  readonly event: TcpDrillEvent;
}

export interface TcpAnswer {
  /** The state after the event. */
  readonly state: TcpState;
  /** The first segment `you` sends in response, or null when it sends nothing. */
  readonly send: WireSegment | null;
}

type Action = { side: TcpSide; call: 'send'; len: number } | { side: TcpSide; call: 'close' };

interface Step {
  readonly question: TcpQuestion;
  readonly answer: TcpAnswer;
}

/** ISS values: round numbers to start with, anything (wrap-around included) at level 2. */
function randomIss(r: Random, level: Level): number {
  if (level === 0) return r.int(1, 9) * 1000;
  if (level === 1) return r.int(100, 99_999);
  return (r.int(0, 0xffff) * 0x10000 + r.int(0, 0xffff)) >>> 0;
}

export function tcpDrill(r: Random, level: Level): { question: TcpQuestion; answer: TcpAnswer } {
  const iss = { client: randomIss(r, level), server: randomIss(r, level) };
  // Now and then (from level 1) nobody listens on the port: the SYN is answered by a reset.
  const refused = level > 0 && r.int(0, 5) === 0;
  const actions: Action[] = [];
  if (level > 0 && !refused) {
    for (let n = r.int(1, 3); n > 0; n--) actions.push({ side: r.pick(['client', 'server'] as const), call: 'send', len: r.pick([1, r.int(2, 100), r.int(100, 1460)]) });
  }
  if (level === 2 && !refused) {
    const first = r.pick(['client', 'server'] as const);
    actions.push({ side: first, call: 'close' });
    // The other side may still send before it closes too (a half-close).
    if (r.int(0, 2) === 0) actions.push({ side: first === 'client' ? 'server' : 'client', call: 'send', len: r.int(1, 500) });
    actions.push({ side: first === 'client' ? 'server' : 'client', call: 'close' });
  }
  const steps = runExchange(iss, refused, actions);
  // Level 0 asks about the handshake only; above it, anywhere in the exchange.
  return steps[r.int(0, steps.length - 1)]!;
}

function runExchange(iss: Record<TcpSide, number>, refused: boolean, actions: readonly Action[]): Step[] {
  const ends = { client: new TcpEndpoint(iss.client), server: new TcpEndpoint(iss.server) };
  const state: Record<TcpSide, TcpState> = { client: 'CLOSED', server: 'CLOSED' };
  if (!refused) state.server = ends.server.apply({ type: 'app', call: 'listen' }).state;
  const history: ({ from: TcpSide } & WireSegment)[] = [];
  const inFlight: { to: TcpSide; segment: WireSegment }[] = [];
  const steps: Step[] = [];
  // The server's accepted connection has a name; the listener files the SYN under it too.
  const conn = (side: TcpSide) => (side === 'server' && !refused ? { conn: DEFAULT_PEER } : {});

  const apply = (side: TcpSide, event: TcpDrillEvent, script: ScriptEvent) => {
    const question: TcpQuestion = { you: side, iss: iss[side], state: state[side], history: [...history], event };
    const result = ends[side].apply(script);
    state[side] = result.state;
    const emits = result.emits.map(wire);
    steps.push({ question, answer: { state: result.state, send: emits[0] ?? null } });
    for (const s of emits) {
      history.push({ from: side, ...s });
      inFlight.push({ to: side === 'client' ? 'server' : 'client', segment: s });
    }
  };
  const settle = () => {
    for (let guard = 0; inFlight.length > 0 && guard < 20; guard++) {
      const { to, segment: s } = inFlight.shift()!;
      apply(to, { kind: 'segment', ...s }, { type: 'segment', flags: [...s.flags], seq: s.seq, ack: s.ack, len: s.len, window: DEFAULT_WINDOW, ...conn(to) });
    }
  };

  apply('client', { kind: 'app', call: 'connect' }, { type: 'app', call: 'connect' });
  settle();
  for (const a of actions) {
    if (a.call === 'send') apply(a.side, { kind: 'app', call: 'send', len: a.len }, { type: 'app', call: 'send', len: a.len, ...conn(a.side) });
    else apply(a.side, { kind: 'app', call: 'close' }, { type: 'app', call: 'close', ...conn(a.side) });
    settle();
  }
  return steps;
}

const wire = (s: EmittedSegment): WireSegment => ({ flags: [...s.flags], seq: s.seq, ack: s.ack, len: s.len });
