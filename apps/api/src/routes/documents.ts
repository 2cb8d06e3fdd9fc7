// Documents of the caller: multipart or JSON upload (202, indexing happens in the worker; one
// result per file, so one bad file does not reject the others), list, get, its passages with their
// labels, rename or relabel (PATCH), the original file (preview or download), delete, and
// server-sent status events while a document is being indexed.
import {
  createTextDocumentSchema,
  documentEventSchema,
  documentPassagesQuerySchema,
  documentPassagesResponseSchema,
  documentResponseSchema,
  documentsResponseSchema,
  updateDocumentResponseSchema,
  updateDocumentSchema,
  uploadFieldsSchema,
  uploadResponseSchema,
  type DocumentEvent,
  type UploadResult,
} from '@switchyard/client';
import { BlobNotFoundError, documentRecordSchema, type DocumentRecord } from '@switchyard/documents';
import { Router } from 'express';
import multer from 'multer';
import { z } from 'zod';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { currentUser } from '../middleware/auth';
import { DocumentEventsHub } from '../services/document-events';
import { DocumentService, sanitizeDisplayName, toDocument, type IncomingFile } from '../services/documents';
import { openSse } from '../services/sse';

const TERMINAL = new Set(['ready', 'failed']);

const toEvent = (record: DocumentRecord): DocumentEvent => documentEventSchema.parse(record);

/** `?download=1` asks for an attachment; otherwise the file is served for an inline preview. */
const fileQuerySchema = z.strictObject({ download: z.enum(['0', '1', 'true', 'false']).optional() });

/**
 * Stores each file on its own: a file that is refused (type, size, empty) becomes a `rejected`
 * result naming it, and the others are still accepted. With nothing accepted, the first refusal
 * is the answer (its status and code), with every file's result in `details.results`.
 */
async function uploadEach(service: DocumentService, ownerId: string, files: IncomingFile[], sensitivity: DocumentRecord['sensitivity'] | undefined) {
  if (files.length === 0) await service.upload(ownerId, files, sensitivity); // throws no_files
  const results: UploadResult[] = [];
  let firstRefusal: AppError | undefined;
  for (const file of files) {
    try {
      const [document] = await service.upload(ownerId, [file], sensitivity);
      if (document) results.push({ status: 'accepted', filename: document.filename, document });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      firstRefusal ??= error;
      results.push({ status: 'rejected', filename: sanitizeDisplayName(file.name), error: { code: error.code, message: error.message } });
    }
  }
  const documents = results.flatMap((result) => (result.status === 'accepted' ? [result.document] : []));
  if (documents.length === 0 && firstRefusal) {
    const details = typeof firstRefusal.details === 'object' && firstRefusal.details !== null ? firstRefusal.details : {};
    throw new AppError(firstRefusal.code, firstRefusal.status, firstRefusal.message, { ...details, results }, firstRefusal.retryAfterSeconds);
  }
  return uploadResponseSchema.parse({ documents, results });
}

export function createDocumentsRouter(ctx: AppContext, service = new DocumentService(ctx)): Router {
  const router = Router();
  const hub = new DocumentEventsHub(ctx.redis);
  ctx.closers.unshift(() => hub.close());
  const upload = multer({
    storage: multer.memoryStorage(),
    defParamCharset: 'utf8',
    limits: { fileSize: ctx.env.MAX_UPLOAD_BYTES, files: ctx.env.MAX_UPLOAD_FILES, fields: 5, fieldSize: 1024, parts: ctx.env.MAX_UPLOAD_FILES + 5 },
  });
  const uploadFiles = upload.array('files', ctx.env.MAX_UPLOAD_FILES);

  router.post('/', async (req, res) => {
    const owner = currentUser(req);
    if (req.is('multipart/form-data')) {
      await new Promise<void>((resolve, reject) => uploadFiles(req, res, (error?: unknown) => (error ? reject(error) : resolve())));
      const fields = uploadFieldsSchema.parse({ ...(req.body as Record<string, unknown>) });
      const files = ((req.files as Express.Multer.File[] | undefined) ?? []).map((file) => ({ name: file.originalname, bytes: file.buffer }));
      res.status(202).json(await uploadEach(service, owner.id, files, fields.sensitivity));
      return;
    }
    if (req.is('application/json')) {
      const input = createTextDocumentSchema.parse(req.body);
      const document = await service.uploadText(owner.id, input);
      res.status(202).json(documentsResponseSchema.parse({ documents: [document] }));
      return;
    }
    throw new AppError('unsupported_media_type', 415, 'send multipart/form-data with files, or JSON {title, text}');
  });

  router.get('/', async (req, res) => {
    res.json(documentsResponseSchema.parse({ documents: await service.list(currentUser(req).id) }));
  });

  router.get('/:id', async (req, res) => {
    res.json(documentResponseSchema.parse({ document: toDocument(await service.get(currentUser(req).id, req.params.id)) }));
  });

  router.get('/:id/passages', async (req, res) => {
    const page = documentPassagesQuerySchema.parse(req.query);
    res.json(documentPassagesResponseSchema.parse(await service.passages(currentUser(req).id, req.params.id, page)));
  });

  /**
   * The original bytes, for the document page's preview and download. Served so that a browser
   * opening it directly runs nothing: a sandboxing CSP, no sniffing, and a download unless asked inline.
   */
  router.get('/:id/file', async (req, res) => {
    const { download } = fileQuerySchema.parse(req.query);
    const record = await service.get(currentUser(req).id, req.params.id);
    let bytes: Uint8Array;
    try {
      bytes = await ctx.blobs.get(record.blobKey);
    } catch (error) {
      if (error instanceof BlobNotFoundError) throw new AppError('file_not_found', 404, 'the original file of this document is no longer stored');
      throw error;
    }
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
    res.json(updateDocumentResponseSchema.parse(await service.update(currentUser(req).id, req.params.id, change)));
  });

  router.delete('/:id', async (req, res) => {
    await service.delete(currentUser(req).id, req.params.id);
    res.status(204).end();
  });

  router.get('/:id/events', async (req, res) => {
    const owner = currentUser(req);
    const id = req.params.id;
    await service.get(owner.id, id);

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
      if (!parsed.success || parsed.data.ownerId !== owner.id) return;
      if (ready) emit(parsed.data);
      else pending.push(parsed.data);
    });
    stream.signal.addEventListener('abort', () => stop(), { once: true });
    if (stream.closed) return stop();
    if (ctx.shutdown.signal.aborted) return finish();
    ctx.shutdown.signal.addEventListener('abort', finish, { once: true });

    const current = await ctx.documents.get(owner.id, id);
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
