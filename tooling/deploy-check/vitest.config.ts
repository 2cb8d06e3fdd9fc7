import { defineConfig } from 'vitest/config';

// `kubectl kustomize` renders each overlay once per file; nothing here needs Redis or Chroma.
export default defineConfig({ test: { testTimeout: 60_000, hookTimeout: 60_000 } });
