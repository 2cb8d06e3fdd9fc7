// Search over collections: each collection has its own index (one Chroma collection per collection
// and embedder, see docs/architecture.md), so a search queries the index of every collection in
// scope, in parallel, and fuses the hits as one ranking. The index a collection is searched in is
// the one its index state says serves it: after EMBEDDER changes, that stays the old one (queried
// with the old embedder) until the worker has rebuilt the collection with the new one.
//
// Callers pass collections already checked readable (services/collections.ts); without any, the
// collections the owner owns or is a member of.
import { collectionOf, type RedisKeywordIndex, type CollectionRecord, type DocumentRecord, type IndexRef, type IndexState } from '@switchyard/documents';
import {
  type ChromaIndexes,
  defaultRelevanceFloor,
  EmbedderPool,
  OpenAIEmbedder,
  Retriever,
  type Embedder,
  type RetrievalMode,
  type RetrievedHit,
  type SearchScope,
} from '@switchyard/vectorstore';
import type { DocumentRepository } from '@switchyard/documents';
import { AppError } from '../errors';
import type { CollectionService } from './collections';

export interface CollectionSearchRequest {
  /** Whose search: their own collections are the default scope. */
  ownerId: string;
  query: string;
  k: number;
  /** Readable collections to search (checked by the caller); default: the owner's own. */
  collectionIds?: string[];
  /** Restrict to these documents (checked readable by the caller). */
  documentIds?: string[];
  relevanceFloor?: number;
}

/** Builds the embedders indexes were made with, on demand: the configured one, the local one, OpenAI's. */
export class EmbedderRegistry {
  private readonly loaded = new Map<string, Promise<Embedder>>();
  /** The local encoder's threads, when started here (the configured embedder is another). */
  private localPool: Promise<EmbedderPool> | undefined;

  constructor(
    readonly configured: Embedder,
    private readonly openai: { apiKey?: string | undefined; baseURL?: string | undefined } = {},
  ) {
    this.loaded.set(configured.id, Promise.resolve(configured));
  }

  /** The embedder of an index; 503 when this server cannot make it (an OpenAI index without a key). */
  get(ref: Pick<IndexRef, 'embedder' | 'dimensions'>): Promise<Embedder> {
    let embedder = this.loaded.get(ref.embedder);
    if (!embedder) {
      embedder = this.create(ref.embedder);
      embedder.catch(() => this.loaded.delete(ref.embedder));
      this.loaded.set(ref.embedder, embedder);
    }
    return embedder;
  }

  /** Ends the threads of an embedder started here; the configured one belongs to its creator. */
  async close(): Promise<void> {
    const pool = await this.localPool?.catch(() => undefined);
    await pool?.close();
  }

  private async create(id: string): Promise<Embedder> {
    const local = 'local-use-en';
    // Off the event loop, like the configured local embedder (composition.ts): one thread.
    if (id === local) return (this.localPool = EmbedderPool.create({ threads: 1 }));
    const model = id.startsWith('openai/') ? id.slice('openai/'.length) : undefined;
    if (model && this.openai.apiKey) return new OpenAIEmbedder({ apiKey: this.openai.apiKey, model, ...(this.openai.baseURL ? { baseURL: this.openai.baseURL } : {}) });
    throw new AppError('index_unavailable', 503, `a collection is indexed with the embedder ${id}, which this server cannot load; set its settings or wait for the re-index to finish`);
  }
}

export interface CollectionSearchDeps {
  indexes: ChromaIndexes;
  keywords: RedisKeywordIndex;
  embedders: EmbedderRegistry;
  documents: DocumentRepository;
  collections: Pick<CollectionService, 'ownScope' | 'repo'>;
  mode?: RetrievalMode;
  /** RETRIEVAL_RELEVANCE_FLOOR; default: the calibrated floor of each index's embedder. */
  relevanceFloor?: number;
}

export class CollectionSearch {
  private readonly retriever: Retriever;

