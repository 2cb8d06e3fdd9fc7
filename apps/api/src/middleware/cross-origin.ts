// CSRF defence: a state-changing request that relies on the session cookie (no Authorization
// header) must come from the app's own pages. Browsers say where a request comes from in
// Sec-Fetch-Site (all current ones) and Origin; a page on another site cannot forge either.
// Modelled on Go's net/http CrossOriginProtection:
//   - GET, HEAD and OPTIONS change nothing and pass;
//   - a request with an Authorization header carries its own credential (API keys, the typed
//     client, SDKs): a browser never adds one on its own, so it passes;
//   - Sec-Fetch-Site `same-origin` or `none` (typed by the user) passes; any other value fails,
//     unless its Origin is a trusted one;
//   - without Sec-Fetch-Site, an Origin must match the host the request was sent to (through the
//     web app's proxy: its X-Forwarded-Host, trusted only from TRUST_PROXY hops) or be trusted;
//   - with neither header it is not a browser request (curl, a server), and passes.
// A refusal is 403 `cross_origin_request` in the one error shape.
import type { RequestHandler } from 'express';
import { AppError } from '../errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function originOf(value: string): string | undefined {
  try {
    const url = new URL(value);
    return url.origin === 'null' ? undefined : url.origin;
  } catch {
    return undefined;
  }
}

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return undefined;
  }
}

export function crossOriginProtection(trustedOrigins: readonly string[]): RequestHandler {
  const trusted = new Set(trustedOrigins.map(originOf).filter((origin): origin is string => origin !== undefined));
  const refuse = () =>
    new AppError(
      'cross_origin_request',
      403,
      "this request came from another site: changes made with the session cookie must come from this app's own pages (API clients send Authorization: Bearer)",
    );

  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method) || req.headers.authorization !== undefined) return next();
    const origin = typeof req.headers.origin === 'string' ? req.headers.origin : undefined;
    const normalizedOrigin = origin === undefined ? undefined : originOf(origin);
    if (normalizedOrigin !== undefined && trusted.has(normalizedOrigin)) return next();

    const site = req.headers['sec-fetch-site'];
    if (site !== undefined) {
      if (site === 'same-origin' || site === 'none') return next();
      throw refuse();
    }
    if (origin === undefined) return next();
    // req.host: the Host header, or X-Forwarded-Host when the peer is a trusted proxy (TRUST_PROXY).
    if (normalizedOrigin !== undefined && hostOf(normalizedOrigin) === req.host.toLowerCase()) return next();
    throw refuse();
  };
}
