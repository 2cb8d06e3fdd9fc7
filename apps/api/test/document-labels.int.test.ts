// Chunk-level labels and the relevance floor as a user meets them, with a real worker process
// and a fake cloud provider configured: a handbook with one personal-contact line on its last page
// is confidential only there, so ordinary questions about it still go to the cloud model while a
// question about that contact stays local; a CONFIDENTIAL banner marks every passage; the owner
// can set the label (a floor, recorded with who and when) and nobody else can; a question that
// nothing in the documents answers finds nothing and is not raised by irrelevant passages.
import { documentPassagesResponseSchema, documentSchema, updateDocumentResponseSchema, type Document } from '@switchyard/client';
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bearer, errorCode, waitFor } from './helpers';
import { startWorkerProcess, type WorkerProcess } from './worker-process';
import { startChatHarness, type ChatHarness } from './chat/harness';

const CONTACT_PHONE = '+44 7700 900123';
const CONTACT_EMAIL = 'dana.whitfield@gmail.com';

const HANDBOOK = `# Employee handbook

## Holidays

Full-time employees have 28 days of annual leave plus public holidays. Up to five unused days can
be carried over to the next year and must be taken by the end of March. Request leave in the HR
portal at least two weeks ahead for periods longer than three days; your manager approves it
within five working days.

## Working from home

Office roles may work from home up to three days a week. The company provides a laptop, a second
screen and a one-off chair allowance of 300 euros. You are responsible for a quiet workplace and a
stable internet connection, and you keep the same core hours as in the office.

## Expenses

Travel and training costs are reimbursed when the claim is filed with receipts within thirty days.
Claims above 2,000 euros need the approval of a department head as well as your manager, and are
paid with the next monthly salary run.

## Bicycle leasing

Everyone can lease a bicycle through the payroll scheme. The monthly rate is deducted from gross
salary and after three years the bicycle becomes yours for a small fee. Repairs are covered by the
leasing company's service plan at partner workshops.

## Questions about this handbook

If you have questions about this handbook, call Dana Whitfield on her private mobile ${CONTACT_PHONE}
or write to her personal address ${CONTACT_EMAIL}.
`;

const BOARD_MEMO = `CONFIDENTIAL

# Board memo: warehouse expansion

The board discussed the expansion of the northern warehouse. Construction is planned to start in
the spring, and the new loading bays should double the number of trucks handled per day.

## Staffing

The logistics team will hire forty additional staff for the new shifts. Training takes place in
the existing warehouse during the summer so that the new building opens with experienced crews.

## Timeline

The roof goes on before winter and the first shipments are expected the following February.`;

let h: ChatHarness;
let worker: WorkerProcess | undefined;
let owner: { token: string; userId: string };
let stranger: { token: string; userId: string };
let handbookId: string;

const cloudCalls = () => h.fake.requests.filter((r) => r.method === 'POST');

async function uploadAndWait(token: string, text: string, filename: string): Promise<Document> {
  const res = await request(h.app).post('/api/documents').set(bearer(token)).attach('files', Buffer.from(text), filename);
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  const id = (res.body.documents as Document[])[0]!.id;
  return waitFor(
    `${filename} to be indexed`,
    async () => {
      if (worker?.child.exitCode !== null) throw new Error(`the worker exited early:\n${worker?.output()}`);
      const document = documentSchema.parse((await request(h.app).get(`/api/documents/${id}`).set(bearer(token))).body.document);
      if (document.status === 'failed') throw new Error(`indexing failed: ${document.error}`);
      return document.status === 'ready' ? document : undefined;
    },
    90_000,
    200,
  );
}

const chat = (token: string, message: string) => request(h.app).post('/api/chat').set(bearer(token)).send({ message });
const patch = (token: string, id: string, body: unknown) => request(h.app).patch(`/api/documents/${id}`).set(bearer(token)).send(body as object);
const chunkLabels = async (id: string) => (await h.ctx.store.listDocumentChunks(id)).map((chunk) => ({ index: chunk.chunkIndex, text: chunk.text, sensitivity: chunk.sensitivity }));

beforeAll(async () => {
  h = await startChatHarness({ env: { RETRIEVAL_K: '3' } });
  owner = await h.signup('owner');
  stranger = await h.signup('stranger');
  // Small chunks, so the handbook has several passages and the contact line is on the last.
  worker = startWorkerProcess(h.ctx.env, { CHUNK_SIZE: '500', CHUNK_OVERLAP: '0' });
  handbookId = (await uploadAndWait(owner.token, HANDBOOK, 'handbook.md')).id;
}, 180_000);

afterAll(async () => {
  await worker?.stop();
  await h?.ctx.ingestQueue.obliterate({ force: true });
  await h?.close();
});

beforeEach(() => h.fake.reset());

