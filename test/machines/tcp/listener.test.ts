import { describe, expect, it } from 'vitest';
import { runScript } from '../../../src/machines/tcp/endpoint';
import type { ScriptEvent } from '../../../src/machines/tcp/script';

const syn = (conn: string, seq: number): ScriptEvent => ({ type: 'segment', flags: ['SYN'], seq, len: 0, window: 65535, conn });
const ack = (conn: string, seq: number, ackNo: number): ScriptEvent => ({ type: 'segment', flags: ['ACK'], seq, ack: ackNo, len: 0, window: 65535, conn });
const listen = (backlog: number, synCookies = false): ScriptEvent => ({ type: 'app', call: 'listen', backlog, synCookies });

describe('a listener and its backlog (RFC 4987)', () => {
  it('answers each SYN with a SYN,ACK from a connection of its own, counting it half-open', () => {
    const { steps } = runScript({ iss: 5000, events: [listen(4), syn('a', 100), syn('b', 900)] });
    expect(steps[1]).toMatchObject({ state: 'SYN-RECEIVED', emits: [{ flags: ['SYN', 'ACK'], seq: 5000, ack: 101, len: 0 }], listener: { state: 'LISTEN', halfOpen: 1 } });
    // The second connection gets its own initial sequence number.
    expect(steps[2]).toMatchObject({ state: 'SYN-RECEIVED', emits: [{ flags: ['SYN', 'ACK'], seq: 69000, ack: 901 }], listener: { halfOpen: 2 } });
  });

  it('completes a handshake: the ACK moves the connection to ESTABLISHED and out of the half-open count', () => {
    const { steps } = runScript({ iss: 5000, events: [listen(4), syn('a', 100), ack('a', 101, 5001)] });
    expect(steps[2]).toMatchObject({ state: 'ESTABLISHED', emits: [], listener: { state: 'LISTEN', halfOpen: 0 } });
  });

  it('a SYN flood fills the backlog, and then a legitimate client’s SYN is dropped', () => {
    const flood = [syn('spoof1', 1), syn('spoof2', 2), syn('spoof3', 3)];
    const { steps } = runScript({ iss: 5000, events: [listen(3), ...flood, syn('alice', 4242)] });
    expect(steps[3]!.listener).toEqual({ state: 'LISTEN', halfOpen: 3 });
    expect(steps[4]).toMatchObject({ state: 'CLOSED', emits: [], listener: { halfOpen: 3 } });
    expect(steps[4]!.note).toMatch(/backlog is full/);
  });

  it('with SYN cookies on, a legitimate client gets through while the flood continues', () => {
    const flood = [syn('spoof1', 1), syn('spoof2', 2)];
    const { steps } = runScript({
      iss: 5000,
      events: [listen(2), ...flood, { type: 'app', call: 'syncookies', on: true }, syn('alice', 4242), syn('spoof3', 3)],
    });
    const answer = steps[4]!;
    // No state kept: the connection does not exist yet, the backlog is unchanged.
    expect(answer).toMatchObject({ state: 'CLOSED', listener: { halfOpen: 2 } });
    expect(answer.emits).toHaveLength(1);
    const cookie = answer.emits[0]!;
    expect(cookie).toMatchObject({ flags: ['SYN', 'ACK'], ack: 4243 });
    const after = runScript({
      iss: 5000,
      events: [listen(2), ...flood, { type: 'app', call: 'syncookies', on: true }, syn('alice', 4242), syn('spoof3', 3), ack('alice', 4243, cookie.seq + 1)],
    }).steps;
    expect(after[6]).toMatchObject({ state: 'ESTABLISHED', listener: { halfOpen: 2 } });
  });

  it('a forged ACK with a wrong cookie is answered with RST', () => {
    const { steps } = runScript({
      iss: 5000,
      events: [listen(1, true), syn('spoof', 1), ack('mallory', 77, 123456)],
    });
    expect(steps[2]).toMatchObject({ state: 'CLOSED', emits: [{ flags: ['RST'], seq: 123456 }] });
  });

  it('sends on an accepted connection, named by its peer', () => {
    const { steps } = runScript({
      iss: 5000,
      events: [listen(4), syn('a', 100), ack('a', 101, 5001), { type: 'app', call: 'send', len: 10, conn: 'a' }, { type: 'app', call: 'send', len: 10, conn: 'nobody' }],
    });
    expect(steps[3]).toMatchObject({ state: 'ESTABLISHED', emits: [{ flags: ['PSH', 'ACK'], seq: 5001, ack: 101, len: 10 }] });
    expect(steps[4]).toMatchObject({ state: 'CLOSED', error: 'connection does not exist' });
  });

  it('an RST to a half-open connection returns it to LISTEN: it no longer exists on its own', () => {
    const { steps } = runScript({
      iss: 5000,
      events: [listen(4), syn('a', 100), { type: 'segment', flags: ['RST'], seq: 101, len: 0, window: 0, conn: 'a' }],
    });
    expect(steps[2]).toMatchObject({ state: 'CLOSED', listener: { state: 'LISTEN', halfOpen: 0 } });
  });

  it('once the listener is closed, a new SYN is answered with RST,ACK', () => {
    const { steps } = runScript({ iss: 5000, events: [listen(4), { type: 'app', call: 'close' }, syn('a', 100)] });
    expect(steps[1]).toMatchObject({ state: 'CLOSED', listener: { state: 'CLOSED' } });
    expect(steps[2]).toMatchObject({ emits: [{ flags: ['RST', 'ACK'], seq: 0, ack: 101 }] });
  });
});
