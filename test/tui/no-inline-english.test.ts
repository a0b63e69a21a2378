/**
 * The chrome's words come from the catalogues (src/tui/words.ts, level-words.ts, practice's and
 * the sandbox's words.ts), so they follow the player's language: no screen or component writes
 * English straight into a <Text> (a key name of one letter, like y or n, is allowed).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const dirs = ['src/tui/screens', 'src/tui/components'];
const files = [...dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.tsx')).map((f) => `${d}/${f}`)), 'src/tui/App.tsx'];

describe('no inline English in the chrome', () => {
  it.each(files)('%s', (file) => {
    const src = readFileSync(file, 'utf8');
    const texts = [...src.matchAll(/<Text\b[^>]*>([^<{]*)</g)].map((m) => m[1]!.trim()).filter((t) => /[A-Za-z]{2,}/.test(t) && t !== 'netquest');
    expect(texts).toEqual([]);
  });
});
