// Shared pieces of the worker's integration tests: a deterministic corpus, polling with a
// deadline, and uploading a document the way the API does (blob + record + job).
import { createIngestQueue, DocumentRepository, enqueueIngest, FsBlobStore, type DocumentRecord, type Sensitivity } from '@switchyard/documents';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';

const words = (
  'river harbor signal lantern copper meadow orchard ledger quarry beacon canyon glacier timber ' +
  'furnace compass anchor pepper saffron violet granite thunder willow falcon mirror ribbon ' +
  'cellar marble saddle hollow summit basket feather pillar tunnel garden kettle needle'
).split(' ');

/** Prose of roughly `chars` characters, different for each seed, identical for the same seed. */
export function prose(chars: number, seed = 1): string {
  let state = seed >>> 0 || 1;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state;
  };
  const sentences: string[] = [];
  let length = 0;
  while (length < chars) {
    const count = 8 + (next() % 10);
    const picked = Array.from({ length: count }, () => words[next() % words.length] as string);
    const sentence = `${picked.join(' ')}.`;
    const text = sentence.charAt(0).toUpperCase() + sentence.slice(1);
    sentences.push(next() % 6 === 0 ? `${text}\n\n` : `${text} `);
    length += text.length + 1;
  }
  return sentences.join('').trim();
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 30_000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

export interface Uploader {
  repo: DocumentRepository;
  blobs: FsBlobStore;
  queue: Queue;
  /** Stores the bytes, records the document and enqueues its ingest job, like POST /api/documents. */
  upload(input: { ownerId: string; filename: string; mime: string; bytes: Uint8Array; declaredSensitivity?: Sensitivity; documentId?: string }): Promise<DocumentRecord>;
  /** Re-ingests an existing document with new bytes (a new job for the same document id). */
  reupload(record: DocumentRecord, bytes: Uint8Array): Promise<void>;
  waitForFinished(documentId: string, timeoutMs?: number): Promise<DocumentRecord>;
  close(): Promise<void>;
}

export function createUploader(redis: Redis, redisUrl: string, prefix: string, blobDir: string): Uploader {
  const repo = new DocumentRepository(redis, prefix);
  const blobs = new FsBlobStore(blobDir);
  const queue = createIngestQueue({ connection: { url: redisUrl }, prefix });
  return {
    repo,
    blobs,
    queue,
    async upload({ ownerId, filename, mime, bytes, declaredSensitivity }) {
      const blobKey = await blobs.put(bytes);
      const record = await repo.create({ ownerId, title: filename, filename, mime, size: bytes.byteLength, blobKey, declaredSensitivity });
      await enqueueIngest(queue, { documentId: record.id, ownerId, blobKey, mime, filename, declaredSensitivity });
      return record;
    },
    async reupload(record, bytes) {
      const blobKey = await blobs.put(bytes);
      await repo.update(record.id, { status: 'queued', progress: 0 });
      await enqueueIngest(queue, { documentId: record.id, ownerId: record.ownerId, blobKey, mime: record.mime, filename: record.filename });
    },
    waitForFinished(documentId, timeoutMs = 30_000) {
      return waitFor(`document ${documentId} to be ready or failed`, async () => {
        const record = await repo.getAny(documentId);
        return record && (record.status === 'ready' || record.status === 'failed') ? record : undefined;
      }, timeoutMs);
    },
    async close() {
      await queue.close();
    },
  };
}
