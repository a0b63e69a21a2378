/**
 * One TCP connection endpoint as an XState machine with RFC 9293's eleven states.
 *
 * The machine declares which transitions exist (the state diagram of RFC 9293 §3.3.2, plus
 * the resets, timeouts and simultaneous opens and closes of §3.10); the pure functions in
 * rules.ts decide which one an event takes. After every event `context.last` holds what
 * happened: the segments to send, what the application is told, the data bytes delivered to it,
 * and why.
 *
 * TRANSITIONS is checked by test/machines/tcp/model.test.ts: every declared transition is taken
 * by some path and no other is. Three were dropped as unreachable once CLOSE was made to change
 * the state at once (§3.10.4): ESTABLISHED --SEGMENT--> FIN-WAIT-1, CLOSE-WAIT --SEGMENT--> LAST-ACK
 * and CLOSE-WAIT --SEND--> LAST-ACK.
 */
import { assign, setup } from 'xstate';
import { callAbort, callClose, callConnect, callListen, callSend, initialTcb, segmentArrives, timeout, type Outcome, type Tcb } from './rules';
import { TCP_STATES, type TcpEvent, type TcpState } from './types';

export interface ConnectionContext {
  readonly tcb: Tcb;
  readonly last: Omit<Outcome, 'state' | 'tcb'> | undefined;
}

export function decide(state: TcpState, tcb: Tcb, event: TcpEvent): Outcome {
  switch (event.type) {
    case 'LISTEN':
      return callListen(state, tcb);
    case 'CONNECT':
      return callConnect(state, tcb);
    case 'SEND':
      return callSend(state, tcb, event.len);
    case 'CLOSE':
      return callClose(state, tcb);
    case 'ABORT':
      return callAbort(state, tcb);
    case 'SEGMENT':
      return segmentArrives(state, tcb, event.segment);
    case 'TIMEOUT':
      return timeout(state, tcb, event.timer);
  }
}

type EventType = TcpEvent['type'];

/**
 * Every transition the rules may take, by state and event: the connection's whole graph.
 * A rule choosing a target not listed here is a bug, and the machine says so loudly.
 */
export const TRANSITIONS: Record<TcpState, Partial<Record<EventType, readonly TcpState[]>>> = {
  CLOSED: { LISTEN: ['LISTEN'], CONNECT: ['SYN-SENT'] },
  LISTEN: { CONNECT: ['SYN-SENT'], SEGMENT: ['SYN-RECEIVED'], CLOSE: ['CLOSED'], ABORT: ['CLOSED'], TIMEOUT: ['CLOSED'] },
  'SYN-SENT': { SEGMENT: ['ESTABLISHED', 'SYN-RECEIVED', 'CLOSED'], CLOSE: ['CLOSED'], ABORT: ['CLOSED'], TIMEOUT: ['CLOSED'] },
  'SYN-RECEIVED': {
    // FIN-WAIT-1 and LAST-ACK: a CLOSE queued behind data takes effect when the handshake's ACK
    // arrives (LAST-ACK when the peer's FIN came with it).
    SEGMENT: ['ESTABLISHED', 'CLOSE-WAIT', 'FIN-WAIT-1', 'LAST-ACK', 'LISTEN', 'CLOSED'],
    CLOSE: ['FIN-WAIT-1'],
    ABORT: ['CLOSED'],
    // LISTEN: a passive open gives up on its SYN,ACK and keeps listening, as Linux does.
    TIMEOUT: ['CLOSED', 'LISTEN'],
  },
  // CLOSE moves ESTABLISHED and CLOSE-WAIT on at once even when data still waits (§3.10.4), so no
  // segment or SEND leads from them to FIN-WAIT-1 or LAST-ACK.
  ESTABLISHED: { SEGMENT: ['CLOSE-WAIT', 'CLOSED'], CLOSE: ['FIN-WAIT-1'], ABORT: ['CLOSED'], TIMEOUT: ['CLOSED'] },
  'FIN-WAIT-1': { SEGMENT: ['FIN-WAIT-2', 'CLOSING', 'TIME-WAIT', 'CLOSED'], ABORT: ['CLOSED'], TIMEOUT: ['CLOSED'] },
  'FIN-WAIT-2': { SEGMENT: ['TIME-WAIT', 'CLOSED'], ABORT: ['CLOSED'], TIMEOUT: ['CLOSED'] },
  'CLOSE-WAIT': { SEGMENT: ['CLOSED'], CLOSE: ['LAST-ACK'], ABORT: ['CLOSED'], TIMEOUT: ['CLOSED'] },
  CLOSING: { SEGMENT: ['TIME-WAIT', 'CLOSED'], ABORT: ['CLOSED'], TIMEOUT: ['CLOSED'] },
  'LAST-ACK': { SEGMENT: ['CLOSED'], ABORT: ['CLOSED'], TIMEOUT: ['CLOSED'] },
  'TIME-WAIT': { SEGMENT: ['CLOSED'], ABORT: ['CLOSED'], TIMEOUT: ['CLOSED'] },
};

const EVENT_TYPES: readonly EventType[] = ['LISTEN', 'CONNECT', 'SEND', 'CLOSE', 'ABORT', 'SEGMENT', 'TIMEOUT'];

const machineSetup = setup({
  types: {
    context: {} as ConnectionContext,
    events: {} as TcpEvent,
    input: {} as { iss: number },
  },
  guards: {
    leadsTo: ({ context, event }, params: { from: TcpState; to: TcpState }) => decide(params.from, context.tcb, event).state === params.to,
  },
  actions: {
    apply: assign(({ context, event }, params: { from: TcpState }) => {
      const o = decide(params.from, context.tcb, event);
      const allowed = params.from === o.state || (TRANSITIONS[params.from][event.type] ?? []).includes(o.state);
      if (!allowed) throw new Error(`TCP rules chose ${params.from} → ${o.state} on ${event.type}, which the machine does not declare`);
      const { state: _s, tcb, ...last } = o;
      return { tcb, last };
    }),
  },
});

function stateNode(from: TcpState) {
  const on: Record<string, unknown> = {};
  for (const type of EVENT_TYPES) {
    const targets = TRANSITIONS[from][type] ?? [];
    on[type] = [
      ...targets.map((to) => ({ guard: { type: 'leadsTo' as const, params: { from, to } }, target: to, actions: { type: 'apply' as const, params: { from } } })),
      // Otherwise the event leaves the state as it is (it may still send segments or report an error).
      { actions: { type: 'apply' as const, params: { from } } },
    ];
  }
  return { on };
}

export const tcpConnectionMachine = machineSetup.createMachine({
  id: 'tcp',
  initial: 'CLOSED',
  context: ({ input }) => ({ tcb: initialTcb(input.iss), last: undefined }),
  states: Object.fromEntries(TCP_STATES.map((s) => [s, stateNode(s)])) as never,
});
