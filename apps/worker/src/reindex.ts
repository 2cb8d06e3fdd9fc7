// Rebuilding a collection's index with this worker's embedder, in the background: after EMBEDDER
// changed (months on the local encoder, then OpenAI), or to move documents from before collections
// out of the old shared index. Searches keep using the serving index (queried with its own
// embedder) until the new one holds every document; then it serves, in one step, and the old one
// is deleted.
//
// Document by document: a document already in the new index at its current version is skipped, so
// a rebuild that stops (shutdown, crash) resumes where it was. Texts and labels are copied from the
// serving index; vectors too when the embedder is the same, otherwise they are embedded again (the
// parsed text is not kept, and the chunks with their labels are what search needs). Progress
// (documents done of total) is in the collection's index state, which GET /api/collections shows.
import {
  createIndexQueue,
  enqueueIndexRebuild,
  INDEX_QUEUE,
  rebuildIndexPayloadSchema,
  sameIndex,
  type CollectionRepository,
  type DocumentRepository,
  type IndexRef,
  type RedisKeywordIndex,
} from '@switchyard/documents';
import { keywordTerms, type ChromaIndexes, type ChunkRecord, type Embedder, type StoredChunk } from '@switchyard/vectorstore';
import { bullConnection, type RedisSettings } from '@switchyard/redis';
import { UnrecoverableError, WaitingError, Worker, type Job, type Queue } from 'bullmq';
import type { IngestLogger } from './ingest';

export interface ReindexDeps {
  repo: Pick<DocumentRepository, 'listCollection'>;
  collections: CollectionRepository;
  indexes: ChromaIndexes;
  keywords: Pick<RedisKeywordIndex, 'add'>;
  embedder: Embedder;
  /** Chunks per embedding call. */
  embedBatchSize: number;
  logger?: IngestLogger;
  /** Aborted on shutdown: the job goes back to the queue at the next document and resumes there. */
  shutdownSignal?: AbortSignal;
}

export type ReindexJob = Pick<Job, 'id' | 'data' | 'updateProgress' | 'moveToWait'>;

export interface ReindexResult {
  collectionId: string;
  outcome: 'rebuilt' | 'up_to_date' | 'gone';
  copied: number;
  skipped: number;
}

const silentLogger: IngestLogger = { info: () => undefined, warn: () => undefined };

export function createReindexProcessor(deps: ReindexDeps): (job: ReindexJob, token?: string) => Promise<ReindexResult> {
  const logger = deps.logger ?? silentLogger;
  const target: IndexRef = { embedder: deps.embedder.id, dimensions: deps.embedder.dimensions };
  const asEmbedder = (ref: IndexRef) => ({ id: ref.embedder, dimensions: ref.dimensions });

  return async function processReindex(job, token) {
    const parsed = rebuildIndexPayloadSchema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`invalid index.rebuild payload: ${parsed.error.message}`);
    const { collectionId } = parsed.data;
    if (!(await deps.collections.get(collectionId))) return { collectionId, outcome: 'gone', copied: 0, skipped: 0 };
    const state = await deps.collections.indexState(collectionId);
    const serving = state.serving;
    if (!serving || sameIndex(serving, target)) return { collectionId, outcome: 'up_to_date', copied: 0, skipped: 0 };

    const source = serving.legacyOwnerId === undefined ? deps.indexes.forCollection(collectionId, asEmbedder(serving)) : deps.indexes.shared(asEmbedder(serving));
    const destination = deps.indexes.forCollection(collectionId, asEmbedder(target));
    const documents = (await deps.repo.listCollection(collectionId)).filter((record) => record.status === 'ready');
    if (!state.building || !sameIndex({ embedder: state.building.embedder, dimensions: state.building.dimensions }, target)) {
      await deps.collections.startBuilding(collectionId, target, documents.length);
    }
    const log = { jobId: job.id, collectionId, from: serving.embedder, legacy: serving.legacyOwnerId !== undefined, to: target.embedder, documents: documents.length };
    logger.info(log, 'index rebuild started');

    let copied = 0;
    let skipped = 0;
    for (const [index, document] of documents.entries()) {
      if (deps.shutdownSignal?.aborted) {
        await job.moveToWait(token);
        logger.info(log, 'index rebuild handed back to the queue for shutdown');
        throw new WaitingError();
      }
      // Already there (an earlier run, or ingested since with this embedder): leave it.
      if (document.chunks > 0 && (await destination.countDocument(document.id)) === document.chunks) {
        skipped += 1;
      } else {
        const chunks = await source.exportDocument(document.id);
        if (chunks.length > 0) {
          await writeChunks(deps, destination, collectionId, chunks, sameIndex({ embedder: serving.embedder, dimensions: serving.dimensions }, target));
          copied += 1;
        }
      }
      await deps.collections.reportBuilding(collectionId, index + 1, documents.length);
      await job.updateProgress(Math.round((100 * (index + 1)) / Math.max(1, documents.length)));
    }

    // The new index serves from the next search on; then the old one goes.
    await deps.collections.finishBuilding(collectionId, target);
    if (serving.legacyOwnerId === undefined) {
      await source.drop();
      deps.indexes.forget(collectionId, asEmbedder(serving));
    } else {
      for (const document of documents) await source.deleteDocument(document.id);
    }
    logger.info({ ...log, copied, skipped }, 'index rebuild finished');
    return { collectionId, outcome: 'rebuilt', copied, skipped };
  };

  /** Copies a document's chunks, embedding their texts again unless the vectors can be reused. */
  async function writeChunks(d: ReindexDeps, destination: ReturnType<ChromaIndexes['forCollection']>, collectionId: string, chunks: StoredChunk[], reuseVectors: boolean) {
    const records: ChunkRecord[] = chunks.map((chunk) => ({
      documentId: chunk.documentId,
      ownerId: chunk.ownerId,
      collectionId,
      title: chunk.title,
      chunkIndex: chunk.chunkIndex,
      text: chunk.text,
      start: chunk.start,
      end: chunk.end,
      sensitivity: chunk.sensitivity,
      version: chunk.version,
      ...(chunk.heading ? { heading: chunk.heading } : {}),
    }));
    for (let start = 0; start < records.length; start += Math.max(1, d.embedBatchSize)) {
      const batch = records.slice(start, start + Math.max(1, d.embedBatchSize));
      const vectors = reuseVectors ? chunks.slice(start, start + batch.length).map((chunk) => chunk.embedding) : await d.embedder.embed(batch.map((record) => record.text));
      await destination.upsert(batch, vectors);
    }
    await d.keywords.add(
      collectionId,
      records.map((record) => ({ id: `${record.documentId}:${record.chunkIndex}`, terms: keywordTerms(`${record.title}\n${record.heading ?? ''}\n${record.text}`) })),
    );
  }
}

