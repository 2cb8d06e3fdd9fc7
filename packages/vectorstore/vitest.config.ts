import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['@switchyard/testing/global-setup'],
    // The sentence encoder takes a moment to load on a busy machine.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
