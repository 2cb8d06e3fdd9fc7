import { testEnv, uniqueId } from '@switchyard/testing';
import { ChromaClient } from 'chromadb';
import { beforeAll, describe, expect, it } from 'vitest';
import { chunkText } from './chunk';
import { ChromaIndexes, ChromaStore } from './chroma-store';
import { LocalEmbedder } from './embedders';
import type { ChunkRecord, Sensitivity } from './types';

const env = testEnv();
let embedder: LocalEmbedder;
let store: ChromaStore;

beforeAll(async () => {
  embedder = await LocalEmbedder.create();
  store = new ChromaStore({ url: env.chromaUrl, collectionPrefix: env.collectionPrefix, embedder });
});

async function ingest(opts: { documentId: string; ownerId: string; text: string; version: string; title?: string; sensitivity?: Sensitivity; chunkSize?: number }) {
  const chunks = await chunkText(opts.text, { chunkSize: opts.chunkSize ?? 200, chunkOverlap: 0 });
  const records: ChunkRecord[] = chunks.map((chunk) => ({
    ...chunk,
    documentId: opts.documentId,
    ownerId: opts.ownerId,
    title: opts.title ?? 'Untitled',
    sensitivity: opts.sensitivity ?? 'internal',
    version: opts.version,
  }));
  await store.upsert(records, await embedder.embed(records.map((record) => record.text)));
  return records;
}

const volcanoText =
  'Volcanic eruptions on Iceland are monitored by seismometers that detect magma moving underground. ' +
  'When tremors increase, the civil protection agency closes roads near the lava field.';
const bakingText =
  'Sourdough bread rises because wild yeast and lactic acid bacteria ferment the flour. ' +
  'A starter is fed daily with equal weights of flour and water and kept at room temperature.';

