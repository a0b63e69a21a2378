import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { levelBest, parseProgress } from '../../src/progress/store';
import { bundle, Child, lastNumber, sleep } from './child';

/**
 * Progress survives a crash at any moment and two games saving at once. A child process saves
 * in a loop and is killed with SIGKILL at a random moment, again and again; after each kill the
 * file must be the old version or the new one. RELIABILITY_KILLS sets the number of kills per
 * lane (default 100 per lane, two lanes, so 200 in `npm test`); docs/reliability.md has the big run.
 */
const KILLS = Number(process.env.RELIABILITY_KILLS ?? 100);
let script: string;
let atomicScript: string;

beforeAll(async () => {
  script = await bundle('test/reliability/save-child.ts');
  atomicScript = await bundle('test/reliability/atomic-child.ts');
}, 60_000);

/** The crash levels in a progress file, which must be l0…l(n-1) with nothing missing: returns n. */
function contiguousLevels(text: string): number {
  const parsed = parseProgress(JSON.parse(text));
  if (!parsed.ok) throw new Error(`not a progress file: ${parsed.error}`);
  const ids = Object.keys(parsed.value.packs.crash ?? {});
  for (let k = 0; k < ids.length; k++) if (!levelBest(parsed.value, 'crash', `l${k}`)) throw new Error(`l${k} missing among ${ids.length}`);
  return ids.length;
}

/** Kills happen at a random moment after the child has saved at least once: 0–8 ms into its loop. */
async function killSomewhere(child: Child): Promise<void> {
  await child.firstLine();
  await sleep(Math.floor(Math.random() * 9));
  child.proc.kill('SIGKILL');
  await child.done;
}

describe('progress and SIGKILL', () => {
  it(`${2 * KILLS} kills (saveProgress ${KILLS}, writeFileAtomic ${KILLS}): the file is always the last acknowledged version or the next one`, { timeout: 120_000 + KILLS * 5000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nq-kill-'));
    const file = join(dir, 'progress.json');
    const lane = async () => {
      let saved = 0;
      let midSave = 0;
      for (let i = 0; i < KILLS; i++) {
        const child = new Child(script, ['loop', dir]);
        await killSomewhere(child);
        expect(child.stderr).toBe('');
        const acked = lastNumber(child.stdout);
        expect(acked).toBeDefined();
        // Acknowledged saves are durable; one more may have landed before its acknowledgement.
        const n = contiguousLevels(readFileSync(file, 'utf8'));
        expect([acked! + 1, acked! + 2]).toContain(n);
        if (n === acked! + 2) midSave++;
        saved = n;
      }
      return { saved, midSave };
    };
    const atomicLane = async () => {
      const target = join(mkdtempSync(join(tmpdir(), 'nq-kill-atomic-')), 'big.json');
      const versions = ['a', 'b'].map((ch) => `${JSON.stringify({ version: ch, body: ch.repeat(64 * 1024) })}\n`);
      for (let i = 0; i < KILLS; i++) {
        const child = new Child(atomicScript, [target]);
        await killSomewhere(child);
        expect(child.stderr).toBe('');
        // Byte for byte one of the two versions: never empty, truncated or mixed.
        expect(versions).toContain(readFileSync(target, 'utf8'));
      }
    };
    const started = Date.now();
    const [{ saved, midSave }] = await Promise.all([lane(), atomicLane()]);
    expect(saved).toBeGreaterThanOrEqual(KILLS);
    console.log(`${2 * KILLS} kills in ${((Date.now() - started) / 1000).toFixed(1)} s; ${saved} saves survived; ${midSave} kills landed after a save's rename and before its acknowledgement`);

    // The next ordinary save cleans up after the killed ones: no temp files, no lock left.
    const last = await new Child(script, ['levels', dir, 'after', '1']).done;
    expect(last.code).toBe(0);
    expect(readdirSync(dir)).toEqual(['progress.json']);
    expect(contiguousLevels(readFileSync(file, 'utf8'))).toBe(saved);
  });
});

describe('two games saving at the same time', () => {
  it('each finishing different levels: both keep every result', { timeout: 300_000 }, async () => {
    for (let round = 0; round < 3; round++) {
      const dir = mkdtempSync(join(tmpdir(), 'nq-race-'));
      const runs = await Promise.all(['a', 'b'].map((prefix) => new Child(script, ['levels', dir, prefix, '40']).done));
      for (const r of runs) expect(r).toMatchObject({ code: 0, stderr: '' });
      const parsed = parseProgress(JSON.parse(readFileSync(join(dir, 'progress.json'), 'utf8')));
      expect(parsed.ok).toBe(true);
      const ids = parsed.ok ? Object.keys(parsed.value.packs.race ?? {}).sort() : [];
      const want = ['a', 'b'].flatMap((p) => Array.from({ length: 40 }, (_, i) => `${p}${i}`)).sort();
      expect(ids).toEqual(want);
      expect(readdirSync(dir)).toEqual(['progress.json']);
    }
  });
});