describe('a handbook with one personal-contact line on its last page', () => {
  it('is confidential only in the passage with the contact, and says why without the values', async () => {
    const labels = await chunkLabels(handbookId);
    expect(labels.length).toBeGreaterThan(3);
    const contact = labels.filter((chunk) => chunk.text.includes(CONTACT_EMAIL));
    expect(contact.map((chunk) => chunk.index)).toEqual([labels.length - 1]);
    for (const chunk of labels) expect(chunk.sensitivity, chunk.text.slice(0, 40)).toBe(contact.includes(chunk) ? 'confidential' : 'public');

    const res = await request(h.app).get(`/api/documents/${handbookId}`).set(bearer(owner.token));
    const document = documentSchema.parse(res.body.document);
    expect(document.sensitivity).toBe('confidential');
    const found = document.labelReasons?.filter((reason) => reason.scope === 'chunks') ?? [];
    expect(found.length).toBeGreaterThan(0);
    for (const reason of found) expect(reason).toMatchObject({ sensitivity: 'confidential', chunks: [labels.length - 1], count: 1 });
    const body = JSON.stringify(res.body);
    for (const value of [CONTACT_EMAIL, 'dana.whitfield', '900123', '7700']) expect(body).not.toContain(value);
  });

  it('lists its passages to the owner, each with its own label, in pages; to nobody else', async () => {
    const all = documentPassagesResponseSchema.parse((await request(h.app).get(`/api/documents/${handbookId}/passages`).set(bearer(owner.token))).body);
    expect(all.passages.map((p) => p.chunkIndex)).toEqual(all.passages.map((_, index) => index));
    expect(all.total).toBe(all.passages.length);
    expect(all.passages.map((p) => p.sensitivity)).toEqual(all.passages.map((p) => (p.text.includes(CONTACT_EMAIL) ? 'confidential' : 'public')));
    const page = documentPassagesResponseSchema.parse((await request(h.app).get(`/api/documents/${handbookId}/passages?offset=1&limit=2`).set(bearer(owner.token))).body);
    expect(page).toEqual({ total: all.total, passages: all.passages.slice(1, 3) });

    const foreign = await request(h.app).get(`/api/documents/${handbookId}/passages`).set(bearer(stranger.token));
    expect(foreign.status).toBe(404);
    expect(errorCode(foreign)).toBe('document_not_found');
    for (const query of ['limit=0', 'limit=501', 'offset=-1', 'page=2']) {
      const bad = await request(h.app).get(`/api/documents/${handbookId}/passages?${query}`).set(bearer(owner.token));
      expect(bad.status, query).toBe(400);
      expect(errorCode(bad)).toBeTruthy();
    }
  });

  it('a chat that retrieves another passage goes to the cloud model, without the contact in its prompt', async () => {
    const res = await chat(owner.token, 'How many days of annual leave do full-time employees get?');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.route.sensitivity).not.toBe('confidential');
    expect(['openai', 'anthropic']).toContain(res.body.route.provider);
    expect(res.body.route.reasons.join(' ')).toMatch(/passages? from your documents (is|are) in the context/);
    expect(cloudCalls()).toHaveLength(1);
    const sent = JSON.stringify(cloudCalls()[0]?.body);
    expect(sent).toContain('28 days of annual leave');
    expect(sent).not.toContain(CONTACT_EMAIL);
  });

  it('a chat that retrieves the contact passage stays on the machine', async () => {
    const res = await chat(owner.token, 'How do I reach Dana Whitfield with questions about the handbook?');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.route.sensitivity).toBe('confidential');
    expect(res.body.route.provider).toBe('local-extractive');
    expect(cloudCalls()).toEqual([]);
  });
});

describe('a CONFIDENTIAL banner on top', () => {
  it('marks every passage, so a question about any of them stays local', async () => {
    const memo = await uploadAndWait(stranger.token, BOARD_MEMO, 'board-memo.md');
    expect(memo.sensitivity).toBe('confidential');
    expect(memo.labelReasons).toContainEqual(expect.objectContaining({ kind: 'marking.confidential', scope: 'document', chunks: [] }));
    const labels = await chunkLabels(memo.id);
    expect(labels.length).toBeGreaterThan(1);
    expect(labels.map((chunk) => chunk.sensitivity)).toEqual(labels.map(() => 'confidential'));

    const res = await chat(stranger.token, 'When are the first shipments from the new warehouse expected?');
    expect(res.status).toBe(200);
    expect(res.body.route.provider).toBe('local-extractive');
    expect(res.body.citations.map((c: { documentId: string }) => c.documentId)).toContain(memo.id);
    expect(cloudCalls()).toEqual([]);
  });
});

