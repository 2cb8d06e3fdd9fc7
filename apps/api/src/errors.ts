// The API's errors. AppError(code, status, message, details?) is thrown by the API's own code
// with its status; errors thrown by the packages and services (RouterError, IngestInProgressError,
// RedisUnavailableError...) carry only a code, and DOMAIN_ERRORS below is the one table that
// says what each code is over HTTP. The terminal error middleware (middleware/errors.ts) applies
// it to every error and answers `{error: {code, message, details?}}`. Nothing is recognised by
// its message text.
import { asRedisUnavailable } from '@switchyard/redis';
import type { RouterErrorCode } from '@switchyard/router';
import type { ZodError } from 'zod';

export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly details?: unknown,
    /** Seconds, sent as Retry-After (429, 503). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export const notFound = (what: string, code = `${what}_not_found`) => new AppError(code, 404, `${what} not found`);

interface DomainErrorMapping {
  status: number;
  /** The code answered, when it is not the error's own. */
  code?: string;
  /** What the client reads, when the error's own message is not meant for it. */
  message?: string;
  retryAfterSeconds?: number;
  /** Details for the client from the error's fields. */
  details?: (error: Error & Record<string, unknown>) => unknown;
  /** Worth a warning in the log (a dependency is down). */
  warn?: true;
}

const UNAVAILABLE = { retryAfterSeconds: 5, warn: true } as const;

/** Domain error code -> HTTP: the one table. */
export const DOMAIN_ERRORS = {
  // @switchyard/router: RouterError
  model_not_allowed: { status: 400 },
  unsupported_parameter: { status: 400 },
  context_length_exceeded: { status: 400 },
  model_not_found: { status: 404 },
  aborted: { status: 499 },
  all_providers_failed: { status: 502 },
  no_local_provider: { status: 503 },
  upstream_timeout: { status: 504 },
  // @switchyard/documents
  ingest_in_progress: { status: 409, details: (error) => ({ documentId: error.documentId }) },
  blob_too_large: { status: 413, code: 'file_too_large', message: 'a file is larger than the upload limit', details: (error) => ({ limitBytes: error.limitBytes }) },
  blob_not_found: { status: 404, code: 'file_not_found', message: 'the original file of this document is no longer stored' },
  blob_store_unavailable: { status: 503, message: 'the file store is unavailable; try again shortly', ...UNAVAILABLE },
  // @switchyard/redis: RedisUnavailableError
  redis_unavailable: { status: 503, message: 'the data store is unavailable; try again shortly', ...UNAVAILABLE },
  // The Chroma client's ChromaConnectionError
  vector_store_unavailable: { status: 503, message: 'the vector store is unavailable; try again shortly', ...UNAVAILABLE },
  // services/conversations.ts: ConversationBusyError
  conversation_busy: { status: 409 },
} satisfies Record<string, DomainErrorMapping>;

export type DomainErrorCode = keyof typeof DOMAIN_ERRORS;

/** Every code the router throws has its row (a new RouterErrorCode fails the typecheck here). */
export const routerErrorRows: Record<RouterErrorCode, DomainErrorMapping> = DOMAIN_ERRORS;

/** What an error is over HTTP. */
export interface HttpError {
  status: number;
  code: string;
  message: string;
  details?: unknown;
  retryAfterSeconds?: number;
  /** A dependency is down: log a warning with the cause. */
  warn?: boolean;
}

const isDomainCode = (code: unknown): code is DomainErrorCode => typeof code === 'string' && Object.hasOwn(DOMAIN_ERRORS, code);

/** The Chroma client reports an unreachable server with this error class (in the cause chain). */
function isVectorStoreUnavailable(error: Error): boolean {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 4; current = current.cause, depth++) {
    if (current.name === 'ChromaConnectionError') return true;
  }
  return false;
}

/** The domain code of an error: its own `code`, or the outage it stands for. */
function domainCodeOf(error: Error): DomainErrorCode | undefined {
  const own = (error as { code?: unknown }).code;
  if (isDomainCode(own)) return own;
  if (asRedisUnavailable(error)) return 'redis_unavailable';
  if (isVectorStoreUnavailable(error)) return 'vector_store_unavailable';
  return undefined;
}

/**
 * An AppError or a domain error as HTTP; undefined for anything else (the middleware answers
 * those, input errors aside, with a generic 500).
 */
export function toHttpError(error: unknown): HttpError | undefined {
  if (error instanceof AppError) return { status: error.status, code: error.code, message: error.message, details: error.details, retryAfterSeconds: error.retryAfterSeconds };
  if (!(error instanceof Error)) return undefined;
  const code = domainCodeOf(error);
  if (!code) return undefined;
  const mapping: DomainErrorMapping = DOMAIN_ERRORS[code];
  const fields = error as Error & Record<string, unknown>;
  // A RouterError names the request parameter at fault and may say when to retry.
  const param = typeof fields.param === 'string' ? fields.param : undefined;
  const details = mapping.details ? mapping.details(fields) : param !== undefined ? { param } : undefined;
  const retryAfterSeconds = mapping.retryAfterSeconds ?? (typeof fields.retryAfterSeconds === 'number' ? fields.retryAfterSeconds : undefined);
  return {
    status: mapping.status,
    code: mapping.code ?? code,
    message: mapping.message ?? error.message,
    ...(details === undefined ? {} : { details }),
    ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
    ...(mapping.warn ? { warn: true } : {}),
  };
}

/** A domain error as an AppError (for the chat stream's `error` events, which carry code and message). */
export function asAppError(error: unknown): AppError | undefined {
  const http = toHttpError(error);
  return http ? (error instanceof AppError ? error : new AppError(http.code, http.status, http.message, http.details, http.retryAfterSeconds)) : undefined;
}

/** Field errors of a ZodError: where, and what is wrong, readable by a person. */
export function fieldErrors(error: ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(body)', message: issue.message }));
}
