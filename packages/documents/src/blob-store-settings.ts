// Which blob store a process uses, as settings the apps validate in their env.ts: the zod
// fragment below is spread into the api's and the worker's schemas (the apps read process.env,
// this package never does), and createBlobStore builds the store from the parsed values.
import { z } from 'zod';
import { FsBlobStore, type BlobStore } from './blob-store';
import { S3BlobStore, type S3BlobStoreSettings } from './s3-blob-store';

/** An unset variable and an empty one (`S3_ENDPOINT=` in a compose file) mean the same. */
const optionalText = z.preprocess((value) => (value === '' ? undefined : value), z.string().optional());
const optionalHttpUrl = z.preprocess((value) => (value === '' ? undefined : value), z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional());
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => ['true', '1', 'yes'].includes(value));

/** The blob store's variables; BLOB_DIR stays in each app's own schema (it predates this). */
export const blobStoreEnvShape = {
  /** `fs`: a directory (BLOB_DIR) shared by api and workers; `s3`: an S3-compatible bucket. */
  BLOB_STORE: z.enum(['fs', 's3']).default('fs'),
  S3_BUCKET: optionalText,
  /** For MinIO, R2, Ceph…; unset for AWS S3 itself. */
  S3_ENDPOINT: optionalHttpUrl,
  S3_REGION: z.string().min(1).default('us-east-1'),
  /** Path-style URLs (MinIO and most self-hosted stores need them). */
  S3_FORCE_PATH_STYLE: bool.default(false),
  /** Both or neither; neither means the SDK's default chain (pod or instance role). */
  S3_ACCESS_KEY_ID: optionalText,
  S3_SECRET_ACCESS_KEY: optionalText,
};

export type BlobStoreEnv = {
  BLOB_STORE: 'fs' | 's3';
  BLOB_DIR: string;
  S3_BUCKET?: string | undefined;
  S3_ENDPOINT?: string | undefined;
  S3_REGION: string;
  S3_FORCE_PATH_STYLE: boolean;
  S3_ACCESS_KEY_ID?: string | undefined;
  S3_SECRET_ACCESS_KEY?: string | undefined;
};

interface IssueSink {
  addIssue(issue: { code: 'custom'; path: string[]; message: string }): void;
}

/**
 * The rules across variables, for the apps' superRefine: a bucket when BLOB_STORE=s3, both keys
 * or neither, and no S3 variable that would be ignored because the store is `fs`.
 */
export function checkBlobStoreEnv(env: Omit<BlobStoreEnv, 'BLOB_DIR'>, ctx: IssueSink): void {
  if (env.BLOB_STORE === 's3') {
    if (!env.S3_BUCKET) ctx.addIssue({ code: 'custom', path: ['S3_BUCKET'], message: 'required when BLOB_STORE=s3' });
    if (Boolean(env.S3_ACCESS_KEY_ID) !== Boolean(env.S3_SECRET_ACCESS_KEY)) {
      const missing = env.S3_ACCESS_KEY_ID ? 'S3_SECRET_ACCESS_KEY' : 'S3_ACCESS_KEY_ID';
      ctx.addIssue({ code: 'custom', path: [missing], message: 'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together (or leave both unset for the default credential chain)' });
    }
    return;
  }
  for (const name of ['S3_BUCKET', 'S3_ENDPOINT', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const) {
    if (env[name]) ctx.addIssue({ code: 'custom', path: [name], message: 'is set but BLOB_STORE is fs: set BLOB_STORE=s3 to use the bucket, or remove it' });
  }
}

export type BlobStoreSettings = { kind: 'fs'; dir: string } | ({ kind: 's3' } & S3BlobStoreSettings);

/** The settings an app's parsed env describes (after checkBlobStoreEnv passed). */
export function blobStoreSettings(env: BlobStoreEnv): BlobStoreSettings {
  if (env.BLOB_STORE === 'fs') return { kind: 'fs', dir: env.BLOB_DIR };
  if (!env.S3_BUCKET) throw new Error('S3_BUCKET is required when BLOB_STORE=s3');
  return {
    kind: 's3',
    bucket: env.S3_BUCKET,
    region: env.S3_REGION,
    forcePathStyle: env.S3_FORCE_PATH_STYLE,
    ...(env.S3_ENDPOINT ? { endpoint: env.S3_ENDPOINT } : {}),
    ...(env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY ? { credentials: { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY } } : {}),
  };
}

export function createBlobStore(settings: BlobStoreSettings): BlobStore {
  if (settings.kind === 'fs') return new FsBlobStore(settings.dir);
  const { kind: _kind, ...s3 } = settings;
  return new S3BlobStore(s3);
}
