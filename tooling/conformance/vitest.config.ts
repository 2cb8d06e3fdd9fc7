import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['@switchyard/testing/global-setup'],
    testTimeout: 30_000,
    hookTimeout: 90_000,
  },
});
