// The worker process: reads the environment, loads the embedder, consumes `ingest.document`
// jobs, beats a heartbeat the API's /ready reads, and on SIGTERM/SIGINT closes the worker
// (finishing or handing back the running job) before exiting 0.
//
// Embedding runs on EMBED_THREADS threads (one model each) and parsing on threads of its own, so
// this thread only moves data and keeps time: job locks are renewed on schedule.
//
// Started with `node --single-threaded-gc` (WORKER_NODE_ARGS in tooling/stack: the launcher,
// package.json and the Dockerfile). The embedder threads keep every core busy, so V8's parallel
// and concurrent GC helpers only take turns from them; collected inline, one thread's garbage
// costs ~3% less CPU. The measured effect on bench/ingest is in the README.
//
// Recovery after a crash: a job's lock lasts WORKER_LOCK_DURATION_MS (15 s by default) and is
// renewed every half of that; every WORKER_STALLED_INTERVAL_MS (5 s) each worker looks for
// active jobs whose lock is gone. A SIGKILLed worker's job is therefore running again on another
// (or the restarted) worker within about 20 s, and rewrites the same chunk ids and version.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { beat, blobStoreSettings, forget } from '@switchyard/documents';
import { EmbedderPool, OpenAIEmbedder, type Embedder } from '@switchyard/vectorstore';
import { createRedisConnection, redisSettings } from '@switchyard/redis';
import { createLogger } from '@switchyard/runtime';
import { createIngestDeps } from './deps';
import { startIndexRebuilds } from './reindex';
import { loadEnv, type Env } from './env';
import { createIngestWorker } from './worker';

