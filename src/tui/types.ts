/**
 * What the screens need from a level pack. The CLI adapts loaded packs to this
 * (see `packViewFromLoaded` in ./packs.ts); tests build it by hand.
 */
import type { Topology } from './layout/topology';
import type { LoadedLevel } from '../levels/load';

/** Player-visible text: one string, or one per locale (en, zh-CN, …). */
export type Text = string | Readonly<Record<string, string>>;

export interface LevelView {
  readonly id: string;
  readonly title: Text;
  /** 1 to 5. */
  readonly difficulty: number;
  readonly briefing: Text;
  readonly topology: Topology;
  /** The level as loaded, for playing it; without it the screen shows a preview. */
  readonly loaded?: LoadedLevel | undefined;
}

export interface ChapterView {
  readonly id: string;
  readonly title: Text;
  readonly levels: readonly LevelView[];
}

export interface PackView {
  readonly id: string;
  readonly name: Text;
  readonly chapters: readonly ChapterView[];
}

/** Which level the player chose. */
export interface LevelRef {
  readonly packId: string;
  readonly chapterId: string;
  readonly levelId: string;
}
