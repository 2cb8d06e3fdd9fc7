import { beat, forget } from '@switchyard/documents';
import { testEnv, uniqueId } from '@switchyard/testing';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { workerOnHostIsLive } from './worker-health';

const { redisUrl, keyPrefix } = testEnv();
const redis = new Redis(redisUrl);
afterAll(() => redis.disconnect());

describe('worker container healthcheck', () => {
  it('is healthy only while a worker on this host beats, and not for another host', async () => {
    const prefix = `${keyPrefix}${uniqueId('hc')}:`;
    expect(await workerOnHostIsLive(redis, prefix, 15_000, 'box-a')).toBe(false);
    await beat(redis, prefix, 'box-b:12:abcd');
    expect(await workerOnHostIsLive(redis, prefix, 15_000, 'box-a')).toBe(false);
    await beat(redis, prefix, 'box-a:7:beef');
    expect(await workerOnHostIsLive(redis, prefix, 15_000, 'box-a')).toBe(true);
    await forget(redis, prefix, 'box-a:7:beef');
    expect(await workerOnHostIsLive(redis, prefix, 15_000, 'box-a')).toBe(false);
  });

  it('treats a stale heartbeat as a dead worker', async () => {
    const prefix = `${keyPrefix}${uniqueId('hc')}:`;
    await redis.zadd(`${prefix}workers`, Date.now() - 60_000, 'box-a:7:old');
    expect(await workerOnHostIsLive(redis, prefix, 15_000, 'box-a')).toBe(false);
  });
});
