// The access matrix of collections: owner / editor / viewer / stranger / removed member (and an
// administrator) over every route that reaches a collection or its documents — collections,
// sharing, documents (list, read, passages, file, events, change, delete, upload), search, route
// and chat. The collection and its document are real: uploaded through the API, their chunks in
// the collection's own index as the worker writes them. A removed member is checked on the very
// request after the removal, including a question whose answer was cached while they were a member.
import { chatResponseSchema, collectionResponseSchema, collectionsResponseSchema, documentsResponseSchema, searchResponseSchema } from '@switchyard/client';
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseSse, startChatHarness, type ChatHarness } from './chat/harness';

type Account = { token: string; userId: string };
type Role = 'owner' | 'editor' | 'viewer' | 'stranger' | 'removed' | 'admin';

let h: ChatHarness;
const accounts = {} as Record<Role, Account>;
let collectionId: string;
let documentId: string;

const SECRET_TEXT = 'The lighthouse keeper stores the signal flares in the locked cabinet behind the brass telescope.';
const QUESTION = 'Where does the lighthouse keeper store the signal flares?';

const as = (role: Role) => ({ Authorization: `Bearer ${accounts[role].token}` });
const api = () => request(h.app);

/** A document of the collection, uploaded through the API and indexed as the worker would. */
async function indexedDocument(uploader: Role, title: string, text: string): Promise<string> {
  const uploaded = await api().post('/api/documents').set(as(uploader)).send({ title, text, collectionId });
  expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(202);
  const id = uploaded.body.documents[0].id as string;
  await h.ctx.ingestQueue.remove(id);
  const [vector] = await h.ctx.embedder.embed([text]);
  const record = await h.ctx.documents.getAny(id);
  await h.ctx.store.upsert(
    [{ documentId: id, ownerId: record!.ownerId, collectionId, title, chunkIndex: 0, text, start: 0, end: text.length, sensitivity: 'public', version: 'v1' }],
    [vector ?? []],
  );
  await h.ctx.documents.update(id, { status: 'ready', progress: 100, chunks: 1, version: 'v1' });
  return id;
}

beforeAll(async () => {
  h = await startChatHarness();
  accounts.admin = await h.signup('admin'); // the first account is the administrator
  for (const role of ['owner', 'editor', 'viewer', 'stranger', 'removed'] as const) accounts[role] = await h.signup(role);
  const created = await api().post('/api/collections').set(as('owner')).send({ name: 'Lighthouse operations' });
  expect(created.status).toBe(201);
  collectionId = collectionResponseSchema.parse(created.body).collection.id;
  for (const [role, access] of [['editor', 'editor'], ['viewer', 'viewer'], ['removed', 'viewer']] as const) {
    const added = await api().post(`/api/collections/${collectionId}/members`).set(as('owner')).send({ userId: accounts[role].userId, role: access });
    expect(added.status, JSON.stringify(added.body)).toBe(200);
  }
  documentId = await indexedDocument('owner', 'Lighthouse manual', SECRET_TEXT);
}, 120_000);

afterAll(async () => {
  await h?.close();
});

beforeEach(() => {
  h.fake.reset();
});

