// The Node HTTP server around the app, with its timeouts from the environment: the request head
// must arrive within HTTP_HEADERS_TIMEOUT_MS and the whole request (body included) within
// HTTP_REQUEST_TIMEOUT_MS, or Node answers 408 and closes the connection; idle keep-alive
// connections close after HTTP_KEEP_ALIVE_TIMEOUT_MS. Responses are not bounded by these: a chat
// or event stream may run longer than a request takes to arrive. Node checks the deadlines on
// an interval (30 s by default); it is tightened so a slow client is cut off close to its deadline.
import { createServer, type RequestListener, type Server } from 'node:http';
import type { Env } from './env';

export function createHttpServer(
  app: RequestListener,
  env: Pick<Env, 'HTTP_HEADERS_TIMEOUT_MS' | 'HTTP_REQUEST_TIMEOUT_MS' | 'HTTP_KEEP_ALIVE_TIMEOUT_MS'>,
): Server {
  return createServer(
    {
      headersTimeout: env.HTTP_HEADERS_TIMEOUT_MS,
      requestTimeout: env.HTTP_REQUEST_TIMEOUT_MS,
      keepAliveTimeout: env.HTTP_KEEP_ALIVE_TIMEOUT_MS,
      connectionsCheckingInterval: Math.min(1000, env.HTTP_HEADERS_TIMEOUT_MS),
    },
    app,
  );
}
