/**
 * Model-based tests: @xstate/graph explores the connection machine with concrete events computed
 * from each snapshot's TCB (a segment acknowledging SND.NXT, a FIN at RCV.NXT, ...). The paths it
 * finds are replayed on real actors; every step is checked against the model's prediction and
 * against invariants of the segments emitted. Together the paths reach all eleven states and take
 * every transition declared in TRANSITIONS.
 */
import { describe, expect, it } from 'vitest';
import { createActor, type SnapshotFrom } from 'xstate';
import { getAdjacencyMap, getShortestPaths } from '@xstate/graph';
import { decide, tcpConnectionMachine, TRANSITIONS } from '../../../src/machines/tcp/connection-machine';
import { RETRIES, type Outcome, type Tcb } from '../../../src/machines/tcp/rules';
import { seqAdd, seqGe, seqGt, seqLe } from '../../../src/machines/tcp/seq';
import { has, segLen, segment, TCP_STATES, type Segment, type TcpEvent, type TcpState } from '../../../src/machines/tcp/types';

type Snap = SnapshotFrom<typeof tcpConnectionMachine>;
const ISS = 1000;
const PEER_ISS = 5000;

/** How much data the exploration may move, to keep the state space finite. */
const MAX_SENT = 200;
/** A small peer window, so that data has to wait and a CLOSE finds it still queued. */
const SMALL_WINDOW = 1000;
const MAX_RECEIVED = 10;

const labels = new WeakMap<object, string>();
function label<E extends TcpEvent>(name: string, e: E): E {
  labels.set(e, name);
  return e;
}

/** The events offered in a snapshot: every user call and timer, and segments a peer could plausibly send now. */
function eventsFor(snap: Snap): TcpEvent[] {
  const state = snap.value as TcpState;
  const t = snap.context.tcb;
  const synced = !(state === 'CLOSED' || state === 'LISTEN' || state === 'SYN-SENT');
  const rn = synced ? t.rcvNxt : PEER_ISS;
  const seg = (name: string, s: Segment) => label(name, { type: 'SEGMENT' as const, segment: s });
  const events: TcpEvent[] = [
    label('LISTEN', { type: 'LISTEN' }),
    label('CONNECT', { type: 'CONNECT' }),
    label('CLOSE', { type: 'CLOSE' }),
    label('ABORT', { type: 'ABORT' }),
    label('TIMEOUT 2MSL', { type: 'TIMEOUT', timer: '2MSL' }),
    label('TIMEOUT user', { type: 'TIMEOUT', timer: 'user' }),
    seg('SYN', segment(['SYN'], synced ? t.irs : PEER_ISS, 0)),
    seg('SYN,ACK of SND.NXT', segment(['SYN', 'ACK'], synced ? t.irs : PEER_ISS, t.sndNxt)),
    seg('SYN, small window', segment(['SYN'], synced ? t.irs : PEER_ISS, 0, 0, SMALL_WINDOW)),
    seg('SYN,ACK of SND.NXT, small window', segment(['SYN', 'ACK'], synced ? t.irs : PEER_ISS, t.sndNxt, 0, SMALL_WINDOW)),
    seg('ACK of SND.NXT', segment(['ACK'], rn, t.sndNxt, 0, t.sndWnd || undefined)),
    seg('FIN,ACK of SND.NXT', segment(['FIN', 'ACK'], rn, t.sndNxt)),
    seg('FIN,ACK of SND.UNA', segment(['FIN', 'ACK'], rn, t.sndUna)),
    seg('RST at RCV.NXT', segment(['RST'], rn, 0)),
    seg('RST,ACK of SND.NXT', segment(['RST', 'ACK'], rn, t.sndNxt)),
    seg('RST in window', segment(['RST'], seqAdd(rn, 100), 0)),
    seg('ACK beyond SND.NXT', segment(['ACK'], rn, seqAdd(t.sndNxt, 1000))),
    seg('ACK out of window', segment(['ACK'], seqAdd(rn, 100000), t.sndNxt)),
  ];
  // The retransmission timer: followed to the give-up limit only while opening (the limits of the
  // other states are the scenario tests' business); elsewhere one retransmission is enough.
  if (t.retries < 1 || state === 'SYN-SENT' || state === 'SYN-RECEIVED') events.push(label('TIMEOUT retransmission', { type: 'TIMEOUT', timer: 'retransmission' }));
  // A partial acknowledgement: up to the end of the oldest unacknowledged segment.
  const oldest = t.unacked[0];
  if (oldest && t.unacked.length > 1) events.push(seg('ACK of the oldest segment', segment(['ACK'], rn, seqAdd(oldest.seq, segLen(oldest)))));
  if (synced) events.push(seg('FIN,ACK retransmitted', segment(['FIN', 'ACK'], seqAdd(rn, -1), t.sndNxt)));
  const sent = ((t.sndNxt - t.iss) >>> 0) + t.pending;
  if (sent + 100 <= MAX_SENT) events.push(label('SEND 100', { type: 'SEND', len: 100 }));
  // Once per connection, a SEND bigger than the MSS (and than the small window).
  if (sent <= 1) events.push(label('SEND 3000', { type: 'SEND', len: 3000 }));
  if (!synced || ((t.rcvNxt - t.irs) >>> 0) <= MAX_RECEIVED) events.push(seg('data at RCV.NXT', segment(['PSH', 'ACK'], rn, t.sndNxt, 10)));
  return events;
}

