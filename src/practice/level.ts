/**
 * Difficulty of a drill, 0..2: wider prefixes, longer routing tables, more switch ports, a TCP
 * exchange that goes further. Level 2 is the full range, and what `--export` writes.
 */
export type Level = 0 | 1 | 2;
export const LEVELS: readonly Level[] = [0, 1, 2];
export const MAX_LEVEL: Level = 2;

/** The level a streak has earned: three right in a row step it up, a wrong answer starts over. */
export function levelForStreak(streak: number): Level {
  return streak >= 6 ? 2 : streak >= 3 ? 1 : 0;
}
