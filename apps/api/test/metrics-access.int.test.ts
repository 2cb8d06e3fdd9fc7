// GET /metrics is no longer public: without METRICS_TOKEN it does not exist (404); with it,
// Prometheus must send `Authorization: Bearer <METRICS_TOKEN>`.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, errorCode, signup, type SignedUp, type TestApp } from './helpers';

const METRICS_TOKEN = 'metrics-token-for-tests-0123456789';

describe('/metrics without METRICS_TOKEN', () => {
  it('is disabled: 404 in the one error shape, whoever asks', async () => {
    const t = await buildTestApp();
    try {
      const user = await signup(t.app);
      for (const headers of [{}, { Authorization: `Bearer ${user.token}` }, { Authorization: `Bearer ${METRICS_TOKEN}` }]) {
        const response = await request(t.app).get('/metrics').set(headers);
        expect(response.status).toBe(404);
        expect(errorCode(response)).toBe('route_not_found');
        expect(response.text).not.toContain('http_request_duration_seconds');
      }
    } finally {
      await t.close();
    }
  });
});

describe('/metrics with METRICS_TOKEN', () => {
  let t: TestApp;
  let user: SignedUp;
  beforeAll(async () => {
    t = await buildTestApp({ METRICS_TOKEN });
    user = await signup(t.app);
  });
  afterAll(() => t.close());

  it.each([
    ['no Authorization', {}],
    ['a wrong token', { Authorization: 'Bearer metrics-token-for-tests-0123456780' }],
    ["a user's session token", 'session'],
    ['the token in a cookie', { Cookie: `sy_session=${METRICS_TOKEN}` }],
  ])('refuses %s with 401 and shows nothing', async (_name, headers) => {
    const response = await request(t.app).get('/metrics').set(headers === 'session' ? { Authorization: `Bearer ${user.token}` } : headers);
    expect(response.status).toBe(401);
    expect(errorCode(response)).toBe('unauthorized');
    expect(response.headers['www-authenticate']).toContain('Bearer');
    expect(response.text).not.toContain('process_cpu_user_seconds_total');
  });

  it('serves Prometheus text to the bearer of the token', async () => {
    const response = await request(t.app).get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    expect(response.text).toContain('process_cpu_user_seconds_total');
  });
});
