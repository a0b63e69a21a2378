/**
 * Scenario tests of the TCP connection machine against RFC 9293 §3.10 (event processing) and
 * RFC 5961 (challenge ACKs). Every expected segment is spelled out: flags, SEQ, ACK, data length.
 */
import { describe, expect, it } from 'vitest';
import { MSS, RETRIES } from '../../../src/machines/tcp/rules';
import { segment } from '../../../src/machines/tcp/types';
import { arrive, brief, endpoint, established, seg, stateOf, step, tcbOf } from './helpers';

describe('opening a connection', () => {
  it('§3.5 / §3.10.7.3: active open is SYN, SYN-ACK, then a pure ACK (no SYN on the third segment)', () => {
    const client = endpoint(1000);
    const server = endpoint(5000);
    expect(step(server, { type: 'LISTEN' })).toMatchObject({ state: 'LISTEN', out: [] });

    const c1 = step(client, { type: 'CONNECT' });
    expect(c1.state).toBe('SYN-SENT');
    expect(c1.out).toEqual([seg(['SYN'], 1000, 0)]);
    expect(c1.tcb).toMatchObject({ sndUna: 1000, sndNxt: 1001 });

    const s1 = arrive(server, c1.emits[0]!);
    expect(s1.state).toBe('SYN-RECEIVED');
    expect(s1.out).toEqual([seg(['SYN', 'ACK'], 5000, 1001)]);
    expect(s1.tcb).toMatchObject({ irs: 1000, rcvNxt: 1001, sndUna: 5000, sndNxt: 5001 });

    const c2 = arrive(client, s1.emits[0]!);
    expect(c2.state).toBe('ESTABLISHED');
    expect(c2.out).toEqual([seg(['ACK'], 1001, 5001)]);
    // The textbook error: the third segment is not a SYN-ACK.
    expect(c2.emits[0]!.flags).toEqual(['ACK']);
    expect(c2.note).toContain('no SYN');
    expect(c2.tcb).toMatchObject({ irs: 5000, rcvNxt: 5001, sndUna: 1001, sndNxt: 1001 });

    const s2 = arrive(server, c2.emits[0]!);
    expect(s2.state).toBe('ESTABLISHED');
    expect(s2.out).toEqual([]);
    expect(s2.tcb).toMatchObject({ sndUna: 5001, sndNxt: 5001, rcvNxt: 1001 });
  });

  it('§3.10.1 / §3.10.7.2: passive open waits in LISTEN and answers a SYN with <SEQ=ISS><ACK=SEG.SEQ+1><CTL=SYN,ACK>', () => {
    const server = endpoint(5000);
    const r = step(server, { type: 'LISTEN' });
    expect(r).toMatchObject({ state: 'LISTEN', out: [], error: undefined });
    expect(r.tcb.passive).toBe(true);
    // LISTEN with a segment carrying neither SYN, ACK nor RST: dropped.
    expect(arrive(server, segment([], 7, 0, 5))).toMatchObject({ state: 'LISTEN', out: [] });
    const syn = arrive(server, segment(['SYN'], 777, 0));
    expect(syn.state).toBe('SYN-RECEIVED');
    expect(syn.out).toEqual([seg(['SYN', 'ACK'], 5000, 778)]);
    expect(arrive(server, segment(['ACK'], 778, 5001))).toMatchObject({ state: 'ESTABLISHED', out: [] });
    // A second OPEN is refused.
    expect(step(server, { type: 'LISTEN' })).toMatchObject({ state: 'ESTABLISHED', error: 'connection already exists' });
  });

  it('§3.10.1: an active OPEN from LISTEN turns the passive connection active', () => {
    const a = endpoint(1000);
    step(a, { type: 'LISTEN' });
    const r = step(a, { type: 'CONNECT' });
    expect(r.state).toBe('SYN-SENT');
    expect(r.out).toEqual([seg(['SYN'], 1000)]);
    expect(r.tcb.passive).toBe(false);
  });

  it('§3.10.7.3: SYN-SENT answers an unacceptable ACK with <SEQ=SEG.ACK><CTL=RST> and stays', () => {
    const client = endpoint(1000);
    step(client, { type: 'CONNECT' });
    // SEG.ACK > SND.NXT
    expect(arrive(client, segment(['SYN', 'ACK'], 5000, 3000))).toMatchObject({ state: 'SYN-SENT', out: [seg(['RST'], 3000)] });
    // SEG.ACK =< ISS
    expect(arrive(client, segment(['ACK'], 5000, 1000))).toMatchObject({ state: 'SYN-SENT', out: [seg(['RST'], 1000)] });
    // ...unless the segment is itself an RST: then it is dropped.
    expect(arrive(client, segment(['RST', 'ACK'], 5000, 3000))).toMatchObject({ state: 'SYN-SENT', out: [] });
    // The handshake still completes afterwards.
    expect(arrive(client, segment(['SYN', 'ACK'], 5000, 1001))).toMatchObject({ state: 'ESTABLISHED', out: [seg(['ACK'], 1001, 5001)] });
  });

  it('§3.10.7.3: SYN-SENT + RST with an acceptable ACK → CLOSED, "connection refused"; without ACK it is dropped', () => {
    const client = endpoint(1000);
    step(client, { type: 'CONNECT' });
    expect(arrive(client, segment(['RST'], 0, 0))).toMatchObject({ state: 'SYN-SENT', out: [], error: undefined });
    const r = arrive(client, segment(['RST', 'ACK'], 0, 1001));
    expect(r).toMatchObject({ state: 'CLOSED', out: [], error: 'connection refused' });
  });

  it('§3.10.7.3: SYN-SENT drops a segment with neither SYN nor RST (after an acceptable ACK check)', () => {
    const client = endpoint(1000);
    step(client, { type: 'CONNECT' });
    expect(arrive(client, segment(['ACK'], 5000, 1001))).toMatchObject({ state: 'SYN-SENT', out: [] });
  });

  it('§3.10.7.2: LISTEN ignores an RST', () => {
    const server = endpoint(5000);
    step(server, { type: 'LISTEN' });
    expect(arrive(server, segment(['RST'], 1234, 0))).toMatchObject({ state: 'LISTEN', out: [], error: undefined });
    expect(arrive(server, segment(['RST', 'ACK'], 1234, 99))).toMatchObject({ state: 'LISTEN', out: [] });
  });

  it('§3.10.7.2: LISTEN answers an ACK with <SEQ=SEG.ACK><CTL=RST>', () => {
    const server = endpoint(5000);
    step(server, { type: 'LISTEN' });
    expect(arrive(server, segment(['ACK'], 1001, 5001))).toMatchObject({ state: 'LISTEN', out: [seg(['RST'], 5001)] });
    // A SYN,ACK is answered the same way (the ACK bit is checked before SYN).
    expect(arrive(server, segment(['SYN', 'ACK'], 9, 4242))).toMatchObject({ state: 'LISTEN', out: [seg(['RST'], 4242)] });
  });

  it('§3.10.7.1: CLOSED answers a SYN with <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>', () => {
    const a = endpoint(1);
    expect(arrive(a, segment(['SYN'], 5000, 0))).toMatchObject({ state: 'CLOSED', out: [seg(['RST', 'ACK'], 0, 5001)] });
    // SEG.LEN counts data and FIN too.
    expect(arrive(a, segment(['FIN'], 200, 0, 10))).toMatchObject({ state: 'CLOSED', out: [seg(['RST', 'ACK'], 0, 211)] });
  });

  it('§3.10.7.1: CLOSED answers a segment carrying ACK with <SEQ=SEG.ACK><CTL=RST>', () => {
    const a = endpoint(1);
    expect(arrive(a, segment(['PSH', 'ACK'], 5000, 1234, 10))).toMatchObject({ state: 'CLOSED', out: [seg(['RST'], 1234)] });
  });

  it('§3.10.7.1: CLOSED never answers an RST', () => {
    const a = endpoint(1);
    expect(arrive(a, segment(['RST'], 5000, 0))).toMatchObject({ state: 'CLOSED', out: [] });
    expect(arrive(a, segment(['RST', 'ACK'], 5000, 7))).toMatchObject({ state: 'CLOSED', out: [] });
  });

  it('§3.10.7.4 (second check): SYN-RECEIVED opened passively + RST → back to LISTEN, and it can accept again', () => {
    const server = endpoint(5000);
    step(server, { type: 'LISTEN' });
    arrive(server, segment(['SYN'], 1000, 0));
    const r = arrive(server, segment(['RST'], 1001, 0));
    expect(r).toMatchObject({ state: 'LISTEN', out: [], error: undefined });
    expect(r.tcb).toMatchObject({ passive: true, unacked: [] });
    expect(arrive(server, segment(['SYN'], 3000, 0))).toMatchObject({ state: 'SYN-RECEIVED', out: [seg(['SYN', 'ACK'], 5000, 3001)] });
  });

  it('§3.10.7.4 (second check): SYN-RECEIVED opened actively + RST → CLOSED, "connection refused"', () => {
    const a = endpoint(100);
    step(a, { type: 'CONNECT' });
    arrive(a, segment(['SYN'], 300, 0));
    expect(arrive(a, segment(['RST'], 301, 0))).toMatchObject({ state: 'CLOSED', out: [], error: 'connection refused' });
  });

  it('§3.10.7.4 (fifth check): SYN-RECEIVED answers an ACK that does not acknowledge its SYN with <SEQ=SEG.ACK><CTL=RST>', () => {
    const server = endpoint(5000);
    step(server, { type: 'LISTEN' });
    arrive(server, segment(['SYN'], 1000, 0));
    expect(arrive(server, segment(['ACK'], 1001, 9999))).toMatchObject({ state: 'SYN-RECEIVED', out: [seg(['RST'], 9999)] });
    expect(arrive(server, segment(['ACK'], 1001, 5000))).toMatchObject({ state: 'SYN-RECEIVED', out: [seg(['RST'], 5000)] });
  });

  it('§3.10.7.4 (fourth check): SYN-RECEIVED opened passively + a new in-window SYN → back to LISTEN', () => {
    const server = endpoint(5000);
    step(server, { type: 'LISTEN' });
    arrive(server, segment(['SYN'], 1000, 0));
    expect(arrive(server, segment(['SYN'], 1001, 0))).toMatchObject({ state: 'LISTEN', out: [] });
  });

  it('§3.10.7.4 (Linux): SYN-RECEIVED answers a retransmitted SYN (SEQ=IRS) by resending its SYN,ACK', () => {
    const server = endpoint(5000);
    step(server, { type: 'LISTEN' });
    arrive(server, segment(['SYN'], 1000, 0));
    expect(arrive(server, segment(['SYN'], 1000, 0))).toMatchObject({ state: 'SYN-RECEIVED', out: [seg(['SYN', 'ACK'], 5000, 1001)] });
  });

  it('§3.5 / §3.10.7.3: simultaneous open: SYN-SENT + SYN → SYN-RECEIVED with <SEQ=ISS><ACK=SEG.SEQ+1><CTL=SYN,ACK>, then each SYN,ACK → ESTABLISHED', () => {
    // The RFC's own example numbers: TCP Peer A ISS 100, TCP Peer B ISS 300.
    const a = endpoint(100);
    const b = endpoint(300);
    const synA = step(a, { type: 'CONNECT' });
    const synB = step(b, { type: 'CONNECT' });
    expect(synA.out).toEqual([seg(['SYN'], 100)]);
    expect(synB.out).toEqual([seg(['SYN'], 300)]);
    const a2 = arrive(a, synB.emits[0]!);
    const b2 = arrive(b, synA.emits[0]!);
    expect(a2).toMatchObject({ state: 'SYN-RECEIVED', out: [seg(['SYN', 'ACK'], 100, 301)] });
    expect(b2).toMatchObject({ state: 'SYN-RECEIVED', out: [seg(['SYN', 'ACK'], 300, 101)] });
    expect(a2.tcb).toMatchObject({ sndNxt: 101, rcvNxt: 301 });
    // Each SYN,ACK acknowledges the other's SYN: both are ESTABLISHED and nothing more is sent.
    expect(arrive(a, b2.emits[0]!)).toMatchObject({ state: 'ESTABLISHED', out: [] });
    expect(arrive(b, a2.emits[0]!)).toMatchObject({ state: 'ESTABLISHED', out: [] });
    expect(tcbOf(a)).toMatchObject({ sndUna: 101, sndNxt: 101, rcvNxt: 301 });
    expect(tcbOf(b)).toMatchObject({ sndUna: 301, sndNxt: 301, rcvNxt: 101 });
  });

  it('§3.10.7.4 (fifth check): simultaneous open completes with a plain ACK too', () => {
    const a = endpoint(100);
    step(a, { type: 'CONNECT' });
    arrive(a, segment(['SYN'], 300, 0));
    expect(arrive(a, segment(['ACK'], 301, 101))).toMatchObject({ state: 'ESTABLISHED', out: [] });
  });

  it('§3.10.7.3: SYN-SENT + SYN,ACK with a sequence number wrapping past 2^32', () => {
    const a = endpoint(1000);
    step(a, { type: 'CONNECT' });
    const r = arrive(a, segment(['SYN', 'ACK'], 0xffffffff, 1001));
    expect(r).toMatchObject({ state: 'ESTABLISHED', out: [seg(['ACK'], 1001, 0)] });
  });
});

