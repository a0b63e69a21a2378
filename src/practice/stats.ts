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

export function practiceResult(sum: SessionSummary, today: Date): PracticeResult {
  const perTopic: Record<string, { attempts: number; correct: number; box: number }> = {};
  for (const t of sum.topics) {
    const tally = sum.tally[t];
    if (tally) perTopic[t] = { ...tally, box: sum.boxes[t] ?? 1 };
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

/** Compares a session with the progress saved before it. */
export function improvements(sum: SessionSummary, before: Progress): Improvements {
  const key = practiceKey(sum.topics, sum.minutes);
  const bests = before.practice?.bests ?? {};
  const best: PracticeBest | undefined = Object.hasOwn(bests, key) ? bests[key] : undefined;
  const answered = sum.answered > 0;
  const figure = (f: FigureChange['figure'], now: number): FigureChange => ({ figure: f, now, best: best?.[f], record: answered && (best === undefined || now > best[f]) });
  const saved = before.practice?.topics ?? {};
  const topics = TOPICS.filter((t) => sum.tally[t]).map((t): TopicChange => {
    const s = Object.hasOwn(saved, t) ? saved[t] : undefined;
    return { topic: t, ...sum.tally[t]!, before: s && s.attempts > 0 ? s.correct / s.attempts : undefined, box: sum.boxes[t] ?? 1 };
  });
  return { figures: [figure('score', sum.score), figure('accuracy', sum.accuracy), figure('perMinute', sum.perMinute)], topics };
}
