/**
 * RFC 9293 §3.10 event processing, as pure functions: given a state, the transmission
 * control block and an event, the next state and block, the segments to send and what
 * the application is told. The XState machine (connection-machine.ts) declares which
 * transitions exist; these functions decide which one an event takes. Each outcome carries
 * a note naming the rule applied, which the playground and the verifier show.
 */
import { seqAdd, seqGt, seqInWindow, seqLe, seqLt } from './seq';
import { DEFAULT_WINDOW, has, segLen, segment, type Segment, type TcpError, type TcpFlag, type TcpState, type TcpTimer } from './types';

/** Linux's default MSS on Ethernet: 1500 − 20 (IP) − 20 (TCP). */
export const MSS = 1460;

/** Retransmission limits, Linux's defaults: tcp_syn_retries, tcp_synack_retries, tcp_retries2. */
export const RETRIES = { 'SYN-SENT': 6, 'SYN-RECEIVED': 5, other: 15 } as const;

/** The transmission control block: RFC 9293 §3.3.1's variables and what they need. */
export interface Tcb {
  readonly iss: number;
  readonly irs: number;
  readonly sndUna: number;
  readonly sndNxt: number;
  readonly sndWnd: number;
  readonly rcvNxt: number;
  readonly rcvWnd: number;
  /** Opened by LISTEN: an RST in SYN-RECEIVED returns to LISTEN instead of refusing (§3.10.7.4). */
  readonly passive: boolean;
  /** Bytes the application handed over that are not segmentized yet (before ESTABLISHED, or beyond the window). */
  readonly pending: number;
  /**
   * CLOSE was called but our FIN is not sent yet: it follows the pending data. In SYN-RECEIVED
   * this is the CLOSE queued "for processing after entering ESTABLISHED" (§3.10.4).
   */
  readonly closePending: boolean;
  /** Segments sent and not yet acknowledged, oldest first: what retransmission resends. */
  readonly unacked: readonly Segment[];
  readonly retries: number;
}

export function initialTcb(iss: number): Tcb {
  return {
    iss: iss >>> 0,
    irs: 0,
    sndUna: iss >>> 0,
    sndNxt: iss >>> 0,
    sndWnd: 0,
    rcvNxt: 0,
    rcvWnd: DEFAULT_WINDOW,
    passive: false,
    pending: 0,
    closePending: false,
    unacked: [],
    retries: 0,
  };
}

export interface Outcome {
  readonly state: TcpState;
  readonly tcb: Tcb;
  readonly emits: readonly Segment[];
  readonly error?: TcpError;
  /** Which rule applied, in a sentence: the RFC's reasoning made visible. */
  readonly note: string;
  /** Data bytes newly handed to the application, in order (present only when some were). */
  readonly delivered?: number;
}

const stay = (state: TcpState, tcb: Tcb, note: string, error?: TcpError, emits: readonly Segment[] = []): Outcome =>
  error ? { state, tcb, emits, error, note } : { state, tcb, emits, note };

const ackSeg = (t: Tcb): Segment => segment(['ACK'], t.sndNxt, t.rcvNxt, 0, t.rcvWnd);

const SYNCHRONIZED: readonly TcpState[] = ['ESTABLISHED', 'FIN-WAIT-1', 'FIN-WAIT-2', 'CLOSE-WAIT', 'CLOSING', 'LAST-ACK', 'TIME-WAIT'];

/** Sends what fits: SYN/FIN/data each take sequence space and wait in `unacked` until acknowledged. */
function transmit(t: Tcb, flags: readonly TcpFlag[], len: number): [Tcb, Segment] {
  const seq = flags.includes('SYN') ? t.iss : t.sndNxt;
  const s = segment(flags, seq, flags.includes('ACK') ? t.rcvNxt : 0, len, t.rcvWnd);
  return [{ ...t, sndNxt: seqAdd(seq, segLen(s)), unacked: [...t.unacked, s] }, s];
}

