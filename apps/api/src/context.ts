// Everything a route needs, built once at boot (createContext) and passed to the routers.
// Tests build it the same way against the real Redis and Chroma.
import type { BlobStore, DocumentRepository } from '@switchyard/documents';
import type { Router } from '@switchyard/router';
import type { Embedder, Retriever, VectorStore } from '@switchyard/vectorstore';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Env } from './env';

export interface AppContext {
  env: Env;
  logger: Logger;
  /** Commands; fails fast while Redis is down (enableOfflineQueue: false). */
  redis: Redis;
  documents: DocumentRepository;
  blobs: BlobStore;
  ingestQueue: Queue;
  embedder: Embedder;
  store: VectorStore;
  retriever: Retriever;
  router: Router;
  /** Called on shutdown, in order, after the HTTP server stopped accepting. */
  closers: (() => Promise<void>)[];
}
