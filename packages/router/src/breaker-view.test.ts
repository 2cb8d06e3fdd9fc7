// A healthy provider is called without a round trip to the shared store (an aged view is read
// again in the background, never waited for), its success is written in the background, and
// trouble — here or on another replica — goes back to the store.
import { describe, expect, it } from 'vitest';
import { InMemoryBreakerStore, type BreakerStore } from './breaker-store';
import { FreshViewBreakerStore } from './breaker-view';

const flushPromises = () => new Promise((resolve) => setImmediate(resolve));
const settings = { failureThreshold: 1, cooldownMs: 30_000, trialLeaseMs: 5_000 };

/** The shared store, counting the acquires and successes that reach it. */
function counted(inner: BreakerStore): { store: BreakerStore; acquires: () => number; successes: () => number; reads: () => number } {
  let acquires = 0;
  let successes = 0;
  let reads = 0;
  const store = Object.create(inner) as BreakerStore;
  store.read = (...args) => {
    reads += 1;
    return inner.read(...args);
  };
  store.acquire = (...args) => {
    acquires += 1;
    return inner.acquire(...args);
  };
  store.success = (...args) => {
    successes += 1;
    return inner.success(...args);
  };
  return { store, acquires: () => acquires, successes: () => successes, reads: () => reads };
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
    // Aged: the call goes ahead at once, and one read (not one per call) renews the view.
    now += 1000;
    expect((await view.acquire('p', now, settings)).allowed).toBe(true);
    expect((await view.acquire('p', now, settings)).allowed).toBe(true);
    await flushPromises();
    expect(shared.acquires()).toBe(1);
    expect(shared.reads()).toBe(1);
    now += 500;
    await view.acquire('p', now, settings);
    expect(shared.reads()).toBe(1);
  });

  it('gives the view up when it could not be renewed for five periods', async () => {
    let now = 1_500_000;
    const shared = counted(new InMemoryBreakerStore());
    shared.store.read = () => Promise.reject(new Error('redis is down'));
    const errors: unknown[] = [];
    const view = new FreshViewBreakerStore(shared.store, 1000, () => now, (error) => errors.push(error));
    await view.acquire('p', now, settings);
    now += 4999;
    await view.acquire('p', now, settings);
    await flushPromises();
    expect(errors).toHaveLength(1);
    expect(shared.acquires()).toBe(1);
    now += 1;
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
    // A's view is fresh for up to a second; the first call after that goes ahead while the view
    // is read again, and the next one sees the open circuit.
    now += 1001;
    expect((await replicaA.acquire('p', now, settings)).allowed).toBe(true);
    await flushPromises();
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
