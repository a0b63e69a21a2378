/**
 * `netquest` with no arguments: the game. The campaign ships in the package's `levels/`
 * folder; Ink and React are loaded only now, so the other commands start fast.
 */
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { loadCachedPack } from '../levels/campaign-cache';
import { ok } from '../net/result';
import { detectLocale } from '../levels/text';
import { whyNoGame, withKeysHeld } from '../tui/terminal';
import { formatLocated } from '../util/located';
import type { PositionFinder } from '../levels/campaign-cache';
import type { Io } from './main';
import { parseCommand, UsageError } from './main';

/** The campaign folder: beside dist/ when bundled, two folders up from src/cli when run from source (tests). */
export function campaignDir(): string {
  const candidates = [new URL('../levels', import.meta.url), new URL('../../levels', import.meta.url)].map((u) => fileURLToPath(u));
  return candidates.find((d) => existsSync(join(d, 'pack.yaml'))) ?? candidates[0]!;
}

export async function runGame(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommand(args, { lang: { type: 'string' } });
  if (positionals.length > 0) throw new UsageError(`unknown command '${positionals[0]}'`);
  // Say so at once when there is no terminal, before loading the campaign and Ink.
  const refused = whyNoGame(process.stdin, process.stdout, process.env);
  if (refused) {
    io.err(`${refused}\n`);
    return 1;
  }
  return withKeysHeld(() => loadAndPlay(values.lang, io));
}

async function loadAndPlay(lang: string | undefined, io: Io): Promise<number> {
  // The build's copy of the loaded campaign when it is current (see campaign-cache.ts): parsing the YAML would delay the first frame ~0.7 s.
  const dir = campaignDir();
  // The YAML parser (for a problem's line:column) loads after the first frame, with the loader.
  let positions: PositionFinder | undefined;
  const cached = loadCachedPack(dir, fileURLToPath(new URL('./campaign.json', import.meta.url)), () => positions);
  // The YAML loader (parser, schemas, checks) is loaded only when needed: not for a current cache.
  const loader = () => import('../levels/load');
  const campaign = cached ? ok(cached) : (await loader()).loadPack(dir);
  if (!campaign.ok) {
    io.err(`netquest: the built-in campaign does not load:\n${campaign.error.slice(0, 10).map(formatLocated).join('\n')}\n`);
    return 1;
  }
  const { startTui, packViewFromLoaded } = await import('../tui/index');
  const locale = lang ?? detectLocale();
  // Ready long before anyone has typed a folder's path into "Open a level pack".
  let load: Awaited<ReturnType<typeof loader>> | undefined;
  setTimeout(() => {
    void loader().then((m) => (load = m));
    void import('../util/source-location').then((m) => (positions = m));
  }, 50);
  const message = await startTui({
    packs: [packViewFromLoaded(campaign.value)],
    locale,
    openPack: (path) => {
      const dir = isAbsolute(path) ? path : resolve(process.cwd(), path);
      if (!load) return 'The level loader is still starting; try again in a moment.';
      const p = load.loadPack(dir);
      return p.ok ? packViewFromLoaded(p.value) : p.error.slice(0, 3).map(formatLocated).join('\n');
    },
  });
  if (message) {
    io.err(`${message}\n`);
    return 1;
  }
  return 0;
}
