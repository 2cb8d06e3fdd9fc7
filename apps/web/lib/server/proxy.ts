// Same-origin proxy to the API, read at run time (Next's rewrites are fixed at build time).
// Streams both ways: uploads go up as a stream, server-sent events come down unbuffered, and a
// closed browser request (the Stop button) aborts the upstream request.
import { env } from '../../env';

// Hop-by-hop headers and the ones fetch already handled (it decompresses bodies).
const droppedRequestHeaders = ['host', 'connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'accept-encoding', 'content-length'];
const droppedResponseHeaders = ['connection', 'keep-alive', 'transfer-encoding', 'content-encoding', 'content-length', 'set-cookie'];

export async function proxyToApi(request: Request): Promise<Response> {
  const incoming = new URL(request.url);
  const target = new URL(`${incoming.pathname}${incoming.search}`, env.API_URL);

  const headers = new Headers(request.headers);
  for (const name of droppedRequestHeaders) headers.delete(name);
  headers.set('x-forwarded-host', incoming.host);
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