describe('ChromaStore', () => {
  it('answers ping against a running Chroma', async () => {
    expect(await store.ping()).toBe(true);
    const down = new ChromaStore({ url: 'http://127.0.0.1:1', embedder });
    expect(await down.ping()).toBe(false);
  });

  it('finds an upserted chunk by meaning, with its metadata and a cosine score', async () => {
    const ownerId = uniqueId('owner');
    const documentId = uniqueId('doc');
    await ingest({ documentId, ownerId, text: volcanoText, version: 'v1', title: 'Iceland', sensitivity: 'public' });
    await ingest({ documentId: uniqueId('doc'), ownerId, text: bakingText, version: 'v1', title: 'Bread' });
    const [vector] = await embedder.embed(['how do scientists watch for lava eruptions?']);
    const hits = await store.query({ vector: vector!, k: 2, ownerId });
    expect(hits[0]).toMatchObject({ documentId, ownerId, title: 'Iceland', chunkIndex: 0, sensitivity: 'public', id: `${documentId}:0` });
    expect(hits[0]!.text).toContain('seismometers');
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
    expect(hits[0]!.score).toBeGreaterThan(0);
    expect(hits[0]!.score).toBeLessThanOrEqual(1);
  });

  it('does not duplicate chunks when the same document is upserted again', async () => {
    const ownerId = uniqueId('owner');
    const documentId = uniqueId('doc');
    const first = await ingest({ documentId, ownerId, text: `${volcanoText}\n\n${bakingText}`, version: 'v1', chunkSize: 120 });
    expect(first.length).toBeGreaterThan(1);
    await ingest({ documentId, ownerId, text: `${volcanoText}\n\n${bakingText}`, version: 'v1', chunkSize: 120 });
    expect(await store.countDocument(documentId)).toBe(first.length);
    const listed = await store.listDocumentChunks(documentId);
    expect(listed.map((hit) => hit.chunkIndex)).toEqual(first.map((record) => record.chunkIndex));
  });

  it('reads only the opening chunks of a document when asked for the first few', async () => {
    const documentId = uniqueId('doc');
    const chunks = await ingest({ documentId, ownerId: uniqueId('owner'), text: `${volcanoText}\n\n${bakingText}`, version: 'v1', chunkSize: 120 });
    expect(chunks.length).toBeGreaterThan(2);
    expect((await store.listDocumentChunks(documentId, { firstChunks: 2 })).map((hit) => hit.chunkIndex)).toEqual([0, 1]);
  });

  it('deleteDocument with keepVersion removes only leftovers of earlier versions', async () => {
    const ownerId = uniqueId('owner');
    const documentId = uniqueId('doc');
    const long = `${volcanoText}\n\n${bakingText}\n\n${volcanoText}`;
    const v1 = await ingest({ documentId, ownerId, text: long, version: 'v1', chunkSize: 100 });
    const v2 = await ingest({ documentId, ownerId, text: bakingText, version: 'v2', chunkSize: 100 });
    expect(v1.length).toBeGreaterThan(v2.length);
    // Before cleanup the document holds the new chunks plus the old higher-index ones.
    expect(await store.countDocument(documentId)).toBe(v1.length);
    expect(await store.deleteDocument(documentId, { keepVersion: 'v2' })).toBe(v1.length - v2.length);
    const listed = await store.listDocumentChunks(documentId);
    expect(listed.map((hit) => hit.text)).toEqual(v2.map((record) => record.text));
    // Running the cleanup again deletes nothing more.
    expect(await store.deleteDocument(documentId, { keepVersion: 'v2' })).toBe(0);
    expect(await store.deleteDocument(documentId)).toBe(v2.length);
    expect(await store.countDocument(documentId)).toBe(0);
  });

  it("never returns another owner's chunks, even for a query that matches them best", async () => {
    const alice = uniqueId('alice');
    const bob = uniqueId('bob');
    const aliceDoc = uniqueId('doc');
    await ingest({ documentId: aliceDoc, ownerId: alice, text: volcanoText, version: 'v1' });
    await ingest({ documentId: uniqueId('doc'), ownerId: bob, text: `${volcanoText} Bob's copy with secret code ZX-9.`, version: 'v1' });
    const [vector] = await embedder.embed([volcanoText]);
    const hits = await store.query({ vector: vector!, k: 50, ownerId: alice });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((hit) => hit.ownerId === alice)).toBe(true);
    // Asking for Bob's document by id as Alice finds nothing either.
    const bobDocs = (await store.query({ vector: vector!, k: 50, ownerId: bob })).map((hit) => hit.documentId);
    expect(await store.query({ vector: vector!, k: 5, ownerId: alice, documentIds: bobDocs })).toEqual([]);
    expect(await store.keywordCandidates({ terms: ['ZX-9'], limit: 10, ownerId: alice })).toEqual([]);
    expect((await store.keywordCandidates({ terms: ['ZX-9'], limit: 10, ownerId: bob })).map((hit) => hit.ownerId)).toEqual([bob]);
    await expect(store.query({ vector: vector!, k: 5, ownerId: '' })).rejects.toThrow(/ownerId/);
  });

  it('restricts a query to the given documents', async () => {
    const ownerId = uniqueId('owner');
    const volcanoDoc = uniqueId('doc');
    const breadDoc = uniqueId('doc');
    await ingest({ documentId: volcanoDoc, ownerId, text: volcanoText, version: 'v1' });
    await ingest({ documentId: breadDoc, ownerId, text: bakingText, version: 'v1' });
    const [vector] = await embedder.embed(['volcano monitoring']);
    const hits = await store.query({ vector: vector!, k: 10, ownerId, documentIds: [breadDoc] });
    expect(hits.map((hit) => hit.documentId)).toEqual([breadDoc]);
  });

  it('relabels and retitles a document\'s chunks in place: search then reports the new labels, text and vectors unchanged', async () => {
    const documentId = uniqueId('relabel');
    const ownerId = uniqueId('owner');
    const records = await ingest({ documentId, ownerId, text: `${volcanoText} ${bakingText} ${volcanoText}`, version: 'v1', title: 'Old title', sensitivity: 'public' });
    expect(records.length).toBeGreaterThan(2);
    const labels = records.map((_, index): Sensitivity => (index === 1 ? 'confidential' : 'internal')).slice(0, -1); // the last chunk is not reached
    expect(await store.updateDocumentChunks(documentId, { sensitivities: labels, title: 'New title' })).toBe(records.length);

    const chunks = await store.listDocumentChunks(documentId);
    expect(chunks.map((chunk) => chunk.sensitivity)).toEqual(records.map((_, index) => (index === 1 || index === records.length - 1 ? 'confidential' : 'internal')));
    expect(chunks.every((chunk) => chunk.title === 'New title' && chunk.ownerId === ownerId)).toBe(true);
    expect(chunks.map((chunk) => chunk.text)).toEqual(records.map((record) => record.text));
    const [vector] = await embedder.embed([bakingText]);
    const hits = await store.query({ vector: vector as number[], k: 1, ownerId });
    expect(hits[0]).toMatchObject({ documentId, chunkIndex: 1, sensitivity: 'confidential', title: 'New title' });
    // Only the title: the labels stay.
    await store.updateDocumentChunks(documentId, { title: 'Third title' });
    expect((await store.listDocumentChunks(documentId)).map((chunk) => chunk.sensitivity)).toEqual(chunks.map((chunk) => chunk.sensitivity));
    expect(await store.updateDocumentChunks(uniqueId('missing'), { title: 'x' })).toBe(0);
  });

  it('keeps vectors of different embedders in different collections', async () => {
    const other = new ChromaStore({ url: env.chromaUrl, collectionPrefix: env.collectionPrefix, embedder: { id: 'openai/text-embedding-3-small', dimensions: 8 } });
    expect(other.collectionName).not.toBe(store.collectionName);
    const ownerId = uniqueId('owner');
    const documentId = uniqueId('doc');
    const record: ChunkRecord = { documentId, ownerId, title: 't', sensitivity: 'public', version: 'v1', chunkIndex: 0, text: 'eight dims', start: 0, end: 10 };
    await other.upsert([record], [[1, 0, 0, 0, 0, 0, 0, 0]]);
    expect(await other.countDocument(documentId)).toBe(1);
    expect(await store.countDocument(documentId)).toBe(0);
    await expect(other.upsert([record], [[1, 0, 0]])).rejects.toThrow(/8-d/);
    const url = new URL(env.chromaUrl);
    const names = (await new ChromaClient({ host: url.hostname, port: Number(url.port) }).listCollections()).map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining([store.collectionName, other.collectionName]));
    expect(other.collectionName).toMatch(/^[a-zA-Z0-9][a-zA-Z0-9_-]*[a-zA-Z0-9]$/);
  });
});

