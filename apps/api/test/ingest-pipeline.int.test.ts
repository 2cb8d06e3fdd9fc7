// The whole path a person takes, with a real worker process next to the API: upload a file ->
// watch its progress events until ready -> find it by search -> chat over it with a citation ->
// the repeat is served from the cache -> another upload, once ready, makes the cached answer stale.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { chatResponseSchema, documentEventSchema, parseServerSentEvents, searchResponseSchema, type ChatResponse, type DocumentEvent } from '@switchyard/client';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, buildTestApp, signup, waitFor, type SignedUp, type TestApp } from './helpers';
import { startWorkerProcess, type WorkerProcess } from './worker-process';

const HANDBOOK = `# Customer handbook

## Returns and refunds

Customers may return any product within 45 days of delivery for a full refund. The refund goes
back to the original payment method within five business days after the returned item arrives
at our warehouse. Items must be unused and in their original packaging; opened software and
gift cards cannot be returned.

## Shipping

Orders placed before two in the afternoon leave the warehouse the same day. Standard shipping
takes three to five business days inside the country and is free above fifty euros. Express
shipping arrives the next business day for a flat fee of twelve euros. We ship to every country
of the European Union, to Norway and to Switzerland, but not yet to the United Kingdom.

## Warranty

Every device carries a two year warranty against manufacturing defects. The warranty does not
cover water damage, dropped devices or batteries that lost capacity through normal use. To make
a claim, send the serial number and a short description of the fault to the support team, who
will answer with a prepaid shipping label.

## Support hours

The support team answers the phone from eight in the morning to six in the evening on weekdays,
and the chat from nine to five on Saturdays. Outside these hours, write an email and expect an
answer on the next working day. Urgent security issues reach the on-call engineer at any time.
`;

const LIGHTHOUSE = `Keeper's log of the north lighthouse. The lamp was cleaned and the brass polished on Monday.
A storm broke two panes of the lantern room on Wednesday; the glazier replaced them on Friday.
Seals were counted on the rocks below the tower: thirty one adults and four pups.`;

const REFUND_QUESTION = 'How many days do customers have to return a product for a refund?';

/** The status events of one document, as a client of GET /api/documents/:id/events reads them. */
async function* statusEvents(baseUrl: string, token: string, documentId: string, signal: AbortSignal): AsyncGenerator<DocumentEvent> {
  const response = await fetch(`${baseUrl}/api/documents/${documentId}/events`, { headers: bearer(token), signal });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  // The typed client's own SSE reader, as a TypeScript user of the API would read them.
  for await (const event of parseServerSentEvents(response, signal)) {
    if (event.event === 'status') yield documentEventSchema.parse(JSON.parse(event.data));
  }
}

async function collect(events: AsyncGenerator<DocumentEvent>, into: DocumentEvent[] = []): Promise<DocumentEvent[]> {
  for await (const event of events) into.push(event);
  return into;
}

