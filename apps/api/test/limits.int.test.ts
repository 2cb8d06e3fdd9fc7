// Timeouts and caps: a request is authenticated before its body is read; a slow client is cut off
// at HTTP_REQUEST_TIMEOUT_MS instead of Node's 300 s; one user holds at most MAX_STREAMS_PER_USER
// event streams; a document event stream ends after DOCUMENT_EVENTS_MAX_MS.
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer } from '../src/http-server';
import { bearer, buildTestApp, errorCode, signup, type SignedUp, type TestApp } from './helpers';

let t: TestApp;
let user: SignedUp;

beforeAll(async () => {
  t = await buildTestApp({
    ALLOW_SIGNUP: 'true',
    RATE_LIMIT_PER_MINUTE: '100000',
    MAX_STREAMS_PER_USER: '2',
    DOCUMENT_EVENTS_MAX_MS: '1500',
    HTTP_HEADERS_TIMEOUT_MS: '1000',
    HTTP_REQUEST_TIMEOUT_MS: '2000',
  });
  user = await signup(t.app);
});
afterAll(() => t.close());

describe('authentication before the body', () => {
  it.each([
    ['/api/documents', 'POST'],
    ['/api/chat', 'POST'],
    ['/v1/chat/completions', 'POST'],
    ['/api/search', 'POST'],
  ])('answers an unauthenticated 2 MB body on %s with 401, not 413', async (path) => {
    const response = await request(t.app).post(path).set('Content-Type', 'application/json').send(JSON.stringify({ message: 'x'.repeat(2 * 1024 * 1024) }));
    expect(response.status).toBe(401);
    expect(errorCode(response)).toBe('unauthorized');
  });

  it('keeps the unauthenticated sign-in body small: 20 kB of credentials is 413', async () => {
    const response = await request(t.app).post('/api/auth/login').send({ email: 'a@example.com', password: 'x'.repeat(20_000) });
    expect(response.status).toBe(413);
    expect(errorCode(response)).toBe('payload_too_large');
  });
});

describe('slow clients', () => {
  let port: number;
  const server = () => createHttpServer(t.app, t.env);
  let running: ReturnType<typeof server>;
  beforeAll(async () => {
    running = server();
    running.listen(0, '127.0.0.1');
    await once(running, 'listening');
    port = (running.address() as AddressInfo).port;
  });
  afterAll(() => {
    running.closeAllConnections();
    running.close();
  });

  /** Opens a connection, writes `head`, never finishes; resolves with what the server said when it hung up. */
  async function hangingRequest(head: string): Promise<string> {
    const socket = net.connect(port, '127.0.0.1');
    await once(socket, 'connect');
    socket.write(head);
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    await once(socket, 'close');
    return answer;
  }

  it('answers 408 and hangs up on a body that never finishes arriving (HTTP_REQUEST_TIMEOUT_MS)', async () => {
    const answer = await hangingRequest(
      `POST /api/documents HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${user.token}\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"title":"slow`,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });

  it('hangs up on request headers that never finish arriving (HTTP_HEADERS_TIMEOUT_MS)', async () => {
    const answer = await hangingRequest('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });
});

describe('event streams', () => {
  async function queuedDocument(owner: SignedUp): Promise<string> {
    // No worker runs in these tests: the document stays queued and its event stream stays open.
    const response = await request(t.app).post('/api/documents').set(bearer(owner.token)).send({ title: 'Waiting', text: 'Nothing will index this.' });
    expect(response.status).toBe(202);
    return response.body.documents[0].id as string;
  }

  /** Opens GET /api/documents/:id/events and resolves once the first event arrived. */
  async function openEvents(owner: SignedUp, id: string): Promise<{ closed: Promise<void>; abort: () => void }> {
    const controller = new AbortController();
    const address = t.app.listen(0, '127.0.0.1');
    await once(address, 'listening');
    const { port } = address.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/api/documents/${id}/events`, { headers: bearer(owner.token), signal: controller.signal });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    await reader.read();
    const closed = (async () => {
      try {
        while (!(await reader.read()).done);
      } catch {
        // aborted by us
      } finally {
        address.closeAllConnections();
        address.close();
      }
    })();
    return { closed, abort: () => controller.abort() };
  }

  it('refuses a third stream for one user (429 too_many_streams) and admits one again once a stream closed', async () => {
    const id = await queuedDocument(user);
    const first = await openEvents(user, id);
    const second = await openEvents(user, id);
    const third = await request(t.app).get(`/api/documents/${id}/events`).set(bearer(user.token));
    expect(third.status).toBe(429);
    expect(errorCode(third)).toBe('too_many_streams');
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);

    // Another user is not affected by this user's streams.
    const other = await signup(t.app);
    const theirs = await openEvents(other, await queuedDocument(other));

    first.abort();
    await first.closed;
    const again = await openEvents(user, id);
    for (const stream of [second, again, theirs]) {
      stream.abort();
      await stream.closed;
    }
  });

  it('ends a document event stream after DOCUMENT_EVENTS_MAX_MS even while the document is still queued', async () => {
    const id = await queuedDocument(user);
    const stream = await openEvents(user, id);
    await stream.closed; // resolves only when the server ends the stream (the test's timeout is the deadline)
  });
});
