// One logger for every process: pino, JSON lines, with secrets redacted by path before a line is
// written: authorization, cookie and API-key headers, set-cookie, and any field named like a
// password, key, token, secret or cookie up to three levels deep (`{user: {password}}`,
// `{err: {config: {apiKey}}}`), authorization and cookie headers up to four.
import { pino, type DestinationStream, type Logger } from 'pino';

const SECRET_FIELDS = [
  'password',
  'newPassword',
  'passwordHash',
  'apiKey',
  'apiKeys',
  'api_key',
  'key',
  'token',
  'accessToken',
  'refreshToken',
  'sessionToken',
  'secret',
  'clientSecret',
  'authorization',
  'Authorization',
  'cookie',
];

/** What is replaced with `[redacted]`. */
export const redactPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'headers["x-api-key"]',
  ...SECRET_FIELDS.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]),
  // An upstream error's request headers sit one level deeper (`err.config.headers.authorization`).
  '*.*.*.authorization',
  '*.*.*.Authorization',
  '*.*.*.cookie',
];

export const REDACTED = '[redacted]';

export interface LoggerSettings {
  LOG_LEVEL: string;
}

/** How long a log line may wait to be written with others. */
export const LOG_FLUSH_MS = 200;

/**
 * Standard output, written asynchronously and in batches: lines collect until 8 kB or
 * LOG_FLUSH_MS have passed, then leave in one write. No request or job waits for its log line,
 * and a busy API makes one write for dozens of requests instead of one each (the write was ~5% of
 * a /v1 call's CPU). pino flushes what is left when the process exits.
 */
function batchedStdout(): DestinationStream {
  const destination = pino.destination({ dest: 1, sync: false, minLength: 8 * 1024 });
  setInterval(() => {
    try {
      destination.flush();
    } catch {
      // closed as the process exits; its last lines were flushed then
    }
  }, LOG_FLUSH_MS).unref();
  return destination;
}

/**
 * The logger of a service (`api`, `worker`): every line carries the service and the process id,
 * and is written to standard output in batches (batchedStdout). Tests pass a destination.
 */
export function createLogger(service: string, settings: LoggerSettings, destination?: DestinationStream): Logger {
  return pino(
    {
      level: settings.LOG_LEVEL,
      redact: { paths: redactPaths, censor: REDACTED },
      base: { service, pid: process.pid },
    },
    destination ?? batchedStdout(),
  );
}
