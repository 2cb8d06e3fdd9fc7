// The local encoder embeds search and chat queries on threads of its own (API_EMBED_THREADS,
// composition.ts), so a batch of uncached queries does not stall the API: other requests are
// answered and timers fire while it is embedded. The control is the same app with the encoder
// on the event loop (what the API did before), which keeps the loop busy the whole time.
import { performance } from 'node:perf_hooks';
import { EmbedderPool, LocalEmbedder } from '@switchyard/vectorstore';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, buildTestApp, signup, type SignedUp, type TestApp } from './helpers';

async function indexChunks(t: TestApp, ownerId: string, texts: string[]): Promise<void> {
  const doc = await t.ctx.documents.create({ ownerId, title: 'Handbook', filename: 'handbook.txt', mime: 'text/plain', size: 1, blobKey: 'c'.repeat(64) });
  const vectors = await t.ctx.embedder.embed(texts);
  await t.ctx.store.upsert(
    texts.map((text, chunkIndex) => ({ documentId: doc.id, ownerId, title: 'Handbook', chunkIndex, text, start: 0, end: text.length, sensitivity: 'public' as const, version: 'v1' })),
    vectors,
  );
}

// Long, all different: none is in the query cache, and each takes the encoder a while.
const queries = (run: string) =>
  Array.from({ length: 16 }, (_, i) => `${run} question ${i}: ` + `how many vacation days does an employee in team ${i} get after ${i + 2} years, and who approves them? `.repeat(6));

interface Observed {
  /** The event loop's busy share while the batch of searches was embedded and answered. */
  utilization: number;
  /** The longest a 5 ms timer waited past its time during the batch. */
  longestTimerDelayMs: number;
  /** How long GET /live took when sent in the middle of the batch (after its first answer). */
  liveMs: number;
  batchMs: number;
}

async function searchBatchWhileProbing(t: TestApp, user: SignedUp, run: string): Promise<Observed> {
  // One search first, outside the measure: the first search of an app also opens its
  // collection and loads modules lazily, and under load that can take longer than the whole
  // batch's embedding, so every search would then be answered at once, after the probe's turn.
  const warm = await request(t.app).post('/api/search').set(bearer(user.token)).send({ query: `${run} warm-up`, limit: 1 });
  expect(warm.status).toBe(200);
  let longestTimerDelayMs = 0;
  let expected = performance.now() + 5;
  const timer = setInterval(() => {
    const now = performance.now();
    longestTimerDelayMs = Math.max(longestTimerDelayMs, now - expected);
    expected = now + 5;
  }, 5);
  const before = performance.eventLoopUtilization();
  const started = performance.now();
  try {
    const searches = queries(run).map((query) => request(t.app).post('/api/search').set(bearer(user.token)).send({ query, limit: 3 }).then((response) => response));
    const batch = Promise.all(searches);
    let batchDone = false;
    void batch.finally(() => (batchDone = true));
    // Once the first search is answered the others are queued for the encoder: probe then.
    await Promise.race(searches);
    const liveStarted = performance.now();
    const live = await request(t.app).get('/live');
    const liveMs = performance.now() - liveStarted;
    expect(live.status).toBe(200);
    expect(batchDone, 'the probe was answered while the searches were still being embedded').toBe(false);
    const responses = await batch;
    for (const response of responses) expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(responses[0]?.body.hits[0]?.text).toContain('vacation');
    return { utilization: performance.eventLoopUtilization(before).utilization, longestTimerDelayMs, liveMs, batchMs: performance.now() - started };
  } finally {
    clearInterval(timer);
  }
}

describe('query embedding off the event loop', () => {
  let threaded: TestApp;
  let inLoop: TestApp;
  let alice: SignedUp;
  let bob: SignedUp;
  const handbook = ['Every employee gets 25 vacation days a year; the team lead approves them.', 'Expense reports are due on the fifth of each month.'];

  beforeAll(async () => {
    [threaded, inLoop] = await Promise.all([buildTestApp({ ALLOW_SIGNUP: 'true' }), LocalEmbedder.create().then((embedder) => buildTestApp({ ALLOW_SIGNUP: 'true' }, { embedder }))]);
    [alice, bob] = await Promise.all([signup(threaded.app), signup(inLoop.app)]);
    await Promise.all([indexChunks(threaded, alice.user.id, handbook), indexChunks(inLoop, bob.user.id, handbook)]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([threaded?.close(), inLoop?.close()]);
  });

  it('builds the local query embedder as one thread by default, and reports what it holds', () => {
    expect(threaded.ctx.embedder).toBeInstanceOf(EmbedderPool);
    const pool = threaded.ctx.embedder as EmbedderPool;
    expect(pool.threads).toBe(1);
    const [thread] = pool.memoryByThread();
    // A model copy: its heap and its WebAssembly memory outside the heap.
    expect(thread?.heapUsedBytes).toBeGreaterThan(5 * 1024 * 1024);
    expect(thread?.externalBytes).toBeGreaterThan(20 * 1024 * 1024);
  });

  it('keeps answering other requests and firing timers while a batch of uncached queries is embedded', async () => {
    const offLoop = await searchBatchWhileProbing(threaded, alice, 'threaded');
    const onLoop = await searchBatchWhileProbing(inLoop, bob, 'in-loop');
    console.log(JSON.stringify({ offLoop, onLoop, memoryByThread: (threaded.ctx.embedder as EmbedderPool).memoryByThread() }));
    // The control: the encoder on the event loop keeps it busy nearly all the batch long.
    expect(onLoop.utilization).toBeGreaterThan(0.7);
    // On threads, the loop only moves requests and vectors: mostly idle, timers on time.
    expect(offLoop.utilization).toBeLessThan(0.5);
    expect(offLoop.longestTimerDelayMs).toBeLessThan(onLoop.longestTimerDelayMs);
    expect(offLoop.liveMs).toBeLessThan(offLoop.batchMs / 2);
  }, 120_000);

  it('refuses API_EMBED_THREADS that are not a small positive count, or with the OpenAI embedder', async () => {
    const { parseEnv } = await import('../src/env');
    expect(parseEnv({ API_EMBED_THREADS: '2' }).API_EMBED_THREADS).toBe(2);
    for (const bad of ['0', '-1', '1.5', 'many', '65']) expect(() => parseEnv({ API_EMBED_THREADS: bad })).toThrow(/^invalid environment variable API_EMBED_THREADS: /);
    expect(() => parseEnv({ EMBEDDER: 'openai', OPENAI_API_KEY: 'sk-test', API_EMBED_THREADS: '2' })).toThrow(/API_EMBED_THREADS: applies to EMBEDDER=local only/);
  });
});
