import { describe, expect, it, vi } from 'vitest';
import { render } from 'ink-testing-library';
import { ipv4 } from '../../src/net/address/ipv4';
import { TraceStepper, type Schedule, type TraceStepperProps } from '../../src/tui/components/TraceStepper';
import { traceStepperKeys, type StepFocus } from '../../src/tui/stepping';
import { ThemeContext, themeFromEnv } from '../../src/tui/theme';
import { lan } from '../helpers/topologies';
import { tick } from './harness';

function pingTrace() {
  const sim = lan(3);
  sim.ping('pc1', ipv4('10.0.0.2'));
  sim.run();
  return sim.trace;
}

function tcpTrace() {
  const sim = lan(2);
  sim.host('pc2')!.tcp.listen(80);
  sim.host('pc1')!.tcp.connect(ipv4('10.0.0.2'), 80, { app: { send: 10, close: true } });
  sim.run({ untilNs: 5e9 });
  return sim.trace;
}

/** A clock the test moves by hand: `fire()` runs what the player scheduled. */
function manualClock() {
  const pending: { fn: () => void; ms: number }[] = [];
  const schedule: Schedule = (fn, ms) => {
    const job = { fn, ms };
    pending.push(job);
    return () => {
      const i = pending.indexOf(job);
      if (i >= 0) pending.splice(i, 1);
    };
  };
  return { schedule, pending, fire: () => pending.splice(0).forEach((j) => j.fn()) };
}

