import { uniqueId } from '@switchyard/testing';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../src/services/auth';
import { bearer, buildTestApp, errorCode, signup, type SignedUp, type TestApp } from './helpers';

const ADMIN_KEY = 'admin-key-for-tests-0123456789abcdef';

async function scanAll(t: TestApp): Promise<Record<string, string>> {
  const values: Record<string, string> = {};
  let cursor = '0';
  do {
    const [next, keys] = await t.ctx.redis.scan(cursor, 'MATCH', `${t.env.REDIS_PREFIX}*`, 'COUNT', 500);
    cursor = next;
    for (const key of keys) {
      const type = await t.ctx.redis.type(key);
      if (type === 'string') values[key] = (await t.ctx.redis.get(key)) ?? '';
      if (type === 'hash') values[key] = JSON.stringify(await t.ctx.redis.hgetall(key));
      if (type === 'set') values[key] = JSON.stringify(await t.ctx.redis.smembers(key));
    }
  } while (cursor !== '0');
  return values;
}

describe('auth, users and keys (sign-up closed)', () => {
  let t: TestApp;
  let admin: SignedUp;
  beforeAll(async () => {
    t = await buildTestApp({ ADMIN_API_KEY: ADMIN_KEY });
    admin = await signup(t.app, 'Founder@Example.com', 'correct horse battery');
  });
  afterAll(() => t.close());

  it('makes the first sign-up admin and refuses later sign-ups while closed', async () => {
    expect(admin.user).toMatchObject({ role: 'admin', email: 'founder@example.com' });
    expect(admin.token).toMatch(/^[\w-]{40,}$/);
    const second = await request(t.app).post('/api/auth/signup').send({ email: 'late@example.com', password: 'longenough1' });
    expect(second.status).toBe(403);
    expect(errorCode(second)).toBe('signup_disabled');
    const me = await request(t.app).get('/api/auth/me').set(bearer(admin.token));
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ id: admin.user.id, role: 'admin' });
  });

  it('lets an admin create users; a user may not', async () => {
    const created = await request(t.app).post('/api/users').set(bearer(admin.token)).send({ email: 'bob@example.com', password: 'bob rides seven quiet trams' });
    expect(created.status).toBe(201);
    expect(created.body.user).toMatchObject({ email: 'bob@example.com', role: 'user' });
    expect(JSON.stringify(created.body)).not.toContain('bob rides seven quiet trams');
    const duplicate = await request(t.app).post('/api/users').set(bearer(admin.token)).send({ email: 'BOB@example.com', password: 'another gentle avalanche' });
    expect(duplicate.status).toBe(409);
    expect(errorCode(duplicate)).toBe('email_taken');

    const login = await request(t.app).post('/api/auth/login').send({ email: 'bob@example.com', password: 'bob rides seven quiet trams' });
    expect(login.status).toBe(200);
    const byUser = await request(t.app).post('/api/users').set(bearer(login.body.token)).send({ email: 'eve@example.com', password: 'eve paints ochre lighthouses' });
    expect(byUser.status).toBe(403);
    expect(errorCode(byUser)).toBe('forbidden');
    const invalid = await request(t.app).post('/api/users').set(bearer(admin.token)).send({ email: 'x@example.com', password: 'a sturdy brass compass', role: 'root' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.details.fields[0].path).toBe('role');
  });

  it('refuses a wrong password or unknown email with the same 401', async () => {
    const wrong = await request(t.app).post('/api/auth/login').send({ email: 'founder@example.com', password: 'not the password' });
    const unknown = await request(t.app).post('/api/auth/login').send({ email: 'nobody@example.com', password: 'not the password' });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.body).toEqual(unknown.body);
  });

  it('rejects bad credentials input with field errors', async () => {
    const response = await request(t.app).post('/api/auth/login').send({ email: 'not-an-email', password: 'x' });
    expect(response.status).toBe(400);
    expect(errorCode(response)).toBe('invalid_request');
    expect(response.body.error.details.fields.map((f: { path: string }) => f.path).sort()).toEqual(['email', 'password']);
    const wrongTypes = await request(t.app).post('/api/auth/login').send({ email: 42, password: ['x'] });
    expect(wrongTypes.status).toBe(400);
    const missing = await request(t.app).post('/api/auth/login').send({});
    expect(missing.status).toBe(400);
  });

  it('rejects invalid JSON, oversized bodies and unknown routes in the one shape', async () => {
    const invalid = await request(t.app).post('/api/auth/login').set('Content-Type', 'application/json').send('{"email":');
    expect(invalid.status).toBe(400);
    expect(errorCode(invalid)).toBe('invalid_json');
    const huge = await request(t.app).post('/api/auth/login').send({ email: 'a@example.com', password: 'x'.repeat(2 * 1024 * 1024) });
    expect(huge.status).toBe(413);
    expect(errorCode(huge)).toBe('payload_too_large');
    const unknown = await request(t.app).get('/nope');
    expect(unknown.status).toBe(404);
    expect(errorCode(unknown)).toBe('route_not_found');
  });

  it('requires a valid bearer token on protected routes', async () => {
    const none = await request(t.app).get('/api/documents');
    expect(none.status).toBe(401);
    expect(errorCode(none)).toBe('unauthorized');
    const bad = await request(t.app).get('/api/documents').set(bearer('sy_not-a-real-key'));
    expect(bad.status).toBe(401);
    expect(errorCode(bad)).toBe('invalid_token');
  });

  it('sets an HttpOnly session cookie that authenticates, and logout ends the session', async () => {
    const login = await request(t.app).post('/api/auth/login').send({ email: 'founder@example.com', password: 'correct horse battery' });
    const cookie = login.headers['set-cookie'] as unknown as string[];
    expect(cookie[0]).toMatch(/^sy_session=[\w-]+;.*HttpOnly/);
    expect(cookie[0]).toMatch(/SameSite=Lax/);
    const viaCookie = await request(t.app).get('/api/auth/me').set('Cookie', cookie[0]!.split(';')[0]!);
    expect(viaCookie.status).toBe(200);
    const logout = await request(t.app).post('/api/auth/logout').set(bearer(login.body.token));
    expect(logout.status).toBe(204);
    expect(String(logout.headers['set-cookie'])).toMatch(/sy_session=;/);
    const after = await request(t.app).get('/api/auth/me').set(bearer(login.body.token));
    expect(after.status).toBe(401);
  });

  it('shows an API key once, stores only its hash, and revokes it', async () => {
    const created = await request(t.app).post('/api/keys').set(bearer(admin.token)).send({ name: 'ci' });
    expect(created.status).toBe(201);
    const key = created.body.key as string;
    expect(key).toMatch(/^sy_[\w-]{40,}$/);
    expect(created.body.apiKey).toMatchObject({ name: 'ci', prefix: key.slice(0, 10), lastUsedAt: null });

    const stored = JSON.stringify(await scanAll(t));
    expect(stored).not.toContain(key);
    expect(stored).not.toContain(key.slice(10));

    const me = await request(t.app).get('/api/auth/me').set(bearer(key));
    expect(me.body.user.id).toBe(admin.user.id);
    const list = await request(t.app).get('/api/keys').set(bearer(admin.token));
    expect(list.body.keys).toHaveLength(1);
    expect(JSON.stringify(list.body)).not.toContain(key);

    const revoked = await request(t.app).delete(`/api/keys/${created.body.apiKey.id}`).set(bearer(admin.token));
    expect(revoked.status).toBe(204);
    expect((await request(t.app).get('/api/auth/me').set(bearer(key))).status).toBe(401);
    expect((await request(t.app).delete(`/api/keys/${created.body.apiKey.id}`).set(bearer(admin.token))).status).toBe(404);
  });

  it("lets users revoke only their own keys, and admins anyone's", async () => {
    const carol = (await request(t.app).post('/api/users').set(bearer(admin.token)).send({ email: 'carol@example.com', password: 'carol juggles frozen kiwis' })).body.user;
    expect(carol.role).toBe('user');
    const carolToken = (await request(t.app).post('/api/auth/login').send({ email: 'carol@example.com', password: 'carol juggles frozen kiwis' })).body.token as string;
    const adminKey = (await request(t.app).post('/api/keys').set(bearer(admin.token)).send({})).body;
    const carolKey = (await request(t.app).post('/api/keys').set(bearer(carolToken)).send({ name: 'mine' })).body;
    expect(adminKey.apiKey.name).toBe('default');

    const byCarol = await request(t.app).delete(`/api/keys/${adminKey.apiKey.id}`).set(bearer(carolToken));
    expect(byCarol.status).toBe(404);
    expect((await request(t.app).get('/api/auth/me').set(bearer(adminKey.key))).status).toBe(200);
    const carolList = await request(t.app).get('/api/keys').set(bearer(carolToken));
    expect(carolList.body.keys.map((k: { id: string }) => k.id)).toEqual([carolKey.apiKey.id]);

    const byAdmin = await request(t.app).delete(`/api/keys/${carolKey.apiKey.id}`).set(bearer(admin.token));
    expect(byAdmin.status).toBe(204);
    expect((await request(t.app).get('/api/auth/me').set(bearer(carolKey.key))).status).toBe(401);
  });

  it("lets an admin list another user's keys (never the secrets) to revoke one; others get 403, unknown users 404", async () => {
    const email = `${uniqueId('dana')}@example.com`;
    const dana = (await request(t.app).post('/api/users').set(bearer(admin.token)).send({ email, password: 'dana stacks velvet anvils' })).body.user as SignedUp['user'];
    const danaToken = (await request(t.app).post('/api/auth/login').send({ email, password: 'dana stacks velvet anvils' })).body.token as string;
    const laptop = (await request(t.app).post('/api/keys').set(bearer(danaToken)).send({ name: 'laptop' })).body as { key: string; apiKey: { id: string } };
    const ci = (await request(t.app).post('/api/keys').set(bearer(danaToken)).send({ name: 'ci' })).body as { key: string; apiKey: { id: string } };

    const listed = await request(t.app).get('/api/keys').query({ userId: dana.id }).set(bearer(admin.token));
    expect(listed.status).toBe(200);
    expect(listed.body.keys.map((k: { id: string; name: string }) => [k.id, k.name])).toEqual([
      [laptop.apiKey.id, 'laptop'],
      [ci.apiKey.id, 'ci'],
    ]);
    for (const key of listed.body.keys) expect(Object.keys(key).sort()).toEqual(['createdAt', 'id', 'lastUsedAt', 'name', 'prefix']);
    const shown = JSON.stringify(listed.body);
    for (const secret of [laptop.key, ci.key]) {
      expect(shown).not.toContain(secret);
      expect(shown).not.toContain(sha256(secret));
    }
    // The admin's own list is unchanged by the query form.
    expect((await request(t.app).get('/api/keys').set(bearer(admin.token))).body.keys.map((k: { id: string }) => k.id)).not.toContain(laptop.apiKey.id);

    expect((await request(t.app).delete(`/api/keys/${laptop.apiKey.id}`).set(bearer(admin.token))).status).toBe(204);
    const revoked = await request(t.app).get('/api/auth/me').set(bearer(laptop.key));
    expect(revoked.status).toBe(401);
    expect(errorCode(revoked)).toBe('invalid_token');
    expect((await request(t.app).get('/api/auth/me').set(bearer(ci.key))).body.user.id).toBe(dana.id);
    expect((await request(t.app).get('/api/keys').query({ userId: dana.id }).set(bearer(admin.token))).body.keys.map((k: { id: string }) => k.id)).toEqual([ci.apiKey.id]);

    // A plain user lists only their own: naming themselves is fine, anyone else is 403 (known or not).
    expect((await request(t.app).get('/api/keys').query({ userId: dana.id }).set(bearer(ci.key))).body.keys).toHaveLength(1);
    for (const userId of [admin.user.id, 'no-such-user']) {
      const asDana = await request(t.app).get('/api/keys').query({ userId }).set(bearer(danaToken));
      expect(asDana.status, userId).toBe(403);
      expect(errorCode(asDana)).toBe('forbidden');
      expect(JSON.stringify(asDana.body)).not.toContain('"keys"');
    }
    const unknown = await request(t.app).get('/api/keys').query({ userId: 'no-such-user' }).set(bearer(admin.token));
    expect(unknown.status).toBe(404);
    expect(errorCode(unknown)).toBe('user_not_found');
    const empty = await request(t.app).get('/api/keys?userId=').set(bearer(admin.token));
    expect(empty.status).toBe(400);
    expect(empty.body.error.details.fields[0].path).toBe('userId');

    // The contract says so too.
    const listKeys = (await request(t.app).get('/openapi.json')).body.paths['/api/keys'].get;
    expect(listKeys.parameters).toEqual([expect.objectContaining({ name: 'userId', in: 'query', required: false })]);
    expect(Object.keys(listKeys.responses)).toEqual(expect.arrayContaining(['200', '400', '403', '404']));
  });

  it('accepts ADMIN_API_KEY as an admin that exists from its first use', async () => {
    const me = await request(t.app).get('/api/auth/me').set(bearer(ADMIN_KEY));
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ role: 'admin' });
    const again = await request(t.app).get('/api/auth/me').set(bearer(ADMIN_KEY));
    expect(again.body.user.id).toBe(me.body.user.id);
    const created = await request(t.app).post('/api/users').set(bearer(ADMIN_KEY)).send({ email: `${uniqueId('d')}@example.com`, password: 'a sturdy brass compass' });
    expect(created.status).toBe(201);
    // It is no login: the bootstrap admin has no password.
    const login = await request(t.app).post('/api/auth/login').send({ email: me.body.user.email, password: 'anything-at-all' });
    expect(login.status).toBe(401);
  });
});

