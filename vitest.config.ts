import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // The machine has two cores; more workers only add contention.
    maxWorkers: 2,
  },
});
