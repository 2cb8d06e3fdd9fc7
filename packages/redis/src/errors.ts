// Redis being unreachable, as one typed error. ioredis reports a lost or refused connection in
// several ways: a MaxRetriesPerRequestError, a connect error with an errno code, or a plain Error
// for its own connection states (which it gives no class or code, so those are known by its fixed
// messages). This module is the one place that knows them; everything above it handles
// `RedisUnavailableError` (code `redis_unavailable`) alone.

/** Redis could not be reached. Transient: the API answers 503 with Retry-After; jobs retry. */
export class RedisUnavailableError extends Error {
  override name = 'RedisUnavailableError';
  readonly code = 'redis_unavailable';
  constructor(options?: { cause?: unknown }) {
    super('redis is unavailable', options);
  }
}

/**
 * Socket errors of a connection that could not be made (refused, no route, no such host). Only
 * those of connecting: a reset while reading could be any socket, a client's included.
 */
const CONNECT_ERRNO = new Set(['ECONNREFUSED', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
const CONNECT_SYSCALLS = new Set(['connect', 'getaddrinfo']);
/** ioredis's errors for its own connection states, which it raises as plain Errors with no code. */
const IOREDIS_CONNECTION_STATES = new Set([
  'Connection is closed.',
  "Stream isn't writeable and enableOfflineQueue options is false",
  'None of startup nodes is available',
]);
/** ioredis's error classes for giving up on a command or a cluster. */
const IOREDIS_GAVE_UP = new Set(['MaxRetriesPerRequestError', 'ClusterAllFailedError']);

function isConnectionFailure(error: Error): boolean {
  const { code, syscall } = error as { code?: unknown; syscall?: unknown };
  const couldNotConnect = typeof code === 'string' && CONNECT_ERRNO.has(code) && typeof syscall === 'string' && CONNECT_SYSCALLS.has(syscall);
  return IOREDIS_GAVE_UP.has(error.name) || couldNotConnect || IOREDIS_CONNECTION_STATES.has(error.message);
}

/**
 * The error as a RedisUnavailableError when it (or one of its causes) means Redis could not be
 * reached; undefined otherwise (a reply error such as WRONGTYPE is a bug, not an outage).
 */
export function asRedisUnavailable(error: unknown): RedisUnavailableError | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 4; current = current.cause, depth++) {
    if (current instanceof RedisUnavailableError) return current;
    if (isConnectionFailure(current)) return new RedisUnavailableError({ cause: error });
  }
  return undefined;
}
