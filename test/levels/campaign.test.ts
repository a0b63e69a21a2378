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

describe('docs/campaign.md', () => {
  it('is the table the campaign makes now (run `npm run campaign-table` after changing levels)', async () => {
    const { readFileSync } = await import('node:fs');
    const { campaignTable } = await import('../../src/levels/campaign-table');
    const pack = loadPack(dir);
    expect(pack.ok).toBe(true);
    const doc = readFileSync(fileURLToPath(new URL('../../docs/campaign.md', import.meta.url)), 'utf8');
    expect(doc).toBe(pack.ok ? campaignTable(pack.value) : '');
  });
});