describe('data transfer', () => {
  it('§3.10.2 / §3.10.7.4 (seventh check): data advances SND.NXT by its length; the receiver acknowledges SEQ+LEN', () => {
    const { client, server } = established();
    const c = step(client, { type: 'SEND', len: 100 });
    expect(c).toMatchObject({ state: 'ESTABLISHED', out: [seg(['PSH', 'ACK'], 1001, 5001, 100)] });
    expect(c.tcb).toMatchObject({ sndUna: 1001, sndNxt: 1101 });
    const s = arrive(server, c.emits[0]!);
    expect(s).toMatchObject({ state: 'ESTABLISHED', out: [seg(['ACK'], 5001, 1101)], delivered: 100 });
    expect(arrive(client, s.emits[0]!)).toMatchObject({ state: 'ESTABLISHED', out: [] });
    expect(tcbOf(client)).toMatchObject({ sndUna: 1101, unacked: [] });

    const s2 = step(server, { type: 'SEND', len: 50 });
    expect(s2.out).toEqual([seg(['PSH', 'ACK'], 5001, 1101, 50)]);
    const c2 = arrive(client, s2.emits[0]!);
    expect(c2).toMatchObject({ out: [seg(['ACK'], 1101, 5051)], delivered: 50 });
    const c3 = step(client, { type: 'SEND', len: 10 });
    // Data carries the latest acknowledgement too.
    expect(c3.out).toEqual([seg(['PSH', 'ACK'], 1101, 5051, 10)]);
  });

  it('§3.10.2: SEND before ESTABLISHED is queued and goes out right after the handshake ACK', () => {
    const client = endpoint(1000);
    step(client, { type: 'CONNECT' });
    expect(step(client, { type: 'SEND', len: 100 })).toMatchObject({ state: 'SYN-SENT', out: [], error: undefined });
    const r = arrive(client, segment(['SYN', 'ACK'], 5000, 1001));
    expect(r.state).toBe('ESTABLISHED');
    expect(r.out).toEqual([seg(['ACK'], 1001, 5001), seg(['PSH', 'ACK'], 1001, 5001, 100)]);
    expect(r.tcb).toMatchObject({ sndNxt: 1101, pending: 0 });
  });

  it('§3.10.2: SEND in SYN-RECEIVED is queued and goes out when the handshake ACK arrives', () => {
    const server = endpoint(5000);
    step(server, { type: 'LISTEN' });
    arrive(server, segment(['SYN'], 1000, 0));
    expect(step(server, { type: 'SEND', len: 200 })).toMatchObject({ state: 'SYN-RECEIVED', out: [] });
    expect(arrive(server, segment(['ACK'], 1001, 5001))).toMatchObject({ state: 'ESTABLISHED', out: [seg(['PSH', 'ACK'], 5001, 1001, 200)] });
  });

  it(`§3.7.1: a SEND larger than the MSS (${MSS}) is split into MSS-sized segments`, () => {
    const { client, server } = established();
    const r = step(client, { type: 'SEND', len: 3000 });
    expect(r.out).toEqual([seg(['PSH', 'ACK'], 1001, 5001, 1460), seg(['PSH', 'ACK'], 2461, 5001, 1460), seg(['PSH', 'ACK'], 3921, 5001, 80)]);
    const acks = r.emits.map((s) => arrive(server, s));
    expect(acks.map((a) => a.out)).toEqual([[seg(['ACK'], 5001, 2461)], [seg(['ACK'], 5001, 3921)], [seg(['ACK'], 5001, 4001)]]);
    expect(acks.reduce((n, a) => n + a.delivered, 0)).toBe(3000);
  });

  it("§3.8.6: SEND beyond the peer's window waits for ACKs; CLOSE then enters FIN-WAIT-1 at once and the FIN follows the data", () => {
    const client = endpoint(1000);
    step(client, { type: 'CONNECT' });
    arrive(client, segment(['SYN', 'ACK'], 5000, 1001, 0, 2000));
    const r = step(client, { type: 'SEND', len: 3000 });
    expect(r.out).toEqual([seg(['PSH', 'ACK'], 1001, 5001, 1460), seg(['PSH', 'ACK'], 2461, 5001, 540)]);
    expect(r.tcb.pending).toBe(1000);
    const c = step(client, { type: 'CLOSE' });
    expect(c).toMatchObject({ state: 'FIN-WAIT-1', out: [], error: undefined });
    // The application closed: a further SEND is refused even though data is still queued.
    expect(step(client, { type: 'SEND', len: 5 })).toMatchObject({ state: 'FIN-WAIT-1', out: [], error: 'connection closing' });
    const a = arrive(client, segment(['ACK'], 5001, 3001, 0, 2000));
    expect(a.state).toBe('FIN-WAIT-1');
    expect(a.out).toEqual([seg(['PSH', 'ACK'], 3001, 5001, 1000), seg(['FIN', 'ACK'], 4001, 5001)]);
    expect(arrive(client, segment(['ACK'], 5001, 4002, 0, 2000))).toMatchObject({ state: 'FIN-WAIT-2', out: [] });
  });

  it('§3.4: sequence numbers wrap past 2^32 (ISS 4294967290)', () => {
    const { client, server } = established(4294967290, 5000);
    expect(tcbOf(client)).toMatchObject({ sndNxt: 4294967291, rcvNxt: 5001 });
    const d = step(client, { type: 'SEND', len: 10 });
    expect(d.out).toEqual([seg(['PSH', 'ACK'], 4294967291, 5001, 10)]);
    expect(d.tcb.sndNxt).toBe(5);
    const a = arrive(server, d.emits[0]!);
    expect(a).toMatchObject({ out: [seg(['ACK'], 5001, 5)], delivered: 10 });
    expect(arrive(client, a.emits[0]!).tcb).toMatchObject({ sndUna: 5, unacked: [] });
    const d2 = step(client, { type: 'SEND', len: 20 });
    expect(d2.out).toEqual([seg(['PSH', 'ACK'], 5, 5001, 20)]);
    expect(arrive(server, d2.emits[0]!)).toMatchObject({ out: [seg(['ACK'], 5001, 25)], delivered: 20 });
    // And the close numbers continue from there.
    const fin = step(client, { type: 'CLOSE' });
    expect(fin.out).toEqual([seg(['FIN', 'ACK'], 25, 5001)]);
    expect(arrive(server, fin.emits[0]!).out).toEqual([seg(['ACK'], 5001, 26)]);
  });

  it('§3.10.7.4 (seventh check): a retransmitted segment overlapping RCV.NXT delivers only the new bytes', () => {
    const { client, server } = established();
    arrive(server, segment(['PSH', 'ACK'], 1001, 5001, 100));
    const r = arrive(server, segment(['PSH', 'ACK'], 1051, 5001, 100));
    expect(r).toMatchObject({ out: [seg(['ACK'], 5001, 1151)], delivered: 50 });
    void client;
  });

  it('§3.10.7.4 (seventh check): data ahead of RCV.NXT is dropped with a duplicate ACK (the game keeps no out-of-order queue)', () => {
    const { server } = established();
    const r = arrive(server, segment(['PSH', 'ACK'], 1101, 5001, 100));
    expect(r).toMatchObject({ state: 'ESTABLISHED', out: [seg(['ACK'], 5001, 1001)], delivered: 0 });
    expect(r.tcb.rcvNxt).toBe(1001);
  });
});

