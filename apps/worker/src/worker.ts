// The BullMQ worker around the ingest processor. main.ts builds it from the environment; tests
// and the benchmark build it with their own Redis prefix and Chroma collection.
import { INGEST_QUEUE, type jobCatalog, type DocumentRepository } from '@switchyard/documents';
import { bullConnection, type RedisSettings } from '@switchyard/redis';
import { Worker, type Job } from 'bullmq';
import { createIngestProcessor, type IngestDeps, type IngestLogger, type IngestResult } from './ingest';

export interface IngestWorkerOptions {
  /** Where Redis is: one node, Sentinel or Cluster (see @switchyard/redis). */
  redis: RedisSettings;
  /** The Redis key prefix (REDIS_PREFIX); the queue lives under `${prefix}bull` like the API's. */
  prefix: string;
  concurrency: number;
  /** See WORKER_LOCK_DURATION_MS in env.ts. */
  lockDurationMs: number;
  stalledIntervalMs: number;
  maxStalledCount: number;
  deps: Omit<IngestDeps, 'shutdownSignal' | 'logger'>;
  logger: IngestLogger & { error(fields: object, message: string): void };
}

export interface IngestWorker {
  worker: Worker;
  /**
   * Stops taking jobs and lets running ones finish for up to graceMs; after that, running jobs
   * are handed back to the queue at their next batch boundary. Resolves once the worker is closed.
   */
  shutdown(graceMs: number): Promise<void>;
}

const ingestJobName: keyof typeof jobCatalog = 'ingest.document';

export function createIngestWorker(options: IngestWorkerOptions): IngestWorker {
  const { logger } = options;
  const shutdownController = new AbortController();
  const processIngest = createIngestProcessor({ ...options.deps, logger, shutdownSignal: shutdownController.signal });

  // A worker's connections block on the queue: never give up on a command (BullMQ requires it).
  const connection = bullConnection(options.redis, { maxRetriesPerRequest: null });
  const worker = new Worker<unknown, IngestResult>(
    INGEST_QUEUE,
    async (job, token) => {
      if (job.name !== ingestJobName) throw new Error(`unknown job ${job.name}`);
      return processIngest(job, token);
    },
    {
      connection: connection.connection,
      prefix: `${options.prefix}bull`,
      concurrency: options.concurrency,
      lockDuration: options.lockDurationMs,
      stalledInterval: options.stalledIntervalMs,
      maxStalledCount: options.maxStalledCount,
      // Started below, once the parser threads are ready.
      autorun: false,
    },
  );
  // A parser thread per job at once, with the parsers and detectors loaded, before the first job
  // is taken: loaded by the first documents instead, they cost about a second of CPU each while
  // other documents embed. Should that fail, the jobs still run (each thread loads on first use).
  void processIngest
    .warmUp(options.concurrency)
    .catch((error: Error) => logger.warn({ error: error.message }, 'could not warm up the parser threads'))
    .then(() => worker.run())
    .catch((error: Error) => logger.error({ error: error.message }, 'worker error'));

  worker.on('error', (error) => logger.error({ error: error.message }, 'worker error'));
  worker.on('stalled', (jobId) => logger.warn({ jobId }, 'took over a job whose worker stopped'));
  worker.on('failed', (job, error) => {
    // A job failed without running the processor (e.g. it stalled too often): make sure the
    // document does not stay "processing" forever.
    if (job) void markFailedIfUnfinished(options.deps.repo, job, error, logger);
  });

  return {
    worker,
    async shutdown(graceMs) {
      const closing = worker.close();
      const timer = setTimeout(() => shutdownController.abort(), graceMs);
      try {
        await closing;
      } finally {
        clearTimeout(timer);
        await connection.close();
      }
    },
  };
}

async function markFailedIfUnfinished(repo: Pick<DocumentRepository, 'getAny' | 'update'>, job: Job, error: Error, logger: IngestLogger): Promise<void> {
  const final = error.name === 'UnrecoverableError' || job.attemptsMade >= (job.opts.attempts ?? 1);
  const documentId = (job.data as { documentId?: unknown } | undefined)?.documentId;
  if (!final || typeof documentId !== 'string') return;
  try {
    const record = await repo.getAny(documentId);
    if (record && (record.status === 'processing' || record.status === 'queued')) {
      const readable = error.message.includes('stalled') ? 'Indexing stopped repeatedly (the worker kept dying) and was given up.' : error.message;
      await repo.update(documentId, { status: 'failed', progress: 0, error: readable });
    }
  } catch (cause) {
    logger.warn({ jobId: job.id, documentId, error: (cause as Error).message }, 'could not record the failure');
  }
}
