/**
 * A separate process that replaces FILE with two large versions alternately, forever, printing
 * a count after each; the crash test kills it. Imports only the atomic writer, to start fast.
 */
import { writeFileAtomic } from '../../src/progress/atomic-write';

const file = process.argv[2]!;
// Two versions of equal length that differ in every block: a torn write would show a mix.
const version = (ch: string) => `${JSON.stringify({ version: ch, body: ch.repeat(64 * 1024) })}\n`;
const texts = [version('a'), version('b')];
const parent = process.ppid;
for (let i = 0; ; i++) {
  // The test kills this process; should the test itself die first, stop rather than spin forever.
  if (process.ppid !== parent) process.exit(4);
  writeFileAtomic(file, texts[i % 2]!);
  process.stdout.write(`${i}\n`);
}
