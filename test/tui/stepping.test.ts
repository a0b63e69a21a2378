import { describe, expect, it } from 'vitest';
import { ipv4 } from '../../src/net/address/ipv4';
import { describeEvent } from '../../src/net/sim/describe';
import { renderLadder } from '../../src/machines/tcp/ladder';
import {
  buildSteps,
  headerLayers,
  highlightLinkIndex,
  initialStepper,
  ladderAt,
  SPEEDS,
  stepFocus,
  stepHop,
  stepperReducer,
  stepTitle,
  tickMs,
  type StepperEvent,
  type StepperState,
} from '../../src/tui/stepping';
import { lan, routerChain } from '../helpers/topologies';

function pingTrace() {
  const sim = lan(3);
  sim.ping('pc1', ipv4('10.0.0.2'));
  sim.run();
  return sim.trace;
}

function tcpTrace() {
  const sim = lan(3);
  sim.host('pc2')!.tcp.listen(80);
  sim.host('pc1')!.tcp.connect(ipv4('10.0.0.2'), 80, { app: { send: 10, close: true } });
  sim.run({ untilNs: 5e9 });
  return sim.trace;
}

describe('steps from a trace', () => {
  it('has one step per frame, in order, and every other event exactly once', () => {
    for (const trace of [pingTrace(), tcpTrace(), (() => { const s = routerChain(2); s.ping('a', ipv4('10.0.2.10')); s.run(); return s.trace; })()]) {
      const steps = buildSteps(trace);
      const frames = trace.filter((e) => e.kind === 'frame');
      expect(steps.filter((s) => s.frame).map((s) => s.frame)).toEqual(frames);
      const others = steps.flatMap((s) => [...s.before, ...s.after]);
      expect(others.length).toBe(trace.length - frames.length);
      expect(new Set(others).size).toBe(others.length);
      // upTo never goes back, and reaches the end of the trace.
      steps.forEach((s, i) => i > 0 && expect(s.upTo).toBeGreaterThanOrEqual(steps[i - 1]!.upTo));
      expect(steps[steps.length - 1]!.upTo).toBe(trace.length - 1);
    }
  });

  it("puts the sender's decisions before the first frame and the switch's reaction after it", () => {
    const steps = buildSteps(pingTrace());
    const first = steps[0]!;
    expect(stepTitle(first)).toBe('ARP request: who has 10.0.0.2? tell 10.0.0.1');
    expect(stepHop(first)).toBe('pc1:eth0 → sw1:p1');
    expect(first.before.map((e) => e.kind)).toEqual(['ping', 'route', 'arp-resolve']);
    expect(first.after.map(describeEvent)).toEqual(['sw1 learns 02:00:00:00:00:01 is on p1', 'sw1 floods frame #1 out p2, p3 (broadcast)']);
  });

  it("attaches a host's drop to the flooded copy that reached it, not to whatever frame came next", () => {
    const steps = buildSteps(pingTrace());
    const toPc3 = steps.find((s) => s.frame?.to.device === 'pc3')!;
    expect(toPc3.after.map((e) => e.kind)).toEqual(['drop']);
    const toPc2 = steps.find((s) => s.frame?.to.device === 'pc2')!;
    expect(toPc2.after.some((e) => e.kind === 'arp-cache')).toBe(true);
  });

  it('keeps events no frame carries as a step of their own: a ping with no route', () => {
    const sim = lan(2);
    sim.ping('pc1', ipv4('192.168.9.9'));
    sim.run();
    const steps = buildSteps(sim.trace);
    expect(steps).toHaveLength(1);
    expect(steps[0]!.frame).toBeUndefined();
    expect(stepHop(steps[0]!)).toBeUndefined();
    expect(stepTitle(steps[0]!)).toMatch(/not sent/);
    expect(stepFocus(steps[0])).toBeUndefined();
  });

  it('an empty trace has no steps', () => {
    expect(buildSteps([])).toEqual([]);
  });
});