describe('closing a connection', () => {
  it('§3.6 / §3.10.4: four-way teardown: FIN; a pure ACK (no FIN); FIN; ACK — numbers continue the connection', () => {
    const { client, server } = established();
    // Some data first, so the FIN's sequence number visibly continues the stream.
    const d = step(client, { type: 'SEND', len: 100 });
    arrive(client, arrive(server, d.emits[0]!).emits[0]!);

    const f1 = step(client, { type: 'CLOSE' });
    expect(f1).toMatchObject({ state: 'FIN-WAIT-1', out: [seg(['FIN', 'ACK'], 1101, 5001)] });
    expect(f1.tcb.sndNxt).toBe(1102);

    const a1 = arrive(server, f1.emits[0]!);
    expect(a1).toMatchObject({ state: 'CLOSE-WAIT', out: [seg(['ACK'], 5001, 1102)], error: 'connection closing' });
    // The textbook error: the second segment carries no FIN.
    expect(a1.emits[0]!.flags).toEqual(['ACK']);

    expect(arrive(client, a1.emits[0]!)).toMatchObject({ state: 'FIN-WAIT-2', out: [] });

    // CLOSE-WAIT may still send.
    const late = step(server, { type: 'SEND', len: 30 });
    expect(late.out).toEqual([seg(['PSH', 'ACK'], 5001, 1102, 30)]);
    expect(arrive(client, late.emits[0]!)).toMatchObject({ state: 'FIN-WAIT-2', out: [seg(['ACK'], 1102, 5031)], delivered: 30 });

    const f2 = step(server, { type: 'CLOSE' });
    expect(f2).toMatchObject({ state: 'LAST-ACK', out: [seg(['FIN', 'ACK'], 5031, 1102)] });

    const a2 = arrive(client, f2.emits[0]!);
    expect(a2).toMatchObject({ state: 'TIME-WAIT', out: [seg(['ACK'], 1102, 5032)] });

    expect(arrive(server, a2.emits[0]!)).toMatchObject({ state: 'CLOSED', out: [] });
    expect(step(client, { type: 'TIMEOUT', timer: '2MSL' })).toMatchObject({ state: 'CLOSED', out: [] });
  });

  it('§3.6 / §3.10.7.4 (eighth check): simultaneous close: FIN-WAIT-1 + FIN → CLOSING, then ACK → TIME-WAIT', () => {
    const { client, server } = established();
    const fc = step(client, { type: 'CLOSE' });
    const fs = step(server, { type: 'CLOSE' });
    expect(fc.out).toEqual([seg(['FIN', 'ACK'], 1001, 5001)]);
    expect(fs.out).toEqual([seg(['FIN', 'ACK'], 5001, 1001)]);
    const c = arrive(client, fs.emits[0]!);
    const s = arrive(server, fc.emits[0]!);
    expect(c).toMatchObject({ state: 'CLOSING', out: [seg(['ACK'], 1002, 5002)] });
    expect(s).toMatchObject({ state: 'CLOSING', out: [seg(['ACK'], 5002, 1002)] });
    expect(arrive(client, s.emits[0]!)).toMatchObject({ state: 'TIME-WAIT', out: [] });
    expect(arrive(server, c.emits[0]!)).toMatchObject({ state: 'TIME-WAIT', out: [] });
  });

  it('§3.10.7.4 (eighth check): FIN-WAIT-1 + FIN,ACK that acknowledges our FIN → TIME-WAIT directly', () => {
    const { client } = established();
    step(client, { type: 'CLOSE' });
    const r = arrive(client, segment(['FIN', 'ACK'], 5001, 1002));
    expect(r).toMatchObject({ state: 'TIME-WAIT', out: [seg(['ACK'], 1002, 5002)], error: 'connection closing' });
  });

  it('§3.10.8: TIME-WAIT lasts until the 2MSL timeout and ignores everything but a FIN', () => {
    const { client } = established();
    step(client, { type: 'CLOSE' });
    arrive(client, segment(['FIN', 'ACK'], 5001, 1002));
    expect(step(client, { type: 'TIMEOUT', timer: 'retransmission' })).toMatchObject({ state: 'TIME-WAIT', out: [] });
    expect(arrive(client, segment(['ACK'], 5002, 1002))).toMatchObject({ state: 'TIME-WAIT', out: [] });
    expect(step(client, { type: 'CLOSE' })).toMatchObject({ state: 'TIME-WAIT', error: 'connection closing' });
    expect(step(client, { type: 'TIMEOUT', timer: '2MSL' })).toMatchObject({ state: 'CLOSED', out: [], error: undefined });
  });

  it('§3.10.7.4 (TIME-WAIT): a retransmitted FIN is acknowledged again and the 2MSL timer restarts', () => {
    const { client } = established();
    step(client, { type: 'CLOSE' });
    arrive(client, segment(['FIN', 'ACK'], 5001, 1002));
    const r = arrive(client, segment(['FIN', 'ACK'], 5001, 1002));
    expect(r).toMatchObject({ state: 'TIME-WAIT', out: [seg(['ACK'], 1002, 5002)] });
    expect(r.note).toContain('2MSL');
  });

  it('§3.10.4: CLOSE in SYN-RECEIVED sends a FIN and enters FIN-WAIT-1; CLOSE in LISTEN or SYN-SENT just deletes', () => {
    const server = endpoint(5000);
    step(server, { type: 'LISTEN' });
    arrive(server, segment(['SYN'], 1000, 0));
    expect(step(server, { type: 'CLOSE' })).toMatchObject({ state: 'FIN-WAIT-1', out: [seg(['FIN', 'ACK'], 5001, 1001)] });
    // The peer's ACK covers the SYN,ACK and the FIN.
    expect(arrive(server, segment(['ACK'], 1001, 5002))).toMatchObject({ state: 'FIN-WAIT-2', out: [] });

    const l = endpoint(1);
    step(l, { type: 'LISTEN' });
    expect(step(l, { type: 'CLOSE' })).toMatchObject({ state: 'CLOSED', out: [] });
    const c = endpoint(1);
    step(c, { type: 'CONNECT' });
    expect(step(c, { type: 'CLOSE' })).toMatchObject({ state: 'CLOSED', out: [] });
    expect(step(c, { type: 'CLOSE' })).toMatchObject({ state: 'CLOSED', error: 'connection does not exist' });
  });

  it('§3.10.4: CLOSE in SYN-RECEIVED with data queued waits for ESTABLISHED; with the peer FIN on the same ACK it ends in LAST-ACK', () => {
    const mk = () => {
      const server = endpoint(5000);
      step(server, { type: 'LISTEN' });
      arrive(server, segment(['SYN'], 1000, 0));
      step(server, { type: 'SEND', len: 10 });
      expect(step(server, { type: 'CLOSE' })).toMatchObject({ state: 'SYN-RECEIVED', out: [] });
      expect(step(server, { type: 'SEND', len: 1 })).toMatchObject({ state: 'SYN-RECEIVED', error: 'connection closing' });
      return server;
    };
    const a = mk();
    expect(arrive(a, segment(['ACK'], 1001, 5001))).toMatchObject({
      state: 'FIN-WAIT-1',
      out: [seg(['PSH', 'ACK'], 5001, 1001, 10), seg(['FIN', 'ACK'], 5011, 1001)],
    });
    const b = mk();
    expect(arrive(b, segment(['FIN', 'ACK'], 1001, 5001))).toMatchObject({
      state: 'LAST-ACK',
      out: [seg(['PSH', 'ACK'], 5001, 1002, 10), seg(['FIN', 'ACK'], 5011, 1002)],
      error: 'connection closing',
    });
    expect(arrive(b, segment(['ACK'], 1002, 5012))).toMatchObject({ state: 'CLOSED', out: [] });
  });
});

