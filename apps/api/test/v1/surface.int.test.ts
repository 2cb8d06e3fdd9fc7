// The rest of the /v1 surface with the official openai SDK: the Responses API (text,
// instructions, streaming, tools, previous_response_id scoped to its owner), embeddings from the
// built-in local embedder (floats and base64), and models with a stable `created`.
import OpenAI from 'openai';
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startChatHarness, type ChatHarness } from '../chat/harness';

let h: ChatHarness;
let token: string;
let client: OpenAI;

beforeAll(async () => {
  h = await startChatHarness({ env: { CACHE_TTL_SECONDS: '0' } });
  token = (await h.signup('surface')).token;
  client = new OpenAI({ baseURL: `${h.url}/v1`, apiKey: token, maxRetries: 0 });
}, 60_000);
afterAll(async () => {
  await h?.close();
});
beforeEach(() => h.fake.reset());

const upstream = () => h.fake.requests.filter((r) => r.method === 'POST');
const weather = { type: 'function' as const, name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] }, strict: false };

describe('/v1/responses', () => {
  it('routes a continuation by the work it continues: "continue" after a design, through previous_response_id, goes to the strong tier', async () => {
    const design = await client.responses.create({
      model: 'auto',
      input: 'Design a multi-region active-active database replication scheme with conflict resolution and bounded staleness guarantees.',
    });
    const alone = await client.responses.create({ model: 'auto', input: 'continue' }).withResponse();
    expect(alone.response.headers.get('x-switchyard-route')).toContain('tier=cheap');
    const next = await client.responses.create({ model: 'auto', previous_response_id: design.id, input: 'continue' }).withResponse();
    expect(next.response.headers.get('x-switchyard-route')).toContain('tier=strong');
  });

  it('answers text with instructions, and continues from previous_response_id without repeating the instructions', async () => {
    const first = await client.responses.create({ model: 'gpt-4o-mini', instructions: 'Answer in one line.', input: 'What is the tallest mountain?' });
    expect(first.object).toBe('response');
    expect(first.status).toBe('completed');
    expect(first.output_text).toBe('Echo: What is the tallest mountain?');
    expect(first.usage?.total_tokens).toBeGreaterThan(0);
    const firstSent = upstream()[0]?.body as { messages: { role: string; content: string }[] };
    expect(firstSent.messages[0]).toEqual({ role: 'system', content: 'Answer in one line.' });

    h.fake.reset();
    const second = await client.responses.create({ model: 'gpt-4o-mini', previous_response_id: first.id, input: 'And the second tallest?' });
    expect(second.previous_response_id).toBe(first.id);
    const sent = upstream()[0]?.body as { messages: { role: string; content: string }[] };
    expect(sent.messages.map((m) => [m.role, m.content])).toEqual([
      ['user', 'What is the tallest mountain?'],
      ['assistant', 'Echo: What is the tallest mountain?'],
      ['user', 'And the second tallest?'],
    ]);

    // Another user cannot continue it: 404, and nothing is sent upstream.
    h.fake.reset();
    const other = await h.signup('other');
    const res = await request(h.app).post('/v1/responses').set('Authorization', `Bearer ${other.token}`).send({ model: 'gpt-4o-mini', previous_response_id: first.id, input: 'hi' });
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: 'response_not_found', param: 'previous_response_id' });
    expect(upstream()).toHaveLength(0);
  });

  it('streams output text deltas in the Responses event format', async () => {
    const stream = client.responses.stream({ model: 'gpt-4o-mini', input: [{ role: 'user', content: 'Name three rivers please' }] });
    const deltas: string[] = [];
    const types = new Set<string>();
    for await (const event of stream) {
      types.add(event.type);
      if (event.type === 'response.output_text.delta') deltas.push(event.delta);
    }
    const final = await stream.finalResponse();
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.join('')).toBe('Echo: Name three rivers please');
    expect(final.output_text).toBe('Echo: Name three rivers please');
    expect([...types]).toEqual(expect.arrayContaining(['response.created', 'response.output_item.added', 'response.output_text.done', 'response.completed']));
  });

  it('calls tools, streamed and not, and answers from function_call_output', async () => {
    const called = await client.responses.create({ model: 'gpt-4o-mini', input: 'get_weather city=Quito', tools: [weather], tool_choice: 'required' });
    const call = called.output.find((item) => item.type === 'function_call');
    expect(call).toMatchObject({ type: 'function_call', name: 'get_weather', arguments: '{"city":"Quito"}' });

    const stream = client.responses.stream({ model: 'gpt-4o-mini', input: 'get_weather city=Lima', tools: [weather], tool_choice: { type: 'function', name: 'get_weather' } });
    const argDeltas: string[] = [];
    for await (const event of stream) if (event.type === 'response.function_call_arguments.delta') argDeltas.push(event.delta);
    expect(argDeltas.join('')).toBe('{"city":"Lima"}');

    const answered = await client.responses.create({
      model: 'gpt-4o-mini',
      previous_response_id: called.id,
      input: [{ type: 'function_call_output', call_id: call?.type === 'function_call' ? call.call_id : '', output: '18 degrees' }],
      tools: [weather],
    });
    expect(answered.output_text).toBe('Tool result: 18 degrees');
  });

  // What Codex sends (captured from Codex CLI pointed at Switchyard): developer messages, namespaced
  // function tools, a reasoning summary with encrypted reasoning included, a prompt cache key and
  // its own client metadata, streamed, store false.
  it('serves a Codex turn: namespaced tools come back as {name, namespace}, streamed and not, and continue', async () => {
    const agents = {
      type: 'namespace' as const,
      name: 'multi_agent_v1',
      description: 'Spawn and manage sub-agents',
      tools: [{ type: 'function' as const, name: 'spawn_agent', parameters: { type: 'object', properties: { task: { type: 'string' } }, required: ['task'] }, strict: false }],
    };
    const codexLike = {
      model: 'gpt-4o-mini',
      input: [
        { type: 'message' as const, role: 'developer' as const, content: [{ type: 'input_text' as const, text: 'You are a coding agent.' }] },
        { type: 'message' as const, role: 'user' as const, content: [{ type: 'input_text' as const, text: 'spawn_agent task=tests' }] },
      ],
      tools: [agents],
      tool_choice: 'required' as const,
      parallel_tool_calls: true,
      reasoning: { summary: 'auto' as const },
      store: false,
      include: ['reasoning.encrypted_content' as const],
      prompt_cache_key: '01a23677-c84c-71f2-be7f-20f560d2f7f8',
      client_metadata: { session_id: '01a23677-c84c-71f2-be7f-20f560d2f7f8' },
    } as unknown as OpenAI.Responses.ResponseCreateParamsNonStreaming;

    const called = await client.responses.create(codexLike);
    const call = called.output.find((item) => item.type === 'function_call');
    expect(call).toMatchObject({ name: 'spawn_agent', namespace: 'multi_agent_v1', arguments: '{"task":"tests"}' });
    expect(JSON.stringify(upstream()[0]?.body)).toContain('multi_agent_v1__spawn_agent');
    expect(called.tools[0]).toMatchObject({ type: 'namespace', name: 'multi_agent_v1' });

    const streamed = await client.responses.stream(codexLike as Parameters<typeof client.responses.stream>[0]).finalResponse();
    expect(streamed.output.find((item) => item.type === 'function_call')).toMatchObject({ name: 'spawn_agent', namespace: 'multi_agent_v1' });

    const callItem = call as OpenAI.Responses.ResponseFunctionToolCall;
    const answered = await client.responses.create({
      ...codexLike,
      tool_choice: 'auto',
      input: [
        ...(codexLike.input as OpenAI.Responses.ResponseInputItem[]),
        { type: 'function_call', call_id: callItem.call_id, name: 'spawn_agent', namespace: 'multi_agent_v1', arguments: callItem.arguments } as OpenAI.Responses.ResponseInputItem,
        { type: 'function_call_output', call_id: callItem.call_id, output: 'agent started' },
      ],
    } as OpenAI.Responses.ResponseCreateParamsNonStreaming);
    expect(answered.output_text).toBe('Tool result: agent started');
    expect(JSON.stringify(upstream().at(-1)?.body)).toContain('multi_agent_v1__spawn_agent');
  });

  it('refuses what no model here can do, naming it: hosted tools, a reasoning effort, other extra outputs', async () => {
    const refused = async (change: Record<string, unknown>) =>
      (await client.responses.create({ model: 'gpt-4o-mini', input: 'hello', ...change } as OpenAI.Responses.ResponseCreateParamsNonStreaming).catch((e: unknown) => e)) as InstanceType<typeof OpenAI.APIError>;
    const hosted = await refused({ tools: [{ type: 'web_search', external_web_access: true }] });
    expect(hosted.status).toBe(400);
    expect(hosted.param).toBe('tools[0].type');
    expect(hosted.message).toContain('hosted tools');
    const effort = await refused({ reasoning: { effort: 'high', summary: 'auto' } });
    expect(effort.status).toBe(400);
    expect(effort.message).toContain('reasoning');
    const many = (name: string) => ({ type: 'namespace', name, tools: Array.from({ length: 100 }, (_, i) => ({ type: 'function', name: `tool_${i}` })) });
    const tooMany = await refused({ tools: [many('a'), many('b')] });
    expect(tooMany.status).toBe(400);
    expect(tooMany.message).toContain('at most 128 function tools');
    const logprobs = await refused({ include: ['message.output_text.logprobs'] });
    expect(logprobs.status).toBe(400);
    expect(logprobs.message).toContain('include');
    expect(upstream()).toHaveLength(0);
  });

  it('reports an answer cut by max_output_tokens as incomplete', async () => {
    const cut = await client.responses.create({ model: 'gpt-4o-mini', input: 'a question long enough to be cut short', max_output_tokens: 2 });
    expect(cut.status).toBe('incomplete');
    expect(cut.incomplete_details?.reason).toBe('max_output_tokens');
  });
});

