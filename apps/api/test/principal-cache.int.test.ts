// The per-process principal cache: a repeated token costs no Redis read, and logout or key
// revocation on one replica is refused at once by every other replica (Redis pub/sub).
import { testEnv, uniqueId } from '@switchyard/testing';
import { Redis } from 'ioredis';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../src/app';
import { createServices } from '../src/composition';
import { PrincipalCache } from '../src/services/principal-cache';
import { bearer, buildTestApp, signup, waitFor, type SignedUp, type TestApp } from './helpers';

/** A second API process on the same Redis and prefix. */
async function replicaOf(t: TestApp): Promise<TestApp> {
  const ctx = await createServices(t.env, { embedder: t.ctx.embedder });
  return { ctx, app: createApp(ctx), env: t.env, close: () => ctx.close() };
}

const me = (t: TestApp, token: string) => request(t.app).get('/api/auth/me').set(bearer(token));

describe('authentication across replicas', () => {
  let a: TestApp;
  let b: TestApp;
  let user: SignedUp;
  beforeAll(async () => {
    a = await buildTestApp({ AUTH_CACHE_TTL_SECONDS: '300' });
    b = await replicaOf(a);
    user = await signup(a.app);
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('answers a repeated token from memory, without reading Redis', async () => {
    expect((await me(b, user.token)).status).toBe(200);
    const get = vi.spyOn(b.ctx.redis, 'get');
    const hgetall = vi.spyOn(b.ctx.redis, 'hgetall');
    try {
      for (let i = 0; i < 5; i++) expect((await me(b, user.token)).body.user.id).toBe(user.user.id);
      expect(get.mock.calls.filter(([key]) => String(key).includes('session:'))).toEqual([]);
      expect(hgetall.mock.calls.filter(([key]) => String(key).includes(`user:${user.user.id}`))).toEqual([]);
    } finally {
      get.mockRestore();
      hgetall.mockRestore();
    }
  });

  it('refuses a key revoked on another replica at once, though that replica had it cached', async () => {
    const created = await request(a.app).post('/api/keys').set(bearer(user.token)).send({ name: 'replicated' });
    const key = created.body.key as string;
    expect((await me(a, key)).status).toBe(200);
    expect((await me(b, key)).status).toBe(200);
    const revoked = await request(a.app).delete(`/api/keys/${created.body.apiKey.id}`).set(bearer(user.token));
    expect(revoked.status).toBe(204);
    expect((await me(a, key)).status).toBe(401);
    // The invalidation crosses a Redis channel: allow it a moment, far below the 300 s TTL.
    await waitFor('replica b to refuse the revoked key', async () => (await me(b, key)).status === 401, 2_000, 10);
  });

  it('ends a session on every replica when it logs out on one', async () => {
    const login = await request(a.app).post('/api/auth/login').send({ email: user.user.email, password: 'correct horse battery' });
    const token = login.body.token as string;
    expect((await me(b, token)).status).toBe(200);
    expect((await request(a.app).post('/api/auth/logout').set(bearer(token))).status).toBe(204);
    await waitFor('replica b to refuse the ended session', async () => (await me(b, token)).status === 401, 2_000, 10);
    expect((await me(a, token)).status).toBe(401);
  });
});

describe('a cached session', () => {
  it('does not outlive the session', async () => {
    // SESSION_TTL_HOURS of ~1 s; the cache's own TTL is far longer.
    const t = await buildTestApp({ SESSION_TTL_HOURS: String(1 / 3600), AUTH_CACHE_TTL_SECONDS: '300' });
    try {
      const user = await signup(t.app);
      expect((await me(t, user.token)).status).toBe(200);
      await waitFor('the session to expire', async () => (await me(t, user.token)).status === 401, 3_000, 100);
    } finally {
      await t.close();
    }
  });
});

describe('PrincipalCache', () => {
  const principal = { user: { id: 'u1', email: 'u1@example.com', role: 'user' as const, createdAt: new Date().toISOString() }, via: 'session' as const };
  let redis: Redis;
  let cache: PrincipalCache;
  const name = uniqueId('auth-sub');
  beforeAll(async () => {
    redis = new Redis(testEnv().redisUrl);
    cache = new PrincipalCache(redis, `${testEnv().keyPrefix}${uniqueId('inv')}`, { ttlMs: 60_000, connectionName: name });
    cache.start();
    await waitFor('the subscription', async () => cache.active, 5_000, 10);
  });
  afterAll(async () => {
    await cache.close();
    await redis.quit();
  });

  it('drops a lookup that raced an invalidation instead of storing what it read', async () => {
    const before = cache.snapshot();
    await cache.invalidate('token-a');
    cache.set('token-a', principal, before);
    expect(cache.get('token-a')).toBeUndefined();
    cache.set('token-a', principal, cache.snapshot());
    expect(cache.get('token-a')).toEqual(principal);
  });

  it('serves nothing while its subscription is down, and resumes once it is back', async () => {
    cache.set('token-b', principal, cache.snapshot());
    expect(cache.get('token-b')).toEqual(principal);
    const clients = String(await redis.client('LIST'));
    const id = /id=(\d+) .*name=(\S+)/g;
    const mine = [...clients.matchAll(id)].find((match) => match[2] === name)?.[1];
    expect(mine).toBeDefined();
    await redis.client('KILL', 'ID', mine!);
    await waitFor('the cache to go dark', async () => !cache.active, 2_000, 5);
    expect(cache.get('token-b')).toBeUndefined();
    await waitFor('the subscription to come back', async () => cache.active, 5_000, 20);
    // Emptied when it went dark: nothing from before the gap is trusted.
    expect(cache.get('token-b')).toBeUndefined();
  });
});
