// Worker liveness, shared through Redis so any API replica can tell whether a worker runs.
import type { Redis } from 'ioredis';

const key = (prefix: string) => `${prefix}workers`;

export async function beat(redis: Redis, prefix: string, workerId: string): Promise<void> {
  await redis.zadd(key(prefix), Date.now(), workerId);
}

export async function forget(redis: Redis, prefix: string, workerId: string): Promise<void> {
  await redis.zrem(key(prefix), workerId);
}

/** Workers whose last beat is newer than maxAgeMs. */
export async function liveWorkers(redis: Redis, prefix: string, maxAgeMs = 30_000): Promise<string[]> {
  const since = Date.now() - maxAgeMs;
  await redis.zremrangebyscore(key(prefix), '-inf', since - 10 * maxAgeMs);
  return redis.zrangebyscore(key(prefix), since, '+inf');
}
