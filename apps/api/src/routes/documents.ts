// Documents of the caller: multipart or JSON upload (202, indexing happens in the worker), list,
// get, its passages with their labels, rename or relabel (PATCH), delete, and server-sent status
// events while a document is being indexed.
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
  type DocumentEvent,
} from '@switchyard/client';
import { documentRecordSchema, type DocumentRecord } from '@switchyard/documents';
import { Router } from 'express';
import multer from 'multer';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { currentUser } from '../middleware/auth';
import { DocumentEventsHub } from '../services/document-events';
import { DocumentService, toDocument } from '../services/documents';
import { openSse } from '../services/sse';

const TERMINAL = new Set(['ready', 'failed']);

const toEvent = (record: DocumentRecord): DocumentEvent => documentEventSchema.parse(record);

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
      const documents = await service.upload(owner.id, files, fields.sensitivity);
      res.status(202).json(documentsResponseSchema.parse({ documents }));
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
