// The API's one composition root: createServices(env) builds every long-lived object once (Redis
// connections, queues, the embedder, indexes, the router, every service), wires them to each
// other, and owns the shutdown order (close()). app.ts hands each router only the services it
// uses; nothing else constructs a service. Tests build it the same way against the real Redis and
// Chroma, passing in what they share (a loaded embedder, a connection, a silent logger).
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
import { ClassifierPool, type Router } from '@switchyard/router';
import { createLogger } from '@switchyard/runtime';
import { ChromaIndexes, CollectionChunkStore, EmbedderPool, LocalEmbedder, OpenAIEmbedder, type Embedder, type VectorStore } from '@switchyard/vectorstore';
import type { Queue } from 'bullmq';
import { bullConnection, createRedisConnection, redisSettings } from '@switchyard/redis';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Env } from './env';
import { AuditLog } from './services/audit';
import { AuthService } from './services/auth';
import { ChatService } from './services/chat';
import { CollectionSearch, EmbedderRegistry } from './services/collection-search';
import { CollectionService } from './services/collections';
import type { ConversationStore } from './services/conversations';
import { DocumentEventsHub } from './services/document-events';
import { DocumentService } from './services/documents';
import { LoginThrottle } from './services/login-throttle';
import { createModelRouting, type ModelRouting } from './services/model-routing';
import { PrincipalCache } from './services/principal-cache';
import type { StatsStore } from './services/stats';
import { UserAdminService } from './services/users';
import { EmbeddingsService } from './services/v1/embeddings';
import { V1Gateway } from './services/v1/gateway';
import { V1ModelCatalog } from './services/v1/models';
import { ResponseStore } from './services/v1/responses';

export interface Services {
  env: Env;
  logger: Logger;
  /** Commands; fails fast while Redis is down (enableOfflineQueue: false). */
  redis: Redis;
  /** Document records in Redis. */
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
  /** The audit trail (services/audit.ts): security-relevant changes are recorded here. */
  audit: AuditLog;
  /** Who a token belongs to, remembered per process and invalidated on every replica over pub/sub. */
  principals: PrincipalCache;
  /** Accounts, sessions, API keys, login throttling. */
  auth: AuthService;
  /** User management for administrators: role, disable, password reset, delete. */
  users: UserAdminService;
  /** Uploads, reads, relabelling and deletes of documents (services/documents.ts). */
  documentService: DocumentService;
  /** Document status events from the worker, over Redis pub/sub, for the SSE route. */
  documentEvents: DocumentEventsHub;
  /** The chat pipeline shared by /api/chat and /v1. */
  chat: ChatService;
  conversations: ConversationStore;
  stats: StatsStore;
  /** What the /v1 routers use. */
  v1: { gateway: V1Gateway; responses: ResponseStore; models: V1ModelCatalog; embeddings: EmbeddingsService };
  /**
   * Aborted when shutdown begins (http/shutdown.ts). Long-lived streams that have no natural end
   * (document events) close on it; chat streams finish their answer within the grace period.
   */
  shutdown: AbortController;
  /** Stops everything this root started, in order; one step failing does not stop the others. */
  close(): Promise<void>;
}

/** What a caller (a test, a benchmark) may pass in instead of having it built; what is passed in is not closed here. */
export type ServiceOverrides = Partial<Pick<Services, 'logger' | 'redis' | 'embedder' | 'ingestQueue' | 'indexQueue' | 'router'>>;

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
  // env.ts refused EMBEDDER=openai without OPENAI_API_KEY.
  if (env.EMBEDDER === 'openai') {
    return new OpenAIEmbedder({ apiKey: env.OPENAI_API_KEY ?? '', model: env.OPENAI_EMBEDDING_MODEL, ...(env.OPENAI_BASE_URL ? { baseURL: env.OPENAI_BASE_URL } : {}) });
  }
  // The local encoder takes ~13 ms of CPU per query (more for long ones): run on the event loop it
  // would stall every other request meanwhile, so it runs on threads of its own.
  return EmbedderPool.create({ threads: env.API_EMBED_THREADS ?? 1 });
}

/**
 * Builds every service from the environment. Waits a few seconds for Redis; when it is not up
 * the API still starts and answers 503 until it is. Stored provider keys that cannot be
 * decrypted stop the start (one line).
 */