describe('a removed member', () => {
  it('could read while a member; loses everything on the very next request, a cached answer included', async () => {
    // While a member: search finds the passage, chat uses it (and the answer is cached).
    const searched = await api().post('/api/search').set(as('removed')).send({ query: QUESTION });
    expect(searchResponseSchema.parse(searched.body).hits.map((hit) => hit.documentId)).toContain(documentId);
    const first = chatResponseSchema.parse((await api().post('/api/chat').set(as('removed')).send({ message: QUESTION })).body);
    expect(first.route.reasons.join(' ')).toMatch(/passages from your documents/);
    expect(JSON.stringify(h.fake.requests)).toContain('brass telescope');
    const again = chatResponseSchema.parse((await api().post('/api/chat').set(as('removed')).send({ message: QUESTION })).body);
    expect(again.cached).toBe(true);

    const removed = await api().delete(`/api/collections/${collectionId}/members/${accounts.removed.userId}`).set(as('owner'));
    expect(removed.status).toBe(204);
    h.fake.reset();

    const after = chatResponseSchema.parse((await api().post('/api/chat').set(as('removed')).send({ message: QUESTION })).body);
    expect(after.cached).toBe(false);
    expect(after.citations).toEqual([]);
    expect(after.route.reasons.join(' ')).not.toMatch(/passages from your documents/);
    expect(JSON.stringify(h.fake.requests)).not.toContain('brass telescope');
    expect(JSON.stringify(after)).not.toContain('brass telescope');
    const search = await api().post('/api/search').set(as('removed')).send({ query: QUESTION });
    expect(searchResponseSchema.parse(search.body).hits).toEqual([]);
  });
});

const readers: Role[] = ['owner', 'editor', 'viewer', 'admin'];
const outsiders: Role[] = ['stranger', 'removed'];

describe('collections', () => {
  it.each(readers)('%s sees the collection listed and can read it', async (role) => {
    const listed = collectionsResponseSchema.parse((await api().get('/api/collections').set(as(role))).body).collections;
    expect(listed.map((collection) => collection.id)).toContain(collectionId);
    const one = await api().get(`/api/collections/${collectionId}`).set(as(role));
    expect(one.status).toBe(200);
    const { collection } = collectionResponseSchema.parse(one.body);
    expect(collection).toMatchObject({ id: collectionId, name: 'Lighthouse operations', documents: 1, personal: false });
    expect(collection.access).toBe(role === 'admin' || role === 'owner' ? 'owner' : role);
    if (role === 'admin') expect(collection.viaAdmin).toBe(true);
  });

  it.each(outsiders)('%s finds no such collection (404) and never sees it listed', async (role) => {
    const listed = collectionsResponseSchema.parse((await api().get('/api/collections').set(as(role))).body).collections;
    expect(listed.map((collection) => collection.id)).not.toContain(collectionId);
    for (const call of [
      api().get(`/api/collections/${collectionId}`),
      api().patch(`/api/collections/${collectionId}`).send({ name: 'Taken over' }),
      api().post(`/api/collections/${collectionId}/members`).send({ userId: accounts[role].userId, role: 'editor' }),
      api().delete(`/api/collections/${collectionId}/members/${accounts.viewer.userId}`),
      api().delete(`/api/collections/${collectionId}`),
    ]) {
      const response = await call.set(as(role));
      expect(response.status).toBe(404);
      expect(response.body).toEqual({ error: { code: 'collection_not_found', message: expect.any(String) } });
    }
  });

  it.each(['editor', 'viewer'] as const)('%s may not rename, share, remove others or delete (403)', async (role) => {
    for (const call of [
      api().patch(`/api/collections/${collectionId}`).send({ name: 'Renamed' }),
      api().post(`/api/collections/${collectionId}/members`).send({ userId: accounts.stranger.userId, role: 'viewer' }),
      api().delete(`/api/collections/${collectionId}/members/${role === 'editor' ? accounts.viewer.userId : accounts.editor.userId}`),
      api().delete(`/api/collections/${collectionId}`),
    ]) {
      const response = await call.set(as(role));
      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe('forbidden');
    }
    const unchanged = collectionResponseSchema.parse((await api().get(`/api/collections/${collectionId}`).set(as('owner'))).body).collection;
    expect(unchanged.name).toBe('Lighthouse operations');
    expect(unchanged.members.map((member) => member.userId).sort()).toEqual([accounts.editor.userId, accounts.viewer.userId].sort());
  });

  it('the owner renames, shares by email and changes a role; a member can leave on their own', async () => {
    const renamed = await api().patch(`/api/collections/${collectionId}`).set(as('owner')).send({ name: 'Lighthouse ops' });
    expect(collectionResponseSchema.parse(renamed.body).collection.name).toBe('Lighthouse ops');
    await api().patch(`/api/collections/${collectionId}`).set(as('owner')).send({ name: 'Lighthouse operations' });

    const throwaway = collectionResponseSchema.parse((await api().post('/api/collections').set(as('owner')).send({ name: 'Scratch' })).body).collection;
    const email = (await api().get('/api/auth/me').set(as('stranger'))).body.user.email as string;
    const shared = await api().post(`/api/collections/${throwaway.id}/members`).set(as('owner')).send({ email: email.toUpperCase(), role: 'viewer' });
    expect(collectionResponseSchema.parse(shared.body).collection.members).toEqual([{ userId: accounts.stranger.userId, email, role: 'viewer' }]);
    const promoted = await api().post(`/api/collections/${throwaway.id}/members`).set(as('owner')).send({ userId: accounts.stranger.userId, role: 'editor' });
    expect(collectionResponseSchema.parse(promoted.body).collection.members.map((member) => member.role)).toEqual(['editor']);
    expect((await api().delete(`/api/collections/${throwaway.id}/members/${accounts.stranger.userId}`).set(as('stranger'))).status).toBe(204);
    expect((await api().get(`/api/collections/${throwaway.id}`).set(as('stranger'))).status).toBe(404);
    // Unknown users, and the owner as a member of their own collection, are refused.
    expect((await api().post(`/api/collections/${throwaway.id}/members`).set(as('owner')).send({ email: 'nobody@example.com', role: 'viewer' })).body.error.code).toBe('user_not_found');
    expect((await api().post(`/api/collections/${throwaway.id}/members`).set(as('owner')).send({ userId: accounts.owner.userId, role: 'viewer' })).status).toBe(409);
    expect((await api().delete(`/api/collections/${throwaway.id}`).set(as('owner'))).status).toBe(204);
  });
});

