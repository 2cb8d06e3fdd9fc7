// Personal data in a first message stays out of the conversation's title, which lists show
// (the sidebar) where the message itself is not; the message itself is kept as written.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { titleFrom } from '../src/services/conversations';
import { bearer, buildTestApp, signup, type SignedUp, type TestApp } from './helpers';

let t: TestApp;
let user: SignedUp;

beforeAll(async () => {
  t = await buildTestApp({ RATE_LIMIT_PER_MINUTE: '100000' });
  user = await signup(t.app);
});
afterAll(() => t.close());

describe('conversation titles', () => {
  it('redacts the SSN and e-mail of a first message from the title in the list, and keeps the message', async () => {
    const message = 'My SSN is 123-45-6789 and my email is jane.doe@acme-corp.com, can you fill in the tax form?';
    const chat = await request(t.app).post('/api/chat').set(bearer(user.token)).send({ message, useDocuments: false });
    expect(chat.status, JSON.stringify(chat.body)).toBe(200);
    const list = await request(t.app).get('/api/conversations').set(bearer(user.token));
    const title = list.body.conversations.find((c: { id: string }) => c.id === chat.body.conversationId).title as string;
    expect(title).toBe('My SSN is [redacted] and my email is [redacted] can you fill in the tax form?');
    const conversation = await request(t.app).get(`/api/conversations/${chat.body.conversationId}`).set(bearer(user.token));
    expect(conversation.body.conversation.title).toBe(title);
    expect(conversation.body.conversation.messages[0].content).toBe(message);
  });
});

describe('titleFrom', () => {
  it.each([
    ['an SSN', 'Is 078-05-1120 a valid SSN?', '078-05-1120'],
    ['an email at a placeholder domain too', 'Write to jane@example.com about the offsite', 'jane@example.com'],
    ['a payment card in groups', 'Card 4111 1111 1111 1111 was declined twice', '1111'],
    ['a phone number, all of it', 'Call me at +1 415 555 0100 tomorrow morning', '0100'],
    ['an IBAN', 'Send it to DE89 3704 0044 0532 0130 00 please', '3704'],
    ['an API key', 'why does sk-proj-abcdefghijklmnopqrstuvwxyz123456 fail', 'sk-proj'],
    ['a password', 'my password: hunter2hunter2 stopped working', 'hunter2'],
    ['an item the 80-character cut would have split', `${'Please help me with this long question about taxes and forms '.slice(0, 70)} 123-45-6789`, '123-4'],
  ])('keeps %s out of the title', (_name, message, secret) => {
    const title = titleFrom(message);
    expect(title).not.toContain(secret);
    expect(title).toContain('[redacted]');
  });

  it('leaves ordinary questions as they are, and keeps the words around an item', () => {
    expect(titleFrom('What is a haiku?')).toBe('What is a haiku?');
    expect(titleFrom('Explain 401(k) matching for 2024 in simple terms')).toBe('Explain 401(k) matching for 2024 in simple terms');
    expect(titleFrom('Email jane@acme-corp.com the Q3 figures')).toBe('Email [redacted] the Q3 figures');
  });
});
