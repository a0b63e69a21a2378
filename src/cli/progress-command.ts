/** `netquest progress export FILE` / `import FILE`: move progress between machines. */
import { exportProgress, importProgress } from '../progress/store';
import type { Io } from './main';
import { parseCommand, UsageError } from './main';

export function runProgress(args: readonly string[], io: Io): number {
  const { positionals } = parseCommand(args, {});
  const [verb, file] = positionals;
  if (positionals.length !== 2 || (verb !== 'export' && verb !== 'import')) throw new UsageError("'progress' takes 'export FILE' or 'import FILE'");
  if (verb === 'export') {
    const r = exportProgress(file!);
    if (!r.ok) {
      io.err(`netquest progress: ${r.error}\n`);
      return 1;
    }
    io.out(`exported progress on ${r.value.levels} level${r.value.levels === 1 ? '' : 's'} to ${file}\n`);
    return 0;
  }
  const r = importProgress(file!);
  if (!r.ok) {
    io.err(`netquest progress: ${r.error}\n`);
    return 1;
  }
  io.out(`imported ${file}: progress on ${r.value.levels} level${r.value.levels === 1 ? '' : 's'}, merged with what was here (the best of each kept)\n`);
  return 0;
}
