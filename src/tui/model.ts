/**
 * What the level-select screens show, computed from packs and progress: completion, stars,
 * best times, and which levels are locked. Plain TS, no React, so it is tested directly and
 * the components only render it.
 */
import stringWidth from 'string-width';
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

/** Terminal columns `s` takes: a Chinese character takes two, a combining mark none. */
export function columns(s: string): number {
  return stringWidth(s);
}

/** The longest head of `s` that fits `width` columns (at least one character), and the rest. */
function cut(s: string, width: number): [string, string] {
  const chars = [...s];
  let used = 0;
  let i = 0;
  for (; i < chars.length; i++) {
    const c = stringWidth(chars[i]!);
    if (used + c > width) break;
    used += c;
  }
  if (i === 0 && chars.length > 0) i = 1;
  return [chars.slice(0, i).join(''), chars.slice(i).join('')];
}

/** Pads or cuts `s` to exactly `width` columns, cutting with an ellipsis. */
export function fit(s: string, width: number, ellipsis = '…'): string {
  if (width <= 0) return '';
  const w = columns(s);
  if (w <= width) return s + ' '.repeat(width - w);
  const e = columns(ellipsis);
  if (width <= e) return cut(s, width)[0];
  const head = cut(s, width - e)[0];
  return head + ellipsis + ' '.repeat(Math.max(0, width - columns(head) - e));
}

/** Pads `s` on the left to `width` columns (a Chinese character takes two). */
export function padStartColumns(s: string, width: number): string {
  return ' '.repeat(Math.max(0, width - columns(s))) + s;
}

/** Closing punctuation, which does not start a line (Chinese typesetting's rule). */
const NO_LINE_START = /^[，。、：；！？）」』】》〉,.:;!?)\]…]/u;
const LATIN = /[A-Za-z0-9]/;

/**
 * `cut` for wrapping text that breaks anywhere: a line does not start with closing punctuation
 * (one more character goes down with it), and a short Latin word or number inside Chinese text
 * (HTTP, eth0, 192.168.1.1) is not split but moved to the next line.
 */
function cutForWrap(s: string, width: number): [string, string] {
  const [head, tail] = cut(s, width);
  if (!tail) return [head, tail];
  const h = [...head];
  let i = h.length;
  if (NO_LINE_START.test(tail)) {
    if (i > 1) i--;
  } else if (LATIN.test(h[i - 1]!) && LATIN.test(tail[0]!)) {
    let j = i;
    while (j > 0 && /[A-Za-z0-9._/-]/.test(h[j - 1]!)) j--;
    if (j > 0 && i - j <= 16) i = j;
  }
  return [h.slice(0, i).join(''), h.slice(i).join('') + tail];
}

/** Text that may break between any two characters (Chinese and Japanese have no spaces). */
const BREAKS_ANYWHERE = /[\u3000-\u9fff\uff00-\uffef]/;

/**
 * Word-wraps to `width` columns, keeping the text's own line breaks. A word wider than a line
 * is cut at the column limit; Chinese text fills each line and breaks between characters.
 */
export function wrap(s: string, width: number): string[] {
  const out: string[] = [];
  const w = Math.max(1, width);
  for (const para of s.replace(/\s+$/, '').split('\n')) {
    const start = out.length;
    let line = '';
    for (const word of para.split(/\s+/).filter(Boolean)) {
      let rest = word;
      if (line && columns(line) + 1 + columns(rest) <= w) {
        line += ` ${rest}`;
        continue;
      }
      // Fill the line with the head of a sentence that may break anywhere.
      const room = line ? w - columns(line) - 1 : 0;
      if (line && room >= 2 && BREAKS_ANYWHERE.test(rest)) {
        const [head, tail] = cutForWrap(rest, room);
        out.push(`${line} ${head}`);
        line = '';
        rest = tail;
      }
      if (line) {
        out.push(line);
        line = '';
      }
      while (columns(rest) > w) {
        const [head, tail] = BREAKS_ANYWHERE.test(rest) ? cutForWrap(rest, w) : cut(rest, w);
        out.push(head);
        rest = tail;
      }
      line = rest;
    }
    // An empty paragraph is a blank line; a paragraph whose last cut filled its line is not.
    if (line || out.length === start) out.push(line);
  }
  return out;
}

// The smallest terminal every screen is laid out and tested for: 80×24, the classic default.
export const MIN_COLUMNS = 80;
export const MIN_ROWS = 24;

export function tooSmall(size: { columns: number; rows: number }): boolean {
  return size.columns < MIN_COLUMNS || size.rows < MIN_ROWS;
}
