// /v1/chat/completions passes everything agents rely on through to the model and back, refuses
// what no allowed model can honour (naming the parameter), and classifies everything that would
// leave the machine — with the official openai SDK against the fake provider.
import OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseSse, startChatHarness, type ChatHarness } from '../chat/harness';

let h: ChatHarness;
let client: OpenAI;
let token: string;

beforeAll(async () => {
  h = await startChatHarness({ env: { CACHE_TTL_SECONDS: '0' } });
  token = (await h.signup('v1chat')).token;
  client = new OpenAI({ baseURL: `${h.url}/v1`, apiKey: token, maxRetries: 0 });
}, 60_000);
afterAll(async () => {
  await h?.close();
});
beforeEach(() => h.fake.reset());

const upstream = () => h.fake.requests.filter((r) => r.method === 'POST');
const sentBody = () => upstream()[0]?.body as Record<string, unknown>;
const weather: OpenAI.ChatCompletionTool = {
  type: 'function',
  function: { name: 'get_weather', description: 'Current weather', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } },
};
const clock: OpenAI.ChatCompletionTool = { type: 'function', function: { name: 'get_time', parameters: { type: 'object', properties: { zone: { type: 'string' } } } } };

describe('tools', () => {
  it('returns tool calls (parallel ones too) with finish_reason tool_calls, and passes tools and tool_choice through', async () => {
    const completion = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Call get_weather city=Paris and get_time zone=CET please' }],
      tools: [weather, clock],
      tool_choice: 'auto',
      parallel_tool_calls: true,
    });
    const choice = completion.choices[0]!;
    expect(choice.finish_reason).toBe('tool_calls');
    expect(choice.message.content).toBeNull();
    expect(choice.message.tool_calls?.map((c) => (c.type === 'function' ? [c.function.name, JSON.parse(c.function.arguments)] : null))).toEqual([
      ['get_weather', { city: 'Paris' }],
      ['get_time', { zone: 'CET' }],
    ]);
    expect(sentBody()).toMatchObject({ tool_choice: 'auto', parallel_tool_calls: true, tools: [{ function: { name: 'get_weather' } }, { function: { name: 'get_time' } }] });
  });

  it('streams tool-call deltas the SDK assembles into the same calls', async () => {
    const stream = client.chat.completions.stream({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'get_weather city=Oslo' }],
      tools: [weather],
      tool_choice: { type: 'function', function: { name: 'get_weather' } },
    });
    const argumentPieces: string[] = [];
    stream.on('tool_calls.function.arguments.delta', (event) => argumentPieces.push(event.arguments_delta));
    const final = await stream.finalChatCompletion();
    expect(final.choices[0]?.finish_reason).toBe('tool_calls');
    const call = final.choices[0]?.message.tool_calls?.[0];
    expect(call?.type === 'function' && call.function.name).toBe('get_weather');
    expect(argumentPieces.length).toBeGreaterThan(1);
    expect(argumentPieces.join('')).toBe('{"city":"Oslo"}');
  });

  it('accepts an assistant turn with tool_calls and no content, and sends the tool result to the model', async () => {
    const completion = await client.chat.completions.create({
      model: 'auto',
      messages: [
        { role: 'user', content: 'What is the weather in Paris?' },
        { role: 'assistant', content: null, tool_calls: [{ id: 'call_abc', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }] },
        { role: 'tool', tool_call_id: 'call_abc', content: '21 degrees, sunny' },
      ],
      tools: [weather],
    });
    expect(completion.choices[0]?.message.content).toBe('Tool result: 21 degrees, sunny');
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    const messages = sentBody().messages as { role: string; tool_call_id?: string; tool_calls?: unknown[] }[];
    expect(messages.map((m) => m.role)).toEqual(['user', 'assistant', 'tool']);
    expect(messages[1]?.tool_calls).toHaveLength(1);
    expect(messages[2]?.tool_call_id).toBe('call_abc');
  });
});

describe('structured output and generation settings', () => {
  it('chat.completions.parse gets an object that fits its zod schema', async () => {
    const Person = z.object({ name: z.string(), age: z.number().int() });
    const completion = await client.chat.completions.parse({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Extract: name=Ada age=36' }],
      response_format: zodResponseFormat(Person, 'person'),
    });
    expect(completion.choices[0]?.message.parsed).toEqual({ name: 'Ada', age: 36 });
    expect(sentBody().response_format).toMatchObject({ type: 'json_schema', json_schema: { name: 'person', strict: true } });
  });

  it('passes n, stop, seed, penalties, logprobs, top_p and user, and returns every choice with its logprobs', async () => {
    const completion = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'alpha beta gamma' }],
      n: 2,
      stop: ['gamma'],
      seed: 42,
      presence_penalty: 0.5,
      frequency_penalty: 0.25,
      logit_bias: { '50256': -100 },
      logprobs: true,
      top_logprobs: 2,
      top_p: 0.9,
      user: 'end-user-7',
    });
    expect(completion.choices.map((c) => c.message.content)).toEqual(['Echo: alpha beta ', 'Echo: alpha beta ']);
    expect(completion.choices[0]?.logprobs?.content?.[0]).toMatchObject({ token: 'Echo: ' });
    expect(sentBody()).toMatchObject({ n: 2, stop: ['gamma'], seed: 42, presence_penalty: 0.5, frequency_penalty: 0.25, logit_bias: { '50256': -100 }, logprobs: true, top_logprobs: 2, top_p: 0.9, user: 'end-user-7' });
  });

  it('reports finish_reason length when the token limit cut the answer, streamed and not', async () => {
    const whole = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'a question long enough to be cut' }], max_completion_tokens: 3 });
    expect(whole.choices[0]?.finish_reason).toBe('length');
    expect(sentBody().max_completion_tokens ?? sentBody().max_tokens).toBe(3);

    const streamed = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'a question long enough to be cut' }], max_tokens: 3, stream: true });
    let finish: string | null | undefined;
    for await (const chunk of streamed) finish = chunk.choices[0]?.finish_reason ?? finish;
    expect(finish).toBe('length');
  });

  it('sends image parts to a model with vision', async () => {
    const completion = await client.chat.completions.create({
      model: 'auto',
      messages: [{ role: 'user', content: [{ type: 'text', text: 'What is in this picture?' }, { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } }] }],
    });
    expect(completion.choices[0]?.message.content).toBe('Echo: What is in this picture? [1 image]');
  });

  it('streams several choices, each closed with its own finish reason', async () => {
    const res = await request(h.app)
      .post('/v1/chat/completions')
      .set('Authorization', `Bearer ${token}`)
      .send({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }], n: 2, stream: true });
    const chunks = parseSse(res.text).map((e) => e.data) as { choices?: { index: number; delta: { content?: string }; finish_reason: string | null }[] }[];
    const text = (index: number) => chunks.flatMap((c) => c.choices ?? []).filter((c) => c.index === index).map((c) => c.delta.content ?? '').join('');
    expect(text(0)).toBe('Echo: hi');
    expect(text(1)).toBe('Echo: hi #2');
    expect(chunks.flatMap((c) => c.choices ?? []).filter((c) => c.finish_reason === 'stop').map((c) => c.index)).toEqual([0, 1]);
  });
});

