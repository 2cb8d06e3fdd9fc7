import { defineConfig } from 'tsup';

// Bundles the server with the workspace packages (they export TypeScript source) so the built
// app runs with plain `node dist/server.js`. npm packages stay external and are listed in this
// app's package.json, so they resolve from its node_modules (and `pnpm deploy` ships them).
export default defineConfig({
  // embed-thread and classify-thread are the entries of the query embedder's and the classifier's
  // threads (packages/vectorstore/src/embed-pool.ts, packages/router/src/classifier-pool.ts),
  // which look for them beside the bundle.
  entry: {
    server: 'src/server.ts',
    'embed-thread': '../../packages/vectorstore/src/embed-thread.ts',
    'classify-thread': '../../packages/router/src/classify-thread.ts',
  },
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  clean: true,
  external: [/^[^./]/],
  noExternal: [/^@switchyard\//],
});
