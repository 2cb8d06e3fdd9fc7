import { defineConfig } from 'vitest/config';

// Fast unit tests of the pure helpers and the markdown renderer (server-side rendered, no DOM).
// The browser tests live in e2e/ with their own config.
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic' } },
  test: {
    include: ['lib/**/*.test.ts', 'components/**/*.test.tsx'],
    environment: 'node',
  },
});
