// LangChain's ChatOpenAI and OpenAIEmbeddings (@langchain/openai 1.5) against /v1, unchanged:
// plain and streamed chat, bindTools, withStructuredOutput, the Responses API, embeddings.
import { tool } from '@langchain/core/tools';
import { ChatOpenAI, OpenAIEmbeddings } from '@langchain/openai';
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

const chat = (extra: Partial<ConstructorParameters<typeof ChatOpenAI>[0]> = {}) =>
  new ChatOpenAI({ model: 'gpt-4o-mini', apiKey: gw.apiKey, configuration: { baseURL: gw.baseURL }, maxRetries: 0, ...extra });

const getWeather = tool(async ({ city }: { city: string }) => `Sunny in ${city}`, {
  name: 'get_weather',
  description: 'Current weather in a city',
  schema: z.object({ city: z.string() }),
});

describe('@langchain/openai', () => {
  it('invokes and streams', async () => {
    const message = await chat().invoke('What is the capital of Peru?');
    expect(message.content).toBe('Echo: What is the capital of Peru?');
    const pieces: string[] = [];
    for await (const chunk of await chat({ streaming: true }).stream('Name two oceans please')) pieces.push(String(chunk.content));
    expect(pieces.join('')).toBe('Echo: Name two oceans please');
  });

  it('bindTools gets tool calls, and the tool result goes back', async () => {
    const model = chat().bindTools([getWeather]);
    const called = await model.invoke('get_weather city=Cusco');
    expect(called.tool_calls).toEqual([expect.objectContaining({ name: 'get_weather', args: { city: 'Cusco' } })]);
    const result = await getWeather.invoke(called.tool_calls![0]!);
    const answered = await model.invoke([{ role: 'user', content: 'get_weather city=Cusco' }, called, result]);
    expect(answered.content).toBe('Tool result: Sunny in Cusco');
  });

  it('withStructuredOutput returns an object that fits the schema', async () => {
    const Person = z.object({ name: z.string(), age: z.number() });
    const person = await chat().withStructuredOutput(Person, { name: 'person' }).invoke('name=Grace age=85');
    expect(person).toEqual({ name: 'Grace', age: 85 });
    expect(gw.upstream()[0]?.response_format).toMatchObject({ type: 'json_schema' });
  });

  it('speaks the Responses API with useResponsesApi', async () => {
    const message = await chat({ useResponsesApi: true }).invoke('Which river is longest?');
    expect(message.text).toBe('Echo: Which river is longest?');
    const called = await chat({ useResponsesApi: true }).bindTools([getWeather]).invoke('get_weather city=Lima');
    expect(called.tool_calls?.[0]).toMatchObject({ name: 'get_weather', args: { city: 'Lima' } });
    const pieces: string[] = [];
    for await (const chunk of await chat({ useResponsesApi: true, streaming: true }).stream('Name a desert please')) pieces.push(chunk.text);
    expect(pieces.join('')).toBe('Echo: Name a desert please');
  });

  it('system message and history, streamed usage, stop and maxTokens', async () => {
    const message = await chat().invoke([
      { role: 'system', content: 'You are terse.' },
      { role: 'user', content: 'First question.' },
      { role: 'assistant', content: 'First answer.' },
      { role: 'user', content: 'Second question.' },
    ]);
    expect(message.content).toBe('Echo: Second question.');
    expect(message.usage_metadata?.output_tokens).toBeGreaterThan(0);
    for (const text of ['You are terse.', 'First answer.']) expect(JSON.stringify(gw.upstream()[0])).toContain(text);

    // streamUsage (the default) asks for stream_options.include_usage: the joined chunk carries usage.
    let joined: Awaited<ReturnType<ReturnType<typeof chat>['invoke']>> | undefined;
    for await (const chunk of await chat({ streaming: true }).stream('Name a tree please')) joined = joined ? joined.concat(chunk) : chunk;
    expect(joined?.content).toBe('Echo: Name a tree please');
    expect(joined?.usage_metadata?.output_tokens).toBeGreaterThan(0);

    const stopped = await chat().invoke('one two three four', { stop: ['three'] });
    expect(stopped.content).toBe('Echo: one two ');
    const cut = await chat({ maxTokens: 2 }).invoke('a question long enough to be cut');
    expect(cut.response_metadata.finish_reason).toBe('length');
  });

  it('parallel tool calls, tool_choice, and streamed tool calls', async () => {
    const getTime = tool(async ({ city }: { city: string }) => `Noon in ${city}`, { name: 'get_time', description: 'Local time', schema: z.object({ city: z.string() }) });
    const both = await chat().bindTools([getWeather, getTime]).invoke('get_weather and get_time city=Quito');
    expect(both.tool_calls?.map((c) => [c.name, c.args])).toEqual([
      ['get_weather', { city: 'Quito' }],
      ['get_time', { city: 'Quito' }],
    ]);
    const forced = await chat().bindTools([getWeather, getTime], { tool_choice: 'get_time' }).invoke('city=Quito');
    expect(forced.tool_calls?.map((c) => c.name)).toEqual(['get_time']);
    let joined: Awaited<ReturnType<ReturnType<typeof chat>['invoke']>> | undefined;
    for await (const chunk of await chat({ streaming: true }).bindTools([getWeather]).stream('get_weather city=Quito')) joined = joined ? joined.concat(chunk) : chunk;
    expect(joined?.tool_calls?.[0]).toMatchObject({ name: 'get_weather', args: { city: 'Quito' } });
  });

  it('withStructuredOutput by function calling and JSON mode too', async () => {
    const City = z.object({ city: z.string(), population: z.number() });
    expect(await chat().withStructuredOutput(City, { name: 'city', method: 'functionCalling' }).invoke('city=Oslo population=700000')).toEqual({ city: 'Oslo', population: 700000 });
    const raw = await chat().withStructuredOutput(City, { name: 'city', includeRaw: true }).invoke('city=Bern population=140000');
    expect(raw.parsed).toEqual({ city: 'Bern', population: 140000 });
  });

  it('errors keep the status: a bad key 401, an unknown model 404, a parameter we cannot honour 400', async () => {
    await expect(chat({ apiKey: 'sk-nope' }).invoke('hi')).rejects.toMatchObject({ status: 401, lc_error_code: 'MODEL_AUTHENTICATION' });
    await expect(chat({ model: 'gpt-nonexistent' }).invoke('hi')).rejects.toMatchObject({ status: 404, lc_error_code: 'MODEL_NOT_FOUND' });
    await expect(chat({ model: 'extractive-v1' }).bindTools([getWeather]).invoke('get_weather city=Rome')).rejects.toMatchObject({ status: 400 });
  });

  it('embeds with switchyard-embed', async () => {
    const embeddings = new OpenAIEmbeddings({ model: 'switchyard-embed', apiKey: gw.apiKey, configuration: { baseURL: gw.baseURL }, maxRetries: 0 });
    const [a, b] = await embeddings.embedDocuments(['a cat on a mat', 'stock market report']);
    expect(a?.length).toBe(gw.harness.ctx.embedder.dimensions);
    expect(b?.length).toBe(a?.length);
    expect(gw.upstream()).toHaveLength(0);
  });
});