describe('upload -> worker -> search -> chat, with a real worker process', () => {
  let t: TestApp;
  let worker: WorkerProcess | undefined;
  let server: http.Server;
  let baseUrl: string;
  let alice: SignedUp;
  let bob: SignedUp;

  beforeAll(async () => {
    // RETRIEVAL_K=1: the refund question keeps retrieving the same one chunk after the second,
    // unrelated upload, so only the owner's corpus version can make the cached answer stale.
    t = await buildTestApp({ ALLOW_SIGNUP: 'true', RETRIEVAL_K: '1', RATE_LIMIT_PER_MINUTE: '100000' });
    await signup(t.app); // the admin (who sees everyone's stats); Alice and Bob are plain users
    alice = await signup(t.app);
    bob = await signup(t.app);
    server = http.createServer(t.app).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    // Small embedding batches: several progress reports per document.
    const started = startWorkerProcess(t.env, { EMBED_BATCH_SIZE: '1' });
    worker = started;
    await waitFor(
      'the worker process to come up (GET /ready answering 200)',
      async () => {
        if (started.child.exitCode !== null) throw new Error(`the worker exited early:\n${started.output()}`);
        return (await request(t.app).get('/ready')).status === 200;
      },
      90_000,
      250,
    );
  }, 120_000);

  afterAll(async () => {
    await worker?.stop();
    expect(worker?.child.exitCode ?? worker?.child.signalCode, 'the worker process has exited').not.toBeNull();
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    await t?.ctx.ingestQueue.obliterate({ force: true });
    await t?.close();
  });

  const chat = (user: SignedUp, body: Record<string, unknown>) => request(t.app).post('/api/chat').set(bearer(user.token)).send(body);
  const upload = (user: SignedUp, text: string, filename: string) =>
    request(t.app).post('/api/documents').set(bearer(user.token)).attach('files', Buffer.from(text), filename);

  it('indexes an upload with visible progress, finds it, cites it, caches the answer and drops the cache when the corpus changes', async () => {
    // Hold the queue while the browser opens the event stream, so the stream shows the whole way
    // from queued to ready (the worker takes the job the moment the queue resumes).
    await t.ctx.ingestQueue.pause();
    const uploaded = await upload(alice, HANDBOOK, 'handbook.md');
    expect(uploaded.status).toBe(202);
    const handbook = uploaded.body.documents[0] as { id: string; status: string };
    expect(handbook.status).toBe('queued');

    const events: DocumentEvent[] = [];
    const stream = statusEvents(baseUrl, alice.token, handbook.id, AbortSignal.timeout(60_000));
    const first = await stream.next();
    expect(first.value).toMatchObject({ id: handbook.id, status: 'queued', progress: 0 });
    await t.ctx.ingestQueue.resume();
    await collect(stream, events);

    expect(events.at(-1)).toMatchObject({ id: handbook.id, status: 'ready', progress: 100 });
    const chunks = events.at(-1)!.chunks;
    expect(chunks).toBeGreaterThan(1);
    const inBetween = events.filter((e) => e.status === 'processing').map((e) => e.progress);
    expect(inBetween.length).toBeGreaterThan(1);
    expect(inBetween.every((p) => p > 0 && p < 100)).toBe(true);
    const progress = events.map((e) => e.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b)); // never goes backwards
    expect((await request(t.app).get(`/api/documents/${handbook.id}`).set(bearer(alice.token))).body.document).toMatchObject({ status: 'ready', progress: 100, chunks });

    const search = await request(t.app).post('/api/search').set(bearer(alice.token)).send({ query: 'refund window for returned products', limit: 3 });
    expect(search.status).toBe(200);
    const { hits } = searchResponseSchema.parse(search.body);
    expect(hits[0]).toMatchObject({ documentId: handbook.id, title: 'handbook' });
    expect(hits[0]?.text).toContain('within 45 days of delivery');

    const question = { message: REFUND_QUESTION, useDocuments: true };
    const answered = await chat(alice, question);
    expect(answered.status).toBe(200);
    const fresh = chatResponseSchema.parse(answered.body);
    expect(fresh.cached).toBe(false);
    expect(fresh.citations.map((c) => c.documentId)).toEqual([handbook.id]);
    expect(fresh.citations[0]?.title).toBe('handbook');
    expect(fresh.answer).toContain('45 days');
    expect(fresh.route.reasons.join(' ')).toMatch(/passages from your documents/);

    const again = chatResponseSchema.parse((await chat(alice, question)).body);
    expect(again.cached).toBe(true);
    expect(again.answer).toBe(fresh.answer);
    expect(again.citations).toEqual(fresh.citations);

    // Another document, about something else, becomes ready: the owner's corpus changed.
    const second = await upload(alice, LIGHTHOUSE, 'lighthouse.txt');
    expect(second.status).toBe(202);
    const lighthouse = second.body.documents[0] as { id: string };
    const secondEvents = await collect(statusEvents(baseUrl, alice.token, lighthouse.id, AbortSignal.timeout(60_000)));
    expect(secondEvents.at(-1)).toMatchObject({ id: lighthouse.id, status: 'ready', progress: 100 });

    const stale = chatResponseSchema.parse((await chat(alice, question)).body);
    expect(stale.cached).toBe(false);
    // The same passage is cited as before: the retrieval did not change, the corpus version did.
    expect(stale.citations.map((c) => c.id)).toEqual(fresh.citations.map((c) => c.id));
    expect(stale.answer).toContain('45 days');
    // And the fresh answer is cached again.
    expect(chatResponseSchema.parse((await chat(alice, question)).body).cached).toBe(true);
  }, 120_000);

  it("never lets another user search, retrieve or cite those chunks, whatever owner fields the request carries", async () => {
    const handbook = (await request(t.app).get('/api/documents').set(bearer(alice.token))).body.documents.find((d: { title: string }) => d.title === 'handbook') as
      | { id: string; status: string }
      | undefined;
    expect(handbook?.status, 'the first test indexed the handbook').toBe('ready');

    for (const owner of [{}, { ownerId: alice.user.id }, { userId: alice.user.id }]) {
      const search = await request(t.app).post('/api/search').set(bearer(bob.token)).send({ query: REFUND_QUESTION, ...owner });
      expect(search.status, JSON.stringify(owner)).toBe(200);
      expect(search.body.hits, JSON.stringify(owner)).toEqual([]);

      const response = await chat(bob, { message: REFUND_QUESTION, useDocuments: true, ...owner });
      expect(response.status, JSON.stringify(owner)).toBe(200);
      const answer = response.body as ChatResponse;
      expect(answer.citations, JSON.stringify(owner)).toEqual([]);
      expect(answer.answer).not.toContain('45 days');
      expect(answer.route.reasons.join(' ')).not.toMatch(/passages from your documents/);
      expect(JSON.stringify(answer)).not.toContain(handbook!.id);
    }
    // Alice still gets her citation for the same question.
    expect((await chat(alice, { message: REFUND_QUESTION, useDocuments: true })).body.citations[0].documentId).toBe(handbook!.id);
  });
});
