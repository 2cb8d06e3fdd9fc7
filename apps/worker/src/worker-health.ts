// Whether the worker on this host is alive, judged by its heartbeat in Redis (see main.ts).
import { hostname } from 'node:os';
import { liveWorkers } from '@switchyard/documents';
import type { Redis } from 'ioredis';

/** Whether a worker whose id starts with this host's name beat within `maxAgeMs`. */
export async function workerOnHostIsLive(redis: Redis, prefix: string, maxAgeMs: number, host = hostname()): Promise<boolean> {
  const live = await liveWorkers(redis, prefix, maxAgeMs);
  return live.some((workerId) => workerId.startsWith(`${host}:`));
}
