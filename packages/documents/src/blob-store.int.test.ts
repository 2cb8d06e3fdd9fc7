// The blob store contract, run against both stores: the directory and a real S3-compatible
// server (s3rver on loopback, spoken to by the official AWS SDK). Then what only the bucket can
// do wrong: an outage is reported as BlobStoreUnavailableError and passes when the store is back.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { startS3Server, type TestS3Server } from '@switchyard/testing/s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlobNotFoundError, BlobStoreUnavailableError, BlobTooLargeError, FsBlobStore, type BlobStore } from './blob-store';
import { blobStoreSettings, createBlobStore } from './blob-store-settings';
import { S3BlobStore } from './s3-blob-store';

let s3: TestS3Server;
beforeAll(async () => {
  s3 = await startS3Server();
});
afterAll(async () => {
  await s3?.dispose();
});

const sha256Hex = /^[0-9a-f]{64}$/;
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** Yields `bytes` in pieces of `size`, as an upload arrives from a socket. */
async function* inPieces(bytes: Uint8Array, size = 64 * 1024): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < bytes.byteLength; offset += size) yield bytes.subarray(offset, offset + size);
}

async function readAll(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

const stores: [string, () => BlobStore][] = [
  ['FsBlobStore', () => new FsBlobStore(mkdtempSync(path.join(tmpdir(), 'blobs-')))],
  ['S3BlobStore', () => createBlobStore(blobStoreSettings({ BLOB_DIR: 'unused', S3_REGION: s3.region, S3_FORCE_PATH_STYLE: true, ...s3Env() }))],
];
function s3Env() {
  return { BLOB_STORE: 's3' as const, S3_BUCKET: s3.bucket, S3_ENDPOINT: s3.endpoint, S3_ACCESS_KEY_ID: s3.credentials.accessKeyId, S3_SECRET_ACCESS_KEY: s3.credentials.secretAccessKey };
}

describe.each(stores)('%s', (_name, makeStore) => {
  let store: BlobStore;
  beforeAll(() => {
    store = makeStore();
  });

  it('stores bytes under their sha256, returns them unchanged, and stores the same bytes once', async () => {
    const bytes = new TextEncoder().encode(`quarterly report ${randomBytes(8).toString('hex')}`);
    const key = await store.put(bytes);
    expect(key).toMatch(sha256Hex);
    expect(await store.put(bytes)).toBe(key);
    expect(text(await store.get(key))).toBe(text(bytes));
    expect(await store.has(key)).toBe(true);
  });

  it('streams a large upload in and out, giving the same key as a whole put', async () => {
    // 11 MiB: three multipart parts in the bucket.
    const bytes = new Uint8Array(randomBytes(11 * 1024 * 1024));
    const stored = await store.putStream(inPieces(bytes));
    expect(stored.size).toBe(bytes.byteLength);
    expect(await store.put(bytes)).toBe(stored.key);
    const back = await readAll(await store.getStream(stored.key));
    expect(back.equals(Buffer.from(bytes))).toBe(true);
  });

  it('refuses a stream past its cap and keeps nothing of it', async () => {
    const bytes = new Uint8Array(randomBytes(300 * 1024));
    await expect(store.putStream(inPieces(bytes), { maxBytes: 100 * 1024 })).rejects.toBeInstanceOf(BlobTooLargeError);
    expect(await store.has(createHash('sha256').update(bytes).digest('hex'))).toBe(false);
  });

  it('passes on an error of the caller’s stream as that error, not as a store failure', async () => {
    const failing = new Readable({
      read() {
        this.destroy(new Error('client went away'));
      },
    });
    await expect(store.putStream(failing)).rejects.toThrow('client went away');
  });

  it('deletes a blob; reading it then is BlobNotFoundError, deleting again is fine', async () => {
    const key = await store.put(new TextEncoder().encode(`to be deleted ${randomBytes(8).toString('hex')}`));
    await store.delete(key);
    expect(await store.has(key)).toBe(false);
    await expect(store.get(key)).rejects.toBeInstanceOf(BlobNotFoundError);
    await expect(store.getStream(key)).rejects.toBeInstanceOf(BlobNotFoundError);
    await expect(store.delete(key)).resolves.toBeUndefined();
  });

  it('refuses keys that are not a sha256, so nothing outside the store can be named', async () => {
    await expect(store.get('../../etc/passwd')).rejects.toThrow('invalid blob key');
    await expect(store.delete('blobs/../x')).rejects.toThrow('invalid blob key');
  });
});

describe('S3BlobStore in the bucket', () => {
  it('keeps only content-addressed objects: no temporary object outlives a streamed put', async () => {
    const store = new S3BlobStore({ bucket: s3.bucket, endpoint: s3.endpoint, region: s3.region, forcePathStyle: true, credentials: s3.credentials });
    const stored = await store.putStream(inPieces(new TextEncoder().encode(`streamed ${randomBytes(8).toString('hex')}`)));
    await expect(store.putStream(inPieces(new Uint8Array(randomBytes(2048))), { maxBytes: 1024 })).rejects.toBeInstanceOf(BlobTooLargeError);
    const keys = await s3.objectKeys();
    expect(keys).toContain(`blobs/${stored.key}`);
    expect(keys.filter((key) => !key.startsWith('blobs/'))).toEqual([]);
    store.destroy();
  });

  it('reports an outage as BlobStoreUnavailableError and works again once the store is back', async () => {
    const own = await startS3Server('outage-test');
    const store = new S3BlobStore({ bucket: own.bucket, endpoint: own.endpoint, region: own.region, forcePathStyle: true, credentials: own.credentials, connectTimeoutMs: 1000 });
    try {
      const key = await store.put(new TextEncoder().encode('written before the outage'));
      await own.stop();
      await expect(store.put(new TextEncoder().encode('written during the outage'))).rejects.toBeInstanceOf(BlobStoreUnavailableError);
      await expect(store.putStream(inPieces(new TextEncoder().encode('streamed during the outage')))).rejects.toBeInstanceOf(BlobStoreUnavailableError);
      await expect(store.get(key)).rejects.toBeInstanceOf(BlobStoreUnavailableError);
      await expect(store.has(key)).rejects.toBeInstanceOf(BlobStoreUnavailableError);
      const outage: unknown = await store.get(key).catch((error: unknown) => error);
      expect(outage).toMatchObject({ code: 'blob_store_unavailable' });
      expect((outage as Error).message).not.toContain(own.endpoint);

      await own.start();
      expect(text(await store.get(key))).toBe('written before the outage');
      const after = await store.put(new TextEncoder().encode('written after the outage'));
      expect(text(await store.get(after))).toBe('written after the outage');
    } finally {
      store.destroy();
      await own.dispose();
    }
  });

  it('tells a refusal that retrying cannot fix (wrong credentials) from an outage', async () => {
    const store = new S3BlobStore({ bucket: s3.bucket, endpoint: s3.endpoint, region: s3.region, forcePathStyle: true, credentials: { accessKeyId: 'NOBODY', secretAccessKey: 'wrong' } });
    const error = await store.put(new TextEncoder().encode('refused')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(BlobStoreUnavailableError);
    store.destroy();
  });
});
