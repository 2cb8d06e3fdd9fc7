// Bearer authentication: an API key, a session token, or the bootstrap ADMIN_API_KEY, taken from
// `Authorization: Bearer`, `x-api-key` (Anthropic's SDKs) or the HttpOnly `sy_session` cookie the web app uses. Routers read the
// caller with `currentUser(req)`.
import type { User } from '@switchyard/client';
import type { CookieOptions, Request, RequestHandler, Response } from 'express';
import type { Env } from '../env';
import { AppError } from '../errors';
import type { AuthService, Principal } from '../services/auth';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** Set by `authenticate`. */
      principal?: Principal;
    }
  }
}

export const SESSION_COOKIE = 'sy_session';

/** The authenticated caller; throws 401 on a route that forgot the auth middleware. */
export function currentUser(req: Request): User {
  if (!req.principal) throw new AppError('unauthorized', 401, 'authentication required');
  return req.principal.user;
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index > 0 && part.slice(0, index).trim() === name) {
      const value = part.slice(index + 1).trim();
      try {
        return decodeURIComponent(value);
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

export function bearerToken(req: Request): string | undefined {
  const header = req.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    return match?.[1];
  }
  // Anthropic's SDKs send the key as `x-api-key` (POST /v1/messages works with them unchanged).
  const apiKey = req.headers['x-api-key'];
  if (typeof apiKey === 'string' && apiKey.length > 0) return apiKey.trim();
  return cookieValue(req.headers.cookie, SESSION_COOKIE);
}

export function authenticate(auth: AuthService): RequestHandler {
  return async (req, _res, next) => {
    const token = bearerToken(req);
    if (!token) throw new AppError('unauthorized', 401, 'authentication required: send Authorization: Bearer <token>');
    const principal = await auth.authenticate(token);
    if (!principal) throw new AppError('invalid_token', 401, 'the token is invalid or expired');
    req.principal = principal;
    // The request logger (logging.ts) reads the caller from req.principal for its lines.
    next();
  };
}

/** Where the request came from (`req.ip` as TRUST_PROXY resolves it), for throttles and the audit trail. */
export function originOf(req: Request): { ip: string | undefined } {
  return { ip: req.ip };
}

export const requireAdmin: RequestHandler = (req, _res, next) => {
  if (currentUser(req).role !== 'admin') throw new AppError('forbidden', 403, 'this needs an administrator');
  next();
};

export function sessionCookieOptions(env: Pick<Env, 'COOKIE_SECURE' | 'NODE_ENV' | 'SESSION_TTL_HOURS'>): CookieOptions {
  return {
    httpOnly: true,
    sameSite: 'lax',
    secure: env.COOKIE_SECURE ?? env.NODE_ENV === 'production',
    path: '/',
    maxAge: env.SESSION_TTL_HOURS * 3600 * 1000,
  };
}

export function setSessionCookie(res: Response, env: Parameters<typeof sessionCookieOptions>[0], token: string): void {
  res.cookie(SESSION_COOKIE, token, sessionCookieOptions(env));
}

export function clearSessionCookie(res: Response, env: Parameters<typeof sessionCookieOptions>[0]): void {
  const { maxAge: _maxAge, ...options } = sessionCookieOptions(env);
  res.clearCookie(SESSION_COOKIE, options);
}
