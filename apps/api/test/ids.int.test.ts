// Ids are checked against the shared id schema before they become part of a Redis key. Before,
// `DELETE /api/conversations/<own id>:messages` named the conversation's message list and failed
// with WRONGTYPE (a 500). Now any id that cannot exist is 404, like an unknown one, and nothing
// is touched.
import { randomUUID } from 'node:crypto';
import { resourceIdSchema } from '@switchyard/client';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConversationStore } from '../src/services/conversations';
import { bearer, buildTestApp, errorCode, signup, type SignedUp, type TestApp } from './helpers';

let t: TestApp;
let user: SignedUp;
let conversationId: string;
let documentId: string;
let keyId: string;

beforeAll(async () => {
  t = await buildTestApp({ RATE_LIMIT_PER_MINUTE: '100000' });
  user = await signup(t.app);
  // A conversation of the user's, as a chat would have stored it.
  conversationId = randomUUID();
  const store = new ConversationStore(t.ctx.redis, t.env.REDIS_PREFIX);
  const pipeline = t.ctx.redis.multi();
  const now = new Date().toISOString();
  store.appendOn(pipeline, user.user.id, conversationId, [
    { id: randomUUID(), role: 'user', content: 'What is a haiku?', createdAt: now },
    { id: randomUUID(), role: 'assistant', content: 'A short poem.', createdAt: now },
  ], true);
  await pipeline.exec();
  documentId = (await request(t.app).post('/api/documents').set(bearer(user.token)).send({ title: 'Plan', text: 'Ship in May.' })).body.documents[0].id;
  keyId = (await request(t.app).post('/api/keys').set(bearer(user.token)).send({ name: 'ci' })).body.apiKey.id;
});
afterAll(() => t.close());

describe('ids that name another record in Redis', () => {
  it.each([
    ['DELETE', () => `/api/conversations/${conversationId}:messages`, 'conversation_not_found'],
    ['GET', () => `/api/conversations/${conversationId}:messages`, 'conversation_not_found'],
    ['DELETE', () => `/api/conversations/${encodeURIComponent(`${conversationId}:messages`)}`, 'conversation_not_found'],
    ['GET', () => `/api/documents/${documentId}:chunks`, 'document_not_found'],
    ['DELETE', () => `/api/documents/${documentId}:x`, 'document_not_found'],
    ['GET', () => `/api/documents/${encodeURIComponent('*')}/events`, 'document_not_found'],
    ['DELETE', () => `/api/keys/${keyId}:x`, 'api_key_not_found'],
    ['DELETE', () => `/api/keys/${'k'.repeat(300)}`, 'api_key_not_found'],
    ['GET', () => `/api/conversations/%E0%A4%A`, 'conversation_not_found'],
  ])('%s %s answers 404 in the one error shape', async (method, path, code) => {
    const response = await request(t.app)[method === 'GET' ? 'get' : 'delete'](path()).set(bearer(user.token));
    expect(response.status).toBe(404);
    expect(errorCode(response)).toBe(code);
  });

  it('leaves the conversation, its messages, the document and the key as they were', async () => {
    const conversation = await request(t.app).get(`/api/conversations/${conversationId}`).set(bearer(user.token));
    expect(conversation.status).toBe(200);
    expect(conversation.body.conversation.messages.map((m: { content: string }) => m.content)).toEqual(['What is a haiku?', 'A short poem.']);
    expect((await request(t.app).get(`/api/documents/${documentId}`).set(bearer(user.token))).status).toBe(200);
    expect((await request(t.app).get('/api/keys').set(bearer(user.token))).body.keys.map((k: { id: string }) => k.id)).toEqual([keyId]);
  });

  it('answers 404 for a chat continuing such a conversation id', async () => {
    const response = await request(t.app).post('/api/chat').set(bearer(user.token)).send({ message: 'and then?', conversationId: `${conversationId}:messages`, useDocuments: false });
    expect(response.status).toBe(404);
    expect(errorCode(response)).toBe('conversation_not_found');
  });

  it('still serves the real ids', async () => {
    expect((await request(t.app).delete(`/api/conversations/${conversationId}`).set(bearer(user.token))).status).toBe(204);
    expect((await request(t.app).delete(`/api/keys/${keyId}`).set(bearer(user.token))).status).toBe(204);
  });
});

describe('the shared id schema', () => {
  it('accepts UUIDs and plain ids, and nothing that could name a sibling key', () => {
    for (const good of [randomUUID(), 'bootstrap-admin', 'a_b-C9']) expect(resourceIdSchema.safeParse(good).success, good).toBe(true);
    for (const bad of ['', 'x:messages', 'a b', '../x', '*', '-leading', 'x'.repeat(129), 'é']) expect(resourceIdSchema.safeParse(bad).success, bad).toBe(false);
  });
});
