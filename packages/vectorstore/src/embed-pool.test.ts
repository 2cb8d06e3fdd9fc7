import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbedderPool } from './embed-pool';
import { LocalEmbedder } from './embedders';

const cosine = (a: number[], b: number[]) => a.reduce((sum, x, i) => sum + x * (b[i] ?? 0), 0) / (Math.hypot(...a) * Math.hypot(...b));

const topics = ['invoices and refunds', 'laptop rollout', 'the zephyr handshake on port 4711', 'holiday rota', 'a kitten on the rug', 'database failover drill'];
const texts = Array.from({ length: 37 }, (_, i) => `Note ${i} is about ${topics[i % topics.length]}; it was written on day ${i * 3} of the quarter.`);

describe('EmbedderPool', () => {
  let pool: EmbedderPool;
  let single: LocalEmbedder;
  beforeAll(async () => {
    [pool, single] = await Promise.all([EmbedderPool.create({ threads: 2, batchSize: 8 }), LocalEmbedder.create({ batchSize: 8 })]);
  }, 120_000);
  afterAll(() => pool?.close());

  it('gives the very vectors of the single-threaded embedder, one per text and in order, under its id', async () => {
    const [fromPool, fromSingle] = await Promise.all([pool.embed(texts), single.embed(texts)]);
    expect(pool).toMatchObject({ id: single.id, dimensions: 512, threads: 2 });
    expect(fromPool).toHaveLength(texts.length);
    fromPool.forEach((vector, i) => expect(cosine(vector, fromSingle[i]!)).toBeGreaterThan(0.9999));
    expect(await pool.embed([])).toEqual([]);
  });

  it('gives each of several calls made at the same time its own vectors in order (the worker embeds two documents at a time)', async () => {
    const calls = [texts, texts.slice(3, 20), texts.slice(20), texts.slice(0, 1)];
    const [fromPool, fromSingle] = await Promise.all([Promise.all(calls.map((call) => pool.embed(call))), Promise.all(calls.map((call) => single.embed(call)))]);
    calls.forEach((call, c) => {
      expect(fromPool[c]).toHaveLength(call.length);
      fromPool[c]!.forEach((vector, i) => expect(cosine(vector, fromSingle[c]![i]!)).toBeGreaterThan(0.9999));
    });
  });

  it('embeds on its threads, leaving the calling thread idle, and reports what each thread holds', async () => {
    const before = performance.eventLoopUtilization();
    await Promise.all([pool.embed(texts), pool.embed(texts.slice(5)), pool.embed(texts.slice(11))]);
    const busy = performance.eventLoopUtilization(before);
    // The same work on this thread keeps its event loop busy nearly all the time.
    const started = performance.eventLoopUtilization();
    await single.embed(texts);
    const busyInThread = performance.eventLoopUtilization(started);
    expect(busyInThread.utilization).toBeGreaterThan(0.8);
    expect(busy.utilization).toBeLessThan(0.3);

    const memory = pool.memoryByThread();
    expect(memory.map((thread) => thread.threadId)).toHaveLength(2);
    for (const thread of memory) {
      // A model copy: tens of MB of heap and its WebAssembly memory outside the heap.
      expect(thread.heapUsedBytes).toBeGreaterThan(5 * 1024 * 1024);
      expect(thread.externalBytes).toBeGreaterThan(20 * 1024 * 1024);
    }
  });

  it('refuses work once closed instead of hanging', async () => {
    const closing = await EmbedderPool.create({ threads: 1 });
    expect(await closing.embed(['still open'])).toHaveLength(1);
    await closing.close();
    await expect(closing.embed(['too late'])).rejects.toThrow();
  }, 60_000);
});
