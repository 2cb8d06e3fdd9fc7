// VectorStore on a Chroma server (chromadb v3 client), cosine space. Two layouts:
// - a collection's own index (`collectionId` given): one Chroma collection per (collection,
//   embedder), holding that collection's chunks only, so a query scans nothing else and needs no
//   filter (Chroma answers an unfiltered query from its HNSW index; a metadata filter makes it scan);
// - the one shared index per embedder of the days before collections: every query is filtered by
//   owner. Kept so those chunks stay searchable until they are copied into collection indexes.
import { ChromaClient, ChromaNotFoundError, type Collection, type Metadata, type Where } from 'chromadb';
import type { ChunkRecord, DenseQuery, DocumentChunksChange, Embedder, KeywordQuery, QueryHit, Sensitivity, StoredChunk, VectorStore } from './types';

export interface ChromaStoreOptions {
  /** e.g. http://127.0.0.1:8000 */
  url: string;
  /** Prepended to the collection name (tests and tenants isolate by it). */
  collectionPrefix?: string;
  embedder: Pick<Embedder, 'id' | 'dimensions'>;
  /** The collection this index holds; without it, the shared index filtered by owner. */
  collectionId?: string;
  /** Share one client among the stores of many collections. */
  client?: ChromaClient;
}

/** A client for the Chroma server at `url`. */
export function chromaClient(url: string): ChromaClient {
  const parsed = new URL(url);
  return new ChromaClient({
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : parsed.protocol === 'https:' ? 443 : 80,
    ssl: parsed.protocol === 'https:',
  });
}

const UPSERT_BATCH = 500;

/** Chroma allows [a-zA-Z0-9._-], 3..512 chars, starting and ending alphanumeric, no "..". */
export function collectionNameFor(prefix: string, embedder: Pick<Embedder, 'id' | 'dimensions'>): string {
  const sanitize = (value: string) => value.replace(/[^a-zA-Z0-9_-]+/g, '_');
  const name = `${sanitize(prefix)}chunks_${sanitize(embedder.id)}_${embedder.dimensions}`.replace(/^[^a-zA-Z0-9]+/, '');
  return name.slice(0, 512);
}

/** The Chroma collection of one collection's index for one embedder. */
export function collectionIndexName(prefix: string, collectionId: string, embedder: Pick<Embedder, 'id' | 'dimensions'>): string {
  const sanitize = (value: string) => value.replace(/[^a-zA-Z0-9_-]+/g, '_');
  const name = `${sanitize(prefix)}col_${sanitize(collectionId)}_${sanitize(embedder.id)}_${embedder.dimensions}`.replace(/^[^a-zA-Z0-9]+/, '');
  return name.slice(0, 512);
}

const chunkId = (documentId: string, chunkIndex: number) => `${documentId}:${chunkIndex}`;

const sensitivities: readonly Sensitivity[] = ['public', 'internal', 'confidential'];

function toHit(id: string, document: string | null | undefined, metadata: Metadata | null | undefined, score: number): QueryHit {
  const meta = metadata ?? {};
  const sensitivity = sensitivities.includes(meta.sensitivity as Sensitivity) ? (meta.sensitivity as Sensitivity) : 'confidential';
  const heading = typeof meta.heading === 'string' && meta.heading ? meta.heading : undefined;
  return {
    id,
    documentId: String(meta.documentId ?? id.slice(0, id.lastIndexOf(':'))),
    ownerId: String(meta.ownerId ?? ''),
    ...(typeof meta.collectionId === 'string' ? { collectionId: meta.collectionId } : {}),
    title: String(meta.title ?? ''),
    chunkIndex: Number(meta.chunkIndex ?? 0),
    text: document ?? '',
    sensitivity,
    ...(heading ? { heading } : {}),
    score,
  };
}

/** Cosine distance is 1 - cosine similarity (0..2); hits report the similarity, clamped to 0..1. */
function similarityOf(distance: number | null | undefined): number {
  return Math.min(1, Math.max(0, 1 - (distance ?? 1)));
}

function documentFilter(documentIds: string[]): Where {
  return documentIds.length === 1 ? { documentId: documentIds[0] as string } : { documentId: { $in: documentIds } };
}

function toStoredChunk(id: string, document: string | null | undefined, metadata: Metadata | null | undefined, embedding: number[] | null | undefined): StoredChunk {
  const meta = metadata ?? {};
  return {
    ...toHit(id, document, metadata, 1),
    embedding: embedding ? Array.from(embedding) : [],
    version: String(meta.version ?? ''),
    start: Number(meta.start ?? 0),
    end: Number(meta.end ?? 0),
  };
}

export class ChromaStore implements VectorStore {
  readonly collectionName: string;
  /** Set for a collection's own index. */
  readonly collectionId: string | undefined;
  private readonly client: ChromaClient;
  private readonly dimensions: number;
  private collectionPromise: Promise<Collection> | undefined;

  constructor(opts: ChromaStoreOptions) {
    this.client = opts.client ?? chromaClient(opts.url);
    this.collectionId = opts.collectionId;
    this.collectionName =
      opts.collectionId === undefined ? collectionNameFor(opts.collectionPrefix ?? '', opts.embedder) : collectionIndexName(opts.collectionPrefix ?? '', opts.collectionId, opts.embedder);
    this.dimensions = opts.embedder.dimensions;
  }

