// The official openai SDK (6) against /v1, unchanged, the way an integrator uses it: chat
// completions streamed and not, tools (tool_choice, parallel calls, a result round trip,
// runTools), structured output, usage in the stream, stop sequences and token limits, system and
// developer messages, multi-turn, typed errors, models, embeddings (float and base64) and the
// Responses API (streaming events, tools, instructions).
import OpenAI from 'openai';
import { zodFunction, zodResponseFormat } from 'openai/helpers/zod';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startGateway, type Gateway } from './harness';

let gw: Gateway;
let client: OpenAI;
beforeAll(async () => {
  gw = await startGateway();
  client = new OpenAI({ baseURL: gw.baseURL, apiKey: gw.apiKey, maxRetries: 0 });
});
afterAll(async () => {
  await gw?.close();
});
beforeEach(() => gw.harness.fake.reset());

const weatherTool: OpenAI.ChatCompletionTool = {
  type: 'function',
  function: { name: 'get_weather', description: 'Weather now', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } },
};
const timeTool: OpenAI.ChatCompletionTool = {
  type: 'function',
  function: { name: 'get_time', description: 'Local time', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } },
};
const model = 'gpt-4o-mini';

describe('openai chat.completions', () => {
  it('answers streamed and not, with usage in the stream when asked', async () => {
    const completion = await client.chat.completions.create({ model, messages: [{ role: 'user', content: 'Name a planet.' }] });
    expect(completion.choices[0]?.message.content).toBe('Echo: Name a planet.');
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    expect(completion.usage?.completion_tokens).toBeGreaterThan(0);

    const stream = await client.chat.completions.create({ model, stream: true, stream_options: { include_usage: true }, messages: [{ role: 'user', content: 'Name a moon please.' }] });
    const pieces: string[] = [];
    let usage: OpenAI.CompletionUsage | null | undefined;
    let finish: string | null | undefined;
    for await (const chunk of stream) {
      pieces.push(chunk.choices[0]?.delta.content ?? '');
      finish = chunk.choices[0]?.finish_reason ?? finish;
      if (chunk.usage) usage = chunk.usage;
    }
    expect(pieces.join('')).toBe('Echo: Name a moon please.');
    expect(finish).toBe('stop');
    expect(usage?.total_tokens).toBe((usage?.prompt_tokens ?? 0) + (usage?.completion_tokens ?? 0));
    expect(usage?.completion_tokens).toBeGreaterThan(0);
  });

  it('stream helper: finalChatCompletion joins the deltas', async () => {
    const final = await client.chat.completions.stream({ model, messages: [{ role: 'user', content: 'Spell dog.' }] }).finalChatCompletion();
    expect(final.choices[0]?.message.content).toBe('Echo: Spell dog.');
  });

  it('passes system and developer messages and a multi-turn history', async () => {
    const completion = await client.chat.completions.create({
      model,
      messages: [
        { role: 'system', content: 'You are terse.' },
        { role: 'developer', content: 'Answer in English.' },
        { role: 'user', content: 'First question.' },
        { role: 'assistant', content: 'First answer.' },
        { role: 'user', content: 'Second question.' },
      ],
    });
    expect(completion.choices[0]?.message.content).toBe('Echo: Second question.');
    const sent = JSON.stringify(gw.upstream()[0]?.messages);
    for (const text of ['You are terse.', 'Answer in English.', 'First question.', 'First answer.', 'Second question.']) expect(sent).toContain(text);
  });

  it('cuts at a stop sequence, and at max_tokens / max_completion_tokens with finish_reason length', async () => {
    const stopped = await client.chat.completions.create({ model, stop: ['three'], messages: [{ role: 'user', content: 'one two three four' }] });
    expect(stopped.choices[0]?.message.content).toBe('Echo: one two ');
    expect(stopped.choices[0]?.finish_reason).toBe('stop');
    for (const limit of [{ max_tokens: 2 }, { max_completion_tokens: 2 }]) {
      const cut = await client.chat.completions.create({ model, ...limit, messages: [{ role: 'user', content: 'a question long enough to be cut' }] });
      expect(cut.choices[0]?.finish_reason).toBe('length');
      expect(cut.choices[0]?.message.content).toBe('Echo: a '); // 2 tokens of 4 characters
    }
    const streamedCut = await client.chat.completions.stream({ model, max_completion_tokens: 2, messages: [{ role: 'user', content: 'a question long enough to be cut' }] }).finalChatCompletion();
    expect(streamedCut.choices[0]?.finish_reason).toBe('length');
  });

  it('calls a forced tool, streamed and not, and answers from the tool result', async () => {
    const first = await client.chat.completions.create({ model, tools: [weatherTool, timeTool], tool_choice: { type: 'function', function: { name: 'get_weather' } }, messages: [{ role: 'user', content: 'city=Quito' }] });
    const call = first.choices[0]?.message.tool_calls?.[0];
    expect(first.choices[0]?.finish_reason).toBe('tool_calls');
    expect(call?.type === 'function' && call.function.name).toBe('get_weather');
    expect(call?.type === 'function' && JSON.parse(call.function.arguments)).toEqual({ city: 'Quito' });

    const streamed = await client.chat.completions.stream({ model, tools: [weatherTool], tool_choice: 'required', messages: [{ role: 'user', content: 'city=Lagos' }] }).finalChatCompletion();
    const streamedCall = streamed.choices[0]?.message.tool_calls?.[0];
    expect(streamed.choices[0]?.finish_reason).toBe('tool_calls');
    expect(streamedCall?.type === 'function' && JSON.parse(streamedCall.function.arguments)).toEqual({ city: 'Lagos' });

    const answer = await client.chat.completions.create({
      model,
      tools: [weatherTool],
      messages: [{ role: 'user', content: 'city=Quito' }, first.choices[0]!.message, { role: 'tool', tool_call_id: call!.id, content: '18 degrees' }],
    });
    expect(answer.choices[0]?.message.content).toBe('Tool result: 18 degrees');
    expect(answer.choices[0]?.finish_reason).toBe('stop');
  });

  it('returns parallel tool calls, and one when parallel_tool_calls is false', async () => {
    const both = await client.chat.completions.create({ model, tools: [weatherTool, timeTool], messages: [{ role: 'user', content: 'get_weather and get_time city=Seoul' }] });
    const names = both.choices[0]?.message.tool_calls?.map((c) => (c.type === 'function' ? c.function.name : c.type));
    expect(names).toEqual(['get_weather', 'get_time']);
    const streamed = await client.chat.completions.stream({ model, tools: [weatherTool, timeTool], messages: [{ role: 'user', content: 'get_weather and get_time city=Seoul' }] }).finalChatCompletion();
    expect(streamed.choices[0]?.message.tool_calls?.map((c) => (c.type === 'function' ? JSON.parse(c.function.arguments) : null))).toEqual([{ city: 'Seoul' }, { city: 'Seoul' }]);
    const one = await client.chat.completions.create({ model, tools: [weatherTool, timeTool], parallel_tool_calls: false, messages: [{ role: 'user', content: 'get_weather and get_time city=Seoul' }] });
    expect(one.choices[0]?.message.tool_calls).toHaveLength(1);
    const none = await client.chat.completions.create({ model, tools: [weatherTool], tool_choice: 'none', messages: [{ role: 'user', content: 'get_weather city=Seoul' }] });
    expect(none.choices[0]?.message.tool_calls ?? []).toHaveLength(0);
    expect(none.choices[0]?.message.content).toBe('Echo: get_weather city=Seoul');
  });

  it('runTools runs the loop to the final answer', async () => {
    const runner = client.chat.completions.runTools({
      model,
      messages: [{ role: 'user', content: 'get_weather city=Dakar' }],
      tools: [{ type: 'function', function: { name: 'get_weather', description: 'Weather now', parameters: { type: 'object', properties: { city: { type: 'string' } } }, function: (args: { city: string }) => `Hot in ${args.city}`, parse: JSON.parse } }],
    });
    expect(await runner.finalContent()).toBe('Tool result: Hot in Dakar');
  });

  it('parses structured output (json_schema) streamed and not; json_object answers JSON', async () => {
    const Event = z.object({ title: z.string(), attendees: z.array(z.string()) });
    const parsed = await client.chat.completions.parse({ model, messages: [{ role: 'user', content: 'title=Standup' }], response_format: zodResponseFormat(Event, 'event') });
    expect(parsed.choices[0]?.message.parsed).toEqual({ title: 'Standup', attendees: ['sample attendees'] });
    const streamed = await client.chat.completions.stream({ model, messages: [{ role: 'user', content: 'title=Retro' }], response_format: zodResponseFormat(Event, 'event') }).finalChatCompletion();
    expect(streamed.choices[0]?.message.parsed).toEqual({ title: 'Retro', attendees: ['sample attendees'] });
    const json = await client.chat.completions.create({ model, response_format: { type: 'json_object' }, messages: [{ role: 'user', content: 'Reply in JSON.' }] });
    expect(JSON.parse(json.choices[0]?.message.content ?? '')).toEqual({ echo: 'Reply in JSON.' });
  });

  it('parses strict tool arguments with zodFunction', async () => {
    const completion = await client.chat.completions.parse({ model, messages: [{ role: 'user', content: 'lookup city=Bogota days=3' }], tools: [zodFunction({ name: 'lookup', parameters: z.object({ city: z.string(), days: z.number() }) })] });
    const call = completion.choices[0]?.message.tool_calls?.[0];
    expect(call?.function.parsed_arguments).toEqual({ city: 'Bogota', days: 3 });
    expect((gw.upstream()[0]?.tools as { function: { strict?: boolean } }[])[0]?.function.strict).toBe(true);
  });

  it('returns n choices', async () => {
    const completion = await client.chat.completions.create({ model, n: 2, messages: [{ role: 'user', content: 'Pick one.' }] });
    expect(completion.choices.map((c) => c.message.content)).toEqual(['Echo: Pick one.', 'Echo: Pick one. #2']);
  });

  it('surfaces errors as the SDK typed error classes', async () => {
    const bad = new OpenAI({ baseURL: gw.baseURL, apiKey: 'sk-not-a-switchyard-key', maxRetries: 0 });
    await expect(bad.chat.completions.create({ model, messages: [{ role: 'user', content: 'hi' }] })).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
    await expect(bad.models.list()).rejects.toMatchObject({ status: 401 });

    const unknown = await client.chat.completions.create({ model: 'gpt-nonexistent', messages: [{ role: 'user', content: 'hi' }] }).catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(OpenAI.NotFoundError);
    expect(unknown).toMatchObject({ status: 404, code: 'model_not_found', param: 'model' });

    // The built-in extractive model cannot call tools: refused, naming the parameter, never dropped.
    const cannot = await client.chat.completions.create({ model: 'extractive-v1', tools: [weatherTool], messages: [{ role: 'user', content: 'get_weather city=Rome' }] }).catch((e: unknown) => e);
    expect(cannot).toBeInstanceOf(OpenAI.BadRequestError);
    expect(cannot).toMatchObject({ status: 400, param: 'tools' });

    // Parameters an Anthropic model cannot honour are refused, naming them.
    for (const [param, extra] of [
      ['n', { n: 2 }],
      ['logprobs', { logprobs: true }],
    ] as const) {
      const refused = await client.chat.completions.create({ model: 'claude-haiku-4-5', ...extra, messages: [{ role: 'user', content: 'hi' }] }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(OpenAI.BadRequestError);
      expect(refused).toMatchObject({ param });
    }

    const invalid = await client.chat.completions.create({ model, temperature: 9, messages: [{ role: 'user', content: 'hi' }] }).catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(OpenAI.BadRequestError);

    const streamedInvalid = await client.chat.completions.create({ model: 'gpt-nonexistent', stream: true, messages: [{ role: 'user', content: 'hi' }] }).catch((e: unknown) => e);
    expect(streamedInvalid).toBeInstanceOf(OpenAI.NotFoundError);
    expect(gw.upstream()).toHaveLength(0);
  });
});

describe('openai models and embeddings', () => {
  it('lists and retrieves models', async () => {
    const ids: string[] = [];
    for await (const m of client.models.list()) ids.push(m.id);
    expect(ids).toContain(model);
    expect(ids).toContain('switchyard-embed');
    const retrieved = await client.models.retrieve(model);
    expect(retrieved).toMatchObject({ id: model, object: 'model' });
    expect(typeof retrieved.created).toBe('number');
    await expect(client.models.retrieve('gpt-nonexistent')).rejects.toBeInstanceOf(OpenAI.NotFoundError);
  });

  it('embeds with float and base64 encodings (the SDK default), the same vectors', async () => {
    const floats = await client.embeddings.create({ model: 'switchyard-embed', input: ['a cat on a mat', 'stock market'], encoding_format: 'float' });
    expect(floats.data).toHaveLength(2);
    expect(floats.data[1]?.index).toBe(1);
    expect(floats.data[0]?.embedding).toHaveLength(gw.harness.ctx.embedder.dimensions);
    expect(floats.usage.prompt_tokens).toBeGreaterThan(0);
    const defaulted = await client.embeddings.create({ model: 'switchyard-embed', input: ['a cat on a mat', 'stock market'] });
    const explicit = await client.embeddings.create({ model: 'switchyard-embed', input: 'a cat on a mat', encoding_format: 'base64' });
    expect(typeof explicit.data[0]?.embedding).toBe('string');
    for (const [i, vector] of defaulted.data.entries()) {
      expect(vector.embedding).toHaveLength(floats.data[i]!.embedding.length);
      vector.embedding.forEach((x, j) => expect(x).toBeCloseTo(floats.data[i]!.embedding[j]!, 5));
    }
    expect(gw.upstream()).toHaveLength(0);
    await expect(client.embeddings.create({ model: 'gpt-nonexistent-embed', input: 'x' })).rejects.toBeInstanceOf(OpenAI.NotFoundError);
  });
});

describe('openai responses', () => {
  it('creates a response with instructions, and streams the documented events', async () => {
    const response = await client.responses.create({ model, instructions: 'Be brief.', input: 'Name a colour.' });
    expect(response.output_text).toBe('Echo: Name a colour.');
    expect(response.status).toBe('completed');
    expect(response.usage?.output_tokens).toBeGreaterThan(0);
    expect(JSON.stringify(gw.upstream()[0])).toContain('Be brief.');

    const stream = await client.responses.create({ model, input: 'Name a shape please.', stream: true });
    const types: string[] = [];
    const deltas: string[] = [];
    let completed: OpenAI.Responses.Response | undefined;
    for await (const event of stream) {
      types.push(event.type);
      if (event.type === 'response.output_text.delta') deltas.push(event.delta);
      if (event.type === 'response.completed') completed = event.response;
    }
    expect(deltas.join('')).toBe('Echo: Name a shape please.');
    expect(types[0]).toBe('response.created');
    expect(types).toContain('response.output_item.added');
    expect(types).toContain('response.output_text.done');
    expect(types.at(-1)).toBe('response.completed');
    expect(completed?.output_text ?? completed?.output.flatMap((o) => (o.type === 'message' ? o.content : [])).map((c) => (c.type === 'output_text' ? c.text : '')).join('')).toBe('Echo: Name a shape please.');
    expect(completed?.usage?.output_tokens).toBeGreaterThan(0);
  });

  it('calls a function tool and answers from function_call_output', async () => {
    const tools: OpenAI.Responses.Tool[] = [{ type: 'function', name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false }, strict: true }];
    const first = await client.responses.create({ model, input: 'get_weather city=Accra', tools, tool_choice: 'required' });
    const call = first.output.find((o): o is OpenAI.Responses.ResponseFunctionToolCall => o.type === 'function_call');
    expect(call).toMatchObject({ name: 'get_weather' });
    expect(JSON.parse(call!.arguments)).toEqual({ city: 'Accra' });
    const answer = await client.responses.create({
      model,
      tools,
      input: [{ role: 'user', content: 'get_weather city=Accra' }, call!, { type: 'function_call_output', call_id: call!.call_id, output: '31 degrees' }],
    });
    expect(answer.output_text).toBe('Tool result: 31 degrees');
  });

  it('streams function call events, and continues from previous_response_id', async () => {
    const tools: OpenAI.Responses.Tool[] = [{ type: 'function', name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } }, strict: false }];
    const stream = await client.responses.create({ model, input: 'get_weather city=Accra', tools, stream: true });
    const args: string[] = [];
    let done: OpenAI.Responses.ResponseFunctionCallArgumentsDoneEvent | undefined;
    for await (const event of stream) {
      if (event.type === 'response.function_call_arguments.delta') args.push(event.delta);
      if (event.type === 'response.function_call_arguments.done') done = event;
    }
    expect(JSON.parse(args.join(''))).toEqual({ city: 'Accra' });
    expect(done?.arguments).toBe(args.join(''));

    const first = await client.responses.create({ model, input: 'My name is Ada.', store: true });
    const second = await client.responses.create({ model, input: 'What is my name?', previous_response_id: first.id, store: true });
    expect(second.output_text).toBe('Echo: What is my name?');
    expect(JSON.stringify(gw.upstream().at(-1))).toContain('My name is Ada.');
  });

  it('a cut answer is incomplete with reason max_output_tokens, streamed and not', async () => {
    const cut = await client.responses.create({ model, input: 'a question long enough to be cut', max_output_tokens: 2 });
    expect(cut.status).toBe('incomplete');
    expect(cut.incomplete_details?.reason).toBe('max_output_tokens');
    expect(cut.output_text).toBe('Echo: a ');
    const streamed = await client.responses.stream({ model, input: 'a question long enough to be cut', max_output_tokens: 2 }).finalResponse();
    expect(streamed.status).toBe('incomplete');
    expect(streamed.incomplete_details?.reason).toBe('max_output_tokens');
  });

  it('parses structured output via text.format', async () => {
    const parsed = await client.responses.parse({
      model,
      input: 'city=Rome',
      text: { format: { type: 'json_schema', name: 'place', strict: true, schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false } } },
    });
    expect(JSON.parse(parsed.output_text)).toEqual({ city: 'Rome' });
  });

  it('surfaces errors as typed classes', async () => {
    await expect(client.responses.create({ model: 'gpt-nonexistent', input: 'hi' })).rejects.toBeInstanceOf(OpenAI.NotFoundError);
    const bad = new OpenAI({ baseURL: gw.baseURL, apiKey: 'sk-nope', maxRetries: 0 });
    await expect(bad.responses.create({ model, input: 'hi' })).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
    // An include the gateway cannot honour is refused, naming it, never dropped.
    const include = await client.responses.create({ model, input: 'hi', include: ['message.output_text.logprobs'] }).catch((e: unknown) => e);
    expect(include).toBeInstanceOf(OpenAI.BadRequestError);
    expect(include).toMatchObject({ param: 'include' });
  });
});
