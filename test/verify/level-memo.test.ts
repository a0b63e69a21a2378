import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadLevelFile, type LoadedLevel } from '../../src/levels/load';
import type { LevelFile } from '../../src/levels/schema';
import { levelMemo } from '../../src/verify/level-memo';
import { Session } from '../../src/verify/session';

function level(path: string): LoadedLevel {
  const r = loadLevelFile(fileURLToPath(new URL(path, import.meta.url)));
  if (!r.ok) throw new Error(r.error.map((e) => e.message).join('\n'));
  return r.value;
}

describe('levelMemo', () => {
  const a = { id: 'a' } as LevelFile;
  const b = { id: 'b' } as LevelFile;

  it('makes a value once per level and key', () => {
    let made = 0;
    const make = () => ++made;
    expect([levelMemo(a, 'k', make), levelMemo(a, 'k', make), levelMemo(b, 'k', make), levelMemo(a, 'other', make)]).toEqual([1, 1, 2, 3]);
  });

  it('keeps the 16 most recently used keys of a level', () => {
    const level = { id: 'many' } as LevelFile;
    let made = 0;
    const make = () => ++made;
    for (let i = 0; i < 16; i++) levelMemo(level, `k${i}`, make);
    levelMemo(level, 'k0', make); // used again: now the most recent
    levelMemo(level, 'k16', make); // pushes out k1, the least recent
    expect(made).toBe(17);
    levelMemo(level, 'k0', make);
    expect(made).toBe(17);
    levelMemo(level, 'k1', make);
    expect(made).toBe(18);
  });
});

describe('sessions of one level share what its network does', () => {
  it('two sessions of a prediction level judge against the same scenario run', () => {
    const l = level('../../levels/07-tcp/01-syn.yaml');
    const one = new Session(l, { clock: () => 0 });
    const two = new Session(l, { clock: () => 0 });
    expect(two.scenarioTrace()).toBe(one.scenarioTrace());
  });

  it('a different configuration is a different network: goals follow it, and the first configuration’s results come back', () => {
    const l = level('../fixtures/levels/configure-gateway.yaml');
    const fresh = new Session(l, { clock: () => 0 });
    expect(fresh.goals().every((g) => g.met)).toBe(false);
    const solved = new Session(l, { clock: () => 0 });
    solved.step({ 'set-gateway': { device: 'pc1', gateway: '192.168.1.1' } });
    expect(solved.goals().every((g) => g.met)).toBe(true);
    expect(new Session(l, { clock: () => 0 }).goals()).toEqual(fresh.goals());
  });
});
