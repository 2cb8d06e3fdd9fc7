// Builds the Express app from a context. Imported by server.ts and by the tests, which build it
// against the real Redis and Chroma. Order: logging and metrics, security headers, CORS, body
// parsing, unauthenticated probes and docs, then authentication and the per-user rate limit in
// front of every /api and /v1 route, then 404 and the one error middleware.
import cors from 'cors';
import express, { type Express, type RequestHandler } from 'express';
import helmet from 'helmet';
import type { AppContext } from './context';
import { authenticate } from './middleware/auth';
import { errorHandler, notFoundHandler } from './middleware/errors';
import { httpLogger } from './middleware/logging';
import { addressRateLimit, userRateLimit } from './middleware/rate-limit';
import { createDocsRouter } from './openapi';
import { createAuthRouter } from './routes/auth';
import { createChatRouter } from './routes/chat';
import { createConversationsRouter } from './routes/conversations';
import { createDocumentsRouter } from './routes/documents';
import { createKeysRouter } from './routes/keys';
import { createProbesRouter } from './routes/probes';
import { createProvidersRouter } from './routes/providers';
import { createAutodecideRouter, createModelsRouter } from './routes/models';
import { createSearchRouter } from './routes/search';
import { createStatsRouter } from './routes/stats';
import { createUsersRouter } from './routes/users';
import { createV1Router } from './routes/v1';
import { AuthService } from './services/auth';
import { PrincipalCache } from './services/principal-cache';
import { httpRequestDuration } from './services/metrics';

function requestMetrics(): RequestHandler {
  const histogram = httpRequestDuration();
  return (req, res, next) => {
    const end = histogram.startTimer();
    res.once('finish', () => {
      // The matched route pattern, never the raw URL (ids would explode the label set).
      const route = req.route?.path ? `${req.baseUrl}${String(req.route.path)}` : 'unmatched';
      end({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  };
}

export function createApp(ctx: AppContext): Express {
  const { env } = ctx;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', env.TRUST_PROXY);
  app.set('query parser', 'simple');

  app.use(httpLogger(ctx.logger));
  app.use((_req, res, next) => {
    // While draining, ask keep-alive clients to reconnect (to another replica).
    if (ctx.shutdown.signal.aborted) res.setHeader('Connection', 'close');
    next();
  });
  app.use(requestMetrics());
  app.use(helmet());
  if (env.CORS_ORIGINS.length > 0) app.use(cors({ origin: env.CORS_ORIGINS, credentials: true, exposedHeaders: ['X-Request-Id', 'Retry-After'] }));
  app.use(express.json({ limit: env.JSON_BODY_LIMIT }));

  app.use(createProbesRouter(ctx));
  app.use(createDocsRouter());

  const principals = new PrincipalCache(ctx.redis, `${env.REDIS_PREFIX}auth:invalidated`, {
    ttlMs: env.AUTH_CACHE_TTL_SECONDS * 1000,
    onError: (error) => ctx.logger.warn({ err: error }, 'token cache: could not subscribe to or publish an invalidation'),
  });
  principals.start();
  ctx.closers.unshift(() => principals.close());
  const auth = new AuthService(ctx.redis, env.REDIS_PREFIX, {
    sessionTtlSeconds: Math.round(env.SESSION_TTL_HOURS * 3600),
    allowSignup: env.ALLOW_SIGNUP,
    principals,
    ...(env.ADMIN_API_KEY ? { adminApiKey: env.ADMIN_API_KEY } : {}),
  });
  const requireAuth = authenticate(auth);
  const limitPerUser = userRateLimit(ctx.redis, env.REDIS_PREFIX, env.RATE_LIMIT_PER_MINUTE);
  // Sign-up and login have no user yet: limit them per client address (TRUST_PROXY decides which).
  const limitPerAddress = addressRateLimit(ctx.redis, env.REDIS_PREFIX, env.RATE_LIMIT_PER_MINUTE);

  app.use('/api/auth', createAuthRouter(ctx, auth, { authenticate: requireAuth, ipRateLimit: limitPerAddress }));

  const protectedRoutes = [requireAuth, limitPerUser];
  app.use('/api/users', ...protectedRoutes, createUsersRouter(auth));
  app.use('/api/keys', ...protectedRoutes, createKeysRouter(auth));
  app.use('/api/documents', ...protectedRoutes, createDocumentsRouter(ctx));
  app.use('/api/search', ...protectedRoutes, createSearchRouter(ctx));
  app.use('/api/providers', ...protectedRoutes, createProvidersRouter(ctx.routing.providers, ctx.routing.models));
  app.use('/api/models', ...protectedRoutes, createModelsRouter(ctx.routing.models));
  app.use('/api/autodecide', ...protectedRoutes, createAutodecideRouter(ctx.routing.models));
  // Chat (API-B): its router holds full paths (/api/chat, /api/route).
  app.use(['/api/chat', '/api/route'], ...protectedRoutes);
  app.use(createChatRouter(ctx));
  app.use('/v1', ...protectedRoutes, createV1Router(ctx));
  app.use('/api/conversations', ...protectedRoutes, createConversationsRouter(ctx));
  app.use('/api/stats', ...protectedRoutes, createStatsRouter(ctx));

  app.use(notFoundHandler);
  app.use(errorHandler());
  return app;
}
