// A healthy provider is called without a round trip to the shared store, its success is written
// in the background, and trouble — here or on another replica — goes back to the store.
import { describe, expect, it } from 'vitest';
import { InMemoryBreakerStore, type BreakerStore } from './breaker-store';
import { FreshViewBreakerStore } from './breaker-view';

const settings = { failureThreshold: 1, cooldownMs: 30_000, trialLeaseMs: 5_000 };

/** The shared store, counting the acquires and successes that reach it. */
function counted(inner: BreakerStore): { store: BreakerStore; acquires: () => number; successes: () => number } {
  let acquires = 0;
  let successes = 0;
  const store = Object.create(inner) as BreakerStore;
  store.acquire = (...args) => {
    acquires += 1;
    return inner.acquire(...args);
  };
  store.success = (...args) => {
    successes += 1;
    return inner.success(...args);
  };
  return { store, acquires: () => acquires, successes: () => successes };
}

describe('FreshViewBreakerStore', () => {
  it('asks the shared store once per fresh period for a healthy provider', async () => {
    let now = 1_000_000;
    const shared = counted(new InMemoryBreakerStore());
    const view = new FreshViewBreakerStore(shared.store, 1000, () => now);
    for (let i = 0; i < 20; i++) {
      expect((await view.acquire('p', now, settings)).allowed).toBe(true);
      await view.success('p', 5);
      now += 10;
    }
    expect(shared.acquires()).toBe(1);
    expect(shared.successes()).toBe(1);
    now += 1000;
    await view.acquire('p', now, settings);
    expect(shared.acquires()).toBe(2);
  });

  it('sees a circuit another replica opened once its view is stale, and goes to the store after a failure of its own', async () => {
    let now = 2_000_000;
    const redisLike = new InMemoryBreakerStore();
    const shared = counted(redisLike);
    const replicaA = new FreshViewBreakerStore(shared.store, 1000, () => now);
    const replicaB = new FreshViewBreakerStore(redisLike, 1000, () => now);
    expect((await replicaA.acquire('p', now, settings)).allowed).toBe(true);
    // Replica B's call fails: the shared circuit opens.
    await replicaB.acquire('p', now, settings);
    await replicaB.failure('p', now, settings, { holdMs: 0, error: 'upstream error 500', latencyMs: 3 });
    expect((await replicaB.acquire('p', now, settings)).allowed).toBe(false);
    // A's view is fresh for up to a second, then it sees the open circuit.
    now += 1001;
    expect((await replicaA.acquire('p', now, settings)).allowed).toBe(false);
    // Its own failures always reach the store, and end the shortcut.
    await replicaA.failure('p', now, settings, { holdMs: 0, error: 'again', latencyMs: 1 });
    const before = shared.acquires();
    await replicaA.acquire('p', now + 1, settings);
    expect(shared.acquires()).toBe(before + 1);
  });

  it('does not take the shortcut while a key rests', async () => {
    const now = 3_000_000;
    const shared = counted(new InMemoryBreakerStore());
    const view = new FreshViewBreakerStore(shared.store, 1000, () => now);
    await view.coolKey('p', 'k1', now + 60_000, { at: now, message: 'key …0001 refused (401)' });
    await view.acquire('p', now, settings);
    await view.acquire('p', now + 1, settings);
    expect(shared.acquires()).toBe(2);
  });
});
