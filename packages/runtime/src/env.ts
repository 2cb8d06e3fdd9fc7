// The settings the api and the worker both read, as zod fragments each app spreads into its own
// schema (apps/api/src/env.ts, apps/worker/src/env.ts), so a variable means the same thing, has
// the same default and is refused with the same words in both. Packages never read the
// environment: only an app's env.ts does, through parseEnv below.
import { blobStoreEnvShape, checkBlobStoreEnv, type BlobStoreEnv } from '@switchyard/documents';
import { checkRedisEnv, DEFAULT_REDIS_URL, redisEnvShape, type RedisEnv } from '@switchyard/redis';
import { z } from 'zod';

/** NODE_ENV and LOG_LEVEL (createLogger reads LOG_LEVEL). */
export const loggingEnv = {
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
};

/** Redis: one node (REDIS_URL), Sentinel or Cluster (see @switchyard/redis), and the key prefix. */
export const redisEnv = {
  REDIS_URL: z.url({ message: 'must be a URL such as redis://127.0.0.1:6379 (rediss:// for TLS)' }).default(DEFAULT_REDIS_URL),
  /** Prefix of every Redis key; BullMQ queues live under `${REDIS_PREFIX}bull`. */
  REDIS_PREFIX: z.string().default('sy:'),
  ...redisEnvShape,
};

/** The Chroma server and the prefix of this deployment's collections in it. */
export const chromaEnv = {
  CHROMA_URL: z.url({ message: 'must be a URL such as http://127.0.0.1:8000' }).default('http://127.0.0.1:8000'),
  CHROMA_COLLECTION_PREFIX: z.string().default('switchyard_'),
};

/** Where uploads are kept: a directory shared by api and worker (BLOB_STORE=fs) or a bucket (s3). */
export const blobStoreEnv = {
  BLOB_DIR: z.string().default('.data/blobs'),
  ...blobStoreEnvShape,
};

/** The embedder: the local sentence encoder, or OpenAI's (which needs its key). */
export const embedderEnv = {
  EMBEDDER: z.enum(['local', 'openai']).default('local'),
  OPENAI_API_KEY: z.string().optional(),
  OPENAI_BASE_URL: z.url().optional(),
  OPENAI_EMBEDDING_MODEL: z.string().default('text-embedding-3-small'),
};

/** The largest file: the API refuses bigger uploads, the worker refuses to parse them. */
export const uploadEnv = {
  MAX_UPLOAD_BYTES: z.coerce.number().int().positive().default(25 * 1024 * 1024),
};

interface IssueSink {
  addIssue(issue: { code: 'custom'; path: string[]; message: string }): void;
}

type SharedEnv = RedisEnv & Omit<BlobStoreEnv, 'BLOB_DIR'> & { EMBEDDER: 'local' | 'openai'; OPENAI_API_KEY?: string | undefined };

/** The rules across the shared variables, for each app's superRefine. */
export function checkSharedEnv(env: SharedEnv, ctx: IssueSink): void {
  checkRedisEnv(env, ctx);
  checkBlobStoreEnv(env, ctx);
  if (env.EMBEDDER === 'openai' && !env.OPENAI_API_KEY) {
    ctx.addIssue({ code: 'custom', path: ['OPENAI_API_KEY'], message: 'required when EMBEDDER=openai' });
  }
}

/**
 * Parses an environment with an app's schema; throws one line per bad variable, naming it and
 * never echoing its value (it could be a secret).
 */
export function parseEnvWith<Schema extends z.ZodType>(schema: Schema, source: Record<string, string | undefined>): z.infer<Schema> {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  throw new Error(result.error.issues.map((issue) => `invalid environment variable ${issue.path.join('.')}: ${issue.message}`).join('\n'));
}
