// The model catalog, discovery from a provider's own model list, and GET /api/autodecide/:model:
// which enabled providers serve a model, in the order the router tries them.
import { randomBytes } from 'node:crypto';
import { startFakeLlm, type FakeLlm } from '@switchyard/fake-llm';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, buildTestApp, errorCode, signup, type SignedUp, type TestApp } from './helpers';

let cloud: FakeLlm;
let gpuBox: FakeLlm;
let t: TestApp;
let admin: SignedUp;
let member: SignedUp;

beforeAll(async () => {
  [cloud, gpuBox] = await Promise.all([startFakeLlm(), startFakeLlm({ models: ['llama3.2:3b', 'qwen2.5:32b', 'meta-llama/Llama-3.1-8B'] })]);
  t = await buildTestApp({
    ALLOW_SIGNUP: 'true',
    RATE_LIMIT_PER_MINUTE: '100000',
    PROVIDER_KEYS_SECRET: randomBytes(32).toString('hex'),
    OPENAI_API_KEY: 'sk-env-configured-key-0000',
    OPENAI_BASE_URL: cloud.openaiBaseURL,
  });
  admin = await signup(t.app);
  member = await signup(t.app);
  const add = (body: Record<string, unknown>) => request(t.app).post('/api/providers').set(bearer(admin.token)).send(body);
  // Two providers serving the same model: a cloud one first, then a local one.
  expect((await add({ id: 'cloud-mirror', kind: 'openai', local: false, baseURL: cloud.openaiBaseURL, apiKeys: ['sk-mirror-key-1111'], models: ['llama3.2:3b', 'gpt-4o-mini'] })).status).toBe(201);
  expect((await add({ id: 'gpu-box', kind: 'openai-compatible', local: true, baseURL: gpuBox.openaiBaseURL, models: ['llama3.2:3b'], prices: { 'llama3.2:3b': { inputPerMTok: 0, outputPerMTok: 0 } } })).status).toBe(201);
}, 60_000);

afterAll(async () => {
  await t?.close();
  await Promise.all([cloud?.close(), gpuBox?.close()]);
});

const as = (who: SignedUp) => bearer(who.token);
const autodecide = (model: string, query = '') => request(t.app).get(`/api/autodecide/${encodeURIComponent(model)}${query}`).set(as(member));

describe('GET /api/models', () => {
  it('lists every enabled model with its price, context window and what it can do', async () => {
    const response = await request(t.app).get('/api/models').set(as(member));
    expect(response.status).toBe(200);
    const models = response.body.models as { id: string; provider: string; local: boolean; generative: boolean; price?: unknown; contextWindow?: number; capabilities: string[] }[];
    expect(models.find((m) => m.provider === 'openai' && m.id === 'gpt-4o-mini')).toMatchObject({
      local: false,
      price: { inputPerMTok: 0.15, outputPerMTok: 0.6 },
      contextWindow: 128_000,
      capabilities: expect.arrayContaining(['generates text', 'cloud: public and internal work only']),
    });
    expect(models.find((m) => m.provider === 'local-extractive')).toMatchObject({ generative: false, local: true });
    expect(models.find((m) => m.provider === 'gpu-box')?.capabilities).toContain('runs locally: may serve confidential work');
  });
});

