import { defineConfig } from 'tsup';

// Bundles the custom server (server.ts, with env.ts and lib/server/client-address.ts) so the
// built web app runs with plain `node dist/server.js`. npm packages (next, proxy-addr, zod) stay
// external and resolve from this app's node_modules.
export default defineConfig({
  entry: ['server.ts'],
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  clean: true,
  external: [/^[^./]/],
});
