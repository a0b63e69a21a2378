/** Shared helpers for the TCP machine tests: drive a real actor and read what it emitted. */
import { expect } from 'vitest';
import { createActor, type Actor } from 'xstate';
import { tcpConnectionMachine } from '../../../src/machines/tcp/connection-machine';
import type { Tcb } from '../../../src/machines/tcp/rules';
import { segment, type Segment, type TcpEvent, type TcpFlag, type TcpState } from '../../../src/machines/tcp/types';

export type Endpoint = Actor<typeof tcpConnectionMachine>;

/** What a test compares: flags, numbers and payload length of a segment (the window is left out). */
export interface Brief {
  flags: TcpFlag[];
  seq: number;
  ack: number;
  len: number;
}
export const brief = (s: Segment): Brief => ({ flags: [...s.flags], seq: s.seq, ack: s.ack, len: s.len });
/** The expected shape of a segment, flags in any order. */
export const seg = (flags: TcpFlag[], seq: number, ack = 0, len = 0): Brief => ({ flags: segment(flags, 0, 0).flags.slice(), seq: seq >>> 0, ack: ack >>> 0, len });

export function endpoint(iss: number): Endpoint {
  return createActor(tcpConnectionMachine, { input: { iss } }).start();
}

export interface StepResult {
  state: TcpState;
  tcb: Tcb;
  emits: Segment[];
  out: Brief[];
  error: string | undefined;
  note: string;
  delivered: number;
}

/** Sends one event and returns the resulting state and what the endpoint did; the actor must not fail. */
export function step(a: Endpoint, event: TcpEvent): StepResult {
  a.send(event);
  const snap = a.getSnapshot();
  if (snap.status === 'error') throw snap.error;
  expect(snap.status).toBe('active');
  const last = snap.context.last!;
  return {
    state: snap.value as TcpState,
    tcb: snap.context.tcb,
    emits: [...last.emits],
    out: last.emits.map(brief),
    error: last.error,
    note: last.note,
    delivered: last.delivered ?? 0,
  };
}

export const arrive = (a: Endpoint, s: Segment): StepResult => step(a, { type: 'SEGMENT', segment: s });
export const stateOf = (a: Endpoint): TcpState => a.getSnapshot().value as TcpState;
export const tcbOf = (a: Endpoint): Tcb => a.getSnapshot().context.tcb;

/**
 * Client ISS 1000 connects to a server with ISS 5000; both end ESTABLISHED.
 * Returns the endpoints with client SND.NXT=1001, RCV.NXT=5001.
 */
export function established(clientIss = 1000, serverIss = 5000): { client: Endpoint; server: Endpoint } {
  const client = endpoint(clientIss);
  const server = endpoint(serverIss);
  step(server, { type: 'LISTEN' });
  const syn = step(client, { type: 'CONNECT' }).emits[0]!;
  const synAck = arrive(server, syn).emits[0]!;
  const ack = arrive(client, synAck).emits[0]!;
  arrive(server, ack);
  expect(stateOf(client)).toBe('ESTABLISHED');
  expect(stateOf(server)).toBe('ESTABLISHED');
  return { client, server };
}

/** Delivers each segment in order to `to`, returning everything `to` emitted in answer. */
export function deliverAll(to: Endpoint, segments: readonly Segment[]): Segment[] {
  return segments.flatMap((s) => arrive(to, s).emits);
}
