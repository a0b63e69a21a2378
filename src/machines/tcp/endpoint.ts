/**
 * One TCP endpoint driven event by event: the core of the TCP playground (`netquest tcp`).
 * Until `listen` it is a single connection; after it, a listener whose accepted connections
 * are named by the `conn` of each event (one name per peer).
 */
import { createActor } from 'xstate';
import { tcpConnectionMachine } from './connection-machine';
import { DEFAULT_BACKLOG, TcpListener, type ListenerReport } from './listener';
import type { Tcb } from './rules';
import type { ScriptEvent } from './script';
import { segment, type Segment, type TcpError, type TcpEvent, type TcpFlag, type TcpState } from './types';

export interface EmittedSegment {
  readonly flags: readonly TcpFlag[];
  readonly seq: number;
  readonly ack: number;
  readonly len: number;
}

export interface StepResult {
  readonly event: ScriptEvent;
  /** The state of the connection the event concerns; CLOSED when none exists. */
  readonly state: TcpState;
  readonly emits: readonly EmittedSegment[];
  readonly error?: TcpError;
  readonly listener?: ListenerReport;
  /** The rule that applied, in a sentence. */
  readonly note: string;
}

/** The peer name used when a segment to a listener gives none. */
export const DEFAULT_PEER = 'peer';

export class TcpEndpoint {
  private readonly single;
  private listener: TcpListener | undefined;
  private synCookies = false;

  constructor(private readonly iss: number) {
    this.single = createActor(tcpConnectionMachine, { input: { iss } }).start();
  }

  /** The single connection's state and variables (before `listen`), for display. */
  connection(): { state: TcpState; tcb: Tcb } {
    const s = this.single.getSnapshot();
    return { state: s.value as TcpState, tcb: s.context.tcb };
  }

  listenerReport(): ListenerReport | undefined {
    return this.listener?.report();
  }

  apply(event: ScriptEvent): StepResult {
    const r = this.listener ? this.onListener(event, this.listener) : this.onSingle(event);
    const listener = this.listener?.report();
    return listener ? { ...r, listener } : r;
  }

  private onSingle(event: ScriptEvent): Omit<StepResult, 'listener'> {
    if (event.type === 'app' && event.call === 'syncookies') {
      this.synCookies = event.on ?? false;
      return { event, state: this.connection().state, emits: [], note: `SYN cookies ${this.synCookies ? 'on' : 'off'} for the next listen` };
    }
    if (event.type === 'app' && event.call === 'listen' && this.connection().state === 'CLOSED') {
      const cookies = event.synCookies ?? this.synCookies;
      this.listener = new TcpListener(this.iss, event.backlog ?? DEFAULT_BACKLOG, { synCookies: cookies });
      this.single.stop();
      return {
        event,
        state: 'LISTEN',
        emits: [],
        note: `OPEN (passive): listening with a backlog of ${this.listener.backlog} half-open connections${cookies ? ', SYN cookies on' : ''}`,
      };
    }
    this.single.send(toTcpEvent(event));
    const snap = this.single.getSnapshot();
    const last = snap.context.last!;
    const base = { event, state: snap.value as TcpState, emits: last.emits.map(emitted), note: last.note };
    return last.error ? { ...base, error: last.error } : base;
  }

  private onListener(event: ScriptEvent, l: TcpListener): Omit<StepResult, 'listener'> {
    const listening = l.report().state === 'LISTEN';
    if (event.type === 'segment') {
      const o = l.segmentArrives(event.conn ?? DEFAULT_PEER, toSegment(event));
      const base = { event, state: o.state, emits: o.emits.map(emitted), note: o.note };
      return o.error ? { ...base, error: o.error } : base;
    }
    if (event.type === 'app' && event.call === 'syncookies') {
      l.synCookies = event.on ?? false;
      return { event, state: listening ? 'LISTEN' : 'CLOSED', emits: [], note: `SYN cookies switched ${l.synCookies ? 'on' : 'off'}` };
    }
    if (event.conn !== undefined) {
      if (event.type === 'app' && (event.call === 'listen' || event.call === 'connect')) {
        return { event, state: l.connection(event.conn), emits: [], error: 'connection already exists', note: `${event.call} on an accepted connection` };
      }
      const o = l.toConnection(event.conn, toTcpEvent(event) as Exclude<TcpEvent, { type: 'SEGMENT' }>);
      const base = { event, state: o.state, emits: o.emits.map(emitted), note: o.note };
      return o.error ? { ...base, error: o.error } : base;
    }
    // Calls on the listening socket itself.
    if (event.type === 'app' && (event.call === 'close' || event.call === 'abort')) {
      if (!listening) return { event, state: 'CLOSED', emits: [], error: 'connection does not exist', note: 'the listener is already closed' };
      l.stop();
      return { event, state: 'CLOSED', emits: [], note: `${event.call.toUpperCase()} on the listener: stop accepting; accepted connections carry on` };
    }
    if (event.type === 'app' && event.call === 'send') {
      return { event, state: listening ? 'LISTEN' : 'CLOSED', emits: [], error: 'foreign socket unspecified', note: 'SEND on a listening socket: say which connection ("conn")' };
    }
    if (event.type === 'app') {
      return { event, state: listening ? 'LISTEN' : 'CLOSED', emits: [], error: 'connection already exists', note: `${event.call} on a socket that is already listening` };
    }
    return { event, state: listening ? 'LISTEN' : 'CLOSED', emits: [], note: 'a listening socket keeps no timers; name the connection ("conn")' };
  }
}

function toSegment(e: Extract<ScriptEvent, { type: 'segment' }>): Segment {
  return segment(e.flags, e.seq, e.ack ?? 0, e.len, e.window);
}

function toTcpEvent(e: ScriptEvent): TcpEvent {
  switch (e.type) {
    case 'segment':
      return { type: 'SEGMENT', segment: toSegment(e) };
    case 'timeout':
      return { type: 'TIMEOUT', timer: e.timer };
    case 'app':
      switch (e.call) {
        case 'listen':
          return { type: 'LISTEN' };
        case 'connect':
          return { type: 'CONNECT' };
        case 'send':
          return { type: 'SEND', len: e.len ?? 0 };
        case 'close':
          return { type: 'CLOSE' };
        case 'abort':
          return { type: 'ABORT' };
        case 'syncookies':
          throw new Error('syncookies is a setting of the endpoint, not a connection event');
      }
  }
}

const emitted = (s: Segment): EmittedSegment => ({ flags: s.flags, seq: s.seq, ack: s.ack, len: s.len });

/** Runs a whole script: the same script always gives the same steps. */
export function runScript(script: { iss: number; events: readonly ScriptEvent[] }): { steps: StepResult[] } {
  const endpoint = new TcpEndpoint(script.iss);
  return { steps: script.events.map((e) => endpoint.apply(e)) };
}