describe('documents of the collection', () => {
  it.each(readers)('%s lists, reads, pages through the passages of, downloads and follows the events of the document', async (role) => {
    const listed = documentsResponseSchema.parse((await api().get(`/api/documents?collectionId=${collectionId}`).set(as(role))).body).documents;
    expect(listed.map((document) => document.id)).toContain(documentId);
    if (role !== 'admin') {
      // The default list: every collection they own or are a member of.
      const all = documentsResponseSchema.parse((await api().get('/api/documents').set(as(role))).body).documents;
      expect(all.find((document) => document.id === documentId)?.collectionId).toBe(collectionId);
    }
    const one = await api().get(`/api/documents/${documentId}`).set(as(role));
    expect(one.status).toBe(200);
    expect(one.body.document).toMatchObject({ id: documentId, collectionId, status: 'ready' });
    const passages = await api().get(`/api/documents/${documentId}/passages`).set(as(role));
    expect(passages.body.passages.map((passage: { text: string }) => passage.text)).toEqual([SECRET_TEXT]);
    const file = await api().get(`/api/documents/${documentId}/file`).set(as(role));
    expect(file.status).toBe(200);
    expect(file.text).toBe(SECRET_TEXT);
    const events = await api()
      .get(`/api/documents/${documentId}/events`)
      .set(as(role))
      .buffer(true)
      .parse((res, done) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => done(null, text));
      });
    expect(events.status).toBe(200);
    expect(parseSse(events.body as string)[0]?.data).toMatchObject({ id: documentId, status: 'ready' });
  });

  it.each(outsiders)('%s finds no such document on any route (404), and nothing in their lists', async (role) => {
    const all = documentsResponseSchema.parse((await api().get('/api/documents').set(as(role))).body).documents;
    expect(all.map((document) => document.id)).not.toContain(documentId);
    expect((await api().get(`/api/documents?collectionId=${collectionId}`).set(as(role))).status).toBe(404);
    for (const call of [
      api().get(`/api/documents/${documentId}`),
      api().get(`/api/documents/${documentId}/passages`),
      api().get(`/api/documents/${documentId}/file`),
      api().get(`/api/documents/${documentId}/events`),
      api().patch(`/api/documents/${documentId}`).send({ title: 'Mine now' }),
      api().delete(`/api/documents/${documentId}`),
    ]) {
      const response = await call.set(as(role));
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe('document_not_found');
      expect(JSON.stringify(response.body)).not.toContain('telescope');
    }
    const upload = await api().post('/api/documents').set(as(role)).send({ title: 'Planted', text: 'planted text', collectionId });
    expect(upload.status).toBe(404);
    expect(upload.body.error.code).toBe('collection_not_found');
    expect((await api().get(`/api/documents/${documentId}`).set(as('owner'))).body.document.title).toBe('Lighthouse manual');
  });

  it('a viewer may not upload, change or delete (403); nothing changes', async () => {
    expect((await api().post('/api/documents').set(as('viewer')).send({ title: 'Note', text: 'a note', collectionId })).status).toBe(403);
    const multipart = await api().post('/api/documents').set(as('viewer')).field('collectionId', collectionId).attach('files', Buffer.from('a viewer note'), 'note.txt');
    expect(multipart.status).toBe(403);
    expect((await api().patch(`/api/documents/${documentId}`).set(as('viewer')).send({ title: 'Renamed' })).status).toBe(403);
    expect((await api().delete(`/api/documents/${documentId}`).set(as('viewer'))).status).toBe(403);
    const listed = documentsResponseSchema.parse((await api().get(`/api/documents?collectionId=${collectionId}`).set(as('owner'))).body).documents;
    expect(listed.map((document) => [document.id, document.title])).toEqual([[documentId, 'Lighthouse manual']]);
  });

  it.each(['owner', 'editor', 'admin'] as const)('%s uploads into the collection, changes and deletes a document; the label records who set it', async (role) => {
    const id = await indexedDocument(role, `Tide table by ${role}`, `High tide on the north jetty is at 06:40 according to ${role}.`);
    const patched = await api().patch(`/api/documents/${id}`).set(as(role)).send({ sensitivity: 'internal' });
    expect(patched.status).toBe(200);
    expect(patched.body.document.labelSetBy.userId).toBe(accounts[role].userId);
    const viewerSees = await api().get(`/api/documents/${id}`).set(as('viewer'));
    expect(viewerSees.body.document).toMatchObject({ sensitivity: 'internal', collectionId });
    expect((await api().delete(`/api/documents/${id}`).set(as(role))).status).toBe(204);
    expect((await api().get(`/api/documents/${id}`).set(as('owner'))).status).toBe(404);
    expect(await h.ctx.store.countDocument(id)).toBe(0);
  });

  it("uploads go to the uploader's personal collection by default, and nobody else sees them", async () => {
    const uploaded = await api().post('/api/documents').set(as('viewer')).send({ title: 'Vera private', text: 'only mine' });
    expect(uploaded.status).toBe(202);
    const doc = uploaded.body.documents[0] as { id: string; collectionId: string };
    expect(doc.collectionId).toBe(`personal-${accounts.viewer.userId}`);
    await h.ctx.ingestQueue.remove(doc.id);
    for (const role of ['owner', 'editor', 'stranger'] as const) expect((await api().get(`/api/documents/${doc.id}`).set(as(role))).status).toBe(404);
  });
});

