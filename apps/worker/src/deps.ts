// Builds the processor's dependencies from plain settings: used by main.ts (from the environment)
// and by the ingest benchmark (with its own Redis prefix and Chroma collection). Chunks go to the
// index of their document's collection (one Chroma collection per collection and embedder) and to
// its keyword index.
import {
  CollectionDirectoryRecords,
  CollectionRepository,
  createBlobStore,
  DocumentRepository,
  RedisKeywordIndex,
  type BlobStore,
  type BlobStoreSettings,
} from '@switchyard/documents';
import { ChromaIndexes, CollectionChunkStore, type Embedder, type ParseLimits } from '@switchyard/vectorstore';
import type { Redis } from 'ioredis';
import type { IngestDeps } from './ingest';

export interface IngestDepsSettings {
  redis: Redis;
  /** REDIS_PREFIX */
  prefix: string;
  /** Where uploads are read from: the API's blob store (a shared directory or a bucket). */
  blobStore: BlobStoreSettings;
  chromaUrl: string;
  collectionPrefix: string;
  embedder: Embedder;
  chunkSize: number;
  chunkOverlap: number;
  embedBatchSize: number;
  parseLimits?: Partial<ParseLimits>;
  /** Heap cap of a parse thread, MB. */
  parseMemoryMb?: number;
}

export interface CollectionIndexDeps {
  repo: DocumentRepository;
  collections: CollectionRepository;
  indexes: ChromaIndexes;
  keywords: RedisKeywordIndex;
  store: CollectionChunkStore;
}

/** Every collection's indexes, and a store that writes each chunk to its collection's index. */
export function createCollectionIndexDeps(settings: Pick<IngestDepsSettings, 'redis' | 'prefix' | 'chromaUrl' | 'collectionPrefix' | 'embedder'>): CollectionIndexDeps {
  const repo = new DocumentRepository(settings.redis, settings.prefix);
  const collections = new CollectionRepository(settings.redis, settings.prefix);
  const indexes = new ChromaIndexes({ url: settings.chromaUrl, collectionPrefix: settings.collectionPrefix });
  const keywords = new RedisKeywordIndex(settings.redis, settings.prefix);
  const store = new CollectionChunkStore({ indexes, embedder: settings.embedder, keywords, directory: new CollectionDirectoryRecords(collections, repo) });
  return { repo, collections, indexes, keywords, store };
}

export function createIngestDeps(
  settings: IngestDepsSettings,
): Omit<IngestDeps, 'shutdownSignal' | 'logger'> & { store: CollectionChunkStore; repo: DocumentRepository; blobs: BlobStore; collectionIndexes: CollectionIndexDeps } {
  const collectionIndexes = createCollectionIndexDeps(settings);
  return {
    repo: collectionIndexes.repo,
    blobs: createBlobStore(settings.blobStore),
    embedder: settings.embedder,
    store: collectionIndexes.store,
    collectionIndexes,
    chunkSize: settings.chunkSize,
    chunkOverlap: settings.chunkOverlap,
    embedBatchSize: settings.embedBatchSize,
    parseLimits: settings.parseLimits,
    ...(settings.parseMemoryMb !== undefined ? { parseMemoryMb: settings.parseMemoryMb } : {}),
  };
}
