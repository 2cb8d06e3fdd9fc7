// Rebuilding a collection's index with another embedder (issue 13 item 7), against the real Redis
// and Chroma: the serving index stays until the new one holds every document, then the new one
// serves and the old one is gone; a stopped rebuild resumes without copying again; documents from
// before collections move out of the shared index into their owner's personal collection.
import { CollectionRepository, DocumentRepository, personalCollectionId, RedisKeywordIndex } from '@switchyard/documents';
import { testEnv, uniqueId } from '@switchyard/testing';
import { ChromaIndexes, keywordTerms, type ChunkRecord, type Embedder } from '@switchyard/vectorstore';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createReindexProcessor, enqueueStaleIndexes } from './reindex';

const env = testEnv();
const redis = new Redis(env.redisUrl);
const prefix = `${env.keyPrefix}${uniqueId('reindex')}:`;
const documents = new DocumentRepository(redis, prefix);
const collections = new CollectionRepository(redis, prefix);
const keywords = new RedisKeywordIndex(redis, prefix);
const indexes = new ChromaIndexes({ url: env.chromaUrl, collectionPrefix: env.collectionPrefix });
afterAll(() => redis.disconnect());

/** A small deterministic embedder: which one made a vector is visible in its first component. */
function embedderNamed(id: string, marker: number): Embedder & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    id,
    dimensions: 8,
    calls,
    embed: async (texts) => {
      calls.push(texts);
      return texts.map((text) => [marker, ...Array.from({ length: 7 }, (_, index) => ((text.charCodeAt(index % text.length) % 13) + 1) / 13)]);
    },
  };
}

const texts = ['The boiler room key hangs by the fuse box.', 'Pump seal kit SK-7731 fits the HX-200 housings.', 'Visitors sign in at the front desk.'];

/** A ready document with one chunk per text, in `collectionId`'s index for `embedder`. */
async function indexedDocument(collectionId: string, embedder: Embedder, title: string, ownerId = 'owner', version = 'v1'): Promise<string> {
  const record = await documents.create({ ownerId, collectionId, title, filename: `${title}.txt`, mime: 'text/plain', size: 10, blobKey: 'e'.repeat(64) });
  const chunks: ChunkRecord[] = texts.map((text, chunkIndex) => ({ documentId: record.id, ownerId, collectionId, title, chunkIndex, text, start: 0, end: text.length, sensitivity: chunkIndex === 1 ? 'confidential' : 'internal', version }));
  await indexes.forCollection(collectionId, embedder).upsert(chunks, await embedder.embed(texts));
  await keywords.add(collectionId, chunks.map((chunk) => ({ id: `${chunk.documentId}:${chunk.chunkIndex}`, terms: keywordTerms(chunk.text) })));
  await collections.claimServingIndex(collectionId, { embedder: embedder.id, dimensions: embedder.dimensions });
  await documents.update(record.id, { status: 'ready', chunks: texts.length, version });
  return record.id;
}

const job = (collectionId: string) => ({ id: `rebuild-${collectionId}`, data: { collectionId }, updateProgress: async () => undefined, moveToWait: async () => 0 });

