// VectorStore on a Chroma server (chromadb v3 client). One collection per embedder (id + size),
// cosine space; every query is filtered by owner.
import { ChromaClient, type Collection, type Metadata, type Where } from 'chromadb';
import type { ChunkRecord, DenseQuery, DocumentChunksChange, Embedder, KeywordQuery, QueryHit, Sensitivity, VectorStore } from './types';

export interface ChromaStoreOptions {
  /** e.g. http://127.0.0.1:8000 */
  url: string;
  /** Prepended to the collection name (tests and tenants isolate by it). */
  collectionPrefix?: string;
  embedder: Pick<Embedder, 'id' | 'dimensions'>;
}

const UPSERT_BATCH = 500;

/** Chroma allows [a-zA-Z0-9._-], 3..512 chars, starting and ending alphanumeric, no "..". */
export function collectionNameFor(prefix: string, embedder: Pick<Embedder, 'id' | 'dimensions'>): string {
  const sanitize = (value: string) => value.replace(/[^a-zA-Z0-9_-]+/g, '_');
  const name = `${sanitize(prefix)}chunks_${sanitize(embedder.id)}_${embedder.dimensions}`.replace(/^[^a-zA-Z0-9]+/, '');
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
    title: String(meta.title ?? ''),
    chunkIndex: Number(meta.chunkIndex ?? 0),
    text: document ?? '',
    sensitivity,
    ...(heading ? { heading } : {}),
    score,
  };
}

function ownerFilter(ownerId: string, documentIds?: string[]): Where {
  if (!ownerId) throw new Error('ownerId is required for every query');
  if (!documentIds) return { ownerId };
  return { $and: [{ ownerId }, documentIds.length === 1 ? { documentId: documentIds[0] as string } : { documentId: { $in: documentIds } }] };
}

export class ChromaStore implements VectorStore {
  readonly collectionName: string;
  private readonly client: ChromaClient;
  private readonly dimensions: number;
  private collectionPromise: Promise<Collection> | undefined;

  constructor(opts: ChromaStoreOptions) {
    const url = new URL(opts.url);
    this.client = new ChromaClient({
      host: url.hostname,
      port: url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80,
      ssl: url.protocol === 'https:',
    });
    this.collectionName = collectionNameFor(opts.collectionPrefix ?? '', opts.embedder);
    this.dimensions = opts.embedder.dimensions;
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
    const where = ownerFilter(q.ownerId, q.documentIds);
    if ((q.documentIds && q.documentIds.length === 0) || q.k <= 0) return [];
    const collection = await this.collection();
    const result = await collection.query({
      queryEmbeddings: [q.vector],
      nResults: Math.floor(q.k),
      where,
      include: ['documents', 'metadatas', 'distances'],
    });
    const ids = result.ids[0] ?? [];
    return ids.map((id, i) => {
      const distance = result.distances[0]?.[i] ?? 1;
      // Cosine distance is 1 - cosine similarity (0..2); report the similarity, clamped to 0..1.
      const score = Math.min(1, Math.max(0, 1 - distance));
      return toHit(id, result.documents[0]?.[i], result.metadatas[0]?.[i], score);
    });
  }

  async keywordCandidates(q: KeywordQuery): Promise<QueryHit[]> {
    const where = ownerFilter(q.ownerId, q.documentIds);
    const terms = [...new Set(q.terms.filter((term) => term.length > 0))];
    if (terms.length === 0 || q.limit <= 0 || (q.documentIds && q.documentIds.length === 0)) return [];
    const collection = await this.collection();
    const result = await collection.get({
      where,
      whereDocument: terms.length === 1 ? { $contains: terms[0] as string } : { $or: terms.map((term) => ({ $contains: term })) },
      limit: Math.floor(q.limit),
      include: ['documents', 'metadatas'],
    });
    return result.ids.map((id, i) => toHit(id, result.documents[i], result.metadatas[i], 0));
  }

  async deleteDocument(documentId: string, opts: { keepVersion?: string } = {}): Promise<number> {
    const collection = await this.collection();
    const where: Where = opts.keepVersion ? { $and: [{ documentId }, { version: { $ne: opts.keepVersion } }] } : { documentId };
    const { ids } = await collection.get({ where, include: [] });
    if (ids.length === 0) return 0;
    await collection.delete({ ids });
    return ids.length;
  }

  async countDocument(documentId: string): Promise<number> {
    const collection = await this.collection();
    const { ids } = await collection.get({ where: { documentId }, include: [] });
    return ids.length;
  }

  async listDocumentChunks(documentId: string): Promise<QueryHit[]> {
    const collection = await this.collection();
    const result = await collection.get({ where: { documentId }, include: ['documents', 'metadatas'] });
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
