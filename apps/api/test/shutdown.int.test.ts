import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { installShutdown } from '../src/http/shutdown';
import { bearer, buildTestApp, signup } from './helpers';

describe('graceful shutdown', () => {
  it('ends event streams promptly, refuses new connections, runs the closers and exits 0', async () => {
    const t = await buildTestApp({ ALLOW_SIGNUP: 'true', SHUTDOWN_GRACE_MS: '3000' });
    const user = await signup(t.app);
    const doc = (await request(t.app).post('/api/documents').set(bearer(user.token)).send({ title: 'Watched', text: 'x' })).body.documents[0];
    await t.ctx.ingestQueue.obliterate({ force: true });
    const server = http.createServer(t.app).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    const stream = await fetch(`${url}/api/documents/${doc.id}/events`, { headers: bearer(user.token) });
    const reader = stream.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toContain('event: status');

    const exits: number[] = [];
    const started = Date.now();
    const done = installShutdown(server, t.ctx, { exit: (code) => exits.push(code), signals: false })('SIGTERM');
    // The open stream ends promptly instead of holding the shutdown for the whole grace period.
    for (;;) {
      const { done: ended } = await reader.read();
      if (ended) break;
    }
    await done;
    expect(Date.now() - started).toBeLessThan(2500);
    expect(exits).toEqual([0]);
    expect(server.listening).toBe(false);
    // The closers ran: the context's Redis connection is gone.
    await expect(t.ctx.redis.ping()).rejects.toThrow();
    await expect(fetch(`${url}/health`)).rejects.toThrow();
  });
});
