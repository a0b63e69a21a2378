/**
 * The level author's commands: `check` (prove a level or pack valid and solvable), `play`
 * (headless play of a scripted sequence of actions), `capture` (a pcap of a level's traffic).
 */
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { TEMPLATE_KINDS, TEMPLATES, type TemplateKind } from '../levels/templates';
import { detectLocale } from '../levels/text';
import { z } from 'zod';
import { checkLevel } from '../levels/check';
import { isPackDir, loadLevelFile, loadPack, readBounded, type LoadedLevel } from '../levels/load';
import { actionSchema, type Action } from '../levels/schema';
import { tracePcap } from '../net/pcap';
import { parseSource, validate, formatLocated, type Located } from '../util/source-location';
import { Session } from '../verify/session';
import { withKeysHeld } from '../tui/terminal';
import { applyConfigure, isConfigure } from '../verify/configure';
import { runScenario } from '../verify/predictions';
import { startBackground } from '../verify/background';
import { checkGoal } from '../verify/goals';
import { buildTopology } from '../levels/build';
import type { Io } from './main';
import { parseCommand, UsageError } from './main';

/** Loads a level file, or every level of a pack folder. */
export function loadTargets(path: string): { levels: LoadedLevel[]; problems: Located[] } {
  let isDir = false;
  try {
    isDir = statSync(path).isDirectory();
  } catch {
    return { levels: [], problems: [{ file: path, line: 1, column: 1, message: 'no such file or folder' }] };
  }
  if (isDir) {
    if (!isPackDir(path)) return { levels: [], problems: [{ file: path, line: 1, column: 1, message: 'this folder has no pack.yaml, so it is not a level pack' }] };
    const pack = loadPack(path);
    if (!pack.ok) return { levels: [], problems: pack.error };
    return { levels: pack.value.chapters.flatMap((c) => c.levels), problems: [] };
  }
  const level = loadLevelFile(path);
  return level.ok ? { levels: [level.value], problems: [] } : { levels: [], problems: level.error };
}

export function runCheck(args: readonly string[], io: Io): number {
  const { values, positionals } = parseCommand(args, { json: { type: 'boolean' } });
  if (positionals.length === 0) throw new UsageError("'check' needs at least one level file or pack folder");
  const problems: Located[] = [];
  let levels = 0;
  for (const p of positionals) {
    const t = loadTargets(p);
    problems.push(...t.problems);
    for (const l of t.levels) {
      levels++;
      problems.push(...checkLevel(l));
    }
  }
  if (values.json) {
    io.out(`${JSON.stringify({ ok: problems.length === 0, levels, problems })}\n`);
  } else {
    for (const p of problems) io.out(`${formatLocated(p)}\n`);
    io.out(problems.length === 0 ? `${levels} level${levels === 1 ? '' : 's'} checked: all valid and solvable\n` : `${problems.length} problem${problems.length === 1 ? '' : 's'} in ${levels} level${levels === 1 ? '' : 's'}\n`);
  }
  return problems.length === 0 ? 0 : 1;
}

const actionsFileSchema = z.union([z.array(actionSchema), z.strictObject({ actions: z.array(actionSchema) })]);

export function loadActions(file: string): { ok: true; value: Action[] } | { ok: false; error: Located } {
  const text = readBounded(file);
  if (!text.ok) return text;
  const src = parseSource(text.value, file);
  if (!src.ok) return src;
  const v = validate(src.value, actionsFileSchema);
  if (!v.ok) return v;
  return { ok: true, value: Array.isArray(v.value) ? v.value : v.value.actions };
}

function pickLevel(path: string, id: string | undefined, io: Io): LoadedLevel | undefined {
  const t = loadTargets(path);
  for (const p of t.problems) io.err(`${formatLocated(p)}\n`);
  if (t.problems.length > 0) return undefined;
  const level = id === undefined ? t.levels[0] : t.levels.find((l) => l.level.id === id);
  if (!level) io.err(`netquest: no level '${id}' in ${path}; it has ${t.levels.map((l) => l.level.id).join(', ')}\n`);
  return level;
}

