// The AI SDK (ai 6 with @ai-sdk/openai and @ai-sdk/openai-compatible) against /v1, unchanged:
// generateText and streamText (Responses API, the provider's default, and chat completions),
// tools with a multi-step loop, generateObject, embeddings.
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { APICallError, embed, embedMany, generateObject, generateText, stepCountIs, streamObject, streamText, tool } from 'ai';
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
    const streamed = streamText({ model, prompt: 'get_weather city=Tromso', tools: { get_weather: weather }, stopWhen: stepCountIs(3) });
    expect(await streamed.text).toBe('Tool result: Rain in Tromso');
    expect((await streamed.steps)[0]?.toolCalls[0]).toMatchObject({ toolName: 'get_weather', input: { city: 'Tromso' } });
  });

  it('generateObject fills the schema', async () => {
    const { object } = await generateObject({ model: openai().chat('gpt-4o-mini'), schema: z.object({ name: z.string(), year: z.number() }), prompt: 'name=Turing year=1936' });
    expect(object).toEqual({ name: 'Turing', year: 1936 });
  });

  it('embeds with switchyard-embed', async () => {
    const { embedding } = await embed({ model: openai().embedding('switchyard-embed'), value: 'sunny beaches' });
    expect(embedding).toHaveLength(gw.harness.ctx.embedder.dimensions);
    const { embeddings, usage } = await embedMany({ model: openai().embedding('switchyard-embed'), values: ['sunny beaches', 'sunny beaches', 'tax law'] });
    expect(embeddings).toHaveLength(3);
    expect(embeddings[1]).toEqual(embeddings[0]);
    expect(embeddings[2]).not.toEqual(embeddings[0]);
    expect(usage.tokens).toBeGreaterThan(0);
  });

  it.each(['responses', 'chat'] as const)('system prompt, multi-turn, stop sequences, token limits and streamed usage over %s', async (api) => {
    const model = api === 'responses' ? openai()('gpt-4o-mini') : openai().chat('gpt-4o-mini');
    const turns = await generateText({
      model,
      system: 'You are terse.',
      messages: [
        { role: 'user', content: 'First question.' },
        { role: 'assistant', content: 'First answer.' },
        { role: 'user', content: 'Second question.' },
      ],
    });
    expect(turns.text).toBe('Echo: Second question.');
    expect(turns.finishReason).toBe('stop');
    for (const text of ['You are terse.', 'First answer.']) expect(JSON.stringify(gw.upstream()[0])).toContain(text);

    const cut = await generateText({ model, maxOutputTokens: 2, prompt: 'a question long enough to be cut' });
    expect(cut.finishReason).toBe('length');
    const streamed = streamText({ model, prompt: 'Name a colour please.' });
    expect(await streamed.text).toBe('Echo: Name a colour please.');
    const usage = await streamed.usage;
    expect(usage.outputTokens).toBeGreaterThan(0);
    expect(usage.inputTokens).toBeGreaterThan(0);
    if (api === 'chat') {
      // The Responses API has no stop sequences: the SDK warns and leaves them out.
      const stopped = await generateText({ model, stopSequences: ['three'], prompt: 'one two three four' });
      expect(stopped.text).toBe('Echo: one two ');
    }
  });

  it.each(['responses', 'chat'] as const)('forces a tool with toolChoice, and returns parallel calls, over %s', async (api) => {
    const model = api === 'responses' ? openai()('gpt-4o-mini') : openai().chat('gpt-4o-mini');
    const clock = tool({ description: 'Local time', inputSchema: z.object({ city: z.string() }), execute: async ({ city }) => `Noon in ${city}` });
    const forced = await generateText({ model, prompt: 'city=Lima', tools: { get_weather: weather, get_time: clock }, toolChoice: { type: 'tool', toolName: 'get_time' } });
    expect(forced.toolCalls.map((c) => [c.toolName, c.input])).toEqual([['get_time', { city: 'Lima' }]]);
    const both = await generateText({ model, prompt: 'get_weather and get_time city=Lima', tools: { get_weather: weather, get_time: clock } });
    expect(both.toolCalls.map((c) => c.toolName)).toEqual(['get_weather', 'get_time']);
    expect(both.toolResults.map((r) => r.output)).toEqual(['Rain in Lima', 'Noon in Lima']);
  });

  it.each(['responses', 'chat'] as const)('generateObject and streamObject over %s', async (api) => {
    const model = api === 'responses' ? openai()('gpt-4o-mini') : openai().chat('gpt-4o-mini');
    const schema = z.object({ name: z.string(), year: z.number() });
    const { object } = await generateObject({ model, schema, prompt: 'name=Hopper year=1952' });
    expect(object).toEqual({ name: 'Hopper', year: 1952 });
    const streamed = streamObject({ model, schema, prompt: 'name=Liskov year=1974' });
    const partials: unknown[] = [];
    for await (const partial of streamed.partialObjectStream) partials.push(partial);
    expect(partials.at(-1)).toEqual({ name: 'Liskov', year: 1974 });
    expect(await streamed.object).toEqual({ name: 'Liskov', year: 1974 });
  });

  it('errors are APICallErrors with the status: a bad key 401, an unknown model 404', async () => {
    const denied = await generateText({ model: createOpenAI({ baseURL: gw.baseURL, apiKey: 'sk-nope' }).chat('gpt-4o-mini'), prompt: 'hi', maxRetries: 0 }).catch((e: unknown) => e);
    expect(APICallError.isInstance(denied)).toBe(true);
    expect((denied as APICallError).statusCode).toBe(401);
    const unknown = await generateText({ model: openai()('gpt-nonexistent'), prompt: 'hi', maxRetries: 0 }).catch((e: unknown) => e);
    expect(APICallError.isInstance(unknown)).toBe(true);
    expect((unknown as APICallError).statusCode).toBe(404);
    expect((unknown as APICallError).isRetryable).toBe(false);
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

  it('streams text with usage, and a bad key is an APICallError 401', async () => {
    // includeUsage asks for stream_options.include_usage, as integrators set it to meter tokens.
    const withUsage = createOpenAICompatible({ name: 'switchyard', baseURL: gw.baseURL, apiKey: gw.apiKey, includeUsage: true });
    const streamed = streamText({ model: withUsage.chatModel('gpt-4o-mini'), prompt: 'Say hello please.' });
    expect(await streamed.text).toBe('Echo: Say hello please.');
    expect((await streamed.usage).outputTokens).toBeGreaterThan(0);
    const denied = await generateText({ model: createOpenAICompatible({ name: 'x', baseURL: gw.baseURL, apiKey: 'sk-nope' }).chatModel('gpt-4o-mini'), prompt: 'hi', maxRetries: 0 }).catch((e: unknown) => e);
    expect((denied as APICallError).statusCode).toBe(401);
  });
});
