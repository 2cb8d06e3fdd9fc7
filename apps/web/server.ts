// The web app's own HTTP server (next's custom server): before Next sees a request, it puts the
// browser's real address in X-Forwarded-For, overwriting whatever the browser sent, so the
// API proxy (lib/server/proxy.ts) can hand the API an address it can trust. `next start` cannot
// do this: it keeps a browser-sent X-Forwarded-For as it is. SIGTERM/SIGINT: stop accepting,
// let requests in flight finish (at most 10 s), exit.
import { createServer } from 'node:http';
import path from 'node:path';
import next from 'next';
import { env } from './env';
import { setClientAddress, trustFunction } from './lib/server/client-address';

const trust = trustFunction(env.WEB_TRUST_PROXY);
// Built to dist/server.js: the app (.next, next.config) is one folder up.
const app = next({ dev: false, dir: path.join(import.meta.dirname, '..'), hostname: env.HOST, port: env.PORT });
const handle = app.getRequestHandler();

await app.prepare();
const server = createServer((req, res) => {
  setClientAddress(req, trust);
  void handle(req, res);
});
server.listen(env.PORT, env.HOST, () => {
  console.log(`web listening on http://${env.HOST}:${env.PORT}`);
});

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 10_000).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
