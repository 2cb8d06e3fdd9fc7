import { defineConfig } from 'vitest/config';

// The fault-injection suite: one real stack for the whole run, files one after another.
export default defineConfig({
  test: {
    include: ['bench/chaos/**/*.chaos.test.ts'],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 300_000,
  },
});
