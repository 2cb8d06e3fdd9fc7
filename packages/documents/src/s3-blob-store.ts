// The blob store in an S3-compatible bucket (AWS S3, MinIO, Cloudflare R2, Ceph), so the API and
// the workers need no shared disk. Same contract as the directory store: content-addressed keys,
// streaming put and get, delete when the caller says the last reference went.
//
// A streamed upload's key is known only once its last byte has passed, so the bytes go to a
// temporary object (`incoming/<uuid>`, multipart through @aws-sdk/lib-storage, at most
// queueSize × partSize bytes in memory) and are then copied server-side to `blobs/<sha256>`.
// A process that dies between the two leaves a temporary object behind: give the bucket a
// lifecycle rule that expires `incoming/` after a day (README, "Deploying").
import { createHash, randomUUID } from 'node:crypto';
import { pipeline, Readable } from 'node:stream';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import {
  assertBlobKey,
  BlobNotFoundError,
  BlobStoreUnavailableError,
  HashingCounter,
  type BlobStore,
  type PutStreamOptions,
  type StoredBlob,
} from './blob-store';

export interface S3BlobStoreSettings {
  bucket: string;
  region: string;
  /** For anything but AWS itself (MinIO, R2, Ceph): the service's URL. */
  endpoint?: string;
  /** `https://endpoint/bucket/key` instead of `https://bucket.endpoint/key` (MinIO, Ceph, s3rver). */
  forcePathStyle?: boolean;
  /** Without them the SDK's default chain applies (instance or pod role, AWS_* files). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Bytes per multipart part (min 5 MiB). */
  partSizeBytes?: number;
  /** Parts in flight per upload; memory per upload is at most queueSize × partSizeBytes. */
  queueSize?: number;
  /** How long to wait for a connection to the store before counting it unavailable. */
  connectTimeoutMs?: number;
}

const MIN_PART_SIZE = 5 * 1024 * 1024;

const blobObjectKey = (key: string) => `blobs/${key}`;

export class S3BlobStore implements BlobStore {
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly partSize: number;
  private readonly queueSize: number;

  constructor(settings: S3BlobStoreSettings) {
    this.bucket = settings.bucket;
    this.partSize = Math.max(MIN_PART_SIZE, settings.partSizeBytes ?? MIN_PART_SIZE);
    this.queueSize = Math.max(1, settings.queueSize ?? 2);
    this.client = new S3Client({
      region: settings.region,
      ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
      forcePathStyle: settings.forcePathStyle ?? false,
      ...(settings.credentials ? { credentials: settings.credentials } : {}),
      // Checksums only where S3 requires them: many S3-compatible stores do not understand the
      // newer default (aws-chunked bodies with CRC trailers) and would store the framing.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      // The SDK retries transient failures itself (3 attempts); a store that is down is reported
      // within a few seconds rather than holding the upload open.
      maxAttempts: 3,
      requestHandler: { connectionTimeout: settings.connectTimeoutMs ?? 3_000, requestTimeout: 30_000 },
    });
  }

  /** Sends one command; transport failures and server-side errors become BlobStoreUnavailableError. */
  private async send<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw isStoreUnavailable(error) ? new BlobStoreUnavailableError({ cause: error }) : error;
    }
  }

  async put(bytes: Uint8Array): Promise<string> {
    const key = createHash('sha256').update(bytes).digest('hex');
    if (await this.has(key)) return key;
    await this.send(() => this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: blobObjectKey(key), Body: bytes, ContentLength: bytes.byteLength })));
    return key;
  }

  async putStream(source: Readable | AsyncIterable<Uint8Array>, options: PutStreamOptions = {}): Promise<StoredBlob> {
    const counter = new HashingCounter(options.maxBytes);
    // The first error of the body (the caller's stream, or the size cap) is the one to report:
    // it says nothing about the store. Recorded before the upload sees it (listener order).
    let bodyError: unknown;
    counter.on('error', (error) => {
      bodyError ??= error;
    });
    const body = pipeline(Readable.from(source), counter, () => undefined);
    const temporaryKey = `incoming/${randomUUID()}`;
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: temporaryKey, Body: body },
      partSize: this.partSize,
      queueSize: this.queueSize,
      leavePartsOnError: false,
    });
    try {
      await upload.done();
    } catch (error) {
      if (bodyError !== undefined) throw bodyError;
      throw isStoreUnavailable(error) ? new BlobStoreUnavailableError({ cause: error }) : error;
    }
    try {
      const key = counter.digest();
      if (!(await this.has(key))) {
        await this.send(() =>
          this.client.send(new CopyObjectCommand({ Bucket: this.bucket, Key: blobObjectKey(key), CopySource: `${this.bucket}/${temporaryKey}` })),
        );
      }
      return { key, size: counter.bytesSeen };
    } finally {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: temporaryKey })).catch(() => undefined);
    }
  }

  async get(key: string): Promise<Uint8Array> {
    const stream = await this.getStream(key);
    const parts: Buffer[] = [];
    try {
      for await (const part of stream) parts.push(part as Buffer);
    } catch (error) {
      // The connection dropped half-way through the body.
      throw isStoreUnavailable(error) ? new BlobStoreUnavailableError({ cause: error }) : error;
    }
    return new Uint8Array(Buffer.concat(parts));
  }

  async getStream(key: string): Promise<Readable> {
    assertBlobKey(key);
    const response = await this.send(() => this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: blobObjectKey(key) }))).catch((error: unknown) => {
      throw isMissing(error) ? new BlobNotFoundError(key) : error;
    });
    if (!(response.Body instanceof Readable)) throw new Error('the S3 client returned no readable body');
    return response.Body;
  }

  async has(key: string): Promise<boolean> {
    assertBlobKey(key);
    return this.send(() => this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: blobObjectKey(key) }))).then(
      () => true,
      (error: unknown) => {
        if (isMissing(error)) return false;
        throw error;
      },
    );
  }

  async delete(key: string): Promise<void> {
    assertBlobKey(key);
    // S3 answers 204 for a key that is not there: deleting twice is fine.
    await this.send(() => this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: blobObjectKey(key) })));
  }

  /** Closes the client's sockets. */
  destroy(): void {
    this.client.destroy();
  }
}

function isMissing(error: unknown): boolean {
  return error instanceof S3ServiceException && (error.$metadata.httpStatusCode === 404 || error.name === 'NoSuchKey' || error.name === 'NotFound');
}

/** Socket-level failures: the store could not be reached or hung up. */
const TRANSPORT_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'ECONNABORTED']);
const TRANSPORT_NAMES = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException', 'NetworkingError']);

/**
 * Whether an error means the store is down or overloaded (worth retrying later) rather than a
 * refusal that retrying cannot fix (access denied, no such bucket: a configuration error).
 */
export function isStoreUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 4; current = current.cause, depth++) {
    if (current instanceof S3ServiceException) {
      const status = current.$metadata.httpStatusCode ?? 0;
      return status >= 500 || status === 429 || current.name === 'SlowDown';
    }
    const code = (current as NodeJS.ErrnoException).code;
    if ((code && TRANSPORT_CODES.has(code)) || TRANSPORT_NAMES.has(current.name)) return true;
  }
  return false;
}
