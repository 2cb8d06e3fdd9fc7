// The Redis BreakerStore against the real Redis: it must make exactly the transitions of the
// router's in-memory store (the Lua scripts mirror the TypeScript), and two routers on one Redis
// must share one circuit per provider and the same resting keys.
import { startFakeLlm, type FakeLlm } from '@switchyard/fake-llm';
import {
  CLOSED_CIRCUIT,
  InMemoryBreakerStore,
  createRouter,
  type BreakerSettings,
  type BreakerStore,
  type ProviderHealthRecord,
  type RouteDecision,
} from '@switchyard/router';
import { testEnv, uniqueId } from '@switchyard/testing';
import fc from 'fast-check';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RedisBreakerStore } from '../src/services/redis-breaker-store';

let redis: Redis;
let fake: FakeLlm;
beforeAll(async () => {
  redis = new Redis(testEnv().redisUrl);
  fake = await startFakeLlm();
});
afterAll(async () => {
  await redis.quit();
  await fake.close();
});
beforeEach(() => fake.reset());

const settings: BreakerSettings = { failureThreshold: 3, cooldownMs: 1_000, trialLeaseMs: 500 };

type Op =
  | { op: 'acquire'; advance: number }
  | { op: 'success'; advance: number; latency: number }
  | { op: 'failure'; advance: number; hold: number; latency: number }
  | { op: 'release'; advance: number }
  | { op: 'coolKey'; advance: number; key: string; rest: number }
  | { op: 'probe'; advance: number; ok: boolean };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('acquire' as const), advance: fc.integer({ min: 0, max: 700 }) }),
  fc.record({ op: fc.constant('success' as const), advance: fc.integer({ min: 0, max: 700 }), latency: fc.integer({ min: 0, max: 5000 }) }),
  fc.record({
    op: fc.constant('failure' as const),
    advance: fc.integer({ min: 0, max: 700 }),
    hold: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3000 })),
    latency: fc.integer({ min: 0, max: 5000 }),
  }),
  fc.record({ op: fc.constant('release' as const), advance: fc.integer({ min: 0, max: 700 }) }),
  fc.record({ op: fc.constant('coolKey' as const), advance: fc.integer({ min: 0, max: 700 }), key: fc.constantFrom('k1', 'k2'), rest: fc.integer({ min: 1, max: 5000 }) }),
  fc.record({ op: fc.constant('probe' as const), advance: fc.integer({ min: 0, max: 700 }), ok: fc.boolean() }),
);

async function apply(store: BreakerStore, id: string, op: Op, now: number): Promise<unknown> {
  switch (op.op) {
    case 'acquire':
      return store.acquire(id, now, settings);
    case 'success':
      return store.success(id, op.latency);
    case 'failure':
      return store.failure(id, now, settings, { holdMs: op.hold, error: `upstream error 500 at ${now}`, latencyMs: op.latency });
    case 'release':
      return store.release(id);
    case 'coolKey':
      return store.coolKey(id, op.key, now + op.rest, { at: now, message: `key …${op.key} refused` });
    case 'probe':
      return store.recordProbe(id, { ok: op.ok, at: now, latencyMs: 12, ...(op.ok ? {} : { error: 'connection refused' }) });
  }
}

/** A provider nothing happened to reads as a closed circuit in either store. */
const normalize = (record: ProviderHealthRecord | undefined) => record ?? { circuit: CLOSED_CIRCUIT, recentErrors: [], keyCooldowns: {} };

describe('RedisBreakerStore', () => {
  it('makes exactly the transitions of the in-memory store, whatever the sequence', async () => {
    const prefix = `${testEnv().keyPrefix}${uniqueId('breaker')}:`;
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 30 }), async (ops) => {
        const id = uniqueId('p');
        const shared = new RedisBreakerStore(redis, prefix);
        const local = new InMemoryBreakerStore();
        let now = 1_700_000_000_000;
        for (const op of ops) {
          now += op.advance;
          expect(await apply(shared, id, op, now), JSON.stringify(op)).toEqual(await apply(local, id, op, now));
        }
        const [fromRedis, fromMemory] = await Promise.all([shared.read([id]), local.read([id])]);
        expect(normalize(fromRedis.get(id))).toEqual(normalize(fromMemory.get(id)));
      }),
      { numRuns: 60 },
    );
  });

  it('forgets a provider entirely', async () => {
    const store = new RedisBreakerStore(redis, `${testEnv().keyPrefix}${uniqueId('breaker')}:`);
    await store.failure('gone', 1_000, settings, { holdMs: 0, error: 'boom', latencyMs: 3 });
    await store.coolKey('gone', 'k1', 9_000, { at: 1_000, message: 'key …k1 refused' });
    expect((await store.read(['gone'])).size).toBe(1);
    await store.forget('gone');
    expect((await store.read(['gone'])).size).toBe(0);
  });
});

describe('two routers on one Redis (two API replicas)', () => {
  const decision: RouteDecision = {
    sensitivity: 'public',
    complexity: 'simple',
    tier: 'cheap',
    provider: 'cloud',
    model: 'fake-small',
    chain: [{ provider: 'cloud', model: 'fake-small' }],
    reasons: [],
  };
  const ask = (content: string) => ({ messages: [{ role: 'user' as const, content }] });
  const config = (keys: string[]) => ({
    providers: [{ id: 'cloud', kind: 'openai', local: false, apiKeys: keys, baseURL: fake.openaiBaseURL, models: ['fake-small'] }],
    timeoutMs: 2000,
    circuit: { failureThreshold: 2, cooldownMs: 60_000 },
  });

  it('share one circuit: failures seen by one replica stop calls from the other', async () => {
    const prefix = `${testEnv().keyPrefix}${uniqueId('replicas')}:`;
    const first = createRouter(config(['sk-only-key-0001']), { store: new RedisBreakerStore(redis, prefix) });
    const second = createRouter(config(['sk-only-key-0001']), { store: new RedisBreakerStore(redis, prefix) });
    fake.setBehavior({ mode: 'error500' });
    await expect(first.chat(decision, ask('a'))).rejects.toThrow();
    await expect(first.chat(decision, ask('b'))).rejects.toThrow();
    expect(fake.requests).toHaveLength(2);

    fake.setBehavior({ mode: 'ok' });
    const skipped = await second.chat(decision, ask('c')).catch((error: unknown) => error as Error);
    expect((skipped as Error).message).toContain('circuit open');
    expect(fake.requests).toHaveLength(2);
    const seen = (await second.refreshHealth()).find((p) => p.id === 'cloud');
    expect(seen).toMatchObject({ circuit: 'open', consecutiveFailures: 2, lastError: expect.stringContaining('upstream error 500') });
  });

  it('share resting keys: a key refused through one replica is not used by the other', async () => {
    const prefix = `${testEnv().keyPrefix}${uniqueId('replicas')}:`;
    const keys = ['sk-first-key-aaaa', 'sk-second-key-bbbb'];
    const first = createRouter(config(keys), { store: new RedisBreakerStore(redis, prefix) });
    const second = createRouter(config(keys), { store: new RedisBreakerStore(redis, prefix) });
    fake.setKeyFault(keys[0]!, { status: 401 });
    expect((await first.chat(decision, ask('one'))).text).toBe('Echo: one');
    fake.reset();
    for (let i = 0; i < 3; i++) await second.chat(decision, ask(`two ${i}`));
    expect(fake.requests.map((r) => r.keyLastFour)).toEqual(['bbbb', 'bbbb', 'bbbb']);
  });
});
