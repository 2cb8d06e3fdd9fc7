import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['@switchyard/testing/global-setup'],
    // Files run one after another: each one embeds with the CPU-bound local model, and the crash
    // test times worker processes that should not compete with another file for the CPU.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
