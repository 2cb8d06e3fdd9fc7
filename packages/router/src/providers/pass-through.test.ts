// Tools, structured output, images, limits and sampling settings reach the provider in its own
// wire format, and what it answers (tool calls, JSON, stop reasons) comes back in OpenAI's shape,
// streamed and not — through the official SDKs against the fake server.
import { startFakeLlm, type FakeLlm } from '@switchyard/fake-llm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRouter } from '../router';
import type { RouterError } from '../errors';
import type { AnswerChunk, ChatRequest, RouteDecision } from '../types';

let fake: FakeLlm;
beforeAll(async () => {
  fake = await startFakeLlm();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => fake.reset());

const kinds = ['openai', 'anthropic'] as const;
const routerFor = (kind: (typeof kinds)[number]) =>
  createRouter({
    providers: [{ id: 'cloud', kind, local: false, apiKey: 'sk-test-key-0000', baseURL: kind === 'openai' ? fake.openaiBaseURL : fake.anthropicBaseURL, models: ['fake-small'] }],
  });
const decision: RouteDecision = { sensitivity: 'public', complexity: 'simple', tier: 'cheap', provider: 'cloud', model: 'fake-small', chain: [{ provider: 'cloud', model: 'fake-small' }], reasons: [] };
const weatherTool = { name: 'get_weather', description: 'Weather', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } };
const request = (text: string, extra: Partial<ChatRequest> = {}): ChatRequest => ({
  messages: [{ role: 'user', content: text }],
  turns: [{ role: 'user', content: text }],
  ...extra,
});
const body = () => fake.requests[0]?.body as Record<string, unknown>;

describe.each(kinds)('%s: pass-through', (kind) => {
  it.each([true, false])('returns tool calls in OpenAI shape (streamed: %s)', async (stream) => {
    const chunks: AnswerChunk[] = [];
    const result = await routerFor(kind).chat(decision, request('get_weather city=Paris', { stream, generation: { tools: [weatherTool], toolChoice: 'required' } }), {
      onChunk: (chunk) => chunks.push(chunk),
    });
    expect(result.finishReason).toBe('tool_calls');
    expect(result.toolCalls).toHaveLength(1);
    expect(result.toolCalls?.[0]?.function.name).toBe('get_weather');
    expect(JSON.parse(result.toolCalls?.[0]?.function.arguments ?? '')).toEqual({ city: 'Paris' });
    if (stream) {
      const pieces = chunks.filter((c) => c.toolCall);
      expect(pieces[0]?.toolCall).toMatchObject({ index: 0, name: 'get_weather' });
      expect(pieces.map((c) => c.toolCall?.arguments ?? '').join('')).toBe('{"city":"Paris"}');
    }
    expect(body().stream).toBe(stream);
    if (kind === 'anthropic') expect(body().tool_choice).toEqual({ type: 'any' });
    else expect(body().tool_choice).toBe('required');
  });

  it('sends tool results and the assistant turn that called the tool', async () => {
    const result = await routerFor(kind).chat(decision, {
      messages: [{ role: 'user', content: 'weather?' }],
      turns: [
        { role: 'user', content: 'weather in Paris?' },
        { role: 'assistant', content: null, toolCalls: [{ id: 'call_9', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }] },
        { role: 'tool', content: '21 degrees and sunny', toolCallId: 'call_9' },
      ],
      generation: { tools: [weatherTool] },
    });
    expect(result.text).toBe('Tool result: 21 degrees and sunny');
    expect(result.finishReason).toBe('stop');
    const sent = JSON.stringify(body().messages);
    expect(sent).toContain('call_9');
    expect(sent).toContain('21 degrees and sunny');
  });

  it('answers a JSON schema with JSON that fits it', async () => {
    const schema = { type: 'object', properties: { name: { type: 'string' }, age: { type: 'integer' } }, required: ['name', 'age'] };
    const deltas: string[] = [];
    const result = await routerFor(kind).chat(decision, request('name=Ada age=36', { generation: { responseFormat: { type: 'json_schema', name: 'person', schema } } }), {
      onDelta: (d) => deltas.push(d),
    });
    expect(JSON.parse(result.text)).toEqual({ name: 'Ada', age: 36 });
    expect(deltas.join('')).toBe(result.text);
    expect(result.finishReason).toBe('stop');
    expect(result.toolCalls).toBeUndefined();
  });

  it('maps a cut-off answer to finish reason length, and passes stop sequences', async () => {
    const cut = await routerFor(kind).chat(decision, request('a long question that goes on', { maxTokens: 2 }));
    expect(cut.finishReason).toBe('length');
    fake.reset();
    const stopped = await routerFor(kind).chat(decision, request('alpha beta gamma', { generation: { stop: ['gamma'] } }));
    expect(stopped.text).toBe('Echo: alpha beta ');
    expect(stopped.finishReason).toBe('stop');
    // Anthropic says which sequence stopped it (its stop_reason stop_sequence); OpenAI does not.
    expect(stopped.choices?.[0]?.stopSequence).toBe(kind === 'anthropic' ? 'gamma' : undefined);
  });

  it('sends image parts in the provider format', async () => {
    const result = await routerFor(kind).chat(decision, {
      messages: [{ role: 'user', content: 'what is this?' }],
      turns: [{ role: 'user', content: [{ type: 'text', text: 'what is this?' }, { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } }] }],
    });
    expect(result.text).toBe('Echo: what is this? [1 image]');
    const sent = JSON.stringify(body().messages);
    expect(sent).toContain(kind === 'openai' ? '"image_url"' : '"media_type":"image/png"');
  });
});

