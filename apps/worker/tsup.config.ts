import { defineConfig } from 'tsup';

// Bundles the worker with the workspace packages (they export TypeScript source) so the built
// app runs with plain `node dist/main.js`. npm packages stay external; every one the bundled
// workspace packages import is listed in this app's package.json so it resolves from here.
export default defineConfig({
  // parse-thread is the entry of the thread documents are parsed in (see src/parse-in-thread.ts);
  // embed-thread that of the embedder threads (see packages/vectorstore/src/embed-pool.ts), which
  // look for it beside the bundle.
  entry: {
    main: 'src/main.ts',
    healthcheck: 'src/healthcheck.ts',
    'parse-thread': 'src/parse-thread.ts',
    'embed-thread': '../../packages/vectorstore/src/embed-thread.ts',
  },
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  clean: true,
  external: [/^[^./]/],
  noExternal: [/^@switchyard\//],
});
