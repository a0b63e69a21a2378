/**
 * The UI's word catalogues: every entry has English and Chinese, both name the same
 * parameters, and the lookup falls back to English for other locales.
 */
import { describe, expect, it } from 'vitest';
import { WORDS, say } from '../../src/tui/words';
import { LEVEL_WORDS } from '../../src/tui/level-words';
import { SCREEN_WORDS as PRACTICE_WORDS } from '../../src/practice/words';
import { SANDBOX_WORDS } from '../../src/sandbox/words';
import { language, fill, type Catalogue } from '../../src/tui/say';

export const CATALOGUES: Record<string, Catalogue> = { 'tui/words': WORDS, 'tui/level-words': LEVEL_WORDS, 'practice/words': PRACTICE_WORDS, 'sandbox/words': SANDBOX_WORDS };

const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe.each(Object.entries(CATALOGUES))('the %s catalogue', (_name, catalogue) => {
  it.each(Object.keys(catalogue))('%s: English and Chinese, with the same parameters', (key) => {
    const e = catalogue[key]!;
    expect(e.en.trim(), 'English').not.toBe('');
    expect(e['zh-CN'].trim(), 'Chinese').not.toBe('');
    expect(new Set(params(e['zh-CN']))).toEqual(new Set(params(e.en)));
    // The Chinese is Chinese (a key name or a term may stay in Latin letters, not the whole line).
    if (/[a-z]{3}/i.test(e.en.replace(/\{\w+\}/g, ''))) expect(e['zh-CN'], 'not translated').not.toBe(e.en);
  });
});

describe('say', () => {
  it('picks Chinese for zh locales and English for the rest', () => {
    expect(say('zh-CN', 'title.quit')).toBe('退出');
    expect(say('zh', 'title.quit')).toBe('退出');
    expect(say('zh-TW', 'title.quit')).toBe('退出');
    expect(say('en', 'title.quit')).toBe('Quit');
    expect(say('fr', 'title.quit')).toBe('Quit');
    expect(language('zhx')).toBe('en');
  });
  it('fills parameters, and leaves an unknown one visible', () => {
    expect(say('en', 'frame.notSaved', { error: 'disk full' })).toBe('Not saved: disk full');
    expect(say('zh-CN', 'frame.notSaved', { error: 'disk full' })).toBe('未保存：disk full');
    expect(fill('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });
});
