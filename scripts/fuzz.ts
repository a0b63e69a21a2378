/**
 * `npm run fuzz`: the loader against hostile input, with figures for docs/reliability.md.
 *   1. every hostile case of test/reliability/hostile-packs.test.ts, timed, with heap growth;
 *   2. N mutated levels (default 10,000; `npm run fuzz -- 50000`, seed with FUZZ_SEED):
 *      how many were tried, loaded, refused with located problems, and anything else (must be 0).
 * Exits 1 if anything but a located problem came out. Run by scripts/fuzz.mjs (bundled, --expose-gc).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { checkLevel } from '../src/levels/check';
import { loadLevelFile, loadLevelText, loadPack } from '../src/levels/load';
import { aliasBomb, deepYaml, hugeLevel, junk, makePack, manifest, MINIMAL, symlinkPacks, wrongTypes } from '../test/reliability/hostile';
import { badProblem, fixtureSources, mutatedLevel } from '../test/reliability/mutate';

const root = process.cwd();
const runs = Number(process.argv[2] ?? process.env.FUZZ_RUNS ?? 10_000);
const seed = Number(process.env.FUZZ_SEED ?? 20261126);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

function measure(name: string, f: () => unknown): void {
  gc();
  const heap0 = process.memoryUsage().heapUsed;
  let peak = heap0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const r = f() as { ok: boolean; error?: { line: number; column: number; message: string }[] } | unknown[];
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  const outcome = Array.isArray(r)
    ? r.length === 0 ? 'checked: no problems' : `check: ${r.length} problems`
    : r.ok ? 'loads' : `${r.error![0]!.line}:${r.error![0]!.column} ${r.error![0]!.message.slice(0, 70)}`;
  console.log(`| ${name} | ${ms.toFixed(0)} ms | ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms | ${((peak - heap0) / 2 ** 20).toFixed(1)} MiB | ${outcome} |`);
}

console.log('## Hostile inputs\n');
console.log('| input | wall time | CPU time | heap growth | outcome |\n|---|---|---|---|---|');
const dir = mkdtempSync(join(tmpdir(), 'nq-fuzz-'));
writeFileSync(join(dir, 'big.yaml'), `id: x\n# ${'x'.repeat(10 * 1024 * 1024)}\n`);
measure('10 MiB file', () => loadLevelFile(join(dir, 'big.yaml')));
measure('[[[… 200,000 deep (400 KB)', () => loadLevelText(deepYaml(200_000, 'flow'), 'deep.yaml'));
measure('- - - … 400,000 deep (800 KB)', () => loadLevelText(`${'- '.repeat(400_000)}x\n`, 'deep.yaml'));
measure('block mappings 1,000 deep', () => loadLevelText(deepYaml(1_000, 'block'), 'deep.yaml'));
measure('alias bomb (10^9 values)', () => loadLevelText(aliasBomb(9), 'bomb.yaml'));
writeFileSync(join(dir, 'junk.yaml'), junk(1024 * 1024 - 1, 1));
measure('1 MiB of random bytes', () => loadLevelFile(join(dir, 'junk.yaml')));
writeFileSync(join(dir, 'junk2.yaml'), junk(1024 * 1024 - 1, 2, false));
measure('1 MiB of random bytes, no NUL', () => loadLevelFile(join(dir, 'junk2.yaml')));
measure('wrong types everywhere', () => loadLevelText(wrongTypes(MINIMAL), 'types.yaml'));
measure('pack.yaml listing ../, /etc/passwd', () => loadPack(makePack({ 'pack.yaml': manifest(['../escape.yaml', '/etc/passwd']) })));
const links = symlinkPacks();
measure('symlinked level out of the pack', () => loadPack(links.levelLink));
measure('symlinked pack.yaml', () => loadPack(links.manifestLink));
const fifo = makePack({ 'pack.yaml': manifest(['fifo.yaml']) });
execFileSync('mkfifo', [join(fifo, 'fifo.yaml')]);
measure('named pipe as a level', () => loadPack(fifo));
const huge = hugeLevel(10_000);
let loaded: ReturnType<typeof loadLevelText> | undefined;
measure(`10,000 devices (${(huge.length / 1024).toFixed(0)} KB): load`, () => (loaded = loadLevelText(huge, 'huge.yaml')));
if (loaded?.ok) {
  const level = loaded.value;
  measure('10,000 devices: check (build, ping across)', () => checkLevel(level));
}

console.log(`\n## Mutated levels (seed ${seed})\n`);
const sources = fixtureSources(root);
const texts = fc.sample(mutatedLevel(sources), { numRuns: runs, seed });
let ok = 0;
let located = 0;
const unexpected: string[] = [];
let slowest = 0;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
for (const [i, text] of texts.entries()) {
  const s = performance.now();
  try {
    const r = loadLevelText(text, 'fuzz.yaml');
    if (r.ok) ok++;
    else {
      const bad = badProblem(r.error, 'fuzz.yaml');
      if (bad) unexpected.push(`#${i}: ${bad}`);
      else located++;
    }
  } catch (e) {
    unexpected.push(`#${i}: threw ${(e as Error).stack ?? String(e)}`);
  }
  slowest = Math.max(slowest, performance.now() - s);
}
const total = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const cpuMs = (cpu.user + cpu.system) / 1000;
console.log(`tried ${texts.length}, loaded ${ok}, located errors ${located}, anything else ${unexpected.length}`);
console.log(`${(total / 1000).toFixed(1)} s wall, ${(cpuMs / 1000).toFixed(1)} s CPU; ${(cpuMs / texts.length).toFixed(2)} ms CPU each on average; slowest ${slowest.toFixed(0)} ms wall`);
for (const u of unexpected.slice(0, 10)) console.log(u);
process.exitCode = unexpected.length === 0 ? 0 : 1;
