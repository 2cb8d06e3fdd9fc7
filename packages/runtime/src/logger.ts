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

/**
 * The logger of a service (`api`, `worker`): every line carries the service and the process id.
 * Written asynchronously, lines coalesced while a write is in flight, so no request or job waits
 * for its log line (pino flushes what is left when the process exits). Tests pass a destination.
 */
export function createLogger(service: string, settings: LoggerSettings, destination?: DestinationStream): Logger {
  return pino(
    {
      level: settings.LOG_LEVEL,
      redact: { paths: redactPaths, censor: REDACTED },
      base: { service, pid: process.pid },
    },
    destination ?? pino.destination({ dest: 1, sync: false }),
  );
}