describe('ChromaIndexes: one index per collection', () => {
  it("keeps each collection's chunks in its own index: a query needs no filter and sees nothing else; dropping one deletes it", async () => {
    const indexes = new ChromaIndexes({ url: env.chromaUrl, collectionPrefix: env.collectionPrefix });
    const teamA = uniqueId('team-a');
    const teamB = uniqueId('team-b');
    const a = indexes.forCollection(teamA, embedder);
    const b = indexes.forCollection(teamB, embedder);
    expect(a.collectionName).not.toBe(b.collectionName);
    expect(indexes.forCollection(teamA, embedder)).toBe(a);
    const write = async (store: ChromaStore, collectionId: string, text: string) => {
      const documentId = uniqueId('doc');
      const record: ChunkRecord = { documentId, ownerId: 'uploader', collectionId, title: 't', sensitivity: 'internal', version: 'v1', chunkIndex: 0, text, start: 0, end: text.length };
      await store.upsert([record], await embedder.embed([text]));
      return documentId;
    };
    const volcanoDoc = await write(a, teamA, volcanoText);
    await write(b, teamB, volcanoText);
    const [vector] = await embedder.embed(['volcano monitoring']);
    // No owner needed, and only team A's chunk comes back, with its collection in the metadata.
    const hits = await a.query({ vector: vector!, k: 10 });
    expect(hits.map((hit) => [hit.documentId, hit.collectionId])).toEqual([[volcanoDoc, teamA]]);
    // The shared index still demands an owner.
    await expect(indexes.shared(embedder).query({ vector: vector!, k: 1 })).rejects.toThrow(/ownerId/);

    // getChunks returns the stored vector (a re-index copies it; keyword hits are scored with it).
    const [stored] = await a.getChunks([`${volcanoDoc}:0`, 'missing:0']);
    expect(stored).toMatchObject({ id: `${volcanoDoc}:0`, text: volcanoText, version: 'v1', collectionId: teamA });
    expect(stored!.embedding).toHaveLength(embedder.dimensions);
    expect(await a.count()).toBe(1);

    await a.drop();
    indexes.forget(teamA, embedder);
    const url = new URL(env.chromaUrl);
    const names = (await new ChromaClient({ host: url.hostname, port: Number(url.port) }).listCollections({ limit: 100_000 })).map((c) => c.name);
    expect(names).not.toContain(a.collectionName);
    expect(names).toContain(b.collectionName);
    // Dropping an index that was never written is not an error.
    await indexes.forCollection(uniqueId('never-written'), embedder).drop();
  });
});
