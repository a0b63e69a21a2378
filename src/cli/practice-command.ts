/**
 * `netquest practice`: timed practice in the game (setup preset from the flags), or with
 * `--export N` generated drills as a worksheet or JSON lines (for printing, and so anyone can
 * check the generators).
 */
import { dailySeed, exportDrills, TOPICS, type Topic } from '../practice/generators';
import { MAX_MINUTES, type PracticeOptions } from '../practice/options';
import { withKeysHeld } from '../tui/terminal';
import type { Io } from './main';
import { parseCommand, UsageError } from './main';

export interface PracticeEnv {
  readonly today: () => Date;
  /** Whether standard input is an interactive terminal (the timed session needs keys). */
  readonly interactive: boolean;
  /** Opens the game on the practice screen; resolves to a message when it cannot. */
  readonly open: (options: PracticeOptions) => Promise<string | undefined>;
}

const defaultEnv: PracticeEnv = {
  today: () => new Date(),
  interactive: process.stdin.isTTY === true,
  open: (options) => withKeysHeld(() => openPractice(options)),
};

async function openPractice(options: PracticeOptions): Promise<string | undefined> {
  const [{ loadPack }, { campaignDir }, { detectLocale }, { startTui, packViewFromLoaded }] = await Promise.all([
    import('../levels/load'),
    import('./game-command'),
    import('../levels/text'),
    import('../tui/index'),
  ]);
  // The menu behind practice (Esc) offers the campaign too, when it loads.
  const campaign = loadPack(campaignDir());
  return startTui({ packs: campaign.ok ? [packViewFromLoaded(campaign.value)] : [], locale: detectLocale(), start: { name: 'practice', options } });
}

export async function runPractice(args: readonly string[], io: Io, env: Partial<PracticeEnv> = {}): Promise<number> {
  const { today, interactive, open } = { ...defaultEnv, ...env };
  const { values, positionals } = parseCommand(args, {
    topic: { type: 'string' },
    seed: { type: 'string' },
    daily: { type: 'boolean' },
    export: { type: 'string' },
    json: { type: 'boolean' },
    minutes: { type: 'string' },
  });
  if (positionals.length > 0) throw new UsageError(`'practice' takes no arguments (got '${positionals[0]}')`);
  const topics = (values.topic ?? TOPICS.join(',')).split(',').map((t) => t.trim());
  const unknown = topics.find((t) => !(TOPICS as readonly string[]).includes(t));
  if (unknown !== undefined) throw new UsageError(`unknown topic '${unknown}'; topics: ${TOPICS.join(', ')}`);
  if (values.seed !== undefined && values.daily) throw new UsageError('give --seed or --daily, not both');
  let seed: number | undefined;
  if (values.seed !== undefined) {
    if (!/^\d{1,10}$/.test(values.seed) || Number(values.seed) > 0x7fffffff) throw new UsageError(`--seed must be a whole number 0–2147483647, got '${values.seed}'`);
    seed = Number(values.seed);
  }
  let minutes: number | undefined;
  if (values.minutes !== undefined) {
    if (!/^\d{1,3}$/.test(values.minutes) || Number(values.minutes) < 1 || Number(values.minutes) > MAX_MINUTES) throw new UsageError(`--minutes takes 1–${MAX_MINUTES}, got '${values.minutes}'`);
    minutes = Number(values.minutes);
  }

  if (values.export === undefined) {
    if (values.json) throw new UsageError('--json goes with --export N (the timed session is interactive)');
    if (!interactive) {
      io.err('netquest practice: the timed session needs an interactive terminal, and standard input is not one. For drills without a terminal: netquest practice --export 20 --topic subnet --json\n');
      return 1;
    }
    const options: PracticeOptions = { topics: topics as Topic[], ...(minutes !== undefined ? { minutes } : {}), ...(values.daily ? { seed: 'daily' as const } : seed !== undefined ? { seed } : {}) };
    const message = await open(options);
    if (message) {
      io.err(`${message}\n`);
      return 1;
    }
    return 0;
  }

  if (!/^\d{1,6}$/.test(values.export) || Number(values.export) < 1 || Number(values.export) > 100_000) throw new UsageError(`--export takes a count 1–100000, got '${values.export}'`);
  if (values.minutes !== undefined) throw new UsageError('--minutes is for the timed session, not --export');
  const exportSeed = values.daily ? dailySeed(today()) : (seed ?? Math.floor(Math.random() * 0x7fffffff));
  const drills = exportDrills(topics as Topic[], Number(values.export), exportSeed);
  if (values.json) {
    for (const d of drills) io.out(`${JSON.stringify(d)}\n`);
  } else {
    drills.forEach((d, i) => io.out(`${i + 1}. [${d.topic}] ${JSON.stringify(d.question)}\n   answer: ${JSON.stringify(d.answer)}\n`));
  }
  return 0;
}