async function createEmbedder(env: Env): Promise<Embedder & { close?(): Promise<void> }> {
  if (env.EMBEDDER === 'openai') {
    return new OpenAIEmbedder({
      apiKey: env.OPENAI_API_KEY ?? '',
      baseURL: env.OPENAI_BASE_URL,
      model: env.OPENAI_EMBEDDING_MODEL,
      batchSize: env.EMBED_BATCH_SIZE,
    });
  }
  // The local model uses one core per copy: one copy per thread, EMBED_THREADS threads.
  return EmbedderPool.create({ threads: env.EMBED_THREADS, batchSize: env.EMBED_BATCH_SIZE });
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** Memory of each embedder thread, in MB, for the log (nothing for the OpenAI embedder). */
function embedThreadsMemory(embedder: Embedder): { threadId: number; heapMb: number; externalMb: number }[] | undefined {
  if (!(embedder instanceof EmbedderPool)) return undefined;
  return embedder.memoryByThread().map((thread) => ({ threadId: thread.threadId, heapMb: mb(thread.heapUsedBytes), externalMb: mb(thread.externalBytes) }));
}

async function main(): Promise<void> {
  let env: Env;
  try {
    env = loadEnv();
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  }
  const logger = createLogger('worker', env);
  const workerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

  const redis = createRedisConnection(redisSettings(env), { maxRetriesPerRequest: 3 });
  redis.on('error', (error) => logger.warn({ error: error.message }, 'redis connection error'));
  const loadStarted = Date.now();
  const embedder = await createEmbedder(env);
  logger.info(
    { embedder: embedder.id, dimensions: embedder.dimensions, threads: env.EMBEDDER === 'local' ? env.EMBED_THREADS : undefined, threadMemory: embedThreadsMemory(embedder), singleThreadedGc: process.execArgv.includes('--single-threaded-gc'), ms: Date.now() - loadStarted },
    'embedder ready',
  );
  const ingestDeps = createIngestDeps({
    redis,
    prefix: env.REDIS_PREFIX,
    blobStore: blobStoreSettings(env),
    chromaUrl: env.CHROMA_URL,
    collectionPrefix: env.CHROMA_COLLECTION_PREFIX,
    embedder,
    chunkSize: env.CHUNK_SIZE,
    chunkOverlap: env.CHUNK_OVERLAP,
    embedBatchSize: env.EMBED_BATCH_SIZE,
    parseLimits: { maxMs: env.MAX_PARSE_MS, maxChars: env.MAX_EXTRACTED_CHARS, maxBytes: env.MAX_UPLOAD_BYTES, maxOcrPages: env.MAX_OCR_PAGES, maxOcrMs: env.MAX_OCR_MS },
    parseMemoryMb: env.MAX_PARSE_MEMORY_MB,
  });
  // Tesseract gets only what it needs of the environment: where it is, and how many threads to use.
  const ocrEnv = { PATH: env.PATH, OMP_THREAD_LIMIT: String(env.OCR_THREADS), ...(env.TESSDATA_PREFIX ? { TESSDATA_PREFIX: env.TESSDATA_PREFIX } : {}) };
  const deps = { ...ingestDeps, ocr: { env: ocrEnv } };
  if (!(await deps.store.ping())) logger.warn({ chromaUrl: env.CHROMA_URL }, 'Chroma is not answering yet; jobs will retry until it does');

  const { worker, shutdown } = createIngestWorker({
    redis: redisSettings(env),
    prefix: env.REDIS_PREFIX,
    concurrency: env.WORKER_CONCURRENCY,
    lockDurationMs: env.WORKER_LOCK_DURATION_MS,
    stalledIntervalMs: env.WORKER_STALLED_INTERVAL_MS,
    maxStalledCount: env.WORKER_MAX_STALLED_COUNT,
    logger,
    deps,
  });
  worker.on('active', (job) => logger.info({ jobId: job.id, documentId: (job.data as { documentId?: string }).documentId }, 'job started'));
  // What the embedder threads hold, after a job and at most once a minute: a model copy that
  // grows without bound shows here first.
  let memoryLoggedAt = 0;
  worker.on('completed', () => {
    const threadMemory = embedThreadsMemory(embedder);
    if (!threadMemory || Date.now() - memoryLoggedAt < 60_000) return;
    memoryLoggedAt = Date.now();
    logger.info({ threadMemory, rssMb: mb(process.memoryUsage().rss) }, 'embedder threads');
  });

  const heartbeat = () => beat(redis, env.REDIS_PREFIX, workerId).catch((error: Error) => logger.warn({ error: error.message }, 'heartbeat failed'));
  await heartbeat();
  const heartbeatTimer = setInterval(heartbeat, env.HEARTBEAT_INTERVAL_MS);
  // Collections still served by another embedder's index are rebuilt with this one, in the background.
  const stopRebuilds = await startIndexRebuilds({
    redis: redisSettings(env),
    prefix: env.REDIS_PREFIX,
    lockDurationMs: env.WORKER_LOCK_DURATION_MS,
    stalledIntervalMs: env.WORKER_STALLED_INTERVAL_MS,
    logger,
    deps: { ...deps.collectionIndexes, embedder, embedBatchSize: env.EMBED_BATCH_SIZE },
  });

  logger.info({ workerId, concurrency: env.WORKER_CONCURRENCY, lockDurationMs: env.WORKER_LOCK_DURATION_MS }, 'worker started');

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // If closing hangs (e.g. Redis unreachable), do not hang forever.
    setTimeout(() => {
      logger.error({}, 'shutdown took too long; exiting');
      process.exit(1);
    }, env.SHUTDOWN_GRACE_MS + 15_000).unref();
    void (async () => {
      clearInterval(heartbeatTimer);
      let code = 0;
      try {
        await Promise.all([shutdown(env.SHUTDOWN_GRACE_MS), stopRebuilds(env.SHUTDOWN_GRACE_MS)]);
      } catch (error) {
        logger.error({ error: (error as Error).message }, 'worker did not close cleanly');
        code = 1;
      }
      await embedder.close?.().catch(() => undefined);
      await forget(redis, env.REDIS_PREFIX, workerId).catch(() => undefined);
      await redis.quit().catch(() => undefined);
      logger.info({ code }, 'stopped');
      logger.flush();
      process.exit(code);
    })();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`worker failed to start: ${(error as Error).message ?? String(error)}\n`);
  process.exit(1);
});
