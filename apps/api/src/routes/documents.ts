// Documents of the collections the caller can read: multipart or JSON upload into a collection they edit (202, indexing happens in the worker; one
// result per file, so one bad file does not reject the others; files stream to the blob store as
// they arrive, never held in memory whole), list, get, its passages with their
// labels, rename or relabel (PATCH), the original file (preview or download), delete, and
// server-sent status events while a document is being indexed.
import {
  createTextDocumentSchema,
  documentEventSchema,
  documentPassagesQuerySchema,
  documentPassagesResponseSchema,
  documentsQuerySchema,
  documentResponseSchema,
  documentsResponseSchema,
  updateDocumentResponseSchema,
  updateDocumentSchema,
  uploadFieldsSchema,
  uploadResponseSchema,
  type DocumentEvent,
  type UploadResult,
  type User,
} from '@switchyard/client';
import { documentRecordSchema, personalCollectionId, type DocumentRecord } from '@switchyard/documents';
import type { IncomingMessage } from 'node:http';
import { Router } from 'express';
import { z } from 'zod';
import type { Services } from '../composition';
import { AppError } from '../errors';
import { currentUser } from '../middleware/auth';
import { readMultipartUpload, type MultipartFields, type MultipartLimits } from '../middleware/multipart-upload';
import { sanitizeDisplayName, toDocument, type DocumentService, type StagedFile } from '../services/documents';
import { openSse } from '../http/sse';

const TERMINAL = new Set(['ready', 'failed']);

const toEvent = (record: DocumentRecord): DocumentEvent => documentEventSchema.parse(record);

/** `?download=1` asks for an attachment; otherwise the file is served for an inline preview. */
const fileQuerySchema = z.strictObject({ download: z.enum(['0', '1', 'true', 'false']).optional() });

/** What became of one file of a multipart upload once its bytes were in. */
type FileOutcome = { filename: string; staged: StagedFile } | { filename: string; error: unknown };

/**
 * A multipart upload, file by file as it arrives: each file streams into the blob store, refused
 * early on its type or size with nothing kept. Once the whole body is in (the fields may come after
 * the files), each stored file becomes a document. A refused file becomes a `rejected` result
 * naming it, and the others are still accepted; with nothing accepted, the first refusal is the
 * answer (its status and code), with every file's result in `details.results`. If the request as a
 * whole fails (too large, malformed, a bad field, the client went away, the store is down), no
 * document is made and the files it stored are removed.
 */
async function uploadMultipart(service: DocumentService, req: IncomingMessage, ownerId: string, limits: MultipartLimits, mayAddTo: (collectionId: string | undefined) => Promise<string>) {
  const outcomes: Promise<FileOutcome>[] = [];
  const discardAll = async () => {
    for (const outcome of await Promise.all(outcomes)) if ('staged' in outcome) await service.discardStaged(outcome.staged);
  };
  let fields: MultipartFields;
  let settled: FileOutcome[];
  let sensitivity: DocumentRecord['sensitivity'] | undefined;
  let collectionId: string;
  try {
    fields = await readMultipartUpload(req, limits, async ({ filename, stream }) => {
      const outcome = service.stageFile({ name: filename, stream }).then(
        (staged): FileOutcome => ({ filename: staged.filename, staged }),
        (error: unknown): FileOutcome => ({ filename: sanitizeDisplayName(filename), error }),
      );
      outcomes.push(outcome);
      await outcome;
    });
    const parsedFields = uploadFieldsSchema.parse({ ...fields });
    sensitivity = parsedFields.sensitivity;
    // The fields may come after the files: a collection the uploader may not add to discards them all.
    collectionId = await mayAddTo(parsedFields.collectionId);
    settled = await Promise.all(outcomes);
    if (settled.length === 0) throw new AppError('no_files', 400, "send one or more files in the 'files' field");
    // Anything but a refusal of the file itself (the blob store is down…) fails the whole request.
    const failure = settled.find((outcome) => 'error' in outcome && !(outcome.error instanceof AppError));
    if (failure && 'error' in failure) throw failure.error;
  } catch (error) {
    await discardAll();
    throw error;
  }

  const results: UploadResult[] = [];
  let firstRefusal: AppError | undefined;
  for (const outcome of settled) {
    try {
      if ('error' in outcome) throw outcome.error;
      const document = await service.acceptStaged(ownerId, outcome.staged, sensitivity, collectionId);
      results.push({ status: 'accepted', filename: document.filename, document });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      firstRefusal ??= error;
      results.push({ status: 'rejected', filename: outcome.filename, error: { code: error.code, message: error.message } });
    }
  }
  const documents = results.flatMap((result) => (result.status === 'accepted' ? [result.document] : []));
  if (documents.length === 0 && firstRefusal) {
    const details = typeof firstRefusal.details === 'object' && firstRefusal.details !== null ? firstRefusal.details : {};
    throw new AppError(firstRefusal.code, firstRefusal.status, firstRefusal.message, { ...details, results }, firstRefusal.retryAfterSeconds);
  }
  return uploadResponseSchema.parse({ documents, results });
}

