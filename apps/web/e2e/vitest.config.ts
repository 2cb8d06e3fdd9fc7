import { defineConfig } from 'vitest/config';

// Browser tests against the whole stack (Redis, Chroma, api, worker, web), one file at a time.
export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 600_000,
    fileParallelism: false,
    maxWorkers: 1,
    pool: 'forks',
  },
});
