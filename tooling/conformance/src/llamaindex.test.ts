// LlamaIndex's OpenAI LLM (@llamaindex/openai, with llamaindex 0.12) against /v1, unchanged:
// chat, streamed chat, system prompt and history, tool calls and a tool result round trip,
// structured output, token limits, typed errors, and OpenAIEmbedding.
import { OpenAI, OpenAIEmbedding } from '@llamaindex/openai';
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

const llm = () => new OpenAI({ model: 'gpt-4o-mini', apiKey: gw.apiKey, baseURL: gw.baseURL, maxRetries: 0 });

describe('llamaindex', () => {
  it('chats and streams', async () => {
    const response = await llm().chat({ messages: [{ role: 'user', content: 'What is two plus two?' }] });
    expect(response.message.content).toBe('Echo: What is two plus two?');
    const pieces: string[] = [];
    for await (const chunk of await llm().chat({ messages: [{ role: 'user', content: 'Spell cat please' }], stream: true })) pieces.push(chunk.delta);
    expect(pieces.join('')).toBe('Echo: Spell cat please');
  });

  it('gets tool calls', async () => {
    const response = await llm().chat({
      messages: [{ role: 'user', content: 'get_weather city=Nairobi' }],
      tools: [
        {
          metadata: { name: 'get_weather', description: 'Weather now', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } },
          call: async () => 'sunny',
        },
      ],
    });
    const calls = (response.message.options as { toolCall?: { name: string; input: unknown }[] } | undefined)?.toolCall;
    expect(calls?.[0]).toMatchObject({ name: 'get_weather' });
    expect(JSON.parse(String(calls?.[0]?.input))).toEqual({ city: 'Nairobi' });
  });

  it('sends the system prompt and history, and answers from a tool result', async () => {
    const response = await llm().chat({
      messages: [
        { role: 'system', content: 'You are terse.' },
        { role: 'user', content: 'get_weather city=Nairobi' },
        { role: 'assistant', content: '', options: { toolCall: [{ id: 'call_1', name: 'get_weather', input: '{"city":"Nairobi"}' }] } },
        { role: 'user', content: '26 degrees', options: { toolResult: { id: 'call_1', result: '26 degrees', isError: false } } },
      ],
      tools: [
        {
          metadata: { name: 'get_weather', description: 'Weather now', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } },
          call: async () => '26 degrees',
        },
      ],
    });
    expect(response.message.content).toBe('Tool result: 26 degrees');
    const sent = JSON.stringify(gw.upstream()[0]);
    expect(sent).toContain('You are terse.');
    expect(sent).toContain('"role":"tool"');
  });

  it('fills a zod responseFormat, and reports a cut answer', async () => {
    const response = await llm().chat({ messages: [{ role: 'user', content: 'name=Curie year=1903' }], responseFormat: z.object({ name: z.string(), year: z.number() }) });
    expect(JSON.parse(String(response.message.content))).toEqual({ name: 'Curie', year: 1903 });
    const cut = await new OpenAI({ model: 'gpt-4o-mini', apiKey: gw.apiKey, baseURL: gw.baseURL, maxRetries: 0, maxTokens: 2 }).chat({ messages: [{ role: 'user', content: 'a question long enough to be cut' }] });
    expect(cut.message.content).toBe('Echo: a ');
  });

  it('surfaces a bad key as a 401 and an unknown model as a 404', async () => {
    await expect(new OpenAI({ model: 'gpt-4o-mini', apiKey: 'sk-nope', baseURL: gw.baseURL, maxRetries: 0 }).chat({ messages: [{ role: 'user', content: 'hi' }] })).rejects.toMatchObject({ status: 401 });
    await expect(new OpenAI({ model: 'gpt-nonexistent', apiKey: gw.apiKey, baseURL: gw.baseURL, maxRetries: 0 }).chat({ messages: [{ role: 'user', content: 'hi' }] })).rejects.toMatchObject({ status: 404 });
  });

  it('embeds with OpenAIEmbedding and switchyard-embed', async () => {
    const embedder = new OpenAIEmbedding({ model: 'switchyard-embed', apiKey: gw.apiKey, additionalSessionOptions: { baseURL: gw.baseURL } });
    const [a, b] = await embedder.getTextEmbeddings(['a cat on a mat', 'stock market report']);
    expect(a).toHaveLength(gw.harness.ctx.embedder.dimensions);
    expect(b).toHaveLength(gw.harness.ctx.embedder.dimensions);
    expect(await embedder.getTextEmbedding('a cat on a mat')).toEqual(a);
    expect(gw.upstream()).toHaveLength(0);
  });
});
