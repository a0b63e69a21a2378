import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  defaultProgressDir,
  emptyProgress,
  exportProgress,
  importProgress,
  levelBest,
  loadProgress,
  mergeProgress,
  recordResult,
  saveProgress,
  updateSettings,
  type Progress,
} from '../../src/progress/store';

let root: string;
let dir: string;
const savedXdg = process.env.XDG_DATA_HOME;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'netquest-progress-'));
  process.env.XDG_DATA_HOME = root;
  dir = defaultProgressDir();
});

afterEach(() => {
  if (savedXdg === undefined) delete process.env.XDG_DATA_HOME;
  else process.env.XDG_DATA_HOME = savedXdg;
  rmSync(root, { recursive: true, force: true });
});

function save(p: Progress, d = dir): Progress {
  const r = saveProgress(d, p);
  if (!r.ok) throw new Error(r.error);
  return r.value.progress;
}

describe('where progress lives', () => {
  it('is $XDG_DATA_HOME/netquest, else ~/.local/share/netquest; a relative XDG_DATA_HOME is ignored', () => {
    expect(dir).toBe(join(root, 'netquest'));
    expect(defaultProgressDir({})).toBe(join(homedir(), '.local', 'share', 'netquest'));
    expect(defaultProgressDir({ XDG_DATA_HOME: 'relative/path' })).toBe(join(homedir(), '.local', 'share', 'netquest'));
  });
});

describe('saving and loading', () => {
  it('starts empty when nothing is saved', () => {
    expect(loadProgress()).toEqual({ progress: emptyProgress() });
  });

  it('round-trips results and settings through progress.json, leaving no temp file behind', () => {
    let p = recordResult(emptyProgress(), 'basics', 'first-ping', { stars: 2, points: 120, seconds: 42.5, steps: 3 });
    p = updateSettings(p, { unlockAll: true, locale: 'zh-CN' });
    save(p);
    expect(loadProgress().progress).toEqual(p);
    expect(loadProgress(dir).progress).toEqual(p);
    expect(readdirSync(dir)).toEqual(['progress.json']);
    expect(JSON.parse(readFileSync(join(dir, 'progress.json'), 'utf8')).version).toBe(1);
  });

  it('keeps the best of each figure across results', () => {
    let p = recordResult(emptyProgress(), 'basics', 'l1', { stars: 3, points: 100, seconds: 60, steps: 5 });
    p = recordResult(p, 'basics', 'l1', { stars: 1, points: 150, seconds: 30, steps: 9 });
    p = recordResult(p, 'basics', 'l1', { stars: 0, points: 0, seconds: 1, steps: 1, solved: false });
    expect(levelBest(p, 'basics', 'l1')).toEqual({ solved: true, stars: 3, points: 150, bestSeconds: 30, bestSteps: 5 });
    expect(levelBest(p, 'basics', 'nope')).toBeUndefined();
    expect(levelBest(p, 'constructor', 'x')).toBeUndefined();
  });

  it('refuses ids that are not pack or level ids (no prototype keys in the file)', () => {
    expect(() => recordResult(emptyProgress(), '__proto__', 'l1', { stars: 1, points: 1, steps: 1 })).toThrow(RangeError);
  });
});

describe('a damaged or hand-edited file', () => {
  const cases: [string, string | Buffer][] = [
    ['truncated JSON', '{"version":1,"packs":{"basics":{"l1":{"solved":tr'],
    ['binary junk', Buffer.from([0xff, 0x00, 0x13, 0x37, 0xc3, 0x28, 0x0a])],
    ['a hand edit with impossible stars', JSON.stringify({ version: 1, packs: { basics: { l1: { solved: true, stars: 7, points: 1 } } } })],
    ['another program’s JSON', '[1,2,3]'],
  ];
  for (const [what, bytes] of cases) {
    it(`(${what}) is set aside byte for byte, with a notice, and the game starts fresh`, () => {
      mkdirSync(dir, { recursive: true });
      const file = join(dir, 'progress.json');
      writeFileSync(file, bytes);
      const original = readFileSync(file);
      const r = loadProgress();
      expect(r.progress).toEqual(emptyProgress());
      expect(r.notice).toMatch(/damaged/);
      const baks = readdirSync(dir).filter((f) => f.startsWith('progress.json.bak-'));
      expect(baks).toHaveLength(1);
      expect(r.notice).toContain(baks[0]);
      expect(readFileSync(join(dir, baks[0]!)).equals(original)).toBe(true);
      // Saving afterwards writes a fresh file and keeps the backup.
      save(recordResult(r.progress, 'basics', 'l1', { stars: 1, points: 10, steps: 2 }));
      expect(readFileSync(join(dir, baks[0]!)).equals(original)).toBe(true);
      expect(loadProgress().notice).toBeUndefined();
    });
  }

  it('a second damaged file gets its own backup, never replacing the first', () => {
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'progress.json');
    writeFileSync(file, 'first junk');
    loadProgress();
    writeFileSync(file, 'second junk');
    loadProgress();
    const baks = readdirSync(dir).filter((f) => f.startsWith('progress.json.bak-')).map((f) => readFileSync(join(dir, f), 'utf8'));
    expect(baks.sort()).toEqual(['first junk', 'second junk']);
  });

  it('a damaged file found at save time is set aside too, and the save goes through', () => {
    const p = recordResult(emptyProgress(), 'basics', 'l1', { stars: 2, points: 10, steps: 2 });
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'progress.json'), 'oops');
    const r = saveProgress(dir, p);
    expect(r.ok && r.value.notice).toMatch(/damaged/);
    expect(loadProgress().progress).toEqual(p);
  });

  it('a progress path that cannot be read is left alone, and saving refuses rather than overwrite', () => {
    mkdirSync(join(dir, 'progress.json'), { recursive: true });
    const r = loadProgress();
    expect(r.notice).toMatch(/Cannot read/);
    const s = saveProgress(dir, recordResult(emptyProgress(), 'basics', 'l1', { stars: 1, points: 1, steps: 1 }));
    expect(s.ok).toBe(false);
  });
});

