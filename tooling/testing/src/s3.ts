// A real S3-compatible server for integration tests: s3rver (npm) on loopback, on a free port,
// with its own directory and bucket. It speaks S3's wire protocol (SigV4, multipart uploads,
// server-side copy), so the official AWS SDK runs end to end. `stop()` and `start()` again on
// the same port and directory make a store outage a test can cause and end.
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';

/** s3rver's fixed credentials: it checks SigV4 signatures made with them. */
const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

export interface TestS3Server {
  endpoint: string;
  bucket: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  /** The variables an app's env.ts reads to use this server (BLOB_STORE=s3 and S3_*). */
  env: Record<string, string>;
  /** Stops answering (connections are refused) until start(); the stored objects stay. */
  stop(): Promise<void>;
  /** Listens again on the same port with the same objects. */
  start(): Promise<void>;
  /** The key of every object in the bucket (up to 1000), as a client of the bucket sees them. */
  objectKeys(): Promise<string[]>;
  /** Stops and removes its directory. */
  dispose(): Promise<void>;
}

export async function startS3Server(bucket = 'switchyard-test'): Promise<TestS3Server> {
  const directory = mkdtempSync(path.join(tmpdir(), 'switchyard-s3-'));
  let port = 0;
  let server: S3rver | undefined;

  const start = async () => {
    if (server) return;
    const next = new S3rver({ address: '127.0.0.1', port, silent: true, directory, configureBuckets: [{ name: bucket, configs: [] }] });
    const address = (await next.run()) as AddressInfo;
    port = address.port;
    server = next;
  };
  const stop = async () => {
    const running = server;
    server = undefined;
    await running?.close();
  };

  await start();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    region: 'us-east-1',
    credentials: { ...S3RVER_CREDENTIALS },
    env: {
      BLOB_STORE: 's3',
      S3_BUCKET: bucket,
      S3_ENDPOINT: endpoint,
      S3_REGION: 'us-east-1',
      S3_FORCE_PATH_STYLE: 'true',
      S3_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
      S3_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
    },
    stop,
    start,
    async objectKeys() {
      const client = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials: S3RVER_CREDENTIALS });
      try {
        const listed = await client.send(new ListObjectsV2Command({ Bucket: bucket }));
        return (listed.Contents ?? []).map((object) => object.Key ?? '');
      } finally {
        client.destroy();
      }
    },
    async dispose() {
      await stop();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
