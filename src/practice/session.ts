/**
 * A timed practice session as pure functions over an immutable state, on a clock the caller
 * reads (a monotonic one in the game, a fake one in tests): nothing here reads the time itself.
 *
 * - Countdown: `minutes` of active time; paused time does not count, and the question is not
 *   answerable while paused. Time runs out at the limit exactly, whenever it is noticed.
 * - Score: 10 points a right answer, times the streak multiplier: ×1 for the first three in a
 *   row, ×2 from the fourth, ×3 from the seventh, ×4 from the tenth on. A wrong answer resets it.
 * - Difficulty ramps with the streak (levelForStreak).
 * - Which topic comes next: Leitner boxes 1–5 per topic. Right moves a topic up a box, wrong
 *   sends it back to box 1; box n is drawn with weight 2^(5−n), so a topic just missed comes
 *   back sixteen times as often as a mastered one.
 * - Repeatable: the k-th question is drawn from (seed, k) and the boxes, and the boxes depend
 *   only on which answers were right, so the same seed and the same answers give the same questions.
 */
import { ask, type Question, type Verdict } from './ask';
import { drill, drillSeed, type Drill, type Topic } from './generators';
import { levelForStreak, type Level } from './level';
import { seededRandom } from '../util/random';

export type Box = 1 | 2 | 3 | 4 | 5;
export const MAX_BOX: Box = 5;

export interface SessionConfig {
  /** At least one. */
  readonly topics: readonly Topic[];
  readonly minutes: number;
  readonly seed: number;
  /** Boxes to start from (saved progress); box 1 for a topic not given. */
  readonly boxes?: Partial<Record<Topic, Box>>;
  /** The player's language for the questions (English when not given); it changes their words, never which questions come. */
  readonly locale?: string | undefined;
}

export interface Current {
  /** Index of the question in the session, from 0. */
  readonly k: number;
  readonly drill: Drill;
  readonly level: Level;
  readonly question: Question;
}

export interface LastAnswer {
  readonly topic: Topic;
  readonly given: string;
  readonly verdict: Verdict;
  readonly points: number;
}

export interface Tally {
  readonly attempts: number;
  readonly correct: number;
}

export type Phase = 'running' | 'paused' | 'finished';

export interface SessionState {
  readonly config: SessionConfig;
  readonly phase: Phase;
  /** Active milliseconds before the current running stretch. */
  readonly activeMs: number;
  /** Clock reading when the current running stretch began (meaningful while running). */
  readonly since: number;
  readonly current: Current;
  readonly score: number;
  readonly streak: number;
  readonly bestStreak: number;
  readonly answered: number;
  readonly correct: number;
  readonly tally: Readonly<Partial<Record<Topic, Tally>>>;
  readonly boxes: Readonly<Partial<Record<Topic, Box>>>;
  readonly last: LastAnswer | undefined;
}

export const POINTS = 10;

export function multiplier(streakBefore: number): number {
  return Math.min(4, 1 + Math.floor(streakBefore / 3));
}

const limitMs = (c: SessionConfig): number => c.minutes * 60_000;

/** Draws the k-th topic: seeded by (seed, k), weighted by box. */
export function pickTopic(seed: number, k: number, topics: readonly Topic[], boxes: Readonly<Partial<Record<Topic, Box>>>): Topic {
  const weights = topics.map((t) => 2 ** (MAX_BOX - (boxes[t] ?? 1)));
  const total = weights.reduce((a, b) => a + b, 0);
  let x = seededRandom((drillSeed(seed, k) ^ 0x2545f491) | 0).int(0, total - 1);
  for (let i = 0; i < topics.length; i++) {
    x -= weights[i]!;
    if (x < 0) return topics[i]!;
  }
  return topics[topics.length - 1]!;
}

function question(config: SessionConfig, k: number, boxes: SessionState['boxes'], streak: number): Current {
  const topic = pickTopic(config.seed, k, config.topics, boxes);
  const level = levelForStreak(streak);
  const d = drill(topic, drillSeed(config.seed, k), level);
  return { k, drill: d, level, question: ask(d, config.locale) };
}

