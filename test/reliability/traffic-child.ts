/** Prints digestLine for every level of the pack folder given: the determinism test runs this twice. */
import { loadPack } from '../../src/levels/load';
import { digestLine } from './level-traffic';

const pack = loadPack(process.argv[2]!);
if (!pack.ok) {
  process.stderr.write(`${pack.error.map((e) => e.message).join('\n')}\n`);
  process.exit(1);
}
for (const chapter of pack.value.chapters) for (const level of chapter.levels) process.stdout.write(`${digestLine(level)}\n`);
