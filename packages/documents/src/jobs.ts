// The job catalog: every job's name, payload schema and options, shared by the API (producer)
// and the worker (consumer) so both agree on what a job is.
import { Queue, type ConnectionOptions, type JobsOptions } from 'bullmq';
import { z } from 'zod';
import { sensitivitySchema } from './records';

export const INGEST_QUEUE = 'ingest';

export const ingestDocumentPayloadSchema = z.object({
  documentId: z.string().min(1),
  ownerId: z.string().min(1),
  /** The collection whose index receives the chunks (absent in jobs queued before collections: the owner's personal one). */
  collectionId: z.string().min(1).optional(),
  blobKey: z.string().regex(/^[0-9a-f]{64}$/, 'blobKey must be a sha256 hex digest'),
  mime: z.string().min(1),
  filename: z.string().min(1),
  /** The level the uploader declared; detection can raise it, never lower it. */
  declaredSensitivity: sensitivitySchema.optional(),
});
export type IngestDocumentPayload = z.infer<typeof ingestDocumentPayloadSchema>;

export const INDEX_QUEUE = 'index';

/** Rebuild a collection's index with the worker's embedder (a changed embedder, or documents from before collections). */
export const rebuildIndexPayloadSchema = z.object({ collectionId: z.string().min(1) });
export type RebuildIndexPayload = z.infer<typeof rebuildIndexPayloadSchema>;

export const jobCatalog = {
  'ingest.document': {
    queue: INGEST_QUEUE,
    schema: ingestDocumentPayloadSchema,
    options: {
      attempts: 6,
      backoff: { type: 'exponential', delay: 1000 },
      removeOnComplete: { age: 24 * 3600, count: 5000 },
      removeOnFail: { age: 7 * 24 * 3600 },
    } satisfies JobsOptions,
  },
  'index.rebuild': {
    queue: INDEX_QUEUE,
    schema: rebuildIndexPayloadSchema,
    options: {
      attempts: 10,
      backoff: { type: 'exponential', delay: 5000 },
      removeOnComplete: { age: 24 * 3600, count: 1000 },
      removeOnFail: { age: 7 * 24 * 3600 },
    } satisfies JobsOptions,
  },
} as const;
export type JobName = keyof typeof jobCatalog;

export interface QueueSettings {
  connection: ConnectionOptions;
  /** BullMQ key prefix; isolates deployments and test runs sharing a Redis. */
  prefix: string;
}

export function createIngestQueue({ connection, prefix }: QueueSettings): Queue {
  const queue = new Queue(INGEST_QUEUE, { connection, prefix: `${prefix}bull` });
  queue.on('error', () => undefined); // surfaced to callers through rejected calls
  return queue;
}

/**
 * Thrown by enqueueIngest when the document is being indexed at this moment: its running job
 * cannot be replaced, and queueing behind it is not possible with one job per document. The
 * caller answers 409 (code `ingest_in_progress`); the client tries again once the document is
 * ready or failed.
 */
export class IngestInProgressError extends Error {
  override name = 'IngestInProgressError';
  readonly code = 'ingest_in_progress';
  constructor(readonly documentId: string) {
    super('The document is being indexed right now; try again when it is ready or failed.');
  }
}

/**
 * Enqueues an ingest job with jobId = documentId, so a double submit is one job. An earlier job
 * of the same document that has not started yet (waiting, delayed, prioritized) is replaced, so
 * the newest payload is the one indexed; a finished one (completed, failed) is removed, so a
 * re-ingest runs again. A running one cannot be replaced: IngestInProgressError.
 *
 * Two enqueues of the same document racing each other end with one of their payloads queued.
 */
export async function enqueueIngest(queue: Queue, payload: IngestDocumentPayload): Promise<void> {
  const job = jobCatalog['ingest.document'];
  const data = job.schema.parse(payload);
  const existing = await queue.getJob(data.documentId);
  if (existing) {
    if ((await existing.getState()) === 'active') throw new IngestInProgressError(data.documentId);
    // BullMQ refuses to remove a locked job: it was picked up after we looked.
    await existing.remove().catch(async (error: unknown) => {
      if ((await existing.getState()) === 'active') throw new IngestInProgressError(data.documentId);
      throw error;
    });
  }
  await queue.add('ingest.document', data, { ...job.options, jobId: data.documentId });
}

export function createIndexQueue({ connection, prefix }: QueueSettings): Queue {
  const queue = new Queue(INDEX_QUEUE, { connection, prefix: `${prefix}bull` });
  queue.on('error', () => undefined); // surfaced to callers through rejected calls
  return queue;
}

/**
 * Queues a rebuild of a collection's index for an embedder; one job per (collection, embedder), so
 * asking again while one waits or runs is a no-op.
 */
export async function enqueueIndexRebuild(queue: Queue, payload: RebuildIndexPayload, embedderId: string): Promise<void> {
  const job = jobCatalog['index.rebuild'];
  const data = job.schema.parse(payload);
  const jobId = `rebuild-${data.collectionId}-${embedderId}`.replace(/[^A-Za-z0-9_-]+/g, '_');
  const existing = await queue.getJob(jobId);
  if (existing) {
    const state = await existing.getState();
    if (state !== 'completed' && state !== 'failed') return;
    await existing.remove().catch(() => undefined);
  }
  await queue.add('index.rebuild', data, { ...job.options, jobId });
}
