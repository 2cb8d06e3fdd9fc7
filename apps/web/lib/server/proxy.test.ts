// The proxy hands the API one client address in X-Forwarded-For, overwriting anything else the
// request carried, and drops the other headers that claim an address.
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let upstream: Server;
let seen: IncomingHttpHeaders[] = [];
let proxyToApi: (request: Request) => Promise<Response>;

beforeAll(async () => {
  upstream = createServer((req, res) => {
    seen.push(req.headers);
    res.setHeader('Content-Type', 'application/json');
    res.end('{"ok":true}');
  });
  upstream.listen(0, '127.0.0.1');
  await once(upstream, 'listening');
  process.env.API_URL = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
  ({ proxyToApi } = await import('./proxy'));
});
afterAll(() => upstream.close());

const forward = async (headers: Record<string, string>) => {
  seen = [];
  const response = await proxyToApi(new Request('http://localhost:3000/api/auth/login', { method: 'POST', headers, body: '{}' }));
  expect(response.status).toBe(200);
  return seen[0]!;
};

describe('the client address the API receives', () => {
  it('is exactly the one address the web server put in X-Forwarded-For', async () => {
    const headers = await forward({ 'x-forwarded-for': '198.51.100.23', forwarded: 'for=1.2.3.4', 'x-real-ip': '5.6.7.8' });
    expect(headers['x-forwarded-for']).toBe('198.51.100.23');
    expect(headers.forwarded).toBeUndefined();
    expect(headers['x-real-ip']).toBeUndefined();
    expect(headers['x-forwarded-host']).toBe('localhost:3000');
  });

  it('is never a list a browser could have prefixed with addresses of its choosing', async () => {
    const headers = await forward({ 'x-forwarded-for': '1.2.3.4, 4.3.2.1, 198.51.100.23' });
    expect(headers['x-forwarded-for']).toBe('198.51.100.23');
  });

  it('is absent when there is none, rather than something invented', async () => {
    const headers = await forward({});
    expect(headers['x-forwarded-for']).toBeUndefined();
  });
});