/** The TCB is the whole behavioural state (context.last only reports); serializing it all keeps paths and replays identical. */
const serializeState = (snap: Snap): string => JSON.stringify([snap.value, snap.context.tcb]);
const serializeEvent = (e: TcpEvent): string => labels.get(e) ?? JSON.stringify(e);

const options = { input: { iss: ISS }, events: eventsFor, serializeState, serializeEvent } as never;

type Triple = `${TcpState} --${TcpEvent['type']}--> ${TcpState}`;
const triple = (from: TcpState, type: TcpEvent['type'], to: TcpState): Triple => `${from} --${type}--> ${to}`;

const declared = new Set<Triple>();
for (const from of TCP_STATES) {
  for (const [type, targets] of Object.entries(TRANSITIONS[from])) {
    for (const to of targets ?? []) declared.add(triple(from, type as TcpEvent['type'], to));
  }
}

/** Checks one step: what the rules emitted against the TCB before and after. Returns a list of violations. */
function violations(from: TcpState, before: Tcb, event: TcpEvent, o: Outcome): string[] {
  const bad: string[] = [];
  const after = o.tcb;
  const retransmission = event.type === 'TIMEOUT' && event.timer === 'retransmission';
  let expectedSeq = before.sndNxt;
  for (const s of o.emits) {
    const where = `${from} + ${serializeEvent(event)} → ${o.state}: emitted ${s.flags.join(',')} seq=${s.seq} ack=${s.ack} len=${s.len}`;
    if (has(s, 'SYN') && has(s, 'FIN')) bad.push(`${where}: SYN and FIN together`);
    if (has(s, 'RST')) {
      if (s.len > 0 || has(s, 'SYN') || has(s, 'FIN')) bad.push(`${where}: an RST carries nothing else`);
      if (event.type === 'ABORT' && s.seq !== before.sndNxt) bad.push(`${where}: ABORT's RST must have SEQ=SND.NXT`);
      if (event.type === 'SEGMENT') {
        const incoming = event.segment;
        if (has(incoming, 'RST')) bad.push(`${where}: an RST was answered`);
        const want = has(incoming, 'ACK') ? incoming.ack : 0;
        if (s.seq !== want) bad.push(`${where}: a reset answers with SEQ=SEG.ACK (or 0 without ACK)`);
        if (has(s, 'ACK') && s.ack !== seqAdd(incoming.seq, segLen(incoming))) bad.push(`${where}: RST,ACK must acknowledge SEG.SEQ+SEG.LEN`);
      }
      continue;
    }
    if (has(s, 'SYN')) {
      if (s.seq !== before.iss) bad.push(`${where}: a SYN always has SEQ=ISS`);
      const synState = o.state === 'SYN-SENT' || o.state === 'SYN-RECEIVED';
      if (!synState && !(retransmission && before.sndUna === before.iss)) bad.push(`${where}: SYN emitted outside SYN-SENT/SYN-RECEIVED`);
    }
    if (has(s, 'ACK') && s.ack !== after.rcvNxt) bad.push(`${where}: ACK must be RCV.NXT=${after.rcvNxt}`);
    if (!has(s, 'ACK') && s.ack !== 0) bad.push(`${where}: ACK field set without the ACK bit`);
    if (!has(s, 'ACK') && !has(s, 'SYN')) bad.push(`${where}: after the SYN every segment carries ACK`);
    const consumes = s.len > 0 || has(s, 'FIN');
    if (retransmission) {
      const first = before.unacked[0];
      if (!first || s.seq !== first.seq || s.len !== first.len || s.flags.join() !== first.flags.join()) bad.push(`${where}: a retransmission resends the oldest unacknowledged segment`);
    } else if (consumes) {
      if (s.seq !== expectedSeq) bad.push(`${where}: data/FIN must start at the old SND.NXT (${expectedSeq})`);
      expectedSeq = seqAdd(s.seq, segLen(s));
    } else if (!has(s, 'SYN') && s.seq !== expectedSeq) {
      bad.push(`${where}: a bare ACK has SEQ=SND.NXT=${expectedSeq}`);
    }
  }
  if (!retransmission && o.emits.some((s) => !has(s, 'RST') && (s.len > 0 || has(s, 'FIN'))) && after.sndNxt !== expectedSeq) {
    bad.push(`${from} + ${serializeEvent(event)}: SND.NXT=${after.sndNxt} must end after the last segment sent (${expectedSeq})`);
  }
  if (!seqLe(after.sndUna, after.sndNxt)) bad.push(`${from} + ${serializeEvent(event)}: SND.UNA=${after.sndUna} beyond SND.NXT=${after.sndNxt}`);
  for (const u of after.unacked) {
    const end = seqAdd(u.seq, segLen(u));
    if (!(seqGe(u.seq, before.iss) && seqLe(end, after.sndNxt) && seqGt(end, after.sndUna))) {
      bad.push(`${from} + ${serializeEvent(event)}: retransmission queue holds ${u.seq}+${segLen(u)} outside (SND.UNA, SND.NXT]`);
    }
  }
  if ((o.delivered ?? 0) > 0 && !(from === 'ESTABLISHED' || from === 'FIN-WAIT-1' || from === 'FIN-WAIT-2' || from === 'SYN-RECEIVED')) {
    bad.push(`${from} + ${serializeEvent(event)}: data delivered after the peer's FIN`);
  }
  if (o.state !== from && !declared.has(triple(from, event.type, o.state))) bad.push(`${triple(from, event.type, o.state)} is not declared`);
  return bad;
}

