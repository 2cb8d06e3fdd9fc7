// The chunks of every collection, addressed by document: writes go to the index of the document's
// collection (and its keyword index), deletes and label changes reach every index the collection
// has (the one serving searches and one being built by a re-index). Used by the worker (ingest)
// and the API (delete, relabel, passages). Which collection a document is in, and which indexes a
// collection has, come from a directory the app provides (Redis records); this package knows
// nothing of Redis.
import { type ChromaIndexes, type ChromaStore } from './chroma-store';
import { keywordTerms } from './retriever';
import type { ChunkRecord, DenseQuery, DocumentChunksChange, Embedder, QueryHit, VectorStore } from './types';

/** An index of a collection: its embedder, or the shared index of the days before collections. */
export interface IndexLocation {
  embedder: string;
  dimensions: number;
  /** The shared index filtered by this owner. */
  legacyOwnerId?: string;
}

export interface CollectionDirectory {
  /**
   * The collection of a document: its record's; without a record, the chunk's own or the
   * uploader's default collection (`hint`); undefined when neither says.
   */
  collectionOf(documentId: string, hint?: Pick<ChunkRecord, 'ownerId' | 'collectionId'>): Promise<string | undefined>;
  /** Every index the collection's chunks may be in (serving first). */
  indexesOf(collectionId: string): Promise<IndexLocation[]>;
  /** Called after chunks were written to `index`: the first write makes it the serving index. */
  wroteTo(collectionId: string, index: IndexLocation): Promise<void>;
}

/** A collection's keyword index, as written (terms from keywordTerms). */
export interface KeywordIndexWriter {
  add(collectionId: string, chunks: { id: string; terms: string[] }[]): Promise<void>;
  remove(collectionId: string, chunkIds: string[]): Promise<number>;
}

export interface CollectionChunkStoreOptions {
  indexes: ChromaIndexes;
  /** The embedder whose vectors `upsert` receives: they go to the collection's index for it. */
  embedder: Pick<Embedder, 'id' | 'dimensions'>;
  directory: CollectionDirectory;
  keywords: KeywordIndexWriter;
}

/** How many documents' collections are remembered (a document never changes collection). */
const REMEMBERED_DOCUMENTS = 10_000;

export class CollectionChunkStore implements VectorStore {
  private readonly remembered = new Map<string, string>();

  constructor(private readonly opts: CollectionChunkStoreOptions) {}

  /** The store of one index of a collection. */
  storeOf(collectionId: string, location: IndexLocation): ChromaStore {
    const embedder = { id: location.embedder, dimensions: location.dimensions };
    return location.legacyOwnerId === undefined ? this.opts.indexes.forCollection(collectionId, embedder) : this.opts.indexes.shared(embedder);
  }

  /** The collection of a document (see CollectionDirectory.collectionOf), remembered once known. */
  private async collectionOf(documentId: string, chunk?: Pick<ChunkRecord, 'ownerId' | 'collectionId'>): Promise<string | undefined> {
    const known = this.remembered.get(documentId);
    if (known) return known;
    const collectionId = await this.opts.directory.collectionOf(documentId, chunk);
    if (collectionId) {
      this.remembered.set(documentId, collectionId);
      while (this.remembered.size > REMEMBERED_DOCUMENTS) this.remembered.delete(this.remembered.keys().next().value as string);
    }
    return collectionId;
  }

  async upsert(chunks: ChunkRecord[], embeddings: number[][]): Promise<void> {
    if (chunks.length !== embeddings.length) throw new Error(`upsert got ${chunks.length} chunks but ${embeddings.length} embeddings`);
    const groups = new Map<string, { chunks: ChunkRecord[]; embeddings: number[][] }>();
    for (const [index, chunk] of chunks.entries()) {
      const collectionId = await this.collectionOf(chunk.documentId, chunk);
      if (!collectionId) throw new Error(`document ${chunk.documentId} has no collection`);
      const group = groups.get(collectionId) ?? { chunks: [], embeddings: [] };
      group.chunks.push({ ...chunk, collectionId });
      group.embeddings.push(embeddings[index] as number[]);
      groups.set(collectionId, group);
    }
    const location: IndexLocation = { embedder: this.opts.embedder.id, dimensions: this.opts.embedder.dimensions };
    for (const [collectionId, group] of groups) {
      await this.storeOf(collectionId, location).upsert(group.chunks, group.embeddings);
      await this.opts.keywords.add(
        collectionId,
        group.chunks.map((chunk) => ({ id: `${chunk.documentId}:${chunk.chunkIndex}`, terms: keywordTerms(`${chunk.title}\n${chunk.heading ?? ''}\n${chunk.text}`) })),
      );
      await this.opts.directory.wroteTo(collectionId, location);
    }
  }

  /** Every index the document's chunks may be in: the collection's, and the one this store writes. */
  private async locationsOf(documentId: string): Promise<{ collectionId: string; locations: IndexLocation[] } | undefined> {
    const collectionId = await this.collectionOf(documentId);
    if (!collectionId) return undefined;
    const own: IndexLocation = { embedder: this.opts.embedder.id, dimensions: this.opts.embedder.dimensions };
    const locations = await this.opts.directory.indexesOf(collectionId);
    const key = (location: IndexLocation) => `${location.embedder}\u0000${location.dimensions}\u0000${location.legacyOwnerId ?? ''}`;
    const unique = new Map([...locations, own].map((location) => [key(location), location]));
    return { collectionId, locations: [...unique.values()] };
  }

  async deleteDocument(documentId: string, opts: { keepVersion?: string } = {}): Promise<number> {
    const found = await this.locationsOf(documentId);
    if (!found) return 0;
    const deleted = new Set<string>();
    for (const location of found.locations) {
      for (const id of await this.storeOf(found.collectionId, location).deleteDocumentChunks(documentId, opts)) deleted.add(id);
    }
    if (deleted.size > 0) await this.opts.keywords.remove(found.collectionId, [...deleted]);
    return deleted.size;
  }

  /** The document's chunks in the first index that has them (the serving one, while both do). */
  async listDocumentChunks(documentId: string, opts: { firstChunks?: number } = {}): Promise<QueryHit[]> {
    const found = await this.locationsOf(documentId);
    if (!found) return [];
    for (const location of found.locations) {
      const chunks = await this.storeOf(found.collectionId, location).listDocumentChunks(documentId, opts);
      if (chunks.length > 0) return chunks;
    }
    return [];
  }

  async countDocument(documentId: string): Promise<number> {
    return (await this.listDocumentChunks(documentId)).length;
  }

  async updateDocumentChunks(documentId: string, change: DocumentChunksChange): Promise<number> {
    const found = await this.locationsOf(documentId);
    if (!found) return 0;
    let updated = 0;
    for (const location of found.locations) updated = Math.max(updated, await this.storeOf(found.collectionId, location).updateDocumentChunks(documentId, change));
    return updated;
  }

  /** Searches go through a Retriever with the collections' scopes, never through this store. */
  async query(_q: DenseQuery): Promise<QueryHit[]> {
    throw new Error('CollectionChunkStore does not search: use a Retriever with the scopes of the collections');
  }

  ping(): Promise<boolean> {
    return this.opts.indexes.ping();
  }
}
