import { defineConfig } from 'vitest/config';

export default defineConfig({ test: { globalSetup: ['@switchyard/testing/global-setup'] } });