describe('/v1/chat/completions for coding agents', () => {
  it("sends a coding agent's system prompt to the cloud model it names, streamed with tools, as Qwen Code and opencode do", async () => {
    // Excerpts of the shape these agents send: Title Case product names and section labels next
    // to "diagnose" and "redundant" in their technical sense. Both were once read as a health or
    // dismissal record of a named person, and every call to a cloud model was refused.
    const system = [
      'You are Qwen Code, a non-interactive CLI agent specializing in software engineering tasks.',
      '- **Key Principle:** Start with a reasonable approach based on available information, then adapt.',
      '<skill><name>stuck</name><description>Diagnose frozen, stuck, or slow Qwen Code sessions on this machine.</description></skill>',
      '- Use your internal memory and previous context to avoid redundant reads.',
      '',
      '# Writing Prompts',
      'If you are asked to write a prompt, you should always generate the prompt in markdown format.',
    ].join('\n');
    const bash = { type: 'function' as const, function: { name: 'bash', description: 'Run a shell command', parameters: { type: 'object', properties: { command: { type: 'string' }, timeout: { type: 'integer', exclusiveMinimum: 0 } }, required: ['command'] } } };
    const stream = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: system },
        { role: 'user', content: 'List the files in this directory' },
      ],
      tools: [bash],
      tool_choice: 'auto',
      max_tokens: 16384,
      stream: true,
      stream_options: { include_usage: true },
    });
    const calls: string[] = [];
    for await (const chunk of stream) for (const call of chunk.choices[0]?.delta.tool_calls ?? []) if (call.function?.name) calls.push(call.function.name);
    expect(calls).toEqual(['bash']);
    const sent = upstream()[0]?.body as { model: string; messages: { role: string }[] };
    expect(sent.model).toBe('gpt-4o-mini');
    expect(sent.messages[0]?.role).toBe('system');

    // The next turn carries what the tool read: `git log` and a package.json sign their authors
    // with their addresses, published with the work, so the conversation may still leave.
    h.fake.reset();
    const gitLog = 'commit 3f2a9c1d\nAuthor: Priya Brennan <priya.brennan@gmail.com>\nDate:   Tue Nov 4 10:12:09 2025 +0100\n\n    Fix the retry loop\n\n    Signed-off-by: Tom Hughes <tom.hughes@outlook.com>\n';
    const manifest = '{ "name": "retry-kit", "author": "Priya Brennan <priya.brennan@gmail.com>", "license": "MIT" }';
    const next = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: system },
        { role: 'user', content: 'Who wrote the last commit?' },
        { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'bash', arguments: '{"command":"git log -1 && cat package.json"}' } }] },
        { role: 'tool', tool_call_id: 'call_1', content: `${gitLog}\n${manifest}` },
      ],
      tools: [bash],
    });
    expect(next.model).toBe('gpt-4o-mini');
    expect((upstream()[0]?.body as { model: string }).model).toBe('gpt-4o-mini');
    // A user's own address is still theirs: the same request with it is kept on the machine.
    const own = await request(h.app)
      .post('/v1/chat/completions')
      .set('Authorization', `Bearer ${token}`)
      .send({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'my email is priya.brennan@gmail.com, please remember it' }] });
    expect(own.status).toBe(400);
    expect(own.body.error.code).toBe('model_not_allowed');
  });
});

