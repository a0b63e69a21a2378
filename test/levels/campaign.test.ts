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

describe('the campaign as a course', () => {
  const pack = loadPack(dir);
  const chapters = pack.ok ? pack.value.chapters : [];
  const all = chapters.flatMap((c) => c.levels.map((l) => l.level));
  const en = (t: unknown): string => (typeof t === 'string' ? t : ((t as Record<string, string>)['en'] ?? ''));

  it('every level has a 3–6 line briefing, two or more hints, a recap, a par and a solution', () => {
    const missing = all.flatMap((l) => {
      const lines = en(l.briefing).trim().split('\n').length;
      return [
        ...(lines < 3 || lines > 6 ? [`${l.id}: briefing of ${lines} lines`] : []),
        ...(l.hints.length < 2 ? [`${l.id}: ${l.hints.length} hint(s); a second one when the first was not enough`] : []),
        ...(l.recap === undefined || en(l.recap).trim() === '' ? [`${l.id}: no recap`] : []),
        ...(l.par < 1 ? [`${l.id}: par ${l.par}`] : []),
        ...(l.solution.length === 0 ? [`${l.id}: no solution`] : []),
      ];
    });
    expect(missing).toEqual([]);
  });

  it('every title, briefing, recap and hint can be read in English and Chinese', () => {
    const both = (t: unknown) => typeof t === 'object' && t !== null && !!(t as Record<string, string>)['en'] && !!(t as Record<string, string>)['zh-CN'];
    const missing = all.flatMap((l) => [
      ...(both(l.title) ? [] : [`${l.id}: title`]),
      ...(both(l.briefing) ? [] : [`${l.id}: briefing`]),
      ...(both(l.recap) ? [] : [`${l.id}: recap`]),
      ...l.hints.flatMap((h, i) => (both(h) ? [] : [`${l.id}: hint ${i + 1}`])),
    ]);
    expect(missing).toEqual([]);
  });

  it('Chinese paragraphs are single lines, so no space is joined into them when they are reflowed', () => {
    const split = all.filter((l) => /[\u4e00-\u9fff][^\n]*\n[^\n]*[\u4e00-\u9fff]/.test(((l.briefing as Record<string, string>)['zh-CN'] ?? '').trim()));
    expect(split.map((l) => l.id)).toEqual([]);
  });

  it('difficulty never falls within a chapter, and each chapter ends with a level that combines several of its concepts', () => {
    const problems = chapters.flatMap((c) => {
      const ls = c.levels.map((l) => l.level);
      const falls = ls.slice(1).filter((l, i) => l.difficulty < ls[i]!.difficulty).map((l) => `${c.id}/${l.id}: easier than the level before`);
      const last = ls[ls.length - 1]!;
      const taughtBefore = new Set(ls.slice(0, -1).flatMap((l) => l.concepts));
      const combined = last.concepts.filter((k) => taughtBefore.has(k));
      const maxDifficulty = Math.max(...ls.map((l) => l.difficulty));
      return [
        ...falls,
        ...(combined.length < 2 ? [`${c.id}/${last.id}: the final level reuses ${combined.length} of the chapter's concepts`] : []),
        ...(last.difficulty < maxDifficulty ? [`${c.id}/${last.id}: the final level is not the hardest`] : []),
      ];
    });
    expect(problems).toEqual([]);
  });

  it('TCP levels fix their initial sequence numbers, so briefings quote readable numbers', () => {
    const loose = all.flatMap((l) => [
      ...l.scenario.flatMap((s) => ('tcp' in s && s.tcp.iss === undefined ? [`${l.id}: a scenario connection without iss`] : [])),
      ...(/\d{9,}/.test(en(l.briefing)) ? [`${l.id}: a 9-digit number in the briefing`] : []),
    ]);
    expect(loose).toEqual([]);
  });
});
