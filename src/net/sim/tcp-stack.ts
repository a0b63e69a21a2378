/**
 * A host's TCP layer: sockets on top of the RFC 9293 connection machine and the listener.
 * It turns wire segments into machine events and the machine's answers back into wire
 * segments, and runs the timers (retransmission with backoff, TIME-WAIT's 2MSL) on the
 * simulation's clock. Every event a connection processes leaves a `tcp` trace entry with
 * the state before and after and the rule that applied.
 */
import { createActor, type Actor } from 'xstate';
import { formatIpv4, ipv4, type Ipv4 } from '../address/ipv4';
import { tcpConnectionMachine } from '../../machines/tcp/connection-machine';
import { DEFAULT_BACKLOG, TcpListener } from '../../machines/tcp/listener';
import { segmentArrives as closedSegmentArrives, initialTcb, type Tcb } from '../../machines/tcp/rules';
import { segment, type Segment, type TcpError, type TcpEvent, type TcpFlag, type TcpState } from '../../machines/tcp/types';
import { err, ok, type Result } from '../result';
import { tcpFlags } from '../wire/tcp';
import type { TcpSegment } from '../wire/types';
import type { SimContext } from './context';

/** RFC 6298 §2.1: the initial retransmission timeout is 1 s; it doubles per try (§5.5), up to 120 s as in Linux. */
const RTO_INITIAL_NS = 1e9;
const RTO_MAX_NS = 120e9;
/** Linux keeps TIME-WAIT for 60 s (TCP_TIMEWAIT_LEN), its 2MSL. */
export const TIME_WAIT_NS = 60e9;

/** What a host must offer its TCP layer. */
export interface TcpHost {
  readonly name: string;
  /** The address this host would send from to reach `dst`, or why it cannot. */
  sourceFor(dst: Ipv4): Result<Ipv4>;
  /** Sends a segment in an IPv4 datagram. */
  sendTcp(src: Ipv4, dst: Ipv4, segment: TcpSegment): void;
}

export interface Endpoint {
  readonly ip: Ipv4;
  readonly port: number;
}

export interface SocketInfo {
  readonly local: Endpoint;
  readonly remote: Endpoint | undefined;
  readonly state: TcpState;
}

const ZEROS = new Uint8Array(65535);
const key = (localPort: number, ip: Ipv4, port: number) => `${localPort}|${ip}:${port}`;
const peerName = (ip: Ipv4, port: number) => `${formatIpv4(ip)}:${port}`;
export const formatEndpoint = (e: Endpoint) => `${formatIpv4(e.ip)}:${e.port}`;

/** What the client application does once connected: write some bytes, then close (like a one-request HTTP client). */
export interface ClientApp {
  readonly send: number;
  readonly close: boolean;
}

interface ActiveConnection {
  readonly actor: Actor<typeof tcpConnectionMachine>;
  readonly local: Endpoint;
  readonly remote: Endpoint;
  timerGeneration: number;
  app: ClientApp | undefined;
}

interface ListeningSocket {
  readonly listener: TcpListener;
  readonly port: number;
  /** Peer name → the local address the peer reached us on. */
  readonly localOf: Map<string, Endpoint>;
  readonly timerGeneration: Map<string, number>;
  /** Peers whose connection the server application has closed (after the client closed its side). */
  readonly closing: Set<string>;
  /** The server application closes each connection as soon as it is established (a server that hangs up at once). */
  readonly closeAtOnce: boolean;
}

export class TcpStack {
  private readonly active = new Map<string, ActiveConnection>();
  private readonly listeners = new Map<number, ListeningSocket>();
  private nextEphemeral = 49152;
  private connections = 0;

  constructor(
    private readonly host: TcpHost,
    private readonly ctx: SimContext,
  ) {}

  /** A deterministic, random-looking ISS per connection (RFC 6528 asks for unpredictable ones). */
  private iss(): number {
    let h = 0x811c9dc5;
    for (const ch of `${this.host.name}#${this.connections++}`) h = Math.imul(h ^ ch.codePointAt(0)!, 0x01000193);
    return h >>> 0;
  }

