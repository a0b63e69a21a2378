import { describe, expect, it } from 'vitest';
import { answer, elapsedMs, finish, multiplier, pause, pickTopic, remainingMs, resume, startSession, summarize, tick, type SessionState } from '../../src/practice/session';
import { levelForStreak } from '../../src/practice/level';
import type { Topic } from '../../src/practice/generators';

const MIN = 60_000;
const right = (s: SessionState) => s.current.question.check('').expected;
/** A wrong answer that still parses: another choice, or a different valid value. */
function wrong(s: SessionState): string {
  const q = s.current.question;
  if (q.choices) return String(q.choices.findIndex((c) => c !== right(s)) + 1);
  for (const guess of ['0', '1', '10.0.0.1', '0.0.0.0', '10.0.0.0/8', '00000000', 'p1', 'none', 'CLOSED', 'LISTEN', 'RST 0', 'nothing']) {
    if (q.validate(guess) === undefined && !q.check(guess).correct) return guess;
  }
  throw new Error(`no wrong answer found for ${q.ask}`);
}

describe('the countdown', () => {
  it('runs on the given clock, stops at the limit exactly, and paused time does not count', () => {
    let s = startSession({ topics: ['subnet'], minutes: 2, seed: 1 }, 1000);
    expect(remainingMs(s, 1000)).toBe(2 * MIN);
    expect(remainingMs(s, 31_000)).toBe(2 * MIN - 30_000);
    s = pause(s, 31_000);
    expect(s.phase).toBe('paused');
    // An hour of pause changes nothing.
    expect(remainingMs(s, 3_631_000)).toBe(2 * MIN - 30_000);
    expect(answer(s, right(s), 3_631_000)).toBe(s);
    s = resume(s, 3_631_000);
    expect(remainingMs(s, 3_641_000)).toBe(2 * MIN - 40_000);
    expect(tick(s, 3_641_000).phase).toBe('running');
    const done = tick(s, 3_631_000 + 90_001);
    expect(done.phase).toBe('finished');
    expect(elapsedMs(done, 9e9)).toBe(2 * MIN);
  });

  it('an answer after the time is up does not count; it ends the session', () => {
    const s = startSession({ topics: ['binary'], minutes: 1, seed: 4 }, 0);
    const late = answer(s, right(s), MIN + 1);
    expect(late.phase).toBe('finished');
    expect(late.answered).toBe(0);
    expect(answer(s, right(s), MIN - 1).answered).toBe(1);
  });

  it('quitting early keeps what was answered, and answers per minute use active time', () => {
    let s = startSession({ topics: ['binary'], minutes: 5, seed: 4 }, 0);
    s = answer(s, right(s), 10_000);
    s = answer(s, right(s), 20_000);
    s = pause(s, 30_000);
    s = resume(s, 400_000);
    s = answer(s, wrong(s), 430_000);
    s = finish(s, 460_000);
    const sum = summarize(s, 999_999);
    expect(sum.answered).toBe(3);
    expect(sum.correct).toBe(2);
    expect(sum.accuracy).toBeCloseTo(2 / 3);
    expect(sum.perMinute).toBeCloseTo(2); // 3 answers in 90 s of active time (30 + 60)
  });
});

describe('scoring', () => {
  it('the streak multiplier steps up every three right answers, up to ×4, and a wrong answer resets it', () => {
    expect([0, 2, 3, 5, 6, 9, 30].map(multiplier)).toEqual([1, 1, 2, 2, 3, 4, 4]);
    let s = startSession({ topics: ['binary', 'osi'], minutes: 10, seed: 9 }, 0);
    const scores: number[] = [];
    for (let i = 0; i < 7; i++) {
      s = answer(s, right(s), i);
      scores.push(s.last!.points);
    }
    expect(scores).toEqual([10, 10, 10, 20, 20, 20, 30]);
    expect(s.streak).toBe(7);
    s = answer(s, wrong(s), 8);
    expect(s.last!.verdict.correct).toBe(false);
    expect(s.last!.points).toBe(0);
    expect(s.streak).toBe(0);
    expect(s.bestStreak).toBe(7);
    expect(s.score).toBe(120);
    s = answer(s, right(s), 9);
    expect(s.last!.points).toBe(10);
  });

  it('difficulty ramps with the streak', () => {
    expect([0, 2, 3, 5, 6, 20].map(levelForStreak)).toEqual([0, 0, 1, 1, 2, 2]);
    let s = startSession({ topics: ['subnet'], minutes: 10, seed: 2 }, 0);
    const levels = [s.current.level];
    for (let i = 0; i < 6; i++) {
      s = answer(s, right(s), i);
      levels.push(s.current.level);
    }
    expect(levels).toEqual([0, 0, 0, 1, 1, 1, 2]);
    s = answer(s, wrong(s), 7);
    expect(s.current.level).toBe(0);
  });

  it('text that is not an answer yet is not judged', () => {
    const s = startSession({ topics: ['subnet'], minutes: 1, seed: 3 }, 0);
    expect(answer(s, 'not an address', 5)).toBe(s);
  });
});

