// Decisions are written in batches, off the request path: none is lost or reordered, a dry run
// sees the ones made just before it, and the rest reach Redis within a fraction of a second.
import type { DecisionRecord } from '@switchyard/router';
import { testEnv, uniqueId } from '@switchyard/testing';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DecisionLog } from '../src/services/decision-log';

let redis: Redis;
beforeAll(() => {
  redis = new Redis(testEnv().redisUrl);
});
afterAll(async () => {
  await redis.quit();
});

const decision = (n: number): DecisionRecord => ({
  at: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
  sensitivity: 'public',
  complexity: 'simple',
  complexityScore: n / 1000,
  signals: [],
  contextTokens: n,
  outcome: { tier: 'cheap', provider: 'openai', model: 'gpt-4o-mini' },
});

describe('DecisionLog', () => {
  it('keeps the newest first across batches, capped, and shows what was just recorded', async () => {
    const log = new DecisionLog(redis, `${testEnv().keyPrefix}${uniqueId('decisions')}:`, { size: 150 });
    for (let n = 0; n < 230; n++) log.record(decision(n));
    const recent = await log.recent(200);
    expect(recent).toHaveLength(150);
    expect(recent.map((d) => d.contextTokens)).toEqual([...Array(150).keys()].map((i) => 229 - i));
  });

  it('writes a lone decision within a second, without anyone asking', async () => {
    const log = new DecisionLog(redis, `${testEnv().keyPrefix}${uniqueId('decisions')}:`, { size: 10 });
    log.record(decision(7));
    const deadline = Date.now() + 1000;
    while ((await redis.llen(log.key)) === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await redis.lrange(log.key, 0, -1)).toEqual([JSON.stringify(decision(7))]);
  });
});
