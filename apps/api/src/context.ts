// Everything a route needs, built once at boot (createContext) and passed to the routers.
// Tests build it the same way against the real Redis and Chroma.
import { once } from 'node:events';
import {
  blobStoreSettings,
  CollectionDirectoryRecords,
  CollectionRepository,
  createBlobStore,
  createIndexQueue,
  createIngestQueue,
  DocumentRepository,
  RedisKeywordIndex,
  type BlobStore,
} from '@switchyard/documents';
import type { Router } from '@switchyard/router';
import { ChromaIndexes, CollectionChunkStore, LocalEmbedder, OpenAIEmbedder, type Embedder, type VectorStore } from '@switchyard/vectorstore';
import type { Queue } from 'bullmq';
import { bullConnection, createRedisConnection, redisSettings } from '@switchyard/redis';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Env } from './env';
import { createLogger } from './middleware/logging';
import { createModelRouting, type ModelRouting } from './services/model-routing';
import { AuditLog } from './services/audit';
import { AuthService } from './services/auth';
import { CollectionSearch, EmbedderRegistry } from './services/collection-search';
import { CollectionService } from './services/collections';

export interface AppContext {
  env: Env;
  logger: Logger;
  /** Commands; fails fast while Redis is down (enableOfflineQueue: false). */
  redis: Redis;
  documents: DocumentRepository;
  blobs: BlobStore;
  ingestQueue: Queue;
  /** Rebuilds of collection indexes (documents from before collections, a changed embedder). */
  indexQueue: Queue;
  embedder: Embedder;
  /** Every collection's Chroma index (one per collection and embedder). */
  indexes: ChromaIndexes;
  /** Every collection's keyword index, in Redis. */
  keywords: RedisKeywordIndex;
  /** Chunks by document: each lives in its collection's index (delete, relabel, passages). */
  store: VectorStore;
  /** Search over collections, each in its own index (services/collection-search.ts). */
  retriever: CollectionSearch;
  /** Collections, memberships and the access rule of every route (services/collections.ts). */
  collections: CollectionService;
  router: Router;
  /** Operating the router at run time: providers, policy, connectivity (services/model-routing.ts). */
  routing: ModelRouting;
  /** The audit trail (services/audit.ts): routers record security-relevant changes here. */
  audit: AuditLog;
  /**
   * Aborted when shutdown begins (server.ts). Long-lived streams that have no natural end
   * (document events) close on it; chat streams finish their answer within the grace period.
   */
  shutdown: AbortController;
  /** Called on shutdown, in order, after the HTTP server stopped accepting. */
  closers: (() => Promise<void>)[];
}

/** A command connection that fails fast while Redis is down instead of queueing commands. */
export function createRedis(env: Env, logger: Logger): Redis {
  // One node, Sentinel or Cluster, as REDIS_URL / REDIS_SENTINELS / REDIS_CLUSTER_NODES say.
  const redis = createRedisConnection(redisSettings(env), { enableOfflineQueue: false, enableAutoPipelining: true, maxRetriesPerRequest: 1, connectTimeout: 5_000 });
  let lastLogged = 0;
  redis.on('error', (error: Error) => {
    // One line per 10 s while Redis is down, not one per reconnect attempt.
    if (Date.now() - lastLogged > 10_000) {
      lastLogged = Date.now();
      logger.warn({ err: { message: error.message } }, 'redis connection error');
    }
  });
  return redis;
}

async function readyWithin(redis: Redis, ms: number): Promise<boolean> {
  if (redis.status === 'ready') return true;
  const timeout = AbortSignal.timeout(ms);
  return once(redis, 'ready', { signal: timeout }).then(
    () => true,
    () => false,
  );
}

async function createEmbedder(env: Env): Promise<Embedder> {
  if (env.EMBEDDER === 'openai') {
    if (!env.OPENAI_API_KEY) throw new Error('EMBEDDER=openai needs OPENAI_API_KEY');
    return new OpenAIEmbedder({ apiKey: env.OPENAI_API_KEY, model: env.OPENAI_EMBEDDING_MODEL, ...(env.OPENAI_BASE_URL ? { baseURL: env.OPENAI_BASE_URL } : {}) });
  }
  return LocalEmbedder.create();
}

/**
 * Builds the context from the environment. Any part can be passed in instead (tests share one
 * loaded embedder, or a logger that writes nowhere). Waits a few seconds for Redis; when it is
 * not up the API still starts and answers 503 until it is.
 */