describe('search, route and chat over the collection', () => {
  it.each(['owner', 'editor', 'viewer'] as const)('%s finds the passage by default and when naming the collection, and chat uses it', async (role) => {
    for (const body of [{ query: QUESTION }, { query: QUESTION, collectionIds: [collectionId] }, { query: QUESTION, documentIds: [documentId] }]) {
      const found = await api().post('/api/search').set(as(role)).send(body);
      expect(found.status).toBe(200);
      const hits = searchResponseSchema.parse(found.body).hits;
      expect(hits[0]).toMatchObject({ documentId, collectionId });
    }
    const answer = chatResponseSchema.parse((await api().post('/api/chat').set(as(role)).send({ message: QUESTION, collectionIds: [collectionId] })).body);
    expect(answer.route.reasons.join(' ')).toMatch(/passages from your documents/);
    const routed = await api().post('/api/route').set(as(role)).send({ message: QUESTION, collectionIds: [collectionId] });
    expect(routed.status).toBe(200);
  });

  it('an administrator can name the collection, but it is not in their default scope', async () => {
    const named = await api().post('/api/search').set(as('admin')).send({ query: QUESTION, collectionIds: [collectionId] });
    expect(searchResponseSchema.parse(named.body).hits[0]?.documentId).toBe(documentId);
    const byDefault = await api().post('/api/search').set(as('admin')).send({ query: QUESTION });
    expect(searchResponseSchema.parse(byDefault.body).hits.map((hit) => hit.documentId)).not.toContain(documentId);
  });

  it.each(outsiders)('%s gets 404 naming the collection or document, and nothing from it by default', async (role) => {
    for (const [path, body] of [
      ['/api/search', { query: QUESTION, collectionIds: [collectionId] }],
      ['/api/search', { query: QUESTION, documentIds: [documentId] }],
      ['/api/chat', { message: QUESTION, collectionIds: [collectionId] }],
      ['/api/chat', { message: QUESTION, collectionIds: [collectionId], stream: true }],
      ['/api/route', { message: QUESTION, collectionIds: [collectionId] }],
    ] as const) {
      const response = await api().post(path).set(as(role)).send(body);
      expect(response.status, `${path} ${JSON.stringify(body)}`).toBe(404);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(JSON.stringify(response.body)).not.toContain('telescope');
    }
    const search = await api().post('/api/search').set(as(role)).send({ query: QUESTION });
    expect(searchResponseSchema.parse(search.body).hits).toEqual([]);
    const answer = chatResponseSchema.parse((await api().post('/api/chat').set(as(role)).send({ message: QUESTION })).body);
    expect(answer.citations).toEqual([]);
    expect(JSON.stringify(h.fake.requests)).not.toContain('brass telescope');
  });

  it('refuses collectionIds that are empty or not ids (400 / 404), never a 500', async () => {
    expect((await api().post('/api/search').set(as('owner')).send({ query: QUESTION, collectionIds: [] })).status).toBe(400);
    for (const bad of ['x:members', '../etc', 'a'.repeat(300)]) {
      const response = await api().post('/api/search').set(as('owner')).send({ query: QUESTION, collectionIds: [bad] });
      expect([400, 404], bad).toContain(response.status);
    }
  });
});

describe('deleting the collection', () => {
  it('deletes its documents and its index; members lose it; a personal collection cannot be deleted', async () => {
    const personal = `personal-${accounts.owner.userId}`;
    expect((await api().delete(`/api/collections/${personal}`).set(as('owner'))).status).toBe(409);
    const indexName = h.ctx.indexes.forCollection(collectionId, h.ctx.embedder).collectionName;
    expect((await api().delete(`/api/collections/${collectionId}`).set(as('owner'))).status).toBe(204);
    expect(await h.ctx.documents.getAny(documentId)).toBeUndefined();
    expect((await api().get(`/api/collections/${collectionId}`).set(as('viewer'))).status).toBe(404);
    expect(searchResponseSchema.parse((await api().post('/api/search').set(as('viewer')).send({ query: QUESTION })).body).hits).toEqual([]);
    const url = new URL(h.ctx.env.CHROMA_URL);
    const { ChromaClient } = await import('chromadb');
    const names = (await new ChromaClient({ host: url.hostname, port: Number(url.port) }).listCollections({ limit: 100_000 })).map((collection) => collection.name);
    expect(names).not.toContain(indexName);
  });
});
