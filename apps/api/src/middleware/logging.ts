// Structured logs (pino) with one request id per request, echoed as X-Request-Id. Secrets are
// redacted by path before a line is written: authorization and cookie headers, set-cookie, and
// any password, apiKey, key or token field up to three levels deep.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pino, type Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type { Env } from '../env';

const SECRET_FIELDS = ['password', 'apiKey', 'api_key', 'key', 'token', 'secret', 'authorization', 'cookie'];

export const redactPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  ...SECRET_FIELDS.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]),
];

export function createLogger(env: Pick<Env, 'LOG_LEVEL'>): Logger {
  return pino(
    {
      level: env.LOG_LEVEL,
      redact: { paths: redactPaths, censor: '[redacted]' },
      base: { service: 'api' },
    },
    // Written asynchronously, lines coalesced while a write is in flight: a request never waits
    // for its log line (pino flushes what is left when the process exits).
    pino.destination({ dest: 1, sync: false }),
  );
}

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** An incoming X-Request-Id is kept when it is short and plain; otherwise a new one is made. */
export function requestIdOf(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id'];
  return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

export function httpLogger(logger: Logger) {
  return pinoHttp({
    logger,
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const id = requestIdOf(req);
      res.setHeader('X-Request-Id', id);
      return id;
    },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    // The probes are polled constantly; their lines would drown everything else.
    autoLogging: { ignore: (req) => ['/health', '/live', '/ready', '/metrics'].includes(req.url ?? '') },
    serializers: {
      req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url?.split('?')[0] }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  });
}