export function createDocumentsRouter(ctx: Pick<Services, 'env' | 'collections' | 'blobs' | 'documents' | 'documentService' | 'documentEvents' | 'shutdown'>): Router {
  const router = Router();
  const { documentService: service, documentEvents: hub } = ctx;
  const uploadLimits: MultipartLimits = {
    maxFileBytes: ctx.env.MAX_UPLOAD_BYTES,
    maxFiles: ctx.env.MAX_UPLOAD_FILES,
    maxRequestBytes: ctx.env.MAX_UPLOAD_REQUEST_BYTES,
  };

  /** The collection an upload goes to (default: the uploader's personal one), once checked they are an editor of it. */
  const mayAddTo = async (user: User, collectionId: string | undefined): Promise<string> => {
    const target = collectionId ?? personalCollectionId(user.id);
    await ctx.collections.require(user, target, 'editor', 'upload documents');
    return target;
  };

  router.post('/', async (req, res) => {
    const owner = currentUser(req);
    if (req.is('multipart/form-data')) {
      res.status(202).json(await uploadMultipart(service, req, owner.id, uploadLimits, (collectionId) => mayAddTo(owner, collectionId)));
      return;
    }
    if (req.is('application/json')) {
      const input = createTextDocumentSchema.parse(req.body);
      const collectionId = await mayAddTo(owner, input.collectionId);
      const document = await service.uploadText(owner.id, { ...input, collectionId });
      res.status(202).json(documentsResponseSchema.parse({ documents: [document] }));
      return;
    }
    throw new AppError('unsupported_media_type', 415, 'send multipart/form-data with files, or JSON {title, text}');
  });

  // Every route below checks the caller's access to the document's collection, read from Redis now:
  // viewers read, editors change and delete; anyone else finds nothing (404).
  router.get('/', async (req, res) => {
    const { collectionId } = documentsQuerySchema.parse(req.query);
    res.json(documentsResponseSchema.parse({ documents: (await ctx.collections.documents(currentUser(req), collectionId)).map(toDocument) }));
  });

  router.get('/:id', async (req, res) => {
    res.json(documentResponseSchema.parse({ document: toDocument(await ctx.collections.document(currentUser(req), req.params.id, 'viewer')) }));
  });

  router.get('/:id/passages', async (req, res) => {
    const page = documentPassagesQuerySchema.parse(req.query);
    const record = await ctx.collections.document(currentUser(req), req.params.id, 'viewer');
    res.json(documentPassagesResponseSchema.parse(await service.passages(record.ownerId, record.id, page)));
  });

  /**
   * The original bytes, for the document page's preview and download. Served so that a browser
   * opening it directly runs nothing: a sandboxing CSP, no sniffing, and a download unless asked inline.
   */
  router.get('/:id/file', async (req, res) => {
    const { download } = fileQuerySchema.parse(req.query);
    const record = await ctx.collections.document(currentUser(req), req.params.id, 'viewer');
    // A blob gone from the store is 404 file_not_found (BlobNotFoundError, errors.ts).
    const bytes = await ctx.blobs.get(record.blobKey);
    res.attachment(record.filename);
    if (download !== '1' && download !== 'true') res.setHeader('Content-Disposition', String(res.getHeader('Content-Disposition')).replace(/^attachment/, 'inline'));
    res.setHeader('Content-Type', record.mime.startsWith('text/') ? `${record.mime}; charset=utf-8` : record.mime);
    res.setHeader('Content-Security-Policy', "sandbox; default-src 'none'");
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'private, no-cache');
    res.end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  });

  router.patch('/:id', async (req, res) => {
    const change = updateDocumentSchema.parse(req.body);
    const caller = currentUser(req);
    const record = await ctx.collections.document(caller, req.params.id, 'editor', 'change documents');
    res.json(updateDocumentResponseSchema.parse(await service.update(record.ownerId, record.id, change, caller.id)));
  });

  router.delete('/:id', async (req, res) => {
    const record = await ctx.collections.document(currentUser(req), req.params.id, 'editor', 'delete documents');
    await service.delete(record.ownerId, record.id);
    res.status(204).end();
  });

  router.get('/:id/events', async (req, res) => {
    const id = req.params.id;
    await ctx.collections.document(currentUser(req), id, 'viewer');

    // Subscribe before reading the current state, so no change between the two is missed.
    let lastSentAt = '';
    let ready = false;
    const pending: DocumentRecord[] = [];
    let stop = () => undefined as void;
    const stream = openSse(res);
    const finish = () => {
      stop();
      ctx.shutdown.signal.removeEventListener('abort', finish);
      stream.end();
    };
    const emit = (record: DocumentRecord) => {
      if (stream.closed || record.updatedAt < lastSentAt) return;
      lastSentAt = record.updatedAt;
      stream.send('status', toEvent(record));
      if (TERMINAL.has(record.status)) finish();
    };
    stop = await hub.subscribe(ctx.documents.eventsChannel(id), (message) => {
      const parsed = documentRecordSchema.safeParse(JSON.parse(message));
      if (!parsed.success || parsed.data.id !== id) return;
      if (ready) emit(parsed.data);
      else pending.push(parsed.data);
    });
    stream.signal.addEventListener('abort', () => stop(), { once: true });
    if (stream.closed) return stop();
    if (ctx.shutdown.signal.aborted) return finish();
    ctx.shutdown.signal.addEventListener('abort', finish, { once: true });

    const current = await ctx.documents.getAny(id);
    if (!current) {
      // Deleted between the check and now.
      stream.send('status', { id, status: 'failed', progress: 0, chunks: 0, sensitivity: 'public', error: 'document deleted' } satisfies DocumentEvent);
      return finish();
    }
    emit(current);
    ready = true;
    for (const record of pending.splice(0)) emit(record);
  });

  return router;
}
