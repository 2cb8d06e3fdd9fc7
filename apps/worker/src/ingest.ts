// The ingest processor: blob -> parse -> chunk -> label each chunk -> embed in batches -> upsert
// -> drop chunks of earlier versions -> ready. It takes its dependencies as arguments so tests
// drive it with the real ones.
//
// Labels: each chunk carries its own sensitivity (the declared label, the document's markings and
// what is found in that chunk; labelDocument of @switchyard/router), so a chat is raised only by
// the chunks that enter its prompt. The record gets the overall label and the reasons (kinds,
// counts, chunk indexes; never the values). Parsing and labelling both run in a thread.
//
// Exactly once: chunk ids are `${documentId}:${chunkIndex}` and every chunk carries a version
// derived from the job alone (its id, creation time and blob), so a retried job, or one taken
// over after its worker died, rewrites the very same ids with the very same version. Chunks of
// any other version are leftovers of an earlier ingest and are deleted at the end.
import { createHash } from 'node:crypto';
import { setImmediate as nextMacrotask } from 'node:timers/promises';
import {
  BlobNotFoundError,
  ingestDocumentPayloadSchema,
  type BlobStore,
  type DocumentRepository,
  type IngestDocumentPayload,
  type Sensitivity,
} from '@switchyard/documents';
import { maxSensitivity, type DocumentLabel } from '@switchyard/router';
import { chunkText, ParseError, type ChunkRecord, type Embedder, type OcrSettings, type ParseLimits, type ParseProgress, type VectorStore } from '@switchyard/vectorstore';
import { UnrecoverableError, WaitingError, type Job } from 'bullmq';
import { LabelTimeoutError, ThreadedParser } from './parse-in-thread';

/** What the processor needs of a BullMQ job (a real Job satisfies it). */
export type IngestJob = Pick<Job, 'id' | 'data' | 'timestamp' | 'attemptsMade' | 'opts' | 'updateProgress' | 'moveToWait'>;

export interface IngestLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

export interface IngestDeps {
  repo: Pick<DocumentRepository, 'getAny' | 'update'>;
  blobs: Pick<BlobStore, 'get'>;
  embedder: Embedder;
  store: Pick<VectorStore, 'upsert' | 'deleteDocument'>;
  chunkSize: number;
  chunkOverlap: number;
  /** Chunks per embedding call. */
  embedBatchSize: number;
  parseLimits?: Partial<ParseLimits>;
  /** How Tesseract runs for scans and images (see @switchyard/vectorstore's ocr.ts). */
  ocr?: OcrSettings;
  /** Most heap a document's parse may use (it runs in a thread of its own; see parse-in-thread.ts). */
  parseMemoryMb?: number;
  logger?: IngestLogger;
  /**
   * Aborted when the process shuts down: at the next batch boundary the job is handed back to
   * the queue (not counted as a failed attempt) and another worker finishes it.
   */
  shutdownSignal?: AbortSignal;
}

export type IngestResult =
  | { documentId: string; outcome: 'ready'; chunks: number; sensitivity: Sensitivity; version: string }
  | { documentId: string; outcome: 'deleted' };

/** The version every chunk of this job carries: the same for every attempt of the same job. */
export function ingestVersion(job: Pick<IngestJob, 'id' | 'timestamp'>, payload: Pick<IngestDocumentPayload, 'blobKey'>): string {
  return createHash('sha256').update(`${job.id ?? ''}\n${job.timestamp}\n${payload.blobKey}`).digest('hex').slice(0, 16);
}

/**
 * Progress bands: parsing, chunking and labelling up to 10, embedding + upserting 10..95, cleanup
 * to 100. A document read with OCR spends most of its time there: its pages move progress from 1
 * to 60, and embedding takes 60..95.
 */
const PROGRESS_PREPARED = 10;
const PROGRESS_OCR_DONE = 60;
const PROGRESS_EMBEDDED = 95;

class DocumentDeleted extends Error {}

const silentLogger: IngestLogger = { info: () => undefined, warn: () => undefined };

export interface IngestProcessor {
  (job: IngestJob, token?: string): Promise<IngestResult>;
  /**
   * Readies a parser thread for each of `jobs` jobs at once (see ThreadedParser.warmUp), so the
   * first documents after a start do not load the parsers and detectors while others embed.
   */
  warmUp(jobs: number): Promise<void>;
}