/**
 * Segmentizes pending data into MSS-sized pieces the send window allows, then the FIN if one is
 * due and all data has gone out. A CLOSE queued in SYN-RECEIVED takes effect here, once the
 * connection is ESTABLISHED (or CLOSE-WAIT, when the peer's FIN came with the handshake's ACK).
 */
function flush(state: TcpState, t: Tcb): { state: TcpState; tcb: Tcb; emits: Segment[] } {
  const emits: Segment[] = [];
  let tcb = t;
  for (;;) {
    const inFlight = (tcb.sndNxt - tcb.sndUna) >>> 0;
    const usable = tcb.sndWnd - inFlight;
    if (tcb.pending <= 0 || usable <= 0) break;
    const n = Math.min(tcb.pending, MSS, usable);
    const [next, s] = transmit({ ...tcb, pending: tcb.pending - n }, ['PSH', 'ACK'], n);
    tcb = next;
    emits.push(s);
  }
  if (tcb.closePending) {
    if (state === 'ESTABLISHED') state = 'FIN-WAIT-1';
    else if (state === 'CLOSE-WAIT') state = 'LAST-ACK';
    if (tcb.pending === 0) {
      const [next, fin] = transmit({ ...tcb, closePending: false }, ['FIN', 'ACK'], 0);
      tcb = next;
      emits.push(fin);
    }
  }
  return { state, tcb, emits };
}

/** Our FIN has been sent and everything up to and including it is acknowledged. */
const ourFinAcked = (t: Tcb): boolean => !t.closePending && t.sndUna === t.sndNxt && t.unacked.length === 0;

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

// ---- user calls (§3.10.1–3.10.5) -------------------------------------------------------

export function callListen(state: TcpState, t: Tcb): Outcome {
  if (state === 'CLOSED') return stay('LISTEN', { ...t, passive: true }, 'OPEN (passive): wait for a SYN in LISTEN');
  return stay(state, t, 'OPEN on an existing connection', 'connection already exists');
}

export function callConnect(state: TcpState, t: Tcb): Outcome {
  if (state === 'CLOSED' || state === 'LISTEN') {
    const [tcb, syn] = transmit({ ...t, sndUna: t.iss, sndNxt: t.iss, passive: false, retries: 0 }, ['SYN'], 0);
    return {
      state: 'SYN-SENT',
      tcb,
      emits: [syn],
      note: `OPEN (active): send <SEQ=ISS=${t.iss}><CTL=SYN>; the SYN takes one sequence number, so SND.NXT=${tcb.sndNxt}`,
    };
  }
  return stay(state, t, 'OPEN on an existing connection', 'connection already exists');
}

export function callSend(state: TcpState, t: Tcb, len: number): Outcome {
  switch (state) {
    case 'CLOSED':
      return stay(state, t, 'SEND with no connection', 'connection does not exist');
    case 'LISTEN':
      return stay(state, t, 'SEND in LISTEN: the remote end is not known yet', 'foreign socket unspecified');
    case 'SYN-SENT':
    case 'SYN-RECEIVED':
      if (t.closePending) return stay(state, t, `SEND in ${state} after CLOSE: this side already closed`, 'connection closing');
      if (len <= 0) return stay(state, t, 'SEND of no bytes: nothing to queue');
      return stay(state, { ...t, pending: t.pending + len }, `SEND before ESTABLISHED: ${len} bytes queued until the handshake completes`);
    case 'ESTABLISHED':
    case 'CLOSE-WAIT': {
      if (len <= 0) return stay(state, t, 'SEND of no bytes: nothing to send');
      const f = flush(state, { ...t, pending: t.pending + len });
      const sent = f.emits.reduce((n, s) => n + s.len, 0);
      const waiting = f.tcb.pending;
      const note =
        sent === 0
          ? `SEND: the peer's window is full; ${len} bytes wait for ACKs (${waiting} queued)`
          : waiting === 0
            ? `SEND: ${sent} bytes in ${plural(f.emits.length, 'segment')} of at most MSS=${MSS} from SEQ=${t.sndNxt}; SND.NXT advances by the data length to ${f.tcb.sndNxt}`
            : `SEND: ${sent} bytes fit the peer's window now (SEQ=${t.sndNxt}..${seqAdd(f.tcb.sndNxt, -1)}); ${waiting} wait for ACKs`;
      return { state: f.state, tcb: f.tcb, emits: f.emits, note };
    }
    default:
      return stay(state, t, `SEND in ${state}: this side already closed`, 'connection closing');
  }
}

