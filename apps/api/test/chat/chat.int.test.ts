import { chatResponseSchema, chatStreamEventSchemas, conversationResponseSchema, statsResponseSchema, type ChatResponse } from '@switchyard/client';
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CHAT_METRICS_TOKEN, parseSse, startChatHarness, type ChatHarness } from './harness';

let h: ChatHarness;
let alice: { token: string; userId: string };
let bob: { token: string; userId: string };

beforeAll(async () => {
  h = await startChatHarness();
  alice = await h.signup('alice');
  bob = await h.signup('bob');
}, 60_000);

afterAll(async () => {
  await h?.close();
});

beforeEach(() => {
  h.fake.reset();
});

const chat = (token: string, body: Record<string, unknown>) =>
  request(h.app).post('/api/chat').set('Authorization', `Bearer ${token}`).send(body);

const cloudRequests = () => h.fake.requests.filter((r) => r.method === 'POST');

describe('POST /api/chat (JSON)', () => {
  it('answers through a cloud model, with route, usage and a stored conversation', async () => {
    const res = await chat(alice.token, { message: 'What is the capital of France?', useDocuments: false });
    expect(res.status).toBe(200);
    const answer = chatResponseSchema.parse(res.body);
    expect(answer.answer).toContain('capital of France');
    expect(answer.cached).toBe(false);
    expect(answer.route.sensitivity).toBe('public');
    expect(['openai', 'anthropic']).toContain(answer.route.provider);
    expect(answer.route.reasons.length).toBeGreaterThan(0);
    expect(answer.usage.totalTokens).toBeGreaterThan(0);
    expect(cloudRequests()).toHaveLength(1);

    const stored = await request(h.app).get(`/api/conversations/${answer.conversationId}`).set('Authorization', `Bearer ${alice.token}`);
    expect(stored.status).toBe(200);
    const { conversation } = conversationResponseSchema.parse(stored.body);
    expect(conversation.title).toBe('What is the capital of France?');
    expect(conversation.messages.map((m) => [m.role, m.content])).toEqual([
      ['user', 'What is the capital of France?'],
      ['assistant', answer.answer],
    ]);
    expect(conversation.messages[1]?.id).toBe(answer.messageId);
    expect(conversation.messages[1]?.route?.model).toBe(answer.route.model);
    // A reloaded answer shows what it cost, whether it was cached and how long it took.
    expect(conversation.messages[1]).toMatchObject({ costUsd: answer.costUsd, cached: false, latencyMs: answer.latencyMs });
    expect(conversation.messages[0]).not.toHaveProperty('costUsd');
  });

  it('keeps the history of a conversation and passes it to the model', async () => {
    const first = chatResponseSchema.parse((await chat(alice.token, { message: 'My favourite colour is teal.', useDocuments: false })).body);
    const second = await chat(alice.token, { message: 'Which colour do I like?', conversationId: first.conversationId, useDocuments: false });
    expect(second.status).toBe(200);
    expect(second.body.conversationId).toBe(first.conversationId);
    const sent = cloudRequests().at(-1)?.body as { messages?: { role: string; content: unknown }[] };
    const texts = JSON.stringify(sent.messages);
    expect(texts).toContain('My favourite colour is teal.');
    expect(texts).toContain(first.answer);
    expect(texts).toContain('Which colour do I like?');

    const list = await request(h.app).get('/api/conversations').set('Authorization', `Bearer ${alice.token}`);
    const summary = (list.body.conversations as { id: string; messageCount: number }[]).find((c) => c.id === first.conversationId);
    expect(summary?.messageCount).toBe(4);
    expect((list.body.conversations as { id: string }[])[0]?.id).toBe(first.conversationId); // most recent first
  });

  it("judges a follow-up's complexity with the stored conversation: \"continue\" after a proof is complex work", async () => {
    const first = chatResponseSchema.parse((await chat(alice.token, { message: 'Prove that every finite integral domain is a field.', useDocuments: false })).body);
    expect(first.route.complexity).toBe('complex');
    const next = chatResponseSchema.parse((await chat(alice.token, { message: 'go on', conversationId: first.conversationId, useDocuments: false })).body);
    expect(next.route.complexity).toBe('complex');
    expect(next.route.reasons.join(' ')).toMatch(/continues an earlier complex request/);
    const fresh = chatResponseSchema.parse((await chat(alice.token, { message: 'go on', useDocuments: false })).body);
    expect(fresh.route.complexity).toBe('simple');
  });

  it('serves a repeated question from the cache until the corpus changes', async () => {
    const question = { message: 'Summarise the   refund policy in one line.', useDocuments: true };
    const miss = chatResponseSchema.parse((await chat(alice.token, question)).body);
    expect(miss.cached).toBe(false);
    const hit = await chat(alice.token, { ...question, message: 'summarise the refund policy in one line. ' });
    expect(hit.status).toBe(200);
    expect(hit.body.cached).toBe(true);
    expect(hit.body.answer).toBe(miss.answer);
    expect(hit.body.costUsd).toBe(0);
    expect(hit.body.route.reasons).toContain('answer served from the cache');
    expect(cloudRequests()).toHaveLength(1);
    const stored = await request(h.app).get(`/api/conversations/${hit.body.conversationId}`).set('Authorization', `Bearer ${alice.token}`);
    expect(conversationResponseSchema.parse(stored.body).conversation.messages.at(-1)).toMatchObject({ cached: true, costUsd: 0, latencyMs: hit.body.latencyMs });

    // Another user asking the same thing does not get Alice's answer from the cache.
    const bobs = await chat(bob.token, question);
    expect(bobs.body.cached).toBe(false);

    // Deleting a document changes Alice's corpus version: the old entry no longer matches.
    const created = await request(h.app)
      .post('/api/documents')
      .set('Authorization', `Bearer ${alice.token}`)
      .send({ title: 'Refunds', text: 'Refunds are accepted within 30 days.' });
    expect(created.status).toBe(202);
    const documentId = (created.body.documents as { id: string }[])[0]?.id;
    const deleted = await request(h.app).delete(`/api/documents/${documentId}`).set('Authorization', `Bearer ${alice.token}`);
    expect(deleted.status).toBe(204);
    const after = await chat(alice.token, question);
    expect(after.body.cached).toBe(false);
  });

  it('stops serving an answer once another process changes the corpus, and caches the new one', async () => {
    const question = { message: 'What does the warranty cover?', useDocuments: false };
    expect((await chat(alice.token, question)).body.cached).toBe(false);
    expect((await chat(alice.token, question)).body.cached).toBe(true);
    // The worker finishing an ingest bumps the version in Redis; this API process only learns of it
    // from the read that goes with the cache lookup.
    await h.ctx.documents.bumpCorpusVersion(alice.userId);
    const afterChange = await chat(alice.token, question);
    expect(afterChange.body.cached).toBe(false);
    expect((await chat(alice.token, question)).body.cached).toBe(true);
    expect(cloudRequests()).toHaveLength(2);
  });

  it('never caches a confidential request and never sends it to a cloud provider', async () => {
    const message = 'Patient Jane Roe, SSN 123-45-6789, diagnosis: type 2 diabetes. Draft a follow-up letter.';
    const before = await h.keys('cache:answer:*');
    for (let i = 0; i < 2; i++) {
      const res = await chat(alice.token, { message, sensitivity: 'public', useDocuments: false });
      expect(res.status).toBe(200);
      expect(res.body.route.sensitivity).toBe('confidential'); // declared public cannot lower it
      expect(res.body.route.provider).toBe('local-extractive');
      expect(res.body.cached).toBe(false);
    }
    expect(await h.keys('cache:answer:*')).toEqual(before);
    expect(cloudRequests()).toHaveLength(0);
    expect(JSON.stringify(h.fake.requests)).not.toContain('123-45-6789');
  });

  it('keeps a request local when a retrieved chunk is confidential, and cites it', async () => {
    const user = await h.signup('carol');
    const text = 'Project Nightingale budget: the merger with Acme closes in March for 40 million dollars.';
    const [vector] = await h.ctx.embedder.embed([text]);
    await h.ctx.store.upsert(
      [{ documentId: 'doc-nightingale', ownerId: user.userId, title: 'Nightingale plan', chunkIndex: 0, text, start: 0, end: text.length, sensitivity: 'confidential', version: 'v1' }],
      [vector ?? []],
    );
    const cacheBefore = await h.keys('cache:answer:*');
    const res = await chat(user.token, { message: 'When does the Acme merger close?' });
    expect(res.status).toBe(200);
    expect(res.body.route.sensitivity).toBe('confidential');
    expect(res.body.route.provider).toBe('local-extractive');
    expect(res.body.citations[0]?.documentId).toBe('doc-nightingale');
    expect(cloudRequests()).toHaveLength(0);
    expect(await h.keys('cache:answer:*')).toEqual(cacheBefore);
  });
});

