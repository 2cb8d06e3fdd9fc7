// Uploads stream into the blob store as they arrive, never held in memory whole (issue 16): each
// file's type is judged from its first bytes and a refused file stops being read; a file past
// MAX_UPLOAD_BYTES is refused alone; a request past MAX_UPLOAD_REQUEST_BYTES is refused as a whole;
// and whatever way an upload ends — refused, malformed, cut off by the client — the store keeps
// exactly the files that became documents, with no temporary object left behind. Run against both
// blob stores: the directory and an S3-compatible bucket (s3rver).
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import path from 'node:path';
import { Readable } from 'node:stream';
import { startS3Server, type TestS3Server } from '@switchyard/testing/s3';
import JSZip from 'jszip';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../src/errors';
import { DocumentService } from '../src/services/documents';
import { bearer, buildTestApp, errorCode, signup, waitFor, type SignedUp, type TestApp } from './helpers';

const KiB = 1024;
const MiB = 1024 * KiB;
const LIMITS = { MAX_UPLOAD_BYTES: String(1 * MiB), MAX_UPLOAD_FILES: '6', MAX_UPLOAD_REQUEST_BYTES: String(3 * MiB) };

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
/** Readable text of an exact size, different on every call (so no two tests share a blob). */
const text = (bytes: number) => {
  const line = `Minutes of the planning meeting ${randomBytes(6).toString('hex')}: budgets, hiring and the office move.\n`;
  return Buffer.from(line.repeat(Math.ceil(bytes / line.length)).slice(0, bytes));
};
/** An executable (ELF header), followed by junk: a type no parser reads. */
const executable = (bytes: number) => Buffer.concat([Buffer.from('7f454c46020101000000000000000000', 'hex'), randomBytes(bytes - 16)]);

/** A docx as some tools write it: a large image first, the entry naming the kind far past the first 64 KiB. */
async function docxWithImageFirst(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('word/media/image1.png', randomBytes(300 * KiB), { compression: 'STORE' });
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file('word/document.xml', '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Travel policy</w:t></w:r></w:p></w:body></w:document>');
  return Buffer.from(await zip.generateAsync({ type: 'uint8array' }));
}

async function plainZip(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('backup/data.bin', randomBytes(300 * KiB), { compression: 'STORE' });
  zip.file('backup/readme.txt', 'not a document');
  return Buffer.from(await zip.generateAsync({ type: 'uint8array' }));
}

interface Part {
  name?: string;
  filename?: string;
  content: Buffer | string;
}

