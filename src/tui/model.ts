/**
 * What the level-select screens show, computed from packs and progress: completion, stars,
 * best times, and which levels are locked. Plain TS, no React, so it is tested directly and
 * the components only render it.
 */
import { localize } from '../levels/text';
import { levelBest, type Progress } from '../progress/store';
import type { Glyphs } from './theme';
import type { ChapterView, LevelRef, LevelView, PackView, Text } from './types';

export interface LevelRow {
  readonly ref: LevelRef;
  readonly number: number;
  readonly title: string;
  readonly difficulty: number;
  readonly solved: boolean;
  readonly stars: number;
  readonly bestSeconds: number | undefined;
  readonly locked: boolean;
  /** For a locked level: the level to solve first. */
  readonly after: string | undefined;
}

export interface Completion {
  readonly solved: number;
  readonly total: number;
  readonly stars: number;
}

export function text(t: Text | undefined, locale: string): string {
  return localize(t as Parameters<typeof localize>[0], locale);
}

/**
 * A level is open when it is the first of its chapter, when the one before it is solved,
 * when it is solved itself (after skipping ahead), or when "unlock all" is on.
 */
export function levelRows(pack: PackView, chapter: ChapterView, progress: Progress, locale: string): LevelRow[] {
  const unlockAll = progress.settings.unlockAll === true;
  return chapter.levels.map((level, i) => {
    const best = levelBest(progress, pack.id, level.id);
    const prev = i > 0 ? chapter.levels[i - 1]! : undefined;
    const prevSolved = prev === undefined || levelBest(progress, pack.id, prev.id)?.solved === true;
    const solved = best?.solved === true;
    const locked = !unlockAll && !prevSolved && !solved;
    return {
      ref: { packId: pack.id, chapterId: chapter.id, levelId: level.id },
      number: i + 1,
      title: text(level.title, locale),
      difficulty: level.difficulty,
      solved,
      stars: best?.stars ?? 0,
      bestSeconds: best?.bestSeconds,
      locked,
      after: locked && prev ? text(prev.title, locale) : undefined,
    };
  });
}

export function chapterCompletion(pack: PackView, chapter: ChapterView, progress: Progress): Completion {
  let solved = 0;
  let stars = 0;
  for (const l of chapter.levels) {
    const best = levelBest(progress, pack.id, l.id);
    if (best?.solved) solved++;
    stars += best?.stars ?? 0;
  }
  return { solved, total: chapter.levels.length, stars };
}

export function packCompletion(pack: PackView, progress: Progress): Completion {
  return pack.chapters
    .map((c) => chapterCompletion(pack, c, progress))
    .reduce((a, b) => ({ solved: a.solved + b.solved, total: a.total + b.total, stars: a.stars + b.stars }), { solved: 0, total: 0, stars: 0 });
}

export function findLevel(packs: readonly PackView[], ref: LevelRef): { pack: PackView; chapter: ChapterView; level: LevelView } | undefined {
  const pack = packs.find((p) => p.id === ref.packId);
  const chapter = pack?.chapters.find((c) => c.id === ref.chapterId);
  const level = chapter?.levels.find((l) => l.id === ref.levelId);
  return pack && chapter && level ? { pack, chapter, level } : undefined;
}

/** Every locale some pack text is written in, English first. */
export function availableLocales(packs: readonly PackView[], extra: readonly string[] = []): string[] {
  const found = new Set<string>(['en', ...extra]);
  const add = (t: Text) => {
    if (typeof t !== 'string') for (const k of Object.keys(t)) found.add(k);
  };
  for (const p of packs) {
    add(p.name);
    for (const c of p.chapters) {
      add(c.title);
      for (const l of c.levels) add(l.title);
    }
  }
  return [...found];
}

// ---- formatting --------------------------------------------------------------------------

export function formatStars(stars: number, g: Glyphs): string {
  const n = Math.max(0, Math.min(3, stars));
  return g.starOn.repeat(n) + g.starOff.repeat(3 - n);
}

export function formatDifficulty(d: number, g: Glyphs): string {
  const n = Math.max(0, Math.min(5, Math.round(d)));
  return g.dotOn.repeat(n) + g.dotOff.repeat(5 - n);
}

/** 42 → 0:42, 3725 → 1:02:05. */
export function formatDuration(seconds: number | undefined, g: Glyphs): string {
  if (seconds === undefined || !Number.isFinite(seconds)) return g.dash;
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** Pads or cuts `s` to exactly `width` characters, cutting with an ellipsis. */
export function fit(s: string, width: number, ellipsis = '…'): string {
  const chars = [...s];
  if (width <= 0) return '';
  if (chars.length <= width) return s + ' '.repeat(width - chars.length);
  const e = [...ellipsis];
  if (width <= e.length) return chars.slice(0, width).join('');
  return chars.slice(0, width - e.length).join('') + ellipsis;
}

/** Word-wraps to `width` columns, keeping the text's own line breaks; long words are cut. */
export function wrap(s: string, width: number): string[] {
  const out: string[] = [];
  const w = Math.max(1, width);
  for (const para of s.replace(/\s+$/, '').split('\n')) {
    let line = '';
    for (const word of para.split(/\s+/).filter(Boolean)) {
      let rest = word;
      while ([...rest].length > w) {
        if (line) {
          out.push(line);
          line = '';
        }
        out.push([...rest].slice(0, w).join(''));
        rest = [...rest].slice(w).join('');
      }
      if (!rest) continue;
      if (!line) line = rest;
      else if ([...line].length + 1 + [...rest].length <= w) line += ` ${rest}`;
      else {
        out.push(line);
        line = rest;
      }
    }
    out.push(line);
  }
  return out;
}

// The smallest terminal every screen is laid out and tested for: 80×24, the classic default.
export const MIN_COLUMNS = 80;
export const MIN_ROWS = 24;

export function tooSmall(size: { columns: number; rows: number }): boolean {
  return size.columns < MIN_COLUMNS || size.rows < MIN_ROWS;
}
