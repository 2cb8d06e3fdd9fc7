// User management for administrators: list, change role, disable and re-enable, reset password,
// delete (with the user's documents, conversations and API keys). Each change is checked the way
// the user would notice it: their token, their sign-in, their documents; on every replica.
import { uniqueId } from '@switchyard/testing';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, buildTestApp, errorCode, signup, waitFor, type SignedUp, type TestApp } from './helpers';

const ADMIN_API_KEY = 'sy-test-admin-key-0123456789abcdef';
const PASSWORD = 'correct horse battery';
const NEW_PASSWORD = 'violet kayak thunder 1937 maple';

let t: TestApp;
let admin: SignedUp;

beforeAll(async () => {
  t = await buildTestApp({ ALLOW_SIGNUP: 'true', RATE_LIMIT_PER_MINUTE: '100000', ADMIN_API_KEY });
  admin = await signup(t.app);
}, 60_000);

afterAll(async () => {
  await t?.close();
});

const as = (token: string) => bearer(token);
const login = (email: string, password: string) => request(t.app).post('/api/auth/login').send({ email, password });
const me = (token: string) => request(t.app).get('/api/auth/me').set(as(token));
const newMember = () => signup(t.app, `${uniqueId('member')}@example.com`, PASSWORD);

describe('user management', () => {
  it('is for admins only', async () => {
    const member = await newMember();
    const id = admin.user.id;
    const attempts = [
      request(t.app).get('/api/users').set(as(member.token)),
      request(t.app).get(`/api/users/${id}`).set(as(member.token)),
      request(t.app).patch(`/api/users/${id}`).set(as(member.token)).send({ disabled: true }),
      request(t.app).post(`/api/users/${id}/reset-password`).set(as(member.token)).send({}),
      request(t.app).delete(`/api/users/${id}`).set(as(member.token)),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.status).toBe(403);
      expect(errorCode(response)).toBe('forbidden');
    }
  });

  it('lists every account with its role, state and what it owns', async () => {
    const member = await newMember();
    await request(t.app).post('/api/keys').set(as(member.token)).send({ name: 'script' });
    const response = await request(t.app).get('/api/users').set(as(admin.token));
    expect(response.status).toBe(200);
    const listed = response.body.users.find((u: { id: string }) => u.id === member.user.id);
    expect(listed).toMatchObject({ email: member.user.email, role: 'user', disabled: false, documents: 0, conversations: 0, apiKeys: 1 });
    expect(JSON.stringify(response.body)).not.toMatch(/passwordHash|scrypt\$/);
    expect((await request(t.app).get('/api/users/no-such-user').set(as(admin.token))).status).toBe(404);
  });

  it('changes a role, effective on the next request of an already signed-in user', async () => {
    const member = await newMember();
    expect((await request(t.app).get('/api/users').set(as(member.token))).status).toBe(403);
    const promoted = await request(t.app).patch(`/api/users/${member.user.id}`).set(as(admin.token)).send({ role: 'admin' });
    expect(promoted.body.user.role).toBe('admin');
    expect((await request(t.app).get('/api/users').set(as(member.token))).status).toBe(200);
    await request(t.app).patch(`/api/users/${member.user.id}`).set(as(admin.token)).send({ role: 'user' });
    expect((await request(t.app).get('/api/users').set(as(member.token))).status).toBe(403);
  });

  it('disables an account (no sign-in, no session, no API key) and re-enables it', async () => {
    const member = await newMember();
    const key = (await request(t.app).post('/api/keys').set(as(member.token)).send({ name: 'ci' })).body.key as string;
    expect((await me(member.token)).status).toBe(200);

    const disabled = await request(t.app).patch(`/api/users/${member.user.id}`).set(as(admin.token)).send({ disabled: true });
    expect(disabled.body.user).toMatchObject({ disabled: true, disabledAt: expect.any(String) });
    expect((await me(member.token)).status).toBe(401);
    expect((await me(key)).status).toBe(401);
    const refused = await login(member.user.email, PASSWORD);
    expect(refused.status).toBe(403);
    expect(errorCode(refused)).toBe('account_disabled');
    const wrong = await login(member.user.email, 'not the password at all');
    expect(wrong.status).toBe(401);

    const enabled = await request(t.app).patch(`/api/users/${member.user.id}`).set(as(admin.token)).send({ disabled: false });
    expect(enabled.body.user.disabled).toBe(false);
    expect((await me(member.token)).status).toBe(200);
    expect((await me(key)).status).toBe(200);
    expect((await login(member.user.email, PASSWORD)).status).toBe(200);
  });

  it('resets a password: the old one and earlier sessions stop working, API keys keep working', async () => {
    const member = await newMember();
    const key = (await request(t.app).post('/api/keys').set(as(member.token)).send({ name: 'ci' })).body.key as string;
    const weak = await request(t.app).post(`/api/users/${member.user.id}/reset-password`).set(as(admin.token)).send({ password: 'password1' });
    expect(weak.status).toBe(400);
    expect(errorCode(weak)).toBe('weak_password');

    const reset = await request(t.app).post(`/api/users/${member.user.id}/reset-password`).set(as(admin.token)).send({ password: NEW_PASSWORD });
    expect(reset.status).toBe(200);
    expect(reset.body.temporaryPassword).toBeUndefined();
    expect((await me(member.token)).status).toBe(401);
    expect((await login(member.user.email, PASSWORD)).status).toBe(401);
    const fresh = await login(member.user.email, NEW_PASSWORD);
    expect(fresh.status).toBe(200);
    expect((await me(fresh.body.token)).status).toBe(200);
    expect((await me(key)).status).toBe(200);

    const generated = await request(t.app).post(`/api/users/${member.user.id}/reset-password`).set(as(admin.token)).send({});
    expect(generated.body.temporaryPassword).toEqual(expect.any(String));
    expect((await me(fresh.body.token)).status).toBe(401);
    expect((await login(member.user.email, generated.body.temporaryPassword)).status).toBe(200);
  });

  it("deletes an account with its documents, conversations and API keys, and says how many", async () => {
    const member = await newMember();
    const ownerId = member.user.id;
    const doc = await t.ctx.documents.create({ ownerId, title: 'Payroll', filename: 'payroll.txt', mime: 'text/plain', size: 10, blobKey: 'd'.repeat(64) });
    const text = 'Payroll runs on the last Friday of each month.';
    await t.ctx.store.upsert(
      [{ documentId: doc.id, ownerId, title: 'Payroll', chunkIndex: 0, text, start: 0, end: text.length, sensitivity: 'internal' as const, version: 'v1' }],
      await t.ctx.embedder.embed([text]),
    );
    const chat = await request(t.app).post('/api/chat').set(as(member.token)).send({ message: 'When does payroll run?' });
    expect(chat.status, JSON.stringify(chat.body)).toBe(200);
    await request(t.app).post('/api/keys').set(as(member.token)).send({ name: 'ci' });
    const before = await request(t.app).get(`/api/users/${ownerId}`).set(as(admin.token));
    expect(before.body.user).toMatchObject({ documents: 1, conversations: 1, apiKeys: 1 });

    const deleted = await request(t.app).delete(`/api/users/${ownerId}`).set(as(admin.token));
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(200);
    expect(deleted.body.deleted).toEqual({ userId: ownerId, email: member.user.email, documents: 1, collections: 1, memberships: 0, conversations: 1, apiKeys: 1 });
    expect((await me(member.token)).status).toBe(401);
    expect((await login(member.user.email, PASSWORD)).status).toBe(401);
    expect(await t.ctx.documents.getAny(doc.id)).toBeUndefined();
    expect(await t.ctx.store.listDocumentChunks(doc.id)).toEqual([]);
    expect((await request(t.app).get(`/api/users/${ownerId}`).set(as(admin.token))).status).toBe(404);
    // The email is free again.
    const again = await request(t.app).post('/api/users').set(as(admin.token)).send({ email: member.user.email, password: NEW_PASSWORD });
    expect(again.status).toBe(201);
  });

  it('refuses to lock administrators out: not yourself, not the last admin, not the ADMIN_API_KEY account', async () => {
    for (const change of [{ disabled: true }, { role: 'user' }]) {
      const response = await request(t.app).patch(`/api/users/${admin.user.id}`).set(as(admin.token)).send(change);
      expect(response.status).toBe(409);
      expect(errorCode(response)).toBe('cannot_change_self');
    }
    expect(errorCode(await request(t.app).delete(`/api/users/${admin.user.id}`).set(as(admin.token)))).toBe('cannot_change_self');
    // The ADMIN_API_KEY account acts on the only administrator who can sign in.
    const last = await request(t.app).patch(`/api/users/${admin.user.id}`).set(as(ADMIN_API_KEY)).send({ disabled: true });
    expect(last.status).toBe(409);
    expect(errorCode(last)).toBe('last_admin');
    const bootstrap = await request(t.app).patch('/api/users/bootstrap-admin').set(as(admin.token)).send({ disabled: true });
    expect(bootstrap.status).toBe(409);
    expect(errorCode(bootstrap)).toBe('bootstrap_admin');
    for (const body of [{}, { role: 'owner' }, { disabled: 'yes' }, { email: 'x@example.com' }]) {
      const response = await request(t.app).patch(`/api/users/${admin.user.id}`).set(as(admin.token)).send(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
    }
    expect((await request(t.app).post(`/api/users/${admin.user.id}/reset-password`).set(as(admin.token)).send({ password: NEW_PASSWORD, force: true })).status).toBe(400);
  });
});

describe('user management across replicas', () => {
  it("disabling an account on one replica refuses the user's token on another at once", async () => {
    const other = await buildTestApp({ ALLOW_SIGNUP: 'true', REDIS_PREFIX: t.env.REDIS_PREFIX }, { embedder: t.ctx.embedder });
    try {
      const member = await newMember();
      // The other replica has the token in its principal cache now.
      expect((await request(other.app).get('/api/auth/me').set(as(member.token))).status).toBe(200);
      await request(t.app).patch(`/api/users/${member.user.id}`).set(as(admin.token)).send({ disabled: true });
      await waitFor('the other replica to refuse the token', async () => (await request(other.app).get('/api/auth/me').set(as(member.token))).status === 401, 5_000);
    } finally {
      await other.close();
    }
  });
});