  constructor(private readonly deps: CollectionSearchDeps) {
    this.retriever = new Retriever({
      embedder: deps.embedders.configured,
      ...(deps.mode ? { mode: deps.mode } : {}),
      ...(deps.relevanceFloor !== undefined ? { relevanceFloor: deps.relevanceFloor } : {}),
    });
  }

  get mode(): RetrievalMode {
    return this.retriever.mode;
  }

  /** The best k passages of the collections in scope that clear the relevance floor. */
  async search(request: CollectionSearchRequest): Promise<RetrievedHit[]> {
    if (!request.ownerId) throw new Error('ownerId is required for every search');
    // The default scope comes with its index states (one Redis round trip for both).
    const own = request.collectionIds ? undefined : await this.deps.collections.ownScope(request.ownerId);
    let collectionIds = request.collectionIds ?? own?.ids ?? [];
    if (request.documentIds) {
      // Only the collections holding those documents: no other index needs a (scanning) filter.
      const records = await Promise.all([...new Set(request.documentIds)].map((id) => this.deps.documents.getAny(id)));
      const holding = new Set(records.flatMap((record) => (record ? [collectionOf(record)] : [])));
      collectionIds = collectionIds.filter((id) => holding.has(id));
    }
    if (collectionIds.length === 0) return [];
    const known = new Map(own ? own.ids.map((id, index) => [id, own.states[index] ?? {}]) : []);
    const states = collectionIds.every((id) => known.has(id)) ? collectionIds.map((id) => known.get(id) as IndexState) : await this.deps.collections.repo.indexStates(collectionIds);
    const scopes = (await Promise.all(collectionIds.map((id, index) => this.scopesOf(id, states[index] ?? {}, request.documentIds)))).flat();
    if (scopes.length === 0) return [];
    const floor = request.relevanceFloor ?? this.deps.relevanceFloor ?? defaultRelevanceFloor((scopes[0]?.embedder ?? this.deps.embedders.configured).id);
    return this.retriever.search({ query: request.query, k: request.k, scopes, relevanceFloor: floor });
  }

  /**
   * The indexes that answer for a collection: the serving one; for documents from before
   * collections, the old shared index filtered by their owner plus the collection's own index of
   * the same embedder (new uploads, and what a rebuild has copied so far).
   */
  private async scopesOf(collectionId: string, state: IndexState, documentIds?: string[]): Promise<SearchScope[]> {
    const serving = state.serving;
    if (!serving) return []; // nothing was ever indexed in it
    const embedder = await this.deps.embedders.get(serving);
    const restrict = documentIds ? { documentIds } : {};
    const asEmbedder = { id: serving.embedder, dimensions: serving.dimensions };
    const own: SearchScope = {
      store: this.deps.indexes.forCollection(collectionId, asEmbedder),
      embedder,
      keywords: { lookup: (terms, limit) => this.deps.keywords.lookup(collectionId, terms, limit) },
      ...restrict,
    };
    if (serving.legacyOwnerId === undefined) return [own];
    return [{ store: this.deps.indexes.shared(asEmbedder), embedder, ownerId: serving.legacyOwnerId, ...restrict }, own];
  }

  /** Deletes a collection's indexes (its documents' chunks in the old shared one) and its keyword index. */
  async dropIndexes(collection: CollectionRecord, documents: DocumentRecord[], state: IndexState): Promise<void> {
    const refs = [state.serving, state.building, { embedder: this.deps.embedders.configured.id, dimensions: this.deps.embedders.configured.dimensions }].filter(
      (ref): ref is IndexRef => ref !== undefined,
    );
    for (const ref of refs) {
      const asEmbedder = { id: ref.embedder, dimensions: ref.dimensions };
      if (ref.legacyOwnerId !== undefined) {
        const shared = this.deps.indexes.shared(asEmbedder);
        for (const document of documents) await shared.deleteDocument(document.id);
      } else {
        await this.deps.indexes.forCollection(collection.id, asEmbedder).drop();
        this.deps.indexes.forget(collection.id, asEmbedder);
      }
    }
    await this.deps.keywords.drop(collection.id);
  }
}
