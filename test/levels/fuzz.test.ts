import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadLevelText } from '../../src/levels/load';
import { badProblem, fixtureSources, mutatedLevel } from '../reliability/mutate';

const SOURCES = fixtureSources(fileURLToPath(new URL('../..', import.meta.url)));

describe('loading mutated levels (fuzz)', () => {
  // `npm run fuzz` runs 10,000 and more, with figures (docs/reliability.md); FUZZ_RUNS sets this one.
  it('either loads or fails with located messages — never anything else', { timeout: 120_000 }, () => {
    let tried = 0;
    let failed = 0;
    fc.assert(
      fc.property(mutatedLevel(SOURCES), (text) => {
        tried++;
        const r = loadLevelText(text, 'fuzz.yaml');
        if (r.ok) return;
        failed++;
        expect(badProblem(r.error, 'fuzz.yaml')).toBeUndefined();
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 2000) },
    );
    // Most mutations break a level; some leave it valid. Both outcomes must have been exercised.
    expect(failed).toBeGreaterThan(tried / 4);
    expect(failed).toBeLessThan(tried);
  });
});
