// Graceful shutdown of the HTTP server and the services behind it.
import type { Server } from 'node:http';
import type { Services } from '../composition';

/**
 * Handles SIGTERM/SIGINT: stop accepting, end document-event streams (services.shutdown), let
 * in-flight requests and chat streams finish within SHUTDOWN_GRACE_MS while closing idle
 * keep-alive connections, then force-close what is left, close the services (in the order the
 * composition root owns) and exit. Returns the shutdown function (tests call it directly).
 */
export function installShutdown(
  server: Server,
  services: Pick<Services, 'env' | 'logger' | 'shutdown' | 'close'>,
  { exit = (code: number) => process.exit(code), signals = true }: { exit?: (code: number) => void; signals?: boolean } = {},
): (signal: string) => Promise<void> {
  let shuttingDown: Promise<void> | undefined;
  const { logger } = services;
  const shutdown = (signal: string) =>
    (shuttingDown ??= (async () => {
      const grace = services.env.SHUTDOWN_GRACE_MS;
      logger.info({ signal, graceMs: grace }, 'shutting down: draining requests');
      services.shutdown.abort(new Error('shutting down'));
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
        logger.warn('grace period over: closing the remaining connections');
        server.closeAllConnections();
      }
      await services.close();
      logger.info('stopped');
      exit(0);
    })());
  if (signals) {
    process.once('SIGTERM', () => void shutdown('SIGTERM'));
    process.once('SIGINT', () => void shutdown('SIGINT'));
  }
  return shutdown;
}
