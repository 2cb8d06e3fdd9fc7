// Starts the API: services (the composition root), app, HTTP server. On SIGTERM/SIGINT: stop accepting, let in-flight
// requests and chat streams finish within SHUTDOWN_GRACE_MS (document-event streams close at
// once; browsers reconnect elsewhere), close idle keep-alive connections, close the services in their order, exit.
import type { Server } from 'node:http';
import { createApp } from './app';
import { createServices } from './composition';
import { loadEnv, type Env } from './env';
import { createHttpServer } from './http-server';
import { installShutdown } from './http/shutdown';

function listen(server: Server, env: Env): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(env.PORT, env.HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

async function main(): Promise<void> {
  let env: Env;
  try {
    env = loadEnv();
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
  const services = await createServices(env);
  // Header, body and keep-alive timeouts from the environment (HTTP_*_TIMEOUT_MS).
  const server = createHttpServer(createApp(services), env);
  installShutdown(server, services);
  await listen(server, env);
  services.logger.info({ host: env.HOST, port: env.PORT, version: env.APP_VERSION }, 'api listening');
}

main().catch((error: unknown) => {
  process.stderr.write(`api failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
