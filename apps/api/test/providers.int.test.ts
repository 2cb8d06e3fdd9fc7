// Providers operated at run time through the API: admins add, change, toggle, roll keys, test and
// delete; everyone else gets 403; keys are stored encrypted and shown by their last four
// characters only; changes reach another replica on the same Redis; stored keys the secret
// cannot open stop the API from starting.
import { randomBytes } from 'node:crypto';
import { startFakeLlm, type FakeLlm } from '@switchyard/fake-llm';
import { uniqueId } from '@switchyard/testing';
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createServices } from '../src/composition';
import { bearer, buildTestApp, errorCode, signup, waitFor, type SignedUp, type TestApp } from './helpers';

let fake: FakeLlm;
let t: TestApp;
let admin: SignedUp;
let member: SignedUp;
const secret = randomBytes(32).toString('hex');

const KEY_A = 'sk-runtime-first-key-7a1c';
const KEY_B = 'sk-runtime-second-key-9b2d';

beforeAll(async () => {
  fake = await startFakeLlm();
  t = await buildTestApp({
    ALLOW_SIGNUP: 'true',
    RATE_LIMIT_PER_MINUTE: '100000',
    PROVIDER_KEYS_SECRET: secret,
    OPENAI_API_KEY: 'sk-env-configured-key-0000',
    OPENAI_BASE_URL: fake.openaiBaseURL,
  });
  admin = await signup(t.app);
  member = await signup(t.app);
}, 60_000);

afterAll(async () => {
  await t?.close();
  await fake?.close();
});

beforeEach(() => fake.reset());

const newProvider = (id = uniqueId('rt').replace(/[^a-z0-9_-]/gi, '-')) => ({
  id,
  kind: 'openai',
  local: false,
  baseURL: fake.openaiBaseURL,
  apiKeys: [KEY_A, KEY_B],
  models: ['fake-small', 'fake-large'],
  prices: { 'fake-small': { inputPerMTok: 0.5, outputPerMTok: 1.5 } },
});

const as = (who: SignedUp) => bearer(who.token);
const chatWith = (app: TestApp['app'], who: SignedUp, model: string, content = 'hello there') =>
  request(app).post('/v1/chat/completions').set(as(who)).send({ model, messages: [{ role: 'user', content }] });