describe('two instances saving', () => {
  it('merge: each keeps the other’s results and the best of each figure', () => {
    const a0 = loadProgress().progress;
    const b0 = loadProgress().progress;
    save(recordResult(a0, 'basics', 'l1', { stars: 3, points: 90, seconds: 50, steps: 4 }));
    let b = recordResult(b0, 'basics', 'l1', { stars: 1, points: 120, seconds: 20, steps: 6 });
    b = recordResult(b, 'basics', 'l2', { stars: 2, points: 40, steps: 3 });
    const merged = save(b);
    const onDisk = loadProgress().progress;
    expect(onDisk).toEqual(merged);
    expect(levelBest(onDisk, 'basics', 'l1')).toEqual({ solved: true, stars: 3, points: 120, bestSeconds: 20, bestSteps: 4 });
    expect(levelBest(onDisk, 'basics', 'l2')).toEqual({ solved: true, stars: 2, points: 40, bestSteps: 3 });
  });

  it('settings: the most recent change wins; an instance that did not touch them keeps the other’s', () => {
    const a = loadProgress().progress;
    const b = loadProgress().progress;
    save(updateSettings(a, { unlockAll: true }, 1000));
    save(recordResult(b, 'basics', 'l1', { stars: 1, points: 1, steps: 1 }));
    expect(loadProgress().progress.settings).toEqual({ unlockAll: true });
    save(updateSettings(b, { reducedMotion: true }, 2000));
    expect(loadProgress().progress.settings).toEqual({ reducedMotion: true });
  });

  it('mergeProgress is commutative on results', () => {
    const x = recordResult(emptyProgress(), 'p', 'a', { stars: 1, points: 5, seconds: 3, steps: 2 });
    const y = recordResult(recordResult(emptyProgress(), 'p', 'a', { stars: 2, points: 1, seconds: 9, steps: 1 }), 'q', 'b', { stars: 3, points: 3, steps: 3 });
    expect(mergeProgress(x, y).packs).toEqual(mergeProgress(y, x).packs);
  });
});

describe('export and import', () => {
  it('exports the saved progress and imports it into another profile, merging', () => {
    save(recordResult(emptyProgress(), 'basics', 'l1', { stars: 3, points: 100, seconds: 10, steps: 2 }));
    const out = join(root, 'export.json');
    expect(exportProgress(out)).toEqual({ ok: true, value: { levels: 1 } });

    const other = join(root, 'other');
    save(recordResult(emptyProgress(), 'basics', 'l2', { stars: 1, points: 5, steps: 9 }), other);
    const r = importProgress(out, other);
    expect(r.ok).toBe(true);
    const p = loadProgress(other).progress;
    expect(levelBest(p, 'basics', 'l1')?.stars).toBe(3);
    expect(levelBest(p, 'basics', 'l2')?.stars).toBe(1);
  });

  it('refuses junk with a clear message and changes nothing', () => {
    save(recordResult(emptyProgress(), 'basics', 'l1', { stars: 3, points: 100, steps: 2 }));
    const before = readFileSync(join(dir, 'progress.json'));
    const junk = join(root, 'junk.json');
    writeFileSync(junk, '{"hello": "world"}');
    const r = importProgress(junk);
    expect(r).toMatchObject({ ok: false });
    expect(!r.ok && r.error).toMatch(/junk\.json is not a netquest progress file: version/);
    writeFileSync(junk, 'not json at all');
    const r2 = importProgress(junk);
    expect(!r2.ok && r2.error).toMatch(/not valid JSON/);
    expect(importProgress(join(root, 'missing.json'))).toMatchObject({ ok: false, error: expect.stringMatching(/no such file/) });
    expect(readFileSync(join(dir, 'progress.json')).equals(before)).toBe(true);
    // The import source is never moved aside: it is not ours.
    expect(readFileSync(junk, 'utf8')).toBe('not json at all');
  });
});

