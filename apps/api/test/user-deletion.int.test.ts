// Deleting an account takes its collections and its memberships with it (real Redis and Chroma).
// What the people left notice: the deleted user no longer appears in the members list of a
// collection they were shared into; the deleted user's own collections are gone (for their
// former members too, and from Chroma, the keyword index and the blob store); everybody else's
// documents are still there and still found by search, including the document the deleted user
// uploaded as an editor into someone else's collection.
import { collectionResponseSchema, collectionsResponseSchema, searchResponseSchema } from '@switchyard/client';
import { keywordTerms } from '@switchyard/vectorstore';
import { ChromaClient } from 'chromadb';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, buildTestApp, signup, type SignedUp, type TestApp } from './helpers';

let t: TestApp;
let admin: SignedUp;

beforeAll(async () => {
  t = await buildTestApp({ ALLOW_SIGNUP: 'true', RATE_LIMIT_PER_MINUTE: '100000' });
  admin = await signup(t.app); // the first account is the administrator
}, 60_000);

afterAll(async () => {
  await t?.close();
});

const api = () => request(t.app);

/** A document uploaded through the API into a collection, then indexed as the worker would (chunk and keyword terms). */
async function indexedDocument(uploader: SignedUp, collectionId: string, title: string, text: string): Promise<string> {
  const uploaded = await api().post('/api/documents').set(bearer(uploader.token)).send({ title, text, collectionId });
  expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(202);
  const id = uploaded.body.documents[0].id as string;
  await t.ctx.ingestQueue.remove(id);
  const [vector] = await t.ctx.embedder.embed([text]);
  await t.ctx.store.upsert(
    [{ documentId: id, ownerId: uploader.user.id, collectionId, title, chunkIndex: 0, text, start: 0, end: text.length, sensitivity: 'public', version: 'v1' }],
    [vector ?? []],
  );
  await t.ctx.keywords.add(collectionId, [{ id: `${id}:0`, terms: keywordTerms(`${title}\n${text}`) }]);
  await t.ctx.documents.update(id, { status: 'ready', progress: 100, chunks: 1, version: 'v1' });
  return id;
}

async function chromaCollectionNames(): Promise<string[]> {
  const url = new URL(t.env.CHROMA_URL);
  const collections = await new ChromaClient({ host: url.hostname, port: Number(url.port) }).listCollections({ limit: 100_000 });
  return collections.map((collection) => collection.name);
}

const collectionOf = async (user: SignedUp, name: string): Promise<string> => {
  const created = await api().post('/api/collections').set(bearer(user.token)).send({ name });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return collectionResponseSchema.parse(created.body).collection.id;
};

