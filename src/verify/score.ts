/**
 * Scoring with several figures, as Zachtronics games do: steps against par, wrong tries,
 * hints taken and, when timed, seconds. They fold into one number and stars, but the
 * figures are what a player compares.
 */
export interface Figures {
  readonly steps: number;
  readonly par: number;
  readonly wrongTries: number;
  readonly hints: number;
  readonly seconds?: number;
  readonly timeLimit?: number;
}

export interface Score extends Figures {
  readonly points: number;
  /** 0 when not solved (or the solution was shown), else 1–3. */
  readonly stars: 0 | 1 | 2 | 3;
}

export function score(f: Figures, solved: boolean): Score {
  if (!solved) return { ...f, points: 0, stars: 0 };
  const over = Math.max(0, f.steps - f.par);
  let points = 1000 - 50 * over - 100 * f.wrongTries - 150 * f.hints;
  if (f.timeLimit !== undefined && f.seconds !== undefined) points += Math.max(0, Math.round((200 * (f.timeLimit - f.seconds)) / f.timeLimit));
  points = Math.max(100, points);
  const stars: 1 | 2 | 3 = over === 0 && f.wrongTries === 0 && f.hints === 0 ? 3 : f.steps <= Math.ceil(f.par * 1.5) && f.wrongTries <= 2 && f.hints <= 1 ? 2 : 1;
  return { ...f, points, stars };
}