describe('resets, challenge ACKs and bad segments', () => {
  it('§3.10.7.4 (first check): an out-of-window segment is answered with <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK> and dropped', () => {
    const { server } = established();
    const r = arrive(server, segment(['PSH', 'ACK'], 1001 + 70000, 5001, 10));
    expect(r).toMatchObject({ state: 'ESTABLISHED', out: [seg(['ACK'], 5001, 1001)], delivered: 0 });
    expect(r.tcb.rcvNxt).toBe(1001);
    // An old duplicate, entirely before RCV.NXT, too.
    arrive(server, segment(['PSH', 'ACK'], 1001, 5001, 10));
    expect(arrive(server, segment(['PSH', 'ACK'], 1001, 5001, 10))).toMatchObject({ out: [seg(['ACK'], 5001, 1011)], delivered: 0 });
  });

  it('§3.10.7.4 (first check, as Linux): an ACK starting exactly at the right window edge is accepted; data there is not', () => {
    const { client, server } = established();
    const edge = 1001 + 64240;
    step(server, { type: 'SEND', len: 100 });
    // A peer that has filled our window sends its ACKs from RCV.NXT+RCV.WND. Refusing them would
    // have two such peers answer each other's ACKs with ACKs forever.
    const r = arrive(server, segment(['ACK'], edge, 5101));
    expect(r).toMatchObject({ state: 'ESTABLISHED', out: [] });
    expect(r.tcb.sndUna).toBe(5101);
    expect(arrive(server, segment(['PSH', 'ACK'], edge, 5101, 10))).toMatchObject({ out: [seg(['ACK'], 5101, 1001)], delivered: 0 });
    expect(arrive(server, segment(['ACK'], edge + 1, 5101))).toMatchObject({ out: [seg(['ACK'], 5101, 1001)] });
    void client;
  });

  it('§3.10.7.4 (first check): an RST outside the window is silently dropped', () => {
    const { server } = established();
    expect(arrive(server, segment(['RST'], 1001 + 70000, 0))).toMatchObject({ state: 'ESTABLISHED', out: [] });
  });

  it('RFC 5961 §3 / §3.10.7.4 (second check): an RST in the window but not at RCV.NXT gets a challenge ACK; at RCV.NXT it resets', () => {
    const { server } = established();
    expect(arrive(server, segment(['RST'], 1101, 0))).toMatchObject({ state: 'ESTABLISHED', out: [seg(['ACK'], 5001, 1001)], error: undefined });
    expect(arrive(server, segment(['RST'], 1001, 0))).toMatchObject({ state: 'CLOSED', out: [], error: 'connection reset' });
  });

  it('§3.10.7.4 (second check): an RST in CLOSING, LAST-ACK or TIME-WAIT just deletes the connection', () => {
    const { client, server } = established();
    step(client, { type: 'CLOSE' });
    arrive(client, segment(['FIN', 'ACK'], 5001, 1002));
    expect(arrive(client, segment(['RST'], 5002, 0))).toMatchObject({ state: 'CLOSED', out: [], error: undefined });
    arrive(server, segment(['FIN', 'ACK'], 1001, 5001));
    step(server, { type: 'CLOSE' });
    expect(stateOf(server)).toBe('LAST-ACK');
    expect(arrive(server, segment(['RST'], 1002, 0))).toMatchObject({ state: 'CLOSED', out: [], error: undefined });
  });

  it('RFC 5961 §4 / §3.10.7.4 (fourth check): a SYN on an ESTABLISHED connection gets a challenge ACK', () => {
    const { server } = established();
    expect(arrive(server, segment(['SYN'], 1001, 0))).toMatchObject({ state: 'ESTABLISHED', out: [seg(['ACK'], 5001, 1001)] });
    expect(arrive(server, segment(['SYN'], 1, 0))).toMatchObject({ state: 'ESTABLISHED', out: [seg(['ACK'], 5001, 1001)] });
    expect(tcbOf(server)).toMatchObject({ rcvNxt: 1001, irs: 1000 });
  });

  it('§3.10.7.4 (fifth check): an ACK of data never sent is answered with an ACK and dropped', () => {
    const { server } = established();
    const r = arrive(server, segment(['PSH', 'ACK'], 1001, 6000, 10));
    expect(r).toMatchObject({ state: 'ESTABLISHED', out: [seg(['ACK'], 5001, 1001)], delivered: 0 });
  });

  it('§3.10.7.4 (fifth check): a segment without ACK is dropped', () => {
    const { server } = established();
    expect(arrive(server, segment(['PSH'], 1001, 0, 10))).toMatchObject({ state: 'ESTABLISHED', out: [], delivered: 0 });
  });

  it('§3.10.5: ABORT in ESTABLISHED sends <SEQ=SND.NXT><CTL=RST>, and the peer resets', () => {
    const { client, server } = established();
    step(client, { type: 'SEND', len: 100 });
    const r = step(client, { type: 'ABORT' });
    expect(r).toMatchObject({ state: 'CLOSED', out: [seg(['RST'], 1101)] });
    // The peer has not seen the data (it was lost, say): the RST is in its window but not at RCV.NXT.
    expect(arrive(server, r.emits[0]!).out).toEqual([seg(['ACK'], 5001, 1001)]);
    expect(arrive(server, segment(['RST'], 1001, 0))).toMatchObject({ state: 'CLOSED', error: 'connection reset' });
  });

  it('§3.10.5: ABORT without a synchronized connection sends nothing', () => {
    const a = endpoint(1);
    expect(step(a, { type: 'ABORT' })).toMatchObject({ state: 'CLOSED', out: [], error: 'connection does not exist' });
    step(a, { type: 'CONNECT' });
    expect(step(a, { type: 'ABORT' })).toMatchObject({ state: 'CLOSED', out: [] });
  });
});

