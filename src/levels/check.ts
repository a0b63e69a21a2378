/**
 * `netquest check`: a level is valid when it loads (schema and meaning), its reference
 * solution reaches full score, every `accept` solves it and every `reject` fails for the
 * stated reason. Levels carry their own tests; this runs them.
 */
import type { Located } from '../util/source-location';
import { Session } from '../verify/session';
import type { LoadedLevel } from './load';
import type { Action } from './schema';

export interface PlayOutcome {
  readonly solved: boolean;
  readonly stars: number;
  /** Every explanation the player was given, and the unmet goals' details: what a reject is matched against. */
  readonly said: readonly string[];
  readonly misconceptions: readonly string[];
}

export function playActions(level: LoadedLevel, actions: readonly Action[]): PlayOutcome {
  const s = new Session(level, { clock: () => 0 });
  for (const a of actions) s.step(a);
  const goals = s.goals();
  return {
    solved: s.solved(),
    stars: s.score().stars,
    said: [...s.history.map((h) => h.verdict.explanation), ...goals.filter((g) => !g.met).map((g) => g.detail)],
    misconceptions: s.history.flatMap((h) => (h.verdict.misconception ? [h.verdict.misconception] : [])),
  };
}

export function checkLevel(level: LoadedLevel): Located[] {
  const problems: Located[] = [];
  const l = level.level;
  const solution = playActions(level, l.solution);
  if (!solution.solved) {
    problems.push(level.at(['solution'], `the reference solution does not solve the level: ${solution.said.at(-1) ?? 'nothing happened'}`));
  } else if (solution.stars < 3) {
    problems.push(level.at(['solution'], `the reference solution solves the level but not with full score (${solution.stars} stars): it should take no more than par (${l.par}) steps and make no mistake`));
  }
  if (l.solution.length < l.par) problems.push(level.at(['par'], `par is ${l.par} but the reference solution takes ${l.solution.length} steps; par is the fewest steps of a perfect solution`));
  l.accept.forEach((c, i) => {
    const o = playActions(level, c.actions);
    if (!o.solved) problems.push(level.at(['accept', i], `accept case '${c.name}' does not solve the level: ${o.said.at(-1) ?? 'nothing happened'}`));
  });
  l.reject.forEach((c, i) => {
    const o = playActions(level, c.actions);
    if (o.solved) return problems.push(level.at(['reject', i], `reject case '${c.name}' solves the level, but it should fail`));
    const want = c.explain.toLowerCase();
    const matched = o.misconceptions.includes(c.explain) || o.said.some((s) => s.toLowerCase().includes(want));
    if (!matched) problems.push(level.at(['reject', i, 'explain'], `reject case '${c.name}' fails, but the player is never told '${c.explain}'; they are told: ${o.said.join(' | ') || 'nothing'}`));
  });
  return problems;
}
