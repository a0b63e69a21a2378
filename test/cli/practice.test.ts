import { describe, expect, it } from 'vitest';
import { runPractice } from '../../src/cli/practice-command';
import { main, UsageError } from '../../src/cli/main';
import type { PracticeOptions } from '../../src/practice/options';

async function run(args: string[], interactive: boolean) {
  let out = '';
  let err = '';
  const opened: PracticeOptions[] = [];
  const code = await runPractice(args, { out: (t) => (out += t), err: (t) => (err += t) }, {
    interactive,
    today: () => new Date('2026-11-25T08:00:00Z'),
    open: async (o) => {
      opened.push(o);
      return undefined;
    },
  });
  return { code, out, err, opened };
}

describe('netquest practice (the timed session)', () => {
  it('without a terminal, refuses clearly and points at --export', async () => {
    const r = await run([], false);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/needs an interactive terminal/);
    expect(r.err).toMatch(/netquest practice --export 20/);
    expect(r.opened).toEqual([]);
  });

  it('opens the game on practice with the flags as the setup', async () => {
    expect((await run(['--topic', 'tcp,arp', '--minutes', '3', '--seed', '42'], true)).opened).toEqual([{ topics: ['tcp', 'arp'], minutes: 3, seed: 42 }]);
    expect((await run(['--daily'], true)).opened[0]!.seed).toBe('daily');
    const all = (await run([], true)).opened[0]!;
    expect(all.topics).toContain('mac-learning');
    expect(all.minutes).toBeUndefined();
  });

  it('says what is wrong with a flag, with exit status 2', async () => {
    for (const args of [['--minutes', '0'], ['--minutes', '500'], ['--minutes', 'five'], ['--json'], ['--seed', '1', '--daily'], ['--topic', 'tcpp'], ['--export', '3', '--minutes', '2']]) {
      let err = '';
      const code = await main(['practice', ...args], { out: () => {}, err: (t) => (err += t) });
      expect(code, args.join(' ')).toBe(2);
      expect(err.split('\n')[0]).toMatch(/^netquest: /);
    }
    await expect(runPractice(['--minutes', '0'], { out: () => {}, err: () => {} }, { interactive: true })).rejects.toBeInstanceOf(UsageError);
  });

  it('--export --daily writes the day\'s drills, including the new topics', async () => {
    const r = await run(['--export', '4', '--daily', '--topic', 'mac-learning,tcp', '--json'], false);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.topic)).toEqual(['mac-learning', 'tcp', 'mac-learning', 'tcp']);
    const again = await run(['--export', '4', '--daily', '--topic', 'mac-learning,tcp', '--json'], false);
    expect(again.out).toBe(r.out);
  });
});
