/**
 * The built-in campaign, loaded once at build time. Loading the pack from YAML (parse with
 * positions, schema, topology build, reference check) cost ~700 ms of the game's start on a
 * cold process: more than the whole of a bare Ink app's start. `npm run build` writes what
 * `loadPack` returned as JSON (dist/campaign.json); the game reads that instead.
 *
 * The cache is used only when every file it was made from is unchanged (content hashes), so
 * an edited level is never shown stale: any difference falls back to `loadPack`. It is built
 * by the same build that bundles the code, so schema defaults cannot drift from it either.
 * Positions (`source`, `at`) are needed only to report problems, which a cached pack has none
 * of; they are worked out from the file on first use.
 */
import { createHash } from 'node:crypto';
import { readFileSync, realpathSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { formatPath } from '../util/located';
import type { ParsedSource } from '../util/source-location';
import type { LoadedLevel, LoadedPack } from './load';
import type { LevelFile, PackFile } from './schema';

/** Bump when the cache's shape changes. */
const FORMAT = 1;

interface CachedLevel {
  /** Relative to the pack folder. */
  readonly file: string;
  readonly sha1: string;
  readonly level: LevelFile;
}

export interface CampaignCache {
  readonly format: typeof FORMAT;
  readonly packSha1: string;
  readonly pack: PackFile;
  readonly chapters: readonly { id: string; title: PackFile['name']; levels: readonly CachedLevel[] }[];
}

const sha1 = (file: string): string | undefined => {
  try {
    return createHash('sha1').update(readFileSync(file)).digest('hex');
  } catch {
    return undefined;
  }
};

/** The cache of a pack that loaded without problems. */
export function campaignCache(loaded: LoadedPack): CampaignCache {
  const root = realpathSync(loaded.dir);
  return {
    format: FORMAT,
    packSha1: sha1(loaded.file)!,
    pack: loaded.pack,
    chapters: loaded.chapters.map((c) => ({
      id: c.id,
      title: c.title,
      levels: c.levels.map((l) => ({ file: relative(root, l.file), sha1: sha1(l.file)!, level: l.level })),
    })),
  };
}

/**
 * The pack in `dir` from the cache file, exactly as `loadPack(dir)` would return it, or
 * undefined when there is no cache or any file differs from what it was made from.
 */
/**
 * What finds positions in a level's YAML: `util/source-location`. Handed in rather than imported,
 * because the game should not load the YAML parser before its first frame; positions are only
 * wanted when something reports a problem, which a cached (checked) campaign does not.
 */
export interface PositionFinder {
  parseSource: (typeof import('../util/source-location'))['parseSource'];
  locate: (typeof import('../util/source-location'))['locate'];
}

export function loadCachedPack(dir: string, cacheFile: string, positions: () => PositionFinder | undefined): LoadedPack | undefined {
  let cache: CampaignCache;
  let root: string;
  try {
    cache = JSON.parse(readFileSync(cacheFile, 'utf8')) as CampaignCache;
    root = realpathSync(dir);
  } catch {
    return undefined;
  }
  const file = join(dir, 'pack.yaml');
  if (cache.format !== FORMAT || sha1(file) !== cache.packSha1) return undefined;
  const chapters: LoadedPack['chapters'][number][] = [];
  for (const c of cache.chapters) {
    const levels: LoadedLevel[] = [];
    for (const l of c.levels) {
      const full = resolve(root, l.file);
      if (sha1(full) !== l.sha1) return undefined;
      levels.push(cachedLevel(full, l.level, positions));
    }
    chapters.push({ id: c.id, title: c.title, levels });
  }
  return { dir, file, pack: cache.pack, chapters };
}

function cachedLevel(file: string, level: LevelFile, positions: () => PositionFinder | undefined): LoadedLevel {
  let source: ParsedSource | undefined;
  const parsed = (finder: PositionFinder): ParsedSource => {
    if (!source) {
      // The file's hash matched at load time, so it parses as it did when the cache was made.
      const p = finder.parseSource(readFileSync(file, 'utf8'), file);
      if (!p.ok) throw new Error(`${file} no longer parses: ${p.error.message}`);
      source = p.value;
    }
    return source;
  };
  return {
    file,
    level,
    get source() {
      const finder = positions();
      if (!finder) throw new Error(`${file}: the YAML parser is not loaded yet, so this cached level has no positions`);
      return parsed(finder);
    },
    at: (path, message) => {
      const finder = positions();
      const text = path.length > 0 ? `${formatPath(path)}: ${message}` : message;
      // Without the parser (in the instant after start-up), the problem is still said, at the top of the file.
      return finder ? { file, ...finder.locate(parsed(finder), path), message: text } : { file, line: 1, column: 1, message: text };
    },
  };
}
