// The worker's configuration: the only place that reads process.env. Validated at boot; a bad
// variable stops start-up with one line naming it. The settings shared with apps/api (Redis,
// Chroma, blob store, embedder, logging, upload limit) come from @switchyard/runtime, so they mean,
// default and fail the same in both.
import { availableParallelism } from 'node:os';
import { blobStoreEnv, checkSharedEnv, chromaEnv, embedderEnv, loggingEnv, parseEnvWith, redisEnv, uploadEnv } from '@switchyard/runtime';
import { z } from 'zod';

const positiveInt = z.coerce.number().int().positive();

export const envSchema = z
  .object({
    ...loggingEnv,
    /** REDIS_URL (or REDIS_SENTINELS / REDIS_CLUSTER_NODES) and REDIS_PREFIX, shared with the API. */
    ...redisEnv,
    /** CHROMA_URL, CHROMA_COLLECTION_PREFIX, shared with the API. */
    ...chromaEnv,
    /** BLOB_DIR, BLOB_STORE=fs|s3 and the bucket's S3_* settings, shared with the API. */
    ...blobStoreEnv,

    /** Jobs one worker process runs at once. The local embedder is CPU bound: more rarely helps. */
    WORKER_CONCURRENCY: positiveInt.max(64).default(2),
    CHUNK_SIZE: positiveInt.min(100).max(20_000).default(1000),
    CHUNK_OVERLAP: z.coerce.number().int().min(0).default(150),
    /** Chunks per embedding call; also how often progress is reported and the lock can renew. */
    EMBED_BATCH_SIZE: positiveInt.max(2048).default(32),

    /** EMBEDDER and OPENAI_*, shared with the API. */
    ...embedderEnv,
    /**
     * Threads the local embedder runs on, each with its own copy of the model (about 200 MB
     * each): one per core by default. EMBEDDER=local only: the OpenAI embedder has no threads.
     */
    EMBED_THREADS: positiveInt.max(64).optional(),

    /** Longest a single file may take to parse. */
    MAX_PARSE_MS: positiveInt.default(30_000),
    /** Most characters of text extracted from one file. */
    MAX_EXTRACTED_CHARS: positiveInt.default(2_000_000),
    /** Most heap one file's parse may use (it runs in a thread of its own); more fails the file. */
    MAX_PARSE_MEMORY_MB: positiveInt.min(64).default(1024),
    /** MAX_UPLOAD_BYTES: the largest file the worker will parse (the API refuses bigger uploads with the same limit). */
    ...uploadEnv,
    /** Most pages read with OCR in one document (scanned PDF pages, TIFF pages); more fails the file. */
    MAX_OCR_PAGES: positiveInt.max(10_000).default(100),
    /** Longest a document that needs OCR may take to read (a page takes a few seconds). */
    MAX_OCR_MS: positiveInt.min(1000).default(600_000),
    /**
     * Threads each Tesseract run may use (its OMP_THREAD_LIMIT). One keeps OCR from crowding out
     * the embedder threads; documents are read one page at a time either way.
     */
    OCR_THREADS: positiveInt.max(64).default(1),
    /** Where the `tesseract` command is looked up (Debian: /usr/bin), passed to it with its data's TESSDATA_PREFIX. */
    PATH: z.string().default('/usr/local/bin:/usr/bin:/bin'),
    TESSDATA_PREFIX: z.string().optional(),

    /**
     * A job's lock lives this long unless renewed (every half of it). A SIGKILLed worker's job is
     * taken up again at most WORKER_LOCK_DURATION_MS + WORKER_STALLED_INTERVAL_MS after the
     * kill. Embedding runs on its own threads (EMBED_THREADS) and parsing on another, so
     * the event loop that renews the lock is never held for long.
     */
    WORKER_LOCK_DURATION_MS: positiveInt.min(1000).default(15_000),
    /** How often this worker looks for jobs whose worker died. */
    WORKER_STALLED_INTERVAL_MS: positiveInt.min(500).default(5_000),
    /** How many times a job may be recovered from a dead worker before it fails. */
    WORKER_MAX_STALLED_COUNT: z.coerce.number().int().min(0).default(2),
    /** On SIGTERM, how long a running job may take to finish before it is handed back to the queue. */
    SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(5_000),
    /** How often the worker records that it is alive (the API's /ready reads it). */
    HEARTBEAT_INTERVAL_MS: positiveInt.default(5_000),
  })
  .superRefine((env, ctx) => {
    checkSharedEnv(env, ctx);
    if (env.EMBEDDER !== 'local' && env.EMBED_THREADS !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['EMBED_THREADS'], message: 'applies to EMBEDDER=local only (the OpenAI embedder runs no threads); unset it' });
    }
    if (env.CHUNK_OVERLAP >= env.CHUNK_SIZE) {
      ctx.addIssue({ code: 'custom', path: ['CHUNK_OVERLAP'], message: 'must be smaller than CHUNK_SIZE' });
    }
    if (env.MAX_OCR_MS < env.MAX_PARSE_MS) {
      ctx.addIssue({ code: 'custom', path: ['MAX_OCR_MS'], message: 'must be at least MAX_PARSE_MS (it replaces it for documents that need OCR)' });
    }
  });

export type Env = z.infer<typeof envSchema> & { EMBED_THREADS: number };

/** Parses an environment; throws one line per bad variable (never echoing its value). */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const env = parseEnvWith(envSchema, source);
  return { ...env, EMBED_THREADS: env.EMBED_THREADS ?? availableParallelism() };
}

export function loadEnv(): Env {
  return parseEnv(process.env);
}
