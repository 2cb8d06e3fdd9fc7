// The one terminal error middleware and the one error shape: `{error: {code, message, details?}}`.
// AppErrors and domain errors are answered as the one table (DOMAIN_ERRORS in ../errors.ts) says;
// invalid input (zod, body-parser) with a 4xx; anything else is logged and answered with a generic
// 500 whose message carries nothing from the error (it could hold a secret). Under /v1 the body
// also carries OpenAI's `type`, which its SDKs read; under /v1/messages also Anthropic's top-level
// `type: "error"` (its error types have the same names as OpenAI's).
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { ZodError } from 'zod';
import { AppError, fieldErrors, toHttpError } from '../errors';

export interface ErrorBody {
  /** `"error"` under /v1/messages, as Anthropic's error body has it. */
  type?: 'error';
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

function replier(res: Response, openAi: boolean, anthropic: boolean): Reply {
  return (status, code, message, details, retryAfterSeconds) => {
    if (retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(Math.max(0, Math.ceil(retryAfterSeconds))));
    const openAiFields = openAi ? { type: openAiErrorType(status), param: paramOf(details) } : {};
    const body: ErrorBody = { ...(anthropic ? { type: 'error' as const } : {}), error: { code, message, ...openAiFields, ...(details === undefined ? {} : { details }) } };
    res.status(status).json(body);
  };
}

/** "messages.0.role: Invalid option; model: Required" — the first few field errors, for the message. */
const zodSummary = (error: ZodError) =>
  fieldErrors(error)
    .slice(0, 3)
    .map((field) => `${field.path}: ${field.message}`)
    .join('; ');


/** body-parser's errors: a `type` naming what went wrong, and an exposed 4xx status. */
interface HttpishError {
  type?: string;
  status?: number;
  statusCode?: number;
  expose?: boolean;
}

export function errorHandler(): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const send = replier(res, /^\/v1(\/|$|\?)/.test(req.originalUrl), /^\/v1\/messages(\/|$|\?)/.test(req.originalUrl));
    if (res.headersSent) {
      // A stream already started: the status is gone; log and close what we can.
      req.log?.error({ err: error }, 'error after the response started');
      res.end();
      return;
    }
    const known = toHttpError(error);
    if (known) {
      if (known.warn) req.log?.warn({ err: error }, `${known.code.replaceAll('_', ' ')}`);
      return send(known.status, known.code, known.message, known.details, known.retryAfterSeconds);
    }
    if (error instanceof ZodError) {
      const param = zodParam(error);
      return send(400, 'invalid_request', `the request is invalid: ${zodSummary(error)}`, { fields: fieldErrors(error), ...(param ? { param } : {}) });
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
    // body-parser reports other malformed input with an exposed 4xx.
    const status = http.status ?? http.statusCode;
    if (status && status >= 400 && status < 500 && http.expose !== false) {
      return send(status, 'bad_request', error instanceof Error && http.expose ? error.message : 'the request is invalid');
    }
    req.log?.error({ err: error }, 'unhandled error');
    return send(500, 'internal_error', 'something went wrong on our side');
  };
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new AppError('route_not_found', 404, `no route for ${req.method} ${req.path}`));
};