export async function runPlay(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommand(args, { script: { type: 'string' }, json: { type: 'boolean' }, level: { type: 'string' }, lang: { type: 'string' } });
  if (positionals.length !== 1) throw new UsageError("'play' takes one level file or pack folder");
  if (values.script === undefined) {
    if (values.json) throw new UsageError("'play --json' needs --script ACTIONS.yaml");
    return playInTui(positionals[0]!, values.lang, io);
  }
  const level = pickLevel(positionals[0]!, values.level, io);
  if (!level) return 1;
  const actions = loadActions(values.script);
  if (!actions.ok) {
    io.err(`${formatLocated(actions.error)}\n`);
    return 1;
  }
  const session = new Session(level, { locale: values.lang ?? 'en', clock: () => 0 });
  const steps = actions.value.map((a) => session.step(a));
  const result = { level: level.level.id, steps, solved: session.solved(), score: session.score(), goals: session.goals().map((g) => ({ met: g.met, detail: g.detail })) };
  if (values.json) {
    io.out(`${JSON.stringify(result)}\n`);
  } else {
    for (const s of steps) io.out(`#${s.index + 1} ${s.verdict.result.toUpperCase()} (${s.verdict.points})  ${s.verdict.explanation}\n`);
    const sc = result.score;
    io.out(`\n${result.solved ? 'Solved' : 'Not solved yet'}: ${sc.stars} star${sc.stars === 1 ? '' : 's'}, ${sc.points} points — ${sc.steps} steps (par ${sc.par}), ${sc.wrongTries} wrong, ${sc.hints} hints\n`);
  }
  return result.solved ? 0 : 1;
}

/** `netquest play PATH` without a script: the game, opened on that level or pack. */
async function playInTui(path: string, lang: string | undefined, io: Io): Promise<number> {
  return withKeysHeld(() => openInTui(path, lang, io));
}

async function openInTui(path: string, lang: string | undefined, io: Io): Promise<number> {
  const t = loadTargets(path);
  if (t.problems.length > 0) {
    for (const p of t.problems) io.err(`${formatLocated(p)}\n`);
    return 1;
  }
  const { startTui, packViewFromLoaded } = await import('../tui/index');
  const pack = isPackDir(path)
    ? loadPack(path)
    : { ok: true as const, value: { pack: { id: `file-${t.levels[0]!.level.id}`, name: basename(path) }, chapters: [{ id: 'levels', title: basename(path), levels: t.levels }] } };
  if (!pack.ok) return 1;
  // Straight to the pack's chapters, or the file's level list (Esc leads to the menu).
  const view = packViewFromLoaded(pack.value);
  const start = view.chapters.length === 1 ? ({ name: 'levels', packId: view.id, chapterId: view.chapters[0]!.id } as const) : ({ name: 'chapters', packId: view.id } as const);
  const message = await startTui({ packs: [view], locale: lang ?? detectLocale(), start });
  if (message) {
    io.err(`${message}\n`);
    return 1;
  }
  return 0;
}

export function runCapture(args: readonly string[], io: Io): number {
  const { values, positionals } = parseCommand(args, { output: { type: 'string', short: 'o' }, actions: { type: 'string' }, level: { type: 'string' } });
  if (positionals.length !== 1) throw new UsageError("'capture' takes one level file or pack folder");
  if (values.output === undefined) throw new UsageError("'capture' needs -o FILE.pcap");
  const level = pickLevel(positionals[0]!, values.level, io);
  if (!level) return 1;
  let actions: readonly Action[] = level.level.solution;
  if (values.actions !== undefined) {
    const a = loadActions(values.actions);
    if (!a.ok) {
      io.err(`${formatLocated(a.error)}\n`);
      return 1;
    }
    actions = a.value;
  }
  // One network, configured as the actions say; then the level's traffic: its scenario and its goals.
  const sim = buildTopology(level.level).sim;
  for (const a of actions) if (isConfigure(a)) applyConfigure(sim, a);
  startBackground(sim, level.level.background);
  runScenario(sim, level.level.scenario);
  for (const g of level.level.goals) checkGoal(sim, g, true);
  try {
    writeFileSync(values.output, tracePcap(sim.trace));
  } catch (e) {
    io.err(`netquest capture: cannot write ${values.output}: ${(e as Error).message}\n`);
    return 1;
  }
  io.out(`wrote ${sim.frames().length} frames to ${values.output}\n`);
  return 0;
}


export function runNew(args: readonly string[], io: Io): number {
  const { values, positionals } = parseCommand(args, { force: { type: 'boolean' } });
  const [kind, file] = positionals;
  if (positionals.length !== 2 || !(TEMPLATE_KINDS as readonly string[]).includes(kind!)) {
    throw new UsageError(`'new' takes a kind (${TEMPLATE_KINDS.join(', ')}) and a file name`);
  }
  if (existsSync(file!) && !values.force) {
    io.err(`netquest new: ${file} already exists; choose another name or add --force\n`);
    return 1;
  }
  const id = basename(file!).replace(/\.(ya?ml|json)$/i, '').toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'my-level';
  try {
    writeFileSync(file!, TEMPLATES[kind as TemplateKind](id));
  } catch (e) {
    io.err(`netquest new: cannot write ${file}: ${(e as Error).message}\n`);
    return 1;
  }
  io.out(`wrote ${file}: a ${kind} level. Try: netquest check ${file}\n`);
  return 0;
}
