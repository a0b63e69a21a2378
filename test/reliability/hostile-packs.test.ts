import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLevel } from '../../src/levels/check';
import { loadLevelFile, loadLevelText, loadPack, type LoadedLevel } from '../../src/levels/load';
import { MAX_NESTING } from '../../src/levels/yaml-depth';
import type { Result } from '../../src/net/result';
import type { Located } from '../../src/util/source-location';
import { aliasBomb, deepYaml, hugeLevel, junk, makePack, manifest, MINIMAL, symlinkPacks, wrongTypes } from './hostile';

/**
 * Level packs from strangers: every hostile input gets a clear, located error (or, for a huge
 * but valid level, works), quickly and in bounded memory. Timings here are loose guards against
 * a hang; the measured figures are in docs/reliability.md (npm run fuzz prints them).
 */
const scratch = () => mkdtempSync(join(tmpdir(), 'nq-hostile-file-'));

function measure<T>(f: () => T): { value: T; ms: number; heapMb: number } {
  const heap0 = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const value = f();
  return { value, ms: performance.now() - t0, heapMb: (process.memoryUsage().heapUsed - heap0) / 2 ** 20 };
}

/** The load failed, each problem has a file, a line and a column, and the first says `why`. */
function expectLocated(r: Result<unknown, Located[]>, file: RegExp, why: RegExp): Located[] {
  expect(r.ok).toBe(false);
  const problems = r.ok ? [] : r.error;
  expect(problems.length).toBeGreaterThan(0);
  for (const p of problems) {
    expect(p.file).toMatch(file);
    expect(p.line).toBeGreaterThanOrEqual(1);
    expect(p.column).toBeGreaterThanOrEqual(1);
    expect(p.message).not.toMatch(/TypeError|undefined|Maximum call stack|resource exhaustion/);
  }
  expect(problems[0]!.message).toMatch(why);
  return problems;
}

describe('hostile level files', () => {
  it('a 10 MiB file is refused by its size, without being read', () => {
    const file = join(scratch(), 'big.yaml');
    writeFileSync(file, `id: x\n# ${'x'.repeat(10 * 1024 * 1024)}\n`);
    const m = measure(() => loadLevelFile(file));
    expectLocated(m.value, /big\.yaml$/, /10\.0 MiB; a level file may be at most 1 MiB/);
    expect(m.heapMb).toBeLessThan(5);
  });

  it.each([
    ['flow sequences', deepYaml(200_000, 'flow'), 1, 68],
    ['flow mappings', `id: ${'{a: '.repeat(100_000)}1${'}'.repeat(100_000)}\n`, 1, 257],
    ['block mappings', deepYaml(1_000, 'block'), 65, 65],
    ['compact sequences', `${'- '.repeat(400_000)}x\n`, 1, 127],
  ])('deep nesting (%s) is refused where it passes the limit, before the parser recurses', (_, text, line, column) => {
    const m = measure(() => loadLevelText(text, 'deep.yaml'));
    const [p] = expectLocated(m.value, /^deep\.yaml$/, new RegExp(`nests more than ${MAX_NESTING} levels`));
    expect(p).toMatchObject({ line, column });
    expect(m.ms).toBeLessThan(5_000);
  });

  it('the nesting guard lets every level that nests legitimately through: brackets in text, quotes, comments, block scalars', () => {
    const text = `${MINIMAL.replace('briefing: One host.', `briefing: |\n  ${'[['.repeat(100)} a block scalar is text\nrecap: "${'['.repeat(100)}"`)}hints:\n  - 'it''s ${'{'.repeat(100)}'\n  - plain text with ${'['.repeat(100)} inside\n# ${'['.repeat(100)}\n`;
    const r = loadLevelText(text, 'ok.yaml');
    expect(r.ok ? r.value.level.hints.length : r.error).toBe(2);
  });

  it('an alias bomb is refused, pointing at the first alias', () => {
    const m = measure(() => loadLevelText(aliasBomb(9), 'bomb.yaml'));
    const [p] = expectLocated(m.value, /^bomb\.yaml$/, /aliases \(\*name\) expand to too many values/);
    expect(p).toMatchObject({ line: 2, column: 10 });
    expect(m.heapMb).toBeLessThan(100);
  });

  it.each([
    ['with NUL bytes', junk(200_000, 1), /binary data/],
    ['without NUL bytes', junk(200_000, 2, false), /not valid UTF-8/],
    ['as valid UTF-8 that is not YAML', Buffer.from('\u00e9\u4e2d\u{1F600}:\n  - : : [}\n', 'utf8'), /./],
  ])('binary junk (%s) is refused', (_, bytes, why) => {
    const file = join(scratch(), 'junk.yaml');
    writeFileSync(file, bytes);
    expectLocated(loadLevelFile(file), /junk\.yaml$/, why);
  });

  it('wrong types everywhere: every field is named at its own line', () => {
    const problems = expectLocated(loadLevelText(wrongTypes(MINIMAL), 'types.yaml'), /^types\.yaml$/, /^id: .*expected string, received array/);
    const lines = new Set(problems.map((p) => p.line));
    // id, title, difficulty, briefing, the device, the question, par, the solution: each its own line.
    expect([...lines].sort((a, b) => a - b)).toEqual(expect.arrayContaining([1, 2, 3, 4, 7, 9, 10, 12]));
  });

  it('a named pipe in the pack is refused instead of blocking forever', () => {
    const dir = makePack({ 'pack.yaml': manifest(['fifo.yaml']) });
    execFileSync('mkfifo', [join(dir, 'fifo.yaml')]);
    expectLocated(loadPack(dir), /fifo\.yaml$/, /not a regular file/);
  });
});

describe('hostile packs', () => {
  it('pack.yaml pointing outside its folder: .., absolute paths, and a path that climbs back out', () => {
    const dir = makePack({ 'pack.yaml': manifest(['../escape.yaml', '/etc/passwd', 'a/../../escape.yaml']) });
    const problems = expectLocated(loadPack(dir), /pack\.yaml$/, /'\.\.\/escape\.yaml' points outside the pack folder/);
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/levels\[0\]: .* points outside/),
      expect.stringMatching(/levels\[1\]: '\/etc\/passwd' is an absolute path/),
      expect.stringMatching(/levels\[2\]: .* points outside/),
    ]);
    expect(problems.map((p) => p.line)).toEqual([5, 5, 5]);
  });

  it('a symbolic link out of the pack: as a level, as pack.yaml itself, and as a folder', () => {
    const { levelLink, manifestLink, folderLink } = symlinkPacks();
    expectLocated(loadPack(levelLink), /pack\.yaml$/, /'link\.yaml' is a symbolic link leading outside the pack folder/);
    expectLocated(loadPack(manifestLink), /pack\.yaml$/, /pack\.yaml is a symbolic link leading outside/);
    expectLocated(loadPack(folderLink), /pack\.yaml$/, /inside a linked folder leading outside/);
  });

  it('ten thousand devices in one level: loads, builds and checks (a huge but valid level works)', { timeout: 120_000 }, () => {
    const text = hugeLevel(10_000);
    expect(text.length).toBeLessThan(1024 * 1024);
    const load = measure(() => loadLevelText(text, 'huge.yaml'));
    expect(load.value.ok ? load.value.value.level.topology.devices.length : load.value.error.slice(0, 3)).toBe(10_000);
    const level = (load.value as { value: LoadedLevel }).value;
    const check = measure(() => checkLevel(level));
    expect(check.value).toEqual([]);
  });
});
