/**
 * A listening socket: one LISTEN connection plus the connections it spawns, one per peer.
 * It keeps at most `backlog` half-open (SYN-RECEIVED) connections, so a SYN flood
 * (RFC 4987 §2) can fill it and legitimate clients are refused. With SYN cookies on, a full
 * backlog no longer drops SYNs: the listener answers statelessly, encoding what it needs in
 * its ISS, and rebuilds the connection when the final ACK proves the peer got the SYN,ACK
 * (RFC 4987 §3.6). As Linux does with net.ipv4.tcp_syncookies=1, cookies are used only
 * while the backlog is full.
 */
import { createActor, type Actor } from 'xstate';
import { tcpConnectionMachine } from './connection-machine';
import type { Outcome, Tcb } from './rules';
import { seqAdd } from './seq';
import { has, segment, type Segment, type TcpError, type TcpEvent, type TcpState } from './types';

type Connection = Actor<typeof tcpConnectionMachine>;

export interface ListenerReport {
  readonly state: 'LISTEN' | 'CLOSED';
  readonly halfOpen: number;
}

export interface ListenerOutcome {
  readonly state: TcpState;
  readonly emits: readonly Segment[];
  readonly error?: TcpError;
  readonly note: string;
}

/** Linux's default SOMAXCONN-era backlog for listen(fd, 128). */
export const DEFAULT_BACKLOG = 128;

/** ISS for the k-th connection: spaced out deterministically (real stacks use a clock and a keyed hash, RFC 6528). */
export const issFor = (base: number, k: number): number => seqAdd(base, k * 64000);

export class TcpListener {
  private readonly conns = new Map<string, Connection>();
  private listening = true;
  private spawned = 0;
  synCookies: boolean;

  constructor(
    private readonly baseIss: number,
    readonly backlog: number = DEFAULT_BACKLOG,
    opts: { synCookies?: boolean } = {},
  ) {
    this.synCookies = opts.synCookies ?? false;
  }

  report(): ListenerReport {
    return { state: this.listening ? 'LISTEN' : 'CLOSED', halfOpen: this.halfOpen() };
  }

  halfOpen(): number {
    let n = 0;
    for (const c of this.conns.values()) if (c.getSnapshot().value === 'SYN-RECEIVED') n++;
    return n;
  }

  connection(conn: string): TcpState {
    return (this.conns.get(conn)?.getSnapshot().value as TcpState | undefined) ?? 'CLOSED';
  }

  /** An accepted connection's variables (for timers and inspectors). */
  tcb(conn: string): Tcb | undefined {
    return this.conns.get(conn)?.getSnapshot().context.tcb;
  }

  connections(): { conn: string; state: TcpState }[] {
    return [...this.conns].map(([conn, a]) => ({ conn, state: a.getSnapshot().value as TcpState }));
  }

  /** CLOSE or ABORT on the listening socket: stop accepting; established connections live on. */
  stop(): void {
    this.listening = false;
  }

  /** An application call or a timer for one accepted connection. */
  toConnection(conn: string, event: Exclude<TcpEvent, { type: 'SEGMENT' }>): ListenerOutcome {
    const c = this.conns.get(conn);
    if (!c) return { state: 'CLOSED', emits: [], error: 'connection does not exist', note: `no connection from ${conn}` };
    return this.deliver(conn, c, event);
  }

