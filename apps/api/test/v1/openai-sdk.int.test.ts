import OpenAI from 'openai';
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startChatHarness, type ChatHarness } from '../chat/harness';

let h: ChatHarness;
let client: OpenAI;
let token: string;

beforeAll(async () => {
  h = await startChatHarness();
  token = (await h.signup('sdk')).token;
  client = new OpenAI({ baseURL: `${h.url}/v1`, apiKey: token, maxRetries: 0 });
}, 60_000);

afterAll(async () => {
  await h?.close();
});

beforeEach(() => {
  h.fake.reset();
});

const cloudRequests = () => h.fake.requests.filter((r) => r.method === 'POST');

describe('/v1 with the official openai SDK', () => {
  it('lists the models, auto first', async () => {
    const ids: string[] = [];
    for await (const model of client.models.list()) ids.push(model.id);
    expect(ids[0]).toBe('auto');
    expect(ids).toContain('gpt-4o-mini');
    expect(ids).toContain('extractive-v1');
  });

  it('answers a chat completion routed by the router, with usage and the route header', async () => {
    const { data, response } = await client.chat.completions
      .create({ model: 'auto', messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'What is the boiling point of water?' }] })
      .withResponse();
    expect(data.object).toBe('chat.completion');
    expect(data.choices[0]?.message.role).toBe('assistant');
    expect(data.choices[0]?.message.content).toContain('boiling point of water');
    expect(data.choices[0]?.finish_reason).toBe('stop');
    expect(data.usage?.total_tokens).toBeGreaterThan(0);
    expect(response.headers.get('x-switchyard-route')).toMatch(/tier=\S+; provider=(openai|anthropic); model=\S+/);
    expect(cloudRequests()).toHaveLength(1);
    expect(JSON.stringify(cloudRequests()[0]?.body)).toContain('Be brief.');
  });

  it('streams chunks that join to the answer, then a usage chunk', async () => {
    h.fake.setBehavior({ mode: 'ok', reply: 'Water boils at one hundred degrees Celsius at sea level.' });
    const stream = await client.chat.completions.create({
      model: 'auto',
      messages: [{ role: 'user', content: 'At what temperature does water boil at sea level, roughly?' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    const pieces: string[] = [];
    let usage: OpenAI.CompletionUsage | null | undefined;
    let finish: string | null | undefined;
    for await (const chunk of stream) {
      expect(chunk.object).toBe('chat.completion.chunk');
      const choice = chunk.choices[0];
      if (choice?.delta.content) pieces.push(choice.delta.content);
      if (choice?.finish_reason) finish = choice.finish_reason;
      if (chunk.usage) usage = chunk.usage;
    }
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join('')).toBe('Water boils at one hundred degrees Celsius at sea level.');
    expect(finish).toBe('stop');
    expect(usage?.completion_tokens).toBeGreaterThan(0);
  });

  it('honours an explicit cloud model for public work', async () => {
    const completion = await client.chat.completions.create({ model: 'gpt-4.1', messages: [{ role: 'user', content: 'Say hello.' }] });
    expect(completion.model).toBe('gpt-4.1');
    expect((cloudRequests()[0]?.body as { model?: string }).model).toBe('gpt-4.1');
  });

  it('refuses an explicit cloud model for confidential work, and the cloud never sees it', async () => {
    const attempt = client.chat.completions.create({
      model: 'gpt-4.1',
      messages: [{ role: 'user', content: 'Employee SSN 123-45-6789 and salary 180000: summarise this HR record.' }],
    });
    await expect(attempt).rejects.toMatchObject({ status: 400, error: { code: 'model_not_allowed', type: 'invalid_request_error', param: 'model' } });
    expect(cloudRequests()).toHaveLength(0);

    const auto = await client.chat.completions
      .create({ model: 'auto', messages: [{ role: 'user', content: 'Employee SSN 123-45-6789 and salary 180000: summarise this HR record.' }] })
      .withResponse();
    expect(auto.response.headers.get('x-switchyard-route')).toContain('provider=local-extractive');
    expect(cloudRequests()).toHaveLength(0);
  });

  it('keeps confidential work written in other languages and scripts on the machine, and sends their ordinary text to the cloud', async () => {
    const confidential = [
      'Мой пароль от почты: Moskva!2024zima, проверь вход.',
      '私の携帯番号は090-1234-5678です。折り返しお願いします。',
      'Numer PESEL 85011601680 — wpisz go do formularza.',
      '王小明被诊断出患有糖尿病，请帮我写请假邮件。',
    ];
    for (const content of confidential) {
      const auto = await client.chat.completions.create({ model: 'auto', messages: [{ role: 'user', content }] }).withResponse();
      expect(auto.response.headers.get('x-switchyard-route'), content).toContain('provider=local-extractive');
    }
    expect(cloudRequests()).toHaveLength(0);

    await client.chat.completions.create({ model: 'auto', messages: [{ role: 'user', content: 'Die Besprechung ist am Dienstag um 10 Uhr. Bitte fasse die Tagesordnung kurz zusammen.' }] });
    expect(cloudRequests()).toHaveLength(1);
  });

  it('routes a follow-up by the work it continues: "now add failover to it" after a design goes to the strong tier', async () => {
    const design = 'Design a multi-region active-active database replication scheme with conflict resolution and bounded staleness guarantees.';
    const designReply = 'Each region accepts writes; a hybrid logical clock orders them and CRDT registers resolve conflicts.';
    const route = async (messages: OpenAI.ChatCompletionMessageParam[]) =>
      (await client.chat.completions.create({ model: 'auto', messages }).withResponse()).response.headers.get('x-switchyard-route') ?? '';
    // The message alone looks trivial; the conversation says it is not.
    expect(await route([{ role: 'user', content: 'Now add failover to it.' }])).toContain('tier=cheap');
    const followUps = ['Now add failover to it.', 'continue', 'What about split brain?'];
    for (const content of followUps) {
      const messages: OpenAI.ChatCompletionMessageParam[] = [
        { role: 'system', content: 'You are a careful engineer.' },
        { role: 'user', content: design },
        { role: 'assistant', content: designReply },
        { role: 'user', content },
      ];
      expect(await route(messages), content).toContain('tier=strong');
    }
    // Thanks, a change of form, or a new simple question after it are still cheap work.
    for (const content of ['Thanks, this is great!', 'Put the component names in bold.', 'Unrelated: what is 15% of 80?']) {
      expect(await route([{ role: 'user', content: design }, { role: 'assistant', content: designReply }, { role: 'user', content }]), content).toContain('tier=cheap');
    }
    // A short follow-up to a simple exchange stays cheap.
    const capital: OpenAI.ChatCompletionMessageParam[] = [{ role: 'user', content: 'what is the capital of australia' }, { role: 'assistant', content: 'Canberra.' }];
    expect(await route([...capital, { role: 'user', content: 'and brazil?' }])).toContain('tier=cheap');
  });

  it('rejects bad requests in the one error shape with an OpenAI type', async () => {
    const empty = await request(h.app).post('/v1/chat/completions').set('Authorization', `Bearer ${token}`).send({ model: 'auto', messages: [] });
    expect(empty.status).toBe(400);
    expect(empty.body.error).toMatchObject({ code: 'invalid_request', type: 'invalid_request_error' });
    expect(empty.body.error.message).toMatch(/messages/);

    const unknown = await request(h.app)
      .post('/v1/chat/completions')
      .set('Authorization', `Bearer ${token}`)
      .send({ model: 'no-such-model', messages: [{ role: 'user', content: 'hi' }] });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({ code: 'model_not_found', type: 'not_found_error', param: 'model' });

    // Errors raised before the /v1 router (authentication, body parsing) carry the type as well.
    const anonymous = await request(h.app).post('/v1/chat/completions').send({ messages: [{ role: 'user', content: 'hi' }] });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error).toMatchObject({ code: 'unauthorized', type: 'authentication_error' });
    const malformed = await request(h.app).post('/v1/chat/completions').set('Authorization', `Bearer ${token}`).set('content-type', 'application/json').send('{"model": "auto",');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toMatchObject({ code: 'invalid_json', type: 'invalid_request_error' });
    // An SDK shows the same: its error carries our message and OpenAI's type.
    await expect(client.chat.completions.create({ model: 'auto', messages: [] })).rejects.toMatchObject({ status: 400, type: 'invalid_request_error' });
  });

  it('keeps the plain error shape, without an OpenAI type, outside /v1', async () => {
    const res = await request(h.app).post('/api/chat').set('Authorization', `Bearer ${token}`).send({ message: 42 });
    expect(res.status).toBe(400);
    expect(res.body.error.type).toBeUndefined();
    expect(res.body.error.message).toMatch(/^the request is invalid: message: /);
  });
});
