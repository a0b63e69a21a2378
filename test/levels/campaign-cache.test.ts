import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { campaignCache, loadCachedPack } from '../../src/levels/campaign-cache';
import * as positions from '../../src/util/source-location';
import { loadPack, type LoadedPack } from '../../src/levels/load';

const LEVELS = new URL('../../levels', import.meta.url).pathname;
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(1)) rmSync(d, { recursive: true, force: true });
});
afterAll(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function copyOfCampaign(): string {
  const tmp = mkdtempSync(join(tmpdir(), 'nq-cache-'));
  dirs.push(tmp);
  cpSync(LEVELS, join(tmp, 'levels'), { recursive: true });
  return join(tmp, 'levels');
}

// Loaded once (it takes a while); the cache names files relative to the pack, so it fits any copy.
let loaded: LoadedPack;
let cacheJson: string;
beforeAll(() => {
  const dir = copyOfCampaign();
  const r = loadPack(dir);
  if (!r.ok) throw new Error('the campaign does not load');
  loaded = r.value;
  cacheJson = JSON.stringify(campaignCache(loaded));
});

/** A copy of the campaign and a cache file made from it, as the build makes it. */
function cachedCopy(first = false): { dir: string; cacheFile: string } {
  const dir = first ? loaded.dir : copyOfCampaign();
  const cacheFile = join(dir, '..', 'campaign.json');
  writeFileSync(cacheFile, cacheJson);
  return { dir, cacheFile };
}

describe('the campaign cache', () => {
  it('gives back exactly what loadPack gives: pack, chapters, files and level data', () => {
    const { dir, cacheFile } = cachedCopy(true);
    const cached = loadCachedPack(dir, cacheFile, () => positions);
    expect(cached).toBeDefined();
    expect(cached!.dir).toBe(loaded.dir);
    expect(cached!.file).toBe(loaded.file);
    expect(cached!.pack).toStrictEqual(loaded.pack);
    expect(cached!.chapters.map((c) => [c.id, c.title])).toStrictEqual(loaded.chapters.map((c) => [c.id, c.title]));
    const levels = loaded.chapters.flatMap((c) => c.levels);
    const fromCache = cached!.chapters.flatMap((c) => c.levels);
    expect(fromCache.map((l) => l.file)).toStrictEqual(levels.map((l) => l.file));
    for (const [i, l] of levels.entries()) expect(fromCache[i]!.level).toStrictEqual(l.level);
  });

  it('locates problems in a cached level as the loaded level does, parsing the file only when asked', () => {
    const { dir, cacheFile } = cachedCopy(true);
    const level = loaded.chapters[3]!.levels[2]!;
    const cached = loadCachedPack(dir, cacheFile, () => positions)!.chapters[3]!.levels[2]!;
    expect(cached.at(['solution', 0], 'x')).toStrictEqual(level.at(['solution', 0], 'x'));
    expect(cached.at(['id'], 'y')).toStrictEqual(level.at(['id'], 'y'));
    expect(cached.source.doc.toJS()).toStrictEqual(level.source.doc.toJS());
  });

  it('is not used when a level file changed since the build', () => {
    const { dir, cacheFile } = cachedCopy();
    const file = join(dir, loaded.chapters[0]!.levels[0]!.file.slice(loaded.dir.length));
    expect(loadCachedPack(dir, cacheFile, () => positions)).toBeDefined();
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n# edited\n`);
    expect(loadCachedPack(dir, cacheFile, () => positions)).toBeUndefined();
  });

  it('before the YAML parser has loaded, a problem is still reported, at the top of its file', () => {
    const a = cachedCopy();
    const level = loadCachedPack(a.dir, a.cacheFile, () => undefined)!.chapters[0]!.levels[0]!;
    expect(level.at(['solution', 0], 'x')).toStrictEqual({ file: level.file, line: 1, column: 1, message: 'solution[0]: x' });
  });

  it('is not used when pack.yaml changed, or the cache is missing, damaged or of another format', () => {
    const a = cachedCopy();
    expect(loadCachedPack(a.dir, a.cacheFile, () => positions)).toBeDefined();
    writeFileSync(join(a.dir, 'pack.yaml'), `${readFileSync(join(a.dir, 'pack.yaml'), 'utf8')}\n# edited\n`);
    expect(loadCachedPack(a.dir, a.cacheFile, () => positions)).toBeUndefined();
    const b = cachedCopy();
    expect(loadCachedPack(b.dir, join(b.dir, 'no-such-cache.json'), () => positions)).toBeUndefined();
    writeFileSync(b.cacheFile, '{"format": 1, "pack');
    expect(loadCachedPack(b.dir, b.cacheFile, () => positions)).toBeUndefined();
    const c = cachedCopy();
    writeFileSync(c.cacheFile, JSON.stringify({ ...JSON.parse(readFileSync(c.cacheFile, 'utf8')), format: 99 }));
    expect(loadCachedPack(c.dir, c.cacheFile, () => positions)).toBeUndefined();
  });
});
