import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPack, type LoadedLevel } from '../../src/levels/load';
import { bundle, Child } from './child';
import { digestLine, levelTraffic } from './level-traffic';

/**
 * The same level, actions and seed give byte-identical traces, captures and verdicts: twice in
 * one process, and in two fresh processes (nothing may depend on the clock, Math.random, object
 * identity or what ran before). Every level of the campaign.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const campaign = loadPack(join(root, 'levels'));
const levels: LoadedLevel[] = campaign.ok ? campaign.value.chapters.flatMap((c) => c.levels) : [];
const bin = join(root, 'bin', 'netquest.js');

describe('determinism of levels', () => {
  it('the campaign loads', () => {
    expect(campaign.ok).toBe(true);
    expect(levels.length).toBeGreaterThan(40);
  });

  it('twice in one process: trace JSON, pcap and play result are byte-identical, for every level', { timeout: 120_000 }, () => {
    let frames = 0;
    for (const level of levels) {
      const [a, b] = [levelTraffic(level), levelTraffic(level)];
      expect(b.trace, level.level.id).toBe(a.trace);
      expect(b.pcap.equals(a.pcap), level.level.id).toBe(true);
      expect(b.play, level.level.id).toBe(a.play);
      frames += a.frames;
    }
    // Traffic was really compared, not empty traces.
    expect(frames).toBeGreaterThan(500);
  });

  describe('in two fresh processes', () => {
    let script: string;
    beforeAll(async () => {
      script = await bundle('test/reliability/traffic-child.ts');
    }, 60_000);

    it('every level’s trace, capture and play result digests agree with each other and with this process', { timeout: 180_000 }, async () => {
      const [a, b] = await Promise.all([new Child(script, [join(root, 'levels')]).done, new Child(script, [join(root, 'levels')]).done]);
      expect(a).toMatchObject({ code: 0, stderr: '' });
      expect(b.stdout).toBe(a.stdout);
      const lines = a.stdout.trim().split('\n');
      expect(lines).toHaveLength(levels.length);
      // …and the same as computed here, after everything else this worker has run.
      expect(lines.slice(0, 5)).toEqual(levels.slice(0, 5).map(digestLine));
    });
  });
});

describe('determinism of the built command line', () => {
  const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 60_000 });

  it('`netquest capture` writes the same bytes in two runs (the SYN flood level: background traffic and TCP)', { timeout: 120_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'nq-det-'));
    const level = join(root, 'levels', '07-tcp', '08-syn-flood.yaml');
    for (const out of ['a.pcap', 'b.pcap']) expect(run('capture', level, '-o', join(dir, out)).status).toBe(0);
    const [a, b] = [readFileSync(join(dir, 'a.pcap')), readFileSync(join(dir, 'b.pcap'))];
    expect(a.length).toBeGreaterThan(1000);
    expect(b.equals(a)).toBe(true);
  });

  it('`netquest play --script --json` prints the same bytes in two runs', { timeout: 120_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'nq-det-'));
    const level = levels.find((l) => l.level.id === 'syn-flood') ?? levels.at(-1)!;
    const script = join(dir, 'actions.json');
    writeFileSync(script, JSON.stringify(level.level.solution));
    const [a, b] = [run('play', level.file, '--script', script, '--json'), run('play', level.file, '--script', script, '--json')];
    expect(a.status).toBe(0);
    expect(a.stdout.length).toBeGreaterThan(50);
    expect(b.stdout).toBe(a.stdout);
  });

  it('`netquest practice --export --seed` gives the same drills in two runs; another seed gives others', { timeout: 60_000 }, () => {
    const [a, b, c] = [run('practice', '--export', '30', '--seed', '7', '--json'), run('practice', '--export', '30', '--seed', '7', '--json'), run('practice', '--export', '30', '--seed', '8', '--json')];
    expect(a.status).toBe(0);
    expect(a.stdout.trim().split('\n')).toHaveLength(30);
    expect(b.stdout).toBe(a.stdout);
    expect(c.stdout).not.toBe(a.stdout);
  });
});
