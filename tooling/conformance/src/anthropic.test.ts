// Clients that speak Anthropic's Messages API against /v1/messages, unchanged: the official
// @anthropic-ai/sdk (streaming events, tools, system blocks, stop_reason, stop sequences, usage,
// typed errors), LangChain's ChatAnthropic and the AI SDK's @ai-sdk/anthropic.
import { createAnthropic } from '@ai-sdk/anthropic';
import Anthropic from '@anthropic-ai/sdk';
import { tool as lcTool } from '@langchain/core/tools';
import { ChatAnthropic } from '@langchain/anthropic';
import { APICallError, generateObject, generateText, stepCountIs, streamText, tool } from 'ai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startGateway, type Gateway } from './harness';

let gw: Gateway;
let client: Anthropic;
beforeAll(async () => {
  gw = await startGateway();
  client = new Anthropic({ baseURL: gw.rootURL, apiKey: gw.apiKey, maxRetries: 0 });
});
afterAll(async () => {
  await gw?.close();
});
beforeEach(() => gw.harness.fake.reset());

const model = 'claude-haiku-4-5';
const weather: Anthropic.Tool = { name: 'get_weather', description: 'Weather now', input_schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } };
const clock: Anthropic.Tool = { name: 'get_time', description: 'Local time', input_schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } };

