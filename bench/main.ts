/**
 * `npm run bench`: the performance figures of issue 8 as one table (figure, value, goal, met?).
 * Not part of `npm test`: timings on a shared machine are noisy, so this prints medians and
 * ranges rather than asserting anything. See docs/performance.md for the method.
 *
 *   npm run bench                      # everything (a few minutes)
 *   npm run bench -- startup latency   # some sections: startup memory latency engine check
 *   BENCH_RUNS=11 npm run bench        # more measured runs of the engine figures (default 7)
 */
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { formatTable, type Row } from './table';

const SECTIONS = ['startup', 'memory', 'latency', 'engine', 'check'] as const;
type Section = (typeof SECTIONS)[number];

const asked = process.argv.slice(2);
const unknown = asked.filter((a) => !(SECTIONS as readonly string[]).includes(a));
if (unknown.length > 0) {
  console.error(`bench: unknown section ${unknown.map((u) => `'${u}'`).join(', ')}; the sections are ${SECTIONS.join(', ')}`);
  process.exit(2);
}
const chosen: readonly Section[] = asked.length > 0 ? (asked as Section[]) : SECTIONS;
const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

const sections: Record<Section, () => Promise<Row[]>> = {
  startup: async () => (await import('./startup')).startupRows(env('BENCH_STARTUP_RUNS', 11)),
  memory: async () => (await import('./startup')).memoryRows(env('BENCH_MEMORY_RUNS', 3)),
  latency: async () => {
    // Ink decides at import time whether it runs under CI, and then draws only the last frame (ink#718).
    for (const k of Object.keys(process.env)) if (k === 'CI' || k === 'CONTINUOUS_INTEGRATION' || k.startsWith('CI_')) delete process.env[k];
    const { measureLevel, latencyRows, loadedFromText } = await import('./latency');
    const { loadPack } = await import('../src/levels/load');
    const { bigLevel } = await import('./levels');
    const campaign = loadPack(fileURLToPath(new URL('../levels', import.meta.url)));
    if (!campaign.ok) throw new Error('the campaign in levels/ does not load');
    const levels = campaign.value.chapters.flatMap((c) => c.levels);
    const largest = levels.reduce((a, b) => (b.level.topology.devices.length > a.level.topology.devices.length ? b : a));
    const presses = env('BENCH_KEYS', 200);
    const results = [
      await measureLevel(`largest campaign level '${largest.level.id}'`, largest, presses),
      await measureLevel('generated 200-device level', loadedFromText(bigLevel('bench-big-floor', 200), 'bench-big-floor.yaml'), presses),
    ];
    return latencyRows(results);
  },
  engine: async () => (await import('./engine')).engineRows(env('BENCH_RUNS', 7)),
  check: async () => (await import('./check')).checkRows(env('BENCH_CHECK_RUNS', 3)),
};

const rows: Row[] = [];
const started = performance.now();
for (const s of chosen) {
  const t = performance.now();
  process.stderr.write(`bench: ${s}… `);
  rows.push(...(await sections[s]()));
  process.stderr.write(`${((performance.now() - t) / 1000).toFixed(0)} s\n`);
}
const load = loadavg().map((x) => x.toFixed(1)).join(' ');
console.log(`netquest bench — node ${process.version}, ${process.platform} ${process.arch}, ${cpus().length} CPUs (${cpus()[0]?.model.trim() ?? '?'}), load average ${load}, ${((performance.now() - started) / 1000).toFixed(0)} s`);
console.log('');
console.log(formatTable(rows));
const missed = rows.filter((r) => r.met === false).length;
console.log('');
console.log(missed === 0 ? 'Every goal measured here is met.' : missed === 1 ? '1 figure misses its goal (see docs/performance.md).' : `${missed} figures miss their goals (see docs/performance.md).`);
// The game's level screen may leave timers behind in this process; the figures are out.
process.exit(0);
