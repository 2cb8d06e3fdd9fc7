// Container healthcheck (`node dist/healthcheck.js`, used by docker-compose): exit 0 when a worker
// on this host has beaten its heartbeat in Redis within three intervals, else 1.
import { createRedisConnection, redisSettings } from '@switchyard/redis';
import { loadEnv } from './env';
import { workerOnHostIsLive } from './worker-health';

const env = loadEnv();
const redis = createRedisConnection(redisSettings(env), { maxRetriesPerRequest: 1, connectTimeout: 2_000, enableOfflineQueue: false, lazyConnect: true });
try {
  await redis.connect();
  const healthy = await workerOnHostIsLive(redis, env.REDIS_PREFIX, 3 * env.HEARTBEAT_INTERVAL_MS);
  process.stdout.write(healthy ? 'worker heartbeat is fresh\n' : 'no fresh worker heartbeat on this host\n');
  process.exitCode = healthy ? 0 : 1;
} catch (error) {
  process.stdout.write(`healthcheck could not reach Redis: ${(error as Error).message}\n`);
  process.exitCode = 1;
} finally {
  redis.disconnect();
}