describe('the cursor and the player', () => {
  const run = (events: StepperEvent['type'][], count: number, from: StepperState = initialStepper(count)) =>
    events.reduce((s, type) => stepperReducer(s, { type } as StepperEvent, count), from);

  it('steps forward and back within the trace', () => {
    expect(run(['next', 'next'], 5).cursor).toBe(2);
    expect(run(['prev'], 5).cursor).toBe(0);
    expect(run(['next', 'next', 'next', 'next', 'next', 'next'], 5).cursor).toBe(4);
    expect(run(['last'], 5).cursor).toBe(4);
    expect(run(['last', 'first'], 5).cursor).toBe(0);
    expect(stepperReducer(initialStepper(5), { type: 'goto', index: 99 }, 5).cursor).toBe(4);
    expect(initialStepper(5, 'last').cursor).toBe(4);
  });

  it('plays one step per tick and stops at the last', () => {
    let s = run(['toggle-play'], 3);
    expect(s.playing).toBe(true);
    s = run(['tick'], 3, s);
    expect(s).toMatchObject({ cursor: 1, playing: true });
    s = run(['tick'], 3, s);
    expect(s).toMatchObject({ cursor: 2, playing: false });
    expect(run(['tick'], 3, s).cursor).toBe(2);
  });

  it('play at the end starts again; stepping by hand pauses; a tick while paused does nothing', () => {
    expect(run(['last', 'toggle-play'], 4)).toMatchObject({ cursor: 0, playing: true });
    expect(run(['toggle-play', 'next'], 4)).toMatchObject({ cursor: 1, playing: false });
    expect(run(['tick'], 4).cursor).toBe(0);
    expect(run(['toggle-play'], 1).playing).toBe(false);
  });

  it('changes speed within the choices, and the timer follows', () => {
    const start = initialStepper(3);
    expect(SPEEDS[start.speed]).toBe(1);
    expect(tickMs(start)).toBe(1000);
    const fast = run(['faster', 'faster', 'faster', 'faster', 'faster', 'faster'], 3);
    expect(SPEEDS[fast.speed]).toBe(SPEEDS[SPEEDS.length - 1]);
    expect(tickMs(fast)).toBe(125);
    expect(run(['slower', 'slower', 'slower'], 3).speed).toBe(0);
  });
});

describe('headers layer by layer', () => {
  it('an ARP request: Ethernet, ARP, then padding, each field with its value', () => {
    const frame = buildSteps(pingTrace())[0]!.frame!.frame;
    const layers = headerLayers(frame);
    expect(layers.map((l) => l.title)).toEqual(['Ethernet II', 'ARP', 'Data']);
    const eth = Object.fromEntries(layers[0]!.fields.map((f) => [f.name, f.value]));
    expect(eth).toEqual({ 'destination MAC': 'ff:ff:ff:ff:ff:ff (broadcast)', 'source MAC': '02:00:00:00:00:01', EtherType: '0x0806 (ARP)' });
    const arp = Object.fromEntries(layers[1]!.fields.map((f) => [f.name, f.value]));
    expect(arp).toMatchObject({ operation: '1 (request)', 'sender IP': '10.0.0.1', 'target IP': '10.0.0.2', 'target MAC': '00:00:00:00:00:00', 'hardware type': '1 (Ethernet)' });
    expect(layers[2]!.fields).toEqual([expect.objectContaining({ name: 'padding', offset: 42, length: 18 })]);
  });

  it('an echo request: IPv4 and ICMP fields named, TTL and protocol read from the bytes', () => {
    const steps = buildSteps(pingTrace());
    const echo = steps.find((s) => s.frame && stepTitle(s).startsWith('ICMP echo-request'))!.frame!.frame;
    const layers = headerLayers(echo);
    expect(layers.map((l) => l.layer)).toEqual(['ethernet', 'ipv4', 'icmp', 'payload']);
    const ip = Object.fromEntries(layers[1]!.fields.map((f) => [f.name, f.value]));
    expect(ip).toMatchObject({ 'version and header length': 'version 4, header 20 bytes', TTL: '64', protocol: '1 (ICMP)', 'source IP': '10.0.0.1', 'destination IP': '10.0.0.2' });
    expect(ip['header checksum']).toMatch(/^0x[0-9a-f]{4}$/);
    expect(layers[2]!.fields.find((f) => f.name === 'type')!.value).toBe('8 (echo request)');
  });

  it('a SYN: the TCP flags are spelled out', () => {
    const steps = buildSteps(tcpTrace());
    const syn = steps.find((s) => s.frame && stepTitle(s).startsWith('TCP 49152 → 80'))!.frame!.frame;
    const tcp = headerLayers(syn).find((l) => l.layer === 'tcp')!;
    expect(tcp.fields.find((f) => f.name === 'data offset and flags')!.value).toBe('header 20 bytes, flags SYN');
    expect(tcp.fields.find((f) => f.name === 'destination port')!.value).toBe('80');
  });
});

