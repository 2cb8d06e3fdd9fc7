// Uploads, listing and deletion of a user's documents. An uploaded file streams into the blob
// store as it arrives (stageFile): its type is read from its first bytes and a refused file stops
// being read at once, with nothing kept; past the size cap likewise. A staged file then becomes a
// document (acceptStaged): record -> Redis, job -> queue. If the job cannot be queued the record is
// rolled back and the caller gets 503, so an accepted upload is never silently lost. A JSON text
// upload is small (the JSON body limit) and is checked whole.
import { createHash } from 'node:crypto';
import { pipeline, Readable, Transform, type TransformCallback } from 'node:stream';
import type { Document, DocumentPassagesResponse, LabelReason, Sensitivity, UpdateDocument } from '@switchyard/client';
import { BlobTooLargeError, collectionOf, enqueueIngest, type DocumentPatch, type DocumentRecord } from '@switchyard/documents';
import { relabelDocument } from '@switchyard/router';
import { detectMime, MIME, SUPPORTED_FORMATS, SUPPORTED_MIME } from '@switchyard/vectorstore';
import { fileTypeFromStream } from 'file-type';
import type { BlobStore, DocumentRepository } from '@switchyard/documents';
import type { VectorStore } from '@switchyard/vectorstore';
import type { Queue } from 'bullmq';
import type { Logger } from 'pino';
import type { Env } from '../env';
import { AppError } from '../errors';

/** What the worker reads (scans and images through OCR): the parsers' own list. */
export const ACCEPTED_MIME = new Set<string>(SUPPORTED_MIME);
const DISPLAY_NAME_MAX = 200;

// C0/C1 controls, zero-width and bidirectional formatting characters, BOM.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g;

/** A name safe to show and log: no directories, no control/bidi/zero-width characters, capped. */
export function sanitizeDisplayName(raw: string, fallback = 'untitled'): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  const cleaned = base.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim().replace(/^\.+/, '');
  const capped = Array.from(cleaned).slice(0, DISPLAY_NAME_MAX).join('').trim();
  return capped || fallback;
}