describe('@anthropic-ai/sdk', () => {
  it('answers with system blocks and a multi-turn history; usage and end_turn', async () => {
    const message = await client.messages.create({
      model,
      max_tokens: 200,
      system: [{ type: 'text', text: 'You are terse.' }, { type: 'text', text: 'Answer in English.' }],
      messages: [
        { role: 'user', content: 'First question.' },
        { role: 'assistant', content: 'First answer.' },
        { role: 'user', content: [{ type: 'text', text: 'Second question.' }] },
      ],
    });
    expect(message.content).toEqual([{ type: 'text', text: 'Echo: Second question.', ...(message.content[0] && 'citations' in message.content[0] ? { citations: message.content[0].citations } : {}) }]);
    expect(message.stop_reason).toBe('end_turn');
    expect(message.usage.input_tokens).toBeGreaterThan(0);
    expect(message.usage.output_tokens).toBeGreaterThan(0);
    const sent = JSON.stringify(gw.upstream()[0]);
    for (const text of ['You are terse.', 'Answer in English.', 'First answer.']) expect(sent).toContain(text);
  });

  it('streams the documented event sequence', async () => {
    const stream = await client.messages.create({ model, max_tokens: 200, stream: true, messages: [{ role: 'user', content: 'Count to three please' }] });
    const types: string[] = [];
    const text: string[] = [];
    let stopReason: string | null | undefined;
    let outputTokens = 0;
    for await (const event of stream) {
      types.push(event.type);
      if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') text.push(event.delta.text);
      if (event.type === 'message_delta') {
        stopReason = event.delta.stop_reason;
        outputTokens = event.usage.output_tokens;
      }
    }
    expect(text.join('')).toBe('Echo: Count to three please');
    expect(types[0]).toBe('message_start');
    expect(types[1]).toBe('content_block_start');
    expect(types.slice(-3)).toEqual(['content_block_stop', 'message_delta', 'message_stop']);
    expect(stopReason).toBe('end_turn');
    expect(outputTokens).toBeGreaterThan(0);
  });

  it('reports stop_sequence and max_tokens, streamed and not', async () => {
    const stopped = await client.messages.create({ model, max_tokens: 200, stop_sequences: ['three'], messages: [{ role: 'user', content: 'one two three four' }] });
    expect(stopped.stop_reason).toBe('stop_sequence');
    expect(stopped.stop_sequence).toBe('three');
    expect(stopped.content[0]).toMatchObject({ type: 'text', text: 'Echo: one two ' });
    const streamedStop = await client.messages.stream({ model, max_tokens: 200, stop_sequences: ['three'], messages: [{ role: 'user', content: 'one two three four' }] }).finalMessage();
    expect(streamedStop.stop_reason).toBe('stop_sequence');
    expect(streamedStop.stop_sequence).toBe('three');
    const cut = await client.messages.stream({ model, max_tokens: 2, messages: [{ role: 'user', content: 'a question long enough to be cut' }] }).finalMessage();
    expect(cut.stop_reason).toBe('max_tokens');
  });

  it('returns parallel tool_use blocks, streamed and not, and answers from tool_result', async () => {
    const first = await client.messages.create({ model, max_tokens: 200, tools: [weather, clock], messages: [{ role: 'user', content: 'get_weather and get_time city=Hanoi' }] });
    expect(first.stop_reason).toBe('tool_use');
    const uses = first.content.filter((b): b is Anthropic.ToolUseBlock => b.type === 'tool_use');
    expect(uses.map((u) => [u.name, u.input])).toEqual([
      ['get_weather', { city: 'Hanoi' }],
      ['get_time', { city: 'Hanoi' }],
    ]);
    const streamed = await client.messages.stream({ model, max_tokens: 200, tools: [weather, clock], messages: [{ role: 'user', content: 'get_weather and get_time city=Hanoi' }] }).finalMessage();
    expect(streamed.content.filter((b) => b.type === 'tool_use').map((b) => (b.type === 'tool_use' ? b.input : null))).toEqual([{ city: 'Hanoi' }, { city: 'Hanoi' }]);
    const single = await client.messages.create({ model, max_tokens: 200, tools: [weather, clock], tool_choice: { type: 'auto', disable_parallel_tool_use: true }, messages: [{ role: 'user', content: 'get_weather and get_time city=Hanoi' }] });
    expect(single.content.filter((b) => b.type === 'tool_use')).toHaveLength(1);

    const answer = await client.messages.create({
      model,
      max_tokens: 200,
      tools: [weather, clock],
      messages: [
        { role: 'user', content: 'get_weather and get_time city=Hanoi' },
        { role: 'assistant', content: first.content },
        { role: 'user', content: uses.map((u) => ({ type: 'tool_result' as const, tool_use_id: u.id, content: `${u.name} ok` })) },
      ],
    });
    expect(answer.stop_reason).toBe('end_turn');
    expect(answer.content[0]).toMatchObject({ type: 'text', text: 'Tool result: get_time ok' });
  });

  it('answers JSON that fits output_config.format, and refuses output_config it cannot honour', async () => {
    const params = {
      model,
      max_tokens: 200,
      messages: [{ role: 'user' as const, content: 'city=Lima' }],
      output_config: { format: { type: 'json_schema', schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false } } },
    };
    const message = await client.messages.create(params as Anthropic.MessageCreateParamsNonStreaming);
    expect(message.stop_reason).toBe('end_turn');
    expect(JSON.parse(message.content[0]?.type === 'text' ? message.content[0].text : '')).toEqual({ city: 'Lima' });
    const refused = await client.messages.create({ ...params, output_config: { effort: 'low' } } as unknown as Anthropic.MessageCreateParamsNonStreaming).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(Anthropic.BadRequestError);
  });

  it('surfaces errors as the SDK typed error classes', async () => {
    const denied = new Anthropic({ baseURL: gw.rootURL, apiKey: 'sk-not-a-switchyard-key', maxRetries: 0 });
    await expect(denied.messages.create({ model, max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] })).rejects.toBeInstanceOf(Anthropic.AuthenticationError);
    await expect(client.messages.create({ model: 'claude-nonexistent', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] })).rejects.toBeInstanceOf(Anthropic.NotFoundError);
    const cannot = await client.messages.create({ model: 'extractive-v1', max_tokens: 10, tools: [weather], messages: [{ role: 'user', content: 'get_weather city=Rome' }] }).catch((e: unknown) => e);
    expect(cannot).toBeInstanceOf(Anthropic.BadRequestError);
    // Anthropic's error body: {type: "error", error: {type, message}}.
    expect((cannot as InstanceType<typeof Anthropic.APIError>).error).toMatchObject({ type: 'error', error: { type: 'invalid_request_error' } });
    await expect(client.messages.create({ model, messages: [{ role: 'user', content: 'hi' }] } as unknown as Anthropic.MessageCreateParamsNonStreaming)).rejects.toBeInstanceOf(Anthropic.BadRequestError);
    // A sampling parameter no model here honours (older SDKs and raw callers send it) is refused, naming it, never dropped.
    const topK = await client.messages.create({ model, max_tokens: 10, top_k: 5, messages: [{ role: 'user', content: 'hi' }] } as unknown as Anthropic.MessageCreateParamsNonStreaming).catch((e: unknown) => e);
    expect(topK).toBeInstanceOf(Anthropic.BadRequestError);
    expect((topK as InstanceType<typeof Anthropic.APIError>).error).toMatchObject({ error: { param: 'top_k' } });
    expect(gw.upstream()).toHaveLength(0);
  });
});

