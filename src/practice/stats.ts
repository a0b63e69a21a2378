/**
 * Between a session and the saved progress: the boxes a session starts from, the result it
 * saves, and what improved against the bests saved before it. Plain TS for the summary screen.
 */
import { practiceKey, type PracticeBest, type PracticeResult, type Progress } from '../progress/store';
import { TOPICS, type Topic } from './generators';
import type { Box, SessionSummary } from './session';

export function isoDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Saved Leitner boxes for the topics, for a session that is not replaying a seed. */
export function savedBoxes(progress: Progress, topics: readonly Topic[]): Partial<Record<Topic, Box>> {
  const out: Partial<Record<Topic, Box>> = {};
  const saved = progress.practice?.topics ?? {};
  for (const t of topics) if (Object.hasOwn(saved, t)) out[t] = saved[t]!.box as Box;
  return out;
}

/**
 * The result to save. Boxes: a seeded session starts from box 1 (to be repeatable), so its end
 * box is carried over to the saved one: a topic missed in the session ends where the session's
 * box ended (a miss sends it to box 1 whatever it was); one never missed moves up from its saved
 * box by as many boxes as it rose in the session.
 */
export function practiceResult(sum: SessionSummary, today: Date, before: Progress): PracticeResult {
  const perTopic: Record<string, { attempts: number; correct: number; box: number }> = {};
  const saved = before.practice?.topics ?? {};
  for (const t of sum.topics) {
    const tally = sum.tally[t];
    if (!tally) continue;
    const end = sum.boxes[t] ?? 1;
    const savedBox = Object.hasOwn(saved, t) ? saved[t]!.box : 1;
    const box = tally.correct < tally.attempts ? end : Math.min(5, savedBox + end - (sum.startBoxes[t] ?? 1));
    perTopic[t] = { ...tally, box };
  }
  return { topics: sum.topics, minutes: sum.minutes, score: sum.score, accuracy: sum.accuracy, perMinute: sum.perMinute, date: isoDate(today), perTopic };
}

export interface FigureChange {
  readonly figure: 'score' | 'accuracy' | 'perMinute';
  readonly now: number;
  /** The personal best before this session, if there was one. */
  readonly best: number | undefined;
  /** Beat the best (the first session of its kind sets it). */
  readonly record: boolean;
}

export interface TopicChange {
  readonly topic: Topic;
  readonly attempts: number;
  readonly correct: number;
  /** Right answers over all earlier sessions, 0..1, if the topic was practised before. */
  readonly before: number | undefined;
  readonly box: number;
}

export interface Improvements {
  readonly figures: readonly FigureChange[];
  readonly topics: readonly TopicChange[];
}

/** Compares a session with the progress saved before it; boxes are the saved ones after it. */
export function improvements(sum: SessionSummary, before: Progress, result: PracticeResult = practiceResult(sum, new Date(), before)): Improvements {
  const key = practiceKey(sum.topics, sum.minutes);
  const bests = before.practice?.bests ?? {};
  const best: PracticeBest | undefined = Object.hasOwn(bests, key) ? bests[key] : undefined;
  const answered = sum.answered > 0;
  const figure = (f: FigureChange['figure'], now: number): FigureChange => ({ figure: f, now, best: best?.[f], record: answered && (best === undefined || now > best[f]) });
  const saved = before.practice?.topics ?? {};
  const topics = TOPICS.filter((t) => sum.tally[t]).map((t): TopicChange => {
    const s = Object.hasOwn(saved, t) ? saved[t] : undefined;
    return { topic: t, ...sum.tally[t]!, before: s && s.attempts > 0 ? s.correct / s.attempts : undefined, box: result.perTopic[t]?.box ?? 1 };
  });
  return { figures: [figure('score', sum.score), figure('accuracy', sum.accuracy), figure('perMinute', sum.perMinute)], topics };
}
