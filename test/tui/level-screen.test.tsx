import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppProps } from '../../src/tui/App';
import { emptyProgress, levelBest, type Progress } from '../../src/progress/store';
import { loadLevelFile, type LoadedLevel } from '../../src/levels/load';
import { packViewFromLoaded } from '../../src/tui/packs';
import type { PackView } from '../../src/tui/types';
import { ok } from '../../src/net/result';
import { mountApp, tick } from './harness';

const KEY = { up: '\x1b[A', down: '\x1b[B', left: '\x1b[D', right: '\x1b[C', enter: '\r', esc: '\x1b', tab: '\t' };

function fixture(name: string): LoadedLevel {
  const r = loadLevelFile(new URL(`../fixtures/levels/${name}.yaml`, import.meta.url).pathname);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

const FIXTURES = ['configure-gateway', 'answer-subnet', 'predict-switch', 'route-hops'] as const;

/** One chapter per fixture, so each level is the first of its chapter (unlocked). */
function fixturePack(): PackView {
  return packViewFromLoaded({
    pack: { id: 'fixtures', name: 'Fixtures' },
    chapters: FIXTURES.map((f) => ({ id: f, title: f, levels: [fixture(f)] })),
  });
}


function start(props: Partial<AppProps> = {}) {
  const all: AppProps = { packs: [fixturePack()], progress: emptyProgress(), size: { columns: 100, rows: 30 }, onQuit: () => {}, ...props };
  return mountApp(all);
}

/** Title → campaign → the fixture's chapter → its level → past the briefing. */
async function openLevel(app: ReturnType<typeof start>, fixtureName: (typeof FIXTURES)[number]) {
  await tick();
  await app.press(KEY.enter);
  for (let i = 0; i < FIXTURES.indexOf(fixtureName); i++) await app.press(KEY.down);
  await app.press(KEY.enter, KEY.enter);
  expect(app.frame()).toContain('Briefing');
  await app.press(KEY.enter);
  expect(app.frame()).toContain('Tasks');
}

/** Moves the task cursor to the row containing `label` and presses Enter. */
async function chooseTask(app: ReturnType<typeof start>, label: string | RegExp) {
  for (let i = 0; i < 12; i++) {
    const row = app.frame().split('\n').find((l) => (typeof label === 'string' ? l.includes(label) : label.test(l)));
    if (row && /› [✓✗○] /.test(row)) break;
    await app.press(KEY.down);
  }
  await app.press(KEY.enter);
}

afterEach(() => cleanup());

describe('level screen', () => {
  it('opens with the briefing, then plays configure-gateway to a win with three stars, recorded and saved', async () => {
    const persist = vi.fn((p: Progress) => ok({ progress: p, notice: undefined }));
    const app = start({ persist: persist as unknown as AppProps['persist'] });
    await tick();
    await app.press(KEY.enter, KEY.enter, KEY.enter);
    expect(app.frame().replace(/[│\s]+/g, ' ')).toContain('Give pc1 a default gateway');
    await app.press(KEY.enter);
    const f = app.frame();
    expect(f).toContain('A door to the other subnet');
    expect(f).toMatch(/steps 0\/1/);
    expect(f).toMatch(/✗ pc1 can ping pc2/);
    // The inspector shows the selected device (pc1: the one the level lets you change).
    expect(f).toContain('Device pc1');
    expect(f).toContain('192.168.1.10/24');
    expect(f).toMatch(/gateway: none/);
    await chooseTask(app, 'Configure the network');
    expect(app.frame()).toContain("Set pc1's default gateway:");
    await app.type('192.168.1.1');
    await app.press(KEY.enter);
    const won = app.frame();
    expect(won).toContain('Solved!');
    expect(won).toContain('★★★');
    expect(won).toMatch(/steps 1 \(par 1\)/);
    expect(won).toContain('A host sends off-subnet packets to its gateway');
    expect(won).toContain('Next level');
    expect(persist).toHaveBeenCalledTimes(1);
    const saved = persist.mock.calls[0]![0];
    expect(levelBest(saved, 'fixtures', 'two-subnets-gateway')).toMatchObject({ solved: true, stars: 3 });
    // Back to the level list: the stars show there.
    await app.press(KEY.down, KEY.enter);
    expect(app.frame()).toContain('★★★');
  });

  it('keys typed in one burst all land, even those typed in the instant the field opens', async () => {
    const app = start();
    await tick();
    await app.press(KEY.enter, KEY.enter, KEY.enter);
    // Start, open the only change (pc1's gateway), type the address, send: no redraw in between.
    for (const k of [KEY.enter, KEY.enter, ...'192.168.1.1', KEY.enter]) app.stdin.write(k);
    await tick();
    expect(app.frame()).toContain('Solved!');
  });

  it('p pauses: the clock stops and the network is hidden until the player resumes', async () => {
    const app = start();
    await openLevel(app, 'configure-gateway');
    await app.press('p');
    const f = app.frame();
    expect(f).toContain('Paused');
    expect(f).not.toContain('Device pc1');
    await app.press('p');
    expect(app.frame()).toContain('Device pc1');
  });

  it('t watches the traffic: the stepper with headers layer by layer, the footer lists its keys; esc goes back', async () => {
    const app = start();
    await openLevel(app, 'configure-gateway');
    await chooseTask(app, 'Configure the network');
    expect(app.frame()).toMatch(/send .*clear .*esc cancel/);
    await app.type('192.168.1.1');
    // Not yet: that solves it. Cancel, watch the traffic as it is (no gateway: no frames).
    await app.press(KEY.esc, 't');
    let f = app.frame();
    expect(f).toMatch(/Step 1 of \d+/);
    expect(f).toMatch(/no default\s+gateway/);
    expect(f).toMatch(/step .*play .*speed/);
    await app.press(KEY.esc);
    f = app.frame();
    expect(f).toContain('Tasks');
    expect(f).toMatch(/task .*do it/);
  });

  it('a wrong gateway shows the misconception explanation in red feedback, and counts a wrong try', async () => {
    const app = start();
    await openLevel(app, 'configure-gateway');
    await chooseTask(app, 'Configure the network');
    await app.type('10.0.0.1');
    await app.press(KEY.enter);
    const f = app.frame();
    expect(f).toMatch(/Not quite \(gateway off subnet\)/);
    expect(f).toMatch(/wrong 1/);
    expect(f).not.toContain('Solved!');
    expect(f).toContain('10.0.0.1');
  });

  it('shows the inline validation message for a malformed address, and Enter does nothing until it is valid', async () => {
    const app = start();
    await openLevel(app, 'configure-gateway');
    await chooseTask(app, 'Configure the network');
    await app.type('192.168.1.300');
    const f = app.frame();
    expect(f).toMatch(/300/);
    expect(f).toMatch(/255|too big|at most/i);
    await app.press(KEY.enter);
    expect(app.frame()).toMatch(/steps 0\/1/);
    // Esc cancels the field, and q typed inside a field is typed, not "back".
    await app.press(KEY.esc);
    expect(app.frame()).toContain('Tasks');
    await chooseTask(app, 'Configure the network');
    await app.type('q');
    expect(app.frame()).toContain('Tasks');
    expect(app.frame()).toMatch(/› q/);
  });

  it('answers answer-subnet through the UI', async () => {
    const app = start();
    await openLevel(app, 'answer-subnet');
    await chooseTask(app, 'the network address');
    await app.type('192.168.10.64');
    await app.press(KEY.enter);
    expect(app.frame()).toContain('Correct');
    expect(app.frame()).toMatch(/✓ Question: What is the network address/);
    await chooseTask(app, 'the broadcast address');
    await app.type('192.168.10.127');
    await app.press(KEY.enter);
    await chooseTask(app, 'usable host');
    await app.type('62');
    await app.press(KEY.enter);
    expect(app.frame()).toContain('Solved!');
    expect(app.frame()).toContain('★★★');
  });

  it('predict-switch shows the reveal from the trace after an answer', async () => {
    const app = start();
    await openLevel(app, 'predict-switch');
    await chooseTask(app, 'Where does sw1 send frame #1');
    await app.type('flood');
    await app.press(KEY.enter);
    const f = app.frame();
    expect(f).toContain('Correct');
    expect(f).toMatch(/sw1 floods frame #\d+ out/);
  });

  it('route-hops is played with the device select', async () => {
    const app = start();
    await openLevel(app, 'route-hops');
    await chooseTask(app, 'Carry a packet from a to b');
    expect(app.frame()).toContain('The packet is at a. Where does it go next?');
    // The choices list every device but a: b, r1, r2.
    await app.press(KEY.down, KEY.enter); // r1
    expect(app.frame()).toContain('Correct');
    expect(app.frame()).toContain('The packet is at r1');
    await app.press(KEY.down, KEY.down, KEY.enter); // r2 (the list: a, b, r2)
    expect(app.frame()).toContain('The packet is at r2');
    await app.press(KEY.down, KEY.enter); // b (the list: a, b, r1)
    expect(app.frame()).toContain('Solved!');
  });

  it('h gives a hint in the feedback; S asks before showing the solution; ? lists the keys and keeps the level', async () => {
    const app = start();
    await openLevel(app, 'configure-gateway');
    await app.press('h');
    expect(app.frame()).toContain("The gateway is the router's address");
    expect(app.frame()).toMatch(/hints 1/);
    await app.press('S');
    expect(app.frame()).toContain('Show the solution?');
    await app.press('n');
    expect(app.frame()).not.toContain('Show the solution?');
    await app.press('?');
    expect(app.frame()).toContain('Keys: Level');
    expect(app.frame()).toContain('take a hint');
    await app.press('?');
    expect(app.frame()).toMatch(/hints 1/);
    await app.press('S', 'y');
    expect(app.frame().replace(/\s+/g, ' ')).toContain('set-gateway pc1 192.168.1.1');
    await chooseTask(app, 'Configure the network');
    await app.type('192.168.1.1');
    await app.press(KEY.enter);
    expect(app.frame()).toContain('does not count');
  });

  it('fits 80×24: no line wider than the terminal, the frame one row shorter', async () => {
    const app = start({ size: { columns: 80, rows: 24 } });
    await openLevel(app, 'route-hops');
    const lines = app.frame().split('\n');
    expect(lines.length).toBe(23);
    for (const l of lines) expect([...l].length).toBeLessThanOrEqual(80);
  });
});
