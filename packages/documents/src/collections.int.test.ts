import { testEnv, uniqueId } from '@switchyard/testing';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { accessAllows, CollectionRepository, personalCollectionId } from './collections';
import { RedisKeywordIndex } from './keyword-index';
import { DocumentRepository } from './records';

const env = testEnv();
const redis = new Redis(env.redisUrl);
const prefix = `${env.keyPrefix}${uniqueId('collections')}:`;
const collections = new CollectionRepository(redis, prefix);
const documents = new DocumentRepository(redis, prefix);
afterAll(() => redis.disconnect());

const base = { title: 'Plan', filename: 'plan.md', mime: 'text/markdown', size: 10, blobKey: 'a'.repeat(64) };

describe('CollectionRepository', () => {
  it('creates a personal collection once, however many first uses race', async () => {
    const userId = uniqueId('user');
    const results = await Promise.all(Array.from({ length: 5 }, () => collections.ensurePersonal(userId)));
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(new Set(results.map((result) => result.collection.id))).toEqual(new Set([personalCollectionId(userId)]));
    expect(results[0]!.collection).toMatchObject({ ownerId: userId, personal: true });
    expect(await collections.idsOf(userId)).toEqual([personalCollectionId(userId)]);
  });

  it('gives the owner, editors and viewers their access, and nothing to others or once removed', async () => {
    const owner = uniqueId('owner');
    const { id } = await collections.create({ name: 'Team handbook', ownerId: owner });
    await collections.setMember(id, 'ed', 'editor');
    await collections.setMember(id, 'vi', 'viewer');
    expect(await collections.accessOf(owner, id)).toBe('owner');
    expect(await collections.accessOf('ed', id)).toBe('editor');
    expect(await collections.accessOf('vi', id)).toBe('viewer');
    expect(await collections.accessOf('stranger', id)).toBeUndefined();
    expect(await collections.accessOf(owner, uniqueId('missing'))).toBeUndefined();
    expect(await collections.idsOf('vi')).toContain(id);
    expect((await collections.readers(id)).sort()).toEqual([owner, 'ed', 'vi'].sort());

    expect(await collections.removeMember(id, 'vi')).toBe(true);
    expect(await collections.removeMember(id, 'vi')).toBe(false);
    expect(await collections.accessOf('vi', id)).toBeUndefined();
    expect(await collections.idsOf('vi')).not.toContain(id);

    await collections.delete(id);
    expect(await collections.get(id)).toBeUndefined();
    expect(await collections.accessOf(owner, id)).toBeUndefined();
    expect(await collections.idsOf('ed')).not.toContain(id);
  });

  it('orders access: viewer < editor < owner', () => {
    expect(accessAllows('owner', 'editor')).toBe(true);
    expect(accessAllows('editor', 'editor')).toBe(true);
    expect(accessAllows('viewer', 'editor')).toBe(false);
    expect(accessAllows(undefined, 'viewer')).toBe(false);
  });

  it('lists a collection\'s documents and bumps every reader\'s corpus version when one becomes ready', async () => {
    const owner = uniqueId('owner');
    const { id } = await collections.create({ name: 'Shared', ownerId: owner });
    await collections.setMember(id, 'reader', 'viewer');
    const doc = await documents.create({ ...base, ownerId: owner, collectionId: id });
    expect((await documents.listCollection(id)).map((record) => record.id)).toEqual([doc.id]);
    const version = async (userId: string) => Number((await redis.get(documents.corpusKey(userId))) ?? 0);
    const before = await version('reader');
    await documents.update(doc.id, { status: 'ready' });
    expect(await version('reader')).toBe(before + 1);
    await documents.delete(owner, doc.id);
    expect(await documents.listCollection(id)).toEqual([]);
    expect(await version('reader')).toBe(before + 2);
  });

  it("adopts documents from before collections into the owner's personal collection", async () => {
    const owner = uniqueId('owner');
    const doc = await documents.create({ ...base, ownerId: owner });
    // As a record written before collections existed: no collectionId.
    await redis.hdel(`${prefix}doc:${doc.id}`, 'collectionId');
    await redis.zrem(`${prefix}collection:${personalCollectionId(owner)}:docs`, doc.id);
    expect((await documents.getAny(doc.id))?.collectionId).toBeUndefined();
    const adopted = await documents.adoptIntoPersonal(owner);
    expect(adopted.map((record) => record.id)).toEqual([doc.id]);
    expect((await documents.getAny(doc.id))?.collectionId).toBe(personalCollectionId(owner));
    expect((await documents.listCollection(personalCollectionId(owner))).map((record) => record.id)).toEqual([doc.id]);
    expect(await documents.adoptIntoPersonal(owner)).toEqual([]);
  });

  it('records the serving index once, and swaps in a rebuilt one in one step', async () => {
    const { id } = await collections.create({ name: 'Indexed', ownerId: uniqueId('owner') });
    expect(await collections.indexState(id)).toEqual({});
    expect(await collections.claimServingIndex(id, { embedder: 'local-use-en', dimensions: 512 })).toEqual({ embedder: 'local-use-en', dimensions: 512 });
    expect(await collections.claimServingIndex(id, { embedder: 'openai/x', dimensions: 8 })).toEqual({ embedder: 'local-use-en', dimensions: 512 });
    await collections.startBuilding(id, { embedder: 'openai/x', dimensions: 8 }, 10);
    await collections.reportBuilding(id, 4, 10);
    expect(await collections.indexState(id)).toMatchObject({ serving: { embedder: 'local-use-en' }, building: { embedder: 'openai/x', dimensions: 8, doneDocuments: 4, totalDocuments: 10 } });
    await collections.finishBuilding(id, { embedder: 'openai/x', dimensions: 8 });
    expect(await collections.indexState(id)).toEqual({ serving: { embedder: 'openai/x', dimensions: 8 } });
  });

  it("reads a user's collections with each one's index state in one call (a search's default scope)", async () => {
    const userId = uniqueId('reader');
    const own = await collections.create({ name: 'Own', ownerId: userId });
    const shared = await collections.create({ name: 'Shared', ownerId: uniqueId('owner') });
    await collections.setMember(shared.id, userId, 'viewer');
    await collections.claimServingIndex(shared.id, { embedder: 'local-use-en', dimensions: 512 });
    const { ids, states } = await collections.idsWithIndexStates(userId);
    expect(Object.fromEntries(ids.map((id, index) => [id, states[index]]))).toEqual({ [own.id]: {}, [shared.id]: { serving: { embedder: 'local-use-en', dimensions: 512 } } });
    await collections.removeMember(shared.id, userId);
    expect((await collections.idsWithIndexStates(userId)).ids).toEqual([own.id]);
    expect(await collections.idsWithIndexStates(uniqueId('nobody'))).toEqual({ ids: [], states: [] });
  });
});

