// Usage stats are counted in each API process and written to Redis every STATS_FLUSH_MS: another
// replica sees them after a flush, shutdown writes what is left, and a Redis outage loses nothing.
import { once } from 'node:events';
import { testEnv, uniqueId } from '@switchyard/testing';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StatsStore, type ChatRecord } from '../src/services/stats';
import { waitFor } from './helpers';

const chat = (ownerId: string, overrides: Partial<ChatRecord> = {}): ChatRecord => ({
  ownerId,
  tier: 'cheap',
  provider: 'openai',
  model: 'gpt-4o-mini',
  cached: false,
  error: false,
  promptTokens: 12,
  completionTokens: 30,
  costUsd: 0.0001,
  latencyMs: 40,
  ...overrides,
});

describe('StatsStore', () => {
  let redis: Redis;
  let prefix: string;
  beforeAll(() => {
    redis = new Redis(testEnv().redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  });
  afterAll(() => redis.quit());

  it('shows what one replica counted on another within a flush interval', async () => {
    prefix = `${testEnv().keyPrefix}${uniqueId('stats')}:`;
    const a = new StatsStore(redis, prefix, { flushIntervalMs: 100 });
    const b = new StatsStore(redis, prefix, { flushIntervalMs: 100 });
    try {
      for (let i = 0; i < 3; i++) a.record(chat('alice', { cached: i > 0, latencyMs: 10 * (i + 1) }));
      const seen = await waitFor('replica b to see the counts', async () => {
        const summary = await b.summary();
        return summary.totals.requests === 3 ? summary : undefined;
      }, 2_000, 20);
      expect(seen.totals).toMatchObject({ requests: 3, cacheHits: 2, promptTokens: 36, completionTokens: 90 });
      expect(seen.totals.costUsd).toBeCloseTo(0.0003, 8);
      expect(seen.totals.latencyMs).toMatchObject({ count: 3, p50: 20, p99: 30 });
      expect(seen.byModel).toEqual([expect.objectContaining({ key: 'gpt-4o-mini', requests: 3 })]);
      expect((await b.summary({ ownerId: 'alice' })).totals.requests).toBe(3);
      expect((await b.summary({ ownerId: 'bob' })).totals.requests).toBe(0);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('writes what is left when it closes', async () => {
    prefix = `${testEnv().keyPrefix}${uniqueId('stats')}:`;
    const a = new StatsStore(redis, prefix, { flushIntervalMs: 60_000 });
    a.record(chat('carol', { error: true }));
    await a.close();
    const reader = new StatsStore(redis, prefix);
    expect((await reader.summary()).totals).toMatchObject({ requests: 1, errors: 1 });
  });

  it('keeps every count while Redis refuses and writes them once it is back', async () => {
    prefix = `${testEnv().keyPrefix}${uniqueId('stats')}:`;
    const own = new Redis(testEnv().redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: true });
    await own.connect();
    const store = new StatsStore(own, prefix, { flushIntervalMs: 60_000 });
    try {
      store.record(chat('dave'));
      const ended = once(own, 'end');
      own.disconnect();
      await ended;
      await expect(store.flush()).rejects.toThrow();
      store.record(chat('dave', { cached: true }));
      await expect(store.flush()).rejects.toThrow();
      await own.connect();
      await store.flush();
      const totals = (await new StatsStore(redis, prefix).summary({ ownerId: 'dave' })).totals;
      expect(totals).toMatchObject({ requests: 2, cacheHits: 1, promptTokens: 24 });
      expect(totals.latencyMs.count).toBe(2);
    } finally {
      await store.close();
      own.disconnect();
    }
  });
});
