// Starts the API: context, app, HTTP server. On SIGTERM/SIGINT: stop accepting, let in-flight
// requests and chat streams finish within SHUTDOWN_GRACE_MS (document-event streams close at
// once; browsers reconnect elsewhere), close idle keep-alive connections, run the closers, exit.
import { createServer, type Server } from 'node:http';
import { createApp } from './app';
import { closeContext, createContext, type AppContext } from './context';
import { loadEnv, type Env } from './env';

function listen(server: Server, env: Env): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(env.PORT, env.HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

export function installShutdown(server: Server, ctx: AppContext, exit: (code: number) => void = (code) => process.exit(code)): (signal: string) => Promise<void> {
  let shuttingDown: Promise<void> | undefined;
  const shutdown = (signal: string) =>
    (shuttingDown ??= (async () => {
      const grace = ctx.env.SHUTDOWN_GRACE_MS;
      ctx.logger.info({ signal, graceMs: grace }, 'shutting down: draining requests');
      ctx.shutdown.abort(new Error('shutting down'));
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      // Keep closing connections that turn idle after their last response.
      const idleSweep = setInterval(() => server.closeIdleConnections(), 250);
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), grace);
      });
      const outcome = await Promise.race([closed.then(() => 'drained' as const), deadline]);
      clearInterval(idleSweep);
      clearTimeout(timer);
      if (outcome === 'timeout') {
        ctx.logger.warn('grace period over: closing the remaining connections');
        server.closeAllConnections();
      }
      await closeContext(ctx);
      ctx.logger.info('stopped');
      exit(0);
    })());
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  return shutdown;
}

async function main(): Promise<void> {
  let env: Env;
  try {
    env = loadEnv();
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
  const ctx = await createContext(env);
  const server = createServer(createApp(ctx));
  // Above the idle timeout of common load balancers (60 s), so they close first.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  installShutdown(server, ctx);
  await listen(server, env);
  ctx.logger.info({ host: env.HOST, port: env.PORT, version: env.APP_VERSION }, 'api listening');
}

main().catch((error: unknown) => {
  process.stderr.write(`api failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
