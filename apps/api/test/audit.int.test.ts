// The audit trail: sign-ins (success, failure, throttled), sign-ups, logout, key creation and
// revocation, users created by an admin, and deletions made through the documents routes, in a
// Redis stream with retention; GET /api/audit for admins only, newest first, with `limit`,
// `before` and `type`; nothing secret in it.
import { auditResponseSchema, type AuditEvent } from '@switchyard/client';
import { uniqueId } from '@switchyard/testing';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../src/services/audit';
import { bearer, buildTestApp, errorCode, signup, type SignedUp, type TestApp } from './helpers';

const ADMIN_KEY = 'admin-key-for-audit-tests-0123456789';
let t: TestApp;
let admin: SignedUp;
let carol: SignedUp;
let carolKey: { key: string; apiKey: { id: string } };
let documentId: string;

const audit = async (query: Record<string, string | number> = {}, token = admin.token) => {
  const response = await request(t.app).get('/api/audit').query(query).set(bearer(token));
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return auditResponseSchema.parse(response.body);
};

beforeAll(async () => {
  t = await buildTestApp({ ALLOW_SIGNUP: 'true', ADMIN_API_KEY: ADMIN_KEY, TRUST_PROXY: 'loopback', RATE_LIMIT_PER_MINUTE: '100000' });
  admin = await signup(t.app, `${uniqueId('admin')}@example.com`);
  const created = await request(t.app).post('/api/users').set(bearer(admin.token)).send({ email: `${uniqueId('carol')}@example.com`, password: 'carol juggles frozen kiwis' });
  expect(created.status).toBe(201);
  const login = await request(t.app).post('/api/auth/login').set('X-Forwarded-For', '198.51.100.7').send({ email: created.body.user.email, password: 'carol juggles frozen kiwis' });
  carol = login.body as SignedUp;
  await request(t.app).post('/api/auth/login').set('X-Forwarded-For', '203.0.113.9').send({ email: created.body.user.email, password: 'not carols password at all' });
  carolKey = (await request(t.app).post('/api/keys').set(bearer(carol.token)).send({ name: 'laptop' })).body;
  await request(t.app).delete(`/api/keys/${carolKey.apiKey.id}`).set(bearer(carol.token)).expect(204);
  documentId = (await request(t.app).post('/api/documents').set(bearer(carol.token)).send({ title: 'Plan', text: 'Ship in May.' })).body.documents[0].id;
  await request(t.app).delete(`/api/documents/${documentId}`).set(bearer(carol.token)).expect(204);
  // A delete that fails is no change and is not recorded.
  await request(t.app).delete(`/api/documents/${documentId}`).set(bearer(carol.token)).expect(404);
  await request(t.app).post('/api/auth/logout').set(bearer(carol.token)).expect(204);
}, 60_000);
afterAll(() => t.close());

describe('what is recorded', () => {
  let events: AuditEvent[];
  beforeAll(async () => {
    events = (await audit({ limit: 500 })).events;
  });
  const ofType = (type: string) => events.filter((event) => event.type === type);

  it('records each security-relevant action once, newest first, with who, from where and on what', () => {
    expect(events.map((event) => event.type)).toEqual([
      'auth.logout',
      'document.deleted',
      'key.revoked',
      'key.created',
      'auth.login_failed',
      'auth.login_succeeded',
      'user.created',
      'auth.signup',
    ]);
    expect(ofType('auth.signup')[0]).toMatchObject({ actorId: admin.user.id, targetType: 'user', targetId: admin.user.id, details: { role: 'admin' } });
    expect(ofType('user.created')[0]).toMatchObject({ actorId: admin.user.id, targetType: 'user', targetId: carol.user.id, details: { role: 'user', email: carol.user.email } });
    expect(ofType('auth.login_succeeded')[0]).toMatchObject({ actorId: carol.user.id, actorEmail: carol.user.email, ip: '198.51.100.7' });
    expect(ofType('auth.login_failed')[0]).toMatchObject({ actorId: null, actorEmail: carol.user.email, ip: '203.0.113.9', details: { reason: 'wrong_password' } });
    expect(ofType('key.created')[0]).toMatchObject({ actorId: carol.user.id, targetType: 'key', targetId: carolKey.apiKey.id, details: { name: 'laptop' } });
    expect(ofType('key.revoked')[0]).toMatchObject({ actorId: carol.user.id, targetId: carolKey.apiKey.id });
    expect(ofType('document.deleted')[0]).toMatchObject({ actorId: carol.user.id, targetType: 'document', targetId: documentId });
    for (const event of events) expect(Date.parse(event.at)).toBeGreaterThan(Date.now() - 120_000);
  });

  it('holds no password, token or key', () => {
    const trail = JSON.stringify(events);
    for (const secret of ['carol juggles frozen kiwis', 'not carols password at all', carol.token, admin.token, carolKey.key]) expect(trail).not.toContain(secret);
  });
});

