import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { blobStoreEnvShape, blobStoreSettings, checkBlobStoreEnv } from './blob-store-settings';

// The fragment as an app's env.ts uses it: spread into its schema, checked across variables.
const schema = z.object({ BLOB_DIR: z.string().default('.data/blobs'), ...blobStoreEnvShape }).superRefine(checkBlobStoreEnv);
const problems = (source: Record<string, string>) => {
  const result = schema.safeParse(source);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('blob store settings', () => {
  it('defaults to the directory store', () => {
    expect(blobStoreSettings(schema.parse({}))).toEqual({ kind: 'fs', dir: '.data/blobs' });
  });

  it('builds S3 settings from the variables, treating empty ones (compose defaults) as unset', () => {
    const env = schema.parse({ BLOB_STORE: 's3', S3_BUCKET: 'uploads', S3_ENDPOINT: 'http://minio:9000', S3_FORCE_PATH_STYLE: 'true', S3_ACCESS_KEY_ID: 'id', S3_SECRET_ACCESS_KEY: 'secret' });
    expect(blobStoreSettings(env)).toEqual({
      kind: 's3',
      bucket: 'uploads',
      region: 'us-east-1',
      endpoint: 'http://minio:9000',
      forcePathStyle: true,
      credentials: { accessKeyId: 'id', secretAccessKey: 'secret' },
    });
    const roleBased = schema.parse({ BLOB_STORE: 's3', S3_BUCKET: 'uploads', S3_REGION: 'eu-west-1', S3_ENDPOINT: '', S3_ACCESS_KEY_ID: '', S3_SECRET_ACCESS_KEY: '' });
    expect(blobStoreSettings(roleBased)).toEqual({ kind: 's3', bucket: 'uploads', region: 'eu-west-1', forcePathStyle: false });
  });

  it('names each variable that is missing, half set, malformed or would be ignored', () => {
    expect(problems({ BLOB_STORE: 's3' })).toEqual(['S3_BUCKET: required when BLOB_STORE=s3']);
    expect(problems({ BLOB_STORE: 's3', S3_BUCKET: 'b', S3_ACCESS_KEY_ID: 'id' })).toEqual([expect.stringMatching(/^S3_SECRET_ACCESS_KEY: /)]);
    expect(problems({ BLOB_STORE: 's3', S3_BUCKET: 'b', S3_ENDPOINT: 'minio:9000' })).toEqual([expect.stringMatching(/^S3_ENDPOINT: /)]);
    expect(problems({ BLOB_STORE: 'gcs' })).toEqual([expect.stringMatching(/^BLOB_STORE: /)]);
    expect(problems({ S3_BUCKET: 'uploads' })).toEqual([expect.stringMatching(/^S3_BUCKET: is set but BLOB_STORE is fs/)]);
  });

  it('never echoes a secret in its messages', () => {
    const messages = problems({ BLOB_STORE: 's3', S3_BUCKET: 'b', S3_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI-very-secret' }).join('\n');
    expect(messages).toContain('S3_ACCESS_KEY_ID');
    expect(messages).not.toContain('very-secret');
  });
});