export function callClose(state: TcpState, t: Tcb): Outcome {
  switch (state) {
    case 'CLOSED':
      return stay(state, t, 'CLOSE with no connection', 'connection does not exist');
    case 'LISTEN':
    case 'SYN-SENT':
      return stay('CLOSED', initialTcb(t.iss), `CLOSE in ${state}: nothing was synchronized, so the connection is simply deleted`);
    case 'SYN-RECEIVED': {
      if (t.closePending) return stay(state, t, 'CLOSE again: the first CLOSE is already queued', 'connection closing');
      if (t.pending > 0) {
        return stay(state, { ...t, closePending: true }, `CLOSE in SYN-RECEIVED with ${t.pending} bytes queued: the data, then the FIN, go out once ESTABLISHED`);
      }
      const [tcb, fin] = transmit(t, ['FIN', 'ACK'], 0);
      return { state: 'FIN-WAIT-1', tcb, emits: [fin], note: `CLOSE in SYN-RECEIVED: send FIN (SEQ=${fin.seq}), enter FIN-WAIT-1` };
    }
    case 'ESTABLISHED':
    case 'CLOSE-WAIT': {
      // §3.10.4: the FIN is queued behind pending data, but the state changes at once (Linux's
      // tcp_close does the same), so a later SEND is refused with "connection closing".
      const f = flush(state, { ...t, closePending: true });
      const fin = f.emits.find((s) => has(s, 'FIN'));
      const to = f.state;
      const note = !fin
        ? `CLOSE: enter ${to}; ${f.tcb.pending} bytes still wait for the peer's window and the FIN follows them`
        : state === 'CLOSE-WAIT'
          ? `CLOSE in CLOSE-WAIT: send our FIN (SEQ=${fin.seq}), enter LAST-ACK to wait for its ACK`
          : `CLOSE: send FIN (SEQ=${fin.seq}; it takes one sequence number), enter FIN-WAIT-1`;
      return { state: to, tcb: f.tcb, emits: f.emits, note };
    }
    default:
      return stay(state, t, `CLOSE in ${state}: already closing`, 'connection closing');
  }
}

export function callAbort(state: TcpState, t: Tcb): Outcome {
  switch (state) {
    case 'CLOSED':
      return stay(state, t, 'ABORT with no connection', 'connection does not exist');
    case 'LISTEN':
    case 'SYN-SENT':
    case 'CLOSING':
    case 'LAST-ACK':
    case 'TIME-WAIT':
      return stay('CLOSED', initialTcb(t.iss), `ABORT in ${state}: delete the connection, no RST needed`);
    default: {
      const rst = segment(['RST'], t.sndNxt, 0, 0, 0);
      return { state: 'CLOSED', tcb: initialTcb(t.iss), emits: [rst], note: `ABORT: send <SEQ=SND.NXT=${t.sndNxt}><CTL=RST> and delete the connection` };
    }
  }
}

// ---- SEGMENT ARRIVES (§3.10.7) ------------------------------------------------------------

export function segmentArrives(state: TcpState, t: Tcb, s: Segment): Outcome {
  if (state === 'CLOSED') return inClosed(t, s);
  if (state === 'LISTEN') return inListen(t, s);
  if (state === 'SYN-SENT') return inSynSent(t, s);
  return inSynchronized(state, t, s);
}

