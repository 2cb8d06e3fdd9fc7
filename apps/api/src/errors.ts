// The one error class of the API. Thrown anywhere; the terminal error middleware turns it into
// `{error: {code, message, details?}}` with its status.
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

/** Field errors of a ZodError: where, and what is wrong, readable by a person. */
export function fieldErrors(error: ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(body)', message: issue.message }));
}
