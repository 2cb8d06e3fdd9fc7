// The chat page's suggestion chips with no model configured (issue 17): "Summarize my most recent
// document", "What are the key dates and deadlines?" and "Which documents mention pricing?" answer
// from the caller's documents, by the built-in extractive responder.
import { chunkText } from '@switchyard/vectorstore';
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

const MANUAL = `# Aero 3 Espresso Machine — User Manual

Fill the water tank with fresh cold water. The tank holds 1.8 litres.

## Cleaning

Clean the brew group under running water once a week. The machine needs descaling every 3 months.

## Warranty

The warranty lasts two years from 14 February 2025. Prices of spare parts are listed on our website.`;

const TENANCY = `# Tenancy Agreement Summary — Flat 4B

The tenancy is a fixed term of 12 months starting on 1 March 2026. The rent is 1,350 pounds per month, due on the 1st of each month.

## Deposit

A deposit of 1,550 pounds is returned within 10 days of the end of the tenancy.

## Rules

Pets are allowed only with the landlord's written consent. There is no parking space for the flat; residents' permits cost 80 pounds a year.`;

/** Uploads a text document and indexes it as the worker would (no worker runs here). */
async function addDocument(owner: SignedUp, title: string, text: string): Promise<string> {
  const uploaded = await request(t.app).post('/api/documents').set(bearer(owner.token)).send({ title, text });
  expect(uploaded.status).toBe(202);
  const document = uploaded.body.documents[0] as { id: string; collectionId: string };
  await t.ctx.ingestQueue.remove(document.id);
  const chunks = await chunkText(text, { format: 'markdown', chunkSize: 300, chunkOverlap: 50 });
  const vectors = await t.ctx.embedder.embed(chunks.map((chunk) => chunk.text));
  await t.ctx.store.upsert(
    chunks.map((chunk) => ({ ...chunk, documentId: document.id, ownerId: owner.user.id, collectionId: document.collectionId, title, sensitivity: 'internal' as const, version: 'v1' })),
    vectors,
  );
  await t.ctx.documents.update(document.id, { status: 'ready', progress: 100, chunks: chunks.length, version: 'v1' });
  return document.id;
}

const chat = (owner: SignedUp, message: string) => request(t.app).post('/api/chat').set(bearer(owner.token)).send({ message });

describe('summaries, dates and mentions over the caller\'s documents', () => {
  let alice: SignedUp;
  let manualId: string;
  let tenancyId: string;

  beforeAll(async () => {
    alice = await signup(t.app);
    const bob = await signup(t.app);
    manualId = await addDocument(alice, 'Aero 3 Espresso Machine — User Manual', MANUAL);
    tenancyId = await addDocument(alice, 'Tenancy Agreement Summary — Flat 4B', TENANCY);
    // Bob uploads after Alice: his document is the newest on the server, never hers to see.
    await addDocument(bob, 'Bob private diary', 'My private diary. On 3 April 2026 I start my new job at the bakery.');
  }, 60_000);

  it('summarizes the newest document of the caller, and only it', async () => {
    const res = await chat(alice, 'Summarize my most recent document');
    expect(res.status).toBe(200);
    expect(res.body.route.provider).toBe('local-extractive');
    expect(res.body.answer).toContain('Tenancy Agreement Summary');
    expect(res.body.answer).toMatch(/1,350 pounds|12 months/);
    expect(res.body.answer).not.toContain('Espresso');
    expect(res.body.answer).not.toContain('diary');
    expect(res.body.citations.length).toBeGreaterThan(0);
    expect(res.body.citations.every((citation: { documentId: string }) => citation.documentId === tenancyId)).toBe(true);
  });

  it('lists the dated sentences of every document for "key dates and deadlines"', async () => {
    const res = await chat(alice, 'What are the key dates and deadlines?');
    expect(res.status).toBe(200);
    expect(res.body.answer).toContain('1 March 2026');
    expect(res.body.answer).toContain('14 February 2025');
    expect(res.body.answer).not.toContain('3 April 2026');
    expect(new Set(res.body.citations.map((citation: { documentId: string }) => citation.documentId))).toEqual(new Set([tenancyId, manualId]));
  });

  it('names the document that mentions parking, and not the others', async () => {
    const res = await chat(alice, 'Which documents mention parking?');
    expect(res.status).toBe(200);
    expect(res.body.answer).toContain('Tenancy Agreement Summary');
    expect(res.body.answer).toContain('no parking space');
    expect(res.body.answer).not.toContain('Espresso');
  });

  it('says so honestly when the documents do not hold the answer', async () => {
    const res = await chat(alice, 'What is the capital of France?');
    expect(res.status).toBe(200);
    expect(res.body.answer).toMatch(/couldn't find/);
    expect(res.body.citations).toEqual([]);
  });
});
