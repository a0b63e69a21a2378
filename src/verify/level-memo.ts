/**
 * What a level's network does depends only on the level and the player's configuration (the
 * simulation is deterministic), so sessions of one level share it: `check` plays a level's
 * solution, every accept and every reject as separate sessions from the same start, and a
 * player who restarts a level asks the same questions again. Kept per level object (weakly, so
 * it goes with the level) and per key, for the few most recent keys: results that are only read
 * (goal results, a route plan, a scenario's trace and the network it ran on).
 */
import type { LevelFile } from '../levels/schema';

/** Enough for a check's cases and a player's recent tries; a level's scenario network can be large. */
const PER_LEVEL = 16;

const memos = new WeakMap<LevelFile, Map<string, unknown>>();

export function levelMemo<T>(level: LevelFile, key: string, make: () => T): T {
  let m = memos.get(level);
  if (!m) memos.set(level, (m = new Map()));
  if (m.has(key)) {
    const hit = m.get(key) as T;
    // Most recently used last, so the oldest is the first to go.
    m.delete(key);
    m.set(key, hit);
    return hit;
  }
  const made = make();
  m.set(key, made);
  if (m.size > PER_LEVEL) m.delete(m.keys().next().value!);
  return made;
}
