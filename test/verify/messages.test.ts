import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadLevelFile, type LoadedLevel } from '../../src/levels/load';
import { MESSAGE_KEYS, message, type MessageKey } from '../../src/verify/messages';
import { Session } from '../../src/verify/session';
import { LAYER_OF, OSI_LAYERS, OSI_LAYERS_ZH, TRANSPORT_FOR } from '../../src/net/knowledge';

function level(name: string): LoadedLevel {
  const r = loadLevelFile(fileURLToPath(new URL(`../fixtures/levels/${name}`, import.meta.url)));
  if (!r.ok) throw new Error(r.error.map((e) => e.message).join('\n'));
  return r.value;
}

const HAN = /[\u4e00-\u9fff]/;

describe('the verifier message catalogue', () => {
  it('every key has an English entry that produces text', () => {
    expect(MESSAGE_KEYS.length).toBeGreaterThan(50);
    for (const key of MESSAGE_KEYS) {
      const text = message(key, { device: 'pc1' }, 'en');
      expect(typeof text, key).toBe('string');
      expect(text.length, key).toBeGreaterThan(0);
    }
  });

  it('falls back from zh-CN to English for a key without a translation', () => {
    // An author's mistake in a level file, which only the author meets: English only.
    const key: MessageKey = 'too-few-tcp-events';
    expect(message(key, { device: 'pc1', n: 2 }, 'zh-CN')).toBe(message(key, { device: 'pc1', n: 2 }, 'en'));
    expect(message(key, { device: 'pc1', n: 2 }, 'zh-CN')).not.toMatch(HAN);
    // And an unknown locale falls back too.
    expect(message('verdict-right', { answer: '42' }, 'fr')).toBe('Right: 42.');
  });

  it('uses the translation when there is one', () => {
    expect(message('verdict-right', { answer: '42' }, 'zh-CN')).toBe('正确：42。');
    expect(message('goal-ping', { from: 'pc1', to: 'pc2' }, 'zh-CN')).toMatch(HAN);
  });
});

describe('a Session in zh-CN', () => {
  it('explains a wrong gateway in Chinese, naming the misconception', () => {
    const s = new Session(level('configure-gateway.yaml'), { locale: 'zh-CN', clock: () => 0 });
    const r = s.step({ 'set-gateway': { device: 'pc1', gateway: '10.0.0.1' } });
    expect(r.verdict).toMatchObject({ result: 'incorrect', misconception: 'gateway-off-subnet' });
    expect(r.verdict.explanation).toMatch(HAN);
    expect(r.verdict.explanation).toContain('网关 10.0.0.1');
  });

  it("reports a configure step's goal progress in Chinese", () => {
    const s = new Session(level('configure-gateway.yaml'), { locale: 'zh-CN', clock: () => 0 });
    const partial = s.step({ 'set-gateway': { device: 'pc1', gateway: '192.168.1.254' } });
    expect(partial.verdict.explanation).toContain('pc1 的默认网关现在是 192.168.1.254');
    expect(partial.verdict.explanation).toContain('已达成目标：0/1。');
    expect(partial.verdict.explanation).toContain('尚未完成：pc1 能 ping 通 pc2');
    const done = s.step({ 'set-gateway': { device: 'pc1', gateway: '192.168.1.1' } });
    expect(done.verdict.explanation).toContain('已达成目标：1/1。');
    expect(done.solved).toBe(true);
  });

  it('explains a layer in Chinese, with the reason to remember', () => {
    const r = loadLevelFile(fileURLToPath(new URL('../../levels/01-clients-servers-layers/01-browser-and-server.yaml', import.meta.url)));
    if (!r.ok) throw new Error('the level should load');
    const zh = new Session(r.value, { locale: 'zh-CN', clock: () => 0 }).step({ answer: { question: 'http', value: 4 } });
    expect(zh.verdict.explanation).toBe('第 7 层，应用层：HTTP 是应用程序说的语言。');
    const en = new Session(r.value, { clock: () => 0 }).step({ answer: { question: 'http', value: 4 } });
    expect(en.verdict.explanation).toBe('Layer 7, application: HTTP is what the application speaks.');
  });

  it('every layer and transport fact has its reason in Chinese too', () => {
    for (const [term, f] of [...Object.entries(LAYER_OF), ...Object.entries(TRANSPORT_FOR)]) expect(f.zh, term).toMatch(HAN);
    expect(OSI_LAYERS_ZH).toHaveLength(OSI_LAYERS.length);
  });

  it('keeps the English wording for an English session', () => {
    const s = new Session(level('configure-gateway.yaml'), { clock: () => 0 });
    const r = s.step({ 'set-gateway': { device: 'pc1', gateway: '192.168.1.254' } });
    expect(r.verdict.explanation).toMatch(/^pc1's default gateway is now 192\.168\.1\.254\. Goals met: 0 of 1\. Still to do: pc1 can ping pc2 — /);
  });
});

describe('no inline English in the verifier', () => {
  const dir = fileURLToPath(new URL('../../src/verify/', import.meta.url));
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'messages.ts');

  /**
   * Strings that are not player-visible and so may stay inline. Each needs a reason.
   * (Empty today: keys, identifiers and number formats such as `seq=${n}` have no sentence.)
   */
  const ALLOW: readonly string[] = [];

  /** Template literals (outside comments) whose literal text has three or more words in a row. */
  function englishTemplates(source: string): string[] {
    const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    const found: string[] = [];
    for (const m of code.matchAll(/`(?:[^`\\]|\\.)*`/g)) {
      const literal = m[0].replace(/\$\{[^}]*\}/g, ' ');
      if (/[A-Za-z]{2,}[\s,;:'()-]+[A-Za-z]+[\s,;:'()-]+[A-Za-z]+/.test(literal) && !ALLOW.includes(m[0])) found.push(m[0]);
    }
    return found;
  }

  /** Single-quoted strings that read as a sentence (a capital, then three words), likewise. */
  function englishQuoted(source: string): string[] {
    const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    return [...code.matchAll(/'((?:[^'\\\n]|\\.)*)'/g)].map((m) => m[1]!).filter((s) => /^[A-Za-z]+ [A-Za-z]+ [A-Za-z]+ [A-Za-z]+/.test(s) && !ALLOW.includes(s));
  }

  it('the detector itself finds an English sentence in a template literal', () => {
    expect(englishTemplates('const x = `there is no device ${d}`;')).toHaveLength(1);
    expect(englishTemplates('const x = `${a}:${b}`; const y = `seq=${s}`;')).toHaveLength(0);
  });

  it.each(files)('%s has no inline English sentences (use message() and the catalogue)', (file) => {
    const source = readFileSync(`${dir}${file}`, 'utf8');
    expect(englishTemplates(source)).toEqual([]);
    expect(englishQuoted(source)).toEqual([]);
  });
});