/** §3.10.7.1: everything is answered with a reset, except a reset. */
function inClosed(t: Tcb, s: Segment): Outcome {
  if (has(s, 'RST')) return stay('CLOSED', t, 'CLOSED: an incoming RST is discarded (a reset is never answered)');
  if (has(s, 'ACK')) {
    return stay('CLOSED', t, `CLOSED: no connection; answer <SEQ=SEG.ACK=${s.ack}><CTL=RST>`, undefined, [segment(['RST'], s.ack, 0, 0, 0)]);
  }
  const ack = seqAdd(s.seq, segLen(s));
  return stay('CLOSED', t, `CLOSED: no connection; answer <SEQ=0><ACK=SEG.SEQ+SEG.LEN=${ack}><CTL=RST,ACK>`, undefined, [segment(['RST', 'ACK'], 0, ack, 0, 0)]);
}

/** §3.10.7.2. */
function inListen(t: Tcb, s: Segment): Outcome {
  if (has(s, 'RST')) return stay('LISTEN', t, 'LISTEN: an RST is ignored (§3.10.7.2)');
  if (has(s, 'ACK')) {
    return stay('LISTEN', t, `LISTEN: an ACK cannot be for anything here; answer <SEQ=SEG.ACK=${s.ack}><CTL=RST>`, undefined, [segment(['RST'], s.ack, 0, 0, 0)]);
  }
  if (has(s, 'SYN')) {
    // Data on a SYN is not acknowledged (no TCP Fast Open, as Linux without it): RCV.NXT covers the SYN only.
    const base: Tcb = { ...t, irs: s.seq, rcvNxt: seqAdd(s.seq, 1), sndWnd: s.window, sndUna: t.iss, sndNxt: t.iss, retries: 0 };
    const [tcb, synAck] = transmit(base, ['SYN', 'ACK'], 0);
    return {
      state: 'SYN-RECEIVED',
      tcb,
      emits: [synAck],
      note: `LISTEN + SYN: IRS=${s.seq}, RCV.NXT=${tcb.rcvNxt}; answer <SEQ=ISS=${t.iss}><ACK=${tcb.rcvNxt}><CTL=SYN,ACK>, enter SYN-RECEIVED`,
    };
  }
  return stay('LISTEN', t, 'LISTEN: a segment with neither SYN, ACK nor RST is dropped');
}

/** §3.10.7.3. */
function inSynSent(t: Tcb, s: Segment): Outcome {
  let ackAcceptable = false;
  if (has(s, 'ACK')) {
    if (seqLe(s.ack, t.iss) || seqGt(s.ack, t.sndNxt)) {
      if (has(s, 'RST')) return stay('SYN-SENT', t, 'SYN-SENT: an RST with an unacceptable ACK is dropped');
      return stay(
        'SYN-SENT',
        t,
        `SYN-SENT: ACK=${s.ack} does not acknowledge our SYN (it must be ${t.sndNxt}); answer <SEQ=SEG.ACK=${s.ack}><CTL=RST> and drop it`,
        undefined,
        [segment(['RST'], s.ack, 0, 0, 0)],
      );
    }
    ackAcceptable = seqLt(t.sndUna, s.ack) && seqLe(s.ack, t.sndNxt);
  }
  if (has(s, 'RST')) {
    // RFC 9293 words this "connection reset"; Linux reports ECONNREFUSED ("Connection refused"),
    // which is what a learner's connect() shows, so the game follows Linux.
    if (ackAcceptable) return stay('CLOSED', initialTcb(t.iss), 'SYN-SENT + RST acknowledging our SYN: the peer refuses the connection', 'connection refused');
    return stay('SYN-SENT', t, 'SYN-SENT: an RST without an ACK of our SYN is dropped');
  }
  if (!has(s, 'SYN')) return stay('SYN-SENT', t, 'SYN-SENT: without SYN or RST the segment is dropped');
  let tcb: Tcb = { ...t, irs: s.seq, rcvNxt: seqAdd(s.seq, 1), sndWnd: s.window };
  if (ackAcceptable) tcb = { ...tcb, sndUna: s.ack, unacked: tcb.unacked.filter((u) => seqGt(seqAdd(u.seq, segLen(u)), s.ack)), retries: 0 };
  if (seqGt(tcb.sndUna, tcb.iss)) {
    // The third segment of the handshake is a pure ACK, no SYN. The RFC lets queued data ride
    // on it; Linux sends the bare ACK and the data after it, and so does the game.
    const ack = ackSeg(tcb);
    const f = flush('ESTABLISHED', tcb);
    const data = f.emits.length > 0 ? `, then the ${f.emits.reduce((n, x) => n + x.len, 0)} queued bytes` : '';
    return {
      state: f.state,
      tcb: f.tcb,
      emits: [ack, ...f.emits],
      note: `SYN-SENT + SYN,ACK: our SYN is acknowledged, IRS=${s.seq}; answer <SEQ=${ack.seq}><ACK=${ack.ack}><CTL=ACK> (no SYN)${data}, and enter ESTABLISHED`,
    };
  }
  // Simultaneous open: their SYN crossed ours.
  const synAck = segment(['SYN', 'ACK'], tcb.iss, tcb.rcvNxt, 0, tcb.rcvWnd);
  return {
    state: 'SYN-RECEIVED',
    tcb: { ...tcb, unacked: [synAck], retries: 0 },
    emits: [synAck],
    note: `SYN-SENT + SYN without ACK: a simultaneous open; IRS=${s.seq}; answer <SEQ=ISS=${tcb.iss}><ACK=${tcb.rcvNxt}><CTL=SYN,ACK>, enter SYN-RECEIVED`,
  };
}

