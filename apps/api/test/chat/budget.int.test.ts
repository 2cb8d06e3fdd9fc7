import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChatHarness, type ChatHarness } from './harness';

let h: ChatHarness;

beforeAll(async () => {
  // A budget smaller than one answer of the cheapest priced cloud model.
  h = await startChatHarness({ env: { DAILY_BUDGET_USD: '0.000001' } });
}, 60_000);

afterAll(async () => {
  await h?.close();
});

describe('daily budget', () => {
  it('answers 402 budget_exceeded once the day is spent, and only for that user', async () => {
    const spender = await h.signup('spender');
    const other = await h.signup('other');
    const first = await request(h.app)
      .post('/api/chat')
      .set('Authorization', `Bearer ${spender.token}`)
      .send({ message: 'Write a haiku about autumn leaves.', useDocuments: false });
    expect(first.status).toBe(200);
    expect(first.body.costUsd).toBeGreaterThan(0);

    const second = await request(h.app)
      .post('/api/chat')
      .set('Authorization', `Bearer ${spender.token}`)
      .send({ message: 'And one about winter.', useDocuments: false });
    expect(second.status).toBe(402);
    expect(second.body.error.code).toBe('budget_exceeded');
    expect(h.fake.requests.filter((r) => r.method === 'POST')).toHaveLength(1);

    const others = await request(h.app)
      .post('/api/chat')
      .set('Authorization', `Bearer ${other.token}`)
      .send({ message: 'And one about spring.', useDocuments: false });
    expect(others.status).toBe(200);
  });
});