describe('Leitner boxes', () => {
  it('a wrong topic goes back to box 1, a right one moves up', () => {
    let s = startSession({ topics: ['binary', 'osi'], minutes: 10, seed: 5, boxes: { binary: 3, osi: 3 } }, 0);
    const t = s.current.drill.topic;
    s = answer(s, wrong(s), 1);
    expect(s.boxes[t]).toBe(1);
    const u = s.current.drill.topic;
    const before = s.boxes[u]!;
    s = answer(s, right(s), 2);
    expect(s.boxes[u]).toBe(Math.min(5, before + 1));
  });

  it('a topic in box 1 is drawn far more often than one in box 5', () => {
    const topics: Topic[] = ['subnet', 'osi'];
    const counts = { subnet: 0, osi: 0 } as Record<string, number>;
    for (let k = 0; k < 2000; k++) counts[pickTopic(7, k, topics, { subnet: 1, osi: 5 })]!++;
    expect(counts.subnet! / counts.osi!).toBeGreaterThan(10);
    expect(counts.osi).toBeGreaterThan(0);
    const even = { subnet: 0, osi: 0 } as Record<string, number>;
    for (let k = 0; k < 2000; k++) even[pickTopic(7, k, topics, {})]!++;
    expect(Math.abs(even.subnet! - even.osi!)).toBeLessThan(200);
  });
});

describe('determinism', () => {
  const play = (seed: number, pattern: readonly boolean[]) => {
    let s = startSession({ topics: ['subnet', 'binary', 'ports', 'arp', 'tcp', 'mac-learning'], minutes: 10, seed }, 0);
    const asked: string[] = [];
    for (const [i, ok] of pattern.entries()) {
      asked.push(`${s.current.drill.topic}:${s.current.question.ask}:${s.current.question.context.join('|')}`);
      s = answer(s, ok ? right(s) : wrong(s), i);
    }
    return { asked, score: s.score };
  };
  const pattern = [true, true, false, true, true, true, true, false, false, true, true, true];

  it('the same seed and the same answers give the same questions and score', () => {
    expect(play(77, pattern)).toEqual(play(77, pattern));
  });

  it('another seed, or other answers, give other questions', () => {
    expect(play(78, pattern).asked).not.toEqual(play(77, pattern).asked);
    expect(play(77, pattern.map((x) => !x)).asked).not.toEqual(play(77, pattern).asked);
  });
});

describe('saving a session', () => {
  it('a seeded session (fresh boxes) carries its rise over to the saved boxes; a miss sends a topic to box 1', async () => {
    const { practiceResult } = await import('../../src/practice/stats');
    const { emptyProgress, recordPractice } = await import('../../src/progress/store');
    const before = recordPractice(emptyProgress(), { topics: ['binary', 'osi'], minutes: 5, score: 0, accuracy: 0, perMinute: 0, date: '2026-11-01', perTopic: { binary: { attempts: 9, correct: 9, box: 4 }, osi: { attempts: 9, correct: 9, box: 4 } } });
    let s = startSession({ topics: ['binary', 'osi'], minutes: 5, seed: 12 }, 0);
    const missed = s.current.drill.topic;
    s = answer(s, wrong(s), 1);
    while (s.current.drill.topic === missed) s = answer(s, right(s), 2);
    const kept = s.current.drill.topic;
    s = answer(s, right(s), 3);
    const r = practiceResult(summarize(finish(s, 4), 4), new Date('2026-11-25T12:00:00Z'), before);
    expect(r.perTopic[kept]!.box).toBe(5); // 4, one right: 5
    expect(r.perTopic[missed]!.box).toBe(s.boxes[missed]); // where the session left it after the miss
    expect(r.date).toBe('2026-11-25');
  });
});
