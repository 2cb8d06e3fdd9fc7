import express from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSse } from '../../src/http/sse';
import { startChatHarness, type ChatHarness } from './harness';

describe('chat while the vector store is down', () => {
  let h: ChatHarness;

  beforeAll(async () => {
    // Nothing listens on port 9 (discard): every Chroma call fails to connect.
    h = await startChatHarness({ env: { CHROMA_URL: 'http://127.0.0.1:9' } });
  }, 60_000);

  afterAll(async () => {
    await h?.close();
  });

  it('answers without documents and says so in the route reasons', async () => {
    const user = await h.signup('degraded');
    // The reader's collection has an index (as after a first upload), so retrieval must ask Chroma.
    const [collectionId] = await h.ctx.collections.ownIds(user.userId);
    await h.ctx.collections.repo.setServingIndex(collectionId!, { embedder: h.ctx.embedder.id, dimensions: h.ctx.embedder.dimensions });
    const res = await request(h.app)
      .post('/api/chat')
      .set('Authorization', `Bearer ${user.token}`)
      .send({ message: 'What does our travel policy say about trains?' });
    expect(res.status).toBe(200);
    expect(res.body.answer).toContain('travel policy');
    expect(res.body.citations).toEqual([]);
    expect(res.body.route.reasons.join(' ')).toMatch(/document search is unavailable/);
  });
});

describe('server-sent events', () => {
  it('sends heartbeat comments while a stream is idle, and aborts when the client leaves', async () => {
    let signal: AbortSignal | undefined;
    const app = express();
    app.get('/events', (_req, res) => {
      const sse = openSse(res, { heartbeatMs: 20 });
      signal = sse.signal;
      sse.send('route', { ok: true });
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const controller = new AbortController();
      const response = await fetch(`http://127.0.0.1:${port}/events`, { signal: controller.signal });
      expect(response.headers.get('content-type')).toContain('text/event-stream');
      expect(response.headers.get('x-accel-buffering')).toBe('no');
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      let text = '';
      while ((text.match(/: heartbeat/g) ?? []).length < 2) {
        const { value, done } = await reader.read();
        if (done) break;
        text += decoder.decode(value, { stream: true });
      }
      expect(text.startsWith('event: route\ndata: {"ok":true}\n\n')).toBe(true);
      expect((text.match(/: heartbeat\n\n/g) ?? []).length).toBeGreaterThanOrEqual(2);
      controller.abort();
      await new Promise<void>((resolve) => {
        if (signal?.aborted) return resolve();
        signal?.addEventListener('abort', () => resolve(), { once: true });
      });
      expect(signal?.aborted).toBe(true);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