/**
 * The acceptability test of §3.10.7.4, first check. One Linux departure (tcp_sequence): a segment
 * without data may start exactly at the right edge, RCV.NXT+RCV.WND. A peer that filled our window
 * sends its ACKs from there; refusing them makes both ends answer each other's ACKs with ACKs forever
 * when both windows are full of lost data.
 */
function acceptable(t: Tcb, s: Segment): boolean {
  const len = segLen(s);
  if (len === 0) return t.rcvWnd === 0 ? s.seq === t.rcvNxt : seqInWindow(s.seq, t.rcvNxt, t.rcvWnd) || s.seq === seqAdd(t.rcvNxt, t.rcvWnd);
  if (t.rcvWnd === 0) return false;
  return seqInWindow(s.seq, t.rcvNxt, t.rcvWnd) || seqInWindow(seqAdd(s.seq, len - 1), t.rcvNxt, t.rcvWnd);
}

/** A copy of our SYN,ACK carrying the current acknowledgement. */
const synAckAgain = (t: Tcb): Segment => segment(['SYN', 'ACK'], t.iss, t.rcvNxt, 0, t.rcvWnd);

/** §3.10.7.4: SYN-RECEIVED and the synchronized states, in the RFC's order of checks. */
function inSynchronized(state: TcpState, t: Tcb, s: Segment): Outcome {
  // Before the checks, two SYN-RECEIVED cases where the RFC's text and practice differ.
  if (state === 'SYN-RECEIVED' && has(s, 'SYN') && !has(s, 'RST') && s.seq === t.irs) {
    if (!has(s, 'ACK') && t.passive) {
      // The peer retransmitted its SYN: our SYN,ACK was probably lost. The RFC's first check
      // would answer with a bare ACK; Linux resends the SYN,ACK, and so does the game.
      return stay(state, t, `SYN-RECEIVED: the peer's SYN again (SEQ=IRS=${t.irs}): our SYN,ACK may be lost, so send it again`, undefined, [synAckAgain(t)]);
    }
    if (has(s, 'ACK') && !t.passive && seqLt(t.sndUna, s.ack) && seqLe(s.ack, t.sndNxt)) {
      // Simultaneous open, the peer's SYN,ACK: it repeats the SYN we already have and acknowledges
      // ours. RFC 9293's figure (§3.5) goes straight to ESTABLISHED although the first check would
      // call the segment unacceptable; Linux accepts it (tcp_validate_incoming), as does the game.
      const tcb: Tcb = { ...t, sndUna: s.ack, sndWnd: s.window, unacked: t.unacked.filter((u) => seqGt(seqAdd(u.seq, segLen(u)), s.ack)), retries: 0 };
      const f = flush('ESTABLISHED', tcb);
      const data = f.emits.length > 0 ? `; send the ${f.emits.reduce((n, x) => n + x.len, 0)} queued bytes` : '; nothing more to send, both SYNs are acknowledged';
      return { state: f.state, tcb: f.tcb, emits: f.emits, note: `SYN-RECEIVED + SYN,ACK acknowledging our SYN (simultaneous open): enter ESTABLISHED${data}` };
    }
  }
  // First: the sequence number.
  if (!acceptable(t, s)) {
    if (has(s, 'RST')) return stay(state, t, `${state}: an RST outside the window is dropped`);
    const note =
      state === 'TIME-WAIT' && has(s, 'FIN')
        ? 'TIME-WAIT: the peer retransmitted its FIN (our ACK was lost): acknowledge it again and restart the 2MSL timer'
        : `${state}: SEQ=${s.seq} (length ${segLen(s)}) is outside the receive window [${t.rcvNxt}, ${seqAdd(t.rcvNxt, t.rcvWnd)}): answer with an ACK and drop it`;
    return stay(state, t, note, undefined, [ackSeg(t)]);
  }
  // Second: RST. RFC 5961 §3 (adopted by RFC 9293, and what Linux does): only an exact SEQ=RCV.NXT resets; an in-window one gets a challenge ACK.
  if (has(s, 'RST')) {
    if (s.seq !== t.rcvNxt) {
      return stay(state, t, `${state}: RST with SEQ=${s.seq}≠RCV.NXT=${t.rcvNxt} but in the window: send a challenge ACK instead of resetting (RFC 5961 §3)`, undefined, [
        ackSeg(t),
      ]);
    }
    if (state === 'SYN-RECEIVED') {
      if (t.passive) return stay('LISTEN', { ...initialTcb(t.iss), passive: true }, 'SYN-RECEIVED + RST, opened passively: return to LISTEN');
      return stay('CLOSED', initialTcb(t.iss), 'SYN-RECEIVED + RST, opened actively: the connection was refused', 'connection refused');
    }
    if (state === 'CLOSING' || state === 'LAST-ACK' || state === 'TIME-WAIT') return stay('CLOSED', initialTcb(t.iss), `${state} + RST: delete the connection`);
    return stay('CLOSED', initialTcb(t.iss), `${state} + RST: the peer reset the connection`, 'connection reset');
  }
  // Fourth: SYN.
  if (has(s, 'SYN')) {
    if (state === 'SYN-RECEIVED' && t.passive) return stay('LISTEN', { ...initialTcb(t.iss), passive: true }, 'SYN-RECEIVED + a new SYN in the window, opened passively: return to LISTEN');
    return stay(state, t, `${state}: a SYN on a synchronized connection gets a challenge ACK (RFC 5961 §4, as Linux does)`, undefined, [ackSeg(t)]);
  }
  // Fifth: ACK.
  if (!has(s, 'ACK')) return stay(state, t, `${state}: a segment without ACK is dropped`);
  let tcb = t;
  let next: TcpState = state;
  const notes: string[] = [];
  if (state === 'SYN-RECEIVED') {
    if (!(seqLt(t.sndUna, s.ack) && seqLe(s.ack, t.sndNxt))) {
      return stay(state, t, `SYN-RECEIVED: ACK=${s.ack} does not acknowledge our SYN,ACK; answer <SEQ=SEG.ACK=${s.ack}><CTL=RST>`, undefined, [segment(['RST'], s.ack, 0, 0, 0)]);
    }
    next = 'ESTABLISHED';
    notes.push('ACK of our SYN: enter ESTABLISHED');
  }
  if (seqGt(s.ack, tcb.sndNxt)) {
    return stay(state, t, `${state}: ACK=${s.ack} acknowledges data never sent (SND.NXT=${t.sndNxt}); answer with an ACK and drop it`, undefined, [ackSeg(t)]);
  }
  if (seqLt(tcb.sndUna, s.ack)) {
    tcb = { ...tcb, sndUna: s.ack, sndWnd: s.window, unacked: tcb.unacked.filter((u) => seqGt(seqAdd(u.seq, segLen(u)), s.ack)), retries: 0 };
    if (state !== 'SYN-RECEIVED') notes.push(`ACK=${s.ack}: SND.UNA advances`);
  } else if (s.ack === tcb.sndUna) {
    tcb = { ...tcb, sndWnd: s.window };
  }
  if ((next === 'FIN-WAIT-1' || next === 'CLOSING' || next === 'LAST-ACK') && ourFinAcked(tcb)) {
    if (next === 'FIN-WAIT-1') {
      next = 'FIN-WAIT-2';
      notes.push('our FIN is acknowledged: FIN-WAIT-1 → FIN-WAIT-2');
    } else if (next === 'CLOSING') {
      next = 'TIME-WAIT';
      notes.push('our FIN is acknowledged: CLOSING → TIME-WAIT (wait 2MSL)');
    } else {
      return stay('CLOSED', initialTcb(t.iss), 'LAST-ACK + ACK of our FIN: the connection is closed');
    }
  }
  if (state === 'TIME-WAIT' && !has(s, 'FIN')) return stay(state, tcb, 'TIME-WAIT: only a retransmitted FIN is expected; ignored');
  // Seventh: the data.
  let needAck = false;
  let delivered = 0;
  if (s.len > 0) {
    if (next === 'ESTABLISHED' || next === 'FIN-WAIT-1' || next === 'FIN-WAIT-2') {
      if (seqLe(s.seq, tcb.rcvNxt)) {
        const end = seqAdd(s.seq, s.len);
        if (seqGt(end, tcb.rcvNxt)) {
          delivered = (end - tcb.rcvNxt) >>> 0;
          tcb = { ...tcb, rcvNxt: end };
        }
        needAck = true;
        notes.push(`${delivered} bytes accepted; RCV.NXT=${tcb.rcvNxt}`);
      } else {
        // Linux would keep it in its out-of-order queue; the game asks again instead (a duplicate ACK).
        needAck = true;
        notes.push(`data at SEQ=${s.seq} arrived ahead of RCV.NXT=${tcb.rcvNxt}: dropped, answer with a duplicate ACK`);
      }
    } else {
      notes.push(`data after the peer's FIN is ignored in ${next}`);
    }
  }
  // Eighth: FIN, only when it is the next thing expected.
  let error: TcpError | undefined;
  const finAlreadyReceived = next === 'CLOSE-WAIT' || next === 'CLOSING' || next === 'LAST-ACK' || next === 'TIME-WAIT';
  if (has(s, 'FIN') && finAlreadyReceived) {
    // The peer's FIN was already counted in RCV.NXT; a second one changes nothing (Linux's tcp_fin "does nothing"). Acknowledge.
    needAck = true;
    notes.push(next === 'TIME-WAIT' ? 'a FIN again: acknowledge it and restart the 2MSL timer' : `the peer's FIN was already received; acknowledge it again and stay in ${next}`);
  } else if (has(s, 'FIN') && seqAdd(s.seq, s.len) === tcb.rcvNxt) {
    tcb = { ...tcb, rcvNxt: seqAdd(tcb.rcvNxt, 1) };
    needAck = true;
    error = 'connection closing';
    if (next === 'ESTABLISHED') {
      next = 'CLOSE-WAIT';
      notes.push('FIN received: acknowledge it and enter CLOSE-WAIT (the application is told the peer has closed)');
    } else if (next === 'FIN-WAIT-1') {
      next = 'CLOSING';
      notes.push('FIN received before our FIN was acknowledged: a simultaneous close, enter CLOSING');
    } else if (next === 'FIN-WAIT-2') {
      // A FIN that also acknowledged our FIN moved FIN-WAIT-1 to FIN-WAIT-2 above, and now to TIME-WAIT.
      next = 'TIME-WAIT';
      notes.push('FIN received: acknowledge it and enter TIME-WAIT for 2MSL');
    }
  } else if (has(s, 'FIN')) {
    notes.push(`the FIN at SEQ=${seqAdd(s.seq, s.len)} is not next (RCV.NXT=${tcb.rcvNxt}); ignored for now`);
  }
  const out: Segment[] = [];
  if (tcb.pending > 0 || tcb.closePending) {
    // An ACK may have opened the peer's window, or the handshake completed: send what waits.
    const f = next === 'ESTABLISHED' || next === 'CLOSE-WAIT' || next === 'FIN-WAIT-1' || next === 'CLOSING' || next === 'LAST-ACK' ? flush(next, tcb) : undefined;
    if (f && f.emits.length > 0) {
      const sent = f.emits.reduce((n, x) => n + x.len, 0);
      const fin = f.emits.some((x) => has(x, 'FIN'));
      notes.push(`send ${sent > 0 ? `${sent} waiting bytes` : ''}${sent > 0 && fin ? ' and ' : ''}${fin ? 'our FIN' : ''}${f.state !== next ? `, enter ${f.state}` : ''}`);
    } else if (f && f.state !== next) {
      notes.push(`the queued CLOSE takes effect: enter ${f.state}`);
    }
    if (f) {
      next = f.state;
      tcb = f.tcb;
      out.push(...f.emits);
    }
  }
  // Any segment we send carries the current acknowledgement, so a separate ACK is only needed when nothing else goes out.
  if (needAck && out.length === 0) out.push(ackSeg(tcb));
  const note = notes.length > 0 ? `${state}: ${notes.join('; ')}` : `${state}: ACK=${s.ack} processed; SND.UNA=${tcb.sndUna}`;
  const o: Outcome = { state: next, tcb, emits: out, note };
  return { ...o, ...(error ? { error } : {}), ...(delivered > 0 ? { delivered } : {}) };
}