  segmentArrives(conn: string, s: Segment): ListenerOutcome {
    const existing = this.conns.get(conn);
    if (existing) return this.deliver(conn, existing, { type: 'SEGMENT', segment: s });
    if (!this.listening) {
      return { state: 'CLOSED', emits: has(s, 'RST') ? [] : [resetFor(s)], note: 'the listener is closed: nothing listens on this port, so a reset answers' };
    }
    if (has(s, 'RST')) return { state: 'CLOSED', emits: [], note: 'LISTEN: an RST is ignored (§3.10.7.2)' };
    if (has(s, 'ACK') && !has(s, 'SYN')) {
      if (this.synCookies && this.validCookie(conn, s)) return this.fromCookie(conn, s);
      return { state: 'CLOSED', emits: [segment(['RST'], s.ack, 0, 0, 0)], note: `LISTEN: an ACK for no connection; answer <SEQ=SEG.ACK=${s.ack}><CTL=RST>` };
    }
    if (!has(s, 'SYN')) return { state: 'CLOSED', emits: [], note: 'LISTEN: a segment with neither SYN, ACK nor RST is dropped' };
    if (has(s, 'ACK')) return { state: 'CLOSED', emits: [segment(['RST'], s.ack, 0, 0, 0)], note: 'LISTEN: a SYN,ACK for no connection; answer with RST' };
    if (this.halfOpen() >= this.backlog) {
      if (!this.synCookies) {
        return {
          state: 'CLOSED',
          emits: [],
          note: `the backlog is full (${this.backlog} half-open connections): the SYN is dropped and this client cannot connect — a SYN flood at work`,
        };
      }
      const cookie = this.cookie(conn, s.seq);
      return {
        state: 'CLOSED',
        emits: [segment(['SYN', 'ACK'], cookie, seqAdd(s.seq, 1), 0, s.window)],
        note: `the backlog is full, so a SYN cookie: answer SYN,ACK with ISS=${cookie}, computed from the client's address and ISN, and keep no state`,
      };
    }
    const c = createActor(tcpConnectionMachine, { input: { iss: issFor(this.baseIss, this.spawned++) } }).start();
    this.conns.set(conn, c);
    c.send({ type: 'LISTEN' });
    return this.deliver(conn, c, { type: 'SEGMENT', segment: s });
  }

  private deliver(conn: string, c: Connection, event: TcpEvent): ListenerOutcome {
    c.send(event);
    const snap = c.getSnapshot();
    const state = snap.value as TcpState;
    const last = snap.context.last!;
    // A connection that closed, or went back to LISTEN after a reset, no longer exists on its own.
    if (state === 'CLOSED' || state === 'LISTEN') {
      this.conns.delete(conn);
      c.stop();
    }
    const reported: TcpState = state === 'LISTEN' ? 'CLOSED' : state;
    return last.error ? { state: reported, emits: last.emits, error: last.error, note: last.note } : { state: reported, emits: last.emits, note: last.note };
  }

  /** A keyed hash of the peer and its ISN. Linux also packs an MSS index and a minute counter into it. */
  private cookie(conn: string, peerIsn: number): number {
    let h = 0x811c9dc5 ^ this.baseIss;
    for (const ch of `${conn}|${peerIsn}`) {
      h ^= ch.codePointAt(0)!;
      h = Math.imul(h, 0x01000193);
    }
    return h >>> 0;
  }

  private validCookie(conn: string, s: Segment): boolean {
    return seqAdd(s.ack, -1) === this.cookie(conn, seqAdd(s.seq, -1));
  }

  /** The final ACK carried a valid cookie: rebuild the connection as if its SYN had been kept. */
  private fromCookie(conn: string, s: Segment): ListenerOutcome {
    const iss = seqAdd(s.ack, -1);
    const c = createActor(tcpConnectionMachine, { input: { iss } }).start();
    c.send({ type: 'LISTEN' });
    c.send({ type: 'SEGMENT', segment: segment(['SYN'], seqAdd(s.seq, -1), 0, 0, s.window) });
    this.conns.set(conn, c);
    const o = this.deliver(conn, c, { type: 'SEGMENT', segment: s });
    return { ...o, note: `the ACK carries a valid SYN cookie (ACK−1 = ${iss}): the connection is rebuilt and ${o.state}` };
  }
}

/** What a closed port answers (§3.10.7.1). */
function resetFor(s: Segment): Segment {
  if (has(s, 'ACK')) return segment(['RST'], s.ack, 0, 0, 0);
  const len = s.len + (has(s, 'SYN') ? 1 : 0) + (has(s, 'FIN') ? 1 : 0);
  return segment(['RST', 'ACK'], 0, seqAdd(s.seq, len), 0, 0);
}

export type { Outcome };
