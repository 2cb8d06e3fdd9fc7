import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeLlm, type FakeLlm } from './index';

let fake: FakeLlm;
beforeAll(async () => {
  fake = await startFakeLlm();
});
afterAll(async () => {
  await fake.close();
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${fake.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer sk-secret', ...headers },
    body: JSON.stringify(body),
  });

describe('fake-llm', () => {
  it('answers chat completions with an echo of the last user message and records the request without credentials', async () => {
    fake.reset();
    const res = await post('/v1/chat/completions', { model: 'm', messages: [{ role: 'user', content: 'hi there' }] });
    const json = (await res.json()) as { choices: { message: { content: string } }[] };
    expect(json.choices[0]?.message.content).toBe('Echo: hi there');
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]?.headers.authorization).toBeUndefined();
    expect(fake.requests[0]?.path).toBe('/v1/chat/completions');
  });

  it('streams OpenAI chunks ending in [DONE] with usage when asked', async () => {
    fake.reset();
    const res = await post('/v1/chat/completions', {
      model: 'm',
      stream: true,
      stream_options: { include_usage: true },
      messages: [{ role: 'user', content: 'one two three' }],
    });
    const text = await res.text();
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    expect(text.trim().endsWith('data: [DONE]')).toBe(true);
    expect(text).toContain('"prompt_tokens"');
  });

  it('streams Anthropic events in order', async () => {
    fake.reset();
    const res = await post('/v1/messages', { model: 'c', max_tokens: 10, stream: true, messages: [{ role: 'user', content: 'hey' }] });
    const events = [...(await res.text()).matchAll(/^event: (\w+)$/gm)].map((m) => m[1]);
    expect(events).toEqual([
      'message_start',
      'content_block_start',
      'ping',
      'content_block_delta',
      'content_block_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
  });

  it('returns 429 with Retry-After in rate429 mode', async () => {
    fake.reset();
    fake.setBehavior({ mode: 'rate429', retryAfterSeconds: 7 });
    const res = await post('/v1/messages', { model: 'c', max_tokens: 10, messages: [] });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('7');
    expect(((await res.json()) as { error: { type: string } }).error.type).toBe('rate_limit_error');
  });

  it('gives deterministic embeddings of the requested dimension', async () => {
    fake.reset();
    const body = { model: 'e', input: ['a b', 'a b'], dimensions: 8, encoding_format: 'float' };
    const json = (await (await post('/v1/embeddings', body)).json()) as { data: { embedding: number[] }[] };
    expect(json.data[0]?.embedding).toHaveLength(8);
    expect(json.data[0]?.embedding).toEqual(json.data[1]?.embedding);
  });

  it('records a client abort on a hanging request', async () => {
    fake.reset();
    fake.setBehavior({ mode: 'hang' });
    const controller = new AbortController();
    const aborted = fetch(`${fake.url}/v1/chat/completions`, { method: 'POST', body: '{}', signal: controller.signal }).catch(
      () => 'aborted',
    );
    await fake.waitFor((r) => r.length === 1);
    controller.abort();
    expect(await aborted).toBe('aborted');
    await fake.waitFor((r) => r[0]?.aborted === true);
    expect(fake.requests[0]?.completed).toBe(false);
  });
});

// The providers always stream; these are the non-streaming answers as the official SDKs read them.
describe('fake-llm through the official SDKs without streaming', () => {
  const openai = (maxRetries = 0) => new OpenAI({ apiKey: 'sk-test-openai', baseURL: fake.openaiBaseURL, maxRetries });
  const anthropic = (maxRetries = 0) => new Anthropic({ apiKey: 'sk-ant-test', baseURL: fake.anthropicBaseURL, maxRetries });
  const question = 'What is the refund window for annual plans?';

  it('OpenAI: a chat completion carries the answer, a stop reason and consistent usage', async () => {
    fake.reset();
    const completion = await openai().chat.completions.create({ model: 'fake-medium', stream: false, messages: [{ role: 'user', content: question }] });
    expect(completion.model).toBe('fake-medium');
    expect(completion.choices).toHaveLength(1);
    expect(completion.choices[0]?.message).toMatchObject({ role: 'assistant', content: `Echo: ${question}` });
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    const usage = completion.usage;
    expect(usage?.prompt_tokens).toBeGreaterThan(0);
    expect(usage?.completion_tokens).toBe(Math.ceil(`Echo: ${question}`.length / 4));
    expect(usage?.total_tokens).toBe((usage?.prompt_tokens ?? 0) + (usage?.completion_tokens ?? 0));
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]).toMatchObject({ path: '/v1/chat/completions', body: { stream: false }, completed: true });
    expect(fake.requests[0]?.headers.authorization).toBeUndefined();
  });

  it('Anthropic: a message carries the answer as a text block, a stop reason and usage', async () => {
    fake.reset();
    fake.setBehavior({ mode: 'ok', reply: 'Annual plans can be refunded within 30 days.' });
    const message = await anthropic().messages.create({
      model: 'claude-fake',
      max_tokens: 200,
      stream: false,
      system: 'Answer from the documents.',
      messages: [{ role: 'user', content: question }],
    });
    expect(message).toMatchObject({ type: 'message', role: 'assistant', model: 'claude-fake', stop_reason: 'end_turn' });
    expect(message.content).toEqual([{ type: 'text', text: 'Annual plans can be refunded within 30 days.' }]);
    expect(message.usage.input_tokens).toBeGreaterThan(0);
    expect(message.usage.output_tokens).toBe(Math.ceil('Annual plans can be refunded within 30 days.'.length / 4));
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]).toMatchObject({ path: '/v1/messages', body: { stream: false }, completed: true });
    expect(fake.requests[0]?.headers['x-api-key']).toBeUndefined();
  });

  it('OpenAI: a 429 reaches the client as a RateLimitError with its Retry-After', async () => {
    fake.reset();
    fake.setBehavior({ mode: 'rate429', retryAfterSeconds: 7 });
    const error = await openai()
      .chat.completions.create({ model: 'fake-small', stream: false, messages: [{ role: 'user', content: question }] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    const rateLimited = error as InstanceType<typeof OpenAI.RateLimitError>;
    expect(rateLimited.status).toBe(429);
    expect(rateLimited.headers.get('retry-after')).toBe('7');
    expect(rateLimited.code).toBe('rate_limit_exceeded');
    expect(rateLimited.message).toContain('Rate limit reached');
  });

  it('Anthropic: a 429 reaches the client as a RateLimitError with its Retry-After', async () => {
    fake.reset();
    fake.setBehavior({ mode: 'rate429', retryAfterSeconds: 7 });
    const error = await anthropic()
      .messages.create({ model: 'claude-fake', max_tokens: 50, stream: false, messages: [{ role: 'user', content: question }] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Anthropic.RateLimitError);
    const rateLimited = error as InstanceType<typeof Anthropic.RateLimitError>;
    expect(rateLimited.status).toBe(429);
    expect(rateLimited.headers.get('retry-after')).toBe('7');
    expect(rateLimited.error).toMatchObject({ type: 'error', error: { type: 'rate_limit_error' } });
  });

  it('both SDKs wait the Retry-After of a 429 before retrying, then get the answer', async () => {
    const cases = [
      {
        name: 'openai',
        call: async () => (await openai(1).chat.completions.create({ model: 'fake-small', stream: false, messages: [{ role: 'user', content: question }] })).choices[0]?.message.content,
      },
      {
        name: 'anthropic',
        call: async () => {
          const message = await anthropic(1).messages.create({ model: 'claude-fake', max_tokens: 50, stream: false, messages: [{ role: 'user', content: question }] });
          return message.content[0]?.type === 'text' ? message.content[0].text : undefined;
        },
      },
    ];
    for (const { name, call } of cases) {
      fake.reset();
      fake.setBehavior({ mode: 'rate429', retryAfterSeconds: 1 });
      const answer = call();
      await fake.waitFor((requests) => requests.length === 1);
      fake.setBehavior({ mode: 'ok' });
      expect(await answer, name).toBe(`Echo: ${question}`);
      expect(fake.requests, name).toHaveLength(2);
      const [limited, retried] = fake.requests;
      expect(limited?.completed, name).toBe(true);
      expect((retried?.at ?? 0) - (limited?.at ?? 0), name).toBeGreaterThanOrEqual(950);
    }
  });

  it('fails requests made with a faulted key only, in each wire format, and records which key was used', async () => {
    fake.reset();
    fake.setKeyFault('sk-revoked-0001', { status: 401 });
    fake.setKeyFault('sk-limited-0002', { status: 429, retryAfterSeconds: 7 });
    const revoked = await post('/v1/chat/completions', { model: 'm', messages: [{ role: 'user', content: 'x' }] }, { authorization: 'Bearer sk-revoked-0001' });
    expect(revoked.status).toBe(401);
    expect(((await revoked.json()) as { error: { type: string } }).error.type).toBe('authentication_error');
    const limited = await post('/v1/messages', { model: 'c', max_tokens: 5, messages: [{ role: 'user', content: 'x' }] }, { authorization: '', 'x-api-key': 'sk-limited-0002' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    const fine = await post('/v1/chat/completions', { model: 'm', messages: [{ role: 'user', content: 'x' }] }, { authorization: 'Bearer sk-healthy-0003' });
    expect(fine.status).toBe(200);
    expect(fake.requests.map((r) => r.keyLastFour)).toEqual(['0001', '0002', '0003']);
    fake.setKeyFault('sk-revoked-0001', undefined);
    expect((await post('/v1/chat/completions', { model: 'm', messages: [] }, { authorization: 'Bearer sk-revoked-0001' })).status).toBe(200);
  });

  it('lists the models it was given, in the OpenAI format the SDK pages through', async () => {
    fake.reset();
    fake.setModels(['llama3.2:3b', 'qwen2.5:32b']);
    const client = new OpenAI({ apiKey: 'sk-x', baseURL: fake.openaiBaseURL, maxRetries: 0 });
    const ids: string[] = [];
    for await (const model of client.models.list()) ids.push(model.id);
    expect(ids).toEqual(['llama3.2:3b', 'qwen2.5:32b']);
    fake.reset();
    ids.length = 0;
    for await (const model of client.models.list()) ids.push(model.id);
    expect(ids).toEqual(['fake-small', 'fake-medium', 'fake-large']);
  });
});

describe('fake-llm tool calls', () => {
  it('fills the arguments a tool requires and leaves its optional ones out, unless the message names them', async () => {
    fake.reset();
    const client = new OpenAI({ apiKey: 'sk-test', baseURL: `${fake.url}/v1`, maxRetries: 0 });
    const bash = {
      type: 'function' as const,
      function: { name: 'bash', parameters: { type: 'object', properties: { command: { type: 'string' }, workdir: { type: 'string' }, description: { type: 'string' } }, required: ['command'] } },
    };
    const argsOf = async (content: string) => {
      const completion = await client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content }], tools: [bash] });
      const call = completion.choices[0]?.message.tool_calls?.[0];
      return JSON.parse(call?.type === 'function' ? call.function.arguments : '{}') as Record<string, string>;
    };
    expect(await argsOf('list the files')).toEqual({ command: 'sample command' });
    expect(await argsOf('list the files in workdir=/srv/app')).toEqual({ command: 'sample command', workdir: '/srv/app' });
  });


  it('fills numeric arguments inside the bounds their schema sets, as a model would', async () => {
    fake.reset();
    const client = new OpenAI({ apiKey: 'sk-test', baseURL: `${fake.url}/v1`, maxRetries: 0 });
    // What opencode's bash tool sends (Zod's .int().positive()), the draft-4 exclusive form, a floor above 1 and a ceiling below it.
    const parameters = {
      type: 'object',
      properties: {
        timeout: { type: 'integer', minimum: -9007199254740991, exclusiveMinimum: 0, maximum: 9007199254740991 },
        ratio: { type: 'number', minimum: 0, exclusiveMinimum: true, maximum: 0.5 },
        retries: { type: 'integer', minimum: 3 },
        offset: { type: 'integer', maximum: -2 },
      },
    };
    const completion = await client.chat.completions.create({
      model: 'm',
      messages: [{ role: 'user', content: 'run it' }],
      tools: [{ type: 'function', function: { name: 'bash', parameters } }],
    });
    const call = completion.choices[0]?.message.tool_calls?.[0];
    const args = JSON.parse(call?.type === 'function' ? call.function.arguments : '{}') as Record<string, number>;
    expect(args.timeout).toBeGreaterThan(0);
    expect(Number.isInteger(args.timeout)).toBe(true);
    expect(args.ratio).toBeGreaterThan(0);
    expect(args.ratio).toBeLessThanOrEqual(0.5);
    expect(args.retries).toBeGreaterThanOrEqual(3);
    expect(args.offset).toBeLessThanOrEqual(-2);
  });
});
