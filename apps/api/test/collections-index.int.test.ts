// Which index answers a collection's searches (issue 13 items 2 and 7): documents from before
// collections stay searchable from the old shared index until they are moved; during a re-index
// the serving index keeps answering; the switch takes effect on the next request.
import { personalCollectionId } from '@switchyard/documents';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, buildTestApp, signup, type SignedUp, type TestApp } from './helpers';

let t: TestApp;
let user: SignedUp;

const TEXT = 'The spare generator is started with the red lever behind the loading dock door.';
const QUERY = 'how do I start the spare generator?';

beforeAll(async () => {
  t = await buildTestApp({ ALLOW_SIGNUP: 'true' });
  user = await signup(t.app);
}, 60_000);

afterAll(async () => {
  await t?.close();
});

const search = (body: Record<string, unknown>) => request(t.app).post('/api/search').set(bearer(user.token)).send(body);

describe('documents from before collections', () => {
  it('are found on the first request after the upgrade (from the old shared index), and a move into the personal collection is queued', async () => {
    const owner = await signup(t.app);
    // What an older version left: a ready record without collectionId, its chunk in the shared index.
    const record = await t.ctx.documents.create({ ownerId: owner.user.id, title: 'Generator', filename: 'g.txt', mime: 'text/plain', size: 10, blobKey: 'a'.repeat(64) });
    await t.ctx.redis.hdel(`${t.env.REDIS_PREFIX}doc:${record.id}`, 'collectionId');
    await t.ctx.redis.del(`${t.env.REDIS_PREFIX}collection:${personalCollectionId(owner.user.id)}:docs`);
    await t.ctx.documents.update(record.id, { status: 'ready', chunks: 1, version: 'v0' });
    const [vector] = await t.ctx.embedder.embed([TEXT]);
    await t.ctx.indexes.shared(t.ctx.embedder).upsert([{ documentId: record.id, ownerId: owner.user.id, title: 'Generator', chunkIndex: 0, text: TEXT, start: 0, end: TEXT.length, sensitivity: 'public', version: 'v0' }], [vector ?? []]);

    const found = await request(t.app).post('/api/search').set(bearer(owner.token)).send({ query: QUERY });
    expect(found.status).toBe(200);
    expect(found.body.hits.map((hit: { documentId: string }) => hit.documentId)).toEqual([record.id]);
    const listed = await request(t.app).get('/api/documents').set(bearer(owner.token));
    expect(listed.body.documents.map((document: { id: string; collectionId: string }) => [document.id, document.collectionId])).toEqual([[record.id, personalCollectionId(owner.user.id)]]);
    expect(await t.ctx.collections.repo.indexState(personalCollectionId(owner.user.id))).toMatchObject({ serving: { legacyOwnerId: owner.user.id } });
    const jobs = await t.ctx.indexQueue.getJobs(['waiting', 'delayed', 'active']);
    expect(jobs.map((job) => job.data)).toContainEqual({ collectionId: personalCollectionId(owner.user.id) });
    // Nobody else finds them.
    expect((await search({ query: QUERY })).body.hits).toEqual([]);
  });
});

describe('a re-index', () => {
  it('keeps answering from the serving index while another is built, and follows the switch on the next request', async () => {
    const created = await request(t.app).post('/api/collections').set(bearer(user.token)).send({ name: 'Plant room' });
    const collectionId = created.body.collection.id as string;
    const uploaded = await request(t.app).post('/api/documents').set(bearer(user.token)).send({ title: 'Generator', text: TEXT, collectionId });
    const documentId = uploaded.body.documents[0].id as string;
    await t.ctx.ingestQueue.remove(documentId);
    const [vector] = await t.ctx.embedder.embed([TEXT]);
    await t.ctx.store.upsert([{ documentId, ownerId: user.user.id, collectionId, title: 'Generator', chunkIndex: 0, text: TEXT, start: 0, end: TEXT.length, sensitivity: 'public', version: 'v1' }], [vector ?? []]);
    await t.ctx.documents.update(documentId, { status: 'ready', chunks: 1, version: 'v1' });

    // A worker with another embedder has started rebuilding (the API has no key for it).
    const next = { embedder: 'openai/text-embedding-3-small', dimensions: 1536 };
    await t.ctx.collections.repo.startBuilding(collectionId, next, 1);
    const during = await search({ query: QUERY, collectionIds: [collectionId] });
    expect(during.status).toBe(200);
    expect(during.body.hits.map((hit: { documentId: string }) => hit.documentId)).toEqual([documentId]);
    const shown = await request(t.app).get(`/api/collections/${collectionId}`).set(bearer(user.token));
    expect(shown.body.collection.index).toEqual({ embedder: t.ctx.embedder.id, reindex: { embedder: next.embedder, doneDocuments: 0, totalDocuments: 1, progress: 0 } });

    // The rebuild completes: the next search uses the new index, here one this API cannot query.
    await t.ctx.collections.repo.finishBuilding(collectionId, next);
    const after = await search({ query: QUERY, collectionIds: [collectionId] });
    expect(after.status).toBe(503);
    expect(after.body.error.code).toBe('index_unavailable');
  });
});
