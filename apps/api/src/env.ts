// The API's configuration: the only place that reads process.env. Validated at boot; a bad
// variable stops start-up with one line naming it. The settings shared with the worker (Redis,
// Chroma, blob store, embedder, logging, upload limit) come from @switchyard/runtime, so they mean,
// default and fail the same in both.
import { blobStoreEnv, checkSharedEnv, chromaEnv, embedderEnv, loggingEnv, parseEnvWith, redisEnv, uploadEnv } from '@switchyard/runtime';
import { z } from 'zod';
import { parseKeysSecret } from './services/secret-box';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => ['true', '1', 'yes'].includes(value));
const list = z.string().transform((value) => value.split(',').map((item) => item.trim()).filter(Boolean));

/** Express "trust proxy": false, a hop count, or a list of addresses/subnets (e.g. "loopback, 10.0.0.0/8"). */
export function trustProxySetting(value: string): boolean | number | string[] {
  const trimmed = value.trim().toLowerCase();
  if (trimmed === '' || trimmed === 'false' || trimmed === '0' || trimmed === 'no') return false;
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  return value.split(',').map((item) => item.trim()).filter(Boolean);
}

export const envSchema = z.object({
  ...loggingEnv,
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),

  /** REDIS_URL (or REDIS_SENTINELS / REDIS_CLUSTER_NODES) and REDIS_PREFIX, shared with the worker. */
  ...redisEnv,
  /** CHROMA_URL, CHROMA_COLLECTION_PREFIX, shared with the worker. */
  ...chromaEnv,
  /** BLOB_DIR, BLOB_STORE=fs|s3 and the bucket's S3_* settings, shared with the worker. */
  ...blobStoreEnv,

  /** An admin API key accepted from boot (the launcher generates one into .data/). */
  ADMIN_API_KEY: z.string().min(24, 'ADMIN_API_KEY must be at least 24 characters').optional(),
  /** Whether anyone may sign up after the first (admin) user. */
  ALLOW_SIGNUP: bool.default(false),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(24 * 7),
  /**
   * How long an API process remembers who a token belongs to (no Redis read per request).
   * Logout and key revocation reach every replica at once over Redis pub/sub; 0 = off.
   */
  AUTH_CACHE_TTL_SECONDS: z.coerce.number().int().min(0).default(30),
  CORS_ORIGINS: list.default([]),
  /** Express "trust proxy": false, a hop count, or a list of addresses/subnets. Never true blindly. */
  TRUST_PROXY: z
    .string()
    .default('false')
    .refine((value) => !['true', 'yes', '*'].includes(value.trim().toLowerCase()), {
      message: 'TRUST_PROXY must be false, a hop count or a list of proxy addresses/subnets, never "true"',
    })
    .transform(trustProxySetting),

  /**
   * Origins other than the app's own that may send state-changing requests with the session
   * cookie (the web app, proxied, is same-origin and needs nothing here). CORS_ORIGINS count too.
   */
  TRUSTED_ORIGINS: list.pipe(z.array(z.url({ message: 'TRUSTED_ORIGINS must be a comma-separated list of origins like https://app.example.com' }))).default([]),

  /** Sign-in attempts per account that are free before exponential backoff starts. */
  LOGIN_FREE_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(5),
  /** The first backoff after the free attempts; it doubles with every further attempt. */
  LOGIN_BACKOFF_BASE_MS: z.coerce.number().int().min(100).max(60_000).default(1000),
  /** The longest an account is made to wait between attempts: slowed, never locked. */
  LOGIN_BACKOFF_MAX_MS: z.coerce.number().int().min(1000).max(24 * 3600_000).default(15 * 60_000),

  /**
   * Bearer token Prometheus must send to GET /metrics. Unset: /metrics answers 404 (disabled),
   * because it shows traffic by route, login failures and event-loop stalls.
   */
  METRICS_TOKEN: z.string().min(24, 'METRICS_TOKEN must be at least 24 characters').optional(),

  /** How long audit events are kept, and the most kept whatever their age. */
  AUDIT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  AUDIT_MAX_EVENTS: z.coerce.number().int().min(1000).default(1_000_000),

  /** Node's HTTP server: the whole request head must arrive within this. */
  HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(1000).max(300_000).default(15_000),
  /** The whole request (head and body) must arrive within this (slow uploads included). */
  HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1000).max(3_600_000).default(120_000),
  /** An idle keep-alive connection is closed after this (above common load balancers' 60 s). */
  HTTP_KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(65_000),
  /**
   * Server-sent event streams (document events, streamed chats, /v1 streams) one user may hold
   * open at once. A browser opens at most six per host; API clients may run a few dozen.
   */
  MAX_STREAMS_PER_USER: z.coerce.number().int().min(1).max(1000).default(50),
  /** A document event stream is closed after this; browsers reconnect (EventSource) if still waiting. */
  DOCUMENT_EVENTS_MAX_MS: z.coerce.number().int().min(1000).max(24 * 3600_000).default(15 * 60_000),

  CACHE_TTL_SECONDS: z.coerce.number().int().min(0).default(3600),
  /** How often each API process writes the usage stats it counted to Redis; 0 = every request. */
  STATS_FLUSH_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  DAILY_BUDGET_USD: z.coerce.number().min(0).default(5),
  /** MAX_UPLOAD_BYTES, the worker's parse limit too. */
  ...uploadEnv,
  MAX_UPLOAD_FILES: z.coerce.number().int().positive().default(10),
  /** Bytes of one multipart upload as sent (all its files and parts); past it the request is refused with 413. */
  MAX_UPLOAD_REQUEST_BYTES: z.coerce.number().int().positive().default(100 * 1024 * 1024),
  JSON_BODY_LIMIT: z.string().default('1mb'),
  RETRIEVAL_K: z.coerce.number().int().min(1).max(50).default(5),
  RETRIEVAL_MODE: z.enum(['dense', 'hybrid']).optional(),
  /**
   * The relevance floor of retrieval (0..1; 0 turns it off): passages below it are not searched,
   * cited or put into a prompt. Default: the floor calibrated for the embedder (the local one has
   * one; an OpenAI embedder has none until this is set). See packages/vectorstore/eval/README.md.
   */
  RETRIEVAL_RELEVANCE_FLOOR: z.coerce.number().min(0, 'RETRIEVAL_RELEVANCE_FLOOR must be between 0 and 1').max(1, 'RETRIEVAL_RELEVANCE_FLOOR must be between 0 and 1').optional(),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
  /** Reported by GET /health. */
  APP_VERSION: z.string().default('0.1.0'),
  /** Sets `Secure` on the session cookie; defaults to true in production. */
  COOKIE_SECURE: bool.optional(),
  /** A worker whose last heartbeat is older than this counts as gone (GET /ready). */
  WORKER_HEARTBEAT_MAX_AGE_MS: z.coerce.number().int().positive().default(30_000),

  /** EMBEDDER and OPENAI_* (shared with the worker; OPENAI_API_KEY and OPENAI_BASE_URL also enable the OpenAI chat tiers). */
  ...embedderEnv,
  /**
   * Threads that embed search and chat queries (and /v1/embeddings inputs) with the local
   * encoder, each holding its own copy of the model (~130 MB): the event loop only moves data,
   * so an uncached query never stalls other requests. Default 1; EMBEDDER=local only.
   */
  API_EMBED_THREADS: z.coerce.number().int().min(1).max(16).optional(),
  /**
   * Threads that classify large requests (a message with its conversation over 4,000 characters,
   * ~0.7 ms of CPU per 1,000) so the event loop never waits on the detectors. Default 1.
   */
  API_CLASSIFY_THREADS: z.coerce.number().int().min(1).max(16).default(1),
  /** Requests up to this many characters (message and conversation) are classified on the event loop; 0 sends every one to a thread. */
  API_CLASSIFY_INLINE_MAX_CHARS: z.coerce.number().int().min(0).max(10_000_000).default(4_000),
  ANTHROPIC_API_KEY: z.string().optional(),
  ANTHROPIC_BASE_URL: z.string().url().optional(),
  /** An OpenAI-compatible server on this machine or network (Ollama, vLLM, llama.cpp): counts as local. */
  LOCAL_OPENAI_BASE_URL: z.string().url().optional(),
  LOCAL_OPENAI_MODELS: list.default([]),
  /** A JSON policy file overriding the default routing policy. */
  ROUTER_POLICY_FILE: z.string().optional(),
  /** How many recent routing decisions are kept (never the messages) for the policy dry run; 0 = none. */
  ROUTE_HISTORY_SIZE: z.coerce.number().int().min(0).max(100_000).default(1000),
  /**
   * Connectivity probes: the mean time between rounds (each provider's model list, jittered by
   * ±20%, two at a time); an unreachable cloud routes to the local tiers. 0 turns them off.
   * Default 30 s; off under NODE_ENV=test, so tests count exactly the upstream calls they make.
   */
  PROVIDER_PROBE_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).optional(),
  /** One probe fails after this long. */
  PROVIDER_PROBE_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  /**
   * Encrypts the API keys of providers added at run time (AES-256-GCM): 64 hex characters or
   * base64 of 32 bytes, e.g. `openssl rand -hex 32`. Without it, such providers cannot have keys.
   * The API refuses to start when stored keys cannot be decrypted with it.
   */
  PROVIDER_KEYS_SECRET: z
    .string()
    .refine((value) => parseKeysSecret(value) !== undefined, {
      message: 'PROVIDER_KEYS_SECRET must be 64 hex characters or base64 of 32 bytes (openssl rand -hex 32)',
    })
    .optional(),
  ROUTER_CASCADE: bool.default(false),
}).superRefine((env, ctx) => {
  checkSharedEnv(env, ctx);
  if (env.EMBEDDER !== 'local' && env.API_EMBED_THREADS !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['API_EMBED_THREADS'], message: 'applies to EMBEDDER=local only (the OpenAI embedder runs no threads); unset it' });
  }
});

export type Env = z.infer<typeof envSchema>;

/** Node requires the head's deadline to fit inside the whole request's. */
function checkRelations(env: Env): string[] {
  return env.HTTP_HEADERS_TIMEOUT_MS > env.HTTP_REQUEST_TIMEOUT_MS
    ? ['invalid environment variable HTTP_HEADERS_TIMEOUT_MS: must not exceed HTTP_REQUEST_TIMEOUT_MS']
    : [];
}

/** Parses an environment; throws one line per bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const env = parseEnvWith(envSchema, source);
  const problems = checkRelations(env);
  if (problems.length === 0) return env;
  throw new Error(problems.join('\n'));
}

export function loadEnv(): Env {
  return parseEnv(process.env);
}
