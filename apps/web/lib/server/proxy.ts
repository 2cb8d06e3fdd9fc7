// Same-origin proxy to the API, read at run time (Next's rewrites are fixed at build time).
// Streams both ways: uploads go up as a stream, server-sent events come down unbuffered, and a
// closed browser request (the Stop button) aborts the upstream request.
//
// The browser's address goes to the API in X-Forwarded-For, set (never appended) to the one
// address the web server vouches for (server.ts puts it there from the socket, or from the
// proxies WEB_TRUST_PROXY names); the API believes it only from this hop (its own TRUST_PROXY), and
// throttles sign-ins per address with it. Other headers that claim an address are dropped.
import { env } from '../../env';

// Hop-by-hop headers, the ones fetch already handled (it decompresses bodies), and client
// address claims the API must not see from the browser.
const droppedRequestHeaders = ['host', 'connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'accept-encoding', 'content-length', 'forwarded', 'x-real-ip'];
const droppedResponseHeaders = ['connection', 'keep-alive', 'transfer-encoding', 'content-encoding', 'content-length', 'set-cookie'];

/**
 * The client address server.ts left in X-Forwarded-For (one address). Were it a list, this
 * server did not set it (e.g. `next dev`), and its last entry is the closest one to us.
 */
function clientAddressOf(request: Request): string | undefined {
  const forwarded = request.headers.get('x-forwarded-for');
  if (!forwarded) return undefined;
  const last = forwarded.split(',').at(-1)?.trim();
  return last || undefined;
}

export async function proxyToApi(request: Request): Promise<Response> {
  const incoming = new URL(request.url);
  const target = new URL(`${incoming.pathname}${incoming.search}`, env.API_URL);

  const headers = new Headers(request.headers);
  for (const name of droppedRequestHeaders) headers.delete(name);
  // One address, overwriting: anything else a browser sent in X-Forwarded-For is gone.
  const address = clientAddressOf(request);
  if (address) headers.set('x-forwarded-for', address);
  else headers.delete('x-forwarded-for');
  // The host the browser addressed (its Host header): the API compares Origin with it (CSRF check).
  headers.set('x-forwarded-host', request.headers.get('host') ?? incoming.host);
  headers.set('x-forwarded-proto', incoming.protocol.replace(':', ''));

  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  let upstream: Response;
  try {
    upstream = await fetch(target, {
      method: request.method,
      headers,
      body: hasBody ? request.body : undefined,
      redirect: 'manual',
      signal: request.signal,
      // Required by Node's fetch to send a streamed body.
      ...(hasBody ? { duplex: 'half' } : {}),
    } as RequestInit);
  } catch (error) {
    if (request.signal.aborted) return new Response(null, { status: 499 });
    const message = `The Switchyard API at ${target.origin} is not reachable (${(error as Error).message}).`;
    return Response.json({ error: { code: 'api_unreachable', message } }, { status: 502 });
  }

  const responseHeaders = new Headers(upstream.headers);
  for (const name of droppedResponseHeaders) responseHeaders.delete(name);
  for (const cookie of upstream.headers.getSetCookie()) responseHeaders.append('set-cookie', cookie);
  if (responseHeaders.get('content-type')?.startsWith('text/event-stream')) {
    responseHeaders.set('cache-control', 'no-cache, no-transform');
    responseHeaders.set('x-accel-buffering', 'no');
  }
  return new Response(upstream.body, { status: upstream.status, statusText: upstream.statusText, headers: responseHeaders });
}
