// The official SDKs (openai 6, @anthropic-ai/sdk) against /v1, unchanged: structured output with
// chat.completions.parse, the Responses API streamed with tools, Anthropic messages streamed with
// tools. (apps/api/test/v1 covers each endpoint in depth with the same SDKs.)
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startGateway, type Gateway } from './harness';

let gw: Gateway;
beforeAll(async () => {
  gw = await startGateway();
});
afterAll(async () => {
  await gw?.close();
});
beforeEach(() => gw.harness.fake.reset());

describe('openai', () => {
  it('chat.completions.parse', async () => {
    const client = new OpenAI({ baseURL: gw.baseURL, apiKey: gw.apiKey, maxRetries: 0 });
    const Event = z.object({ title: z.string(), attendees: z.array(z.string()) });
    const completion = await client.chat.completions.parse({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'title=Standup' }], response_format: zodResponseFormat(Event, 'event') });
    expect(completion.choices[0]?.message.parsed).toEqual({ title: 'Standup', attendees: ['sample attendees'] });
  });

  it('responses.stream with a function tool', async () => {
    const client = new OpenAI({ baseURL: gw.baseURL, apiKey: gw.apiKey, maxRetries: 0 });
    const stream = client.responses.stream({
      model: 'gpt-4o-mini',
      input: 'get_weather city=Accra',
      tools: [{ type: 'function', name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } }, strict: false }],
    });
    const final = await stream.finalResponse();
    expect(final.output[0]).toMatchObject({ type: 'function_call', name: 'get_weather', arguments: '{"city":"Accra"}' });
  });
});

describe('@anthropic-ai/sdk', () => {
  it('messages.stream with a tool, our key as x-api-key', async () => {
    const client = new Anthropic({ baseURL: gw.rootURL, apiKey: gw.apiKey, maxRetries: 0 });
    const message = await client.messages
      .stream({ model: 'auto', max_tokens: 100, tools: [{ name: 'get_weather', input_schema: { type: 'object', properties: { city: { type: 'string' } } } }], messages: [{ role: 'user', content: 'get_weather city=Hanoi' }] })
      .finalMessage();
    expect(message.stop_reason).toBe('tool_use');
    expect(message.content.find((b) => b.type === 'tool_use')).toMatchObject({ name: 'get_weather', input: { city: 'Hanoi' } });
  });
});