describe('/v1/chat/completions with a long conversation', () => {
  it("classifies an agent's 60 KB conversation off the event loop with the same verdicts: a file it read goes to the cloud, a key in it stays", async () => {
    const file = 'export function retry(attempts: number, run: () => Promise<void>) {\n  return run().catch(() => (attempts > 1 ? retry(attempts - 1, run) : undefined));\n}\n'.repeat(400);
    expect(file.length).toBeGreaterThan(50_000);
    const conversation = (toolResult: string) => [
      { role: 'user' as const, content: 'Read src/retry.ts and tell me what it does.' },
      { role: 'assistant' as const, content: null, tool_calls: [{ id: 'call_1', type: 'function' as const, function: { name: 'read', arguments: '{"path":"src/retry.ts"}' } }] },
      { role: 'tool' as const, tool_call_id: 'call_1', content: toolResult },
    ];
    const answered = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: conversation(file) });
    expect(answered.model).toBe('gpt-4o-mini');
    expect((upstream()[0]?.body as { model: string }).model).toBe('gpt-4o-mini');
    h.fake.reset();
    const withKey = await request(h.app)
      .post('/v1/chat/completions')
      .set('Authorization', `Bearer ${token}`)
      .send({ model: 'gpt-4o-mini', messages: conversation(`${file}\nconst key = 'AKIA2OGYBAH6STMKQF7P';\n${file}`) });
    expect(withKey.status).toBe(400);
    expect(withKey.body.error.code).toBe('model_not_allowed');
    expect(upstream()).toHaveLength(0);
  });
});

