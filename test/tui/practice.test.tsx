import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import { Practice, type PracticeProps } from '../../src/tui/screens/Practice';
import { ThemeContext, themeFromEnv } from '../../src/tui/theme';
import { emptyProgress, recordPractice, type PracticeResult, type Progress } from '../../src/progress/store';
import { startSession } from '../../src/practice/session';
import type { PracticeOptions } from '../../src/practice/options';
import { mountApp } from './harness';

const KEY = { up: '\x1b[A', down: '\x1b[B', left: '\x1b[D', right: '\x1b[C', enter: '\r', esc: '\x1b' };

afterEach(() => cleanup());

/** The practice screen alone, on a fake monotonic clock. */
function mount(options: PracticeOptions, over: Partial<PracticeProps> = {}) {
  let now = 1_000;
  const recorded: PracticeResult[] = [];
  const calls = { back: 0, help: 0 };
  const props: PracticeProps = {
    active: true,
    width: 78,
    height: 21,
    progress: emptyProgress(),
    options,
    clock: () => now,
    today: () => new Date('2026-11-25T12:00:00Z'),
    tickMs: 10,
    randomSeed: () => 99,
    onRecord: (r) => void recorded.push(r),
    onBack: () => void calls.back++,
    onHelp: () => void calls.help++,
    ...over,
  };
  const r = render(
    <ThemeContext.Provider value={themeFromEnv({})}>
      <Practice {...props} />
    </ThemeContext.Provider>,
  );
  const settle = async () => {
    // Until the screen has not changed for a few polls (the countdown's timer keeps rendering).
    let seen: string | undefined;
    for (let quiet = 0, i = 0; quiet < 3 && i < 200; i++) {
      await new Promise((res) => setTimeout(res, 5));
      quiet = r.lastFrame() === seen ? quiet + 1 : 0;
      seen = r.lastFrame();
    }
  };
  const press = async (...keys: string[]) => {
    for (const k of keys) {
      r.stdin.write(k);
      await settle();
    }
  };
  // eslint-disable-next-line no-control-regex
  const frame = () => (r.lastFrame() ?? '').replace(/\x1b\[[0-9;]*m/g, '');
  return { ...r, press, settle, frame, recorded, calls, advance: (ms: number) => void (now += ms), now: () => now };
}

describe('practice setup', () => {
  it('lists every topic with a blurb, the minutes and which questions; toggles and refuses to start with none', async () => {
    const app = mount({});
    await app.settle();
    const f = app.frame();
    for (const t of ['subnet', 'same-subnet', 'binary', 'vlsm', 'ports', 'osi', 'transport', 'arp', 'next-hop', 'mac-learning', 'tcp']) expect(f).toMatch(new RegExp(`\\[x\\] ${t}\\b`));
    expect(f).toContain('Minutes: 5');
    expect(f).toContain('new each time');
    await app.press(' ');
    expect(app.frame()).toMatch(/\[ \] subnet/);
    await app.press(KEY.right, KEY.right);
    expect(app.frame()).toContain('Minutes: 15');
    await app.press(KEY.left);
    expect(app.frame()).toContain('Minutes: 10');
    await app.press('d');
    expect(app.frame()).toContain("today's set, 2026-11-25");
    await app.press('a');
    expect(app.frame()).toMatch(/\[x\] subnet/);
    await app.press('a');
    expect(app.frame()).toContain('Choose at least one topic.');
    await app.press(KEY.enter);
    expect(app.frame()).toContain('Timed practice');
    await app.press('?', 'q');
    expect(app.calls).toEqual({ back: 1, help: 1 });
  });
});

describe('the timed drill', () => {
  const options: PracticeOptions = { topics: ['binary'], minutes: 1, seed: 5 };
  /** The questions the screen will ask, from the same pure session. */
  const first = () => startSession({ topics: ['binary'], minutes: 1, seed: 5 }, 0);

  it('asks, checks at once with a verdict, scores, and counts down on the clock', async () => {
    const app = mount(options);
    await app.press(KEY.enter);
    let s = first();
    expect(app.frame()).toContain('[binary]');
    expect(app.frame()).toContain(s.current.question.ask);
    expect(app.frame()).toMatch(/⏱ 1:00 +score 0 +streak 0 ×1/);
    app.advance(15_000);
    await app.press('1');
    expect(app.frame()).toContain('⏱ 0:45');
    await app.press('\x7f');
    const right = s.current.question.check('').expected;
    app.stdin.write(right);
    await app.settle();
    await app.press(KEY.enter);
    expect(app.frame()).toContain('✓ right, +10');
    expect(app.frame()).toMatch(/score 10 +streak 1/);
    // The next question, as the pure session would ask it.
    const { answer } = await import('../../src/practice/session');
    s = answer(s, right, 1);
    expect(app.frame()).toContain(s.current.question.ask);
    // 0 and 1 read as an answer either way (bits or a number): one of them is wrong.
    const guess = s.current.question.check('0').correct ? '1' : '0';
    app.stdin.write(guess);
    await app.settle();
    await app.press(KEY.enter);
    expect(app.frame()).toMatch(/✗ '.+' is wrong; right: /);
    expect(app.frame()).toMatch(/streak 0 /);
  });

  it('an answer typed with its Enter in one burst is checked (fast typing, a paste)', async () => {
    const app = mount(options);
    await app.press(KEY.enter);
    app.stdin.write(`${first().current.question.check('').expected}\r`);
    await app.settle();
    expect(app.frame()).toContain('✓ right, +10');
  });

  it('pauses on esc: the question is hidden and paused time does not count', async () => {
    const app = mount(options);
    await app.press(KEY.enter);
    app.advance(20_000);
    await app.press(KEY.esc);
    expect(app.frame()).toContain('Paused: the clock is stopped');
    expect(app.frame()).not.toContain(first().current.question.ask);
    app.advance(10 * 60_000);
    await app.settle();
    expect(app.frame()).toContain('⏱ 0:40');
    await app.press('p');
    expect(app.frame()).toContain(first().current.question.ask);
    expect(app.frame()).toContain('⏱ 0:40');
  });

  it('ends when time is up: the summary shows score, accuracy, answers a minute, topics, and saves', async () => {
    const app = mount(options);
    await app.press(KEY.enter);
    const s = first();
    app.stdin.write(s.current.question.check('').expected);
    await app.settle();
    await app.press(KEY.enter);
    app.advance(61_000);
    await app.settle();
    const f = app.frame();
    expect(f).toContain('Time! binary · 1 min');
    expect(f).toMatch(/Score +10 +✓ first session of this kind/);
    expect(f).toMatch(/Accuracy +100%/);
    expect(f).toMatch(/Answers a minute +1\.0/);
    expect(f).toMatch(/binary +1\/1/);
    expect(app.recorded).toHaveLength(1);
    expect(app.recorded[0]).toMatchObject({ topics: ['binary'], minutes: 1, score: 10, accuracy: 1, date: '2026-11-25', perTopic: { binary: { attempts: 1, correct: 1, box: 2 } } });
    await app.press(KEY.enter);
    expect(app.frame()).toContain('Timed practice');
  });

  it('q while paused ends the session early; nothing answered saves nothing', async () => {
    const app = mount(options);
    await app.press(KEY.enter, KEY.esc, 'q');
    expect(app.frame()).toContain('Session ended: binary');
    expect(app.frame()).toContain('No answer this time');
    expect(app.recorded).toHaveLength(0);
  });

  it('the summary compares with the personal best saved before', async () => {
    const before: Progress = recordPractice(emptyProgress(), { topics: ['binary'], minutes: 1, score: 50, accuracy: 0.5, perMinute: 0.5, date: '2026-11-20', perTopic: { binary: { attempts: 4, correct: 1, box: 1 } } });
    const app = mount(options, { progress: before });
    await app.settle();
    expect(app.frame()).toMatch(/binary .*box 1 · 25% of 4/);
    await app.press(KEY.enter);
    const s = first();
    app.stdin.write(s.current.question.check('').expected);
    await app.settle();
    await app.press(KEY.enter, KEY.esc, 'q');
    const f = app.frame();
    expect(f).toMatch(/Score +10 +best 50/);
    expect(f).toMatch(/Accuracy +100% +✓ new personal best \(best 50%\)/);
    expect(f).toMatch(/binary +1\/1 +25% → 100% ↑ better/);
  });

  it('losing the keys (the help overlay) pauses the clock', async () => {
    const app = mount(options);
    await app.press(KEY.enter);
    app.rerender(
      <ThemeContext.Provider value={themeFromEnv({})}>
        <Practice active={false} width={78} height={21} progress={emptyProgress()} options={options} clock={() => app.now()} tickMs={10} onRecord={() => undefined} onBack={() => {}} onHelp={() => {}} />
      </ThemeContext.Provider>,
    );
    await app.settle();
    expect(app.frame()).toContain('Paused');
  });
});

describe('practice in the game', () => {
  it('opens from the menu at 80×24 within the frame, and Esc comes back', async () => {
    const app = mountApp({ packs: [], progress: emptyProgress(), size: { columns: 80, rows: 24 }, onQuit: () => {} });
    await app.press(KEY.down, KEY.enter);
    const f = app.frame();
    expect(f).toContain('Timed practice');
    expect(f).toMatch(/Practice/);
    const lines = f.split('\n');
    expect(lines.length).toBeLessThanOrEqual(23);
    for (const l of lines) expect([...l].length).toBeLessThanOrEqual(80);
    expect(lines.at(-1)).toMatch(/⏎ start\/check +esc pause\/back +\? help/);
    await app.press('?');
    expect(app.frame()).toContain('setup: include or leave out the topic');
    await app.press('?', KEY.esc);
    expect(app.frame()).toMatch(/› Practice/);
  });

  it('a drill of the tallest topics fits 80×24 with its field and verdict, and a finished session is saved', async () => {
    const saved: Progress[] = [];
    const app = mountApp({
      packs: [],
      progress: emptyProgress(),
      size: { columns: 80, rows: 24 },
      onQuit: () => {},
      start: { name: 'practice', options: { topics: ['tcp', 'mac-learning', 'next-hop'], minutes: 1, seed: 3 } },
      persist: (p) => {
        saved.push(p);
        return { ok: true, value: { progress: p } };
      },
    });
    await app.press(KEY.enter);
    // The screen asks what the pure session asks for the same seed: answer from it, alternately right and wrong.
    const { answer } = await import('../../src/practice/session');
    let s = startSession({ topics: ['tcp', 'mac-learning', 'next-hop'], minutes: 1, seed: 3 }, 0);
    for (let i = 0; i < 10; i++) {
      const lines = app.frame().split('\n');
      expect(lines.length).toBeLessThanOrEqual(23);
      for (const l of lines) expect([...l].length).toBeLessThanOrEqual(80);
      expect(app.frame()).toContain(s.current.question.ask);
      // The field's hint is the last row of the question: nothing above it was cut off.
      expect(app.frame()).toMatch(/type the answer · esc pauses/);
      expect(lines.at(-1)).toMatch(/start\/check/);
      const right = s.current.question.check('').expected;
      const q = s.current.question;
      const given = i % 2 === 0 ? right : (q.choices ? q.choices.map((_, j) => String(j + 1)) : ['nothing', 'CLOSED', '1', 'p1', '10.0.0.9']).find((g) => q.validate(g) === undefined && !q.check(g).correct) ?? right;
      await app.type(given);
      await app.press(KEY.enter);
      s = answer(s, given, i);
      expect(app.frame()).toMatch(s.last!.verdict.correct ? /✓ right/ : /✗ '.+' is wrong/);
    }
    await app.press(KEY.esc, 'q');
    expect(app.frame()).toContain('Session ended');
    expect(saved).toHaveLength(1);
    expect(Object.keys(saved[0]!.practice!.bests)).toEqual(['mac-learning+next-hop+tcp@1']);
  });
});