describe('sign-up status for the sign-in page', () => {
  it('reports a first run until the administrator exists, then sign-up as closed, without a token', async () => {
    const t = await buildTestApp({ ADMIN_API_KEY: ADMIN_KEY, RATE_LIMIT_PER_MINUTE: '2' });
    try {
      const before = await request(t.app).get('/api/auth/status');
      expect(before.status).toBe(200);
      expect(before.body).toEqual({ firstRun: true, signupOpen: true });
      expect(before.headers['cache-control']).toBe('no-store');
      // Using the admin key creates no account a person can sign in with: still a first run.
      expect((await request(t.app).get('/api/auth/me').set(bearer(ADMIN_KEY))).status).toBe(200);
      expect((await request(t.app).get('/api/auth/status')).body).toEqual({ firstRun: true, signupOpen: true });

      const admin = await signup(t.app);
      expect(admin.user.role).toBe('admin');
      // Asked more often than the per-address limit: loading the page spends no login attempts.
      for (let i = 0; i < 3; i++) {
        const after = await request(t.app).get('/api/auth/status');
        expect(after.status).toBe(200);
        expect(after.body).toEqual({ firstRun: false, signupOpen: false });
      }
      const late = await request(t.app).post('/api/auth/signup').send({ email: 'late@example.com', password: 'longenough1' });
      expect(late.status).toBe(403);
    } finally {
      await t.close();
    }
  });

  it('reports sign-up open after the first run when the server allows it', async () => {
    const t = await buildTestApp({ ALLOW_SIGNUP: 'true' });
    try {
      await signup(t.app);
      expect((await request(t.app).get('/api/auth/status')).body).toEqual({ firstRun: false, signupOpen: true });
      expect((await signup(t.app)).user.role).toBe('user');
    } finally {
      await t.close();
    }
  });
});