describe('/v1/embeddings', () => {
  it('serves the built-in local embedder as switchyard-embed, as floats and as base64, with nothing sent upstream', async () => {
    const floats = await client.embeddings.create({ model: 'switchyard-embed', input: ['the cat sat on the mat', 'a kitten rested on the rug', 'quarterly tax filing deadline'], encoding_format: 'float' });
    expect(floats.data).toHaveLength(3);
    const [a, b, c] = floats.data.map((d) => d.embedding);
    expect(a).toHaveLength(h.ctx.embedder.dimensions);
    const cosine = (x: number[], y: number[]) => x.reduce((sum, v, i) => sum + v * (y[i] ?? 0), 0);
    expect(cosine(a!, b!)).toBeGreaterThan(cosine(a!, c!));
    // The SDK asks for base64 by default and decodes it: the same vector comes back.
    const decoded = await client.embeddings.create({ model: 'switchyard-embed', input: 'the cat sat on the mat' });
    decoded.data[0]!.embedding.forEach((value, i) => expect(value).toBeCloseTo(a![i]!, 5));
    const raw = await request(h.app).post('/v1/embeddings').set('Authorization', `Bearer ${token}`).send({ model: 'switchyard-embed', input: 'x', encoding_format: 'base64' });
    expect(typeof raw.body.data[0].embedding).toBe('string');
    expect(upstream()).toHaveLength(0);
  });

  it('refuses another model, and a dimensions value it cannot give', async () => {
    await expect(client.embeddings.create({ model: 'text-embedding-3-small', input: 'x' })).rejects.toMatchObject({ status: 404, code: 'model_not_found', param: 'model' });
    await expect(client.embeddings.create({ model: 'switchyard-embed', input: 'x', dimensions: 64 })).rejects.toMatchObject({ status: 400, param: 'dimensions' });
  });
});

describe('/v1/models', () => {
  it('lists auto, chat models with capabilities, and switchyard-embed; retrieves each with the same stable created', async () => {
    const list = await client.models.list();
    const ids = list.data.map((m) => m.id);
    expect(ids[0]).toBe('auto');
    expect(ids).toEqual(expect.arrayContaining(['gpt-4o-mini', 'claude-haiku-4-5', 'extractive-v1', 'switchyard-embed']));
    const mini = await client.models.retrieve('gpt-4o-mini');
    expect(mini).toMatchObject({ id: 'gpt-4o-mini', object: 'model', owned_by: 'openai' });
    expect(mini.created).toBe(list.data.find((m) => m.id === 'gpt-4o-mini')?.created);
    expect((await client.models.retrieve('gpt-4o-mini')).created).toBe(mini.created);
    expect((mini as unknown as { switchyard: { capabilities: { tools: boolean } } }).switchyard.capabilities.tools).toBe(true);
    expect((await client.models.retrieve('extractive-v1') as unknown as { switchyard: { capabilities: { tools: boolean } } }).switchyard.capabilities.tools).toBe(false);
    await expect(client.models.retrieve('no-such-model')).rejects.toMatchObject({ status: 404, code: 'model_not_found' });
  });
});