describe('after a crash mid-save', () => {
  /** A pid that certainly belonged to a process that has ended. */
  const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid!;

  it('a lock left by a dead process is taken over, and its temp files are removed; a live one’s temp file is not', () => {
    mkdirSync(dir, { recursive: true });
    const dead = deadPid();
    writeFileSync(join(dir, 'progress.json.lock'), `${dead} ${Date.now()}\n`);
    writeFileSync(join(dir, `.progress.json.${dead}.0badf00d.tmp`), '{"version":1,"pa');
    const live = `.progress.json.${process.ppid}.12345678.tmp`;
    writeFileSync(join(dir, live), 'someone else is writing this');
    const started = Date.now();
    save(recordResult(emptyProgress(), 'basics', 'l1', { stars: 1, points: 1, steps: 1 }));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(readdirSync(dir).sort()).toEqual([live, 'progress.json']);
    expect(levelBest(loadProgress().progress, 'basics', 'l1')?.stars).toBe(1);
  });
});

// ---- timed practice ----------------------------------------------------------------------

import { practiceKey, recordPractice, parseProgress, type PracticeResult } from '../../src/progress/store';

describe('practice statistics', () => {
  const session = (over: Partial<PracticeResult> = {}): PracticeResult => ({
    topics: ['subnet', 'arp'],
    minutes: 5,
    score: 120,
    accuracy: 0.8,
    perMinute: 4,
    date: '2026-11-25',
    perTopic: { subnet: { attempts: 6, correct: 5, box: 3 }, arp: { attempts: 4, correct: 3, box: 1 } },
    ...over,
  });

  it('an old save without a practice section still loads, and saves back without one', () => {
    const old = { version: 1, packs: { basics: { l1: { solved: true, stars: 2, points: 90 } } }, settings: {}, settingsChangedAt: 0 };
    const parsed = parseProgress(old);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.practice).toBeUndefined();
    expect(mergeProgress(parsed.value, parsed.value)).toEqual(old);
  });

  it('records topic counters and boxes, and personal bests per topic set and length', () => {
    let p = recordPractice(emptyProgress(), session());
    p = recordPractice(p, session({ score: 90, accuracy: 0.9, perMinute: 3, date: '2026-11-26', perTopic: { subnet: { attempts: 2, correct: 2, box: 4 } } }));
    expect(p.practice!.topics).toEqual({ subnet: { attempts: 8, correct: 7, box: 4 }, arp: { attempts: 4, correct: 3, box: 1 } });
    expect(practiceKey(['subnet', 'arp'], 5)).toBe('arp+subnet@5');
    expect(p.practice!.bests['arp+subnet@5']).toEqual({ score: 120, accuracy: 0.9, perMinute: 4, date: '2026-11-25' });
    save(p);
    expect(loadProgress().progress).toEqual(p);
  });

  it('a session with no answer sets no record', () => {
    const p = recordPractice(emptyProgress(), session({ score: 0, perTopic: {} }));
    expect(p.practice!.bests).toEqual({});
  });

  it('merging is idempotent (no double counting) and keeps the best of each figure', () => {
    const a = recordPractice(emptyProgress(), session());
    expect(mergeProgress(a, a)).toEqual(a);
    // Another instance practised more in the meantime: its record has more attempts and wins whole.
    const b = recordPractice(a, session({ score: 200, accuracy: 0.5, perMinute: 6, date: '2026-11-27' }));
    const m = mergeProgress(b, a);
    expect(m.practice!.topics.subnet).toEqual({ attempts: 12, correct: 10, box: 3 });
    expect(m.practice!.bests['arp+subnet@5']).toEqual({ score: 200, accuracy: 0.8, perMinute: 6, date: '2026-11-27' });
    expect(mergeProgress(a, b)).toEqual(m);
    // One side without practice keeps the other's.
    expect(mergeProgress(emptyProgress(), a).practice).toEqual(a.practice);
  });

  it('two instances saving practice one after the other keep both sessions', () => {
    save(recordPractice(emptyProgress(), session()));
    const other = recordPractice(loadProgress().progress, session({ topics: ['osi'], perTopic: { osi: { attempts: 3, correct: 3, box: 2 } } }));
    save(other);
    const p = loadProgress().progress;
    expect(Object.keys(p.practice!.bests).sort()).toEqual(['arp+subnet@5', 'osi@5']);
    expect(p.practice!.topics.osi).toEqual({ attempts: 3, correct: 3, box: 2 });
  });

  it('a hand-edited practice section with wrong values is refused like any damage', () => {
    const bad = { version: 1, packs: {}, settings: {}, settingsChangedAt: 0, practice: { topics: { subnet: { attempts: -1, correct: 0, box: 9 } }, bests: {} } };
    const r = parseProgress(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/practice\.topics\.subnet/);
    expect(() => recordPractice(emptyProgress(), session({ topics: ['__proto__'] }))).toThrow(RangeError);
  });
});

describe('what a refused save says', () => {
  it('names the field and the rule in words (src/progress/save-format.ts)', () => {
    const r = parseProgress({ version: 1, packs: { p: { l: { solved: true, stars: 5, points: 1 } } } });
    expect(r).toEqual({ ok: false, error: 'packs.p.l.stars: expected a whole number from 0 to 3, found 5' });
  });
});
