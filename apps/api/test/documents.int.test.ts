import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseServerSentEvents } from '@switchyard/client';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, buildTestApp, errorCode, signup, type SignedUp, type TestApp } from './helpers';

// A GIF: an image type the worker does not read (png, jpeg and tiff go through OCR).
const GIF = Buffer.from('47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b', 'hex');

describe('documents', () => {
  let t: TestApp;
  let alice: SignedUp;
  let bob: SignedUp;
  let server: http.Server;
  let baseUrl: string;

  beforeAll(async () => {
    t = await buildTestApp({ ALLOW_SIGNUP: 'true', MAX_UPLOAD_BYTES: '4096', MAX_UPLOAD_FILES: '3' });
    alice = await signup(t.app);
    bob = await signup(t.app);
    server = http.createServer(t.app).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await t.ctx.ingestQueue.obliterate({ force: true });
    await t.close();
  });

  const upload = (user: SignedUp) => request(t.app).post('/api/documents').set(bearer(user.token));

  it('accepts a multipart upload, stores the bytes and queues one ingest job per document (jobId = id)', async () => {
    const response = await upload(alice)
      .attach('files', Buffer.from('# Plan\n\nShip the quarterly report on Friday.'), 'plan.md')
      .attach('files', Buffer.from('plain notes'), 'notes.txt')
      .field('sensitivity', 'internal');
    expect(response.status).toBe(202);
    const [plan, notes] = response.body.documents;
    expect(plan).toMatchObject({ title: 'plan', filename: 'plan.md', mime: 'text/markdown', status: 'queued', progress: 0, sensitivity: 'internal' });
    expect(notes).toMatchObject({ filename: 'notes.txt', mime: 'text/plain', size: 11 });
    expect(plan).not.toHaveProperty('ownerId');
    expect(plan).not.toHaveProperty('blobKey');

    const job = await t.ctx.ingestQueue.getJob(plan.id);
    expect(job?.name).toBe('ingest.document');
    expect(job?.data).toMatchObject({ documentId: plan.id, ownerId: alice.user.id, mime: 'text/markdown', filename: 'plan.md', declaredSensitivity: 'internal' });
    const record = await t.ctx.documents.getAny(plan.id);
    expect(new TextDecoder().decode(await t.ctx.blobs.get(record!.blobKey))).toContain('quarterly report');
  });

  it('accepts JSON text and lists and gets only the owner’s documents', async () => {
    const created = await upload(alice).send({ title: 'Meeting notes', text: 'We agreed to move the launch.' });
    expect(created.status).toBe(202);
    const doc = created.body.documents[0];
    expect(doc).toMatchObject({ title: 'Meeting notes', mime: 'text/plain', sensitivity: 'public' });
    expect((await t.ctx.ingestQueue.getJob(doc.id))?.data.documentId).toBe(doc.id);

    const listed = await request(t.app).get('/api/documents').set(bearer(alice.token));
    expect(listed.body.documents.map((d: { id: string }) => d.id)).toContain(doc.id);
    expect((await request(t.app).get(`/api/documents/${doc.id}`).set(bearer(alice.token))).body.document.id).toBe(doc.id);
    expect((await request(t.app).get('/api/documents').set(bearer(bob.token))).body.documents).toEqual([]);
  });

  it('keeps a safe display name from a hostile filename', async () => {
    const response = await upload(alice).attach('files', Buffer.from('hello there'), { filename: '../../etc/\u202Egpj.txt\u200B', contentType: 'text/plain' });
    expect(response.status, JSON.stringify(response.body)).toBe(202);
    expect(response.body.documents[0].filename).toBe('gpj.txt');
    const viaJson = await upload(alice).send({ title: `C:\\Users\\x\\re\u0000port\u0007\u2066 ${'long '.repeat(50)}`, text: 'body' });
    expect(viaJson.status).toBe(202);
    const title = viaJson.body.documents[0].title as string;
    expect(title.startsWith('report long')).toBe(true);
    expect(title.length).toBeLessThanOrEqual(200);
  });

  it('refuses unsupported types, empty and oversized files, too many files, and wrong fields', async () => {
    const png = await upload(alice).attach('files', GIF, 'photo.txt');
    expect(png.status).toBe(415);
    expect(errorCode(png)).toBe('unsupported_media_type');
    const binary = await upload(alice).attach('files', Buffer.from([0, 1, 2, 3, 0, 0, 7]), 'data.txt');
    expect(binary.status).toBe(415);
    const empty = await upload(alice).attach('files', Buffer.alloc(0), 'empty.txt');
    expect(empty.status).toBe(400);
    expect(errorCode(empty)).toBe('empty_file');
    const big = await upload(alice).attach('files', Buffer.alloc(5000, 'a'), 'big.txt');
    expect(big.status).toBe(413);
    expect(errorCode(big)).toBe('file_too_large');
    let many = upload(alice);
    for (let i = 0; i < 4; i++) many = many.attach('files', Buffer.from(`file ${i}`), `f${i}.txt`);
    const tooMany = await many;
    expect(tooMany.status).toBe(413);
    expect(errorCode(tooMany)).toBe('too_many_files');
    const wrongField = await upload(alice).attach('document', Buffer.from('text'), 'a.txt');
    expect(wrongField.status).toBe(400);
    expect(errorCode(wrongField)).toBe('unexpected_file_field');
    const none = await upload(alice).field('sensitivity', 'public');
    expect(none.status).toBe(400);
    expect(errorCode(none)).toBe('no_files');
    const badLevel = await upload(alice).attach('files', Buffer.from('text'), 'a.txt').field('sensitivity', 'secret');
    expect(badLevel.status).toBe(400);
    expect(badLevel.body.error.details.fields[0].path).toBe('sensitivity');
    // A batch of bad files stores nothing, and says what was wrong with each file.
    const before = (await request(t.app).get('/api/documents').set(bearer(alice.token))).body.documents.length;
    const allBad = await upload(alice).attach('files', GIF, 'bad.gif').attach('files', Buffer.alloc(0), 'empty.txt');
    expect(allBad.status).toBe(415);
    expect(errorCode(allBad)).toBe('unsupported_media_type');
    expect(allBad.body.error.details.results).toEqual([
      { status: 'rejected', filename: 'bad.gif', error: { code: 'unsupported_media_type', message: expect.stringContaining('bad.gif') } },
      { status: 'rejected', filename: 'empty.txt', error: { code: 'empty_file', message: expect.stringContaining('empty.txt') } },
    ]);
    expect((await request(t.app).get('/api/documents').set(bearer(alice.token))).body.documents).toHaveLength(before);
  });

  it('accepts the good files of a batch and names each file that was refused, and why', async () => {
    const before = (await request(t.app).get('/api/documents').set(bearer(alice.token))).body.documents.length;
    const mixed = await upload(alice)
      .attach('files', Buffer.from('fine notes about pears'), 'ok.txt')
      .attach('files', GIF, 'bad.gif')
      .attach('files', Buffer.alloc(0), 'empty.txt');
    expect(mixed.status).toBe(202);
    expect(mixed.body.documents).toHaveLength(1);
    expect(mixed.body.documents[0]).toMatchObject({ filename: 'ok.txt', status: 'queued' });
    expect(mixed.body.results.map((r: { filename: string; status: string }) => [r.filename, r.status])).toEqual([
      ['ok.txt', 'accepted'],
      ['bad.gif', 'rejected'],
      ['empty.txt', 'rejected'],
    ]);
    expect(mixed.body.results[0].document.id).toBe(mixed.body.documents[0].id);
    expect(mixed.body.results[1].error).toEqual({ code: 'unsupported_media_type', message: expect.stringContaining('bad.gif') });
    expect(mixed.body.results[2].error).toEqual({ code: 'empty_file', message: 'empty.txt is empty' });
    expect((await request(t.app).get('/api/documents').set(bearer(alice.token))).body.documents).toHaveLength(before + 1);
  });

  it('serves the original file to its owner for a preview or a download, so that nothing in it can run', async () => {
    const html = '<h1>Café menu</h1><script>alert(1)</script>';
    const created = await upload(alice).attach('files', Buffer.from(html), 'menu du café.html');
    expect(created.status).toBe(202);
    const id = created.body.documents[0].id as string;

    const inline = await request(t.app).get(`/api/documents/${id}/file`).set(bearer(alice.token)).buffer(true).parse((res, done) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      res.on('end', () => done(null, text));
    });
    expect(inline.status).toBe(200);
    expect(inline.body).toBe(html);
    expect(inline.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(inline.headers['content-disposition']).toMatch(/^inline; /);
    expect(inline.headers['content-security-policy']).toMatch(/sandbox/);
    expect(inline.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect(inline.headers['x-content-type-options']).toBe('nosniff');

    const download = await request(t.app).get(`/api/documents/${id}/file?download=1`).set(bearer(alice.token));
    expect(download.status).toBe(200);
    expect(download.headers['content-disposition']).toMatch(/^attachment; /);
    expect(download.headers['content-disposition']).toContain(`filename*=UTF-8''menu%20du%20caf%C3%A9.html`);

    expect((await request(t.app).get(`/api/documents/${id}/file`).set(bearer(bob.token))).status).toBe(404);
    expect((await request(t.app).get(`/api/documents/${id}/file?download=maybe`).set(bearer(alice.token))).status).toBe(400);
    expect((await request(t.app).get('/api/documents/no-such-doc/file').set(bearer(alice.token))).status).toBe(404);
  });

  it('refuses bad JSON uploads and other content types', async () => {
    const missing = await upload(alice).send({ text: 'no title' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.fields[0].path).toBe('title');
    const wrongType = await upload(alice).send({ title: 'x', text: 42 });
    expect(wrongType.status).toBe(400);
    const invalid = await upload(alice).set('Content-Type', 'application/json').send('{"title":');
    expect(errorCode(invalid)).toBe('invalid_json');
    const plain = await upload(alice).set('Content-Type', 'text/plain').send('just text');
    expect(plain.status).toBe(415);
    const tooLong = await upload(alice).send({ title: 'big', text: 'x'.repeat(5000) });
    expect(tooLong.status).toBe(413);
  });

  it('answers 404 for unknown ids and for another user’s documents', async () => {
    const doc = (await upload(alice).send({ title: 'Private', text: 'alice only' })).body.documents[0];
    for (const [method, path] of [
      ['get', `/api/documents/${doc.id}`],
      ['delete', `/api/documents/${doc.id}`],
      ['get', `/api/documents/${doc.id}/events`],
      ['get', '/api/documents/does-not-exist'],
    ] as const) {
      const response = await request(t.app)[method](path).set(bearer(path.includes('does-not') ? alice.token : bob.token));
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(errorCode(response)).toBe('document_not_found');
    }
    expect((await t.ctx.documents.get(alice.user.id, doc.id))?.id).toBe(doc.id);
  });

  it('deletes a document: record, job, chunks and the unused blob', async () => {
    const doc = (await upload(alice).send({ title: 'Doomed', text: 'to be deleted soon' })).body.documents[0];
    const blobKey = (await t.ctx.documents.getAny(doc.id))!.blobKey;
    const [vector] = await t.ctx.embedder.embed(['to be deleted soon']);
    await t.ctx.store.upsert(
      [{ documentId: doc.id, ownerId: alice.user.id, title: 'Doomed', chunkIndex: 0, text: 'to be deleted soon', start: 0, end: 18, sensitivity: 'public', version: 'v1' }],
      [vector!],
    );
    const response = await request(t.app).delete(`/api/documents/${doc.id}`).set(bearer(alice.token));
    expect(response.status).toBe(204);
    expect((await request(t.app).get(`/api/documents/${doc.id}`).set(bearer(alice.token))).status).toBe(404);
    expect(await t.ctx.ingestQueue.getJob(doc.id)).toBeUndefined();
    expect(await t.ctx.store.countDocument(doc.id)).toBe(0);
    expect(await t.ctx.blobs.has(blobKey)).toBe(false);
  });

  it('streams status events: the current state first, then each update until ready', async () => {
    const doc = (await upload(alice).send({ title: 'Streamed', text: 'progress please' })).body.documents[0];
    const controller = new AbortController();
    const response = await fetch(`${baseUrl}/api/documents/${doc.id}/events`, { headers: bearer(alice.token), signal: controller.signal });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(response.headers.get('x-accel-buffering')).toBe('no');

    const stream = parseServerSentEvents(response, controller.signal);
    const events: { status: string; progress: number; chunks: number }[] = [];
    const nextEvent = async () => {
      for (;;) {
        const { value, done } = await stream.next();
        if (done) return undefined;
        if (value.event === 'status') return JSON.parse(value.data);
      }
    };
    events.push(await nextEvent());
    expect(events[0]).toMatchObject({ id: doc.id, status: 'queued', progress: 0 });
    await t.ctx.documents.update(doc.id, { status: 'processing', progress: 40 });
    events.push(await nextEvent());
    await t.ctx.documents.update(doc.id, { status: 'ready', progress: 100, chunks: 2 });
    events.push(await nextEvent());
    expect(events.slice(1)).toMatchObject([
      { status: 'processing', progress: 40 },
      { status: 'ready', progress: 100, chunks: 2 },
    ]);
    // The stream ends after ready.
    expect(await nextEvent()).toBeUndefined();
  });

  it('stops listening when the client goes away', async () => {
    const doc = (await upload(alice).send({ title: 'Abandoned', text: 'nobody watches' })).body.documents[0];
    const channel = t.ctx.documents.eventsChannel(doc.id);
    const controller = new AbortController();
    const response = await fetch(`${baseUrl}/api/documents/${doc.id}/events`, { headers: bearer(alice.token), signal: controller.signal });
    await response.body!.getReader().read();
    const subscribers = async () => Number(((await t.ctx.redis.call('PUBSUB', 'NUMSUB', channel)) as [string, number])[1]);
    expect(await subscribers()).toBe(1);
    controller.abort();
    const deadline = Date.now() + 5000;
    while ((await subscribers()) !== 0 && Date.now() < deadline) await new Promise((resolve) => setImmediate(resolve));
    expect(await subscribers()).toBe(0);
  });
});