describe('refusals name the parameter', () => {
  it('refuses tools for confidential work that only the extractive responder may serve, and the cloud sees nothing', async () => {
    const attempt = client.chat.completions.create({
      model: 'auto',
      messages: [{ role: 'user', content: 'Employee SSN 123-45-6789: look up their payroll record' }],
      tools: [weather],
    });
    await expect(attempt).rejects.toMatchObject({ status: 400, code: 'unsupported_parameter', param: 'tools' });
    expect(upstream()).toHaveLength(0);
  });

  it('refuses n on a model that cannot give several answers', async () => {
    const res = await request(h.app)
      .post('/v1/chat/completions')
      .set('Authorization', `Bearer ${token}`)
      .send({ model: 'claude-sonnet-4-5', messages: [{ role: 'user', content: 'hi' }], n: 3 });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'unsupported_parameter', param: 'n', type: 'invalid_request_error' });
    expect(upstream()).toHaveLength(0);
  });

  it('refuses a parameter it does not know, by name, instead of dropping it', async () => {
    const res = await request(h.app)
      .post('/v1/chat/completions')
      .set('Authorization', `Bearer ${token}`)
      .send({ model: 'auto', messages: [{ role: 'user', content: 'hi' }], audio: { voice: 'alloy', format: 'mp3' } });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'invalid_request', param: 'audio' });
    const toolChoice = await request(h.app)
      .post('/v1/chat/completions')
      .set('Authorization', `Bearer ${token}`)
      .send({ model: 'auto', messages: [{ role: 'user', content: 'hi' }], tool_choice: 'required' });
    expect(toolChoice.body.error).toMatchObject({ param: 'tool_choice' });
  });
});

describe('sensitivity covers everything that leaves', () => {
  const ask = (messages: OpenAI.ChatCompletionMessageParam[]) => client.chat.completions.create({ model: 'auto', messages }).withResponse();

  it.each([
    ['a tool result', [
      { role: 'user', content: 'Summarise what the lookup returned.' },
      { role: 'assistant', content: null, tool_calls: [{ id: 'c1', type: 'function', function: { name: 'lookup', arguments: '{}' } }] },
      { role: 'tool', tool_call_id: 'c1', content: 'Record: Jane Roe, SSN 123-45-6789' },
    ]],
    ['tool call arguments', [
      { role: 'user', content: 'Continue.' },
      { role: 'assistant', content: null, tool_calls: [{ id: 'c2', type: 'function', function: { name: 'store', arguments: '{"key":"AKIA2OGYBAH6STMKQF7P"}' } }] },
      { role: 'tool', tool_call_id: 'c2', content: 'stored' },
    ]],
  ] as [string, OpenAI.ChatCompletionMessageParam[]][])('keeps a conversation with a secret in %s on this machine', async (_where, messages) => {
    // Confidential, so only a local model may serve it, and the only local one cannot use tools.
    const error = (await client.chat.completions.create({ model: 'auto', messages, tools: [weather] }).catch((e: unknown) => e)) as InstanceType<typeof OpenAI.APIError>;
    expect(error).toMatchObject({ status: 400, code: 'unsupported_parameter', param: 'tools' });
    expect(error.message).toMatch(/confidential/);
    expect(upstream()).toHaveLength(0);
  });

  it.each([
    ['a system prompt', [{ role: 'system', content: 'Context: the customer SSN is 123-45-6789.' }, { role: 'user', content: 'Write a short greeting.' }]],
    ['a text part', [{ role: 'user', content: [{ type: 'text', text: 'Greet them.' }, { type: 'text', text: 'Their SSN is 123-45-6789.' }] }]],
  ] as [string, OpenAI.ChatCompletionMessageParam[]][])('answers locally when the secret is in %s', async (_where, messages) => {
    const { response } = await ask(messages);
    expect(response.headers.get('x-switchyard-route')).toContain('provider=local-extractive');
    expect(upstream()).toHaveLength(0);
  });
});
