// Retrieval and routing hints over /v1, opt-in: a `switchyard` object in the body or the
// `x-switchyard-*` headers ask for the caller's documents (citations come back in the answer's
// `switchyard` object), raise the sensitivity or set the complexity. Never another user's documents.
import OpenAI from 'openai';
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseSse, startChatHarness, type ChatHarness } from '../chat/harness';

type Account = { token: string; userId: string };
let h: ChatHarness;
let alice: Account;
let bob: Account;
let handbook: string;

const HANDBOOK = 'Staff keep the spare key to the boathouse under the third blue flowerpot by the door.';
const SALARIES = 'CONFIDENTIAL: the boathouse caretaker salary review sets pay at 41,000 per year.';

/** A document record (as POST /api/documents makes it) and its chunk in the vector store, as the worker would write it. */
async function addDocument(account: Account, title: string, text: string, sensitivity: 'public' | 'confidential'): Promise<string> {
  const created = await request(h.app).post('/api/documents').set('Authorization', `Bearer ${account.token}`).send({ title, text });
  const id = (created.body as { documents: { id: string }[] }).documents[0]!.id;
  const [vector] = await h.ctx.embedder.embed([text]);
  await h.ctx.store.upsert([{ documentId: id, ownerId: account.userId, title, chunkIndex: 0, text, start: 0, end: text.length, sensitivity, version: 'v1' }], [vector ?? []]);
  return id;
}

beforeAll(async () => {
  h = await startChatHarness({ env: { CACHE_TTL_SECONDS: '0' } });
  alice = await h.signup('alice');
  bob = await h.signup('bob');
  handbook = await addDocument(alice, 'Handbook', HANDBOOK, 'public');
}, 60_000);
afterAll(async () => {
  await h?.close();
});
beforeEach(() => h.fake.reset());

const upstream = () => h.fake.requests.filter((r) => r.method === 'POST');
const sent = () => JSON.stringify(upstream()[0]?.body ?? '');
const clientFor = (account: Account, headers: Record<string, string> = {}) => new OpenAI({ baseURL: `${h.url}/v1`, apiKey: account.token, maxRetries: 0, defaultHeaders: headers });
const question = 'Where is the spare key to the boathouse kept?';
type Extension = { switchyard: { citations: { documentId: string }[]; route: { provider: string; complexity: string; sensitivity: string }; cached: boolean } };

describe('documents over /v1', () => {
  it('retrieves only when asked, and returns citations in the switchyard object', async () => {
    h.fake.setBehavior({ mode: 'ok', reply: 'It is under the third blue flowerpot [1].' });
    const plain = (await clientFor(alice).chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: question }] })) as unknown as Extension;
    expect(sent()).not.toContain('flowerpot by the door');
    expect(plain.switchyard.citations).toEqual([]);

    h.fake.reset();
    h.fake.setBehavior({ mode: 'ok', reply: 'It is under the third blue flowerpot [1].' });
    const withDocs = await clientFor(alice).chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: question }],
      // @ts-expect-error -- Switchyard's extension object
      switchyard: { useDocuments: true },
    });
    expect(sent()).toContain('flowerpot by the door');
    expect((withDocs as unknown as Extension).switchyard.citations).toEqual([expect.objectContaining({ documentId: handbook, title: 'Handbook' })]);
  });

  it('takes the same options as x-switchyard-* headers, and streams the citations on the last chunk', async () => {
    h.fake.setBehavior({ mode: 'ok', reply: 'Under the flowerpot [1].' });
    const res = await request(h.app)
      .post('/v1/chat/completions')
      .set('Authorization', `Bearer ${alice.token}`)
      .set('x-switchyard-document-ids', handbook)
      .send({ model: 'gpt-4o-mini', stream: true, messages: [{ role: 'user', content: question }] });
    expect(sent()).toContain('flowerpot by the door');
    const last = parseSse(res.text).filter((e) => typeof e.data === 'object').at(-1)?.data as Extension;
    expect(last.switchyard.citations[0]?.documentId).toBe(handbook);
  });

  it("never reaches another user's documents: named, it is 404; searched, nothing of Alice's enters Bob's prompt", async () => {
    const named = await request(h.app)
      .post('/v1/chat/completions')
      .set('Authorization', `Bearer ${bob.token}`)
      .send({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: question }], switchyard: { documentIds: [handbook] } });
    expect(named.status).toBe(404);
    expect(named.body.error.code).toBe('document_not_found');
    expect(upstream()).toHaveLength(0);

    await clientFor(bob, { 'x-switchyard-use-documents': 'true' }).chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: question }] });
    expect(sent()).not.toContain('flowerpot');
  });

  it('keeps an answer that draws on a confidential document on this machine', async () => {
    await addDocument(alice, 'Salaries', SALARIES, 'confidential');
    const { data, response } = await clientFor(alice, { 'x-switchyard-use-documents': 'true' })
      .chat.completions.create({ model: 'auto', messages: [{ role: 'user', content: 'What pay does the boathouse caretaker salary review set?' }] })
      .withResponse();
    expect(response.headers.get('x-switchyard-route')).toContain('provider=local-extractive');
    expect((data as unknown as Extension).switchyard.route.sensitivity).toBe('confidential');
    expect(upstream()).toHaveLength(0);
  });
});