describe('GET /api/autodecide/:model', () => {
  it('names the providers serving a model in the order the router tries them', async () => {
    const response = await autodecide('llama3.2:3b');
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toMatchObject({ model: 'llama3.2:3b', sensitivity: 'public' });
    expect(response.body.candidates.map((c: { provider: string }) => c.provider)).toEqual(['cloud-mirror', 'gpu-box']);
    expect(response.body.candidates[1]).toMatchObject({ local: true, circuit: 'closed', price: { inputPerMTok: 0, outputPerMTok: 0 } });
  });

  it('keeps only local providers for confidential work, and a cloud-only model then has none', async () => {
    const local = await autodecide('llama3.2:3b', '?sensitivity=confidential');
    expect(local.body.candidates.map((c: { provider: string }) => c.provider)).toEqual(['gpu-box']);
    const cloudOnly = await autodecide('gpt-4.1', '?sensitivity=confidential');
    expect(cloudOnly.status).toBe(200);
    expect(cloudOnly.body.candidates).toEqual([]);
  });

  it('puts a provider the last probe could not reach behind the reachable ones', async () => {
    cloud.setBehavior({ mode: 'down' });
    try {
      const probe = await request(t.app).post('/api/providers/cloud-mirror/test').set(as(admin));
      expect(probe.body.ok).toBe(false);
      const response = await autodecide('llama3.2:3b');
      expect(response.body.candidates.map((c: { provider: string; reachable?: boolean }) => [c.provider, c.reachable])).toEqual([
        ['gpu-box', undefined],
        ['cloud-mirror', false],
      ]);
    } finally {
      cloud.reset();
      await request(t.app).post('/api/providers/cloud-mirror/test').set(as(admin));
    }
  });

  it('names one provider with provider:model, leaves disabled providers out, and answers 404 for a model nobody serves', async () => {
    expect((await autodecide('gpu-box:llama3.2:3b')).body.candidates.map((c: { provider: string }) => c.provider)).toEqual(['gpu-box']);
    await request(t.app).post('/api/providers/gpu-box/toggle').set(as(admin));
    try {
      expect((await autodecide('llama3.2:3b')).body.candidates.map((c: { provider: string }) => c.provider)).toEqual(['cloud-mirror']);
    } finally {
      await request(t.app).post('/api/providers/gpu-box/toggle').set(as(admin));
    }
    const unknown = await autodecide('no-such-model');
    expect(unknown.status).toBe(404);
    expect(errorCode(unknown)).toBe('model_not_found');
    const badQuery = await autodecide('llama3.2:3b', '?sensitivity=secret');
    expect(badQuery.status).toBe(400);
    const extra = await autodecide('llama3.2:3b', '?provider=openai');
    expect(extra.status).toBe(400);
  });
});

describe('GET /api/providers/:id/models (discovery)', () => {
  it("lists what an OpenAI-compatible server (Ollama's /v1/models) offers, marking the configured ones", async () => {
    const response = await request(t.app).get('/api/providers/gpu-box/models').set(as(admin));
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.provider).toBe('gpu-box');
    expect(response.body.models).toEqual([
      { id: 'llama3.2:3b', ownedBy: 'fake-llm', configured: true },
      { id: 'qwen2.5:32b', ownedBy: 'fake-llm', configured: false },
      { id: 'meta-llama/Llama-3.1-8B', ownedBy: 'fake-llm', configured: false },
    ]);
  });

  it('answers 502 naming the failure when the provider cannot list, 404 for an unknown provider, 403 for non-admins', async () => {
    gpuBox.setBehavior({ mode: 'error500' });
    try {
      const failing = await request(t.app).get('/api/providers/gpu-box/models').set(as(admin));
      expect(failing.status).toBe(502);
      expect(failing.body.error.message).toContain('gpu-box could not list its models');
    } finally {
      gpuBox.reset();
    }
    expect((await request(t.app).get('/api/providers/nope/models').set(as(admin))).status).toBe(404);
    expect((await request(t.app).get('/api/providers/gpu-box/models').set(as(member))).status).toBe(403);
  });

  it('a discovered model can be added to the provider and then serves', async () => {
    const patched = await request(t.app).patch('/api/providers/gpu-box').set(as(admin)).send({ models: ['llama3.2:3b', 'qwen2.5:32b'] });
    expect(patched.status).toBe(200);
    expect((await autodecide('qwen2.5:32b')).body.candidates.map((c: { provider: string }) => c.provider)).toEqual(['gpu-box']);
    const chat = await request(t.app)
      .post('/v1/chat/completions')
      .set(as(member))
      .send({ model: 'qwen2.5:32b', messages: [{ role: 'user', content: 'hello from the gpu box' }] });
    expect(chat.status).toBe(200);
    expect(gpuBox.requests.some((r) => r.method === 'POST' && (r.body as { model?: string }).model === 'qwen2.5:32b')).toBe(true);
  });
});
