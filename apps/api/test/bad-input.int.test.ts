// Bad input gets a 4xx in the one error shape `{error: {code, message, details?}}`, names the
// field at fault, changes nothing, and leaves the API answering: never a 500.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, buildTestApp, errorCode, signup, type SignedUp, type TestApp } from './helpers';

let t: TestApp;
let user: SignedUp;

beforeAll(async () => {
  t = await buildTestApp({ ALLOW_SIGNUP: 'true', RATE_LIMIT_PER_MINUTE: '100000' });
  user = await signup(t.app);
});
afterAll(() => t.close());

/** The fields the error names, in the order given. */
const fieldsOf = (response: request.Response): string[] => (response.body.error.details?.fields ?? []).map((f: { path: string }) => f.path);

describe('POST /api/route', () => {
  it('answers 400 invalid_json for a body that is not JSON', async () => {
    const response = await request(t.app).post('/api/route').set(bearer(user.token)).set('Content-Type', 'application/json').send('{"message": ');
    expect(response.status).toBe(400);
    expect(errorCode(response)).toBe('invalid_json');
  });

  it.each([
    ['missing message', {}, 'message'],
    ['an empty message', { message: '' }, 'message'],
    ['a message of the wrong type', { message: 42 }, 'message'],
    ['a message over 100 000 characters', { message: 'x'.repeat(100_001) }, 'message'],
    ['an unknown sensitivity', { message: 'hi', sensitivity: 'top-secret' }, 'sensitivity'],
    ['a sensitivity of the wrong type', { message: 'hi', sensitivity: 2 }, 'sensitivity'],
    ['an unknown complexity', { message: 'hi', complexity: 'extreme' }, 'complexity'],
    ['useDocuments of the wrong type', { message: 'hi', useDocuments: 'yes' }, 'useDocuments'],
    ['a conversationId of the wrong type', { message: 'hi', conversationId: 7 }, 'conversationId'],
    ['an array instead of an object', ['hi'], '(body)'],
  ])('answers 400 invalid_request naming the field for %s', async (_name, body, field) => {
    const response = await request(t.app).post('/api/route').set(bearer(user.token)).send(body);
    expect(response.status).toBe(400);
    expect(errorCode(response)).toBe('invalid_request');
    expect(fieldsOf(response)).toContain(field);
  });

  it('still answers a good request afterwards', async () => {
    const response = await request(t.app).post('/api/route').set(bearer(user.token)).send({ message: 'What is a haiku?', useDocuments: false });
    expect(response.status).toBe(200);
    expect(response.body.route).toMatchObject({ sensitivity: 'public', provider: expect.any(String) });
  });
});

describe('POST /api/keys', () => {
  it.each([
    ['a name of the wrong type', { name: 42 }],
    ['a name that is a list', { name: ['ci'] }],
    ['a null name', { name: null }],
    ['a blank name', { name: '   ' }],
    ['a name over 100 characters', { name: 'k'.repeat(101) }],
  ])('answers 400 naming the field for %s, and creates no key', async (_name, body) => {
    const response = await request(t.app).post('/api/keys').set(bearer(user.token)).send(body);
    expect(response.status).toBe(400);
    expect(errorCode(response)).toBe('invalid_request');
    expect(fieldsOf(response)).toEqual(['name']);
    expect(response.body).not.toHaveProperty('key');
    expect((await request(t.app).get('/api/keys').set(bearer(user.token))).body.keys).toEqual([]);
  });

  it('accepts a name of exactly 100 characters', async () => {
    const response = await request(t.app).post('/api/keys').set(bearer(user.token)).send({ name: 'k'.repeat(100) });
    expect(response.status).toBe(201);
    expect(response.body.apiKey.name).toBe('k'.repeat(100));
    await request(t.app).delete(`/api/keys/${response.body.apiKey.id}`).set(bearer(user.token)).expect(204);
  });
});

describe('oversized JSON bodies (over JSON_BODY_LIMIT, 1 MB by default)', () => {
  const huge = 'x'.repeat(1_500_000);
  it.each([
    ['/api/chat', { message: huge, useDocuments: false }],
    ['/api/chat (streamed)', { message: huge, useDocuments: false, stream: true }],
    ['/v1/chat/completions', { model: 'auto', messages: [{ role: 'user', content: huge }] }],
    ['/api/route', { message: huge }],
  ])('answers 413 payload_too_large in the one error shape on %s, and stores nothing', async (name, body) => {
    const path = name.split(' ')[0]!;
    const response = await request(t.app).post(path).set(bearer(user.token)).send(body);
    expect(response.status).toBe(413);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(Object.keys(response.body)).toEqual(['error']);
    expect(errorCode(response)).toBe('payload_too_large');
    expect(response.body.error.message).toMatch(/larger than the limit/);
    expect(JSON.stringify(response.body)).not.toContain('xxxxxxxx');
    expect((await request(t.app).get('/api/conversations').set(bearer(user.token))).body.conversations).toEqual([]);
  });
});