describe('POST /api/chat (streamed)', () => {
  it('streams route, several deltas, citations and done with the whole answer', async () => {
    h.fake.setBehavior({ mode: 'ok', reply: 'Paris is the capital of France and its largest city.' });
    const res = await chat(alice.token, { message: 'Tell me about Paris', stream: true, useDocuments: false }).buffer(true).parse((response, done) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => done(null, text));
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/event-stream');
    expect(res.headers['cache-control']).toContain('no-cache');
    expect(res.headers['x-accel-buffering']).toBe('no');
    const events = parseSse(res.body as string);
    expect(events[0]?.event).toBe('route');
    chatStreamEventSchemas.route.parse(events[0]?.data);
    const deltas = events.filter((e) => e.event === 'delta').map((e) => chatStreamEventSchemas.delta.parse(e.data).text);
    expect(deltas.length).toBeGreaterThan(1);
    expect(events.map((e) => e.event).slice(-2)).toEqual(['citations', 'done']);
    const done = chatStreamEventSchemas.done.parse(events.at(-1)?.data);
    expect(done.answer).toBe('Paris is the capital of France and its largest city.');
    expect(deltas.join('')).toBe(done.answer);
  });

  it('streams a cached answer too, when asked with Accept: text/event-stream', async () => {
    const body = { message: 'What does HTTP stand for, in full?', useDocuments: false };
    const first = chatResponseSchema.parse((await chat(alice.token, body)).body);
    const res = await chat(alice.token, body).set('Accept', 'text/event-stream').buffer(true).parse((response, done) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => done(null, text));
    });
    const events = parseSse(res.body as string);
    const done = events.find((e) => e.event === 'done')?.data as ChatResponse;
    expect(done.cached).toBe(true);
    expect(done.answer).toBe(first.answer);
    expect(events.filter((e) => e.event === 'delta').map((e) => (e.data as { text: string }).text).join('')).toBe(first.answer);
  });

  it('aborts the upstream call within a second when the client disconnects, and stores no half answer', async () => {
    const user = await h.signup('dave');
    h.fake.setBehavior({ mode: 'ok', chunkDelayMs: 150, reply: 'one two three four five six seven eight nine ten eleven twelve thirteen fourteen' });
    const controller = new AbortController();
    const response = await fetch(`${h.url}/api/chat`, {
      method: 'POST',
      headers: { authorization: `Bearer ${user.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ message: 'Count slowly to fourteen', stream: true, useDocuments: false }),
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    while (!text.includes('event: delta')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    expect(text).toContain('event: delta');
    controller.abort();
    await h.fake.waitFor((requests) => requests.some((r) => r.method === 'POST' && r.aborted), 1_000);
    expect(h.fake.requests.find((r) => r.method === 'POST')?.completed).toBe(false);

    const list = await request(h.app).get('/api/conversations').set('Authorization', `Bearer ${user.token}`);
    expect(list.body.conversations).toEqual([]);
  });
});

describe('POST /api/chat (upstream breaks mid-stream)', () => {
  it('ends the stream with an error event, stores no half answer and counts an error', async () => {
    const user = await h.signup('gina');
    h.fake.setBehavior({ mode: 'malformed-stream', reply: 'This answer will break off after its first word.' });
    const res = await chat(user.token, { message: 'Explain photosynthesis briefly', stream: true, useDocuments: false }).buffer(true).parse((response, done) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => done(null, text));
    });
    expect(res.status).toBe(200);
    const events = parseSse(res.body as string);
    expect(events.map((e) => e.event)).toContain('delta');
    const last = events.at(-1);
    expect(last?.event).toBe('error');
    expect(chatStreamEventSchemas.error.parse(last?.data).error.code).toBe('all_providers_failed');
    expect(events.some((e) => e.event === 'done')).toBe(false);

    const list = await request(h.app).get('/api/conversations').set('Authorization', `Bearer ${user.token}`);
    expect(list.body.conversations).toEqual([]);
    const stats = statsResponseSchema.parse((await request(h.app).get('/api/stats').set('Authorization', `Bearer ${user.token}`)).body);
    expect(stats.totals.errors).toBe(1);
  });
});

describe('POST /api/route', () => {
  it('gives the decision without calling a model or writing a conversation', async () => {
    const user = await h.signup('erin');
    const res = await request(h.app)
      .post('/api/route')
      .set('Authorization', `Bearer ${user.token}`)
      .send({ message: 'Call Jane Doe at +1 415 555 0100 about her account', useDocuments: false });
    expect(res.status).toBe(200);
    expect(res.body.route.sensitivity).toBe('confidential');
    expect(res.body.route.provider).toBe('local-extractive');
    expect(res.body.route.reasons.join(' ')).toMatch(/phone number/);
    expect(h.fake.requests).toHaveLength(0);
    const list = await request(h.app).get('/api/conversations').set('Authorization', `Bearer ${user.token}`);
    expect(list.body.conversations).toEqual([]);
  });
});

describe('isolation and bad input', () => {
  it("answers 404 for another user's conversation, on chat, get and delete", async () => {
    const mine = chatResponseSchema.parse((await chat(alice.token, { message: 'A private note about lunch', useDocuments: false })).body);
    const auth = `Bearer ${bob.token}`;
    const asBob = await chat(bob.token, { message: 'continue', conversationId: mine.conversationId, useDocuments: false });
    expect(asBob.status).toBe(404);
    expect(asBob.body.error.code).toBe('conversation_not_found');
    expect((await request(h.app).get(`/api/conversations/${mine.conversationId}`).set('Authorization', auth)).status).toBe(404);
    expect((await request(h.app).delete(`/api/conversations/${mine.conversationId}`).set('Authorization', auth)).status).toBe(404);
    // still there for its owner, and the owner can delete it
    const own = `Bearer ${alice.token}`;
    expect((await request(h.app).get(`/api/conversations/${mine.conversationId}`).set('Authorization', own)).status).toBe(200);
    expect((await request(h.app).delete(`/api/conversations/${mine.conversationId}`).set('Authorization', own)).status).toBe(204);
    expect((await request(h.app).get(`/api/conversations/${mine.conversationId}`).set('Authorization', own)).status).toBe(404);
  });

  it.each([
    ['missing message', {}],
    ['empty message', { message: '' }],
    ['message of the wrong type', { message: 42 }],
    ['temperature out of range', { message: 'hi', temperature: 7 }],
    ['sensitivity not a level', { message: 'hi', sensitivity: 'secret' }],
  ])('answers 400 in the one error shape for %s', async (_name, body) => {
    const res = await chat(alice.token, body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_request');
    expect(typeof res.body.error.message).toBe('string');
  });

  it('answers 400 for invalid JSON and 401 without a token', async () => {
    const bad = await request(h.app).post('/api/chat').set('Authorization', `Bearer ${alice.token}`).set('Content-Type', 'application/json').send('{"message": ');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_json');
    const anonymous = await request(h.app).post('/api/chat').send({ message: 'hi' });
    expect(anonymous.status).toBe(401);
  });

  it('answers 404 for an unknown conversation id', async () => {
    const res = await chat(alice.token, { message: 'hi', conversationId: 'no-such-conversation' });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('conversation_not_found');
  });
});

describe('GET /api/stats', () => {
  it("counts a user's requests, cache hits, tokens and latency by route, model and provider", async () => {
    const user = await h.signup('frank');
    const body = { message: 'Name three primary colours.', useDocuments: false };
    await chat(user.token, body);
    await chat(user.token, body);
    await chat(user.token, { message: 'Name three secondary colours.', useDocuments: false });
    const res = await request(h.app).get('/api/stats').set('Authorization', `Bearer ${user.token}`);
    expect(res.status).toBe(200);
    const stats = statsResponseSchema.parse(res.body);
    expect(stats.totals.requests).toBe(3);
    expect(stats.totals.cacheHits).toBe(1);
    expect(stats.cacheHitRate).toBeCloseTo(1 / 3);
    expect(stats.totals.promptTokens).toBeGreaterThan(0);
    expect(stats.totals.latencyMs.count).toBe(3);
    expect(stats.byModel.reduce((sum, g) => sum + g.requests, 0)).toBe(3);
    expect(stats.byProvider.map((g) => g.key).some((key) => key === 'openai' || key === 'anthropic')).toBe(true);
    expect(stats.byRoute.length).toBeGreaterThan(0);
    expect(stats.timeline).toHaveLength(24);
    expect(stats.timeline.at(-1)?.requests).toBe(3);
    // The same hour split by route and by model, for the dashboard's charts over time.
    const lastHour = stats.timeline.at(-1)!;
    expect(Object.values(lastHour.byRoute).reduce((sum, point) => sum + point.requests, 0)).toBe(3);
    expect(Object.values(lastHour.byRoute).reduce((sum, point) => sum + point.cacheHits, 0)).toBe(1);
    expect(Object.keys(lastHour.byModel).sort()).toEqual(stats.byModel.map((g) => g.key).sort());
    expect(Object.values(lastHour.byModel).every((point) => point.p50LatencyMs > 0)).toBe(true);

    // The first user is the admin and sees everyone's requests.
    const everyone = statsResponseSchema.parse((await request(h.app).get('/api/stats').set('Authorization', `Bearer ${alice.token}`)).body);
    expect(everyone.totals.requests).toBeGreaterThan(stats.totals.requests);
  });

  it('exposes chat requests, cache hits, tokens and cost on /metrics', async () => {
    const res = await request(h.app).get('/metrics').set('Authorization', `Bearer ${CHAT_METRICS_TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/switchyard_chat_requests_total\{[^}]*cached="true"[^}]*\} [1-9]/);
    expect(res.text).toMatch(/switchyard_chat_cache_hits_total [1-9]/);
    expect(res.text).toMatch(/switchyard_chat_tokens_total\{[^}]*direction="completion"[^}]*\} [1-9]/);
    expect(res.text).toContain('switchyard_chat_latency_seconds_bucket');
  });

  it('rejects a bad window', async () => {
    const res = await request(h.app).get('/api/stats?hours=0').set('Authorization', `Bearer ${alice.token}`);
    expect(res.status).toBe(400);
  });
});