describe('model-based: the connection machine explored by @xstate/graph', () => {
  const adjacency = getAdjacencyMap(tcpConnectionMachine, options) as unknown as Record<
    string,
    { state: Snap; transitions: Record<string, { event: TcpEvent; state: Snap }> }
  >;
  const shortest = getShortestPaths(tcpConnectionMachine, options) as unknown as Array<{ state: Snap; steps: Array<{ event: { type: string }; state: Snap }> }>;
  /** The events of a path, in order, without the initial pseudo-event. */
  const eventsOf = (p: (typeof shortest)[number]): TcpEvent[] => p.steps.map((s) => s.event).filter((e): e is TcpEvent => e.type !== 'xstate.init');
  const pathTo = new Map<string, TcpEvent[]>(shortest.map((p) => [serializeState(p.state), eventsOf(p)]));

  it('explores a finite graph in which every transition the rules take is declared, and obeys the emission invariants', () => {
    const keys = Object.keys(adjacency);
    expect(keys.length).toBeGreaterThan(100);
    const bad: string[] = [];
    for (const { state: snap, transitions } of Object.values(adjacency)) {
      expect(snap.status).toBe('active');
      for (const { event, state: next } of Object.values(transitions)) {
        expect(next.status).toBe('active');
        const o = decide(snap.value as TcpState, snap.context.tcb, event);
        expect(next.value).toBe(o.state);
        bad.push(...violations(snap.value as TcpState, snap.context.tcb, event, o));
      }
    }
    expect([...new Set(bad)].slice(0, 20)).toEqual([]);
  });

  it('its shortest paths reach all eleven RFC 9293 states', () => {
    const reached = new Set(shortest.map((p) => p.state.value as TcpState));
    expect([...reached].sort()).toEqual([...TCP_STATES].sort());
  });

  it('replaying paths on real actors takes every declared transition (and no other), checking each step', () => {
    // For every (from, event, to) in the graph, the shortest path to a source snapshot plus that event.
    const chosen = new Map<Triple, TcpEvent[]>();
    for (const [key, { state: snap, transitions }] of Object.entries(adjacency)) {
      const prefix = pathTo.get(key);
      if (!prefix) continue;
      for (const { event, state: next } of Object.values(transitions)) {
        if (next.value === snap.value) continue;
        const tr = triple(snap.value as TcpState, event.type, next.value as TcpState);
        const path = [...prefix, event];
        const old = chosen.get(tr);
        if (!old || old.length > path.length) chosen.set(tr, path);
      }
    }
    const covered = new Set<Triple>();
    const visited = new Set<TcpState>(['CLOSED']);
    for (const [tr, path] of chosen) {
      const actor = createActor(tcpConnectionMachine, { input: { iss: ISS } }).start();
      for (const event of path) {
        const before = actor.getSnapshot();
        const from = before.value as TcpState;
        // The model's prediction for this step, from the pure rules.
        const predicted = decide(from, before.context.tcb, event);
        actor.send(event);
        const after = actor.getSnapshot();
        expect(after.status, `${tr}: actor failed on ${serializeEvent(event)}`).toBe('active');
        expect(after.value, `${tr}: ${from} + ${serializeEvent(event)}`).toBe(predicted.state);
        expect(after.context.last?.emits).toEqual(predicted.emits);
        expect(after.context.tcb).toEqual(predicted.tcb);
        expect(violations(from, before.context.tcb, event, predicted)).toEqual([]);
        visited.add(after.value as TcpState);
        if (after.value !== from) covered.add(triple(from, event.type, after.value as TcpState));
      }
      expect(covered.has(tr), `${tr} was not taken when replayed`).toBe(true);
      actor.stop();
    }
    expect([...visited].sort()).toEqual([...TCP_STATES].sort());
    const missing = [...declared].filter((t) => !covered.has(t));
    const extra = [...covered].filter((t) => !declared.has(t));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it(`the retransmission limits are reachable: passive SYN-RECEIVED gives up after ${RETRIES['SYN-RECEIVED']} tries`, () => {
    const toListen = [...Object.values(adjacency)].some(
      ({ state, transitions }) =>
        state.value === 'SYN-RECEIVED' && Object.values(transitions).some((t) => t.event.type === 'TIMEOUT' && t.state.value === 'LISTEN'),
    );
    expect(toListen).toBe(true);
  });
});
