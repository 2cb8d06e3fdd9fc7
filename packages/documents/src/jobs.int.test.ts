// Re-ingesting a document against the real Redis, with no worker running: what ends up queued
// is what the worker would index.
import { testEnv, uniqueId } from '@switchyard/testing';
import { Worker, type Queue } from 'bullmq';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createIngestQueue, enqueueIngest, IngestInProgressError, type IngestDocumentPayload } from './jobs';

const env = testEnv();
let prefix = '';
let queue: Queue;

beforeEach(() => {
  prefix = `${env.keyPrefix}${uniqueId('jobs')}:`;
  queue = createIngestQueue({ connection: { url: env.redisUrl }, prefix });
});

afterEach(async () => {
  await queue.obliterate({ force: true });
  await queue.close();
});

const firstUpload: IngestDocumentPayload = { documentId: 'doc-1', ownerId: 'alice', blobKey: 'a'.repeat(64), mime: 'text/plain', filename: 'plan.txt' };
const secondUpload: IngestDocumentPayload = { ...firstUpload, blobKey: 'b'.repeat(64), mime: 'text/markdown', filename: 'plan.md', declaredSensitivity: 'internal' };

async function queuedJob(documentId: string) {
  const job = await queue.getJob(documentId);
  return { state: await job?.getState(), data: job?.data as unknown };
}

describe('enqueueIngest re-ingest', () => {
  it('replaces a job that is still waiting, so the newest upload is the one indexed', async () => {
    await enqueueIngest(queue, firstUpload);
    expect(await queuedJob('doc-1')).toEqual({ state: 'waiting', data: firstUpload });

    await enqueueIngest(queue, secondUpload);
    expect(await queuedJob('doc-1')).toEqual({ state: 'waiting', data: secondUpload });
    expect(await queue.getJobCounts('waiting', 'delayed', 'prioritized', 'active')).toEqual({ waiting: 1, delayed: 0, prioritized: 0, active: 0 });
  });

  it('replaces a job waiting for a retry (delayed) or for its turn by priority', async () => {
    for (const [documentId, options, state] of [
      ['doc-delayed', { delay: 60_000 }, 'delayed'],
      ['doc-prioritized', { priority: 5 }, 'prioritized'],
    ] as const) {
      await queue.add('ingest.document', { ...firstUpload, documentId }, { jobId: documentId, ...options });
      expect((await queuedJob(documentId)).state).toBe(state);

      await enqueueIngest(queue, { ...secondUpload, documentId });
      // Runs as soon as a worker is free, with the new upload.
      expect(await queuedJob(documentId)).toEqual({ state: 'waiting', data: { ...secondUpload, documentId } });
    }
    expect(await queue.getJobCounts('waiting', 'delayed', 'prioritized')).toEqual({ waiting: 2, delayed: 0, prioritized: 0 });
  });

  it('refuses to replace a job a worker is running, and queues the re-ingest once that job is done', async () => {
    await enqueueIngest(queue, firstUpload);
    // A worker takes the job and holds its lock, as while parsing or embedding.
    const worker = new Worker('ingest', null, { connection: { url: env.redisUrl, maxRetriesPerRequest: null }, prefix: `${prefix}bull`, autorun: false });
    worker.on('error', () => undefined);
    try {
      const token = 'test-worker-token';
      const running = await worker.getNextJob(token);
      expect(running?.id).toBe('doc-1');

      const refused = await enqueueIngest(queue, secondUpload).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(IngestInProgressError);
      expect(refused).toMatchObject({ code: 'ingest_in_progress', documentId: 'doc-1' });
      expect((refused as Error).message).toMatch(/being indexed right now/);
      // The running job is untouched.
      expect(await queuedJob('doc-1')).toEqual({ state: 'active', data: firstUpload });

      await running?.moveToCompleted({ chunks: 3 }, token, false);
      await enqueueIngest(queue, secondUpload);
      expect(await queuedJob('doc-1')).toEqual({ state: 'waiting', data: secondUpload });
    } finally {
      await worker.close();
    }
  });
});