describe('the TCP ladder as the exchange runs', () => {
  it('grows with the cursor, one row per segment its sender sent, never a forwarded copy', () => {
    const trace = tcpTrace();
    const steps = buildSteps(trace);
    const atEnd = ladderAt(trace, steps, steps.length - 1)!;
    expect(atEnd.leftName).toBe('pc1 10.0.0.1:49152');
    expect(atEnd.rightName).toBe('pc2 10.0.0.2:80');
    // The server was listening before the SYN came; the client was closed.
    expect([atEnd.initialLeft, atEnd.initialRight]).toEqual(['CLOSED', 'LISTEN']);
    // Sent by pc1 or pc2 themselves (frames whose sender is the segment's own host).
    const sent = trace.filter((e) => e.kind === 'frame' && e.frame.payload.kind === 'ipv4' && e.frame.payload.payload.kind === 'tcp' && (e.from.device === 'pc1' || e.from.device === 'pc2'));
    expect(atEnd.rows).toHaveLength(sent.length);
    expect(atEnd.rows[0]).toMatchObject({ from: 'left', segment: { flags: ['SYN'], len: 0 }, leftState: 'SYN-SENT', rightState: 'SYN-RECEIVED' });
    expect(atEnd.rows[1]).toMatchObject({ from: 'right', segment: { flags: ['SYN', 'ACK'] }, leftState: 'ESTABLISHED' });
    expect(atEnd.rows.some((r) => r.segment.len === 10)).toBe(true);
    expect(atEnd.rows.some((r) => r.segment.flags.includes('FIN'))).toBe(true);
    expect(atEnd.rows.some((r) => r.lost)).toBe(false);

    // Before any TCP frame (the ARP exchange): no ladder.
    expect(ladderAt(trace, steps, 0)).toBeUndefined();
    const synStep = steps.findIndex((s) => s.frame && s.frame.from.device === 'pc1' && stepTitle(s).startsWith('TCP'));
    const atSyn = ladderAt(trace, steps, synStep)!;
    expect(atSyn.rows).toHaveLength(1);
    // pc2 has not seen the SYN yet at that step.
    expect(atSyn.rows[0]!.rightState).toBeUndefined();
    let prev = 0;
    for (let i = synStep; i < steps.length; i++) {
      const n = ladderAt(trace, steps, i)!.rows.length;
      expect(n).toBeGreaterThanOrEqual(prev);
      prev = n;
    }
    // The model feeds the existing renderer.
    const lines = renderLadder(atEnd.rows, { width: 60, leftName: atEnd.leftName, rightName: atEnd.rightName, initialLeft: atEnd.initialLeft, initialRight: atEnd.initialRight });
    expect(lines.join('\n')).toContain('SYN,ACK');
  });

  it('marks a segment that never arrives as lost: the way back has no route', () => {
    const sim = routerChain(2);
    // r2 forgets the way back to a's subnet: b's SYN,ACK dies there.
    sim.host('r2')!.removeStaticRoute({ network: ipv4('10.0.0.0'), prefix: 24 } as never);
    sim.host('b')!.tcp.listen(80);
    sim.host('a')!.tcp.connect(ipv4('10.0.2.10'), 80);
    sim.run({ untilNs: 2e9 });
    const steps = buildSteps(sim.trace);
    const view = ladderAt(sim.trace, steps, steps.length - 1)!;
    expect(view.rows[0]).toMatchObject({ from: 'left', segment: { flags: ['SYN'] } });
    expect(view.rows[0]!.lost).toBeUndefined();
    const synAck = view.rows.find((r) => r.from === 'right')!;
    expect(synAck).toMatchObject({ segment: { flags: ['SYN', 'ACK'] }, lost: true });
  });
});

describe('focus on the drawing', () => {
  it("finds the current frame's link in the drawn topology", () => {
    const steps = buildSteps(pingTrace());
    const topo = {
      devices: [{ name: 'sw1', kind: 'switch' as const }, ...['pc1', 'pc2', 'pc3'].map((n) => ({ name: n, kind: 'host' as const }))],
      links: ['pc1', 'pc2', 'pc3'].map((n, i) => ({ a: { device: n, port: 'eth0' }, b: { device: 'sw1', port: `p${i + 1}` } })),
    };
    expect(highlightLinkIndex(topo, stepFocus(steps[0]))).toBe(0);
    const toPc3 = steps.find((s) => s.frame?.to.device === 'pc3');
    expect(highlightLinkIndex(topo, stepFocus(toPc3))).toBe(2);
    expect(highlightLinkIndex(topo, undefined)).toBeUndefined();
  });
});