describe('openai: settings only OpenAI takes', () => {
  it('passes n, seed, penalties, logprobs and user, and returns every choice', async () => {
    const result = await routerFor('openai').chat(
      decision,
      request('hello', { generation: { n: 2, seed: 7, presencePenalty: 0.5, frequencyPenalty: 0.25, logprobs: true, topLogprobs: 1, user: 'end-user-1', topP: 0.9 } }),
    );
    expect(result.choices?.map((c) => c.text)).toEqual(['Echo: hello', 'Echo: hello #2']);
    expect(result.choices?.[0]?.logprobs).toMatchObject({ content: [{ token: 'Echo: ' }, { token: 'hello' }] });
    expect(body()).toMatchObject({ n: 2, seed: 7, presence_penalty: 0.5, frequency_penalty: 0.25, logprobs: true, top_logprobs: 1, user: 'end-user-1', top_p: 0.9 });
  });
});

describe('openai: a whole answer fetched without the SDK fails the same ways', () => {
  const whole = (text: string) => request(text, { stream: false });

  it('maps a 429 with Retry-After, a 500 and a refused connection as the streamed path does', async () => {
    fake.setBehavior({ mode: 'rate429', retryAfterSeconds: 7 });
    const limited = (await routerFor('openai').chat(decision, whole('hi')).catch((e: unknown) => e)) as RouterError;
    expect(limited.code).toBe('all_providers_failed');
    expect(limited.retryAfterSeconds).toBe(7);
    expect(limited.attempts?.[0]?.error).toMatch(/rate limited \(429\)/);

    fake.setBehavior({ mode: 'error500' });
    const failed = (await routerFor('openai').chat(decision, whole('hi')).catch((e: unknown) => e)) as RouterError;
    expect(failed.attempts?.[0]?.error).toMatch(/upstream error 500: .*internal error/);

    const nowhere = createRouter({ providers: [{ id: 'cloud', kind: 'openai', local: false, apiKey: 'sk-test-key-0000', baseURL: 'http://127.0.0.1:9/v1', models: ['fake-small'] }] });
    const unreachable = (await nowhere.chat(decision, whole('hi')).catch((e: unknown) => e)) as RouterError;
    expect(unreachable.attempts?.[0]?.error).toMatch(/cannot reach the provider.*ECONNREFUSED/);
  });

  it('reports a malformed body as such, and sends the key it was given', async () => {
    fake.setBehavior({ mode: 'malformed-stream' });
    const broken = (await routerFor('openai').chat(decision, whole('hi')).catch((e: unknown) => e)) as RouterError;
    expect(broken.attempts?.[0]?.error).toMatch(/malformed response/);
    expect(fake.requests[0]?.keyLastFour).toBe('0000');
  });
});
