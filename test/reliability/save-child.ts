/**
 * A separate process that saves progress, for the crash and concurrency tests. Bundled by
 * esbuild (see spawn-helpers.ts) and run with plain node, so it uses the real store code.
 *
 *   loop DIR            record level l<k> and save, k = 0, 1, 2…, forever; print k after each save
 *   levels DIR PREFIX N record <PREFIX>0 … <PREFIX>(N-1), saving after each, then exit
 */
import { levelBest, loadProgress, recordResult, saveProgress } from '../../src/progress/store';

const [mode, a, b, c] = process.argv.slice(2);

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(3);
}

if (mode === 'loop') {
  let { progress } = loadProgress(a);
  let k = 0;
  while (levelBest(progress, 'crash', `l${k}`)) k++;
  const parent = process.ppid;
  for (;;) {
    // The test kills this process; should the test itself die first, stop rather than spin forever.
    if (process.ppid !== parent) process.exit(4);
    const saved = saveProgress(a, recordResult(progress, 'crash', `l${k}`, { stars: 1 + (k % 3), points: k, steps: 1 }));
    if (!saved.ok) fail(saved.error);
    progress = saved.value.progress;
    process.stdout.write(`${k}\n`);
    k++;
  }
} else if (mode === 'levels') {
  let { progress } = loadProgress(a);
  for (let i = 0; i < Number(c); i++) {
    const saved = saveProgress(a, recordResult(progress, 'race', `${b}${i}`, { stars: 2, points: i, steps: 1 }));
    if (!saved.ok) fail(saved.error);
    progress = saved.value.progress;
  }
} else fail(`unknown mode ${mode}`);
