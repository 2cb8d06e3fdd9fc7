import { Writable } from 'node:stream';
import { createIngestQueue } from '@switchyard/documents';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@switchyard/runtime';
import { bearer, buildTestApp, errorCode, signup, type SignedUp, type TestApp } from './helpers';

describe('two-user access matrix', () => {
  let t: TestApp;
  let owner: SignedUp;
  let other: SignedUp;
  let docId: string;
  let keyId: string;

  beforeAll(async () => {
    t = await buildTestApp({ ALLOW_SIGNUP: 'true' });
    owner = await signup(t.app);
    other = await signup(t.app);
    docId = (await request(t.app).post('/api/documents').set(bearer(owner.token)).send({ title: 'Owned', text: 'owner only' })).body.documents[0].id;
    keyId = (await request(t.app).post('/api/keys').set(bearer(owner.token)).send({ name: 'owned' })).body.apiKey.id;
  });
  afterAll(async () => {
    await t.ctx.ingestQueue.obliterate({ force: true });
    await t.close();
  });

  it("gives the other user 404 (never 403, never the data) on every route naming the owner's ids", async () => {
    const cases: [string, () => request.Test][] = [
      ['GET document', () => request(t.app).get(`/api/documents/${docId}`)],
      ['DELETE document', () => request(t.app).delete(`/api/documents/${docId}`)],
      ['GET events', () => request(t.app).get(`/api/documents/${docId}/events`)],
      ['POST search documentIds', () => request(t.app).post('/api/search').send({ query: 'owner', documentIds: [docId] })],
      ['DELETE key', () => request(t.app).delete(`/api/keys/${keyId}`)],
    ];
    for (const [name, call] of cases) {
      const asOther = await call().set(bearer(other.token));
      expect(asOther.status, name).toBe(404);
      expect(JSON.stringify(asOther.body), name).not.toContain('owner only');
      const anonymous = await call();
      expect(anonymous.status, `${name} without a token`).toBe(401);
    }
    const lists = await Promise.all([request(t.app).get('/api/documents').set(bearer(other.token)), request(t.app).get('/api/keys').set(bearer(other.token))]);
    expect(lists.map((r) => r.body)).toEqual([{ documents: [] }, { keys: [] }]);
    // The owner still has everything.
    expect((await request(t.app).get(`/api/documents/${docId}`).set(bearer(owner.token))).status).toBe(200);
    expect((await request(t.app).get('/api/keys').set(bearer(owner.token))).body.keys).toHaveLength(1);
  });

  it('keeps admin-only routes from plain users', async () => {
    const users = await request(t.app).post('/api/users').set(bearer(other.token)).send({ email: 'x@example.com', password: 'a sturdy brass compass' });
    const test = await request(t.app).post('/api/providers/local-extractive/test').set(bearer(other.token));
    expect([users.status, test.status]).toEqual([403, 403]);
    expect(errorCode(users)).toBe('forbidden');
  });

  it('ignores owner fields sent by a client', async () => {
    const created = await request(t.app).post('/api/documents').set(bearer(other.token)).send({ title: 'Mine', text: 'x', ownerId: owner.user.id });
    expect(created.status).toBe(202);
    expect((await t.ctx.documents.getAny(created.body.documents[0].id))?.ownerId).toBe(other.user.id);
  });
});

describe('secrets and lost uploads', () => {
  it('never writes passwords, tokens or keys into the logs', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    // The logger the API builds for itself (createLogger('api')), writing here.
    const logger = createLogger('api', { LOG_LEVEL: 'trace' }, sink);
    const t = await buildTestApp({ ALLOW_SIGNUP: 'true', LOG_LEVEL: 'trace' }, { logger });
    try {
      const user = await signup(t.app, 'logged@example.com', 'super secret password');
      const key = (await request(t.app).post('/api/keys').set(bearer(user.token)).send({ name: 'k' })).body.key as string;
      await request(t.app).get('/api/auth/me').set(bearer(key)).set('Cookie', `sy_session=${user.token}`);
      await request(t.app).post('/api/auth/login').send({ email: 'logged@example.com', password: 'wrong secret password' });
      logger.info({ body: { password: 'nested secret password', apiKey: key } }, 'a careless line');
      const log = lines.join('');
      expect(log).toContain('"statusCode":201');
      expect(log).toContain('[redacted]');
      for (const secret of ['super secret password', 'wrong secret password', 'nested secret password', user.token, key]) {
        expect(log).not.toContain(secret);
      }
    } finally {
      await t.close();
    }
  });

  it('rolls an upload back and answers 503 when the job cannot be queued, so nothing waits forever', async () => {
    const deadQueue = createIngestQueue({ connection: { host: '127.0.0.1', port: 9, enableOfflineQueue: false, maxRetriesPerRequest: 1, retryStrategy: () => null }, prefix: 'dead:' });
    const t = await buildTestApp({ ALLOW_SIGNUP: 'true' }, { ingestQueue: deadQueue });
    try {
      const user = await signup(t.app);
      const response = await request(t.app).post('/api/documents').set(bearer(user.token)).send({ title: 'Lost?', text: 'must not vanish silently' });
      expect(response.status).toBe(503);
      expect(errorCode(response)).toBe('queue_unavailable');
      expect(response.headers['retry-after']).toBeDefined();
      expect((await request(t.app).get('/api/documents').set(bearer(user.token))).body.documents).toEqual([]);
    } finally {
      await deadQueue.close().catch(() => undefined);
      await t.close();
    }
  });
});