describe('deleting an account', () => {
  it('removes its collections (documents, Chroma indexes, keyword index, files) and its memberships; others keep their documents', async () => {
    const leaving = await signup(t.app);
    const colleague = await signup(t.app);

    // The colleague's team collection, shared with the leaving user as an editor; both upload into it.
    const team = await collectionOf(colleague, 'Dock operations');
    expect((await api().post(`/api/collections/${team}/members`).set(bearer(colleague.token)).send({ userId: leaving.user.id, role: 'editor' })).status).toBe(200);
    const colleaguesDocument = await indexedDocument(colleague, team, 'Forklift rules', 'Forklifts on the loading dock are charged overnight in bay QX-7731.');
    const contributed = await indexedDocument(leaving, team, 'Crane rules', 'The harbour crane is inspected every Tuesday by the morning shift.');

    // The leaving user's own collections: a project shared with the colleague, and their personal one.
    const project = await collectionOf(leaving, 'Private project');
    expect((await api().post(`/api/collections/${project}/members`).set(bearer(leaving.token)).send({ userId: colleague.user.id, role: 'viewer' })).status).toBe(200);
    const projectDocument = await indexedDocument(leaving, project, 'Budget', 'The project budget for the quay extension is held in reserve ZK-5521.');
    const personal = `personal-${leaving.user.id}`;
    const personalDocument = await indexedDocument(leaving, personal, 'Notes', 'My locker code is kept with the night supervisor.');
    const blobKeys = await Promise.all([projectDocument, personalDocument].map(async (id) => (await t.ctx.documents.getAny(id))!.blobKey));
    const indexNames = [project, personal].map((id) => t.ctx.indexes.forCollection(id, t.ctx.embedder).collectionName);
    expect(await chromaCollectionNames()).toEqual(expect.arrayContaining(indexNames));
    const seen = await api().post('/api/search').set(bearer(colleague.token)).send({ query: 'reserve ZK-5521' });
    expect(searchResponseSchema.parse(seen.body).hits.map((hit) => hit.documentId)).toContain(projectDocument);

    const deleted = await api().delete(`/api/users/${leaving.user.id}`).set(bearer(admin.token));
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(200);
    expect(deleted.body.deleted).toMatchObject({ userId: leaving.user.id, documents: 2, collections: 2, memberships: 1 });

    // The colleague's collection no longer lists the deleted user; its documents are intact, the
    // one the deleted user contributed included, and still found.
    const teamView = collectionResponseSchema.parse((await api().get(`/api/collections/${team}`).set(bearer(colleague.token))).body).collection;
    expect(teamView.members.map((member) => member.userId)).not.toContain(leaving.user.id);
    expect(teamView.documents).toBe(2);
    const teamDocuments = await api().get(`/api/documents?collectionId=${team}`).set(bearer(colleague.token));
    expect(teamDocuments.body.documents.map((document: { id: string; status: string }) => [document.id, document.status]).sort()).toEqual(
      [[colleaguesDocument, 'ready'], [contributed, 'ready']].sort(),
    );
    const found = await api().post('/api/search').set(bearer(colleague.token)).send({ query: 'where are forklifts charged? bay QX-7731' });
    expect(searchResponseSchema.parse(found.body).hits.map((hit) => hit.documentId)).toContain(colleaguesDocument);

    // The deleted user's collections are gone for their former member and for an administrator.
    const listed = collectionsResponseSchema.parse((await api().get('/api/collections').set(bearer(colleague.token))).body).collections.map((collection) => collection.id);
    expect(listed).not.toContain(project);
    expect((await api().get(`/api/collections/${project}`).set(bearer(colleague.token))).status).toBe(404);
    expect((await api().get(`/api/collections/${project}`).set(bearer(admin.token))).status).toBe(404);
    const adminListed = collectionsResponseSchema.parse((await api().get('/api/collections').set(bearer(admin.token))).body).collections.map((collection) => collection.id);
    expect(adminListed).not.toContain(project);
    expect(adminListed).not.toContain(personal);
    const lost = await api().post('/api/search').set(bearer(colleague.token)).send({ query: 'reserve ZK-5521' });
    expect(searchResponseSchema.parse(lost.body).hits.map((hit) => hit.documentId)).not.toContain(projectDocument);

    // ...and so are their documents, files, Chroma collections and keyword indexes.
    for (const id of [projectDocument, personalDocument]) expect(await t.ctx.documents.getAny(id)).toBeUndefined();
    for (const key of blobKeys) expect(await t.ctx.blobs.has(key)).toBe(false);
    const names = await chromaCollectionNames();
    for (const name of indexNames) expect(names).not.toContain(name);
    expect(names).toContain(t.ctx.indexes.forCollection(team, t.ctx.embedder).collectionName);
    for (const id of [project, personal]) expect(await t.ctx.redis.keys(`${t.env.REDIS_PREFIX}kw:${id}:*`)).toEqual([]);
    expect(await t.ctx.redis.keys(`${t.env.REDIS_PREFIX}collections-of:${leaving.user.id}`)).toEqual([]);
  });

  it('also removes documents from before collections, whose chunks are still in the old shared index', async () => {
    const leaving = await signup(t.app);
    // What an older version left: a ready record without collectionId, its chunk in the shared
    // index, and no personal collection yet (the user has not been back since the upgrade).
    const text = 'The old boiler room key hangs behind the second fuse box.';
    const record = await t.ctx.documents.create({ ownerId: leaving.user.id, title: 'Boiler', filename: 'b.txt', mime: 'text/plain', size: 10, blobKey: 'b'.repeat(64) });
    await t.ctx.redis.hdel(`${t.env.REDIS_PREFIX}doc:${record.id}`, 'collectionId');
    await t.ctx.redis.del(`${t.env.REDIS_PREFIX}collection:personal-${leaving.user.id}:docs`);
    await t.ctx.documents.update(record.id, { status: 'ready', chunks: 1, version: 'v0' });
    const shared = t.ctx.indexes.shared(t.ctx.embedder);
    await shared.upsert([{ documentId: record.id, ownerId: leaving.user.id, title: 'Boiler', chunkIndex: 0, text, start: 0, end: text.length, sensitivity: 'public', version: 'v0' }], await t.ctx.embedder.embed([text]));
    expect(await shared.listDocumentChunks(record.id)).toHaveLength(1);

    const deleted = await api().delete(`/api/users/${leaving.user.id}`).set(bearer(admin.token));
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(200);
    expect(deleted.body.deleted).toMatchObject({ documents: 1 });
    expect(await t.ctx.documents.getAny(record.id)).toBeUndefined();
    expect(await shared.listDocumentChunks(record.id)).toEqual([]);
    // Nothing was queued to move chunks into a collection that no longer exists.
    const jobs = await t.ctx.indexQueue.getJobs(['waiting', 'delayed', 'active']);
    expect(jobs.map((job) => job.data)).not.toContainEqual({ collectionId: `personal-${leaving.user.id}` });
  });
});