export function createIngestProcessor(deps: IngestDeps): IngestProcessor {
  const logger = deps.logger ?? silentLogger;
  const batchSize = Math.max(1, deps.embedBatchSize);
  const parser = new ThreadedParser({ maxMemoryMb: deps.parseMemoryMb });

  const processIngest = async function processIngest(job: IngestJob, token?: string): Promise<IngestResult> {
    const parsedPayload = ingestDocumentPayloadSchema.safeParse(job.data);
    if (!parsedPayload.success) {
      const problems = parsedPayload.error.issues.map((issue) => `${issue.path.join('.') || 'payload'}: ${issue.message}`).join('; ');
      const documentId = typeof (job.data as { documentId?: unknown })?.documentId === 'string' ? (job.data as { documentId: string }).documentId : undefined;
      if (documentId) await deps.repo.update(documentId, { status: 'failed', progress: 0, error: 'The ingest job was malformed and could not run.' });
      throw new UnrecoverableError(`invalid ingest payload: ${problems}`);
    }
    const payload = parsedPayload.data;
    const { documentId } = payload;
    const version = ingestVersion(job, payload);
    const log = { jobId: job.id, documentId, version, attempt: job.attemptsMade + 1 };

    /** Writes a patch; throws DocumentDeleted when the document is gone. */
    const report = async (patch: Parameters<IngestDeps['repo']['update']>[1]) => {
      const updated = await deps.repo.update(documentId, patch);
      if (!updated) throw new DocumentDeleted();
      if (patch.progress !== undefined) await job.updateProgress(patch.progress);
      return updated;
    };

    // The upsert in flight while the next batch embeds; settled before any cleanup deletes.
    let pendingUpsert: Promise<void> = Promise.resolve();
    try {
      const record = await deps.repo.getAny(documentId);
      if (!record) throw new DocumentDeleted();
      await report({ status: 'processing', progress: 1 });

      // 1. Parse.
      // A missing blob will not come back; a store outage (BlobStoreUnavailableError) retries.
      const bytes = await deps.blobs.get(payload.blobKey).catch((error: unknown) => {
        if (error instanceof BlobNotFoundError) throw new UnrecoverableError('The uploaded file is no longer in storage.');
        throw error;
      });
      // In a thread: a slow parser cannot stall lock renewal, and the time cap cuts it off mid-step.
      // Scans and images are read page by page with OCR; each page moves the progress.
      let pageReport: Promise<unknown> = Promise.resolve();
      const onProgress = ({ page, pages }: ParseProgress) => {
        const progress = 1 + Math.floor(((PROGRESS_OCR_DONE - 1) * page) / Math.max(1, pages));
        if (page === 0) logger.info({ ...log, pages }, 'reading with OCR');
        pageReport = pageReport.then(() => report({ progress })).catch(() => undefined);
      };
      // Where a document's time goes, for the 'document ready' line: parsing (with OCR), labelling,
      // waiting for vectors, and storing what the embedder could not overlap.
      const timings = { parseMs: 0, labelMs: 0, embedMs: 0, storeMs: 0 };
      let stepStarted = performance.now();
      const lap = (step: keyof typeof timings) => {
        const now = performance.now();
        timings[step] += Math.round(now - stepStarted);
        stepStarted = now;
      };
      const parsed = await parser.parse(bytes, { filename: payload.filename, limits: deps.parseLimits, ...(deps.ocr ? { ocr: deps.ocr } : {}), onProgress }).catch((error: unknown) => {
        if (error instanceof ParseError) throw new UnrecoverableError(error.message);
        throw error;
      });
      await pageReport;
      const prepared = parsed.ocrPages ? PROGRESS_OCR_DONE : PROGRESS_PREPARED;

      lap('parseMs');

      // 2. Chunk.
      const chunks = await chunkText(parsed.text, { format: parsed.format, chunkSize: deps.chunkSize, chunkOverlap: deps.chunkOverlap });

      // 3. Label each chunk, in the thread too. What the uploader declared is a floor for every
      // chunk: it can raise what the content shows, never lower it.
      const declared = maxSensitivity(payload.declaredSensitivity, record.declaredSensitivity);
      const label: DocumentLabel = await parser.label({ text: parsed.text, chunks: chunks.map((chunk) => chunk.text), declared }).catch((error: unknown) => {
        if (error instanceof LabelTimeoutError || error instanceof ParseError) throw new UnrecoverableError(error.message);
        throw error;
      });
      lap('labelMs');
      const { sensitivity } = label;
      logger.info({ ...log, sensitivity, chunks: chunks.length, reasons: label.reasons.map((reason) => `${reason.kind} x${reason.count}`) }, 'document labelled');
      await report({ progress: prepared, sensitivity, labelReasons: label.reasons });

      // 4. Embed in batches; each batch's upsert overlaps the next batch's embedding.
      for (let start = 0; start < chunks.length; start += batchSize) {
        if (deps.shutdownSignal?.aborted) {
          await pendingUpsert.catch(() => undefined);
          await deps.repo.update(documentId, { status: 'queued', progress: 0 });
          await job.moveToWait(token);
          logger.info(log, 'job handed back to the queue for shutdown');
          throw new WaitingError();
        }
        const batch = chunks.slice(start, start + batchSize);
        stepStarted = performance.now();
        const vectors = await deps.embedder.embed(batch.map((chunk) => chunk.text));
        lap('embedMs');
        await pendingUpsert;
        lap('storeMs');
        const records: ChunkRecord[] = batch.map((chunk, offset) => ({
          ...chunk,
          documentId,
          ownerId: payload.ownerId,
          title: record.title,
          // Its own label; fail closed should the label and the chunks ever disagree.
          sensitivity: label.chunks[start + offset]?.sensitivity ?? 'confidential',
          version,
        }));
        pendingUpsert = deps.store.upsert(records, vectors);
        pendingUpsert.catch(() => undefined); // awaited below; this only marks it handled meanwhile
        const done = Math.min(chunks.length, start + batchSize);
        await report({ progress: prepared + Math.floor(((PROGRESS_EMBEDDED - prepared) * done) / chunks.length) });
        // An embedder on this thread (LocalEmbedder, in tests) blocks the event loop between
        // batches; give timers (lock renewal, heartbeat) a turn. The pool's threads never do.
        await nextMacrotask();
      }
      stepStarted = performance.now();
      await pendingUpsert;

      // 5. Drop what earlier versions left behind (e.g. a longer previous text).
      const leftovers = await deps.store.deleteDocument(documentId, { keepVersion: version });
      await report({ status: 'ready', progress: 100, chunks: chunks.length, sensitivity, labelReasons: label.reasons, version });
      lap('storeMs');
      logger.info({ ...log, chunks: chunks.length, leftovers, ...timings }, 'document ready');
      return { documentId, outcome: 'ready', chunks: chunks.length, sensitivity, version };
    } catch (error) {
      if (error instanceof DocumentDeleted) {
        // Deleted while we worked: remove anything we may have written after the API cleaned up
        // (including the batch whose upsert is still in flight).
        await pendingUpsert.catch(() => undefined);
        await deps.store.deleteDocument(documentId);
        logger.info(log, 'document deleted during ingest; chunks removed');
        return { documentId, outcome: 'deleted' };
      }
      if (error instanceof WaitingError) throw error;
      const attempts = job.opts.attempts ?? 1;
      const final = error instanceof UnrecoverableError || job.attemptsMade + 1 >= attempts;
      const message = error instanceof Error ? error.message : String(error);
      await pendingUpsert.catch(() => undefined);
      if (final) {
        const readable = error instanceof UnrecoverableError ? message : `Indexing failed after ${attempts} attempt${attempts === 1 ? '' : 's'}: ${message}`;
        await deps.repo.update(documentId, { status: 'failed', progress: 0, chunks: 0, error: readable }).catch(() => undefined);
        // A failed document is not searchable: none of its chunks, old or partial, stay behind.
        await deps.store.deleteDocument(documentId).catch(() => undefined);
      }
      logger.warn({ ...log, final, error: message }, final ? 'ingest failed' : 'ingest attempt failed; will retry');
      throw error;
    }
  };
  return Object.assign(processIngest, { warmUp: (jobs: number) => parser.warmUp(jobs) });
}
