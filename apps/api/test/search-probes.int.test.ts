import { beat, personalCollectionId } from '@switchyard/documents';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app';
import { operations } from '../src/openapi';
import { bearer, buildTestApp, errorCode, signup, type SignedUp, type TestApp } from './helpers';

async function indexChunks(t: TestApp, ownerId: string, title: string, texts: string[]): Promise<string> {
  const doc = await t.ctx.documents.create({ ownerId, title, filename: `${title}.txt`, mime: 'text/plain', size: 1, blobKey: 'c'.repeat(64) });
  const vectors = await t.ctx.embedder.embed(texts);
  await t.ctx.store.upsert(
    texts.map((text, chunkIndex) => ({ documentId: doc.id, ownerId, title, chunkIndex, text, start: 0, end: text.length, sensitivity: 'public' as const, version: 'v1' })),
    vectors,
  );
  return doc.id;
}

describe('search, providers and probes', () => {
  let t: TestApp;
  let alice: SignedUp;
  let bob: SignedUp;
  let aliceDoc: string;
  let bobDoc: string;

  beforeAll(async () => {
    t = await buildTestApp({ ALLOW_SIGNUP: 'true', METRICS_TOKEN: 'metrics-token-for-tests-0123456789' });
    alice = await signup(t.app);
    bob = await signup(t.app);
    aliceDoc = await indexChunks(t, alice.user.id, 'Garden', ['Tomatoes need full sun and regular watering.', 'Prune roses in late winter.']);
    bobDoc = await indexChunks(t, bob.user.id, 'Secrets', ['Bob keeps the tomato seed vault code here.']);
  });
  afterAll(() => t.close());

  it("finds the caller's chunks by meaning and never another user's", async () => {
    const response = await request(t.app).post('/api/search').set(bearer(alice.token)).send({ query: 'how much sun do tomatoes need', limit: 5 });
    expect(response.status).toBe(200);
    expect(response.body.hits[0]).toMatchObject({ documentId: aliceDoc, title: 'Garden', chunkIndex: 0 });
    expect(response.body.hits[0].text).toContain('full sun');
    expect(typeof response.body.tookMs).toBe('number');
    expect(response.body.hits.map((h: { documentId: string }) => h.documentId)).not.toContain(bobDoc);

    const scoped = await request(t.app).post('/api/search').set(bearer(alice.token)).send({ query: 'roses', documentIds: [aliceDoc] });
    expect(scoped.body.hits.every((h: { documentId: string }) => h.documentId === aliceDoc)).toBe(true);
  });

  it("answers 404 when documentIds name another user's document, 400 for bad input", async () => {
    const foreign = await request(t.app).post('/api/search').set(bearer(alice.token)).send({ query: 'seed vault', documentIds: [aliceDoc, bobDoc] });
    expect(foreign.status).toBe(404);
    expect(errorCode(foreign)).toBe('document_not_found');
    for (const body of [{}, { query: '' }, { query: 'x', limit: 500 }, { query: 7 }, { query: 'x', documentIds: 'all' }]) {
      const response = await request(t.app).post('/api/search').set(bearer(alice.token)).send(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(errorCode(response)).toBe('invalid_request');
    }
  });

  it('lists providers for everyone and tests them for admins only', async () => {
    const providers = await request(t.app).get('/api/providers').set(bearer(bob.token));
    expect(providers.status).toBe(200);
    expect(providers.body.providers.map((p: { id: string }) => p.id)).toContain('local-extractive');
    expect((await request(t.app).post('/api/providers/local-extractive/test').set(bearer(bob.token))).status).toBe(403);
    const tested = await request(t.app).post('/api/providers/local-extractive/test').set(bearer(alice.token));
    expect(tested.status).toBe(200);
    expect(tested.body.ok).toBe(true);
    const unknown = await request(t.app).post('/api/providers/nope/test').set(bearer(alice.token));
    expect(unknown.status).toBe(404);
    expect(errorCode(unknown)).toBe('provider_not_found');
  });

  it('reports health and liveness without auth, and readiness naming the missing worker', async () => {
    const health = await request(t.app).get('/health');
    expect(health.body).toMatchObject({ status: 'ok', version: t.env.APP_VERSION });
    expect((await request(t.app).get('/live')).status).toBe(200);
    const notReady = await request(t.app).get('/ready');
    expect(notReady.status).toBe(503);
    expect(notReady.body.error.details.down).toEqual(['worker']);
    expect(notReady.body.error.message).toContain('worker');
    await beat(t.ctx.redis, t.env.REDIS_PREFIX, 'worker-under-test');
    const ready = await request(t.app).get('/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.checks).toEqual({ redis: true, chroma: true, worker: true });
  });

  it('exposes Prometheus metrics with request durations by route', async () => {
    await request(t.app).get('/api/documents').set(bearer(alice.token));
    const metrics = await request(t.app).get('/metrics').set(bearer('metrics-token-for-tests-0123456789'));
    expect(metrics.status).toBe(200);
    expect(metrics.text).toContain('process_cpu_user_seconds_total');
    expect(metrics.text).toMatch(/http_request_duration_seconds_count\{method="GET",route="\/api\/documents\/",status="200"\} \d+/);
  });

  it('serves an OpenAPI 3.1 document covering every route, and Swagger UI', async () => {
    const doc = await request(t.app).get('/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toBe('3.1.0');
    for (const op of operations) {
      expect(doc.body.paths[op.path]?.[op.method], `${op.method} ${op.path}`).toBeDefined();
    }
    expect(doc.body.paths['/api/search'].post.requestBody.content['application/json'].schema).toBeDefined();
    expect(Object.keys(doc.body.paths['/api/documents'].post.requestBody.content).sort()).toEqual(['application/json', 'multipart/form-data']);
    expect(doc.body.paths['/api/documents/{id}'].delete.responses['404'].content['application/json'].schema.$ref).toBe('#/components/schemas/Error');
    expect(doc.body.components.schemas.Document.properties.status.enum).toEqual(['queued', 'processing', 'ready', 'failed']);
    const ui = await request(t.app).get('/docs/');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger-ui');
  });

  it('answers 503 vector_store_unavailable when Chroma is unreachable, and /ready names chroma', async () => {
    const down = await buildTestApp({ ALLOW_SIGNUP: 'true', CHROMA_URL: 'http://127.0.0.1:9' }, { embedder: t.ctx.embedder });
    try {
      const user = await signup(down.app);
      // The user's collection has an index to search (a collection with none is answered without Chroma).
      await down.ctx.collections.repo.claimServingIndex(personalCollectionId(user.user.id), { embedder: t.ctx.embedder.id, dimensions: t.ctx.embedder.dimensions });
      const response = await request(down.app).post('/api/search').set(bearer(user.token)).send({ query: 'anything' });
      expect(response.status).toBe(503);
      expect(errorCode(response)).toBe('vector_store_unavailable');
      expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
      const ready = await request(down.app).get('/ready');
      expect(ready.body.error.details.down).toContain('chroma');
    } finally {
      await down.close();
    }
  });

  it('answers 503 redis_unavailable (never 500) while Redis is down', async () => {
    const down = await buildTestApp({ ALLOW_SIGNUP: 'true' }, { embedder: t.ctx.embedder });
    const user = await signup(down.app);
    const app = createApp(down.ctx);
    down.ctx.redis.disconnect();
    try {
      for (const call of [
        request(app).get('/api/documents').set(bearer(user.token)),
        request(app).post('/api/auth/login').send({ email: user.user.email, password: 'correct horse battery' }),
        request(app).post('/api/documents').set(bearer(user.token)).send({ title: 't', text: 'x' }),
      ]) {
        const response = await call;
        expect(response.status).toBe(503);
        expect(errorCode(response)).toBe('redis_unavailable');
        expect(response.headers['retry-after']).toBeDefined();
      }
      const ready = await request(app).get('/ready');
      expect(ready.status).toBe(503);
      expect(ready.body.error.details.down).toEqual(expect.arrayContaining(['redis', 'worker']));
    } finally {
      await down.close();
    }
  });
});