  listen(port: number, opts: { backlog?: number; synCookies?: boolean; iss?: number; closeAtOnce?: boolean } = {}): Result<void> {
    if (!Number.isInteger(port) || port < 1 || port > 65535) return err(`a TCP port is 1–65535, got ${port}`);
    if (this.listeners.has(port)) return err(`${this.host.name} already listens on port ${port}`);
    const listener = new TcpListener(opts.iss ?? this.iss(), opts.backlog ?? DEFAULT_BACKLOG, { synCookies: opts.synCookies ?? false });
    this.listeners.set(port, { listener, port, localOf: new Map(), timerGeneration: new Map(), closing: new Set(), closeAtOnce: opts.closeAtOnce ?? false });
    return ok(undefined);
  }

  setSynCookies(port: number, on: boolean): Result<void> {
    const l = this.listeners.get(port);
    if (!l) return err(`${this.host.name} does not listen on port ${port}`);
    l.listener.synCookies = on;
    return ok(undefined);
  }

  connect(dst: Ipv4, dstPort: number, opts: { srcPort?: number; iss?: number; app?: ClientApp } = {}): Result<Endpoint> {
    if (!Number.isInteger(dstPort) || dstPort < 1 || dstPort > 65535) return err(`a TCP port is 1–65535, got ${dstPort}`);
    const src = this.host.sourceFor(dst);
    if (!src.ok) return src;
    const port = opts.srcPort ?? this.ephemeral();
    const k = key(port, dst, dstPort);
    if (this.active.has(k)) return err(`a connection from port ${port} to ${formatIpv4(dst)}:${dstPort} already exists`);
    const actor = createActor(tcpConnectionMachine, { input: { iss: opts.iss ?? this.iss() } }).start();
    const conn: ActiveConnection = { actor, local: { ip: src.value, port }, remote: { ip: dst, port: dstPort }, timerGeneration: 0, app: opts.app };
    this.active.set(k, conn);
    this.drive(conn, { type: 'CONNECT' });
    return ok(conn.local);
  }

  /** An application call on a connection this host opened or accepted, named by its local port and peer. */
  call(localPort: number, remote: Endpoint, call: 'send' | 'close' | 'abort', len = 0): Result<void> {
    const event: TcpEvent = call === 'send' ? { type: 'SEND', len } : call === 'close' ? { type: 'CLOSE' } : { type: 'ABORT' };
    const a = this.active.get(key(localPort, remote.ip, remote.port));
    if (a) {
      const error = this.drive(a, event);
      return error ? err(error) : ok(undefined);
    }
    const l = this.listeners.get(localPort);
    const peer = peerName(remote.ip, remote.port);
    if (l && l.listener.connection(peer) !== 'CLOSED') {
      const error = this.driveAccepted(l, peer, remote, event as Exclude<TcpEvent, { type: 'SEGMENT' }>);
      return error ? err(error) : ok(undefined);
    }
    return err('connection does not exist');
  }

  /**
   * A SYN from a forged source address, as a SYN flood sends (RFC 4987 §2): the attacker keeps
   * no state, and the server's SYN,ACK goes to an address that never answers.
   */
  spoofedSyn(src: Ipv4, srcPort: number, dst: Ipv4, dstPort: number, iss: number): void {
    const note = `a SYN forged to come from ${formatIpv4(src)}: the server will wait for an ACK that never comes`;
    this.ctx.record({ kind: 'tcp', t: this.ctx.now(), device: this.host.name, local: peerName(src, srcPort), remote: peerName(dst, dstPort), from: 'CLOSED', to: 'CLOSED', note, error: undefined });
    this.host.sendTcp(src, dst, toWireSegment(srcPort, dstPort, segment(['SYN'], iss, 0)));
  }

