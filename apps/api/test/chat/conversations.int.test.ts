// Conversations as a person manages them: rename, search, delete with undo, and versions (edit
// and resend, regenerate) that keep every earlier answer reachable. The fake LLM answers.
import {
  chatResponseSchema,
  conversationDetailResponseSchema,
  conversationSearchResponseSchema,
  conversationsResponseSchema,
  forkConversationResponseSchema,
  type ChatResponse,
} from '@switchyard/client';
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DELETED_RETENTION_SECONDS } from '../../src/services/conversations';
import { startChatHarness, type ChatHarness } from './harness';

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

const as = (user: { token: string }) => ({ Authorization: `Bearer ${user.token}` });

async function ask(user: { token: string }, message: string, extra: Record<string, unknown> = {}): Promise<ChatResponse> {
  const response = await request(h.app)
    .post('/api/chat')
    .set(as(user))
    .send({ message, useDocuments: false, ...extra });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return chatResponseSchema.parse(response.body);
}

async function conversationOf(user: { token: string }, id: string) {
  const response = await request(h.app).get(`/api/conversations/${id}`).set(as(user));
  expect(response.status).toBe(200);
  return conversationDetailResponseSchema.parse(response.body).conversation;
}

const listed = async (user: { token: string }) =>
  conversationsResponseSchema.parse((await request(h.app).get('/api/conversations').set(as(user))).body).conversations.map((c) => c.id);

/** What the model was sent last: the texts of its messages, in order. */
function lastModelMessages(): string[] {
  const posts = h.fake.requests.filter((r) => r.method === 'POST');
  const body = posts.at(-1)?.body as { messages?: { content: unknown }[] } | undefined;
  return (body?.messages ?? []).map((m) => (typeof m.content === 'string' ? m.content : JSON.stringify(m.content)));
}