// ---- timeouts (§3.10.8) ---------------------------------------------------------------------

export function timeout(state: TcpState, t: Tcb, timer: TcpTimer): Outcome {
  if (timer === 'user') {
    if (state === 'CLOSED') return stay(state, t, 'user timeout with no connection: nothing happens');
    return stay('CLOSED', initialTcb(t.iss), 'USER TIMEOUT: flush everything and delete the connection', 'connection aborted due to user timeout');
  }
  if (timer === '2MSL') {
    if (state === 'TIME-WAIT') return stay('CLOSED', initialTcb(t.iss), 'TIME-WAIT lasted 2MSL: any delayed segment of this connection has died out; delete it');
    return stay(state, t, `the 2MSL timer runs only in TIME-WAIT, not ${state}`);
  }
  const first = t.unacked[0];
  if (!first) return stay(state, t, `${state}: nothing unacknowledged, so no retransmission timer is running`);
  const limit = state === 'SYN-SENT' ? RETRIES['SYN-SENT'] : state === 'SYN-RECEIVED' ? RETRIES['SYN-RECEIVED'] : RETRIES.other;
  if (t.retries >= limit) {
    if (state === 'SYN-RECEIVED' && t.passive) {
      // Linux drops the half-open request after tcp_synack_retries and keeps listening; no application was told of it.
      return stay('LISTEN', { ...initialTcb(t.iss), passive: true }, `SYN-RECEIVED: ${limit} retransmissions of our SYN,ACK went unanswered; forget the half-open connection and keep listening (as Linux does)`);
    }
    return stay('CLOSED', initialTcb(t.iss), `${state}: ${limit} retransmissions went unanswered; give up (Linux's limit)`, 'connection aborted due to user timeout');
  }
  // The resent segment carries the current acknowledgement.
  const again = has(first, 'ACK') ? segment(first.flags, first.seq, t.rcvNxt, first.len, t.rcvWnd) : first;
  return stay(state, { ...t, retries: t.retries + 1 }, `${state}: retransmission timeout; resend the oldest unacknowledged segment, SEQ=${first.seq} (retransmission ${t.retries + 1} of ${limit})`, undefined, [again]);
}

/** The synchronized states, for callers that need to know (e.g. the listener). */
export const isSynchronized = (s: TcpState): boolean => SYNCHRONIZED.includes(s);
