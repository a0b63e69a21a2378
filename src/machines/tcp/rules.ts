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
  /** CLOSE asked for while data was still pending: the FIN follows the data. */
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

/** Segmentizes pending data into MSS-sized pieces the send window allows, then the FIN if one is due. */
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
  if (tcb.closePending && tcb.pending === 0) {
    const [next, fin] = transmit({ ...tcb, closePending: false }, ['FIN', 'ACK'], 0);
    tcb = next;
    emits.push(fin);
    state = state === 'CLOSE-WAIT' ? 'LAST-ACK' : 'FIN-WAIT-1';
  }
  return { state, tcb, emits };
}

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
      return stay(state, { ...t, pending: t.pending + len }, `SEND before ESTABLISHED: ${len} bytes queued until the handshake completes`);
    case 'ESTABLISHED':
    case 'CLOSE-WAIT': {
      const f = flush(state, { ...t, pending: t.pending + len });
      const sent = f.emits.reduce((n, s) => n + s.len, 0);
      const note =
        sent === len
          ? `SEND: ${len} bytes in ${f.emits.length} segment${f.emits.length === 1 ? '' : 's'} from SEQ=${t.sndNxt}; SND.NXT advances by the data length to ${f.tcb.sndNxt}`
          : `SEND: ${sent} of ${len} bytes fit the peer's window now; the rest waits for ACKs`;
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
    case 'SYN-RECEIVED':
    case 'ESTABLISHED':
    case 'CLOSE-WAIT': {
      if (state === 'SYN-RECEIVED' && t.pending > 0) {
        return stay(state, { ...t, closePending: true }, 'CLOSE in SYN-RECEIVED with data queued: the FIN waits until ESTABLISHED');
      }
      if (state === 'SYN-RECEIVED') {
        const [tcb, fin] = transmit(t, ['FIN', 'ACK'], 0);
        return { state: 'FIN-WAIT-1', tcb, emits: [fin], note: 'CLOSE in SYN-RECEIVED: send FIN, enter FIN-WAIT-1' };
      }
      const f = flush(state, { ...t, closePending: true });
      const finSeq = (f.tcb.sndNxt - 1) >>> 0;
      const note =
        f.state === state
          ? `CLOSE: ${f.tcb.pending} bytes still wait for the peer's window; the FIN follows them`
          : state === 'CLOSE-WAIT'
            ? `CLOSE in CLOSE-WAIT: send our FIN (SEQ=${finSeq}), enter LAST-ACK to wait for its ACK`
            : `CLOSE: send FIN (SEQ=${finSeq}; it takes one sequence number), enter FIN-WAIT-1`;
      return { state: f.state, tcb: f.tcb, emits: f.emits, note };
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
  if (has(s, 'RST')) return stay('CLOSED', t, 'CLOSED: an incoming RST is discarded');
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
        `SYN-SENT: ACK=${s.ack} does not acknowledge our SYN (it must be ${t.sndNxt}); answer <SEQ=SEG.ACK><CTL=RST> and drop it`,
        undefined,
        [segment(['RST'], s.ack, 0, 0, 0)],
      );
    }
    ackAcceptable = seqLt(t.sndUna, s.ack) && seqLe(s.ack, t.sndNxt);
  }
  if (has(s, 'RST')) {
    if (ackAcceptable) return stay('CLOSED', initialTcb(t.iss), 'SYN-SENT + RST acknowledging our SYN: the peer refuses the connection', 'connection refused');
    return stay('SYN-SENT', t, 'SYN-SENT: an RST without an acceptable ACK is dropped');
  }
  if (!has(s, 'SYN')) return stay('SYN-SENT', t, 'SYN-SENT: without SYN or RST the segment is dropped');
  let tcb: Tcb = { ...t, irs: s.seq, rcvNxt: seqAdd(s.seq, 1), sndWnd: s.window };
  if (ackAcceptable) tcb = { ...tcb, sndUna: s.ack, unacked: tcb.unacked.filter((u) => seqGt(seqAdd(u.seq, segLen(u)), s.ack)), retries: 0 };
  if (seqGt(tcb.sndUna, tcb.iss)) {
    const f = flush('ESTABLISHED', tcb);
    const ack = ackSeg(f.tcb);
    // The ACK carries no SYN: the third segment of the handshake is a pure ACK (plus any queued data).
    return {
      state: f.state,
      tcb: f.tcb,
      emits: f.emits.length > 0 ? f.emits : [ack],
      note: `SYN-SENT + SYN,ACK: our SYN is acknowledged; answer <SEQ=${ack.seq}><ACK=${ack.ack}><CTL=ACK> and enter ESTABLISHED`,
    };
  }
  // Simultaneous open: their SYN crossed ours.
  const synAck = segment(['SYN', 'ACK'], tcb.iss, tcb.rcvNxt, 0, tcb.rcvWnd);
  return {
    state: 'SYN-RECEIVED',
    tcb: { ...tcb, unacked: [synAck] },
    emits: [synAck],
    note: `SYN-SENT + SYN without ACK: a simultaneous open; answer <SEQ=ISS><ACK=${tcb.rcvNxt}><CTL=SYN,ACK>, enter SYN-RECEIVED`,
  };
}

