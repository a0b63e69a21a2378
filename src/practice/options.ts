/** What a practice session is set up with: from the command line, or chosen on the setup screen. */
import type { Topic } from './generators';

export interface PracticeOptions {
  readonly topics?: readonly Topic[];
  readonly minutes?: number;
  /** A fixed seed, 'daily' for today's, or random when absent. */
  readonly seed?: number | 'daily';
}

export const MINUTE_CHOICES: readonly number[] = [1, 2, 3, 5, 10, 15, 20, 30];
export const DEFAULT_MINUTES = 5;
export const MAX_MINUTES = 120;
