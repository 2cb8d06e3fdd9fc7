// The connection factory against a real Redis Cluster (three primaries on loopback) and the
// test run's single Redis: commands reach the node that owns their keys, a transaction under one
// hash tag works while one across tags is refused (so the cluster really is sharded), the
// subscriber a service makes with duplicate() receives what any node publishes, and a library's
// Lua script loaded with SCRIPT LOAD runs wherever its key lives.
import { testEnv } from '@switchyard/testing';
import { startRedisCluster, type TestRedisCluster } from '@switchyard/testing/redis-cluster';
import { Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bullConnection, createRedisConnection, isCluster, sendCommand } from './connection';
import type { RedisSettings } from './settings';

let cluster: TestRedisCluster;
let settings: RedisSettings;
let redis: Redis;

beforeAll(async () => {
  cluster = await startRedisCluster();
  settings = { mode: 'cluster', nodes: cluster.nodes, tls: false };
  redis = createRedisConnection(settings, { maxRetriesPerRequest: 2 });
});

afterAll(async () => {
  await redis?.quit().catch(() => undefined);
  await cluster?.stop();
});

/** Keys whose hash tags land on different primaries of the cluster. */
async function keysOnDifferentNodes(): Promise<[string, string]> {
  const slotOf = async (key: string) => Number(await redis.call('CLUSTER', 'KEYSLOT', key));
  const first = '{tenant-a}:count';
  const firstSlot = await slotOf(first);
  // 3 primaries split 16384 slots in thirds: a slot a third away is on another node.
  for (let index = 0; index < 1000; index++) {
    const candidate = `{tenant-${index}}:count`;
    if (Math.abs((await slotOf(candidate)) - firstSlot) > 6000) return [first, candidate];
  }
  throw new Error('no key on another node found');
}

describe('createRedisConnection on a Redis Cluster', () => {
  it('is a cluster client whose commands reach whichever node owns the key', async () => {
    expect(isCluster(redis)).toBe(true);
    const [a, b] = await keysOnDifferentNodes();
    await redis.set(a, '1');
    await redis.set(b, '2');
    expect(await redis.get(a)).toBe('1');
    expect(await redis.get(b)).toBe('2');
  });

  it('runs a transaction and a Lua script over keys of one hash tag, and refuses them across tags', async () => {
    const results = await redis.multi().set('{doc-1}:a', 'x').incr('{doc-1}:b').exec();
    expect(results?.map(([error]) => error)).toEqual([null, null]);
    expect(await redis.eval("return redis.call('GET', KEYS[1]) .. redis.call('GET', KEYS[2])", 2, '{doc-1}:a', '{doc-1}:b')).toBe('x1');

    const [a, b] = await keysOnDifferentNodes();
    await expect(redis.eval("return redis.call('GET', KEYS[1])", 2, a, b)).rejects.toThrow(/CROSSSLOT|slot/i);
  });

  it('makes subscribers with Redis options that receive what is published on any node', async () => {
    const subscriber = redis.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null });
    expect(isCluster(subscriber)).toBe(true);
    try {
      const received = new Promise<string>((resolve) => subscriber.on('message', (_channel: string, message: string) => resolve(message)));
      await subscriber.subscribe('{sy}:doc-events:42');
      await redis.publish('{sy}:doc-events:42', 'ready');
      expect(await received).toBe('ready');
    } finally {
      await subscriber.quit();
    }
  });

  it('loads a script on every primary, so EVALSHA finds it whichever node owns the key', async () => {
    const script = "return redis.call('INCR', KEYS[1])";
    const sha = (await sendCommand(redis, 'SCRIPT', 'LOAD', script)) as string;
    expect(sha).toMatch(/^[0-9a-f]{40}$/);
    const [a, b] = await keysOnDifferentNodes();
    expect(await sendCommand(redis, 'EVALSHA', sha, 1, `${a}:evalsha`)).toBe(1);
    expect(await sendCommand(redis, 'EVALSHA', sha, 1, `${b}:evalsha`)).toBe(1);
  });

  it('gives BullMQ a cluster client, and a queue under a hash-tagged prefix runs a job end to end', async () => {
    const queueSide = bullConnection(settings, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    const workerSide = bullConnection(settings, { maxRetriesPerRequest: null });
    const queue = new Queue('ingest', { connection: queueSide.connection, prefix: '{sy}:bull' });
    const done = new Promise<unknown>((resolve) => {
      const worker = new Worker('ingest', async (job) => ({ doubled: (job.data as { n: number }).n * 2 }), { connection: workerSide.connection, prefix: '{sy}:bull' });
      worker.on('completed', (_job, result) => {
        void worker.close().then(() => resolve(result));
      });
    });
    try {
      await queue.add('ingest.document', { n: 21 }, { jobId: 'doc-21' });
      expect(await done).toEqual({ doubled: 42 });
    } finally {
      await queue.close();
      await queueSide.close();
      await workerSide.close();
    }
  });
});

describe('createRedisConnection on one node', () => {
  it('connects to REDIS_URL as before', async () => {
    const single = createRedisConnection({ mode: 'single', url: testEnv().redisUrl });
    try {
      expect(isCluster(single)).toBe(false);
      expect(await single.ping()).toBe('PONG');
      const sha = (await sendCommand(single, 'SCRIPT', 'LOAD', 'return 7')) as string;
      expect(await sendCommand(single, 'EVALSHA', sha, 0)).toBe(7);
    } finally {
      await single.quit();
    }
  });
});
