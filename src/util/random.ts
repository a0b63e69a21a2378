/**
 * Seeded, repeatable randomness (pure-rand's xoroshiro128+): the same seed gives the same
 * sequence on every machine, which is what makes bench topologies, drills and fuzz runs repeatable.
 */
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

export interface Random {
  /** An integer in [from, to], both included. */
  int(from: number, to: number): number;
  pick<T>(items: readonly T[]): T;
}

export function seededRandom(seed: number): Random {
  const rng = xoroshiro128plus(seed | 0);
  return {
    int: (from, to) => uniformInt(rng, from, to),
    pick(items) {
      if (items.length === 0) throw new RangeError('cannot pick from an empty list');
      return items[uniformInt(rng, 0, items.length - 1)]!;
    },
  };
}
