/**
 * A separate process that replaces FILE with two large versions alternately, forever, printing
 * a count after each; the crash test kills it. Imports only the atomic writer, to start fast.
 */
import { writeFileAtomic } from '../../src/progress/atomic-write';

const file = process.argv[2]!;
// Two versions of equal length that differ in every block: a torn write would show a mix.
const version = (ch: string) => `${JSON.stringify({ version: ch, body: ch.repeat(64 * 1024) })}\n`;
const texts = [version('a'), version('b')];
for (let i = 0; ; i++) {
  writeFileAtomic(file, texts[i % 2]!);
  process.stdout.write(`${i}\n`);
}