describe('a question nothing in the documents answers', () => {
  it('finds no passages, and the chat is not raised by the confidential passage it does not need', async () => {
    for (const query of ['What is the capital of France?', 'blorp zizzle frumious wug']) {
      const search = await request(h.app).post('/api/search').set(bearer(owner.token)).send({ query });
      expect(search.status).toBe(200);
      expect(search.body.hits, query).toEqual([]);
    }
    const res = await chat(owner.token, 'What is the capital of France?');
    expect(res.status).toBe(200);
    expect(res.body.route.sensitivity).not.toBe('confidential');
    expect(['openai', 'anthropic']).toContain(res.body.route.provider);
    expect(res.body.citations).toEqual([]);
    expect(res.body.route.reasons).toContain('no passage of your documents is relevant enough to this message to use');
    expect(JSON.stringify(cloudCalls())).not.toContain('Employee handbook');
  });
});

describe('PATCH /api/documents/:id', () => {
  it('lets the owner raise the label: every passage becomes confidential, recorded with who and when, and chats follow', async () => {
    const before = Date.now();
    const res = await patch(owner.token, handbookId, { sensitivity: 'confidential' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const { document, notes } = updateDocumentResponseSchema.parse(res.body);
    expect(document).toMatchObject({ sensitivity: 'confidential', declaredSensitivity: 'confidential', labelSetBy: { userId: owner.userId } });
    expect(Date.parse(document.labelSetBy!.at)).toBeGreaterThanOrEqual(before - 1000);
    expect(notes).toEqual(['Every passage is now labelled confidential.']);
    expect((await chunkLabels(handbookId)).every((chunk) => chunk.sensitivity === 'confidential')).toBe(true);

    const answer = await chat(owner.token, 'Can I work from home, and how many days a week?');
    expect(answer.status).toBe(200);
    expect(answer.body.route.provider).toBe('local-extractive');
    expect(cloudCalls()).toEqual([]);
  });

  it('lets the owner lower it, but not below what was found: the contact passage stays confidential and the notes say why', async () => {
    const res = await patch(owner.token, handbookId, { sensitivity: 'public' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const { document, notes } = updateDocumentResponseSchema.parse(res.body);
    const labels = await chunkLabels(handbookId);
    const last = labels.length - 1;
    expect(document).toMatchObject({ sensitivity: 'confidential', declaredSensitivity: 'public', labelSetBy: { userId: owner.userId } });
    expect(labels.map((chunk) => chunk.sensitivity)).toEqual(labels.map((chunk) => (chunk.index === last ? 'confidential' : 'public')));
    expect(notes[0]).toBe(`You set the label to public; 1 of ${labels.length} passages stays higher because of what it contains, and the document is labelled by its highest passage.`);
    expect(notes.slice(1).join(' ')).toContain(`in 1 of ${labels.length} passages (${labels.length})`);
    expect(JSON.stringify(res.body)).not.toContain(CONTACT_EMAIL);

    // The same ordinary question goes to the cloud again.
    const answer = await chat(owner.token, 'Can I work from home, and how many days a week?');
    expect(['openai', 'anthropic']).toContain(answer.body.route.provider);
  });

  it('renames a document: search and citations show the new title', async () => {
    const res = await patch(owner.token, handbookId, { title: '  Staff handbook 2027 ' });
    expect(res.status).toBe(200);
    expect(res.body.document.title).toBe('Staff handbook 2027');
    const search = await request(h.app).post('/api/search').set(bearer(owner.token)).send({ query: 'bicycle leasing through payroll' });
    expect(search.body.hits[0]).toMatchObject({ documentId: handbookId, title: 'Staff handbook 2027' });
  });

  it("answers anyone but the owner 404, and changes nothing", async () => {
    for (const body of [{ sensitivity: 'public' }, { title: 'mine now' }]) {
      const res = await patch(stranger.token, handbookId, body);
      expect(res.status).toBe(404);
      expect(errorCode(res)).toBe('document_not_found');
    }
    expect((await request(h.app).patch(`/api/documents/${handbookId}`).send({ sensitivity: 'public' })).status).toBe(401);
    const document = documentSchema.parse((await request(h.app).get(`/api/documents/${handbookId}`).set(bearer(owner.token))).body.document);
    expect(document.title).toBe('Staff handbook 2027');
    expect(document.labelSetBy?.userId).toBe(owner.userId);
  });

  it('refuses a bad body with 400 in the one error shape', async () => {
    for (const body of [{}, { sensitivity: 'secret' }, { sensitivity: 'public', owner: 'someone' }, { title: '   ' }, { title: 42 }, ['public']]) {
      const res = await patch(owner.token, handbookId, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(errorCode(res)).toBeTruthy();
    }
    const text = await request(h.app).patch(`/api/documents/${handbookId}`).set(bearer(owner.token)).set('Content-Type', 'application/json').send('{"sensitivity":');
    expect(text.status).toBe(400);
    expect(errorCode(text)).toBeTruthy();
  });
});