describe('index rebuild', () => {
  it('re-embeds every document into the new index, which serves only once complete; the old index is dropped', async () => {
    const oldEmbedder = embedderNamed('test-old', 0.9);
    const newEmbedder = embedderNamed('test-new', 0.1);
    const { id: collectionId } = await collections.create({ name: 'Facilities', ownerId: 'owner' });
    const first = await indexedDocument(collectionId, oldEmbedder, 'Keys');
    const second = await indexedDocument(collectionId, oldEmbedder, 'Pumps');

    // A worker started with the new embedder queues the collection.
    const queued: string[] = [];
    const queue = { getJob: async () => undefined, add: async (_name: string, data: { collectionId: string }) => void queued.push(data.collectionId) };
    expect(await enqueueStaleIndexes(collections, queue as never, newEmbedder)).toBeGreaterThanOrEqual(1);
    expect(queued).toContain(collectionId);

    // While the rebuild runs, the state still names the old index as serving, with progress.
    const seen: unknown[] = [];
    const processor = createReindexProcessor({ repo: documents, collections, indexes, keywords, embedder: newEmbedder, embedBatchSize: 2 });
    const progressJob = { ...job(collectionId), updateProgress: async () => void seen.push(await collections.indexState(collectionId)) };
    const result = await processor(progressJob);
    expect(result).toMatchObject({ outcome: 'rebuilt', copied: 2, skipped: 0 });
    expect(seen[0]).toMatchObject({ serving: { embedder: 'test-old' }, building: { embedder: 'test-new', doneDocuments: 1, totalDocuments: 2 } });

    expect(await collections.indexState(collectionId)).toEqual({ serving: { embedder: 'test-new', dimensions: 8 } });
    const rebuilt = indexes.forCollection(collectionId, newEmbedder);
    for (const documentId of [first, second]) {
      const chunks = await rebuilt.exportDocument(documentId);
      expect(chunks.map((chunk) => [chunk.text, chunk.sensitivity, chunk.collectionId])).toEqual(texts.map((text, index) => [text, index === 1 ? 'confidential' : 'internal', collectionId]));
      // Embedded again by the new embedder, not copied.
      for (const chunk of chunks) expect(chunk.embedding[0]).toBeCloseTo(0.1, 5);
    }
    expect(newEmbedder.calls.flat()).toHaveLength(texts.length * 2);
    expect(await indexes.forCollection(collectionId, oldEmbedder).count()).toBe(0); // dropped (a new, empty one)
    // The keyword index still finds the identifier.
    expect((await keywords.lookup(collectionId, ['sk-7731'], 10)).terms[0]?.ids.sort()).toEqual([`${first}:1`, `${second}:1`].sort());
    // Nothing left to do.
    expect(await processor(job(collectionId))).toMatchObject({ outcome: 'up_to_date' });
  });

  it('resumes a stopped rebuild without copying again what is already in the new index', async () => {
    const oldEmbedder = embedderNamed('test-old2', 0.9);
    const newEmbedder = embedderNamed('test-new2', 0.1);
    const { id: collectionId } = await collections.create({ name: 'Resumed', ownerId: 'owner' });
    const done = await indexedDocument(collectionId, oldEmbedder, 'Done');
    await indexedDocument(collectionId, oldEmbedder, 'Pending');
    // An earlier run copied the first document before it stopped.
    await indexes.forCollection(collectionId, newEmbedder).upsert(
      texts.map((text, chunkIndex) => ({ documentId: done, ownerId: 'owner', collectionId, title: 'Done', chunkIndex, text, start: 0, end: text.length, sensitivity: 'internal', version: 'v1' })),
      await newEmbedder.embed(texts),
    );
    newEmbedder.calls.length = 0;
    const result = await createReindexProcessor({ repo: documents, collections, indexes, keywords, embedder: newEmbedder, embedBatchSize: 8 })(job(collectionId));
    expect(result).toMatchObject({ outcome: 'rebuilt', copied: 1, skipped: 1 });
    expect(newEmbedder.calls.flat()).toEqual(texts);
  });

  it("moves documents from before collections out of the shared index into the owner's personal collection, copying their vectors", async () => {
    const embedder = embedderNamed('test-same', 0.5);
    const ownerId = uniqueId('legacy-owner');
    const personal = personalCollectionId(ownerId);
    const record = await documents.create({ ownerId, title: 'Old notes', filename: 'old.txt', mime: 'text/plain', size: 10, blobKey: 'f'.repeat(64) });
    await documents.update(record.id, { status: 'ready', chunks: texts.length, version: 'v0' });
    // As written before collections existed: no collectionId, in no collection's list.
    await redis.hdel(`${prefix}doc:${record.id}`, 'collectionId');
    await redis.zrem(`${prefix}collection:${personal}:docs`, record.id);
    const shared = indexes.shared(embedder);
    await shared.upsert(
      texts.map((text, chunkIndex) => ({ documentId: record.id, ownerId, title: 'Old notes', chunkIndex, text, start: 0, end: text.length, sensitivity: 'public', version: 'v0' })),
      await embedder.embed(texts),
    );
    // What the API does on the owner's first request: the personal collection, served by the shared index.
    await collections.ensurePersonal(ownerId);
    expect((await documents.adoptIntoPersonal(ownerId)).map((adopted) => adopted.id)).toEqual([record.id]);
    await collections.setServingIndex(personal, { embedder: embedder.id, dimensions: 8, legacyOwnerId: ownerId });
    embedder.calls.length = 0;

    const result = await createReindexProcessor({ repo: documents, collections, indexes, keywords, embedder, embedBatchSize: 8 })(job(personal));
    expect(result).toMatchObject({ outcome: 'rebuilt', copied: 1 });
    expect(embedder.calls).toEqual([]); // the same embedder: vectors copied, nothing embedded
    expect(await collections.indexState(personal)).toEqual({ serving: { embedder: 'test-same', dimensions: 8 } });
    expect((await indexes.forCollection(personal, embedder).listDocumentChunks(record.id)).map((chunk) => chunk.text)).toEqual(texts);
    expect(await shared.countDocument(record.id)).toBe(0);
    expect((await keywords.lookup(personal, ['boiler'], 10)).terms[0]?.ids).toEqual([`${record.id}:0`]);
  });
});
