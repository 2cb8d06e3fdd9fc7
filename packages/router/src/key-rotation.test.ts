// Several keys per provider against the fake server (official SDKs, real 401/429 responses).
import { startFakeLlm, type FakeLlm } from '@switchyard/fake-llm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { InMemoryBreakerStore } from './breaker-store';
import { RouterError } from './errors';
import { createRouter } from './router';
import type { RouteDecision } from './types';

let fake: FakeLlm;
beforeAll(async () => {
  fake = await startFakeLlm();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => fake.reset());

const KEYS = ['sk-first-key-aaaa', 'sk-second-key-bbbb', 'sk-third-key-cccc'];
const kinds = ['openai', 'anthropic'] as const;

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
const usedKeys = () => fake.requests.filter((r) => r.method === 'POST').map((r) => r.keyLastFour);

function routerFor(kind: (typeof kinds)[number], deps: { now?: () => number; store?: InMemoryBreakerStore } = {}, activeKey = 0) {
  return createRouter(
    {
      providers: [
        {
          id: 'cloud',
          kind,
          local: false,
          apiKeys: KEYS,
          activeKey,
          baseURL: kind === 'openai' ? fake.openaiBaseURL : fake.anthropicBaseURL,
          models: ['fake-small'],
        },
      ],
      timeoutMs: 2000,
      keyCooldown: { unauthorizedMs: 600_000, rateLimitedMs: 60_000 },
    },
    deps,
  );
}

describe.each(kinds)('%s provider with several keys', (kind) => {
  it('uses the keys round-robin while none is refused', async () => {
    const router = routerFor(kind);
    for (let i = 0; i < 4; i++) await router.chat(decision, ask(`question ${i}`));
    expect(usedKeys()).toEqual(['aaaa', 'bbbb', 'cccc', 'aaaa']);
  });

  it('starts from the active key (what roll-key moves)', async () => {
    const router = routerFor(kind, {}, 1);
    await router.chat(decision, ask('q'));
    expect(usedKeys()).toEqual(['bbbb']);
    expect(router.health()[0]?.keys?.map((k) => k.next)).toEqual([false, false, true]);
  });

  it('moves to the next key on a 401, rests the refused key, and keeps skipping it', async () => {
    let now = 1_000_000;
    const router = routerFor(kind, { now: () => now });
    fake.setKeyFault(KEYS[0]!, { status: 401 });
    const result = await router.chat(decision, ask('first'));
    expect(result.text).toBe('Echo: first');
    expect(usedKeys()).toEqual(['aaaa', 'bbbb']);
    expect(result.route.reasons.join(' ')).toContain('refused (401) key …aaaa; it rests 600 s and the next key is tried');
    expect(result.attempts.map((a) => a.ok)).toEqual([false, true]);

    for (let i = 0; i < 3; i++) await router.chat(decision, ask(`again ${i}`));
    expect(usedKeys()).toEqual(['aaaa', 'bbbb', 'cccc', 'bbbb', 'cccc']);
    const health = router.health()[0]!;
    expect(health.circuit).toBe('closed');
    expect(health.keys?.[0]?.restingUntil).toBe(new Date(1_000_000 + 600_000).toISOString());
    expect(health.recentErrors?.[0]?.message).toBe('key …aaaa refused (401); resting 600 s');

    // After the cooldown the key is tried again (it may have been fixed upstream).
    fake.setKeyFault(KEYS[0]!, undefined);
    now += 600_001;
    fake.reset();
    for (let i = 0; i < 3; i++) await router.chat(decision, ask(`later ${i}`));
    expect(usedKeys()).toContain('aaaa');
  });

  it("moves to the next key on a 429 at once, resting that key for its Retry-After", async () => {
    const now = 5_000_000;
    const router = routerFor(kind, { now: () => now });
    fake.setKeyFault(KEYS[0]!, { status: 429, retryAfterSeconds: 30 });
    const result = await router.chat(decision, ask('busy'));
    expect(result.text).toBe('Echo: busy');
    expect(usedKeys()).toEqual(['aaaa', 'bbbb']);
    expect(result.route.reasons.join(' ')).toContain('rate limited (429) key …aaaa; it rests 30 s');
    expect(router.health()[0]?.keys?.[0]?.restingUntil).toBe(new Date(now + 30_000).toISOString());
  });

  it('fails with a Retry-After when every key is refused, and counts it against the circuit', async () => {
    const router = routerFor(kind, { now: () => 1_000 });
    for (const key of KEYS) fake.setKeyFault(key, { status: 429, retryAfterSeconds: 20 });
    const error = (await router.chat(decision, ask('nobody home')).catch((e: unknown) => e)) as RouterError;
    expect(error).toBeInstanceOf(RouterError);
    expect(error.code).toBe('all_providers_failed');
    expect(error.retryAfterSeconds).toBe(20);
    expect(error.message).toContain('every key of cloud was refused');
    expect(usedKeys()).toEqual(['aaaa', 'bbbb', 'cccc']);
    expect(router.health()[0]?.consecutiveFailures).toBe(1);
  });
});

describe('key cooldowns shared through one store', () => {
  it('a key refused through one router is skipped by another router on the same store', async () => {
    const store = new InMemoryBreakerStore();
    const first = routerFor('openai', { store, now: () => 1_000 });
    const second = routerFor('openai', { store, now: () => 1_000 });
    fake.setKeyFault(KEYS[0]!, { status: 401 });
    await first.chat(decision, ask('one'));
    fake.reset();
    await second.chat(decision, ask('two'));
    expect(usedKeys()).toEqual(['bbbb']);
  });
});