describe('auth with sign-up open and a small rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ ALLOW_SIGNUP: 'true', RATE_LIMIT_PER_MINUTE: '5' });
  });
  afterAll(() => t.close());

  it('lets later users sign up as plain users', async () => {
    const first = await signup(t.app);
    const second = await signup(t.app);
    expect([first.user.role, second.user.role]).toEqual(['admin', 'user']);
  });

  it('answers 429 with Retry-After once a user spends the per-minute limit, per user', { timeout: 30_000 }, async () => {
    const user = await signup(t.app);
    // The limit counts per clock minute: seven requests straddling a minute's end start a new count
    // and are never refused, so begin them well inside a minute.
    const msLeftInMinute = 60_000 - (Date.now() % 60_000);
    if (msLeftInMinute < 10_000) await new Promise((resolve) => setTimeout(resolve, msLeftInMinute + 100));
    const statuses: number[] = [];
    let limited: request.Response | undefined;
    for (let i = 0; i < 7; i++) {
      const response = await request(t.app).get('/api/keys').set(bearer(user.token));
      statuses.push(response.status);
      if (response.status === 429) limited = response;
    }
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(limited?.status).toBe(429);
    expect(errorCode(limited!)).toBe('rate_limited');
    expect(Number(limited!.headers['retry-after'])).toBeGreaterThan(0);
    const other = await signup(t.app);
    expect((await request(t.app).get('/api/keys').set(bearer(other.token))).status).toBe(200);
  });
});
