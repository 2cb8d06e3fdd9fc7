// CSRF: a state-changing request that relies on the session cookie must come from the app's own
// pages (Sec-Fetch-Site / Origin). Bearer-token clients are unaffected, whatever Origin they send.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, buildTestApp, errorCode, signup, type SignedUp, type TestApp } from './helpers';

let t: TestApp;
let user: SignedUp;
let cookie: string;

beforeAll(async () => {
  // As the launcher runs it: the web app's proxy on loopback forwards X-Forwarded-Host.
  t = await buildTestApp({ TRUST_PROXY: 'loopback', TRUSTED_ORIGINS: 'https://admin-console.example.net', RATE_LIMIT_PER_MINUTE: '100000' });
  user = await signup(t.app);
  cookie = `sy_session=${user.token}`;
});
afterAll(() => t.close());

const upload = (headers: Record<string, string>) =>
  request(t.app).post('/api/documents').set(headers).send({ title: 'Quarterly plan', text: 'We plan to ship the gateway in May.' });

const documentCount = async () => (await request(t.app).get('/api/documents').set(bearer(user.token))).body.documents.length as number;

describe('cookie-authenticated changes from another site', () => {
  it.each([
    ['an Origin of another site', { Origin: 'http://evil.example' }],
    ['Sec-Fetch-Site: cross-site', { 'Sec-Fetch-Site': 'cross-site', Origin: 'http://evil.example' }],
    ['Sec-Fetch-Site: same-site (a sibling subdomain)', { 'Sec-Fetch-Site': 'same-site', Origin: 'http://files.localhost:3000' }],
    ['an opaque Origin (a sandboxed frame)', { Origin: 'null' }],
  ])('refuses an upload with %s (403, nothing stored)', async (_name, headers) => {
    const before = await documentCount();
    const response = await upload({ Cookie: cookie, ...headers });
    expect(response.status).toBe(403);
    expect(errorCode(response)).toBe('cross_origin_request');
    expect(await documentCount()).toBe(before);
  });

  it('refuses revoking an API key and signing out from another site too', async () => {
    const created = await request(t.app).post('/api/keys').set(bearer(user.token)).send({ name: 'ci' });
    expect(created.status).toBe(201);
    const revoke = await request(t.app).delete(`/api/keys/${created.body.apiKey.id}`).set({ Cookie: cookie, Origin: 'http://evil.example' });
    expect(revoke.status).toBe(403);
    expect((await request(t.app).get('/api/auth/me').set(bearer(created.body.key))).status).toBe(200);
    const logout = await request(t.app).post('/api/auth/logout').set({ Cookie: cookie, 'Sec-Fetch-Site': 'cross-site' });
    expect(logout.status).toBe(403);
    expect((await request(t.app).get('/api/auth/me').set('Cookie', cookie)).status).toBe(200);
  });

  it('still lets another site read nothing it could not before: GETs pass the check (and need the cookie)', async () => {
    const response = await request(t.app).get('/api/documents').set({ Cookie: cookie, Origin: 'http://evil.example', 'Sec-Fetch-Site': 'cross-site' });
    expect(response.status).toBe(200);
  });
});

describe('changes the check lets through', () => {
  it.each([
    ['the app itself (Sec-Fetch-Site: same-origin)', { 'Sec-Fetch-Site': 'same-origin', Origin: 'http://localhost:3000' }],
    ['the app behind its proxy, in an older browser (Origin = forwarded host)', { Origin: 'http://localhost:3000', 'X-Forwarded-Host': 'localhost:3000' }],
    ['a trusted origin (TRUSTED_ORIGINS)', { Origin: 'https://admin-console.example.net', 'Sec-Fetch-Site': 'cross-site' }],
    ['a non-browser client (no Origin, no Sec-Fetch-Site)', {}],
  ])('accepts a cookie-authenticated upload from %s', async (_name, headers) => {
    const response = await upload({ Cookie: cookie, ...headers });
    expect(response.status).toBe(202);
  });

  it('never gets in the way of bearer-token clients, whatever Origin they send', async () => {
    const response = await upload({ ...bearer(user.token), Origin: 'http://evil.example', 'Sec-Fetch-Site': 'cross-site' });
    expect(response.status).toBe(202);
  });

  it('lets the sign-in page of the app log in, and refuses a login posted from another site', async () => {
    const own = await request(t.app).post('/api/auth/login').set('Sec-Fetch-Site', 'same-origin').send({ email: user.user.email, password: 'correct horse battery' });
    expect(own.status).toBe(200);
    const forged = await request(t.app).post('/api/auth/login').set('Origin', 'http://evil.example').send({ email: user.user.email, password: 'correct horse battery' });
    expect(forged.status).toBe(403);
    expect(errorCode(forged)).toBe('cross_origin_request');
  });
});
