import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddress, setClientAddress, trustFunction } from './client-address';

/** A request as Node hands it to the server: the socket's peer and the headers the peer sent. */
function incoming(peer: string, headers: Record<string, string> = {}): IncomingMessage {
  const socket = { remoteAddress: peer };
  return { socket, connection: socket, headers: { ...headers } } as unknown as IncomingMessage;
}

describe('the client address the web server vouches for', () => {
  it('is the socket peer when no proxy is trusted, whatever X-Forwarded-For the browser sent', () => {
    const req = incoming('198.51.100.23', { 'x-forwarded-for': '10.9.8.7, 1.2.3.4', forwarded: 'for=5.6.7.8', 'x-real-ip': '9.9.9.9' });
    setClientAddress(req, trustFunction(false));
    expect(req.headers['x-forwarded-for']).toBe('198.51.100.23');
    expect(req.headers.forwarded).toBeUndefined();
    expect(req.headers['x-real-ip']).toBeUndefined();
  });

  it('is the entry the trusted proxy added, never one the browser wrote before it', () => {
    const trust = trustFunction(['loopback', '10.0.0.0/8']);
    // Browser (forging 1.2.3.4) -> load balancer 10.0.0.5 (appends the browser's 203.0.113.9) -> us.
    const req = incoming('10.0.0.5', { 'x-forwarded-for': '1.2.3.4, 203.0.113.9' });
    expect(clientAddress(req, trust)).toBe('203.0.113.9');
    // A browser connecting directly is not a trusted proxy: its header is ignored.
    expect(clientAddress(incoming('203.0.113.50', { 'x-forwarded-for': '1.2.3.4' }), trust)).toBe('203.0.113.50');
  });

  it('counts hops when WEB_TRUST_PROXY is a number', () => {
    const req = incoming('10.0.0.5', { 'x-forwarded-for': '1.2.3.4, 203.0.113.9, 10.0.0.4' });
    expect(clientAddress(req, trustFunction(2))).toBe('203.0.113.9');
  });
});
