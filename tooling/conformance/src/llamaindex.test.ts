// LlamaIndex's OpenAI LLM (@llamaindex/openai, with llamaindex 0.12) against /v1, unchanged:
// chat, streamed chat, and tool calls.
import { OpenAI } from '@llamaindex/openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
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
});