describe('provider routes', () => {
  it('refuse every change to a non-admin with 403, and list providers without keys or URLs', async () => {
    const id = 'openai';
    const attempts = [
      request(t.app).post('/api/providers').set(as(member)).send(newProvider()),
      request(t.app).get(`/api/providers/${id}`).set(as(member)),
      request(t.app).patch(`/api/providers/${id}`).set(as(member)).send({ models: ['x'] }),
      request(t.app).delete(`/api/providers/${id}`).set(as(member)),
      request(t.app).post(`/api/providers/${id}/test`).set(as(member)),
      request(t.app).post(`/api/providers/${id}/toggle`).set(as(member)),
      request(t.app).post(`/api/providers/${id}/roll-key`).set(as(member)),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.status).toBe(403);
      expect(errorCode(response)).toBe('forbidden');
    }
    const list = await request(t.app).get('/api/providers').set(as(member));
    expect(list.status).toBe(200);
    const openai = list.body.providers.find((p: { id: string }) => p.id === 'openai');
    expect(openai).toMatchObject({ source: 'env', enabled: true, kind: 'openai' });
    expect(openai.keys).toBeUndefined();
    expect(openai.baseURL).toBeUndefined();
    expect(JSON.stringify(list.body)).not.toContain('sk-env-configured-key');
  });

  it('add a provider (201), show its keys by their last four only, store them encrypted, and route to it', async () => {
    const body = newProvider();
    const created = await request(t.app).post('/api/providers').set(as(admin)).send(body);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.provider).toMatchObject({
      id: body.id,
      source: 'stored',
      enabled: true,
      models: ['fake-small', 'fake-large'],
      prices: { 'fake-small': { inputPerMTok: 0.5, outputPerMTok: 1.5 } },
      keys: [
        { lastFour: '7a1c', next: true },
        { lastFour: '9b2d', next: false },
      ],
    });
    const everything = JSON.stringify((await request(t.app).get('/api/providers').set(as(admin))).body);
    expect(everything).not.toContain(KEY_A);
    expect(everything).not.toContain(KEY_B);
    const atRest = JSON.stringify(await t.ctx.redis.hgetall(`${t.env.REDIS_PREFIX}providers`));
    expect(atRest).toContain(body.id);
    expect(atRest).not.toContain(KEY_A);
    expect(atRest).not.toContain('runtime-first');

    const answer = await chatWith(t.app, member, `${body.id}:fake-small`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.headers['x-switchyard-route']).toContain(`provider=${body.id}`);
    expect(fake.requests.filter((r) => r.method === 'POST').map((r) => r.keyLastFour)).toEqual(['7a1c']);
    expect((await request(t.app).get('/v1/models').set(as(member))).body.data.map((m: { id: string }) => m.id)).toContain('fake-large');
  });

  it('toggle a provider off (it serves nothing) and on again, environment providers included', async () => {
    const body = newProvider();
    expect((await request(t.app).post('/api/providers').set(as(admin)).send(body)).status).toBe(201);
    const off = await request(t.app).post(`/api/providers/${body.id}/toggle`).set(as(admin));
    expect(off.status).toBe(200);
    expect(off.body.provider.enabled).toBe(false);
    // A disabled provider's models are not on offer: the model is unknown (404).
    const refused = await chatWith(t.app, member, `${body.id}:fake-small`);
    expect(refused.status).toBe(404);
    expect(fake.requests).toHaveLength(0);
    expect((await request(t.app).post(`/api/providers/${body.id}/toggle`).set(as(admin))).body.provider.enabled).toBe(true);
    expect((await chatWith(t.app, member, `${body.id}:fake-small`)).status).toBe(200);

    const envOff = await request(t.app).post('/api/providers/openai/toggle').set(as(admin));
    expect(envOff.body.provider).toMatchObject({ id: 'openai', source: 'env', enabled: false });
    try {
      const route = await request(t.app).post('/api/route').set(as(member)).send({ message: 'What is the capital of France?', complexity: 'simple' });
      expect(route.status, JSON.stringify(route.body)).toBe(200);
      expect(route.body.route.provider).not.toBe('openai');
    } finally {
      expect((await request(t.app).post('/api/providers/openai/toggle').set(as(admin))).body.provider.enabled).toBe(true);
    }
  });

  it('roll to the next key: the next call uses it', async () => {
    const body = newProvider();
    await request(t.app).post('/api/providers').set(as(admin)).send(body);
    const rolled = await request(t.app).post(`/api/providers/${body.id}/roll-key`).set(as(admin));
    expect(rolled.status).toBe(200);
    expect(rolled.body.provider.keys.map((k: { next: boolean }) => k.next)).toEqual([false, true]);
    await chatWith(t.app, member, `${body.id}:fake-small`);
    expect(fake.requests.filter((r) => r.method === 'POST').map((r) => r.keyLastFour)).toEqual(['9b2d']);

    const single = newProvider();
    await request(t.app).post('/api/providers').set(as(admin)).send({ ...single, apiKeys: [KEY_A] });
    const nothingToRoll = await request(t.app).post(`/api/providers/${single.id}/roll-key`).set(as(admin));
    expect(nothingToRoll.status).toBe(409);
    expect(errorCode(nothingToRoll)).toBe('no_next_key');
  });

  it('rotate past a key the provider refuses with 401, and show it resting with the error', async () => {
    const body = newProvider();
    await request(t.app).post('/api/providers').set(as(admin)).send(body);
    fake.setKeyFault(KEY_A, { status: 401 });
    const answer = await chatWith(t.app, member, `${body.id}:fake-small`, 'rotate please');
    expect(answer.status).toBe(200);
    expect(answer.body.choices[0].message.content).toBe('Echo: rotate please');
    expect(fake.requests.filter((r) => r.method === 'POST').map((r) => r.keyLastFour)).toEqual(['7a1c', '9b2d']);
    const shown = (await request(t.app).get(`/api/providers/${body.id}`).set(as(admin))).body.provider;
    expect(shown.keys[0].restingUntil).toEqual(expect.any(String));
    expect(shown.recentErrors[0].message).toContain('key …7a1c refused (401)');
    expect(JSON.stringify(shown)).not.toContain(KEY_A);
  });

  it('change and delete a stored provider; refuse both for an environment one', async () => {
    const body = newProvider();
    await request(t.app).post('/api/providers').set(as(admin)).send(body);
    const changed = await request(t.app).patch(`/api/providers/${body.id}`).set(as(admin)).send({ models: ['fake-medium'], prices: {} });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.provider).toMatchObject({ models: ['fake-medium'], prices: {}, keys: [{ lastFour: '7a1c' }, { lastFour: '9b2d' }] });
    expect((await chatWith(t.app, member, `${body.id}:fake-small`)).status).toBe(404);
    expect((await chatWith(t.app, member, `${body.id}:fake-medium`)).status).toBe(200);

    const rekeyed = await request(t.app).patch(`/api/providers/${body.id}`).set(as(admin)).send({ apiKeys: ['sk-replacement-key-5e5e'] });
    expect(rekeyed.body.provider.keys).toEqual([{ lastFour: '5e5e', next: true }]);

    expect((await request(t.app).delete(`/api/providers/${body.id}`).set(as(admin))).status).toBe(204);
    expect((await request(t.app).get(`/api/providers/${body.id}`).set(as(admin))).status).toBe(404);
    expect((await chatWith(t.app, member, `${body.id}:fake-medium`)).status).toBe(404);

    for (const response of [
      await request(t.app).patch('/api/providers/openai').set(as(admin)).send({ models: ['gpt-x'] }),
      await request(t.app).delete('/api/providers/openai').set(as(admin)),
    ]) {
      expect(response.status).toBe(409);
      expect(errorCode(response)).toBe('provider_managed_by_env');
    }
    expect((await request(t.app).delete('/api/providers/no-such-provider').set(as(admin))).status).toBe(404);
  });

  it('test a provider live: ok while it answers, the error when it does not', async () => {
    const body = newProvider();
    await request(t.app).post('/api/providers').set(as(admin)).send(body);
    const ok = await request(t.app).post(`/api/providers/${body.id}/test`).set(as(admin));
    expect(ok.body).toMatchObject({ ok: true });
    fake.setBehavior({ mode: 'error500' });
    const failing = await request(t.app).post(`/api/providers/${body.id}/test`).set(as(admin));
    expect(failing.status).toBe(200);
    expect(failing.body.ok).toBe(false);
    expect(failing.body.error).toContain('500');
  });

  it('refuse bad input with a 4xx naming the problem, never a 500', async () => {
    const base = newProvider();
    const cases: [Record<string, unknown>, number, string][] = [
      [{ ...base, kind: 'carrier-pigeon' }, 400, 'unknown_provider_kind'],
      [{ ...base, apiKeys: [] }, 400, 'api_key_required'],
      [{ ...base, temperature: 2 }, 400, 'invalid_request'],
      [{ ...base, id: 'has:colon' }, 400, 'invalid_request'],
      [{ ...base, baseURL: 'ftp://example.com' }, 400, 'invalid_request'],
      [{ ...base, models: [] }, 400, 'invalid_request'],
      [{ ...base, prices: { 'not-listed': { inputPerMTok: 1, outputPerMTok: 1 } } }, 400, 'invalid_provider'],
      [{ ...base, kind: 'local-extractive', local: false, apiKeys: [] }, 400, 'invalid_provider'],
      [{ ...base, id: 'openai' }, 409, 'provider_exists'],
      [{ ...base, apiKeys: ['has a space'] }, 400, 'invalid_request'],
    ];
    for (const [body, status, code] of cases) {
      const response = await request(t.app).post('/api/providers').set(as(admin)).send(body);
      expect(response.status, JSON.stringify(body)).toBe(status);
      expect(errorCode(response), JSON.stringify(response.body)).toBe(code);
    }
    await request(t.app).post('/api/providers').set(as(admin)).send(base);
    const again = await request(t.app).post('/api/providers').set(as(admin)).send(base);
    expect(again.status).toBe(409);
    const empty = await request(t.app).patch(`/api/providers/${base.id}`).set(as(admin)).send({});
    expect(empty.status).toBe(400);
  });
});

