/**
 * `netquest sandbox [file] [--level ID]`: any topology with no goals, to explore. A level file
 * (or a pack's level, like `play`), a file holding just a `topology:` (an author's draft), or
 * with no file a blank network built from the device menu. The game opens on its Sandbox screen.
 */
import { basename } from 'node:path';
import { statSync } from 'node:fs';
import { z } from 'zod';
import { readBounded } from '../levels/load';
import { topologySchema } from '../levels/schema';
import { formatLocated, parseSource, validate, type Located } from '../util/source-location';
import type { TopologySpec } from '../sandbox/session';
import { loadTargets } from './levels-commands';
import { withKeysHeld } from '../tui/terminal';
import type { Io } from './main';
import { parseCommand, UsageError } from './main';

/** A draft with a topology and nothing else a level needs yet. */
const draftSchema = z.looseObject({ topology: topologySchema });

export type SandboxSource = { readonly topology: TopologySpec | undefined; readonly origin: string | undefined };

/** The topology to open, or the located problems that stop it. */
export function sandboxSource(path: string | undefined, levelId: string | undefined): { ok: true; value: SandboxSource } | { ok: false; error: Located[] } {
  if (path === undefined) return { ok: true, value: { topology: undefined, origin: undefined } };
  const t = loadTargets(path);
  if (t.problems.length === 0) {
    const level = levelId === undefined ? t.levels[0] : t.levels.find((l) => l.level.id === levelId);
    if (!level) return { ok: false, error: [{ file: path, line: 1, column: 1, message: `no level '${levelId}' here; it has ${t.levels.map((l) => l.level.id).join(', ')}` }] };
    return { ok: true, value: { topology: level.level.topology, origin: `${basename(level.file)}${levelId !== undefined || t.levels.length > 1 ? ` (${level.level.id})` : ''}` } };
  }
  // Not a whole level: a file with just a topology still opens.
  if (levelId === undefined && isFile(path)) {
    const text = readBounded(path);
    const src = text.ok ? parseSource(text.value, path) : undefined;
    const draft = src?.ok ? validate(src.value, draftSchema) : undefined;
    if (draft?.ok) return { ok: true, value: { topology: draft.value.topology, origin: basename(path) } };
  }
  return { ok: false, error: t.problems };
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export async function runSandbox(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommand(args, { level: { type: 'string' } });
  if (positionals.length > 1) throw new UsageError("'sandbox' takes at most one level file or pack folder");
  if (values.level !== undefined && positionals.length === 0) throw new UsageError("'sandbox --level ID' needs a pack folder or level file");
  const source = sandboxSource(positionals[0], values.level);
  if (!source.ok) {
    for (const p of source.error.slice(0, 10)) io.err(`${formatLocated(p)}\n`);
    return 1;
  }
  const { topology, origin } = source.value;
  return withKeysHeld(() => openSandbox(topology, origin, io));
}

async function openSandbox(topology: SandboxSource['topology'], origin: string | undefined, io: Io): Promise<number> {
  const [{ loadPack }, { campaignDir }, { detectLocale }, { startTui, packViewFromLoaded }] = await Promise.all([
    import('../levels/load'),
    import('./game-command'),
    import('../levels/text'),
    import('../tui/index'),
  ]);
  // The game opens on the sandbox; Esc leads to the menu, which offers the campaign when it loads.
  const campaign = loadPack(campaignDir());
  const message = await startTui({
    packs: campaign.ok ? [packViewFromLoaded(campaign.value)] : [],
    locale: detectLocale(),
    start: { name: 'sandbox', ...(topology ? { topology } : {}), ...(origin ? { origin } : {}) },
  });
  if (message) {
    io.err(`${message}\n`);
    return 1;
  }
  return 0;
}