function mount(props: Partial<TraceStepperProps> & Pick<TraceStepperProps, 'trace'>, env: NodeJS.ProcessEnv = {}) {
  const r = render(
    <ThemeContext.Provider value={themeFromEnv(env)}>
      <TraceStepper width={78} height={18} active {...props} />
    </ThemeContext.Provider>,
  );
  const press = async (...keys: string[]) => {
    for (const k of keys) {
      r.stdin.write(k);
      await tick();
    }
  };
  // eslint-disable-next-line no-control-regex
  const frame = () => (r.lastFrame() ?? '').replace(/\x1b\[[0-9;]*m/g, '');
  return { ...r, press, frame };
}

const RIGHT = '\x1b[C';
const LEFT = '\x1b[D';
const END = '\x1b[F';
const HOME = '\x1b[H';

describe('the trace stepper', () => {
  it('opens on the first frame: the counter, the hop, what it is, what it caused, its headers', async () => {
    const s = mount({ trace: pingTrace() });
    await tick();
    const f = s.frame();
    expect(f).toMatch(/Step 1 of \d+/);
    expect(f).toContain('pc1:eth0 → sw1:p1');
    expect(f).toContain('ARP request: who has 10.0.0.2? tell 10.0.0.1');
    expect(f).toContain('→ sw1 floods frame #1 out p2, p3 (broadcast)');
    expect(f).toContain('Ethernet II');
    expect(f).toContain('destination MAC ff:ff:ff:ff:ff:ff (broadcast)');
    expect(f).toContain('operation 1 (request)');
    expect(f).toContain('paused');
  });

  it('steps with → l . and back with ← h , ; home and end jump; the focus follows', async () => {
    const focus: (StepFocus | undefined)[] = [];
    const s = mount({ trace: pingTrace(), onFocus: (f) => focus.push(f) });
    await tick();
    expect(focus.at(-1)?.from).toEqual({ device: 'pc1', port: 'eth0' });
    await s.press(RIGHT);
    expect(s.frame()).toMatch(/Step 2 of/);
    expect(s.frame()).toContain('sw1:p2 → pc2:eth0');
    expect(focus.at(-1)).toMatchObject({ from: { device: 'sw1', port: 'p2' }, to: { device: 'pc2', port: 'eth0' } });
    await s.press('l', '.');
    expect(s.frame()).toMatch(/Step 4 of/);
    await s.press(LEFT, 'h', ',');
    expect(s.frame()).toMatch(/Step 1 of/);
    await s.press(END);
    const total = /Step (\d+) of (\d+)/.exec(s.frame())!;
    expect(total[1]).toBe(total[2]);
    await s.press(HOME);
    expect(s.frame()).toMatch(/Step 1 of/);
    await s.press('G');
    expect(s.frame()).toMatch(new RegExp(`Step ${total[2]} of`));
    await s.press('g');
    expect(s.frame()).toMatch(/Step 1 of/);
  });

  it('space plays one step per tick of its timer at the chosen speed, and pauses', async () => {
    const clock = manualClock();
    const s = mount({ trace: pingTrace(), schedule: clock.schedule });
    await tick();
    expect(clock.pending).toHaveLength(0);
    await s.press(' ');
    expect(s.frame()).toContain('playing, 1 step/s');
    expect(clock.pending.map((j) => j.ms)).toEqual([1000]);
    clock.fire();
    await tick();
    expect(s.frame()).toMatch(/Step 2 of/);
    await s.press('+', '+');
    expect(s.frame()).toContain('playing, 4 steps/s');
    expect(clock.pending.map((j) => j.ms)).toEqual([250]);
    clock.fire();
    await tick();
    expect(s.frame()).toMatch(/Step 3 of/);
    await s.press(' ');
    expect(s.frame()).toContain('paused, 4 steps/s');
    expect(clock.pending).toHaveLength(0);
    await s.press('-', '-', '-');
    expect(s.frame()).toContain('0.5 steps/s');
  });

  it('for TCP, v shows the ladder, which grows as the exchange runs', async () => {
    const s = mount({ trace: tcpTrace() });
    await tick();
    // The ARP exchange first: no ladder yet, so v does nothing.
    await s.press('v');
    expect(s.frame()).toContain('Headers');
    expect(s.frame()).not.toContain('TCP ladder');
    // Step until the SYN is on the wire.
    for (let i = 0; i < 10 && !s.frame().includes('TCP 49152 → 80'); i++) await s.press('l');
    expect(s.frame()).toContain('v: the TCP ladder');
    await s.press('v');
    let f = s.frame();
    expect(f).toContain('pc1 10.0.0.1:49152');
    expect(f).toContain('SYN seq=');
    expect(f).not.toContain('SYN,ACK');
    expect(f).toContain('LISTEN');
    await s.press(END);
    f = s.frame();
    expect(f).toContain('TIME-WAIT');
    await s.press('v');
    expect(s.frame()).toContain('v: the TCP ladder');
  });

  it('on a wide screen shows headers and the ladder side by side', async () => {
    const s = mount({ trace: tcpTrace(), width: 130, height: 24, start: 'last' });
    await tick();
    await s.press(LEFT);
    const f = s.frame();
    expect(f).toContain('Headers (');
    expect(f).toContain('| TCP ladder');
    expect(f).toContain('ESTABLISHED');
  });

  it('never draws wider or taller than asked, at 80×24 and smaller', async () => {
    for (const [width, height] of [[78, 18], [58, 10], [40, 5]] as const) {
      const s = mount({ trace: tcpTrace(), width, height });
      await tick();
      for (let i = 0; i < 8; i++) await s.press('l');
      const lines = s.frame().split('\n');
      expect(lines.length).toBeLessThanOrEqual(height);
      for (const l of lines) expect([...l].length).toBeLessThanOrEqual(width);
      s.unmount();
    }
  });

  it('scrolls long header lists with j/k and says where it is', async () => {
    const s = mount({ trace: tcpTrace(), height: 12 });
    await tick();
    for (let i = 0; i < 10 && !s.frame().includes('TCP 49152 → 80'); i++) await s.press('l');
    expect(s.frame()).toMatch(/rows 1-\d+ of \d+/);
    expect(s.frame()).not.toContain('urgent pointer');
    for (let i = 0; i < 12; i++) await s.press('j');
    expect(s.frame()).toContain('urgent pointer');
    expect(s.frame()).not.toMatch(/rows 1-/);
    await s.press('k');
    expect(s.frame()).toMatch(/rows \d+-\d+ of/);
  });

  it('esc and q call onExit; inactive, it takes no keys', async () => {
    const onExit = vi.fn();
    const s = mount({ trace: pingTrace(), onExit });
    await tick();
    await s.press('q');
    await s.press('\x1b');
    expect(onExit).toHaveBeenCalledTimes(2);
    const idle = mount({ trace: pingTrace(), active: false, onExit });
    await tick();
    await idle.press('l', 'q');
    expect(idle.frame()).toMatch(/Step 1 of/);
    expect(onExit).toHaveBeenCalledTimes(2);
  });

  it('keeps its place when the parent hands in a fresh copy of the same trace; a new trace starts over', async () => {
    const trace = pingTrace();
    const s = mount({ trace });
    await tick();
    await s.press('l', 'l');
    expect(s.frame()).toMatch(/Step 3 of/);
    s.rerender(
      <ThemeContext.Provider value={themeFromEnv({})}>
        <TraceStepper width={78} height={18} active trace={[...trace]} />
      </ThemeContext.Provider>,
    );
    await tick();
    expect(s.frame()).toMatch(/Step 3 of/);
    s.rerender(
      <ThemeContext.Provider value={themeFromEnv({})}>
        <TraceStepper width={78} height={18} active trace={tcpTrace()} />
      </ThemeContext.Provider>,
    );
    await tick();
    expect(s.frame()).toMatch(/Step 1 of/);
  });

  it('vimKeys={false} leaves h l g G to the screen around it; the help follows', async () => {
    const s = mount({ trace: pingTrace(), vimKeys: false });
    await tick();
    await s.press('l', 'l', 'G');
    expect(s.frame()).toMatch(/Step 1 of/);
    await s.press('.', RIGHT);
    expect(s.frame()).toMatch(/Step 3 of/);
    await s.press('h', 'g');
    expect(s.frame()).toMatch(/Step 3 of/);
    expect(traceStepperKeys(themeFromEnv({}).glyphs, { vimKeys: false }).map((k) => k.keys)).toEqual(['←→ , .', 'space', '+ -', 'home end', '↑↓ j k', 'v']);
    expect(traceStepperKeys(themeFromEnv({}).glyphs)[0]!.keys).toBe('←→ h l , .');
  });

  it('an empty trace says so', async () => {
    const s = mount({ trace: [] });
    await tick();
    expect(s.frame()).toContain('Step 0 of 0');
    expect(s.frame()).toContain('Nothing was sent');
    await s.press('l', ' ');
    expect(s.frame()).toContain('paused');
  });

  it('TERM=dumb: ASCII only', async () => {
    const s = mount({ trace: tcpTrace(), start: 'last' }, { TERM: 'dumb' });
    await tick();
    await s.press(LEFT, 'v');
    // eslint-disable-next-line no-control-regex
    expect(s.frame()).toMatch(/^[\x20-\x7e\n]*$/);
  });
});
