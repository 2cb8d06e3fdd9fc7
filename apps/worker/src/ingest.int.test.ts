// The ingest worker in this process, against the real Redis, Chroma and local embedder.
import path from 'node:path';
import { jobCatalog } from '@switchyard/documents';
import { testEnv, uniqueId } from '@switchyard/testing';
import { ChromaStore, chunkText, LocalEmbedder, parseDocument } from '@switchyard/vectorstore';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scannedPdf } from '@switchyard/vectorstore/test-images';
import { createUploader, prose, waitFor, type Uploader } from '../test/helpers';
import { createIngestWorker, type IngestWorker } from './worker';

const env = testEnv();
const prefix = `${env.keyPrefix}${uniqueId('ingest')}:`;
const redis = new Redis(env.redisUrl);
const chunking = { chunkSize: 1000, chunkOverlap: 150 };
const encode = (text: string) => new TextEncoder().encode(text);

let embedder: LocalEmbedder;
let store: ChromaStore;
let uploader: Uploader;
let ingest: IngestWorker;

/** What a clean run must produce for these bytes: the real parser and chunker. */
async function expectedChunks(bytes: Uint8Array, filename: string) {
  const parsed = await parseDocument(bytes, { filename });
  return chunkText(parsed.text, { format: parsed.format, ...chunking });
}

beforeAll(async () => {
  embedder = await LocalEmbedder.create({ batchSize: 16 });
  store = new ChromaStore({ url: env.chromaUrl, collectionPrefix: env.collectionPrefix, embedder });
  uploader = createUploader(redis, env.redisUrl, prefix, path.join(env.dataDir, 'blobs-ingest'));
  ingest = createIngestWorker({
    redis: { mode: 'single', url: env.redisUrl },
    prefix,
    concurrency: 2,
    lockDurationMs: 15_000,
    stalledIntervalMs: 5_000,
    maxStalledCount: 2,
    logger: pino({ level: 'silent' }),
    deps: { repo: uploader.repo, blobs: uploader.blobs, embedder, store, ...chunking, embedBatchSize: 16 },
  });
});

afterAll(async () => {
  await ingest?.shutdown(0);
  await uploader?.close();
  redis.disconnect();
});