describe('routing hints over /v1', () => {
  it('raises the sensitivity (body or header) so the cloud hears nothing, and sets the complexity', async () => {
    const viaBody = await request(h.app)
      .post('/v1/chat/completions')
      .set('Authorization', `Bearer ${alice.token}`)
      .send({ model: 'auto', messages: [{ role: 'user', content: 'Draft a friendly note to the team.' }], switchyard: { sensitivity: 'confidential' } });
    expect(viaBody.body.switchyard.route).toMatchObject({ sensitivity: 'confidential', provider: 'local-extractive' });
    const viaHeader = await clientFor(alice, { 'x-switchyard-sensitivity': 'confidential' }).chat.completions.create({ model: 'auto', messages: [{ role: 'user', content: 'Draft a friendly note to the team.' }] });
    expect((viaHeader as unknown as Extension).switchyard.route.sensitivity).toBe('confidential');
    expect(upstream()).toHaveLength(0);

    const complex = await clientFor(alice, { 'x-switchyard-complexity': 'complex' }).chat.completions.create({ model: 'auto', messages: [{ role: 'user', content: 'Hi there.' }] });
    expect((complex as unknown as Extension).switchyard.route.complexity).toBe('complex');
  });

  it('works on /v1/messages and /v1/responses too', async () => {
    const messages = await request(h.app)
      .post('/v1/messages')
      .set('x-api-key', alice.token)
      .send({ model: 'auto', max_tokens: 50, messages: [{ role: 'user', content: 'Draft a friendly note.' }], switchyard: { sensitivity: 'confidential' } });
    expect(messages.body.switchyard.route.provider).toBe('local-extractive');
    const responses = await request(h.app)
      .post('/v1/responses')
      .set('Authorization', `Bearer ${alice.token}`)
      .set('x-switchyard-sensitivity', 'confidential')
      .send({ model: 'auto', input: 'Draft a friendly note.' });
    expect(responses.body.switchyard.route.provider).toBe('local-extractive');
    expect(upstream()).toHaveLength(0);
  });

  it('refuses bad hints by name: an unknown level, a bad header value, an unreadable collection', async () => {
    const send = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
      request(h.app).post('/v1/chat/completions').set('Authorization', `Bearer ${alice.token}`).set(headers).send({ model: 'auto', messages: [{ role: 'user', content: 'hi' }], ...body });
    expect((await send({ switchyard: { sensitivity: 'secret' } })).body.error.param).toBe('switchyard.sensitivity');
    expect((await send({}, { 'x-switchyard-use-documents': 'yes' })).body.error).toMatchObject({ code: 'invalid_request', param: 'x-switchyard-use-documents' });
    expect((await send({}, { 'x-switchyard-complexity': 'hard' })).body.error.param).toBe('x-switchyard-complexity');
    // A collection the caller cannot read is not found, as everywhere else; nothing is sent.
    const collections = await send({ switchyard: { collectionIds: ['no-such-collection'] } });
    expect(collections.status).toBe(404);
    expect(collections.body.error.code).toBe('collection_not_found');
    expect(upstream()).toHaveLength(0);
  });
});
