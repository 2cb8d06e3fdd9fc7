// The per-user limit leased from Redis in batches: two replicas together serve exactly the
// limit, small limits stay exact request by request, a new minute starts afresh, and a busy user
// costs one Redis call per batch, not one per request.
import { testEnv, uniqueId } from '@switchyard/testing';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LeasedRateLimiter } from '../src/services/rate-lease';

let redis: Redis;
beforeAll(() => {
  redis = new Redis(testEnv().redisUrl);
});
afterAll(async () => {
  await redis.quit();
});

const prefix = () => `${testEnv().keyPrefix}${uniqueId('lease')}:`;

async function spend(limiters: LeasedRateLimiter[], user: string, requests: number): Promise<{ allowed: number; refused: number }> {
  let allowed = 0;
  let refused = 0;
  for (let i = 0; i < requests; i++) {
    const decision = await limiters[i % limiters.length]!.take(user);
    if (decision.allowed) allowed += 1;
    else refused += 1;
  }
  return { allowed, refused };
}

describe('LeasedRateLimiter', () => {
  it('lets two replicas together serve exactly the limit, then refuses with a Retry-After within the minute', async () => {
    const keys = prefix();
    const a = new LeasedRateLimiter(redis, keys, 300);
    const b = new LeasedRateLimiter(redis, keys, 300);
    expect(a.batch).toBeGreaterThan(1);
    // Concurrent bursts on both replicas, as a load balancer would spread them.
    const burst = await Promise.all([...Array(400).keys()].map((i) => (i % 2 === 0 ? a : b).take('u1')));
    const allowed = burst.filter((d) => d.allowed).length;
    // Never more than the limit; at most one unspent batch per replica short of it.
    expect(allowed).toBeLessThanOrEqual(300);
    expect(allowed).toBeGreaterThanOrEqual(300 - 2 * a.batch);
    const refused = burst.find((d) => !d.allowed);
    expect(refused && !refused.allowed && refused.retryAfterSeconds).toBeGreaterThan(0);
    expect((await spend([a, b], 'u2', 10)).allowed).toBe(10);
  });

  it('stays exact request by request for small limits', async () => {
    const keys = prefix();
    const replicas = [new LeasedRateLimiter(redis, keys, 3), new LeasedRateLimiter(redis, keys, 3)];
    expect(await spend(replicas, 'small', 5)).toEqual({ allowed: 3, refused: 2 });
  });

  it('starts afresh in the next minute', async () => {
    let now = Date.UTC(2026, 0, 1, 12, 0, 10);
    const limiter = new LeasedRateLimiter(redis, prefix(), 2, () => now);
    expect(await spend([limiter], 'clock', 3)).toEqual({ allowed: 2, refused: 1 });
    now += 60_000;
    expect(await spend([limiter], 'clock', 2)).toEqual({ allowed: 2, refused: 0 });
  });

  it('calls Redis once per batch for a busy user, not once per request', async () => {
    const counted = new Redis(testEnv().redisUrl);
    let calls = 0;
    const evalCommand = counted.eval.bind(counted);
    counted.eval = ((...args: Parameters<typeof evalCommand>) => {
      calls += 1;
      return evalCommand(...args);
    }) as typeof counted.eval;
    try {
      const limiter = new LeasedRateLimiter(counted, prefix(), 6000);
      expect((await spend([limiter], 'busy', 1000)).allowed).toBe(1000);
      expect(calls).toBeLessThanOrEqual(Math.ceil(1000 / (limiter.batch / 2)) + 1);
    } finally {
      await counted.quit();
    }
  });
});
