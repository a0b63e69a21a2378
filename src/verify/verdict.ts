/** What the verifier says about one player step. */
export type Result = 'correct' | 'incorrect' | 'partly-correct' | 'info';

export interface Verdict {
  readonly result: Result;
  readonly points: number;
  /** The concept the step is about, e.g. "arp", "subnet-mask", "tcp-handshake". */
  readonly concept: string;
  /** Why, in words a learner understands; names the misconception when one is recognised. */
  readonly explanation: string;
  /** The catalogue key of the misconception recognised, if any (stable, for tests and statistics). */
  readonly misconception?: string;
  /** Goals that hold after the step (configure steps). */
  readonly goals?: { readonly met: number; readonly total: number };
}

export const POINTS = { correct: 100, partly: 50, wrong: 0, hint: -25 } as const;
