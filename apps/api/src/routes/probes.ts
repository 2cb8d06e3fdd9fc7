// Probes (no auth): /health (the process answers), /live, /ready (every dependency reachable,
// 503 naming those that are not) and /metrics (Prometheus text).
import { liveWorkers } from '@switchyard/documents';
import { Router } from 'express';
import type { Services } from '../composition';
import { metricsRegistry } from '../services/metrics';

const CHECK_TIMEOUT_MS = 2_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timed out')), ms).unref())]);
}

export interface ReadinessReport {
  ready: boolean;
  checks: { redis: boolean; chroma: boolean; worker: boolean };
  /** Names of the dependencies that are down. */
  down: string[];
}

export async function readiness(ctx: Pick<Services, 'redis' | 'store' | 'env'>): Promise<ReadinessReport> {
  const [redis, chroma, worker] = await Promise.all([
    withTimeout(ctx.redis.ping(), CHECK_TIMEOUT_MS).then(
      (reply) => reply === 'PONG',
      () => false,
    ),
    withTimeout(ctx.store.ping(), CHECK_TIMEOUT_MS).catch(() => false),
    withTimeout(liveWorkers(ctx.redis, ctx.env.REDIS_PREFIX, ctx.env.WORKER_HEARTBEAT_MAX_AGE_MS), CHECK_TIMEOUT_MS).then(
      (workers) => workers.length > 0,
      () => false,
    ),
  ]);
  const checks = { redis, chroma, worker };
  const down = Object.entries(checks)
    .filter(([, ok]) => !ok)
    .map(([name]) => name);
  return { ready: down.length === 0, checks, down };
}

export function createProbesRouter(ctx: Pick<Services, 'redis' | 'store' | 'env' | 'shutdown'>): Router {
  const router = Router();
  const startedAt = Date.now();

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok', version: ctx.env.APP_VERSION, uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) });
  });

  router.get('/live', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/ready', async (_req, res) => {
    const report = await readiness(ctx);
    if (ctx.shutdown.signal.aborted) {
      // Draining: tell the load balancer to stop sending traffic here.
      res.status(503).json({ error: { code: 'shutting_down', message: 'the server is shutting down', details: report } });
      return;
    }
    if (report.ready) {
      res.json({ status: 'ready', checks: report.checks });
      return;
    }
    res.status(503).json({
      error: { code: 'not_ready', message: `not ready: ${report.down.join(', ')} unavailable`, details: { checks: report.checks, down: report.down } },
    });
  });

  router.get('/metrics', async (_req, res) => {
    res.setHeader('Content-Type', metricsRegistry.contentType);
    res.send(await metricsRegistry.metrics());
  });

  return router;
}
