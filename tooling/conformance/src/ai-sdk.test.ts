// The AI SDK (ai 6 with @ai-sdk/openai and @ai-sdk/openai-compatible) against /v1, unchanged:
// generateText and streamText (Responses API, the provider's default, and chat completions),
// tools with a multi-step loop, generateObject, embeddings.
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { embed, generateObject, generateText, stepCountIs, streamText, tool } from 'ai';
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

const openai = () => createOpenAI({ baseURL: gw.baseURL, apiKey: gw.apiKey });
const compatible = () => createOpenAICompatible({ name: 'switchyard', baseURL: gw.baseURL, apiKey: gw.apiKey, supportsStructuredOutputs: true });
const weather = tool({
  description: 'Current weather in a city',
  inputSchema: z.object({ city: z.string() }),
  execute: async ({ city }) => `Rain in ${city}`,
});

describe('@ai-sdk/openai', () => {
  it.each(['responses', 'chat'] as const)('generateText and streamText over %s', async (api) => {
    const model = api === 'responses' ? openai()('gpt-4o-mini') : openai().chat('gpt-4o-mini');
    const { text, usage } = await generateText({ model, prompt: 'Name a prime number.' });
    expect(text).toBe('Echo: Name a prime number.');
    expect(usage.outputTokens).toBeGreaterThan(0);
    const streamed = streamText({ model, prompt: 'Name a vowel please.' });
    const pieces: string[] = [];
    for await (const piece of streamed.textStream) pieces.push(piece);
    expect(pieces.join('')).toBe('Echo: Name a vowel please.');
  });

  it.each(['responses', 'chat'] as const)('runs tools in a multi-step loop over %s', async (api) => {
    const model = api === 'responses' ? openai()('gpt-4o-mini') : openai().chat('gpt-4o-mini');
    const result = await generateText({ model, prompt: 'get_weather city=Bergen', tools: { get_weather: weather }, stopWhen: stepCountIs(3) });
    expect(result.steps[0]?.toolCalls[0]).toMatchObject({ toolName: 'get_weather', input: { city: 'Bergen' } });
    expect(result.text).toBe('Tool result: Rain in Bergen');
  });

  it('generateObject fills the schema', async () => {
    const { object } = await generateObject({ model: openai().chat('gpt-4o-mini'), schema: z.object({ name: z.string(), year: z.number() }), prompt: 'name=Turing year=1936' });
    expect(object).toEqual({ name: 'Turing', year: 1936 });
  });

  it('embeds with switchyard-embed', async () => {
    const { embedding } = await embed({ model: openai().embedding('switchyard-embed'), value: 'sunny beaches' });
    expect(embedding).toHaveLength(gw.harness.ctx.embedder.dimensions);
  });
});

describe('@ai-sdk/openai-compatible', () => {
  it('generates text, calls tools and fills a schema', async () => {
    const model = compatible().chatModel('gpt-4o-mini');
    expect((await generateText({ model, prompt: 'Say hi.' })).text).toBe('Echo: Say hi.');
    const result = await generateText({ model, prompt: 'get_weather city=Oslo', tools: { get_weather: weather }, stopWhen: stepCountIs(3) });
    expect(result.text).toBe('Tool result: Rain in Oslo');
    const { object } = await generateObject({ model, schema: z.object({ city: z.string() }), prompt: 'city=Rome' });
    expect(object).toEqual({ city: 'Rome' });
  });
});
