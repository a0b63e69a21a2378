import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkLevel } from '../../src/levels/check';
import { loadPack } from '../../src/levels/load';
import { formatLocated } from '../../src/util/source-location';

const dir = fileURLToPath(new URL('../../levels', import.meta.url));

// The built-in campaign is an ordinary pack: `netquest check levels` must pass, and so must this.
describe('the campaign in levels/', () => {
  const pack = loadPack(dir);

  it('loads as a pack', () => {
    expect(pack.ok ? [] : pack.error.map(formatLocated)).toEqual([]);
  });

  it('has at least 36 levels in chapters', () => {
    const levels = pack.ok ? pack.value.chapters.flatMap((c) => c.levels) : [];
    expect(levels.length).toBeGreaterThanOrEqual(36);
    expect(pack.ok && pack.value.chapters.length).toBeGreaterThanOrEqual(8);
  });

  it('every level passes check: its solution, accepted alternatives and rejected attempts', { timeout: 120_000 }, () => {
    const levels = pack.ok ? pack.value.chapters.flatMap((c) => c.levels) : [];
    const problems = levels.flatMap((l) => checkLevel(l).map(formatLocated));
    expect(problems).toEqual([]);
  });
});
