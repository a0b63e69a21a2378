/**
 * The BSD socket calls a network program makes, played on RFC 9293's rules: which TCP state
 * each leaves the socket in, and when select() reports a socket readable. Every answer comes
 * from running the rules (rules.ts), so the campaign's socket questions are judged by the same
 * machine that plays the handshakes.
 */
import { callClose, callConnect, callListen, initialTcb, segmentArrives, type Outcome, type Tcb } from './rules';
import { segment, type TcpState } from './types';

export const SOCKET_CALLS = ['socket', 'bind', 'listen', 'connect', 'accept', 'close'] as const;
export type SocketCall = (typeof SOCKET_CALLS)[number];

/** Situations select() is asked about; the rules decide whether each is readable. */
export const SELECT_SITUATIONS = ['listening-idle', 'listening-handshake-done', 'connected-idle', 'connected-data-arrived', 'peer-sent-fin'] as const;
export type SelectSituation = (typeof SELECT_SITUATIONS)[number];

const CLIENT_ISS = 1000;
const SERVER_ISS = 5000;

interface Played {
  readonly state: TcpState;
  readonly tcb: Tcb;
  /** Data bytes handed to the application and not read yet. */
  readonly unread: number;
  /** A FIN arrived: a read returns end-of-file at once. */
  readonly eof: boolean;
}

const start = (iss: number): Played => ({ state: 'CLOSED', tcb: initialTcb(iss), unread: 0, eof: false });

function then(p: Played, o: Outcome): Played {
  return { state: o.state, tcb: o.tcb, unread: p.unread + (o.delivered ?? 0), eof: p.eof || o.state === 'CLOSE-WAIT' };
}

/** A server socket through listen() and a client's whole handshake: what accept() hands over. */
function acceptedConnection(): Played {
  let p = then(start(SERVER_ISS), callListen('CLOSED', initialTcb(SERVER_ISS)));
  p = then(p, segmentArrives(p.state, p.tcb, segment(['SYN'], CLIENT_ISS, 0)));
  return then(p, segmentArrives(p.state, p.tcb, segment(['ACK'], CLIENT_ISS + 1, SERVER_ISS + 1)));
}

/** A client socket through connect() and the server's SYN,ACK. */
function connectedClient(): Played {
  let p = then(start(CLIENT_ISS), callConnect('CLOSED', initialTcb(CLIENT_ISS)));
  return then(p, segmentArrives(p.state, p.tcb, segment(['SYN', 'ACK'], SERVER_ISS, CLIENT_ISS + 1)));
}

/** The TCP state a socket is in right after the call (for accept(), the socket it returns). */
export function stateAfterCall(call: SocketCall): TcpState {
  switch (call) {
    // socket() makes a descriptor and bind() names its address: no connection exists yet.
    case 'socket':
    case 'bind':
      return start(CLIENT_ISS).state;
    case 'listen':
      return callListen('CLOSED', initialTcb(SERVER_ISS)).state;
    case 'connect':
      return callConnect('CLOSED', initialTcb(CLIENT_ISS)).state;
    case 'accept':
      return acceptedConnection().state;
    case 'close': {
      const p = connectedClient();
      return callClose(p.state, p.tcb).state;
    }
  }
}

/**
 * Whether select() reports the socket readable: a read (or accept) would not block. A listening
 * socket is readable when a handshake has completed (accept returns at once); a connected one
 * when data arrived unread, or the peer's FIN did (read returns 0, end of file).
 */
export function selectReadable(s: SelectSituation): boolean {
  switch (s) {
    case 'listening-idle':
      return false;
    case 'listening-handshake-done':
      // The backlog holds an ESTABLISHED connection: accept() has something to return.
      return acceptedConnection().state === 'ESTABLISHED';
    case 'connected-idle': {
      const p = connectedClient();
      return p.unread > 0 || p.eof;
    }
    case 'connected-data-arrived': {
      let p = connectedClient();
      p = then(p, segmentArrives(p.state, p.tcb, segment(['ACK', 'PSH'], SERVER_ISS + 1, CLIENT_ISS + 1, 100)));
      return p.unread > 0 || p.eof;
    }
    case 'peer-sent-fin': {
      let p = connectedClient();
      p = then(p, segmentArrives(p.state, p.tcb, segment(['FIN', 'ACK'], SERVER_ISS + 1, CLIENT_ISS + 1)));
      return p.unread > 0 || p.eof;
    }
  }
}