describe('user-call errors and timeouts', () => {
  it('§3.10.2: SEND in CLOSED → "connection does not exist"', () => {
    expect(step(endpoint(1), { type: 'SEND', len: 10 })).toMatchObject({ state: 'CLOSED', out: [], error: 'connection does not exist' });
  });

  it('§3.10.2: SEND in LISTEN → "foreign socket unspecified"', () => {
    const a = endpoint(1);
    step(a, { type: 'LISTEN' });
    expect(step(a, { type: 'SEND', len: 10 })).toMatchObject({ state: 'LISTEN', out: [], error: 'foreign socket unspecified' });
  });

  it('§3.10.2: SEND in FIN-WAIT-1 → "connection closing"', () => {
    const { client } = established();
    step(client, { type: 'CLOSE' });
    expect(step(client, { type: 'SEND', len: 10 })).toMatchObject({ state: 'FIN-WAIT-1', out: [], error: 'connection closing' });
  });

  it('§3.10.8: the retransmission timeout resends the oldest unacknowledged segment', () => {
    const { client, server } = established();
    step(client, { type: 'SEND', len: 100 });
    step(client, { type: 'SEND', len: 50 });
    expect(step(client, { type: 'TIMEOUT', timer: 'retransmission' })).toMatchObject({ state: 'ESTABLISHED', out: [seg(['PSH', 'ACK'], 1001, 5001, 100)] });
    // After a partial ACK, the oldest is the second segment; it carries the current acknowledgement.
    arrive(client, segment(['PSH', 'ACK'], 5001, 1101, 7));
    expect(step(client, { type: 'TIMEOUT', timer: 'retransmission' })).toMatchObject({ out: [seg(['PSH', 'ACK'], 1101, 5008, 50)] });
    void server;
  });

  it(`§3.10.8 / §3.8.3: SYN-SENT resends its SYN ${RETRIES['SYN-SENT']} times, then gives up with "connection aborted due to user timeout"`, () => {
    const a = endpoint(1000);
    step(a, { type: 'CONNECT' });
    for (let i = 0; i < RETRIES['SYN-SENT']; i++) {
      expect(step(a, { type: 'TIMEOUT', timer: 'retransmission' })).toMatchObject({ state: 'SYN-SENT', out: [seg(['SYN'], 1000)] });
    }
    expect(step(a, { type: 'TIMEOUT', timer: 'retransmission' })).toMatchObject({
      state: 'CLOSED',
      out: [],
      error: 'connection aborted due to user timeout',
    });
  });

  it(`§3.10.8 / §3.8.3: ESTABLISHED gives up after ${RETRIES.other} unanswered retransmissions; an ACK resets the count`, () => {
    const { client } = established();
    step(client, { type: 'SEND', len: 10 });
    for (let i = 0; i < RETRIES.other - 1; i++) step(client, { type: 'TIMEOUT', timer: 'retransmission' });
    step(client, { type: 'SEND', len: 10 });
    arrive(client, segment(['ACK'], 5001, 1011));
    expect(tcbOf(client).retries).toBe(0);
    for (let i = 0; i < RETRIES.other; i++) {
      expect(step(client, { type: 'TIMEOUT', timer: 'retransmission' })).toMatchObject({ state: 'ESTABLISHED', out: [seg(['PSH', 'ACK'], 1011, 5001, 10)] });
    }
    expect(step(client, { type: 'TIMEOUT', timer: 'retransmission' })).toMatchObject({ state: 'CLOSED', error: 'connection aborted due to user timeout' });
  });

  it(`§3.10.8 (Linux): a passive SYN-RECEIVED gives up after ${RETRIES['SYN-RECEIVED']} SYN,ACK retransmissions and keeps listening`, () => {
    const server = endpoint(5000);
    step(server, { type: 'LISTEN' });
    arrive(server, segment(['SYN'], 1000, 0));
    for (let i = 0; i < RETRIES['SYN-RECEIVED']; i++) {
      expect(step(server, { type: 'TIMEOUT', timer: 'retransmission' })).toMatchObject({ state: 'SYN-RECEIVED', out: [seg(['SYN', 'ACK'], 5000, 1001)] });
    }
    expect(step(server, { type: 'TIMEOUT', timer: 'retransmission' })).toMatchObject({ state: 'LISTEN', out: [], error: undefined });
  });

  it('§3.10.8: the user timeout deletes the connection in any state', () => {
    const { client } = established();
    expect(step(client, { type: 'TIMEOUT', timer: 'user' })).toMatchObject({ state: 'CLOSED', out: [], error: 'connection aborted due to user timeout' });
  });

  it('§3.10.8: with nothing unacknowledged, the retransmission timeout does nothing', () => {
    const { client } = established();
    expect(step(client, { type: 'TIMEOUT', timer: 'retransmission' })).toMatchObject({ state: 'ESTABLISHED', out: [] });
    expect(brief(segment(['ACK'], 1, 2))).toEqual(seg(['ACK'], 1, 2));
  });
});
