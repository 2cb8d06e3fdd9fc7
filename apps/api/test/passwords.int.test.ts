// New passwords: at least 12 characters and a zxcvbn score of 3 or more, refused with feedback a
// person can act on (400 weak_password: the warning and suggestions); stored as scrypt at
// OWASP's parameters; an older hash is upgraded on the next successful sign-in; and judging a
// hostile password never stalls the event loop.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { passwordFeedbackSchema } from '@switchyard/client';
import { uniqueId } from '@switchyard/testing';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../src/services/auth';
import { bearer, buildTestApp, errorCode, signup, type SignedUp, type TestApp } from './helpers';

let t: TestApp;
let admin: SignedUp;

beforeAll(async () => {
  t = await buildTestApp({ ALLOW_SIGNUP: 'true', RATE_LIMIT_PER_MINUTE: '100000' });
  admin = await signup(t.app);
});
afterAll(() => t.close());

const storedHash = async (userId: string) => (await t.ctx.redis.hget(`${t.env.REDIS_PREFIX}user:${userId}`, 'passwordHash')) ?? '';

describe('weak passwords', () => {
  it.each([
    ['eight repeated letters', 'aaaaaaaa', /repeated/i],
    ['a common password with the usual decorations', 'Password123!', /common/i],
    ['a keyboard walk', 'qwertyuiop123', /common|keyboard|pattern/i],
    ['a short but random one', 'x7#kP9!', /12 characters/],
    ['eleven characters', 'longenough1', /12 characters/],
    ['the email it signs up with', 'marguerite.dupont@example.com', /./],
  ])('refuses %s at sign-up with a warning and suggestions, and creates nobody', async (_name, password, warning) => {
    const email = password.includes('@') ? password : `${uniqueId('weak')}@example.com`;
    const response = await request(t.app).post('/api/auth/signup').send({ email, password });
    expect(response.status).toBe(400);
    expect(errorCode(response)).toBe('weak_password');
    const feedback = passwordFeedbackSchema.parse(response.body.error.details);
    expect(feedback.fields[0]?.path).toBe('password');
    expect(feedback).toMatchObject({ minLength: 12, minScore: 3 });
    expect(`${feedback.warning ?? ''} ${response.body.error.message}`).toMatch(warning);
    expect(feedback.suggestions.length + (feedback.warning ? 1 : 0)).toBeGreaterThan(0);
    expect(JSON.stringify(response.body)).not.toContain(password.includes('@') ? 'never' : password);
    expect(await t.ctx.redis.exists(`${t.env.REDIS_PREFIX}user-email:${email}`)).toBe(0);
  });

  it('refuses a weak password when an admin creates a user too', async () => {
    const response = await request(t.app).post('/api/users').set(bearer(admin.token)).send({ email: `${uniqueId('u')}@example.com`, password: 'aaaaaaaa' });
    expect(response.status).toBe(400);
    expect(errorCode(response)).toBe('weak_password');
    expect(response.body.error.message).toContain('at least 12 characters');
  });

  it('accepts a long passphrase', async () => {
    const user = await signup(t.app, `${uniqueId('strong')}@example.com`, 'lantern orbit pickle meadow');
    expect(user.user.role).toBe('user');
  });
});

describe('password storage', () => {
  it("stores scrypt at OWASP's parameters (N=2^17, r=8, p=1), salted per user", async () => {
    const one = await signup(t.app, `${uniqueId('a')}@example.com`, 'lantern orbit pickle meadow');
    const two = await signup(t.app, `${uniqueId('b')}@example.com`, 'lantern orbit pickle meadow');
    const [hashOne, hashTwo] = [await storedHash(one.user.id), await storedHash(two.user.id)];
    expect(hashOne).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(hashOne).not.toBe(hashTwo);
  });

  it('upgrades a hash made with older parameters on the next successful sign-in, transparently', async () => {
    const email = `${uniqueId('old')}@example.com`;
    const user = await signup(t.app, email, 'lantern orbit pickle meadow');
    // As an earlier version stored it: N=2^14.
    await t.ctx.redis.hset(`${t.env.REDIS_PREFIX}user:${user.user.id}`, 'passwordHash', await hashPassword('lantern orbit pickle meadow', { N: 2 ** 14, r: 8, p: 1 }));
    expect(await storedHash(user.user.id)).toMatch(/^scrypt\$16384\$/);

    expect((await request(t.app).post('/api/auth/login').send({ email, password: 'not the password at all' })).status).toBe(401);
    expect(await storedHash(user.user.id)).toMatch(/^scrypt\$16384\$/); // a failed sign-in changes nothing

    const login = await request(t.app).post('/api/auth/login').send({ email, password: 'lantern orbit pickle meadow' });
    expect(login.status).toBe(200);
    expect(await storedHash(user.user.id)).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect((await request(t.app).post('/api/auth/login').send({ email, password: 'lantern orbit pickle meadow' })).status).toBe(200);
  });
});

describe('the event loop while a hostile password is judged', () => {
  it('never stalls for more than a fraction of the time the estimate takes (it runs in a thread)', async () => {
    const stalls = monitorEventLoopDelay({ resolution: 10 });
    stalls.enable();
    const started = performance.now();
    // 200 crafted characters: seconds of synchronous work for zxcvbn on the event loop.
    const response = await request(t.app).post('/api/auth/signup').send({ email: `${uniqueId('h')}@example.com`, password: 'p4ssw0rd'.repeat(25) });
    const tookMs = performance.now() - started;
    stalls.disable();
    expect(response.status).toBe(400);
    expect(errorCode(response)).toBe('weak_password');
    expect(stalls.max / 1e6).toBeLessThan(tookMs / 2);
  });
});
