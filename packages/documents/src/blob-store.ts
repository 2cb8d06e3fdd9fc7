// Uploaded bytes, content-addressed by sha256. Two implementations behind one interface: a
// directory shared by the API and the worker (one machine, or a shared volume), and an
// S3-compatible bucket (./s3-blob-store.ts) so the API and workers can run anywhere.
//
// References: a blob is shared by every document with the same bytes. The document records
// (records.ts) count who refers to a blob; the caller deletes the blob when the last document
// referring to it goes. The store itself never counts.
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface StoredBlob {
  /** sha256 hex of the bytes. */
  key: string;
  /** Bytes stored. */
  size: number;
}

export interface PutStreamOptions {
  /** Refuse (BlobTooLargeError) as soon as the stream passes this many bytes; nothing is kept. */
  maxBytes?: number;
}

export interface BlobStore {
  /** Stores the bytes and returns their key (sha256 hex). Storing the same bytes twice is one blob. */
  put(bytes: Uint8Array): Promise<string>;
  /** Stores a stream without holding it in memory whole; the key is known once the stream ends. */
  putStream(source: Readable | AsyncIterable<Uint8Array>, options?: PutStreamOptions): Promise<StoredBlob>;
  /** The bytes; BlobNotFoundError when there is no such blob. */
  get(key: string): Promise<Uint8Array>;
  /** The bytes as a stream; BlobNotFoundError (before any byte) when there is no such blob. */
  getStream(key: string): Promise<Readable>;
  has(key: string): Promise<boolean>;
  /** Removes the blob; removing one that is not there is not an error. */
  delete(key: string): Promise<void>;
}

/** No blob under this key (deleted, or never stored). Retrying will not help. */
export class BlobNotFoundError extends Error {
  override name = 'BlobNotFoundError';
  readonly code = 'blob_not_found';
  constructor(readonly key: string) {
    super('the stored file is not in the blob store');
  }
}

/**
 * The blob store cannot be reached or answered with a server-side failure (connection refused,
 * timeout, 5xx, throttling). Transient: the API answers 503 with Retry-After, jobs retry. The
 * cause is kept for logs; the message says nothing about endpoints or credentials.
 */
export class BlobStoreUnavailableError extends Error {
  override name = 'BlobStoreUnavailableError';
  readonly code = 'blob_store_unavailable';
  constructor(options?: { cause?: unknown }) {
    super('the blob store is unavailable', options);
  }
}

/** A streamed put went past its maxBytes; nothing was kept. */
export class BlobTooLargeError extends Error {
  override name = 'BlobTooLargeError';
  readonly code = 'blob_too_large';
  constructor(readonly limitBytes: number) {
    super(`the file is larger than ${limitBytes} bytes`);
  }
}

const keyPattern = /^[0-9a-f]{64}$/;

/** Throws unless `key` is a sha256 hex digest, so no caller-supplied value can name anything else. */
export function assertBlobKey(key: string): void {
  if (!keyPattern.test(key)) throw new Error('invalid blob key');
}

/**
 * A pass-through that hashes and counts what flows through it and stops the stream with
 * BlobTooLargeError past maxBytes. Used by both stores' streaming puts.
 */
export class HashingCounter extends Transform {
  private readonly hash = createHash('sha256');
  /** Bytes seen so far. (Not `size`: the S3 uploader reads a body's `size` as its total length.) */
  bytesSeen = 0;

  constructor(private readonly maxBytes = Number.POSITIVE_INFINITY) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytesSeen += chunk.byteLength;
    if (this.bytesSeen > this.maxBytes) {
      callback(new BlobTooLargeError(this.maxBytes));
      return;
    }
    this.hash.update(chunk);
    callback(null, chunk);
  }

  /** The sha256 hex of everything that passed; call once, after the stream ended. */
  digest(): string {
    return this.hash.digest('hex');
  }
}

export class FsBlobStore implements BlobStore {
  constructor(private readonly root: string) {}

  /** The path of a key; keys are validated so no caller-supplied value can escape the root. */
  private pathOf(key: string): string {
    assertBlobKey(key);
    return path.join(this.root, key.slice(0, 2), key.slice(2, 4), key);
  }

  /** A temporary name in the root, so the final rename never crosses file systems. */
  private temporaryPath(): string {
    return path.join(this.root, `.incoming-${process.pid}-${randomUUID()}.tmp`);
  }

  /** Moves a finished temporary file to its key, or drops it when the blob is already there. */
  private async settle(temporary: string, key: string): Promise<void> {
    const target = this.pathOf(key);
    if (await this.has(key)) {
      await rm(temporary, { force: true });
      return;
    }
    await mkdir(path.dirname(target), { recursive: true });
    // rename is atomic: a reader never sees half a file.
    await rename(temporary, target);
  }

  async put(bytes: Uint8Array): Promise<string> {
    const key = createHash('sha256').update(bytes).digest('hex');
    if (await this.has(key)) return key;
    await mkdir(this.root, { recursive: true });
    const temporary = this.temporaryPath();
    try {
      await writeFile(temporary, bytes);
      await this.settle(temporary, key);
    } finally {
      await rm(temporary, { force: true });
    }
    return key;
  }

  async putStream(source: Readable | AsyncIterable<Uint8Array>, options: PutStreamOptions = {}): Promise<StoredBlob> {
    await mkdir(this.root, { recursive: true });
    const temporary = this.temporaryPath();
    const counter = new HashingCounter(options.maxBytes);
    const file = createWriteStream(temporary, { flags: 'wx' });
    try {
      await pipeline(source, counter, file);
      const key = counter.digest();
      await this.settle(temporary, key);
      return { key, size: counter.bytesSeen };
    } finally {
      // pipeline rejects as soon as the source fails, while the file may still be opening: wait for
      // it to close, or the file would be created after the rm below and stay behind.
      if (!file.closed) await new Promise<void>((resolve) => file.once('close', () => resolve()));
      await rm(temporary, { force: true });
    }
  }

  async get(key: string): Promise<Uint8Array> {
    const bytes = await readFile(this.pathOf(key)).catch((error: unknown) => {
      throw isNotFound(error) ? new BlobNotFoundError(key) : error;
    });
    return new Uint8Array(bytes);
  }

  async getStream(key: string): Promise<Readable> {
    // Open first, so a missing blob is an error of this call rather than of the stream.
    const handle = await open(this.pathOf(key), 'r').catch((error: unknown) => {
      throw isNotFound(error) ? new BlobNotFoundError(key) : error;
    });
    return handle.createReadStream();
  }

  async has(key: string): Promise<boolean> {
    return stat(this.pathOf(key)).then(
      () => true,
      () => false,
    );
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}

function isNotFound(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}
