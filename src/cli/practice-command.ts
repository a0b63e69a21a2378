/**
 * `netquest practice`: generated drills. The timed session screen is not built yet; the
 * generators and `--export` (worksheets, and a way for anyone to check the generators) are.
 */
import { dailySeed, exportDrills, TOPICS, type Topic } from '../practice/generators';
import type { Io } from './main';
import { parseCommand, UsageError } from './main';

export function runPractice(args: readonly string[], io: Io, today: () => Date = () => new Date()): number {
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
  let seed = values.daily ? dailySeed(today()) : 1;
  if (values.seed !== undefined) {
    if (!/^\d{1,10}$/.test(values.seed) || Number(values.seed) > 0x7fffffff) throw new UsageError(`--seed must be a whole number 0–2147483647, got '${values.seed}'`);
    seed = Number(values.seed);
  } else if (!values.daily && values.export !== undefined) {
    seed = Math.floor(Math.random() * 0x7fffffff);
  }
  if (values.export === undefined) {
    io.err('netquest practice: the timed practice screen is not built yet. Export drills instead: netquest practice --export 20 --topic subnet --json\n');
    return 1;
  }
  if (!/^\d{1,6}$/.test(values.export) || Number(values.export) < 1 || Number(values.export) > 100_000) throw new UsageError(`--export takes a count 1–100000, got '${values.export}'`);
  const drills = exportDrills(topics as Topic[], Number(values.export), seed);
  if (values.json) {
    for (const d of drills) io.out(`${JSON.stringify(d)}\n`);
  } else {
    drills.forEach((d, i) => io.out(`${i + 1}. [${d.topic}] ${JSON.stringify(d.question)}\n   answer: ${JSON.stringify(d.answer)}\n`));
  }
  return 0;
}
