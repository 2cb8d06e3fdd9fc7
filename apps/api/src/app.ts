// Builds the Express app from the services (composition.ts), handing each router only the
// services it uses. Imported by server.ts and by the tests, which build it against the real Redis
// and Chroma. Order: logging and metrics, security headers, CORS, the
// cross-origin (CSRF) check, unauthenticated probes and docs, the audit hooks, then per route
// group: authentication, the per-user rate limit, ids in the path checked, and only then the
// body parsed (an unauthenticated or over-limit request costs no parse), the stream caps, the
// routers, then 404 and the one error middleware.
import cors from 'cors';
import express, { type Express, type RequestHandler } from 'express';
import helmet from 'helmet';
import type { Services } from './composition';
import { authenticate } from './middleware/auth';
import { auditRoutes } from './middleware/audit-routes';
import { crossOriginProtection } from './middleware/cross-origin';
import { errorHandler, notFoundHandler } from './middleware/errors';
import { validatePathIds } from './middleware/ids';
import { httpLogger } from './middleware/logging';
import { metricsAccess } from './middleware/metrics-access';
import { addressRateLimit, userRateLimit } from './middleware/rate-limit';
import { streamCap } from './middleware/streams';
import { createDocsRouter } from './openapi';
import { createAuditRouter } from './routes/audit';
import { createAuthRouter } from './routes/auth';
import { createChatRouter } from './routes/chat';
import { createCollectionsRouter } from './routes/collections';
import { createConversationsRouter } from './routes/conversations';
import { createDocumentsRouter } from './routes/documents';
import { createKeysRouter } from './routes/keys';
import { createProbesRouter } from './routes/probes';
import { createProvidersRouter } from './routes/providers';
import { createPolicyRouter } from './routes/policy';
import { createAutodecideRouter, createModelsRouter } from './routes/models';
import { createSearchRouter } from './routes/search';
import { createStatsRouter } from './routes/stats';
import { createUsersRouter } from './routes/users';
import { createV1Router } from './routes/v1';
import { httpRequestDuration } from './services/metrics';
import { wantsEventStream } from './http/sse';

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

export function createApp(services: Services): Express {
  const { env, redis, auth } = services;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', env.TRUST_PROXY);
  app.set('query parser', 'simple');

  app.use(httpLogger(services.logger));
  app.use((_req, res, next) => {
    // While draining, ask keep-alive clients to reconnect (to another replica).
    if (services.shutdown.signal.aborted) res.setHeader('Connection', 'close');
    next();
  });
  app.use(requestMetrics());
  app.use(helmet());
  if (env.CORS_ORIGINS.length > 0) app.use(cors({ origin: env.CORS_ORIGINS, credentials: true, exposedHeaders: ['X-Request-Id', 'Retry-After'] }));
  // Before anything reads a body: a forged cross-site request is refused at once.
  app.use(crossOriginProtection([...env.TRUSTED_ORIGINS, ...env.CORS_ORIGINS]));

  app.get('/metrics', metricsAccess(env.METRICS_TOKEN));
  app.use(createProbesRouter(services));
  app.use(createDocsRouter());

  const requireAuth = authenticate(auth);
  const limitPerUser = userRateLimit(redis, env.REDIS_PREFIX, env.RATE_LIMIT_PER_MINUTE);
  // Sign-up and login have no user yet: limit them per client address (TRUST_PROXY decides which;
  // behind the web app that is the address its proxy forwards). Each account is throttled too.
  const limitPerAddress = addressRateLimit(redis, env.REDIS_PREFIX, env.RATE_LIMIT_PER_MINUTE);
  const parseJson = express.json({ limit: env.JSON_BODY_LIMIT });
  const streamsPerUser = (isStream: (req: express.Request) => boolean, more: { maxLifetimeMs?: number; admitWhileRouting?: boolean } = {}) =>
    streamCap({
      redis,
      prefix: env.REDIS_PREFIX,
      maxPerUser: env.MAX_STREAMS_PER_USER,
      leaseMs: env.DOCUMENT_EVENTS_MAX_MS + 60_000,
      isStream,
      ...more,
    });
  const asksForStream = (req: express.Request) => (req.body as { stream?: unknown } | undefined)?.stream === true || wantsEventStream(req.headers.accept);

  // Credentials are a few hundred bytes: a small body limit for the unauthenticated routes.
  app.use('/api/auth', createAuthRouter(env, auth, { authenticate: requireAuth, ipRateLimit: limitPerAddress, parseBody: express.json({ limit: '16kb' }) }));

  // Records documents, collections, providers, policy and user changes once they succeeded.
  app.use(auditRoutes(services.audit));

  const protectedRoutes = [requireAuth, limitPerUser];
  app.use('/api/users', ...protectedRoutes, validatePathIds('user'), parseJson, createUsersRouter(auth, services.users));
  app.use('/api/keys', ...protectedRoutes, validatePathIds('api_key'), parseJson, createKeysRouter(auth));
  app.use('/api/audit', ...protectedRoutes, createAuditRouter(services.audit));
  // Multipart uploads are read by the documents router itself, after these checks.
  app.use(
    '/api/documents',
    ...protectedRoutes,
    validatePathIds('document'),
    parseJson,
    streamsPerUser((req) => req.method === 'GET' && /^\/[^/]+\/events\/?$/.test(req.path), { maxLifetimeMs: env.DOCUMENT_EVENTS_MAX_MS }),
    createDocumentsRouter(services),
  );
  app.use('/api/collections', ...protectedRoutes, validatePathIds('collection', [0, 2]), parseJson, createCollectionsRouter(services.collections));
  app.use('/api/search', ...protectedRoutes, parseJson, createSearchRouter(services));
  app.use('/api/providers', ...protectedRoutes, parseJson, createProvidersRouter(services.routing.providers, services.routing.models));
  app.use('/api/models', ...protectedRoutes, createModelsRouter(services.routing.models));
  app.use('/api/autodecide', ...protectedRoutes, createAutodecideRouter(services.routing.models));
  app.use('/api/policy', ...protectedRoutes, parseJson, createPolicyRouter(services.routing.policies));
  // Chat (API-B): its router holds full paths (/api/chat, /api/route).
  app.use(['/api/chat', '/api/route'], ...protectedRoutes, parseJson, streamsPerUser(asksForStream));
  app.use(createChatRouter(services));
  // /v1 awaits the stream admission before it calls a model (routes/v1/streaming.ts), not before it routes.
  app.use('/v1', ...protectedRoutes, parseJson, streamsPerUser(asksForStream, { admitWhileRouting: true }), createV1Router(services.v1));
  app.use('/api/conversations', ...protectedRoutes, validatePathIds('conversation'), parseJson, createConversationsRouter(services.conversations));
  app.use('/api/stats', ...protectedRoutes, createStatsRouter(services.stats));

  app.use(notFoundHandler);
  app.use(errorHandler());
  return app;
}
