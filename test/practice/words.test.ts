/**
 * The drill sentences in Chinese: every English entry has one, written in Chinese, using the
 * parameters the English one is given.
 */
import { describe, expect, it } from 'vitest';
import { drillWords, WORDS, WORDS_ZH } from '../../src/practice/words';

const HAN = /\p{Script=Han}/u;

/** Entries whose Chinese is only symbols and parameters (the Chinese comes in through them). */
const NO_HAN = new Set(['ladderLine', 'listSep', 'layerAnswer', 'whyTransport']);
/** Entries whose English passes an address parser's message through; the Chinese says what a valid one looks like instead. */
const OWN_PARAMS = new Set(['badAddress', 'badMask', 'badSubnet', 'hostBitsSet']);

/** Calls an entry with parameters that record which ones it reads. */
function used(f: (p: Record<string, string | number>) => string): { text: string; keys: Set<string> } {
  const keys = new Set<string>();
  const p = new Proxy({} as Record<string, string | number>, {
    get: (_, k) => {
      if (typeof k === 'string') keys.add(k);
      return 'X';
    },
  });
  return { text: f(p), keys };
}

describe('drill words in Chinese', () => {
  const keys = Object.keys(WORDS) as (keyof typeof WORDS)[];

  it('has exactly the English keys', () => {
    expect(Object.keys(WORDS_ZH).sort()).toEqual([...keys].sort());
  });

  it.each(keys)('%s is Chinese and uses the English parameters', (key) => {
    const en = used(WORDS[key] as (p: Record<string, string | number>) => string);
    const zh = used(WORDS_ZH[key] as (p: Record<string, string | number>) => string);
    expect(zh.text.length).toBeGreaterThan(0);
    if (!NO_HAN.has(key)) expect(zh.text, key).toMatch(HAN);
    expect(zh.text).not.toContain('undefined');
    if (!OWN_PARAMS.has(key)) expect([...zh.keys].sort(), key).toEqual([...en.keys].sort());
  });

  it('the short allowlists name real keys', () => {
    for (const k of [...NO_HAN, ...OWN_PARAMS]) expect(keys).toContain(k);
  });

  it('picks Chinese for any zh locale, English otherwise', () => {
    for (const l of ['zh', 'zh-CN', 'zh_CN', 'zh-Hans', 'ZH-cn']) expect(drillWords(l)).toBe(WORDS_ZH);
    for (const l of [undefined, 'en', 'en-US', 'fr', 'zhx']) expect(drillWords(l)).toBe(WORDS);
  });
});
