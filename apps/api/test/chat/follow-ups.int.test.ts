// A follow-up in a conversation ("Does it carry over?" after "What is the learning budget?") is
// searched and read with the user's earlier question, through the web chat (stored conversation)
// and through /v1 (the messages sent). The built-in extractive responder answers here, so what is
// quoted shows which passage was found.
import { chatResponseSchema } from '@switchyard/client';
import OpenAI from 'openai';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChatHarness, type ChatHarness } from './harness';

let h: ChatHarness;
let user: { token: string; userId: string };

const VACATION = 'Full-time employees receive 27 days of paid vacation per calendar year. Up to five unused vacation days can be carried over into the next year.';
const LEARNING = 'Every employee has a learning budget of 1,500 euros per year for courses, conferences and books. Unused budget does not carry over.';
const PARCELS = 'Labels bought through the shipping API can be voided within 24 hours for a full refund. Each API key may make 100 requests per minute.';

async function addDocument(title: string, text: string): Promise<string> {
  const created = await request(h.app).post('/api/documents').set('Authorization', `Bearer ${user.token}`).send({ title, text });
  const id = (created.body as { documents: { id: string }[] }).documents[0]!.id;
  const [vector] = await h.ctx.embedder.embed([text]);
  await h.ctx.store.upsert([{ documentId: id, ownerId: user.userId, title, chunkIndex: 0, text, start: 0, end: text.length, sensitivity: 'public', version: 'v1' }], [vector ?? []]);
  return id;
}

beforeAll(async () => {
  h = await startChatHarness({ env: { CACHE_TTL_SECONDS: '0' } });
  user = await h.signup('follower');
  await addDocument('Vacation policy', VACATION);
  await addDocument('Learning budget', LEARNING);
  await addDocument('Shipping API', PARCELS);
}, 60_000);
afterAll(async () => {
  await h?.close();
});

// Declared confidential, so the built-in extractive responder answers on this machine.
const ask = (body: Record<string, unknown>) =>
  request(h.app).post('/api/chat').set('Authorization', `Bearer ${user.token}`).send({ useDocuments: true, sensitivity: 'confidential', ...body });

describe('follow-up questions over documents', () => {
  it('answers "Does it carry over?" about the learning budget, not the vacation days, in a stored conversation', async () => {
    const first = chatResponseSchema.parse((await ask({ message: 'What is the learning budget?' })).body);
    expect(first.answer).toContain('1,500 euros');
    const followUp = chatResponseSchema.parse((await ask({ message: 'Does it carry over?', conversationId: first.conversationId })).body);
    expect(followUp.answer).toContain('Unused budget does not carry over');
    expect(followUp.answer).not.toContain('five unused vacation days');
    expect(followUp.route.reasons).toContain('a follow-up: your documents were searched together with your earlier question');
    expect(first.route.reasons.join(' ')).not.toMatch(/follow-up/);
    // Passages were found for both: neither says none was relevant.
    for (const reply of [first, followUp]) expect(reply.route.reasons.join(' ')).not.toMatch(/no passage/);

    // The same words in a conversation about vacation are about vacation.
    const vacation = chatResponseSchema.parse((await ask({ message: 'How many vacation days do full-time employees get?' })).body);
    const about = chatResponseSchema.parse((await ask({ message: 'Does it carry over?', conversationId: vacation.conversationId })).body);
    expect(about.answer).toContain('five unused vacation days');
  });

  it('reads the earlier user messages a /v1 client sends', async () => {
    const client = new OpenAI({ baseURL: `${h.url}/v1`, apiKey: user.token, maxRetries: 0 });
    const completion = await client.chat.completions.create({
      model: 'extractive-v1',
      messages: [
        { role: 'user', content: 'How do I buy a shipping label through the API?' },
        { role: 'assistant', content: 'Send a POST request to the label endpoint with the chosen rate.' },
        { role: 'user', content: 'Can I void it?' },
      ],
      // @ts-expect-error -- Switchyard's extension object
      switchyard: { useDocuments: true },
    });
    expect(completion.choices[0]?.message.content).toContain('voided within 24 hours');
  });

  it('searches a new question on its own, whatever came before', async () => {
    const first = chatResponseSchema.parse((await ask({ message: 'What is the learning budget?' })).body);
    const next = chatResponseSchema.parse((await ask({ message: 'How many requests per minute can each API key make?', conversationId: first.conversationId })).body);
    expect(next.answer).toContain('100 requests per minute');
    expect(next.citations.map((c) => c.title)).toEqual(['Shipping API']);
    expect(next.route.reasons.join(' ')).not.toMatch(/follow-up/);
  });
});
