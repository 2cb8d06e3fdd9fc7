// The fake speaks tools, structured output, several choices, limits and the Responses and
// Messages streams in the real wire formats: the official SDKs read them as they read the real
// services.
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeLlm, type FakeLlm } from './index';

let fake: FakeLlm;
let openai: OpenAI;
let anthropic: Anthropic;
beforeAll(async () => {
  fake = await startFakeLlm();
  openai = new OpenAI({ apiKey: 'sk-test', baseURL: fake.openaiBaseURL, maxRetries: 0 });
  anthropic = new Anthropic({ apiKey: 'sk-ant-test', baseURL: fake.anthropicBaseURL, maxRetries: 0 });
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => fake.reset());

const weather = {
  type: 'function' as const,
  function: {
    name: 'get_weather',
    description: 'Weather in a city',
    parameters: { type: 'object', properties: { city: { type: 'string' }, days: { type: 'integer' } }, required: ['city', 'days'] },
  },
};
const time = { type: 'function' as const, function: { name: 'get_time', parameters: { type: 'object', properties: { zone: { type: 'string' } } } } };

describe('OpenAI chat completions', () => {
  it('calls the tools the message names, with arguments from their schemas', async () => {
    const completion = await openai.chat.completions.create({
      model: 'm',
      messages: [{ role: 'user', content: 'get_weather city=Paris days=3 and get_time zone=CET' }],
      tools: [weather, time],
    });
    const choice = completion.choices[0]!;
    expect(choice.finish_reason).toBe('tool_calls');
    expect(choice.message.content).toBeNull();
    const calls = (choice.message.tool_calls ?? []).map((c) => (c.type === 'function' ? [c.function.name, JSON.parse(c.function.arguments)] : []));
    expect(calls).toEqual([
      ['get_weather', { city: 'Paris', days: 3 }],
      ['get_time', { zone: 'CET' }],
    ]);
  });

  it('streams tool-call deltas that the SDK assembles, one call when parallel calls are off', async () => {
    const stream = openai.chat.completions.stream({
      model: 'm',
      messages: [{ role: 'user', content: 'get_weather city=Oslo days=1 and get_time' }],
      tools: [weather, time],
      parallel_tool_calls: false,
    });
    const final = await stream.finalChatCompletion();
    const calls = final.choices[0]?.message.tool_calls ?? [];
    expect(calls).toHaveLength(1);
    expect(calls[0]?.type === 'function' && JSON.parse(calls[0].function.arguments)).toEqual({ city: 'Oslo', days: 1 });
    expect(final.choices[0]?.finish_reason).toBe('tool_calls');
  });

  it('answers from a tool result, writes JSON for a schema, gives n choices and stops at the token limit', async () => {
    const afterTool = await openai.chat.completions.create({
      model: 'm',
      messages: [
        { role: 'user', content: 'weather?' },
        { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{}' } }] },
        { role: 'tool', tool_call_id: 'call_1', content: '21 degrees' },
      ],
      tools: [weather],
    });
    expect(afterTool.choices[0]?.message.content).toBe('Tool result: 21 degrees');

    const structured = await openai.chat.completions.create({
      model: 'm',
      messages: [{ role: 'user', content: 'name=Ada' }],
      response_format: { type: 'json_schema', json_schema: { name: 'person', schema: { type: 'object', properties: { name: { type: 'string' }, tags: { type: 'array', items: { type: 'string', enum: ['a', 'b'] } } } } } },
    });
    expect(JSON.parse(structured.choices[0]?.message.content ?? '')).toEqual({ name: 'Ada', tags: ['a'] });

    const several = await openai.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'hello' }], n: 3 });
    expect(several.choices.map((c) => c.message.content)).toEqual(['Echo: hello', 'Echo: hello #2', 'Echo: hello #3']);

    const cut = await openai.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'a rather long question indeed' }], max_tokens: 2 });
    expect(cut.choices[0]?.finish_reason).toBe('length');
    expect(cut.choices[0]?.message.content).toBe('Echo: a ');
  });
});

describe('Anthropic messages', () => {
  it('streams tool_use blocks with input_json_delta, and stops with max_tokens', async () => {
    const stream = anthropic.messages.stream({
      model: 'c',
      max_tokens: 100,
      messages: [{ role: 'user', content: 'get_weather city=Rome days=2' }],
      tools: [{ name: 'get_weather', input_schema: weather.function.parameters as Anthropic.Tool.InputSchema }],
    });
    const message = await stream.finalMessage();
    expect(message.stop_reason).toBe('tool_use');
    expect(message.content[0]).toMatchObject({ type: 'tool_use', name: 'get_weather', input: { city: 'Rome', days: 2 } });

    const cut = await anthropic.messages.create({ model: 'c', max_tokens: 2, messages: [{ role: 'user', content: 'a rather long question indeed' }] });
    expect(cut.stop_reason).toBe('max_tokens');
  });
});

describe('OpenAI Responses', () => {
  it('answers and streams in the Responses wire format', async () => {
    const response = await openai.responses.create({ model: 'm', input: 'hello there', instructions: 'be brief' });
    expect(response.output_text).toBe('Echo: hello there');
    expect(response.usage?.total_tokens).toBeGreaterThan(0);

    const stream = openai.responses.stream({ model: 'm', input: [{ role: 'user', content: 'get_weather city=Lima days=5' }], tools: [{ type: 'function', name: 'get_weather', parameters: weather.function.parameters, strict: false }] });
    const types: string[] = [];
    for await (const event of stream) types.push(event.type);
    const final = await stream.finalResponse();
    expect(types).toContain('response.function_call_arguments.delta');
    expect(final.output[0]).toMatchObject({ type: 'function_call', name: 'get_weather', arguments: '{"city":"Lima","days":5}' });
  });
});