describe('GET /api/audit', () => {
  it('is for administrators only: a user gets 403, no token 401', async () => {
    const other = await signup(t.app);
    const asUser = await request(t.app).get('/api/audit').set(bearer(other.token));
    expect(asUser.status).toBe(403);
    expect(errorCode(asUser)).toBe('forbidden');
    expect((await request(t.app).get('/api/audit')).status).toBe(401);
    // The bootstrap admin key reads it.
    expect((await request(t.app).get('/api/audit').set(bearer(ADMIN_KEY))).status).toBe(200);
  });

  it('filters by one or more types', async () => {
    const keys = await audit({ type: 'key.created,key.revoked' });
    expect(keys.events.map((event) => event.type)).toEqual(['key.revoked', 'key.created']);
    const failed = await audit({ type: 'auth.login_failed' });
    expect(failed.events).toHaveLength(1);
    expect(failed.nextBefore).toBeNull();
  });

  it('pages with limit and before, newest first, without gaps or repeats', async () => {
    const everything = (await audit({ limit: 500 })).events.map((event) => event.id);
    const seen: string[] = [];
    let before: string | null = null;
    do {
      const page = await audit({ limit: 3, ...(before ? { before } : {}) });
      expect(page.events.length).toBeLessThanOrEqual(3);
      seen.push(...page.events.map((event) => event.id));
      before = page.nextBefore;
    } while (before);
    expect(seen).toEqual(everything);
  });

  it.each([
    [{ limit: 0 }, 'limit'],
    [{ limit: 501 }, 'limit'],
    [{ limit: 'ten' }, 'limit'],
    [{ type: 'auth.everything' }, 'type'],
    [{ type: '' }, 'type'],
    [{ before: 'yesterday' }, 'before'],
    [{ actor: 'carol' }, '(body)'],
  ])('refuses %j with 400 naming the parameter', async (query, field) => {
    const response = await request(t.app).get('/api/audit').query(query).set(bearer(admin.token));
    expect(response.status).toBe(400);
    expect(errorCode(response)).toBe('invalid_request');
    expect(JSON.stringify(response.body.error.details.fields)).toContain(field === '(body)' ? 'actor' : field);
  });
});

describe('retention', () => {
  it('drops events older than AUDIT_RETENTION_DAYS, and keeps at most AUDIT_MAX_EVENTS', async () => {
    const prefix = `${t.env.REDIS_PREFIX}retention:`;
    const log = new AuditLog(t.ctx.redis, prefix, { retentionDays: 30, maxEvents: 1000 });
    const old = `${Date.now() - 31 * 86_400_000}-0`;
    const recent = `${Date.now() - 29 * 86_400_000}-0`;
    await t.ctx.redis.xadd(log.key, old, 'type', 'auth.logout', 'at', new Date(Date.now() - 31 * 86_400_000).toISOString());
    await t.ctx.redis.xadd(log.key, recent, 'type', 'auth.logout', 'at', new Date(Date.now() - 29 * 86_400_000).toISOString());
    await log.record({ type: 'auth.logout' });
    const ids = (await log.list({ limit: 10 })).events.map((event) => event.id);
    expect(ids).toHaveLength(2);
    expect(ids).toContain(recent);
    expect(ids).not.toContain(old);

    for (let index = 0; index < 1005; index++) await log.record({ type: 'auth.logout' });
    expect(await t.ctx.redis.xlen(log.key)).toBe(1000);
  });
});

describe('changes made through the other routers', () => {
  it('records collections shared and unshared, a role change and a policy reset, each once and only when it succeeded', async () => {
    const erin = await signup(t.app, `${uniqueId('erin')}@example.com`);
    const dana = await signup(t.app, `${uniqueId('dana')}@example.com`);
    const before = (await audit({ limit: 1 })).events[0]!.id;
    const created = await request(t.app).post('/api/collections').set(bearer(erin.token)).send({ name: 'Board papers' });
    expect(created.status).toBe(201);
    const collectionId = created.body.collection.id as string;
    expect((await request(t.app).post(`/api/collections/${collectionId}/members`).set(bearer(erin.token)).send({ email: dana.user.email, role: 'viewer' })).status).toBe(200);
    // Refused (a viewer may not share): no event.
    expect((await request(t.app).post(`/api/collections/${collectionId}/members`).set(bearer(dana.token)).send({ userId: admin.user.id, role: 'editor' })).status).toBeGreaterThanOrEqual(400);
    expect((await request(t.app).delete(`/api/collections/${collectionId}/members/${dana.user.id}`).set(bearer(erin.token))).status).toBe(204);
    expect((await request(t.app).delete(`/api/collections/${collectionId}`).set(bearer(erin.token))).status).toBe(204);
    expect((await request(t.app).patch(`/api/users/${dana.user.id}`).set(bearer(admin.token)).send({ role: 'admin' })).status).toBe(200);
    expect((await request(t.app).delete('/api/policy').set(bearer(admin.token))).status).toBe(200);

    const all = (await audit({ limit: 500 })).events;
    const newer = all.slice(0, all.findIndex((event) => event.id === before));
    expect(newer.map((event) => event.type).reverse()).toEqual([
      'collection.created',
      'collection.member_added',
      'collection.member_removed',
      'collection.deleted',
      'user.updated',
      'policy.changed',
    ]);
    const byType = new Map(newer.map((event) => [event.type, event]));
    expect(byType.get('collection.member_added')).toMatchObject({ actorId: erin.user.id, targetType: 'collection', targetId: collectionId, details: { email: dana.user.email, role: 'viewer' } });
    expect(byType.get('collection.member_removed')).toMatchObject({ targetId: collectionId, details: { userId: dana.user.id } });
    expect(byType.get('user.updated')).toMatchObject({ actorId: admin.user.id, targetType: 'user', targetId: dana.user.id, details: { role: 'admin' } });
    expect(byType.get('policy.changed')).toMatchObject({ actorId: admin.user.id, targetType: null });
  });
});
