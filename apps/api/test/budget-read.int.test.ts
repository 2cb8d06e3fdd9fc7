// The budget check reads the day's spend from Redis at most once a second per user (in the
// background once it knows one), and spend is written in batches: a replica refuses right after
// its own spend, and sees what another replica spent once its read is renewed; a batch that could
// not be written is kept for the next one.
import { once } from 'node:events';
import { testEnv, uniqueId } from '@switchyard/testing';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BudgetGuard } from '../src/services/budget';

let redis: Redis;
beforeAll(() => {
  redis = new Redis(testEnv().redisUrl);
});
afterAll(async () => {
  await redis.quit();
});

const spend = async (guard: BudgetGuard, owner: string, usd: number) => {
  guard.add(owner, usd);
  await guard.flush();
};
const refused = (guard: BudgetGuard, owner: string) => guard.assertWithinBudget(owner).then(() => false, (error: { code?: string }) => error.code === 'budget_exceeded');

describe('BudgetGuard', () => {
  it('refuses after its own spend at once, and after another replica spent within a second', async () => {
    let now = Date.now();
    const prefix = `${testEnv().keyPrefix}${uniqueId('budget')}:`;
    const replicaA = new BudgetGuard(redis, prefix, 1, () => now);
    const replicaB = new BudgetGuard(redis, prefix, 1, () => now);
    expect(await refused(replicaA, 'ann')).toBe(false);
    expect(await refused(replicaB, 'ann')).toBe(false);
    await spend(replicaA, 'ann', 1.5);
    expect(await refused(replicaA, 'ann')).toBe(true);
    // B read 0 a moment ago; a second later its next check goes ahead on what it knew and reads
    // again in the background, and the one after sees A's spend.
    now += 1001;
    expect(await refused(replicaB, 'ann')).toBe(false);
    await expect.poll(() => refused(replicaB, 'ann')).toBe(true);
    expect(await refused(replicaB, 'bob')).toBe(false);
  });

  it('keeps spend it could not write for the next batch', async () => {
    const prefix = `${testEnv().keyPrefix}${uniqueId('budget')}:`;
    // Not connected yet, and commands are not queued: the first batch fails.
    const connection = new Redis(testEnv().redisUrl, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0 });
    try {
      const guard = new BudgetGuard(connection, prefix, 1);
      guard.add('cy', 0.25);
      await expect(guard.flush()).rejects.toThrow(/kept for the next batch/);
      // The failed write started the connection; once it is up, the next batch carries both.
      if (connection.status !== 'ready') await once(connection, 'ready');
      guard.add('cy', 0.5);
      await guard.flush();
      expect(await new BudgetGuard(redis, prefix, 1).spentToday('cy')).toBeCloseTo(0.75, 10);
    } finally {
      connection.disconnect();
    }
  });
});