/** A multipart/form-data body, written out by hand so a test can send it in pieces or cut it off. */
function multipart(parts: Part[]): { boundary: string; body: Buffer } {
  const boundary = `----upload${randomBytes(8).toString('hex')}`;
  const pieces: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name ?? 'files'}"${part.filename === undefined ? '' : `; filename="${part.filename}"`}`;
    const type = part.filename === undefined ? '' : 'Content-Type: application/octet-stream\r\n';
    pieces.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${type}\r\n`), Buffer.from(part.content), Buffer.from('\r\n'));
  }
  pieces.push(Buffer.from(`--${boundary}--\r\n`));
  return { boundary, body: Buffer.concat(pieces) };
}

interface Store {
  name: string;
  variables: () => Record<string, string>;
  start?: () => Promise<void>;
  stop?: () => Promise<void>;
  /** What the store holds: content-addressed blobs, and anything else (temporary objects). */
  contents: (t: TestApp) => Promise<{ blobs: string[]; temporary: string[] }>;
}

let s3: TestS3Server | undefined;
const stores: Store[] = [
  {
    name: 'directory store',
    variables: () => ({}),
    async contents(t) {
      const walk = (dir: string): string[] =>
        existsSync(dir) ? readdirSync(dir).flatMap((entry) => (statSync(path.join(dir, entry)).isDirectory() ? walk(path.join(dir, entry)) : [entry])) : [];
      const files = walk(t.env.BLOB_DIR);
      return { blobs: files.filter((file) => /^[0-9a-f]{64}$/.test(file)), temporary: files.filter((file) => !/^[0-9a-f]{64}$/.test(file)) };
    },
  },
  {
    name: 'S3 store',
    variables: () => s3!.env,
    async start() {
      s3 = await startS3Server('streamed-uploads');
    },
    async stop() {
      await s3?.dispose();
    },
    async contents() {
      const keys = await s3!.objectKeys();
      return { blobs: keys.filter((key) => key.startsWith('blobs/')).map((key) => key.slice('blobs/'.length)), temporary: keys.filter((key) => !key.startsWith('blobs/')) };
    },
  },
];

describe.each(stores)('streamed uploads, $name', (store) => {
  let t: TestApp;
  let server: http.Server;
  let port: number;

  beforeAll(async () => {
    await store.start?.();
    t = await buildTestApp({ ALLOW_SIGNUP: 'true', RATE_LIMIT_PER_MINUTE: '100000', ...LIMITS, ...store.variables() });
    server = http.createServer(t.app).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    port = (server.address() as AddressInfo).port;
  }, 60_000);
  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    await t?.ctx.ingestQueue.obliterate({ force: true });
    await t?.close();
    await store.stop?.();
  });

  /** Each test has its own user and starts from a store with no blob of its own. */
  const newUser = () => signup(t.app);
  const documentsOf = async (user: SignedUp) => (await request(t.app).get('/api/documents').set(bearer(user.token))).body.documents as { id: string; filename: string }[];

  /** POST /api/documents with a body sent in chunks (no Content-Length), as a browser streams a big form. */
  function postChunked(user: SignedUp, boundary: string, body: Buffer): Promise<{ status: number; body: { error?: { code: string }; results?: unknown[] } }> {
    return new Promise((resolve, reject) => {
      const outgoing = http.request(
        { host: '127.0.0.1', port, method: 'POST', path: '/api/documents', headers: { ...bearer(user.token), 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Transfer-Encoding': 'chunked' } },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
        },
      );
      outgoing.on('error', reject);
      Readable.from(Array.from({ length: Math.ceil(body.length / (64 * KiB)) }, (_, i) => body.subarray(i * 64 * KiB, (i + 1) * 64 * KiB))).pipe(outgoing);
    });
  }

  it('stores the good files of a batch with one result per file; the too large, refused and empty ones leave nothing behind', async () => {
    const user = await newUser();
    const before = await store.contents(t);
    const notes = text(20 * KiB);
    const exactlyAtCap = text(1 * MiB);
    const agenda = Buffer.from('# Agenda\n\nQuarterly review of the hiring plan.');
    const response = await request(t.app)
      .post('/api/documents')
      .set(bearer(user.token))
      .attach('files', notes, 'notes.txt')
      .attach('files', text(1 * MiB + 1), 'one byte too many.txt')
      .attach('files', executable(300 * KiB), 'setup.exe.txt')
      .attach('files', Buffer.alloc(0), 'empty.txt')
      .attach('files', exactlyAtCap, 'at the cap.txt')
      .attach('files', agenda, 'agenda.md')
      // The label is sent after the files (as the web app and the typed client send it) and still applies.
      .field('sensitivity', 'internal');
    expect(response.status, JSON.stringify(response.body)).toBe(202);
    expect(response.body.results.map((result: { filename: string; status: string; error?: { code: string } }) => [result.filename, result.status, result.error?.code])).toEqual([
      ['notes.txt', 'accepted', undefined],
      ['one byte too many.txt', 'rejected', 'file_too_large'],
      ['setup.exe.txt', 'rejected', 'unsupported_media_type'],
      ['empty.txt', 'rejected', 'empty_file'],
      ['at the cap.txt', 'accepted', undefined],
      ['agenda.md', 'accepted', undefined],
    ]);
    expect(response.body.results[1].error.message).toBe('one byte too many.txt is larger than the upload limit');
    const documents = response.body.documents as { id: string; filename: string; mime: string; size: number; sensitivity: string }[];
    expect(documents.map((d) => [d.filename, d.mime, d.size, d.sensitivity])).toEqual([
      ['notes.txt', 'text/plain', notes.length, 'internal'],
      ['at the cap.txt', 'text/plain', 1 * MiB, 'internal'],
      ['agenda.md', 'text/markdown', agenda.length, 'internal'],
    ]);
    for (const document of documents) expect((await t.ctx.ingestQueue.getJob(document.id))?.data).toMatchObject({ documentId: document.id, declaredSensitivity: 'internal' });
    expect((await documentsOf(user)).map((d) => d.filename).sort()).toEqual(['agenda.md', 'at the cap.txt', 'notes.txt']);

    const after = await store.contents(t);
    expect(after.blobs.filter((key) => !before.blobs.includes(key)).sort()).toEqual([sha256(notes), sha256(exactlyAtCap), sha256(agenda)].sort());
    expect(after.temporary).toEqual([]);
    // Stored bytes are the bytes sent.
    const record = await t.ctx.documents.get(user.user.id, documents[1]!.id);
    expect(Buffer.from(await t.ctx.blobs.get(record!.blobKey)).equals(exactlyAtCap)).toBe(true);
  });

  it('reads a docx whose kind is named past its first bytes, and refuses a plain zip without keeping it', async () => {
    const user = await newUser();
    const before = await store.contents(t);
    const docx = await docxWithImageFirst();
    const zip = await plainZip();
    const response = await request(t.app).post('/api/documents').set(bearer(user.token)).attach('files', docx, 'policy.docx').attach('files', zip, 'backup.zip');
    expect(response.status, JSON.stringify(response.body)).toBe(202);
    expect(response.body.documents).toHaveLength(1);
    expect(response.body.documents[0]).toMatchObject({ filename: 'policy.docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', size: docx.length });
    expect(response.body.results[1]).toEqual({ status: 'rejected', filename: 'backup.zip', error: { code: 'unsupported_media_type', message: expect.stringContaining('backup.zip') } });
    const after = await store.contents(t);
    expect(after.blobs.filter((key) => !before.blobs.includes(key))).toEqual([sha256(docx)]);
    expect(after.temporary).toEqual([]);
  });

  it('stops reading a file as soon as its first bytes are refused: of a 20 MB stream, under 1 MB is read', async () => {
    const service = new DocumentService(t.ctx);
    let read = 0;
    const junk = new Readable({
      read() {
        const chunk = read === 0 ? executable(64 * KiB) : randomBytes(64 * KiB);
        read += chunk.length;
        this.push(read > 20 * MiB ? null : chunk);
      },
    });
    const refusal = await service.stageFile({ name: 'installer.txt', stream: junk }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ code: 'unsupported_media_type', status: 415 });
    expect(read).toBeLessThan(1 * MiB);
    expect((await store.contents(t)).temporary).toEqual([]);
  });

  it('refuses a request past MAX_UPLOAD_REQUEST_BYTES with 413, keeping none of the files it had already stored', async () => {
    const user = await newUser();
    const before = await store.contents(t);
    const files = [text(900 * KiB), text(900 * KiB), text(900 * KiB), text(900 * KiB)];
    const { boundary, body } = multipart(files.map((content, i) => ({ filename: `part ${i}.txt`, content })));

    // Declared up front: refused before a byte of the body is read.
    const declared = await request(t.app).post('/api/documents').set(bearer(user.token)).set('Content-Type', `multipart/form-data; boundary=${boundary}`).send(body);
    expect(declared.status).toBe(413);
    expect(errorCode(declared)).toBe('request_too_large');
    expect(declared.body.error.details).toEqual({ limitBytes: 3 * MiB });

    // Streamed without a length: refused once the body passes the cap, after three files were stored.
    const streamed = await postChunked(user, boundary, body);
    expect(streamed.status).toBe(413);
    expect(streamed.body.error?.code).toBe('request_too_large');

    expect(await documentsOf(user)).toEqual([]);
    const after = await store.contents(t);
    expect(after.blobs.filter((key) => !before.blobs.includes(key))).toEqual([]);
    expect(after.temporary).toEqual([]);
    // The api is fine afterwards, on the same connection pool.
    const next = await request(t.app).post('/api/documents').set(bearer(user.token)).attach('files', text(2 * KiB), 'after.txt');
    expect(next.status).toBe(202);
  });

  it('leaves no document, blob or temporary object behind when the client disconnects mid-upload', async () => {
    const user = await newUser();
    const before = await store.contents(t);
    const first = text(200 * KiB);
    const second = text(900 * KiB);
    const { boundary, body } = multipart([
      { filename: 'complete.txt', content: first },
      { filename: 'cut off.txt', content: second },
    ]);
    // Everything up to the middle of the second file, then the connection drops.
    const cut = body.indexOf(second) + 400 * KiB;
    const socket = net.connect(port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.on('error', () => undefined);
    socket.write(
      `POST /api/documents HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${user.token}\r\nContent-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: ${body.length}\r\n\r\n`,
    );
    socket.write(body.subarray(0, cut));
    // The first file is in the store (it would become a document once the body ended)…
    await waitFor('the first file to be stored', async () => (await store.contents(t)).blobs.includes(sha256(first)), 10_000, 20);
    socket.destroy();
    // …and once the client is gone, nothing of the upload is left.
    await waitFor(
      'the interrupted upload to be cleaned up',
      async () => {
        const now = await store.contents(t);
        return now.blobs.length === before.blobs.length && now.temporary.length === 0;
      },
      10_000,
      20,
    );
    expect(await documentsOf(user)).toEqual([]);
  });

  it('answers a malformed or misaddressed multipart body with a 4xx in the one error shape, storing nothing', async () => {
    const user = await newUser();
    const before = await store.contents(t);
    const post = () => request(t.app).post('/api/documents').set(bearer(user.token));
    const { boundary, body } = multipart([{ filename: 'a.txt', content: text(100 * KiB) }]);
    const cases: [string, () => request.Test, number, string][] = [
      ['a body that stops mid-file', () => post().set('Content-Type', `multipart/form-data; boundary=${boundary}`).send(body.subarray(0, 50 * KiB)), 400, 'invalid_multipart'],
      ['no boundary', () => post().set('Content-Type', 'multipart/form-data').send('no boundary at all'), 400, 'invalid_multipart'],
      ['a file in another field', () => post().attach('files', text(KiB), 'ok.txt').attach('attachment', text(KiB), 'b.txt'), 400, 'unexpected_file_field'],
      ['too many files', () => [...Array(7).keys()].reduce((test, i) => test.attach('files', text(KiB), `f${i}.txt`), post()), 413, 'too_many_files'],
      ['a field over 1 KB', () => post().attach('files', text(KiB), 'ok.txt').field('sensitivity', 'x'.repeat(2000)), 413, 'field_too_large'],
      ['an unknown label', () => post().attach('files', text(KiB), 'ok.txt').field('sensitivity', 'secret'), 400, 'invalid_request'],
      ['no file at all', () => post().field('sensitivity', 'public'), 400, 'no_files'],
    ];
    for (const [name, send, status, code] of cases) {
      const response = await send();
      expect(response.status, name).toBe(status);
      expect(errorCode(response), name).toBe(code);
    }
    expect(await documentsOf(user)).toEqual([]);
    const after = await store.contents(t);
    expect(after.blobs.filter((key) => !before.blobs.includes(key))).toEqual([]);
    expect(after.temporary).toEqual([]);
  });
});
