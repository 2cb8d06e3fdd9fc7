// The two-user access matrix of chat: routing, streamed chat, conversation lists, stats and
// retrieval never reach across users, and owner fields a client sends are ignored.
import { chatResponseSchema, statsResponseSchema } from '@switchyard/client';
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseSse, startChatHarness, type ChatHarness } from './harness';

type Account = { token: string; userId: string };

let h: ChatHarness;
let alice: Account;
let bob: Account;
/** Alice's conversation, which Bob tries to reach. */
let aliceConversation: string;
let aliceDocument: string;

const ALICE_CHUNK = 'Alice keeps the spare key to the boathouse under the third blue flowerpot.';

const as = (account: Account) => ({ Authorization: `Bearer ${account.token}` });
const chat = (account: Account, body: Record<string, unknown>) => request(h.app).post('/api/chat').set(as(account)).send(body);

beforeAll(async () => {
  h = await startChatHarness();
  await h.signup('admin'); // the first user is the admin, who sees everyone's stats
  alice = await h.signup('alice');
  bob = await h.signup('bob');
  aliceConversation = chatResponseSchema.parse((await chat(alice, { message: 'Plan a picnic for Saturday', useDocuments: false })).body).conversationId;
  // One of Alice's chunks in the vector store, as the worker would have written it.
  aliceDocument = `doc-${alice.userId}`;
  const [vector] = await h.ctx.embedder.embed([ALICE_CHUNK]);
  await h.ctx.store.upsert(
    [{ documentId: aliceDocument, ownerId: alice.userId, title: 'Boathouse', chunkIndex: 0, text: ALICE_CHUNK, start: 0, end: ALICE_CHUNK.length, sensitivity: 'public', version: 'v1' }],
    [vector ?? []],
  );
}, 60_000);

afterAll(async () => {
  await h?.close();
});

beforeEach(() => {
  h.fake.reset();
});

const messageCount = async (account: Account, conversationId: string) =>
  ((await request(h.app).get('/api/conversations').set(as(account))).body.conversations as { id: string; messageCount: number }[]).find((c) => c.id === conversationId)
    ?.messageCount;

describe("another user's conversation", () => {
  it('is 404 on POST /api/route, with no decision and no model call', async () => {
    const response = await request(h.app).post('/api/route').set(as(bob)).send({ message: 'What did we plan?', conversationId: aliceConversation });
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ error: { code: 'conversation_not_found', message: expect.any(String) } });
    expect(JSON.stringify(response.body)).not.toContain('picnic');
    expect(h.fake.requests).toEqual([]);
    // The owner routes within it fine.
    expect((await request(h.app).post('/api/route').set(as(alice)).send({ message: 'What did we plan?', conversationId: aliceConversation })).status).toBe(200);
  });

  it.each([
    ['stream: true', { stream: true }, {}],
    ['Accept: text/event-stream', {}, { Accept: 'text/event-stream' }],
  ])('is a JSON 404 on a streamed chat (%s) before any stream opens, and nothing is appended', async (_name, extraBody, headers) => {
    const before = await messageCount(alice, aliceConversation);
    const response = await chat(bob, { message: 'continue our plan', conversationId: aliceConversation, useDocuments: false, ...extraBody }).set(headers);
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.body).toEqual({ error: { code: 'conversation_not_found', message: expect.any(String) } });
    expect(response.text).not.toContain('event:');
    expect(h.fake.requests).toEqual([]);
    expect(await messageCount(alice, aliceConversation)).toBe(before);
  });

  it("is never listed in the other user's conversations", async () => {
    const bobs = chatResponseSchema.parse((await chat(bob, { message: 'Suggest a name for a sailing boat', useDocuments: false })).body);
    const listed = (await request(h.app).get('/api/conversations').set(as(bob))).body.conversations as { id: string; title: string }[];
    expect(listed.map((c) => c.id)).toEqual([bobs.conversationId]);
    expect(JSON.stringify(listed)).not.toContain('picnic');
    const alices = (await request(h.app).get('/api/conversations').set(as(alice))).body.conversations as { id: string }[];
    expect(alices.map((c) => c.id)).toContain(aliceConversation);
    expect(alices.map((c) => c.id)).not.toContain(bobs.conversationId);
  });
});