  sockets(): SocketInfo[] {
    const out: SocketInfo[] = [];
    for (const l of this.listeners.values()) {
      const r = l.listener.report();
      if (r.state === 'LISTEN') out.push({ local: { ip: 0 as Ipv4, port: l.port }, remote: undefined, state: 'LISTEN' });
      for (const c of l.listener.connections()) {
        const local = l.localOf.get(c.conn);
        const [ip, port] = c.conn.split(':');
        if (local) out.push({ local, remote: { ip: ipv4(ip!), port: Number(port) }, state: c.state });
      }
    }
    for (const a of this.active.values()) out.push({ local: a.local, remote: a.remote, state: a.actor.getSnapshot().value as TcpState });
    return out;
  }

  listenerReport(port: number) {
    return this.listeners.get(port)?.listener.report();
  }

  private ephemeral(): number {
    const p = this.nextEphemeral;
    this.nextEphemeral = p === 65535 ? 49152 : p + 1;
    return p;
  }

  // ---- arriving segments --------------------------------------------------------------

  receive(src: Ipv4, dst: Ipv4, w: TcpSegment): void {
    const s = toMachineSegment(w);
    const a = this.active.get(key(w.dstPort, src, w.srcPort));
    if (a) {
      this.drive(a, { type: 'SEGMENT', segment: s });
      return;
    }
    const l = this.listeners.get(w.dstPort);
    if (l) {
      const peer = peerName(src, w.srcPort);
      if (!l.localOf.has(peer)) l.localOf.set(peer, { ip: dst, port: w.dstPort });
      const before = l.listener.connection(peer);
      const o = l.listener.segmentArrives(peer, s);
      this.report({ ip: dst, port: w.dstPort }, { ip: src, port: w.srcPort }, before, o.state, o.note, o.error);
      this.emit({ ip: dst, port: w.dstPort }, { ip: src, port: w.srcPort }, o.emits);
      this.afterAccepted(l, peer, { ip: src, port: w.srcPort }, o.state);
      return;
    }
    // No socket: the CLOSED state's rule (§3.10.7.1) answers.
    const o = closedSegmentArrives('CLOSED', initialTcb(0), s);
    this.report({ ip: dst, port: w.dstPort }, { ip: src, port: w.srcPort }, 'CLOSED', 'CLOSED', `nothing listens on port ${w.dstPort}: ${o.note}`);
    this.emit({ ip: dst, port: w.dstPort }, { ip: src, port: w.srcPort }, o.emits);
  }

  // ---- driving connections --------------------------------------------------------------

  private drive(c: ActiveConnection, event: TcpEvent): TcpError | undefined {
    const before = c.actor.getSnapshot().value as TcpState;
    c.actor.send(event);
    const snap = c.actor.getSnapshot();
    const after = snap.value as TcpState;
    const last = snap.context.last!;
    this.report(c.local, c.remote, before, after, last.note, last.error);
    this.emit(c.local, c.remote, last.emits);
    this.arm(after, snap.context.tcb, () => ++c.timerGeneration, () => c.timerGeneration, (ev) => this.drive(c, ev));
    const app = c.app;
    if (after === 'ESTABLISHED' && app) {
      c.app = undefined;
      // The application runs after the handshake's last segment has been sent.
      this.ctx.after(0, () => {
        if (app.send > 0) this.drive(c, { type: 'SEND', len: app.send });
        if (app.close) this.drive(c, { type: 'CLOSE' });
      });
    }
    if (after === 'CLOSED') {
      this.active.delete(key(c.local.port, c.remote.ip, c.remote.port));
      c.actor.stop();
    }
    return last.error;
  }

  private driveAccepted(l: ListeningSocket, peer: string, remote: Endpoint, event: Exclude<TcpEvent, { type: 'SEGMENT' }>): TcpError | undefined {
    const local = l.localOf.get(peer) ?? { ip: 0 as Ipv4, port: l.port };
    const before = l.listener.connection(peer);
    const o = l.listener.toConnection(peer, event);
    this.report(local, remote, before, o.state, o.note, o.error);
    this.emit(local, remote, o.emits);
    this.afterAccepted(l, peer, remote, o.state);
    return o.error;
  }

