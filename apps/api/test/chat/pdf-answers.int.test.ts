// Answers with no model configured over an uploaded PDF. pdf.js ends every line of the page, so a
// typed paragraph reaches the index broken mid-sentence ("…within nine business days after" /
// "we receive the item."): the built-in responder must still quote whole sentences.
import { chunkText, parseDocument } from '@switchyard/vectorstore';
import { scannedPdf } from '@switchyard/vectorstore/test-images';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, buildTestApp, signup, type SignedUp, type TestApp } from '../helpers';

let t: TestApp;

beforeAll(async () => {
  t = await buildTestApp({ ALLOW_SIGNUP: 'true' });
}, 60_000);

afterAll(async () => {
  await t?.close();
});

const POLICY =
  'Returns and refunds. Customers may return any unused item within 30 days of delivery for a full refund. ' +
  'Refunds for Zephyr orders are issued to the original payment method within nine business days after we receive the item. ' +
  'Shipping costs for returns are paid by the customer unless the item arrived damaged.';

/** Uploads the PDF through the API and indexes it as the worker does: parsed by pdf.js, chunked, embedded (no worker runs here). */
async function addPdf(owner: SignedUp, bytes: Uint8Array): Promise<string> {
  const uploaded = await request(t.app).post('/api/documents').set(bearer(owner.token)).attach('files', Buffer.from(bytes), 'returns-policy.pdf');
  expect(uploaded.status).toBe(202);
  const document = uploaded.body.documents[0] as { id: string; collectionId: string; title: string };
  await t.ctx.ingestQueue.remove(document.id);
  const parsed = await parseDocument(bytes, { filename: 'returns-policy.pdf' });
  // The premise: the page's lines break sentences.
  expect(parsed.text).toMatch(/within nine business days after\nwe receive the item\./);
  const chunks = await chunkText(parsed.text, { format: parsed.format });
  const vectors = await t.ctx.embedder.embed(chunks.map((chunk) => chunk.text));
  await t.ctx.store.upsert(
    chunks.map((chunk) => ({ ...chunk, documentId: document.id, ownerId: owner.user.id, collectionId: document.collectionId, title: document.title, sensitivity: 'internal' as const, version: 'v1' })),
    vectors,
  );
  await t.ctx.documents.update(document.id, { status: 'ready', progress: 100, chunks: chunks.length, version: 'v1' });
  return document.id;
}

describe('the built-in responder over a PDF', () => {
  let alice: SignedUp;
  let documentId: string;

  beforeAll(async () => {
    alice = await signup(t.app);
    documentId = await addPdf(alice, await scannedPdf([{ textLayer: POLICY }]));
  }, 60_000);

  it('quotes the whole sentence that a line break of the page cut in two, citing the PDF', async () => {
    const res = await request(t.app).post('/api/chat').set(bearer(alice.token)).send({ message: 'How long do Zephyr refunds take?' });
    expect(res.status).toBe(200);
    expect(res.body.route.provider).toBe('local-extractive');
    expect(res.body.answer).toContain('Refunds for Zephyr orders are issued to the original payment method within nine business days after we receive the item. [1]');
    expect(res.body.citations[0]).toMatchObject({ documentId });
  });

  it('does not quote half a sentence for a question about its other half', async () => {
    const res = await request(t.app).post('/api/chat').set(bearer(alice.token)).send({ message: 'Who pays the shipping costs for returns?' });
    expect(res.status).toBe(200);
    expect(res.body.answer).toContain('Shipping costs for returns are paid by the customer unless the item arrived damaged. [1]');
  });
});
