import { defineConfig } from 'tsup';

// Bundles the server with the workspace packages (they export TypeScript source) so the built
// app runs with plain `node dist/server.js`. npm packages stay external and are listed in this
// app's package.json, so they resolve from its node_modules (and `pnpm deploy` ships them).
export default defineConfig({
  entry: ['src/server.ts'],
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  clean: true,
  external: [/^[^./]/],
  noExternal: [/^@switchyard\//],
});