export async function createContext(env: Env, overrides: Partial<AppContext> = {}): Promise<AppContext> {
  const logger = overrides.logger ?? createLogger(env);
  const ownsRedis = !overrides.redis;
  const redis = overrides.redis ?? createRedis(env, logger);
  if (!(await readyWithin(redis, 5_000))) logger.warn('redis is not reachable yet; requests needing it answer 503 until it is');
  const queueConnection = overrides.ingestQueue ? undefined : bullConnection(redisSettings(env), { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  const ingestQueue = overrides.ingestQueue ?? createIngestQueue({ connection: queueConnection!.connection, prefix: env.REDIS_PREFIX });
  const indexQueueConnection = overrides.indexQueue ? undefined : (queueConnection ?? bullConnection(redisSettings(env), { enableOfflineQueue: false, maxRetriesPerRequest: 1 }));
  const indexQueue = overrides.indexQueue ?? createIndexQueue({ connection: indexQueueConnection!.connection, prefix: env.REDIS_PREFIX });
  const embedder = overrides.embedder ?? (await createEmbedder(env));
  const documents = overrides.documents ?? new DocumentRepository(redis, env.REDIS_PREFIX);
  const blobs = overrides.blobs ?? createBlobStore(blobStoreSettings(env));
  const indexes = overrides.indexes ?? new ChromaIndexes({ url: env.CHROMA_URL, collectionPrefix: env.CHROMA_COLLECTION_PREFIX });
  const keywords = overrides.keywords ?? new RedisKeywordIndex(redis, env.REDIS_PREFIX);
  const store =
    overrides.store ??
    new CollectionChunkStore({ indexes, embedder, keywords, directory: new CollectionDirectoryRecords(new CollectionRepository(redis, env.REDIS_PREFIX), documents) });
  const embedders = new EmbedderRegistry(embedder, { apiKey: env.OPENAI_API_KEY, baseURL: env.OPENAI_BASE_URL });
  const searchRef: { current?: CollectionSearch } = {};
  const collections =
    overrides.collections ??
    new CollectionService({
      redis,
      prefix: env.REDIS_PREFIX,
      documents,
      // Read-only account lookups (a member's email, sharing by email).
      users: new AuthService(redis, env.REDIS_PREFIX, { sessionTtlSeconds: Math.round(env.SESSION_TTL_HOURS * 3600), allowSignup: env.ALLOW_SIGNUP }),
      indexQueue,
      embedder,
      blobs,
      ingestQueue,
      dropIndexes: (collection, records, state) => (searchRef.current as CollectionSearch).dropIndexes(collection, records, state),
    });
  const search =
    overrides.retriever ??
    new CollectionSearch({
      indexes,
      keywords,
      embedders,
      documents,
      collections,
      ...(env.RETRIEVAL_MODE ? { mode: env.RETRIEVAL_MODE } : {}),
      ...(env.RETRIEVAL_RELEVANCE_FLOOR !== undefined ? { relevanceFloor: env.RETRIEVAL_RELEVANCE_FLOOR } : {}),
    });
  searchRef.current = search;
  const closers: (() => Promise<void>)[] = overrides.closers ?? [];
  if (queueConnection) {
    closers.push(async () => {
      await ingestQueue.close();
      await queueConnection.close();
    });
  }
  if (indexQueueConnection) {
    closers.unshift(async () => {
      await indexQueue.close();
      if (indexQueueConnection !== queueConnection) await indexQueueConnection.close();
    });
  }
  if (ownsRedis) {
    closers.push(async () => {
      await redis.quit().catch(() => redis.disconnect());
    });
  }
  // The extractive responder picks sentences by meaning with the local encoder; never with a
  // cloud one: it serves confidential requests, whose passages must not leave the machine.
  const providerServices = embedder instanceof LocalEmbedder ? { embed: (texts: string[]) => embedder.embed(texts) } : {};
  const routing = overrides.routing ?? (await createModelRouting(env, redis, logger, closers, overrides.router, providerServices));
  return {
    env,
    logger,
    redis,
    documents,
    blobs,
    ingestQueue,
    indexQueue,
    embedder,
    indexes,
    keywords,
    store,
    retriever: search,
    collections,
    router: routing.router,
    routing,
    audit:
      overrides.audit ??
      new AuditLog(redis, env.REDIS_PREFIX, {
        retentionDays: env.AUDIT_RETENTION_DAYS,
        maxEvents: env.AUDIT_MAX_EVENTS,
        onError: (error) => logger.error({ err: error }, 'audit trail: could not append an event'),
      }),
    shutdown: overrides.shutdown ?? new AbortController(),
    closers,
  };
}

/** Runs the closers in order; one failing does not stop the others. */
export async function closeContext(ctx: AppContext): Promise<void> {
  for (const close of ctx.closers) {
    await close().catch((error: unknown) => ctx.logger.warn({ err: error }, 'closer failed'));
  }
}