/** The acceptability test of §3.10.7.4, first check. */
function acceptable(t: Tcb, s: Segment): boolean {
  const len = segLen(s);
  if (len === 0) return t.rcvWnd === 0 ? s.seq === t.rcvNxt : seqInWindow(s.seq, t.rcvNxt, t.rcvWnd);
  if (t.rcvWnd === 0) return false;
  return seqInWindow(s.seq, t.rcvNxt, t.rcvWnd) || seqInWindow(seqAdd(s.seq, len - 1), t.rcvNxt, t.rcvWnd);
}

/** §3.10.7.4: SYN-RECEIVED and the synchronized states, in the RFC's order of checks. */
function inSynchronized(state: TcpState, t: Tcb, s: Segment): Outcome {
  // First: the sequence number.
  if (!acceptable(t, s)) {
    if (has(s, 'RST')) return stay(state, t, `${state}: an RST outside the window is dropped`);
    const note =
      state === 'TIME-WAIT' && has(s, 'FIN')
        ? 'TIME-WAIT: the peer retransmitted its FIN (our ACK was lost): acknowledge it again and restart the 2MSL timer'
        : `${state}: SEQ=${s.seq} is outside the receive window [${t.rcvNxt}, ${seqAdd(t.rcvNxt, t.rcvWnd)}): answer with an ACK and drop it`;
    return stay(state, t, note, undefined, [ackSeg(t)]);
  }
  // Second: RST. RFC 5961 §3 (adopted by RFC 9293, and what Linux does): only an exact SEQ=RCV.NXT resets; an in-window one gets a challenge ACK.
  if (has(s, 'RST')) {
    if (s.seq !== t.rcvNxt) return stay(state, t, `${state}: RST with SEQ≠RCV.NXT: send a challenge ACK instead of resetting (RFC 5961)`, undefined, [ackSeg(t)]);
    if (state === 'SYN-RECEIVED') {
      if (t.passive) return stay('LISTEN', { ...initialTcb(t.iss), passive: true }, 'SYN-RECEIVED + RST, opened passively: return to LISTEN');
      return stay('CLOSED', initialTcb(t.iss), 'SYN-RECEIVED + RST, opened actively: the connection was refused', 'connection refused');
    }
    if (state === 'CLOSING' || state === 'LAST-ACK' || state === 'TIME-WAIT') return stay('CLOSED', initialTcb(t.iss), `${state} + RST: delete the connection`);
    return stay('CLOSED', initialTcb(t.iss), `${state} + RST: the peer reset the connection`, 'connection reset');
  }
  // Fourth: SYN.
  if (has(s, 'SYN')) {
    if (state === 'SYN-RECEIVED' && t.passive) return stay('LISTEN', { ...initialTcb(t.iss), passive: true }, 'SYN-RECEIVED + SYN, opened passively: return to LISTEN');
    return stay(state, t, `${state}: a SYN on a synchronized connection gets a challenge ACK (RFC 5961 §4, as Linux does)`, undefined, [ackSeg(t)]);
  }
  // Fifth: ACK.
  if (!has(s, 'ACK')) return stay(state, t, `${state}: a segment without ACK is dropped`);
  let tcb = t;
  let next: TcpState = state;
  const notes: string[] = [];
  if (state === 'SYN-RECEIVED') {
    if (!(seqLt(t.sndUna, s.ack) && seqLe(s.ack, t.sndNxt))) {
      return stay(state, t, `SYN-RECEIVED: ACK=${s.ack} does not acknowledge our SYN,ACK; answer <SEQ=SEG.ACK><CTL=RST>`, undefined, [segment(['RST'], s.ack, 0, 0, 0)]);
    }
    next = 'ESTABLISHED';
    notes.push('SYN-RECEIVED + ACK of our SYN: enter ESTABLISHED');
  }
  if (next !== 'SYN-RECEIVED') {
    if (seqGt(s.ack, tcb.sndNxt)) {
      return stay(state, t, `${state}: ACK=${s.ack} acknowledges data never sent (SND.NXT=${t.sndNxt}); answer with an ACK and drop it`, undefined, [ackSeg(t)]);
    }
    if (seqLt(tcb.sndUna, s.ack)) {
      tcb = { ...tcb, sndUna: s.ack, sndWnd: s.window, unacked: tcb.unacked.filter((u) => seqGt(seqAdd(u.seq, segLen(u)), s.ack)), retries: 0 };
    } else if (s.ack === tcb.sndUna) {
      tcb = { ...tcb, sndWnd: s.window };
    }
    const finAcked = tcb.sndUna === tcb.sndNxt && tcb.unacked.length === 0;
    const ourFinSent = next === 'FIN-WAIT-1' || next === 'CLOSING' || next === 'LAST-ACK';
    if (ourFinSent && finAcked) {
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
    if (next === 'TIME-WAIT' && state === 'TIME-WAIT' && !has(s, 'FIN')) return stay(state, tcb, 'TIME-WAIT: only a retransmitted FIN is expected; ignored');
  }
  // Seventh: the data.
  let needAck = false;
  if (s.len > 0) {
    if (next === 'ESTABLISHED' || next === 'FIN-WAIT-1' || next === 'FIN-WAIT-2') {
      if (s.seq === tcb.rcvNxt || seqLt(s.seq, tcb.rcvNxt)) {
        const end = seqAdd(s.seq, s.len);
        if (seqGt(end, tcb.rcvNxt)) tcb = { ...tcb, rcvNxt: end };
        needAck = true;
        notes.push(`${s.len} bytes accepted; RCV.NXT=${tcb.rcvNxt}`);
      } else {
        // Linux would keep it in its out-of-order queue; the game asks again instead (a duplicate ACK).
        return stay(next, tcb, `${next}: data at SEQ=${s.seq} arrived ahead of RCV.NXT=${tcb.rcvNxt}; answer with a duplicate ACK`, undefined, [ackSeg(tcb)]);
      }
    } else {
      notes.push(`data after the peer's FIN is ignored in ${next}`);
    }
  }
  // Eighth: FIN, only when it is the next thing expected.
  let error: TcpError | undefined;
  if (has(s, 'FIN') && seqAdd(s.seq, s.len) === tcb.rcvNxt) {
    tcb = { ...tcb, rcvNxt: seqAdd(tcb.rcvNxt, 1) };
    needAck = true;
    error = 'connection closing';
    if (next === 'SYN-RECEIVED' || next === 'ESTABLISHED') {
      next = 'CLOSE-WAIT';
      notes.push('FIN received: acknowledge it and enter CLOSE-WAIT (the application is told the peer has closed)');
    } else if (next === 'FIN-WAIT-1') {
      next = 'CLOSING';
      notes.push('FIN received before our FIN was acknowledged: a simultaneous close, enter CLOSING');
    } else if (next === 'FIN-WAIT-2') {
      next = 'TIME-WAIT';
      notes.push('FIN received: acknowledge it and enter TIME-WAIT for 2MSL');
    } else if (next === 'TIME-WAIT') {
      notes.push('TIME-WAIT: a FIN again: acknowledge it and restart the 2MSL timer');
    } else {
      notes.push(`${next}: the FIN is acknowledged again`);
    }
    // A FIN that also acknowledged our FIN moved FIN-WAIT-1 to FIN-WAIT-2 above, and now to TIME-WAIT.
  } else if (has(s, 'FIN')) {
    notes.push(`the FIN at SEQ=${seqAdd(s.seq, s.len)} is not next (RCV.NXT=${tcb.rcvNxt}); ignored for now`);
  }
  const out: Segment[] = [];
  if (next === 'ESTABLISHED' || next === 'CLOSE-WAIT') {
    const f = flush(next, tcb);
    next = f.state;
    tcb = f.tcb;
    out.push(...f.emits);
  }
  if (needAck && out.length === 0) out.push(ackSeg(tcb));
  const note = notes.length > 0 ? `${state}: ${notes.join('; ')}` : `${state}: ACK=${s.ack} processed; SND.UNA=${tcb.sndUna}`;
  return error ? { state: next, tcb, emits: out, error, note } : { state: next, tcb, emits: out, note };
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
    return stay('CLOSED', initialTcb(t.iss), `${state}: ${limit} retransmissions went unanswered; give up (Linux's limit)`, 'connection aborted due to user timeout');
  }
  // The resent segment carries the current acknowledgement.
  const again = has(first, 'ACK') ? segment(first.flags, first.seq, t.rcvNxt, first.len, t.rcvWnd) : first;
  return stay(state, { ...t, retries: t.retries + 1 }, `${state}: retransmission timeout; resend SEQ=${first.seq} (try ${t.retries + 1} of ${limit})`, undefined, [again]);
}

/** The synchronized states, for callers that need to know (e.g. the listener). */
export const isSynchronized = (s: TcpState): boolean => SYNCHRONIZED.includes(s);
