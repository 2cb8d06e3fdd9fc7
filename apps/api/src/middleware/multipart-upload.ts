// Reads a multipart/form-data upload as it arrives, with busboy: each file of the `files` field is
// handed on as a stream the moment its part begins, so no file is ever held in memory whole. The
// caller decides what happens to each file (stream it to the blob store, refuse it); this module
// enforces what concerns the request as a whole and turns every way a body can be wrong into an
// AppError: 413 past the request's byte cap or with too many files, parts or fields, 400 for a
// malformed body or a file in another field, 400 `request_aborted` when the client goes away.
//
// A file stream that is over the per-file cap ends in a BlobTooLargeError (busboy skips the rest of
// the part); a caller that stops reading a file early (say, its type is refused) simply destroys
// the stream, and the rest of that part is read and discarded so the parts after it still arrive.
import type { IncomingMessage } from 'node:http';
import { PassThrough, Transform, type Readable, type TransformCallback } from 'node:stream';
import { BlobTooLargeError } from '@switchyard/documents';
import busboy from 'busboy';
import { AppError } from '../errors';

export interface MultipartLimits {
  /** Bytes per file; a longer file's stream ends in BlobTooLargeError. */
  maxFileBytes: number;
  /** Files per request (413 `too_many_files` past it). */
  maxFiles: number;
  /** Bytes of the whole body as sent (413 `request_too_large` past it). */
  maxRequestBytes: number;
}

export interface UploadedPart {
  /** The file name as the client sent it (untrusted; '' when it sent none). */
  filename: string;
  /** The file's bytes as they arrive. Destroy it to stop reading this file. */
  stream: Readable;
}

/** Text fields of the form: a field sent twice is a list. */
export type MultipartFields = Record<string, string | string[]>;

/** The one file field; any other field carrying a file is refused. */
const FILE_FIELD = 'files';
const MAX_FIELDS = 5;
const MAX_FIELD_BYTES = 1024;

const tooLarge = (limitBytes: number) =>
  new AppError('request_too_large', 413, 'the upload is larger than the limit for one request; send fewer or smaller files per request', { limitBytes });

/** Counts the body's bytes on their way to the parser and stops it past the cap. */
class RequestByteCap extends Transform {
  private seen = 0;
  constructor(private readonly maxBytes: number) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.seen += chunk.byteLength;
    if (this.seen > this.maxBytes) callback(tooLarge(this.maxBytes));
    else callback(null, chunk);
  }
}

/**
 * A body that does not follow the multipart format, told apart by where busboy failed (never by
 * its message): refusing the headers means no usable boundary; failing while parsing means a part
 * is broken or the body ends early.
 */
const noBoundary = () => new AppError('invalid_multipart', 400, 'the multipart body is malformed: its Content-Type names no boundary');
const malformed = () =>
  new AppError('invalid_multipart', 400, "the multipart body is malformed: a part is broken or the body ends early (part headers may not hold raw NUL or line breaks; send such file names as filename*=UTF-8''…)");

/**
 * Parses the request's multipart body, calling `onFile` for each file of the `files` field in the
 * order sent (the next file's bytes only arrive once this one's stream has been read or dropped).
 * Resolves with the text fields once the body has been read and every `onFile` has settled;
 * rejects with an AppError for the request as a whole, also only once every `onFile` has settled,
 * so the caller can undo what the files it had accepted left behind.
 */
export async function readMultipartUpload(req: IncomingMessage, limits: MultipartLimits, onFile: (part: UploadedPart) => Promise<void>): Promise<MultipartFields> {
  const declaredLength = Number(req.headers['content-length']);
  if (Number.isFinite(declaredLength) && declaredLength > limits.maxRequestBytes) throw tooLarge(limits.maxRequestBytes);

  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: req.headers,
      defParamCharset: 'utf8',
      // One byte over the cap, so a file of exactly the cap passes and the next byte trips it.
      limits: { fileSize: limits.maxFileBytes + 1, files: limits.maxFiles, fields: MAX_FIELDS, fieldSize: MAX_FIELD_BYTES, parts: limits.maxFiles + MAX_FIELDS },
    });
  } catch {
    // No boundary, or not multipart at all.
    throw noBoundary();
  }

  const fields: MultipartFields = {};
  const handlers: Promise<void>[] = [];
  /** The files being read now, so a failure of the request can end them. */
  const open = new Set<PassThrough>();
  const cap = new RequestByteCap(limits.maxRequestBytes);

  const parsed = new Promise<void>((resolve, reject) => {
    let failed = false;
    const fail = (error: AppError) => {
      if (failed) return;
      failed = true;
      // Stop parsing; the rest of the body is read and dropped (HTTP_REQUEST_TIMEOUT_MS bounds how
      // long a client may keep sending), so the connection stays usable and the client gets the answer.
      req.unpipe(cap);
      cap.unpipe(parser);
      req.resume();
      for (const stream of open) stream.destroy(error);
      parser.destroy();
      reject(error);
    };

    parser.on('file', (field, source, info) => {
      // busboy fails the file being read when the body breaks off; that is reported once, by `fail`.
      source.on('error', () => undefined);
      if (field !== FILE_FIELD) {
        source.resume();
        fail(new AppError('unexpected_file_field', 400, `files must be sent in the '${FILE_FIELD}' field`, { field }));
        return;
      }
      // The caller reads this copy; busboy's own stream is always read to its end, because the
      // parser only moves on to the next part once it has been.
      const part = new PassThrough();
      open.add(part);
      const dropRest = () => {
        source.unpipe(part);
        source.resume();
      };
      source.pipe(part);
      source.on('limit', () => {
        dropRest();
        part.destroy(new BlobTooLargeError(limits.maxFileBytes));
      });
      source.on('error', (error) => part.destroy(error));
      part.on('close', () => {
        open.delete(part);
        if (!source.readableEnded) dropRest();
      });
      handlers.push(onFile({ filename: info.filename ?? '', stream: part }).catch(() => undefined));
    });
    parser.on('field', (name, value, info) => {
      if (info.valueTruncated) return fail(new AppError('field_too_large', 413, `the field '${name}' is longer than ${MAX_FIELD_BYTES} bytes`, { field: name }));
      const earlier = fields[name];
      fields[name] = earlier === undefined ? value : [...(Array.isArray(earlier) ? earlier : [earlier]), value];
    });
    parser.on('filesLimit', () => fail(new AppError('too_many_files', 413, `too many files in one upload (at most ${limits.maxFiles})`, { limit: limits.maxFiles })));
    parser.on('fieldsLimit', () => fail(new AppError('too_many_fields', 413, 'too many fields in the multipart body')));
    parser.on('partsLimit', () => fail(new AppError('too_many_parts', 413, 'too many parts in the multipart body')));
    parser.on('error', () => fail(malformed()));
    parser.on('finish', () => {
      if (!failed) resolve();
    });
    cap.on('error', (error) => fail(error instanceof AppError ? error : malformed()));
    // The client went away before the body ended (the socket closes without an 'end').
    const aborted = () => fail(new AppError('request_aborted', 400, 'the upload was interrupted before it ended'));
    req.on('error', aborted);
    req.on('close', () => {
      if (!req.readableEnded) aborted();
    });
    req.pipe(cap).pipe(parser);
  });

  try {
    await parsed;
  } finally {
    await Promise.allSettled(handlers);
  }
  return fields;
}
