// GET /metrics shows traffic by route, sign-in failures and event-loop stalls, so it is not
// public: it needs `Authorization: Bearer <METRICS_TOKEN>`, and without METRICS_TOKEN it does not
// exist (404, like any unknown route). Mounted before the probes router.
import type { RequestHandler } from 'express';
import { AppError } from '../errors';
import { secretEquals } from '../services/auth';

export function metricsAccess(token: string | undefined): RequestHandler {
  return (req, res, next) => {
    if (!token) throw new AppError('route_not_found', 404, `no route for ${req.method} ${req.path}`);
    const match = /^Bearer ([^\s]+)$/i.exec(req.headers.authorization ?? '');
    if (!match?.[1] || !secretEquals(match[1], token)) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
      throw new AppError('unauthorized', 401, 'GET /metrics needs Authorization: Bearer <METRICS_TOKEN>');
    }
    next();
  };
}