describe('rename', () => {
  it('lets the owner rename a conversation, and nobody else', async () => {
    const first = await ask(alice, 'Plan the offsite agenda for the design team');
    const renamed = await request(h.app).patch(`/api/conversations/${first.conversationId}`).set(as(alice)).send({ title: '  Offsite planning ' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.conversation.title).toBe('Offsite planning');
    expect((await conversationOf(alice, first.conversationId)).title).toBe('Offsite planning');

    // A later answer in the conversation does not undo the rename.
    await ask(alice, 'Add a lunch break', { conversationId: first.conversationId });
    expect((await conversationOf(alice, first.conversationId)).title).toBe('Offsite planning');

    expect((await request(h.app).patch(`/api/conversations/${first.conversationId}`).set(as(bob)).send({ title: 'mine now' })).status).toBe(404);
    const empty = await request(h.app).patch(`/api/conversations/${first.conversationId}`).set(as(alice)).send({ title: '   ' });
    expect(empty.status).toBe(400);
    const unknownField = await request(h.app).patch(`/api/conversations/${first.conversationId}`).set(as(alice)).send({ title: 'x', pinned: true });
    expect(unknownField.status).toBe(400);
  });
});

describe('search', () => {
  it('finds conversations by title or by what was said, case-insensitively, only the caller’s', async () => {
    const greenhouse = await ask(alice, 'How warm should the GREENHOUSE be in winter?');
    const bees = await ask(alice, 'Tell me about bees');
    await ask(alice, 'The hive sits next to the Greenhouse door.', { conversationId: bees.conversationId });
    await ask(bob, 'My greenhouse is leaking');

    const search = async (q: string) => {
      const response = await request(h.app).get('/api/conversations').query({ q }).set(as(alice));
      expect(response.status).toBe(200);
      return conversationSearchResponseSchema.parse(response.body).conversations;
    };
    const found = await search('greenhouse');
    expect(found.map((c) => c.id).sort()).toEqual([greenhouse.conversationId, bees.conversationId].sort());
    expect(found.find((c) => c.id === greenhouse.conversationId)?.match.in).toBe('title');
    const inMessage = found.find((c) => c.id === bees.conversationId)!;
    expect(inMessage.match).toMatchObject({ in: 'message' });
    expect(inMessage.match.snippet).toMatch(/Greenhouse door/);

    expect(await search('no such words anywhere')).toEqual([]);
    expect((await request(h.app).get('/api/conversations').query({ q: '' }).set(as(alice))).status).toBe(400);
    expect((await request(h.app).get('/api/conversations').query({ q: 'x'.repeat(201) }).set(as(alice))).status).toBe(400);
  });

  it('redacts personal data in the snippets it shows', async () => {
    const mine = await ask(alice, 'Invoice question');
    await ask(alice, 'Send the quokka invoice to maria.keller@northwind-logistics.com today', { conversationId: mine.conversationId });
    const found = conversationSearchResponseSchema.parse((await request(h.app).get('/api/conversations').query({ q: 'quokka' }).set(as(alice))).body).conversations;
    expect(found).toHaveLength(1);
    expect(found[0]!.match.snippet).toContain('quokka invoice');
    expect(found[0]!.match.snippet).not.toContain('maria.keller');
  });
});

describe('delete with undo', () => {
  it('hides a deleted conversation everywhere until it is restored, and keeps it only for a while', async () => {
    const kept = await ask(alice, 'Keep this one about tulips');
    await ask(alice, 'And daffodils?', { conversationId: kept.conversationId });

    expect((await request(h.app).delete(`/api/conversations/${kept.conversationId}`).set(as(alice))).status).toBe(204);
    expect(await listed(alice)).not.toContain(kept.conversationId);
    expect((await request(h.app).get(`/api/conversations/${kept.conversationId}`).set(as(alice))).status).toBe(404);
    const continued = await request(h.app).post('/api/chat').set(as(alice)).send({ message: 'more', conversationId: kept.conversationId, useDocuments: false });
    expect(continued.status).toBe(404);
    // Found by no search, and gone for good after the retention period.
    const search = conversationSearchResponseSchema.parse((await request(h.app).get('/api/conversations').query({ q: 'tulips' }).set(as(alice))).body);
    expect(search.conversations).toEqual([]);
    const ttls = await Promise.all((await h.keys(`conv:${kept.conversationId}*`)).map((key) => h.ctx.redis.ttl(key)));
    expect(ttls.length).toBeGreaterThanOrEqual(2);
    for (const ttl of ttls) expect(ttl).toBeGreaterThan(DELETED_RETENTION_SECONDS - 60);

    // Nobody else can restore it; the owner can, once.
    expect((await request(h.app).post(`/api/conversations/${kept.conversationId}/restore`).set(as(bob))).status).toBe(404);
    const restored = await request(h.app).post(`/api/conversations/${kept.conversationId}/restore`).set(as(alice));
    expect(restored.status).toBe(200);
    expect(restored.body.conversation.title).toBe('Keep this one about tulips');
    expect(await listed(alice)).toContain(kept.conversationId);
    expect((await conversationOf(alice, kept.conversationId)).messages).toHaveLength(4);
    for (const key of await h.keys(`conv:${kept.conversationId}*`)) expect(await h.ctx.redis.ttl(key)).toBe(-1);
    expect((await request(h.app).post(`/api/conversations/${kept.conversationId}/restore`).set(as(alice))).status).toBe(404);
  });
});

describe('versions', () => {
  it('edits and resends a question; the earlier question and answer stay reachable', async () => {
    const first = await ask(alice, 'Name a fruit that is red');
    const second = await ask(alice, 'Name a vegetable that is green', { conversationId: first.conversationId });
    const before = await conversationOf(alice, first.conversationId);
    const secondQuestion = before.messages[2]!;
    expect(secondQuestion.content).toBe('Name a vegetable that is green');

    const forked = await request(h.app).post(`/api/conversations/${first.conversationId}/branches`).set(as(alice)).send({ messageId: secondQuestion.id });
    expect(forked.status).toBe(201);
    const fork = forkConversationResponseSchema.parse(forked.body);
    expect(fork.message).toBe('Name a vegetable that is green');
    expect(fork.conversation.messages.map((m) => m.content)).toEqual(before.messages.slice(0, 2).map((m) => m.content));
    expect(fork.branch).toMatchObject({ forkIndex: 2, messageCount: 2, preview: 'Name a vegetable that is green' });

    const edited = await ask(alice, 'Name a vegetable that is orange', { conversationId: first.conversationId });
    // The model saw the conversation as it is now: not the replaced question or its answer.
    const seen = lastModelMessages().join('\n');
    expect(seen).toContain('Name a fruit that is red');
    expect(seen).not.toContain('that is green');

    const now = await conversationOf(alice, first.conversationId);
    expect(now.messages.map((m) => m.content)).toEqual(['Name a fruit that is red', first.answer, 'Name a vegetable that is orange', edited.answer]);
    expect(now.branches).toEqual([expect.objectContaining({ id: fork.branch.id, forkIndex: 2, messageCount: 2 })]);

    // Back to the first version: the edited one becomes a branch in its place.
    const activated = await request(h.app).post(`/api/conversations/${first.conversationId}/branches/${fork.branch.id}/activate`).set(as(alice));
    expect(activated.status).toBe(200);
    const back = conversationDetailResponseSchema.parse(activated.body).conversation;
    expect(back.messages.map((m) => m.content)).toEqual(['Name a fruit that is red', first.answer, 'Name a vegetable that is green', second.answer]);
    expect(back.branches).toHaveLength(1);
    expect(back.branches[0]).toMatchObject({ forkIndex: 2, preview: 'Name a vegetable that is orange' });
    expect(await conversationOf(alice, first.conversationId)).toEqual(back);

    // And forward again.
    const forward = conversationDetailResponseSchema.parse(
      (await request(h.app).post(`/api/conversations/${first.conversationId}/branches/${back.branches[0]!.id}/activate`).set(as(alice))).body,
    ).conversation;
    expect(forward.messages.at(-1)?.content).toBe(edited.answer);
  });

  it('regenerates an answer from the model, not the cache, keeping the earlier answer as a version', async () => {
    h.fake.setBehavior({ mode: 'ok', reply: 'First take on the haiku.' });
    const original = await ask(alice, 'Write a haiku about autumn rain');
    expect(original.answer).toBe('First take on the haiku.');
    // The same question again is answered from the cache...
    expect((await ask(alice, 'Write a haiku about autumn rain')).cached).toBe(true);

    const fork = forkConversationResponseSchema.parse(
      (await request(h.app).post(`/api/conversations/${original.conversationId}/branches`).set(as(alice)).send({ messageId: original.messageId })).body,
    );
    expect(fork.message).toBe('Write a haiku about autumn rain');
    expect(fork.conversation.messages).toEqual([]);
    h.fake.setBehavior({ mode: 'ok', reply: 'Second take on the haiku.' });
    const posts = h.fake.requests.filter((r) => r.method === 'POST').length;
    // ...but a regenerate asks the model again.
    const regenerated = await ask(alice, fork.message, { conversationId: original.conversationId, regenerate: true });
    expect(regenerated.cached).toBe(false);
    expect(regenerated.answer).toBe('Second take on the haiku.');
    expect(h.fake.requests.filter((r) => r.method === 'POST').length).toBe(posts + 1);

    const now = await conversationOf(alice, original.conversationId);
    expect(now.messages.map((m) => m.content)).toEqual(['Write a haiku about autumn rain', 'Second take on the haiku.']);
    expect(now.branches).toHaveLength(1);
    const earlier = conversationDetailResponseSchema.parse(
      (await request(h.app).post(`/api/conversations/${original.conversationId}/branches/${now.branches[0]!.id}/activate`).set(as(alice))).body,
    ).conversation;
    expect(earlier.messages.at(-1)?.content).toBe('First take on the haiku.');
  });

  it('keeps versions nested inside versions reachable', async () => {
    const a = await ask(alice, 'Question one');
    await ask(alice, 'Question two', { conversationId: a.conversationId });
    const id = a.conversationId;
    const messages = (await conversationOf(alice, id)).messages;
    // A second version of question two, then a second version of question one.
    const forkTwo = forkConversationResponseSchema.parse((await request(h.app).post(`/api/conversations/${id}/branches`).set(as(alice)).send({ messageId: messages[2]!.id })).body);
    await ask(alice, 'Question two, edited', { conversationId: id });
    const forkOne = forkConversationResponseSchema.parse((await request(h.app).post(`/api/conversations/${id}/branches`).set(as(alice)).send({ messageId: messages[0]!.id })).body);
    expect(forkOne.conversation.branches.map((b) => b.forkIndex)).toEqual([0]);
    await ask(alice, 'Question one, edited', { conversationId: id });

    // Back to the first version of question one: its own second version of question two is there too.
    const back = conversationDetailResponseSchema.parse((await request(h.app).post(`/api/conversations/${id}/branches/${forkOne.branch.id}/activate`).set(as(alice))).body).conversation;
    expect(back.messages.map((m) => m.content).filter((_, i) => i % 2 === 0)).toEqual(['Question one', 'Question two, edited']);
    expect(back.branches.map((b) => [b.forkIndex, b.preview]).sort()).toEqual([
      [0, 'Question one, edited'],
      [2, 'Question two'],
    ]);
    expect(back.branches.find((b) => b.forkIndex === 2)?.id).toBe(forkTwo.branch.id);
  });

  it('refuses unknown messages and versions, and other users', async () => {
    const mine = await ask(alice, 'Something private');
    const fork = (user: { token: string }, messageId: string) => request(h.app).post(`/api/conversations/${mine.conversationId}/branches`).set(as(user)).send({ messageId });
    expect((await fork(bob, mine.messageId)).status).toBe(404);
    const unknown = await fork(alice, 'no-such-message');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('message_not_found');
    expect((await fork(alice, '')).status).toBe(400);
    const activate = await request(h.app).post(`/api/conversations/${mine.conversationId}/branches/no-such-branch/activate`).set(as(alice));
    expect(activate.status).toBe(404);
    expect(activate.body.error.code).toBe('branch_not_found');
    expect((await conversationOf(alice, mine.conversationId)).messages).toHaveLength(2);
  });
});