  private afterAccepted(l: ListeningSocket, peer: string, remote: Endpoint, state: TcpState): void {
    const tcb = l.listener.tcb(peer);
    if (!tcb) {
      l.localOf.delete(peer);
      l.closing.delete(peer);
      return;
    }
    if (state === 'ESTABLISHED' && l.closeAtOnce && !l.closing.has(peer)) {
      // A server that hangs up as soon as the handshake is done: with a client that closes at
      // once too, the two FINs cross on the wire (a simultaneous close, RFC 9293 §3.6).
      l.closing.add(peer);
      this.ctx.after(0, () => this.driveAccepted(l, peer, remote, { type: 'CLOSE' }));
    }
    if (state === 'CLOSE-WAIT' && !l.closing.has(peer)) {
      // The server application sees end-of-file and closes too, as a web server does after its reply.
      l.closing.add(peer);
      this.ctx.after(0, () => this.driveAccepted(l, peer, remote, { type: 'CLOSE' }));
    }
    const gen = () => l.timerGeneration.get(peer) ?? 0;
    const bump = () => {
      const g = gen() + 1;
      l.timerGeneration.set(peer, g);
      return g;
    };
    this.arm(state, tcb, bump, gen, (ev) => this.driveAccepted(l, peer, remote, ev as Exclude<TcpEvent, { type: 'SEGMENT' }>));
  }

  /**
   * (Re)arms the connection's one timer: 2MSL in TIME-WAIT, otherwise retransmission while
   * anything is unacknowledged. A generation number makes a superseded timer a no-op.
   */
  private arm(state: TcpState, tcb: Tcb, bump: () => number, current: () => number, fire: (e: TcpEvent) => void): void {
    const g = bump();
    if (state === 'TIME-WAIT') {
      this.ctx.after(TIME_WAIT_NS, () => current() === g && fire({ type: 'TIMEOUT', timer: '2MSL' }));
    } else if (tcb.unacked.length > 0) {
      const rto = Math.min(RTO_INITIAL_NS * 2 ** tcb.retries, RTO_MAX_NS);
      this.ctx.after(rto, () => current() === g && fire({ type: 'TIMEOUT', timer: 'retransmission' }));
    }
  }

  private report(local: Endpoint, remote: Endpoint, from: TcpState, to: TcpState, note: string, error?: TcpError): void {
    this.ctx.record({
      kind: 'tcp',
      t: this.ctx.now(),
      device: this.host.name,
      local: formatEndpoint(local),
      remote: formatEndpoint(remote),
      from,
      to,
      note,
      error,
    });
  }

  private emit(local: Endpoint, remote: Endpoint, segments: readonly Segment[]): void {
    for (const s of segments) this.host.sendTcp(local.ip, remote.ip, toWireSegment(local.port, remote.port, s));
  }
}

export function toMachineSegment(w: TcpSegment): Segment {
  const flags: TcpFlag[] = [];
  if (w.flags.syn) flags.push('SYN');
  if (w.flags.fin) flags.push('FIN');
  if (w.flags.rst) flags.push('RST');
  if (w.flags.psh) flags.push('PSH');
  if (w.flags.ack) flags.push('ACK');
  return segment(flags, w.seq, w.flags.ack ? w.ack : 0, w.data.length, w.window);
}

export function toWireSegment(srcPort: number, dstPort: number, s: Segment): TcpSegment {
  const has = (f: TcpFlag) => s.flags.includes(f);
  return {
    kind: 'tcp',
    srcPort,
    dstPort,
    seq: s.seq,
    ack: has('ACK') ? s.ack : 0,
    flags: tcpFlags({ syn: has('SYN'), fin: has('FIN'), rst: has('RST'), psh: has('PSH'), ack: has('ACK') }),
    window: Math.min(s.window, 65535),
    urgentPointer: 0,
    options: ZEROS.subarray(0, 0),
    // The game models how many bytes flow, not what they say: payloads are zeros.
    data: ZEROS.subarray(0, s.len),
  };
}