  /**
   * The filter of a query: none for a collection's own index (unless restricted to documents);
   * the owner, always, on the shared index.
   */
  private scopeFilter(ownerId: string | undefined, documentIds?: string[]): Where | undefined {
    if (this.collectionId === undefined) {
      if (!ownerId) throw new Error('ownerId is required for every query of the shared index');
      return documentIds ? { $and: [{ ownerId }, documentFilter(documentIds)] } : { ownerId };
    }
    return documentIds ? documentFilter(documentIds) : undefined;
  }

  private collection(): Promise<Collection> {
    this.collectionPromise ??= this.client
      .getOrCreateCollection({
        name: this.collectionName,
        embeddingFunction: null,
        metadata: { 'hnsw:space': 'cosine' },
      })
      .catch((error: unknown) => {
        this.collectionPromise = undefined;
        throw error;
      });
    return this.collectionPromise;
  }

  async upsert(chunks: ChunkRecord[], embeddings: number[][]): Promise<void> {
    if (chunks.length !== embeddings.length) {
      throw new Error(`upsert got ${chunks.length} chunks but ${embeddings.length} embeddings`);
    }
    for (const vector of embeddings) {
      if (vector.length !== this.dimensions) throw new Error(`expected ${this.dimensions}-d vectors, got ${vector.length}-d`);
    }
    if (chunks.length === 0) return;
    const collection = await this.collection();
    for (let i = 0; i < chunks.length; i += UPSERT_BATCH) {
      const batch = chunks.slice(i, i + UPSERT_BATCH);
      await collection.upsert({
        ids: batch.map((chunk) => chunkId(chunk.documentId, chunk.chunkIndex)),
        embeddings: embeddings.slice(i, i + UPSERT_BATCH),
        documents: batch.map((chunk) => chunk.text),
        metadatas: batch.map((chunk) => ({
          documentId: chunk.documentId,
          ownerId: chunk.ownerId,
          ...((chunk.collectionId ?? this.collectionId) ? { collectionId: (chunk.collectionId ?? this.collectionId) as string } : {}),
          title: chunk.title,
          chunkIndex: chunk.chunkIndex,
          sensitivity: chunk.sensitivity,
          version: chunk.version,
          start: chunk.start,
          end: chunk.end,
          ...(chunk.heading ? { heading: chunk.heading } : {}),
        })),
      });
    }
  }

  async query(q: DenseQuery): Promise<QueryHit[]> {
    const where = this.scopeFilter(q.ownerId, q.documentIds);
    if ((q.documentIds && q.documentIds.length === 0) || q.k <= 0) return [];
    const collection = await this.collection();
    const result = await collection.query({
      queryEmbeddings: [q.vector],
      nResults: Math.floor(q.k),
      ...(where ? { where } : {}),
      include: ['documents', 'metadatas', 'distances'],
    });
    const ids = result.ids[0] ?? [];
    return ids.map((id, i) => toHit(id, result.documents[0]?.[i], result.metadatas[0]?.[i], similarityOf(result.distances[0]?.[i])));
  }

  async keywordCandidates(q: KeywordQuery): Promise<QueryHit[]> {
    const where = this.scopeFilter(q.ownerId, q.documentIds);
    const terms = [...new Set(q.terms.filter((term) => term.length > 0))];
    if (terms.length === 0 || q.limit <= 0 || (q.documentIds && q.documentIds.length === 0)) return [];
    const collection = await this.collection();
    const result = await collection.get({
      ...(where ? { where } : {}),
      whereDocument: terms.length === 1 ? { $contains: terms[0] as string } : { $or: terms.map((term) => ({ $contains: term })) },
      limit: Math.floor(q.limit),
      include: ['documents', 'metadatas'],
    });
    return result.ids.map((id, i) => toHit(id, result.documents[i], result.metadatas[i], 0));
  }

  async deleteDocument(documentId: string, opts: { keepVersion?: string } = {}): Promise<number> {
    return (await this.deleteDocumentChunks(documentId, opts)).length;
  }

  /** As deleteDocument, returning the ids of the chunks deleted (the keyword index drops them too). */
  async deleteDocumentChunks(documentId: string, opts: { keepVersion?: string } = {}): Promise<string[]> {
    const collection = await this.collection();
    const where: Where = opts.keepVersion ? { $and: [{ documentId }, { version: { $ne: opts.keepVersion } }] } : { documentId };
    const { ids } = await collection.get({ where, include: [] });
    if (ids.length === 0) return [];
    await collection.delete({ ids });
    return ids;
  }

  /** The chunks with these ids that exist, with their vectors and everything stored for them. */
  async getChunks(ids: string[]): Promise<StoredChunk[]> {
    if (ids.length === 0) return [];
    const collection = await this.collection();
    const result = await collection.get({ ids: [...new Set(ids)], include: ['documents', 'metadatas', 'embeddings'] });
    return result.ids.map((id, i) => toStoredChunk(id, result.documents[i], result.metadatas[i], result.embeddings[i]));
  }

