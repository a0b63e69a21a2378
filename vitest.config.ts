import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // The machine has two cores; more workers only add contention.
    maxWorkers: 2,
    // Screen tests wait for Ink to settle after each key; on a loaded, shared machine that can
    // take several seconds per test. A hang still fails, just later.
    testTimeout: 30_000,
  },
});