/** The public shape of a record: no owner, blob key or ingest version. */
export function toDocument(record: DocumentRecord): Document {
  return {
    id: record.id,
    title: record.title,
    collectionId: collectionOf(record),
    filename: record.filename,
    mime: record.mime,
    size: record.size,
    status: record.status,
    progress: Math.min(100, Math.max(0, record.progress)),
    chunks: record.chunks,
    sensitivity: record.sensitivity,
    ...(record.declaredSensitivity ? { declaredSensitivity: record.declaredSensitivity } : {}),
    ...(record.labelReasons ? { labelReasons: record.labelReasons } : {}),
    ...(record.labelSetBy ? { labelSetBy: record.labelSetBy } : {}),
    ...(record.error ? { error: record.error } : {}),
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}

export interface IncomingFile {
  /** As the client named it (untrusted). */
  name: string;
  bytes: Uint8Array;
}

/** A file as it arrives: its bytes are read once, as a stream. */
export interface IncomingFileStream {
  /** As the client named it (untrusted). */
  name: string;
  stream: Readable;
}

interface CheckedFile {
  filename: string;
  title: string;
  mime: string;
  bytes: Uint8Array;
}

/** A file checked and stored in the blob store, not yet a document. */
export interface StagedFile {
  filename: string;
  title: string;
  mime: string;
  size: number;
  blobKey: string;
  /** Whether this upload put the blob there (false: the same bytes were stored already, maybe for another document). */
  storedNewBlob: boolean;
}

/**
 * How many first bytes decide a file's type. detectMime reads the first 64 KiB to tell text from
 * binary; a little more, so that a character cut at that edge reads as cut rather than as an error.
 */
const TYPE_SNIFF_BYTES = 68 * 1024;
/** What the first bytes of a docx, pptx or xlsx say when the entry that names the kind comes later. */
const ZIP_MIME = 'application/zip';

const emptyFile = (filename: string) => new AppError('empty_file', 400, `${filename} is empty`, { filename });
const fileTooLarge = (filename: string, limitBytes: number) => new AppError('file_too_large', 413, `${filename} is larger than the upload limit`, { filename, limitBytes });

/**
 * Passes a file's bytes through once its first `headBytes` (or all of it, if shorter) passed
 * `check`, which throws to refuse the file: then the stream fails at once and nothing more is read.
 * Hashes everything, and before letting the end through asks `atEnd` with the sha256.
 */
class FileGate extends Transform {
  private head: Buffer[] = [];
  private headLength = 0;
  private opened = false;
  private readonly hash = createHash('sha256');

  constructor(
    private readonly headBytes: number,
    private readonly check: (head: Uint8Array, whole: boolean) => Promise<void>,
    private readonly atEnd: (sha256: string) => Promise<void>,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.hash.update(chunk);
    if (this.opened) return callback(null, chunk);
    this.head.push(chunk);
    this.headLength += chunk.byteLength;
    if (this.headLength < this.headBytes) return callback();
    this.open(false).then(() => callback(), callback);
  }

  override _flush(callback: TransformCallback): void {
    (this.opened ? Promise.resolve() : this.open(true))
      .then(() => this.atEnd(this.hash.digest('hex')))
      .then(() => callback(), callback);
  }

  /** Checks the head and, if the file may pass, lets it through. */
  private async open(whole: boolean): Promise<void> {
    this.opened = true;
    const head = Buffer.concat(this.head);
    this.head = [];
    await this.check(head, whole);
    this.push(head);
  }
}

/** What document work uses, handed over by the composition root (composition.ts). */
export interface DocumentServiceDeps {
  env: Pick<Env, 'MAX_UPLOAD_BYTES'>;
  logger: Logger;
  /** Document records (Redis). */
  documents: DocumentRepository;
  blobs: BlobStore;
  ingestQueue: Queue;
  /** Chunks by document, in their collection's index. */
  store: VectorStore;
}

export class DocumentService {
  constructor(private readonly ctx: DocumentServiceDeps) {}

  private async check(file: IncomingFile): Promise<CheckedFile> {
    const filename = sanitizeDisplayName(file.name);
    if (file.bytes.byteLength === 0) throw emptyFile(filename);
    if (file.bytes.byteLength > this.ctx.env.MAX_UPLOAD_BYTES) throw fileTooLarge(filename, this.ctx.env.MAX_UPLOAD_BYTES);
    const mime = await detectMime(file.bytes, filename);
    this.assertAccepted(filename, mime);
    return { filename, title: titleOf(filename), mime, bytes: file.bytes };
  }

  private assertAccepted(filename: string, mime: string): void {
    if (!ACCEPTED_MIME.has(mime)) {
      throw new AppError('unsupported_media_type', 415, `${filename} is not a supported type (${SUPPORTED_FORMATS})`, { filename, detected: mime });
    }
  }

  /**
   * Streams one uploaded file into the blob store without holding it in memory. Its type is read
   * from its first bytes: an empty file, a refused type or a file past MAX_UPLOAD_BYTES stops the
   * stream there and leaves nothing in the store (the store drops its temporary object). The file
   * is stored under its content hash but is not a document yet: acceptStaged makes it one,
   * discardStaged removes it.
   */
  async stageFile(file: IncomingFileStream): Promise<StagedFile> {
    const { blobs, env } = this.ctx;
    const filename = sanitizeDisplayName(file.name);
    let mime = '';
    let storedNewBlob = false;
    const gate = new FileGate(
      TYPE_SNIFF_BYTES,
      async (head, whole) => {
        if (whole && head.byteLength === 0) throw emptyFile(filename);
        mime = await detectMime(head, filename);
        // A zip whose first entries do not name its kind (docx…) is judged again once it is stored.
        if (!(mime === ZIP_MIME && !whole)) this.assertAccepted(filename, mime);
      },
      async (sha256) => {
        storedNewBlob = !(await blobs.has(sha256));
      },
    );
    // Failing the gate (or the store) ends the incoming stream too: nothing more of it is read.
    const gated = pipeline(file.stream, gate, (error) => {
      if (error) gate.destroy(error);
    });
    let stored: { key: string; size: number };
    try {
      stored = await blobs.putStream(gated, { maxBytes: env.MAX_UPLOAD_BYTES });
    } catch (error) {
      if (error instanceof BlobTooLargeError) throw fileTooLarge(filename, env.MAX_UPLOAD_BYTES);
      throw error;
    }
    const staged: StagedFile = { filename, title: titleOf(filename), mime, size: stored.size, blobKey: stored.key, storedNewBlob };
    if (mime === ZIP_MIME) {
      staged.mime = await this.storedZipKind(stored.key);
      try {
        this.assertAccepted(filename, staged.mime);
      } catch (error) {
        await this.discardStaged(staged);
        throw error;
      }
    }
    return staged;
  }

  /** The kind of a stored zip (docx…), read from the store as far as file-type needs. */
  private async storedZipKind(blobKey: string): Promise<string> {
    const stream = await this.ctx.blobs.getStream(blobKey);
    try {
      return (await fileTypeFromStream(Readable.toWeb(stream)))?.mime ?? ZIP_MIME;
    } finally {
      stream.destroy();
    }
  }

  /** Removes what stageFile stored, unless those bytes were stored before it (then they may be another document's). */
  async discardStaged(file: StagedFile): Promise<void> {
    if (file.storedNewBlob) await this.ctx.blobs.delete(file.blobKey).catch(() => undefined);
  }

  /** Makes a staged file a document of the collection (the caller checked the uploader may add to it): its record, then its ingest job. */
  async acceptStaged(ownerId: string, file: StagedFile, declaredSensitivity?: Sensitivity, collectionId?: string): Promise<Document> {
    return this.record(ownerId, file, declaredSensitivity, collectionId);
  }

  async uploadText(ownerId: string, input: { title: string; text: string; sensitivity?: Sensitivity; collectionId?: string }): Promise<Document> {
    const title = sanitizeDisplayName(input.title);
    const bytes = new TextEncoder().encode(input.text);
    const looksMarkdown = /\.(md|markdown)$/i.test(title) || /^#{1,6}\s/m.test(input.text);
    const checked = await this.check({ name: title, bytes });
    const mime = checked.mime === MIME.txt && looksMarkdown ? MIME.md : checked.mime;
    const blobKey = await this.ctx.blobs.put(checked.bytes);
    return this.record(ownerId, { filename: checked.filename, title, mime, size: checked.bytes.byteLength, blobKey }, input.sensitivity, input.collectionId);
  }

  /** Default collection: the uploader's personal one. */
  private async record(ownerId: string, file: Omit<StagedFile, 'storedNewBlob'>, declaredSensitivity?: Sensitivity, collectionId?: string): Promise<Document> {
    const { ctx } = this;
    const { blobKey } = file;
    const record = await ctx.documents.create({
      ownerId,
      title: file.title,
      ...(collectionId ? { collectionId } : {}),
      filename: file.filename,
      mime: file.mime,
      size: file.size,
      blobKey,
      ...(declaredSensitivity ? { declaredSensitivity } : {}),
    });
    try {
      await enqueueIngest(ctx.ingestQueue, {
        documentId: record.id,
        ownerId,
        blobKey,
        collectionId: collectionOf(record),
        mime: file.mime,
        filename: file.filename,
        ...(declaredSensitivity ? { declaredSensitivity } : {}),
      });
    } catch (error) {
      // Not queued means not accepted: roll the record back so nothing waits forever. If even
      // that fails, mark it failed so the user sees it and can delete or re-upload.
      ctx.logger.error({ err: error, documentId: record.id }, 'could not queue an upload; rolling back');
      const rolledBack = await ctx.documents.delete(ownerId, record.id).then(
        async (deleted) => {
          if (deleted?.blobUnused) await ctx.blobs.delete(blobKey).catch(() => undefined);
          return true;
        },
        () => false,
      );
      if (!rolledBack) await ctx.documents.update(record.id, { status: 'failed', error: 'could not be queued for indexing; upload it again' }).catch(() => undefined);
      throw new AppError('queue_unavailable', 503, 'the upload could not be queued for indexing; try again shortly', undefined, 5);
    }
    return toDocument(record);
  }

  async list(ownerId: string): Promise<Document[]> {
    return (await this.ctx.documents.list(ownerId)).map(toDocument);
  }

  async get(ownerId: string, id: string): Promise<DocumentRecord> {
    const record = await this.ctx.documents.get(ownerId, id);
    if (!record) throw new AppError('document_not_found', 404, 'document not found');
    return record;
  }

  /**
   * Removes the chunks (first: if the vector store is down nothing is removed and the caller
   * can retry), the pending job, the record, and the blob when no other document shares it.
   */
  async delete(ownerId: string, id: string): Promise<void> {
    const { ctx } = this;
    await this.get(ownerId, id);
    const job = await ctx.ingestQueue.getJob(id);
    // An active job holds a lock and cannot be removed; the worker finds the record gone.
    if (job) await job.remove().catch(() => undefined);
    await ctx.store.deleteDocument(id);
    const deleted = await ctx.documents.delete(ownerId, id);
    if (!deleted) throw new AppError('document_not_found', 404, 'document not found');
    if (deleted.blobUnused) await ctx.blobs.delete(deleted.blobKey).catch(() => undefined);
  }

  /** A page of the owner's document's passages in order, each with its own label. */
  async passages(ownerId: string, id: string, page: { offset: number; limit: number }): Promise<DocumentPassagesResponse> {
    await this.get(ownerId, id);
    const chunks = await this.ctx.store.listDocumentChunks(id);
    return {
      total: chunks.length,
      passages: chunks.slice(page.offset, page.offset + page.limit).map((chunk) => ({
        chunkIndex: chunk.chunkIndex,
        text: chunk.text,
        ...(chunk.heading ? { heading: chunk.heading } : {}),
        sensitivity: chunk.sensitivity,
      })),
    };
  }

  /**
   * The owner renames a document or sets its label. The declared label is a floor for every
   * passage: each passage's label becomes max(declared, what was found in it), so lowering stops
   * at what the detectors found; `notes` say so. Chunks in the vector store are rewritten first
   * (nothing changes if that fails), then the record, with who set the label and when.
   */
  async update(ownerId: string, id: string, change: UpdateDocument, actorId = ownerId): Promise<{ document: Document; notes: string[] }> {
    const { ctx } = this;
    const record = await this.get(ownerId, id);
    if (record.status === 'queued' || record.status === 'processing') {
      throw new AppError('document_not_ready', 409, 'the document is still being indexed; change it once it is ready (or declare its label when uploading)', { status: record.status });
    }
    const patch: DocumentPatch = {};
    const notes: string[] = [];
    if (change.title !== undefined) patch.title = sanitizeDisplayName(change.title);
    let sensitivities: Sensitivity[] | undefined;
    if (change.sensitivity !== undefined) {
      const reasons = record.labelReasons ?? (await this.reasonsFromStoredLabels(record));
      const label = relabelDocument({ reasons, chunkCount: record.chunks, declared: change.sensitivity });
      sensitivities = label.chunks.map((chunk) => chunk.sensitivity);
      Object.assign(patch, {
        sensitivity: label.sensitivity,
        declaredSensitivity: change.sensitivity,
        labelReasons: label.reasons,
        labelSetBy: { userId: actorId, at: new Date().toISOString() },
      } satisfies DocumentPatch);
      notes.push(...labelNotes(change.sensitivity, sensitivities, label.reasons));
    }
    if (record.status === 'ready' && (sensitivities || patch.title !== undefined)) {
      await ctx.store.updateDocumentChunks(id, { ...(sensitivities ? { sensitivities } : {}), ...(patch.title !== undefined ? { title: patch.title } : {}) });
    }
    const updated = await ctx.documents.update(id, patch);
    if (!updated) throw new AppError('document_not_found', 404, 'document not found');
    // Retrieval now sees other labels or titles: answers cached with the old ones must not be served.
    await ctx.documents.bumpCollectionCorpus(collectionOf(record), ownerId);
    return { document: toDocument(updated), notes };
  }

  /**
   * The reasons of a document indexed before labels had reasons: what each passage holds is not on
   * record, so the label it has now counts as found (fail safe: it can be raised, never lowered).
   */
  private async reasonsFromStoredLabels(record: DocumentRecord): Promise<LabelReason[]> {
    const stored = new Map((await this.ctx.store.listDocumentChunks(record.id)).map((chunk) => [chunk.chunkIndex, chunk.sensitivity]));
    return (['internal', 'confidential'] as const).flatMap((level): LabelReason[] => {
      const chunks = Array.from({ length: record.chunks }, (_, index) => index).filter((index) => (stored.get(index) ?? record.sensitivity) === level);
      return chunks.length === 0 ? [] : [{ kind: `earlier_label.${level}`, sensitivity: level, what: `a label given before its reasons were recorded`, scope: 'chunks', count: chunks.length, chunks }];
    });
  }

  /** Throws 404 unless every id is one of the owner's documents (ids in bodies are checked like ids in paths). */
  async assertOwned(ownerId: string, ids: string[]): Promise<void> {
    const records = await Promise.all([...new Set(ids)].map((id) => this.ctx.documents.get(ownerId, id)));
    if (records.some((record) => !record)) throw new AppError('document_not_found', 404, 'document not found');
  }
}

/** A document's title: its file name without the extension of a type we read. */
function titleOf(filename: string): string {
  return filename.replace(/\.(txt|md|markdown|html?|pdf|docx|pptx|xlsx|csv|tsv|png|jpe?g|tiff?)$/i, '') || filename;
}

const LEVELS: readonly Sensitivity[] = ['public', 'internal', 'confidential'];

/** Sentences for the owner: the label they set, and which passages stay higher and why. */
export function labelNotes(declared: Sensitivity, chunkLabels: Sensitivity[], reasons: LabelReason[]): string[] {
  const higher = chunkLabels.map((level, index) => ({ level, index })).filter(({ level }) => LEVELS.indexOf(level) > LEVELS.indexOf(declared));
  if (higher.length === 0) return [`Every passage is now labelled ${declared}.`];
  const total = chunkLabels.length;
  const notes = [`You set the label to ${declared}; ${higher.length} of ${total} passage${total === 1 ? '' : 's'} stay${higher.length === 1 ? 's' : ''} higher because of what ${higher.length === 1 ? 'it contains' : 'they contain'}, and the document is labelled by its highest passage.`];
  for (const reason of reasons) {
    if (reason.kind.startsWith('declared.') || LEVELS.indexOf(reason.sensitivity) <= LEVELS.indexOf(declared)) continue;
    const where = reason.scope === 'document' ? 'for the whole document' : `in ${reason.chunks.length} of ${total} passage${total === 1 ? '' : 's'} (${reason.chunks.map((index) => index + 1).join(', ')})`;
    notes.push(`${capitalize(reason.what)} keeps ${reason.sensitivity} ${where}.`);
  }
  return notes;
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
