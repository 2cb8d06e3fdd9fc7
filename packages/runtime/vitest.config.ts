import { defineConfig } from 'vitest/config';

// Unit tests only: nothing here talks to Redis or Chroma.
export default defineConfig({ test: { testTimeout: 10_000 } });