describe('@langchain/anthropic', () => {
  const chat = (extra: Partial<ConstructorParameters<typeof ChatAnthropic>[0]> = {}) =>
    new ChatAnthropic({ model, apiKey: gw.apiKey, anthropicApiUrl: gw.rootURL, maxRetries: 0, ...extra });
  const getWeather = lcTool(async ({ city }: { city: string }) => `Sunny in ${city}`, { name: 'get_weather', description: 'Weather in a city', schema: z.object({ city: z.string() }) });

  it('invokes with a system message and streams, with usage', async () => {
    const message = await chat().invoke([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'What is the capital of Chile?' },
    ]);
    expect(message.content).toBe('Echo: What is the capital of Chile?');
    expect(message.usage_metadata?.output_tokens).toBeGreaterThan(0);
    expect(JSON.stringify(gw.upstream()[0])).toContain('Be brief.');
    const pieces: string[] = [];
    for await (const chunk of await chat({ streaming: true }).stream('Name two seas please')) pieces.push(typeof chunk.content === 'string' ? chunk.content : chunk.text);
    expect(pieces.join('')).toBe('Echo: Name two seas please');
  });

  it('bindTools gets tool calls, and the tool result goes back', async () => {
    const model = chat().bindTools([getWeather]);
    const called = await model.invoke('get_weather city=Cusco');
    expect(called.tool_calls).toEqual([expect.objectContaining({ name: 'get_weather', args: { city: 'Cusco' } })]);
    const result = await getWeather.invoke(called.tool_calls![0]!);
    const answered = await model.invoke([{ role: 'user', content: 'get_weather city=Cusco' }, called, result]);
    expect(answered.text).toBe('Tool result: Sunny in Cusco');
    let joined: Awaited<ReturnType<typeof model.invoke>> | undefined;
    for await (const chunk of await chat({ streaming: true }).bindTools([getWeather]).stream('get_weather city=Arequipa')) joined = joined ? joined.concat(chunk) : chunk;
    expect(joined?.tool_calls?.[0]).toMatchObject({ name: 'get_weather', args: { city: 'Arequipa' } });
  });

  it('withStructuredOutput returns the object', async () => {
    const person = await chat().withStructuredOutput(z.object({ name: z.string(), age: z.number() }), { name: 'person' }).invoke('name=Ada age=36');
    expect(person).toEqual({ name: 'Ada', age: 36 });
    // jsonSchema asks with output_config.format (structured outputs) instead of a tool.
    const viaFormat = await chat().withStructuredOutput(z.object({ name: z.string(), age: z.number() }), { name: 'person', method: 'jsonSchema' }).invoke('name=Bob age=40');
    expect(viaFormat).toEqual({ name: 'Bob', age: 40 });
    expect(gw.upstream().at(-1)?.tools).toBeDefined(); // the Anthropic provider asks the model with a forced JSON tool
  });

  it('a bad key is a 401 error', async () => {
    await expect(chat({ apiKey: 'sk-nope' }).invoke('hi')).rejects.toMatchObject({ status: 401 });
  });
});

describe('@ai-sdk/anthropic', () => {
  const anthropic = () => createAnthropic({ baseURL: gw.baseURL, apiKey: gw.apiKey });
  const weatherTool = tool({ description: 'Weather in a city', inputSchema: z.object({ city: z.string() }), execute: async ({ city }) => `Windy in ${city}` });

  it('generateText and streamText, with system, usage and finish reasons', async () => {
    const { text, usage, finishReason } = await generateText({ model: anthropic()(model), system: 'Be brief.', prompt: 'Name a prime number.' });
    expect(text).toBe('Echo: Name a prime number.');
    expect(finishReason).toBe('stop');
    expect(usage.outputTokens).toBeGreaterThan(0);
    const streamed = streamText({ model: anthropic()(model), prompt: 'Name a vowel please.' });
    expect(await streamed.text).toBe('Echo: Name a vowel please.');
    expect((await streamed.usage).outputTokens).toBeGreaterThan(0);
    const cut = await generateText({ model: anthropic()(model), maxOutputTokens: 2, prompt: 'a question long enough to be cut' });
    expect(cut.finishReason).toBe('length');
    const stopped = await generateText({ model: anthropic()(model), stopSequences: ['three'], prompt: 'one two three four' });
    expect(stopped.text).toBe('Echo: one two ');
  });

  it('runs tools in a multi-step loop, streamed and not', async () => {
    const result = await generateText({ model: anthropic()(model), prompt: 'get_weather city=Bergen', tools: { get_weather: weatherTool }, stopWhen: stepCountIs(3) });
    expect(result.steps[0]?.toolCalls[0]).toMatchObject({ toolName: 'get_weather', input: { city: 'Bergen' } });
    expect(result.text).toBe('Tool result: Windy in Bergen');
    const streamed = streamText({ model: anthropic()(model), prompt: 'get_weather city=Oslo', tools: { get_weather: weatherTool }, stopWhen: stepCountIs(3) });
    expect(await streamed.text).toBe('Tool result: Windy in Oslo');
  });

  it('generateObject fills the schema', async () => {
    const { object } = await generateObject({ model: anthropic()(model), schema: z.object({ name: z.string(), year: z.number() }), prompt: 'name=Lovelace year=1843' });
    expect(object).toEqual({ name: 'Lovelace', year: 1843 });
  });

  it('a bad key is an APICallError with status 401', async () => {
    const error = await generateText({ model: createAnthropic({ baseURL: gw.baseURL, apiKey: 'sk-nope' })(model), prompt: 'hi', maxRetries: 0 }).catch((e: unknown) => e);
    expect(APICallError.isInstance(error)).toBe(true);
    expect((error as APICallError).statusCode).toBe(401);
  });
});
