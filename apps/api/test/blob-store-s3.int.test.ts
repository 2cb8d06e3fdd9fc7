// Uploads kept in an S3-compatible bucket instead of a shared directory (BLOB_STORE=s3), the way
// the API and workers run on separate machines: the API writes through the store, a real worker
// process reads through it, and an outage of the store never loses an upload — the API answers
// 503 with Retry-After (nothing recorded), and an ingest that could not read its file retries
// until the store is back.
import { existsSync } from 'node:fs';
import { startS3Server, type TestS3Server } from '@switchyard/testing/s3';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, buildTestApp, errorCode, signup, waitFor, type SignedUp, type TestApp } from './helpers';
import { startWorkerProcess, type WorkerProcess } from './worker-process';

const POLICY = `# Travel policy

Employees book economy class for flights shorter than six hours. Business class is allowed for
longer flights and for overnight travel. Hotel rooms are booked through the travel desk, up to
one hundred and sixty euros a night in most cities and two hundred and twenty in capitals.
Receipts for taxis, trains and meals are uploaded within thirty days of the trip.
`;

const GLOSSARY = `Glossary of the plant. A kiln is the oven that fires the clay. The pug mill mixes and de-airs
the clay body. Slip is liquid clay used for casting in plaster moulds. Bisque is ware fired
once, before glazing.`;

describe('blob store in an S3-compatible bucket, with a real worker process', () => {
  let s3: TestS3Server;
  let t: TestApp;
  let worker: WorkerProcess | undefined;
  let user: SignedUp;

  const startWorker = async () => {
    const started = startWorkerProcess(t.env, s3.env);
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
  };

  beforeAll(async () => {
    s3 = await startS3Server();
    t = await buildTestApp({ ...s3.env, ALLOW_SIGNUP: 'true', RATE_LIMIT_PER_MINUTE: '100000' });
    user = await signup(t.app);
    await startWorker();
  }, 120_000);

  afterAll(async () => {
    await worker?.stop();
    await t?.ctx.ingestQueue.obliterate({ force: true });
    await t?.close();
    await s3?.dispose();
  });

  const upload = (text: string, filename: string) => request(t.app).post('/api/documents').set(bearer(user.token)).attach('files', Buffer.from(text), filename);
  const documentOf = async (id: string) => (await request(t.app).get(`/api/documents/${id}`).set(bearer(user.token))).body.document as { status: string; chunks: number; error?: string };
  const readyDocument = (id: string) =>
    waitFor(
      `document ${id} to be ready`,
      async () => {
        const document = await documentOf(id);
        if (document.status === 'failed') throw new Error(`ingest failed: ${document.error}\n${worker?.output()}`);
        return document.status === 'ready' ? document : undefined;
      },
      60_000,
      200,
    );
  let policyChunks = 0;

  it('indexes an upload the API wrote to the bucket, with no file on the local disk', async () => {
    const uploaded = await upload(POLICY, 'travel-policy.md');
    expect(uploaded.status).toBe(202);
    const { id } = uploaded.body.documents[0] as { id: string };
    const ready = await readyDocument(id);
    expect(ready.chunks).toBeGreaterThan(0);
    policyChunks = ready.chunks;

    const search = await request(t.app).post('/api/search').set(bearer(user.token)).send({ query: 'hotel budget per night in a capital city', limit: 3 });
    expect(search.status).toBe(200);
    expect(search.body.hits[0]).toMatchObject({ documentId: id });
    expect(search.body.hits[0].text).toContain('two hundred and twenty in capitals');

    const record = await t.ctx.documents.get(user.user.id, id);
    expect(await s3.objectKeys()).toContain(`blobs/${record!.blobKey}`);
    expect(existsSync(t.env.BLOB_DIR)).toBe(false);
  }, 90_000);

  it('answers 503 with Retry-After while the store is down, records nothing, and accepts the same upload once it is back', async () => {
    const before = (await request(t.app).get('/api/documents').set(bearer(user.token))).body.documents as unknown[];
    await s3.stop();
    try {
      const refused = await upload(GLOSSARY, 'glossary.txt');
      expect(refused.status).toBe(503);
      expect(errorCode(refused)).toBe('blob_store_unavailable');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(JSON.stringify(refused.body)).not.toContain(s3.endpoint);
      const during = (await request(t.app).get('/api/documents').set(bearer(user.token))).body.documents as unknown[];
      expect(during).toHaveLength(before.length);
    } finally {
      await s3.start();
    }
    const accepted = await upload(GLOSSARY, 'glossary.txt');
    expect(accepted.status).toBe(202);
    const ready = await readyDocument((accepted.body.documents[0] as { id: string }).id);
    expect(ready.chunks).toBeGreaterThan(0);
  }, 90_000);

  it('retries an ingest whose file cannot be read while the store is down, and indexes it in full once it is back', async () => {
    // The upload is stored while the store is up; the worker then finds the store down.
    await worker?.stop();
    const uploaded = await upload(POLICY, 'travel-policy-copy.md');
    expect(uploaded.status).toBe(202);
    const { id } = uploaded.body.documents[0] as { id: string };
    await s3.stop();
    try {
      await startWorker();
      await waitFor('a failed ingest attempt', async () => ((await t.ctx.ingestQueue.getJob(id))?.attemptsMade ?? 0) >= 1, 60_000, 200);
      expect((await documentOf(id)).status).not.toBe('failed');
    } finally {
      await s3.start();
    }
    const ready = await readyDocument(id);
    // The same text as the first upload: the same chunks as that clean run, none lost or doubled.
    expect(ready.chunks).toBe(policyChunks);
  }, 180_000);
});
