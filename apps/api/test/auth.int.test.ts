import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, buildTestApp, errorCode, signup, type TestApp } from './helpers';

const ADMIN_KEY = 'admin-key-for-tests-0123456789abcdef';

describe('auth, users and keys', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ ADMIN_API_KEY: ADMIN_KEY });
  });
  afterAll(() => t.close());

  it('makes the first sign-up admin and refuses later sign-ups while closed', async () => {
    const first = await signup(t.app);
    expect(first.user.role).toBe('admin');
    expect(first.token).toMatch(/^[\w-]{40,}$/);
    const second = await request(t.app).post('/api/auth/signup').send({ email: 'late@example.com', password: 'longenough1' });
    expect(second.status).toBe(403);
    expect(errorCode(second)).toBe('signup_disabled');

    const me = await request(t.app).get('/api/auth/me').set(bearer(first.token));
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ id: first.user.id, role: 'admin' });
  });

  it('rejects bad credentials input with field errors', async () => {
    const response = await request(t.app).post('/api/auth/login').send({ email: 'not-an-email', password: 'x' });
    expect(response.status).toBe(400);
    expect(errorCode(response)).toBe('invalid_request');
    expect(response.body.error.details.fields.map((f: { path: string }) => f.path).sort()).toEqual(['email', 'password']);
  });

  it('rejects invalid JSON and unknown routes in the one shape', async () => {
    const invalid = await request(t.app).post('/api/auth/login').set('Content-Type', 'application/json').send('{"email":');
    expect(invalid.status).toBe(400);
    expect(errorCode(invalid)).toBe('invalid_json');
    const unknown = await request(t.app).get('/nope');
    expect(unknown.status).toBe(404);
    expect(errorCode(unknown)).toBe('route_not_found');
  });
});