describe('RedisKeywordIndex', () => {
  const keywords = new RedisKeywordIndex(redis, prefix, { commonAfter: 3 });

  it('finds every chunk holding a term, counts them, and forgets the postings of a common term', async () => {
    const collectionId = uniqueId('kw');
    await keywords.add(collectionId, [
      { id: 'd1:0', terms: ['pump', 'hx-220b', 'seal'] },
      { id: 'd1:1', terms: ['pump', 'impeller'] },
      { id: 'd2:0', terms: ['pump', 'seal'] },
      { id: 'd3:0', terms: ['pump'] },
    ]);
    const found = await keywords.lookup(collectionId, ['hx-220b', 'seal', 'pump', 'absent'], 10);
    expect(found.indexedChunks).toBe(4);
    const byTerm = Object.fromEntries(found.terms.map((term) => [term.term, term]));
    expect(byTerm['hx-220b']).toEqual({ term: 'hx-220b', count: 1, ids: ['d1:0'], common: false });
    expect(byTerm.seal?.ids.sort()).toEqual(['d1:0', 'd2:0']);
    expect(byTerm.pump).toMatchObject({ common: true, ids: [] });
    expect(byTerm.absent).toEqual({ term: 'absent', count: 0, ids: [], common: false });
    // Over the lookup's limit: the count without the ids.
    expect((await keywords.lookup(collectionId, ['seal'], 1)).terms[0]).toEqual({ term: 'seal', count: 2, ids: [], common: true });
  });

  it('re-indexing a chunk replaces its terms; removing it takes it out of every term', async () => {
    const collectionId = uniqueId('kw');
    await keywords.add(collectionId, [{ id: 'd1:0', terms: ['alpha', 'beta'] }]);
    await keywords.add(collectionId, [{ id: 'd1:0', terms: ['gamma'] }]);
    const after = await keywords.lookup(collectionId, ['alpha', 'gamma'], 10);
    expect(after.indexedChunks).toBe(1);
    expect(after.terms.map((term) => term.ids)).toEqual([[], ['d1:0']]);
    expect(await keywords.remove(collectionId, ['d1:0', 'never-there:0'])).toBe(1);
    expect(await keywords.lookup(collectionId, ['gamma'], 10)).toEqual({ indexedChunks: 0, terms: [{ term: 'gamma', count: 0, ids: [], common: false }] });
  });

  it('drops a whole collection index and leaves the others', async () => {
    const [first, second] = [uniqueId('kw'), uniqueId('kw')];
    await keywords.add(first, [{ id: 'a:0', terms: ['delta'] }]);
    await keywords.add(second, [{ id: 'b:0', terms: ['delta'] }]);
    await keywords.drop(first);
    expect((await keywords.lookup(first, ['delta'], 10)).terms[0]?.ids).toEqual([]);
    expect((await keywords.lookup(second, ['delta'], 10)).terms[0]?.ids).toEqual(['b:0']);
    expect(await redis.keys(`${prefix}kw:${first}:*`)).toEqual([]);
  });
});
