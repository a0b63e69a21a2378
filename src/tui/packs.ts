/**
 * Adapts a loaded pack (src/levels/load.ts `loadPack(dir).value`) to what the screens need.
 * Typed structurally, so the screens do not depend on the loader's internals.
 */
import { topologyFromLevel, type LevelTopologyLike } from './layout/from-level';
import type { LoadedLevel } from '../levels/load';
import type { PackView, Text } from './types';

export interface LoadedPackLike {
  readonly pack: { readonly id: string; readonly name: Text };
  readonly chapters: readonly {
    readonly id: string;
    readonly title: Text;
    /** Loaded levels (src/levels/load.ts), kept whole so the level screen can play them. */
    readonly levels: readonly (LoadedLevel | { readonly level: { readonly id: string; readonly title: Text; readonly difficulty: number; readonly briefing: Text; readonly topology: LevelTopologyLike } })[];
  }[];
}

export function packViewFromLoaded(loaded: LoadedPackLike): PackView {
  return {
    id: loaded.pack.id,
    name: loaded.pack.name,
    chapters: loaded.chapters.map((c) => ({
      id: c.id,
      title: c.title,
      levels: c.levels.map((l) => ({
        id: l.level.id,
        title: l.level.title,
        difficulty: l.level.difficulty,
        briefing: l.level.briefing,
        topology: topologyFromLevel(l.level.topology),
        loaded: 'source' in l && 'at' in l ? (l as LoadedLevel) : undefined,
      })),
    })),
  };
}
