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
  });

  it('embeds with switchyard-embed', async () => {
    const embeddings = new OpenAIEmbeddings({ model: 'switchyard-embed', apiKey: gw.apiKey, configuration: { baseURL: gw.baseURL }, maxRetries: 0 });
    const [a, b] = await embeddings.embedDocuments(['a cat on a mat', 'stock market report']);
    expect(a?.length).toBe(gw.harness.ctx.embedder.dimensions);
    expect(b?.length).toBe(a?.length);
    expect(gw.upstream()).toHaveLength(0);
  });
});