describe('stats', () => {
  it("count only the caller's own requests", async () => {
    const carol = await h.signup('carol');
    const dave = await h.signup('dave');
    await chat(carol, { message: 'Name two rivers in France.', useDocuments: false });
    await chat(carol, { message: 'Name two rivers in Spain.', useDocuments: false });
    const stats = async (account: Account) => statsResponseSchema.parse((await request(h.app).get('/api/stats').set(as(account))).body);

    const daveBefore = await stats(dave);
    expect(daveBefore.totals.requests).toBe(0);
    expect(daveBefore.byModel).toEqual([]);
    expect(daveBefore.timeline.at(-1)?.requests).toBe(0);

    await chat(dave, { message: 'Name two rivers in Italy.', useDocuments: false });
    const daveAfter = await stats(dave);
    expect(daveAfter.totals.requests).toBe(1);
    expect(daveAfter.byModel.reduce((sum, group) => sum + group.requests, 0)).toBe(1);
    expect((await stats(carol)).totals.requests).toBe(2);
  });
});

describe('owner fields sent by a client', () => {
  it.each(['ownerId', 'userId'])("are ignored (%s): Bob's chat and search never reach Alice's chunks, and his conversation stays his", async (field) => {
    const claim = { [field]: alice.userId };
    const answered = await chat(bob, { message: 'Where is the spare key to the boathouse?', useDocuments: true, ...claim });
    expect(answered.status).toBe(200);
    const answer = chatResponseSchema.parse(answered.body);
    expect(answer.citations).toEqual([]);
    expect(answer.route.reasons.join(' ')).not.toMatch(/passages from your documents/);
    expect(JSON.stringify(h.fake.requests)).not.toContain('flowerpot');
    // The conversation was stored for Bob, not for the owner he named.
    expect((await request(h.app).get(`/api/conversations/${answer.conversationId}`).set(as(bob))).status).toBe(200);
    expect((await request(h.app).get(`/api/conversations/${answer.conversationId}`).set(as(alice))).status).toBe(404);

    const streamed = await chat(bob, { message: 'Where exactly is the boathouse key hidden?', useDocuments: true, stream: true, ...claim }).buffer(true).parse((res, done) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => done(null, text));
    });
    const events = parseSse(streamed.body as string);
    expect(events.find((e) => e.event === 'citations')?.data).toEqual({ citations: [] });
    expect(streamed.body as string).not.toContain('flowerpot');

    const search = await request(h.app).post('/api/search').set(as(bob)).send({ query: 'spare key boathouse', ...claim });
    expect(search.status).toBe(200);
    expect(search.body.hits).toEqual([]);

    const uploaded = await request(h.app).post('/api/documents').set(as(bob)).send({ title: 'Bob notes', text: 'mine', ...claim });
    expect(uploaded.status).toBe(202);
    const documentId = uploaded.body.documents[0].id as string;
    expect((await h.ctx.documents.getAny(documentId))?.ownerId).toBe(bob.userId);
    expect((await request(h.app).get(`/api/documents/${documentId}`).set(as(alice))).status).toBe(404);
    await h.ctx.ingestQueue.remove(documentId);
  });

  it("are not needed by the owner: the same question by Alice retrieves her chunk", async () => {
    // The control for the test above: the chunk is retrievable, so Bob's empty context means something.
    const answer = chatResponseSchema.parse((await chat(alice, { message: 'Where is the spare key to the boathouse?', useDocuments: true })).body);
    expect(answer.route.reasons.join(' ')).toMatch(/passages from your documents/);
    expect(JSON.stringify(h.fake.requests)).toContain('flowerpot');
    const search = await request(h.app).post('/api/search').set(as(alice)).send({ query: 'spare key boathouse' });
    expect(search.body.hits.map((hit: { documentId: string }) => hit.documentId)).toEqual([aliceDocument]);
  });
});
