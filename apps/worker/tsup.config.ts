import { defineConfig } from 'tsup';

// Bundles the server with the workspace packages (they export TypeScript source) so the built
// app runs with plain `node dist/server.js`; npm dependencies stay external.
export default defineConfig({
  entry: ['src/main.ts'],
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  clean: true,
  noExternal: [/^@switchyard\//],
});