describe('ingest worker', () => {
  it('indexes an upload: ready with the chunk count of a clean parse, every chunk once, and search finds it', async () => {
    const text = `${prose(5000, 11)}\n\nThe zephyr handshake opens on port 4711 before any payload moves.\n\n${prose(2000, 12)}`;
    const bytes = encode(text);
    const expected = await expectedChunks(bytes, 'notes.txt');
    expect(expected.length).toBeGreaterThan(5);

    const doc = await uploader.upload({ ownerId: 'alice', filename: 'notes.txt', mime: 'text/plain', bytes });
    const done = await uploader.waitForFinished(doc.id);
    expect(done).toMatchObject({ status: 'ready', progress: 100, chunks: expected.length, sensitivity: 'public' });
    expect(done.error).toBeUndefined();

    const stored = await store.listDocumentChunks(doc.id);
    expect(stored.map((chunk) => chunk.chunkIndex)).toEqual(expected.map((_, index) => index));
    expect(stored.map((chunk) => chunk.text)).toEqual(expected.map((chunk) => chunk.text));
    expect(stored.every((chunk) => chunk.ownerId === 'alice' && chunk.title === 'notes.txt')).toBe(true);

    const [vector] = await embedder.embed(['The zephyr handshake opens on port 4711 before any payload moves.']);
    const hits = await store.query({ vector: vector as number[], k: 3, ownerId: 'alice' });
    expect(hits[0]?.documentId).toBe(doc.id);
    expect(hits[0]?.text).toContain('zephyr handshake');
    expect(await store.query({ vector: vector as number[], k: 3, ownerId: 'mallory' })).toEqual([]);
  });

  it('re-ingesting shorter content replaces the chunks without leftovers', async () => {
    const first = encode(prose(9000, 21));
    const doc = await uploader.upload({ ownerId: 'bob', filename: 'plan.txt', mime: 'text/plain', bytes: first });
    const before = await uploader.waitForFinished(doc.id);
    expect(before.status).toBe('ready');

    const second = encode(prose(2500, 22));
    const expected = await expectedChunks(second, 'plan.txt');
    expect(expected.length).toBeLessThan(before.chunks);
    await uploader.reupload(doc, second);
    const after = await uploader.waitForFinished(doc.id);
    expect(after).toMatchObject({ status: 'ready', chunks: expected.length });
    expect(after.version).not.toBe(before.version);

    const stored = await store.listDocumentChunks(doc.id);
    expect(stored.map((chunk) => chunk.text)).toEqual(expected.map((chunk) => chunk.text));
    expect(await store.countDocument(doc.id)).toBe(expected.length);
  });

  it('fails an unparseable file once, with an error a person can read', async () => {
    const bytes = encode(`%PDF-1.7\n${'this is not really a pdf '.repeat(20)}`);
    const doc = await uploader.upload({ ownerId: 'carol', filename: 'report.pdf', mime: 'application/pdf', bytes });
    const done = await uploader.waitForFinished(doc.id);
    expect(done.status).toBe('failed');
    expect(done.error).toMatch(/pdf/i);
    expect(done.error).not.toMatch(/\n\s+at /); // no stack trace

    await waitFor('the job to fail', async () => (await (await uploader.queue.getJob(doc.id))?.getState()) === 'failed');
    const job = await uploader.queue.getJob(doc.id);
    expect(job?.attemptsMade).toBe(1); // not retried, although the catalog allows 6 attempts
    expect(await store.countDocument(doc.id)).toBe(0);
  });

  it('labels each chunk by what it holds: only the passage with an SSN is confidential, and the record says why without the value', async () => {
    const ssnLine = 'Payroll correction for J. Rivera, SSN 123-45-6789, effective March.';
    const text = `${prose(3000, 31)}\n\n${ssnLine}\n\n${prose(3000, 32)}`;
    const doc = await uploader.upload({ ownerId: 'dave', filename: 'payroll.txt', mime: 'text/plain', bytes: encode(text), declaredSensitivity: 'public' });
    const done = await uploader.waitForFinished(doc.id);
    expect(done).toMatchObject({ status: 'ready', sensitivity: 'confidential' });
    const stored = await store.listDocumentChunks(doc.id);
    expect(stored.length).toBe(done.chunks);
    expect(stored.length).toBeGreaterThan(4);
    const holding = stored.filter((chunk) => chunk.text.includes('123-45-6789')).map((chunk) => chunk.chunkIndex);
    expect(holding.length).toBeGreaterThan(0);
    for (const chunk of stored) expect(chunk.sensitivity, `chunk ${chunk.chunkIndex}`).toBe(holding.includes(chunk.chunkIndex) ? 'confidential' : 'public');
    expect(done.labelReasons).toContainEqual({ kind: 'pii.national_id', sensitivity: 'confidential', what: expect.any(String), scope: 'chunks', count: holding.length, chunks: holding });
    expect(JSON.stringify(await uploader.repo.getAny(doc.id))).not.toContain('6789');

    // A declared level raises plain content, never the other way round, and says so.
    const plain = await uploader.upload({ ownerId: 'dave', filename: 'menu.txt', mime: 'text/plain', bytes: encode(prose(600, 33)), declaredSensitivity: 'internal' });
    const internal = await uploader.waitForFinished(plain.id);
    expect(internal).toMatchObject({ status: 'ready', sensitivity: 'internal' });
    expect(internal.labelReasons?.map((reason) => reason.kind)).toEqual(['declared.internal']);
    expect((await store.listDocumentChunks(plain.id)).every((chunk) => chunk.sensitivity === 'internal')).toBe(true);
  });

  it('a CONFIDENTIAL banner on top marks every chunk, the last page included', async () => {
    const text = `CONFIDENTIAL\n\n${prose(6000, 34)}`;
    const doc = await uploader.upload({ ownerId: 'dave', filename: 'board-memo.txt', mime: 'text/plain', bytes: encode(text) });
    const done = await uploader.waitForFinished(doc.id);
    expect(done).toMatchObject({ status: 'ready', sensitivity: 'confidential' });
    const stored = await store.listDocumentChunks(doc.id);
    expect(stored.length).toBeGreaterThan(4);
    expect(stored.map((chunk) => chunk.sensitivity)).toEqual(stored.map(() => 'confidential'));
    expect(done.labelReasons).toContainEqual(expect.objectContaining({ kind: 'marking.confidential', scope: 'document', chunks: [] }));
  });

  it('removes what it wrote when the document is deleted mid-ingest, and finishes quietly', async () => {
    const doc = await uploader.upload({ ownerId: 'erin', filename: 'long.txt', mime: 'text/plain', bytes: encode(prose(15_000, 41)) });
    await waitFor('ingest to be under way', async () => {
      const record = await uploader.repo.getAny(doc.id);
      return (record?.progress ?? 0) >= 20 && (record?.status === 'processing');
    });
    expect(await uploader.repo.delete('erin', doc.id)).toBeDefined();

    const job = await uploader.queue.getJob(doc.id);
    await waitFor('the job to complete', async () => (await job?.getState()) === 'completed');
    expect(await uploader.repo.getAny(doc.id)).toBeUndefined();
    expect(await store.countDocument(doc.id)).toBe(0);
  });

  it('reads a scanned PDF with OCR, moving the progress page by page, and search finds what the scan says', async () => {
    const bytes = await scannedPdf([
      { scan: ['Site visit report for the north quarry'] },
      { scan: ['The zephyr handshake opens on port 4711', 'before any payload moves'] },
      { scan: ['Signed by the harbor master'] },
    ]);
    const doc = await uploader.upload({ ownerId: 'erin', filename: 'visit.pdf', mime: 'application/pdf', bytes });
    // OCR takes seconds a page: the progress between start and the end of OCR (60) shows pages done.
    const seen = new Set<number>();
    const done = await waitFor(
      'the scan to be indexed',
      async () => {
        const record = await uploader.repo.getAny(doc.id);
        if (record?.status === 'processing') seen.add(record.progress);
        return record && (record.status === 'ready' || record.status === 'failed') ? record : undefined;
      },
      120_000,
      20,
    );
    expect(done).toMatchObject({ status: 'ready', progress: 100 });
    expect([...seen].some((progress) => progress > 1 && progress < 60)).toBe(true);
    const stored = await store.listDocumentChunks(doc.id);
    expect(stored.map((chunk) => chunk.text).join(' ').toLowerCase()).toContain('zephyr handshake opens on port 4711');
    const [vector] = await embedder.embed(['Which port does the zephyr handshake open on?']);
    const hits = await store.query({ vector: vector as number[], k: 3, ownerId: 'erin' });
    expect(hits[0]?.documentId).toBe(doc.id);
  }, 150_000);

  it('fails a malformed job payload without retrying it', async () => {
    const job = await uploader.queue.add('ingest.document', { documentId: 'not-a-real-doc', ownerId: 'frank', blobKey: 'nope' }, { ...jobCatalog['ingest.document'].options, jobId: uniqueId('bad') });
    await waitFor('the malformed job to fail', async () => (await job.getState()) === 'failed');
    const failed = await uploader.queue.getJob(job.id as string);
    expect(failed?.attemptsMade).toBe(1);
    expect(failed?.failedReason).toMatch(/invalid ingest payload: .*blobKey/);
  });
});