export function startSession(config: SessionConfig, now: number): SessionState {
  if (config.topics.length === 0) throw new RangeError('a practice session needs at least one topic');
  if (!(config.minutes > 0)) throw new RangeError('a practice session lasts a positive number of minutes');
  const boxes: Partial<Record<Topic, Box>> = {};
  for (const t of config.topics) boxes[t] = config.boxes?.[t] ?? 1;
  return {
    config,
    phase: 'running',
    activeMs: 0,
    since: now,
    current: question(config, 0, boxes, 0),
    score: 0,
    streak: 0,
    bestStreak: 0,
    answered: 0,
    correct: 0,
    tally: {},
    boxes,
    last: undefined,
  };
}

/** Active time so far, capped at the session's length. */
export function elapsedMs(s: SessionState, now: number): number {
  const running = s.phase === 'running' ? Math.max(0, now - s.since) : 0;
  return Math.min(limitMs(s.config), s.activeMs + running);
}

export function remainingMs(s: SessionState, now: number): number {
  return limitMs(s.config) - elapsedMs(s, now);
}

/** Notices the end of time. */
export function tick(s: SessionState, now: number): SessionState {
  return s.phase === 'running' && remainingMs(s, now) <= 0 ? { ...s, phase: 'finished', activeMs: limitMs(s.config) } : s;
}

export function pause(s: SessionState, now: number): SessionState {
  const t = tick(s, now);
  return t.phase === 'running' ? { ...t, phase: 'paused', activeMs: elapsedMs(t, now) } : t;
}

export function resume(s: SessionState, now: number): SessionState {
  return s.phase === 'paused' ? { ...s, phase: 'running', since: now } : s;
}

/** Ends the session early (the player quits): what was answered counts. */
export function finish(s: SessionState, now: number): SessionState {
  return s.phase === 'finished' ? s : { ...s, phase: 'finished', activeMs: elapsedMs(s, now) };
}

/**
 * Judges an answer to the current question and moves on to the next. Ignored (state returned
 * as is) when the session is not running, when time ran out before it (then the session ends),
 * or when the text is not an answer yet (the screen shows why).
 */
export function answer(s: SessionState, raw: string, now: number): SessionState {
  const t = tick(s, now);
  if (t.phase !== 'running' || t.current.question.validate(raw) !== undefined) return t;
  const verdict = t.current.question.check(raw);
  const topic = t.current.drill.topic;
  const points = verdict.correct ? POINTS * multiplier(t.streak) : 0;
  const streak = verdict.correct ? t.streak + 1 : 0;
  const before = t.tally[topic] ?? { attempts: 0, correct: 0 };
  const box = t.boxes[topic] ?? 1;
  const boxes = { ...t.boxes, [topic]: verdict.correct ? (Math.min(MAX_BOX, box + 1) as Box) : 1 };
  return {
    ...t,
    score: t.score + points,
    streak,
    bestStreak: Math.max(t.bestStreak, streak),
    answered: t.answered + 1,
    correct: t.correct + (verdict.correct ? 1 : 0),
    tally: { ...t.tally, [topic]: { attempts: before.attempts + 1, correct: before.correct + (verdict.correct ? 1 : 0) } },
    boxes,
    last: { topic, given: raw.trim(), verdict, points },
    current: question(t.config, t.current.k + 1, boxes, streak),
  };
}

export interface SessionSummary {
  readonly topics: readonly Topic[];
  readonly minutes: number;
  readonly seed: number;
  readonly score: number;
  readonly answered: number;
  readonly correct: number;
  /** 0..1; 0 when nothing was answered. */
  readonly accuracy: number;
  readonly perMinute: number;
  readonly bestStreak: number;
  readonly tally: Readonly<Partial<Record<Topic, Tally>>>;
  readonly boxes: Readonly<Partial<Record<Topic, Box>>>;
  /** The boxes the session started from. */
  readonly startBoxes: Readonly<Partial<Record<Topic, Box>>>;
}

export function summarize(s: SessionState, now: number): SessionSummary {
  const minutes = elapsedMs(s, now) / 60_000;
  return {
    topics: s.config.topics,
    minutes: s.config.minutes,
    seed: s.config.seed,
    score: s.score,
    answered: s.answered,
    correct: s.correct,
    accuracy: s.answered > 0 ? s.correct / s.answered : 0,
    perMinute: minutes > 0 ? s.answered / minutes : 0,
    bestStreak: s.bestStreak,
    tally: s.tally,
    boxes: s.boxes,
    startBoxes: s.config.boxes ?? {},
  };
}
