// Shared pieces of the worker's integration tests: a deterministic corpus, polling with a
// deadline, and uploading a document the way the API does (blob + record + job).
import {
  createIngestQueue,
  DocumentRepository,
  enqueueIngest,
  FsBlobStore,
  IngestInProgressError,
  type DocumentRecord,
  type Sensitivity,
} from '@switchyard/documents';
import { waitForValue as waitFor } from '@switchyard/testing';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import JSZip from 'jszip';

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

/** The smallest Word document mammoth reads: one paragraph per text. */
export async function minimalDocx(paragraphs: string[]): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  const body = paragraphs.map((text) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`).join('');
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/**
 * An html export with a 40,000-row table (about 10 MB): html-to-text spends seconds on it in one
 * synchronous call, and needs well over 64 MB of heap.
 */
export function slowHtml(rows = 40_000): Uint8Array {
  const row = (i: number) => `<tr>${Array.from({ length: 20 }, (_, j) => `<td>r${i}c${j}</td>`).join('')}</tr>`;
  return new TextEncoder().encode(`<html><body><table>${Array.from({ length: rows }, (_, i) => row(i)).join('')}</table></body></html>`);
}

/** Polls until the probe returns a value; fails after the deadline (shared test tooling). */
export { waitFor };

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
      const payload = { documentId: record.id, ownerId: record.ownerId, blobKey, mime: record.mime, filename: record.filename };
      // The record turns ready a moment before its job counts as completed; like a client given
      // 409 ingest_in_progress, try again until the earlier job is done.
      const enqueued = () =>
        enqueueIngest(queue, payload).then(
          () => true,
          (error: unknown) => {
            if (error instanceof IngestInProgressError) return false;
            throw error;
          },
        );
      await waitFor(`document ${record.id} to accept a re-ingest`, enqueued, 10_000, 20);
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