  /** Every chunk of a document with its vector, in chunk order (a re-index copies them). */
  async exportDocument(documentId: string): Promise<StoredChunk[]> {
    const collection = await this.collection();
    const result = await collection.get({ where: { documentId }, include: ['documents', 'metadatas', 'embeddings'] });
    return result.ids.map((id, i) => toStoredChunk(id, result.documents[i], result.metadatas[i], result.embeddings[i])).sort((a, b) => a.chunkIndex - b.chunkIndex);
  }

  /** How many chunks the index holds. */
  async count(): Promise<number> {
    return (await this.collection()).count();
  }

  /** Deletes the whole index (a deleted collection, or an index replaced by a re-index). */
  async drop(): Promise<void> {
    this.collectionPromise = undefined;
    await this.client.deleteCollection({ name: this.collectionName }).catch((error: unknown) => {
      // Never created (no chunk was ever written): nothing to delete.
      if (error instanceof ChromaNotFoundError) return;
      throw error;
    });
  }

  async countDocument(documentId: string): Promise<number> {
    const collection = await this.collection();
    const { ids } = await collection.get({ where: { documentId }, include: [] });
    return ids.length;
  }

  async listDocumentChunks(documentId: string, opts: { firstChunks?: number } = {}): Promise<QueryHit[]> {
    const collection = await this.collection();
    // With firstChunks, only the opening chunks leave Chroma: a long document is never read whole.
    const where: Where = opts.firstChunks === undefined ? { documentId } : { $and: [{ documentId }, { chunkIndex: { $lt: opts.firstChunks } }] };
    const result = await collection.get({ where, include: ['documents', 'metadatas'] });
    return result.ids.map((id, i) => toHit(id, result.documents[i], result.metadatas[i], 1)).sort((a, b) => a.chunkIndex - b.chunkIndex);
  }

  async updateDocumentChunks(documentId: string, change: DocumentChunksChange): Promise<number> {
    const collection = await this.collection();
    const { ids, metadatas } = await collection.get({ where: { documentId }, include: ['metadatas'] });
    if (ids.length === 0) return 0;
    // Whole metadata records, so the result does not depend on how the server merges updates.
    const updated = ids.map((_, i): Metadata => {
      const meta = { ...(metadatas[i] ?? {}) };
      if (change.sensitivities) meta.sensitivity = change.sensitivities[Number(meta.chunkIndex)] ?? 'confidential';
      if (change.title !== undefined) meta.title = change.title;
      return meta;
    });
    for (let i = 0; i < ids.length; i += UPSERT_BATCH) {
      await collection.update({ ids: ids.slice(i, i + UPSERT_BATCH), metadatas: updated.slice(i, i + UPSERT_BATCH) });
    }
    return ids.length;
  }

  async ping(): Promise<boolean> {
    try {
      await this.client.heartbeat();
      return true;
    } catch {
      return false;
    }
  }
}

/**
 * The Chroma indexes of every collection on one server, through one client: a collection's index
 * for an embedder, or the shared index of the days before collections. Stores are kept (they only
 * hold the collection handle), so a search does not look its collection up again.
 */
export class ChromaIndexes {
  private readonly client: ChromaClient;
  private readonly stores = new Map<string, ChromaStore>();

  constructor(
    private readonly opts: { url: string; collectionPrefix?: string; maxStores?: number },
  ) {
    this.client = chromaClient(opts.url);
  }

  /** The index of a collection for an embedder. */
  forCollection(collectionId: string, embedder: Pick<Embedder, 'id' | 'dimensions'>): ChromaStore {
    return this.store(`${collectionId}\u0000${embedder.id}\u0000${embedder.dimensions}`, { collectionId, embedder });
  }

  /** The one shared index of an embedder, filtered by owner (documents from before collections). */
  shared(embedder: Pick<Embedder, 'id' | 'dimensions'>): ChromaStore {
    return this.store(`\u0000shared\u0000${embedder.id}\u0000${embedder.dimensions}`, { embedder });
  }

  /** Forgets the handle of a dropped index (its next use creates it anew). */
  forget(collectionId: string, embedder: Pick<Embedder, 'id' | 'dimensions'>): void {
    this.stores.delete(`${collectionId}\u0000${embedder.id}\u0000${embedder.dimensions}`);
  }

  async ping(): Promise<boolean> {
    try {
      await this.client.heartbeat();
      return true;
    } catch {
      return false;
    }
  }

  private store(key: string, opts: { collectionId?: string; embedder: Pick<Embedder, 'id' | 'dimensions'> }): ChromaStore {
    let store = this.stores.get(key);
    if (store) {
      // Least recently used last out: re-insert on use.
      this.stores.delete(key);
      this.stores.set(key, store);
      return store;
    }
    store = new ChromaStore({ url: this.opts.url, collectionPrefix: this.opts.collectionPrefix ?? '', client: this.client, ...opts });
    this.stores.set(key, store);
    while (this.stores.size > (this.opts.maxStores ?? 10_000)) this.stores.delete(this.stores.keys().next().value as string);
    return store;
  }
}