export async function createServices(env: Env, overrides: ServiceOverrides = {}): Promise<Services> {
  const logger = overrides.logger ?? createLogger('api', env);
  const ownsRedis = !overrides.redis;
  const redis = overrides.redis ?? createRedis(env, logger);
  if (!(await readyWithin(redis, 5_000))) logger.warn('redis is not reachable yet; requests needing it answer 503 until it is');
  const prefix = env.REDIS_PREFIX;

  // Queues share one connection that fails fast while Redis is down.
  const queueConnection =
    overrides.ingestQueue && overrides.indexQueue ? undefined : bullConnection(redisSettings(env), { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  const ingestQueue = overrides.ingestQueue ?? createIngestQueue({ connection: queueConnection!.connection, prefix });
  const indexQueue = overrides.indexQueue ?? createIndexQueue({ connection: queueConnection!.connection, prefix });

  const embedder = overrides.embedder ?? (await createEmbedder(env));
  const ownsEmbedder = !overrides.embedder;
  // Requests are classified with their whole conversation: large ones on threads of their own.
  const classifier = await ClassifierPool.create({ threads: env.API_CLASSIFY_THREADS, inlineMaxChars: env.API_CLASSIFY_INLINE_MAX_CHARS });
  const documents = new DocumentRepository(redis, prefix);
  const blobs = createBlobStore(blobStoreSettings(env));
  const indexes = new ChromaIndexes({ url: env.CHROMA_URL, collectionPrefix: env.CHROMA_COLLECTION_PREFIX });
  const keywords = new RedisKeywordIndex(redis, prefix);
  const store = new CollectionChunkStore({ indexes, embedder, keywords, directory: new CollectionDirectoryRecords(new CollectionRepository(redis, prefix), documents) });

  const audit = new AuditLog(redis, prefix, {
    retentionDays: env.AUDIT_RETENTION_DAYS,
    maxEvents: env.AUDIT_MAX_EVENTS,
    onError: (error) => logger.error({ err: error }, 'audit trail: could not append an event'),
  });
  const principals = new PrincipalCache(redis, `${prefix}auth:invalidated`, {
    ttlMs: env.AUTH_CACHE_TTL_SECONDS * 1000,
    onError: (error) => logger.warn({ err: error }, 'token cache: could not subscribe to or publish an invalidation'),
  });
  const auth = new AuthService(redis, prefix, {
    sessionTtlSeconds: Math.round(env.SESSION_TTL_HOURS * 3600),
    allowSignup: env.ALLOW_SIGNUP,
    principals,
    throttle: new LoginThrottle(redis, prefix, { freeAttempts: env.LOGIN_FREE_ATTEMPTS, baseMs: env.LOGIN_BACKOFF_BASE_MS, maxMs: env.LOGIN_BACKOFF_MAX_MS }),
    audit,
    ...(env.ADMIN_API_KEY ? { adminApiKey: env.ADMIN_API_KEY } : {}),
  });

  const embedders = new EmbedderRegistry(embedder, { apiKey: env.OPENAI_API_KEY, baseURL: env.OPENAI_BASE_URL });
  // Collections drop their indexes through the search service, which checks access through them.
  const searchRef: { current?: CollectionSearch } = {};
  const collections = new CollectionService({
    redis,
    prefix,
    documents,
    users: auth,
    indexQueue,
    embedder,
    blobs,
    ingestQueue,
    dropIndexes: (collection, records, state) => (searchRef.current as CollectionSearch).dropIndexes(collection, records, state),
  });
  const retriever = new CollectionSearch({
    indexes,
    keywords,
    embedders,
    documents,
    collections,
    ...(env.RETRIEVAL_MODE ? { mode: env.RETRIEVAL_MODE } : {}),
    ...(env.RETRIEVAL_RELEVANCE_FLOOR !== undefined ? { relevanceFloor: env.RETRIEVAL_RELEVANCE_FLOOR } : {}),
  });
  searchRef.current = retriever;

  // The extractive responder picks sentences by meaning with the local encoder; never with a
  // cloud one: it serves confidential requests, whose passages must not leave the machine.
  const providerServices = embedder instanceof EmbedderPool || embedder instanceof LocalEmbedder ? { embed: (texts: string[]) => embedder.embed(texts) } : {};
  let routing: ModelRouting;
  try {
    routing = await createModelRouting(env, redis, logger, overrides.router, providerServices, classifier);
  } catch (error) {
    // Nothing serves yet: release the connections made so far, then report why.
    await queueConnection?.close().catch(() => undefined);
    await embedders.close().catch(() => undefined);
    if (ownsEmbedder && embedder instanceof EmbedderPool) await embedder.close().catch(() => undefined);
    await classifier.close().catch(() => undefined);
    if (ownsRedis) redis.disconnect();
    throw error;
  }

  const documentService = new DocumentService({ env, logger, documents, blobs, ingestQueue, store });
  const chat = new ChatService({ env, redis, logger, router: routing.router, classifier, retriever, documents, store, collections });
  const users = new UserAdminService({ redis, prefix, auth, principals, documents: documentService, collections, conversations: chat.conversations });
  const documentEvents = new DocumentEventsHub(redis);
  const v1 = {
    gateway: new V1Gateway({
      chat,
      assertOwned: (ownerId, ids) => documentService.assertOwned(ownerId, ids),
      readableScope: (caller, requested) => collections.readableScope(caller, requested),
    }),
    responses: new ResponseStore(redis, prefix),
    models: new V1ModelCatalog({ router: routing.router }),
    embeddings: new EmbeddingsService({ embedder, embedderIsLocal: env.EMBEDDER === 'local', classifier }),
  };
  principals.start();

  // The shutdown order: background work stops first, then what still writes to Redis flushes
  // (stats, spend), then the subscriptions, the embedder and classifier threads, the queues, and the Redis
  // connection last.
  const steps: [string, () => Promise<void>][] = [
    ['connectivity probes', () => routing.connectivity.stop()],
    ['chat stats and budget', () => chat.close()],
    ['document events', () => documentEvents.close()],
    ['token cache', () => principals.close()],
    ['router configuration', () => routing.config.close()],
    // After the HTTP server drained: no request is waiting for a vector any more.
    ['embedder threads', async () => {
      await embedders.close();
      if (ownsEmbedder && embedder instanceof EmbedderPool) await embedder.close();
    }],
    ['classifier threads', () => classifier.close()],
    ['queues', async () => {
      if (!overrides.indexQueue) await indexQueue.close();
      if (!overrides.ingestQueue) await ingestQueue.close();
      await queueConnection?.close();
    }],
    ['redis', async () => {
      if (ownsRedis) await redis.quit().catch(() => redis.disconnect());
    }],
  ];
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      for (const [name, step] of steps) {
        await step().catch((error: unknown) => logger.warn({ err: error, step: name }, 'shutdown step failed'));
      }
    })());

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
    retriever,
    collections,
    router: routing.router,
    routing,
    audit,
    principals,
    auth,
    users,
    documentService,
    documentEvents,
    chat,
    conversations: chat.conversations,
    stats: chat.stats,
    v1,
    shutdown: new AbortController(),
    close,
  };
}
