import { describe, expect, it } from 'vitest';
import { emptyProgress, recordResult, updateSettings } from '../../src/progress/store';
import fc from 'fast-check';
import { availableLocales, columns, fit, formatDuration, formatStars, levelRows, packCompletion, wrap } from '../../src/tui/model';
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

describe('text in terminal columns (Chinese characters take two)', () => {
  it('fit pads and cuts by columns', () => {
    expect(fit('中文中文', 5)).toBe('中文…');
    expect(fit('中文', 6)).toBe('中文  ');
    expect(columns(fit('中文中文中文', 8))).toBe(8);
  });

  it('wrap fills each line with Chinese text and breaks between characters', () => {
    const lines = wrap('网关是路由器在你自己子网上的地址，不是点零地址。', 20);
    expect(lines.every((l) => columns(l) <= 20)).toBe(true);
    expect(lines.join('')).toBe('网关是路由器在你自己子网上的地址，不是点零地址。');
    expect(columns(lines[0]!)).toBeGreaterThanOrEqual(19);
  });

  it('wrap starts no line with closing punctuation and does not split a short Latin word inside Chinese', () => {
    const lines = wrap('对话都要经过一层层协议：最上面是应用，请说出浏览器、它说的 HTTP、以及网线', 24);
    for (const l of lines) expect(l).not.toMatch(/^[，。、：；！？）]/);
    expect(lines.join('\n')).toMatch(/(^|[^A-Z])HTTP/m);
    for (const l of lines) expect(l).not.toMatch(/^TTP|^TP|^P、/);
    const joined = wrap('浏览器说的HTTP协议属于第几层浏览器说的HTTP协议属于第几层', 21);
    expect(joined.join('\n')).not.toMatch(/H\n|HT\n|HTT\n/);
  });

  it('wrap never exceeds the width and keeps every character, for any mix of scripts', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'bc', ' ', '中', '文。', 'pc1', '\n', '——'), { maxLength: 40 }), fc.integer({ min: 2, max: 30 }), (parts, width) => {
        const text = parts.join('');
        const lines = wrap(text, width);
        expect(lines.every((l) => columns(l) <= width)).toBe(true);
        expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
      }),
    );
  });
});
