import { describe, expect, it } from 'vitest';
import { emptyProgress, recordResult, updateSettings } from '../../src/progress/store';
import { availableLocales, fit, formatDuration, formatStars, levelRows, packCompletion, wrap } from '../../src/tui/model';
import { themeFromEnv } from '../../src/tui/theme';
import type { PackView } from '../../src/tui/types';

const topo = { devices: [{ name: 'pc1', kind: 'host' as const }], links: [] };
const lv = (id: string) => ({ id, title: { en: id.toUpperCase(), 'zh-CN': id }, difficulty: 1, briefing: '', topology: topo });
const pack: PackView = { id: 'p', name: 'P', chapters: [{ id: 'c', title: 'C', levels: [lv('a'), lv('b'), lv('c')] }] };
const g = themeFromEnv({}).glyphs;

describe('level select model', () => {
  it('locks a level until the one before it is solved; the first is always open', () => {
    const rows = (p = emptyProgress()) => levelRows(pack, pack.chapters[0]!, p, 'en').map((r) => r.locked);
    expect(rows()).toEqual([false, true, true]);
    expect(rows(recordResult(emptyProgress(), 'p', 'a', { stars: 1, points: 1, steps: 1 }))).toEqual([false, false, true]);
    // Skipped ahead and solved c: c is open, b still waits for a.
    expect(rows(recordResult(emptyProgress(), 'p', 'c', { stars: 1, points: 1, steps: 1 }))).toEqual([false, true, false]);
    expect(rows(updateSettings(emptyProgress(), { unlockAll: true }))).toEqual([false, false, false]);
    expect(levelRows(pack, pack.chapters[0]!, emptyProgress(), 'en')[1]!.after).toBe('A');
  });

  it('sums completion and finds the locales the packs are written in', () => {
    const p = recordResult(recordResult(emptyProgress(), 'p', 'a', { stars: 3, points: 1, steps: 1 }), 'p', 'b', { stars: 1, points: 1, steps: 1, solved: false });
    expect(packCompletion(pack, p)).toEqual({ solved: 1, total: 3, stars: 4 });
    expect(availableLocales([pack], ['fr'])).toEqual(['en', 'fr', 'zh-CN']);
  });

  it('formats stars, durations and fitted text', () => {
    expect(formatStars(2, g)).toBe('★★☆');
    expect(formatDuration(42, g)).toBe('0:42');
    expect(formatDuration(3725, g)).toBe('1:02:05');
    expect(formatDuration(undefined, g)).toBe('—');
    expect(fit('abcdef', 4)).toBe('abc…');
    expect(fit('ab', 4)).toBe('ab  ');
    expect(wrap('one two three\n\nfour', 7)).toEqual(['one two', 'three', '', 'four']);
    expect(wrap('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
  });
});