describe('providers across replicas and restarts', () => {
  it('a provider added on one replica serves on another at once', async () => {
    const other = await buildTestApp(
      { ALLOW_SIGNUP: 'true', PROVIDER_KEYS_SECRET: secret, OPENAI_API_KEY: 'sk-env-configured-key-0000', OPENAI_BASE_URL: fake.openaiBaseURL, REDIS_PREFIX: t.env.REDIS_PREFIX },
      { embedder: t.ctx.embedder },
    );
    try {
      const body = newProvider();
      expect((await request(t.app).post('/api/providers').set(as(admin)).send(body)).status).toBe(201);
      await waitFor('the other replica to see the new provider', async () => other.ctx.router.candidates(`${body.id}:fake-small`).length > 0, 5_000);
      expect((await chatWith(other.app, member, `${body.id}:fake-small`)).status).toBe(200);

      await request(t.app).post(`/api/providers/${body.id}/toggle`).set(as(admin));
      await waitFor('the other replica to see it disabled', async () => other.ctx.router.candidates(`${body.id}:fake-small`).length === 0, 5_000);
      expect((await chatWith(other.app, member, `${body.id}:fake-small`)).status).toBe(404);
    } finally {
      await other.close();
    }
  });

  it('refuses to start when stored keys cannot be decrypted, in one line naming the provider', async () => {
    const body = newProvider();
    expect((await request(t.app).post('/api/providers').set(as(admin)).send(body)).status).toBe(201);
    for (const wrong of [{ PROVIDER_KEYS_SECRET: randomBytes(32).toString('hex') }, {}] as Record<string, string>[]) {
      const start = buildTestApp({ ...wrong, REDIS_PREFIX: t.env.REDIS_PREFIX }, { embedder: t.ctx.embedder, redis: t.ctx.redis, ingestQueue: t.ctx.ingestQueue });
      const error = (await start.catch((e: unknown) => e)) as Error;
      expect(error).toBeInstanceOf(Error);
      expect(error.message).toMatch(/^PROVIDER_KEYS_SECRET cannot decrypt the stored API keys of providers? .*"/);
      expect(error.message).toContain(`"${body.id}"`);
      expect(error.message).not.toContain('\n');
      expect(String(error.stack)).not.toContain('\n');
    }
    // The right secret starts fine.
    const ok = await createServices(t.env, { embedder: t.ctx.embedder, redis: t.ctx.redis, ingestQueue: t.ctx.ingestQueue });
    expect(ok.router.currentConfig().providers.some((p) => p.id === body.id)).toBe(true);
    // Closes what it built, and neither the connection nor the queue it was handed.
    await ok.close();
    expect(await t.ctx.redis.ping()).toBe('PONG');
  });
});
