// Builds the processor's dependencies from plain settings: used by main.ts (from the environment)
// and by the ingest benchmark (with its own Redis prefix and Chroma collection).
import { createBlobStore, DocumentRepository, type BlobStore, type BlobStoreSettings } from '@switchyard/documents';
import { ChromaStore, type Embedder, type ParseLimits } from '@switchyard/vectorstore';
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

export function createIngestDeps(settings: IngestDepsSettings): Omit<IngestDeps, 'shutdownSignal' | 'logger'> & { store: ChromaStore; repo: DocumentRepository; blobs: BlobStore } {
  return {
    repo: new DocumentRepository(settings.redis, settings.prefix),
    blobs: createBlobStore(settings.blobStore),
    embedder: settings.embedder,
    store: new ChromaStore({ url: settings.chromaUrl, collectionPrefix: settings.collectionPrefix, embedder: settings.embedder }),
    chunkSize: settings.chunkSize,
    chunkOverlap: settings.chunkOverlap,
    embedBatchSize: settings.embedBatchSize,
    parseLimits: settings.parseLimits,
    ...(settings.parseMemoryMb !== undefined ? { parseMemoryMb: settings.parseMemoryMb } : {}),
  };
}