/**
 * Queues a rebuild for every collection whose serving index is not this worker's embedder's (run
 * at start: a changed EMBEDDER re-indexes everything in the background). Returns how many.
 */
export async function enqueueStaleIndexes(collections: CollectionRepository, queue: Queue, embedder: Pick<Embedder, 'id' | 'dimensions'>): Promise<number> {
  const target: IndexRef = { embedder: embedder.id, dimensions: embedder.dimensions };
  const ids = await collections.allIds();
  const states = await collections.indexStates(ids);
  let queued = 0;
  for (const [index, id] of ids.entries()) {
    const serving = states[index]?.serving;
    if (serving && !sameIndex(serving, target)) {
      await enqueueIndexRebuild(queue, { collectionId: id }, embedder.id);
      queued += 1;
    }
  }
  return queued;
}

export interface ReindexWorkerOptions {
  redis: RedisSettings;
  prefix: string;
  lockDurationMs: number;
  stalledIntervalMs: number;
  deps: Omit<ReindexDeps, 'shutdownSignal' | 'logger'>;
  logger: IngestLogger & { error(fields: object, message: string): void };
}

/** One rebuild at a time (it competes with ingestion for the embedder); shutdown hands it back. */
export function createReindexWorker(options: ReindexWorkerOptions): { worker: Worker; shutdown(graceMs: number): Promise<void> } {
  const shutdownController = new AbortController();
  const processReindex = createReindexProcessor({ ...options.deps, logger: options.logger, shutdownSignal: shutdownController.signal });
  const connection = bullConnection(options.redis, { maxRetriesPerRequest: null });
  const worker = new Worker<unknown, ReindexResult>(
    INDEX_QUEUE,
    async (job, token) => {
      if (job.name !== 'index.rebuild') throw new Error(`unknown job ${job.name}`);
      return processReindex(job, token);
    },
    {
      connection: connection.connection,
      prefix: `${options.prefix}bull`,
      concurrency: 1,
      lockDuration: options.lockDurationMs,
      stalledInterval: options.stalledIntervalMs,
      autorun: true,
    },
  );
  worker.on('error', (error) => options.logger.error({ error: error.message }, 'index worker error'));
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

/**
 * The rebuild worker of a worker process: consumes `index.rebuild` jobs and, at start, queues one
 * for every collection still served by another embedder's index. Returns its shutdown.
 */
export async function startIndexRebuilds(options: ReindexWorkerOptions): Promise<(graceMs: number) => Promise<void>> {
  const rebuilds = createReindexWorker(options);
  const connection = bullConnection(options.redis, { maxRetriesPerRequest: 1 });
  const queue = createIndexQueue({ connection: connection.connection, prefix: options.prefix });
  try {
    const queued = await enqueueStaleIndexes(options.deps.collections, queue, options.deps.embedder);
    if (queued > 0) options.logger.info({ queued, embedder: options.deps.embedder.id }, 'collections to re-index with this embedder');
  } catch (error) {
    options.logger.warn({ error: (error as Error).message }, 'could not queue the re-index of collections; the next start tries again');
  } finally {
    await queue.close().catch(() => undefined);
    await connection.close().catch(() => undefined);
  }
  return rebuilds.shutdown;
}
