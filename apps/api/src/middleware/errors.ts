// The one terminal error middleware and the one error shape: `{error: {code, message, details?}}`.
// Known failures map to a fitting 4xx/5xx; anything else is logged and answered with a generic
// 500 whose message carries nothing from the error (it could hold a secret). Under /v1 the body
// also carries OpenAI's `type`, which its SDKs read.
import { BlobStoreUnavailableError, BlobTooLargeError, IngestInProgressError } from '@switchyard/documents';
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { MulterError } from 'multer';
import { ZodError } from 'zod';
import { AppError, fieldErrors } from '../errors';

export interface ErrorBody {
  /** `type` and `param` only under /v1 (OpenAI's error type, and the request parameter at fault or null). */
  error: { code: string; message: string; type?: string; param?: string | null; details?: unknown };
}

/** OpenAI's error `type` for a status, as its SDKs expect under /v1. */
export const openAiErrorType = (status: number) =>
  status === 401 ? 'authentication_error' : status === 403 ? 'permission_error' : status === 404 ? 'not_found_error' : status === 429 ? 'rate_limit_error' : status >= 500 ? 'api_error' : 'invalid_request_error';

type Reply = (status: number, code: string, message: string, details?: unknown, retryAfterSeconds?: number) => void;

/** OpenAI's `param`: the parameter an error is about, from `details.param` (AppError) or null. */
const paramOf = (details: unknown): string | null => {
  const param = (details as { param?: unknown } | undefined)?.param;
  return typeof param === 'string' ? param : null;
};

/** The first field of a validation error in OpenAI's notation (`messages[0].content`), or the unknown key. */
function zodParam(error: ZodError): string | null {
  const issue = error.issues[0];
  if (!issue) return null;
  const path = [...issue.path, ...(issue.code === 'unrecognized_keys' ? [issue.keys[0] ?? ''] : [])];
  return path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)), '') || null;
}

function replier(res: Response, openAi: boolean): Reply {
  return (status, code, message, details, retryAfterSeconds) => {
    if (retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(Math.max(0, Math.ceil(retryAfterSeconds))));
    const openAiFields = openAi ? { type: openAiErrorType(status), param: paramOf(details) } : {};
    const body: ErrorBody = { error: { code, message, ...openAiFields, ...(details === undefined ? {} : { details }) } };
    res.status(status).json(body);
  };
}

/** "messages.0.role: Invalid option; model: Required" — the first few field errors, for the message. */
const zodSummary = (error: ZodError) =>
  fieldErrors(error)
    .slice(0, 3)
    .map((field) => `${field.path}: ${field.message}`)
    .join('; ');


const REDIS_DOWN_MESSAGES = ["Stream isn't writeable", 'Connection is closed', 'Reached the max retries per request limit', 'connect ECONNREFUSED'];

/** Whether an error means Redis could not be reached (ioredis fails fast while disconnected). */
export function isRedisUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 4; current = current.cause, depth++) {
    if (current.name === 'MaxRetriesPerRequestError') return true;
    if (REDIS_DOWN_MESSAGES.some((text) => current instanceof Error && current.message.includes(text))) return true;
  }
  return false;
}

export function isVectorStoreUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 4; current = current.cause, depth++) {
    if (current.name === 'ChromaConnectionError') return true;
  }
  return false;
}

interface HttpishError {
  type?: string;
  status?: number;
  statusCode?: number;
  expose?: boolean;
}

const MULTER: Record<string, { status: number; code: string; message: string }> = {
  LIMIT_FILE_SIZE: { status: 413, code: 'file_too_large', message: 'a file is larger than the upload limit' },
  LIMIT_FILE_COUNT: { status: 413, code: 'too_many_files', message: 'too many files in one upload' },
  LIMIT_PART_COUNT: { status: 413, code: 'too_many_parts', message: 'too many parts in the multipart body' },
  LIMIT_FIELD_COUNT: { status: 413, code: 'too_many_fields', message: 'too many fields in the multipart body' },
  LIMIT_FIELD_KEY: { status: 400, code: 'invalid_multipart', message: 'a field name is too long' },
  LIMIT_FIELD_VALUE: { status: 413, code: 'field_too_large', message: 'a field value is too long' },
  LIMIT_UNEXPECTED_FILE: { status: 400, code: 'unexpected_file_field', message: "files must be sent in the 'files' field" },
};

export function errorHandler(): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const send = replier(res, /^\/v1(\/|$|\?)/.test(req.originalUrl));
    if (res.headersSent) {
      // A stream already started: the status is gone; log and close what we can.
      req.log?.error({ err: error }, 'error after the response started');
      res.end();
      return;
    }
    if (error instanceof AppError) return send(error.status, error.code, error.message, error.details, error.retryAfterSeconds);
    if (error instanceof IngestInProgressError) return send(409, error.code, error.message, { documentId: error.documentId });
    if (error instanceof BlobStoreUnavailableError) {
      req.log?.warn({ err: error }, 'blob store unavailable');
      return send(503, error.code, 'the file store is unavailable; try again shortly', undefined, 5);
    }
    if (error instanceof BlobTooLargeError) return send(413, 'file_too_large', 'a file is larger than the upload limit', { limitBytes: error.limitBytes });
    if (error instanceof ZodError) {
      const param = zodParam(error);
      return send(400, 'invalid_request', `the request is invalid: ${zodSummary(error)}`, { fields: fieldErrors(error), ...(param ? { param } : {}) });
    }
    if (error instanceof MulterError) {
      const known = MULTER[error.code] ?? { status: 400, code: 'invalid_multipart', message: 'the multipart body is invalid' };
      return send(known.status, known.code, known.message, error.field ? { field: error.field } : undefined);
    }
    if (error instanceof Error && error.name === 'RouterError') {
      const routerError = error as Error & { code: string; status: number; retryAfterSeconds?: number; param?: string };
      const details = routerError.param !== undefined ? { param: routerError.param } : undefined;
      return send(routerError.status, routerError.code, routerError.message, details, routerError.retryAfterSeconds);
    }
    const http = (error ?? {}) as HttpishError;
    switch (http.type) {
      case 'entity.parse.failed':
        return send(400, 'invalid_json', 'the request body is not valid JSON');
      case 'entity.too.large':
        return send(413, 'payload_too_large', 'the request body is larger than the limit');
      case 'encoding.unsupported':
      case 'charset.unsupported':
        return send(415, 'unsupported_encoding', 'the request body encoding is not supported');
      case 'request.aborted':
        return send(400, 'request_aborted', 'the request was aborted');
    }
    if (isRedisUnavailable(error)) {
      req.log?.warn({ err: error }, 'redis unavailable');
      return send(503, 'redis_unavailable', 'the data store is unavailable; try again shortly', undefined, 5);
    }
    if (isVectorStoreUnavailable(error)) {
      req.log?.warn({ err: error }, 'vector store unavailable');
      return send(503, 'vector_store_unavailable', 'the vector store is unavailable; try again shortly', undefined, 5);
    }
    // Busboy (multipart) and body-parser report malformed input with an exposed 4xx.
    const status = http.status ?? http.statusCode;
    if (status && status >= 400 && status < 500 && http.expose !== false) {
      return send(status, 'bad_request', error instanceof Error && http.expose ? error.message : 'the request is invalid');
    }
    if (error instanceof Error && error.message.startsWith('Malformed part header')) {
      return send(400, 'invalid_multipart', "a part header is malformed (raw NUL or line breaks are not allowed; send such file names as filename*=UTF-8''…)");
    }
    if (error instanceof Error && /^(Unexpected end of form|Multipart: Boundary not found)/.test(error.message)) {
      return send(400, 'invalid_multipart', 'the multipart body is malformed');
    }
    req.log?.error({ err: error }, 'unhandled error');
    return send(500, 'internal_error', 'something went wrong on our side');
  };
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new AppError('route_not_found', 404, `no route for ${req.method} ${req.path}`));
};
