// POST /v1/messages with the official Anthropic SDK pointed at Switchyard, unchanged: our API key
// as x-api-key or as a bearer token, JSON and streamed, tools both ways, images, stop reasons —
// whichever provider the router picks (the answer is translated back either way).
import Anthropic from '@anthropic-ai/sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startChatHarness, type ChatHarness } from '../chat/harness';

let h: ChatHarness;
let token: string;
let client: Anthropic;

beforeAll(async () => {
  h = await startChatHarness({ env: { CACHE_TTL_SECONDS: '0' } });
  token = (await h.signup('anthropic')).token;
  client = new Anthropic({ baseURL: h.url, apiKey: token, maxRetries: 0 });
}, 60_000);
afterAll(async () => {
  await h?.close();
});
beforeEach(() => h.fake.reset());

const upstream = () => h.fake.requests.filter((r) => r.method === 'POST');
const weather: Anthropic.Tool = { name: 'get_weather', description: 'Weather now', input_schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } };

describe('/v1/messages with the Anthropic SDK', () => {
  it('answers with our key as x-api-key, and as a bearer token', async () => {
    const message = await client.messages.create({ model: 'claude-haiku-4-5', max_tokens: 200, system: 'Be brief.', messages: [{ role: 'user', content: 'Name a primary colour.' }] });
    expect(message.type).toBe('message');
    expect(message.content[0]).toEqual({ type: 'text', text: 'Echo: Name a primary colour.' });
    expect(message.stop_reason).toBe('end_turn');
    expect(message.usage.output_tokens).toBeGreaterThan(0);
    expect(upstream()[0]?.path).toBe('/v1/messages');
    expect(JSON.stringify(upstream()[0]?.body)).toContain('Be brief.');

    const bearer = new Anthropic({ baseURL: h.url, authToken: token, apiKey: null, maxRetries: 0 });
    const again = await bearer.messages.create({ model: 'auto', max_tokens: 100, messages: [{ role: 'user', content: 'Say hi.' }] });
    expect(again.content[0]).toMatchObject({ type: 'text' });
    const denied = new Anthropic({ baseURL: h.url, apiKey: 'sk-not-a-switchyard-key', maxRetries: 0 });
    await expect(denied.messages.create({ model: 'auto', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] })).rejects.toMatchObject({ status: 401 });
  });

  it('streams text events the SDK joins into the final message', async () => {
    const stream = client.messages.stream({ model: 'claude-haiku-4-5', max_tokens: 200, messages: [{ role: 'user', content: 'Count to five slowly please' }] });
    const pieces: string[] = [];
    stream.on('text', (text) => pieces.push(text));
    const message = await stream.finalMessage();
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join('')).toBe('Echo: Count to five slowly please');
    expect(message.content).toHaveLength(1);
    expect(message.content[0]).toMatchObject({ type: 'text', text: 'Echo: Count to five slowly please' });
    expect(message.stop_reason).toBe('end_turn');
    expect(message.usage.output_tokens).toBeGreaterThan(0);
  });

  it.each(['claude-haiku-4-5', 'gpt-4o-mini'])('returns tool_use blocks from %s and sends tool_result back, streamed and not', async (model) => {
    const first = await client.messages.create({ model, max_tokens: 200, tools: [weather], tool_choice: { type: 'any' }, messages: [{ role: 'user', content: 'get_weather city=Lisbon' }] });
    expect(first.stop_reason).toBe('tool_use');
    const use = first.content.find((b): b is Anthropic.ToolUseBlock => b.type === 'tool_use');
    expect(use).toMatchObject({ name: 'get_weather', input: { city: 'Lisbon' } });

    const streamed = await client.messages.stream({ model, max_tokens: 200, tools: [weather], tool_choice: { type: 'tool', name: 'get_weather' }, messages: [{ role: 'user', content: 'get_weather city=Porto' }] }).finalMessage();
    expect(streamed.stop_reason).toBe('tool_use');
    expect(streamed.content.find((b) => b.type === 'tool_use')).toMatchObject({ name: 'get_weather', input: { city: 'Porto' } });

    const answer = await client.messages.create({
      model,
      max_tokens: 200,
      tools: [weather],
      messages: [
        { role: 'user', content: 'get_weather city=Lisbon' },
        { role: 'assistant', content: first.content },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: use!.id, content: '24 degrees' }] },
      ],
    });
    expect(answer.content[0]).toMatchObject({ type: 'text', text: 'Tool result: 24 degrees' });
    expect(answer.stop_reason).toBe('end_turn');
  });

  it('passes images, and reports max_tokens when the answer was cut', async () => {
    const seen = await client.messages.create({
      model: 'claude-haiku-4-5',
      max_tokens: 200,
      messages: [{ role: 'user', content: [{ type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBORw0KGgo=' } }, { type: 'text', text: 'Describe it.' }] }],
    });
    expect(seen.content[0]).toMatchObject({ text: 'Echo: Describe it. [1 image]' });

    const cut = await client.messages.create({ model: 'gpt-4o-mini', max_tokens: 2, messages: [{ role: 'user', content: 'a question long enough to be cut' }] });
    expect(cut.stop_reason).toBe('max_tokens');
  });

  it('refuses an unknown model with 404 and a confidential request with tools with 400, naming the parameter', async () => {
    await expect(client.messages.create({ model: 'claude-nonexistent', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] })).rejects.toMatchObject({ status: 404 });
    const refused = (await client.messages
      .create({ model: 'auto', max_tokens: 10, tools: [weather], messages: [{ role: 'user', content: 'Employee SSN 123-45-6789: check the weather for them' }] })
      .catch((e: unknown) => e)) as InstanceType<typeof Anthropic.APIError>;
    expect(refused.status).toBe(400);
    expect((refused.error as { error: { param: string } }).error.param).toBe('tools');
    expect(upstream()).toHaveLength(0);
  });

  it('counts input tokens the way Claude Code asks (count_tokens, also ?beta=true), without calling a provider', async () => {
    const hello: Anthropic.MessageParam[] = [{ role: 'user', content: 'Hello there' }];
    const short = await client.messages.countTokens({ model: 'claude-haiku-4-5', messages: hello });
    expect(short.input_tokens).toBeGreaterThan(0);
    const long = await client.messages.countTokens({ model: 'auto', system: 'Be brief.', messages: [{ role: 'user', content: 'Hello there '.repeat(400) }] });
    expect(long.input_tokens).toBeGreaterThan(short.input_tokens + 500);
    const withTools = await client.messages.countTokens({ model: 'gpt-4o-mini', messages: hello, tools: [weather] });
    expect(withTools.input_tokens).toBeGreaterThan(short.input_tokens);
    const withImage = await client.messages.countTokens({
      model: 'claude-haiku-4-5',
      messages: [{ role: 'user', content: [{ type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBORw0KGgo=' } }, { type: 'text', text: 'Hello there' }] }],
    });
    expect(withImage.input_tokens).toBeGreaterThanOrEqual(short.input_tokens + 1000);
    // Claude Code calls the beta endpoint: /v1/messages/count_tokens?beta=true with anthropic-beta headers.
    const beta = await client.beta.messages.countTokens({ model: 'claude-haiku-4-5', messages: hello, betas: ['token-counting-2024-11-01'] });
    expect(beta.input_tokens).toBe(short.input_tokens);
    expect(upstream()).toHaveLength(0);

    await expect(client.messages.countTokens({ model: 'claude-nonexistent', messages: hello })).rejects.toMatchObject({ status: 404 });
    const withMaxTokens = (await client
      .post('/v1/messages/count_tokens', { body: { model: 'auto', max_tokens: 10, messages: hello } })
      .catch((e: unknown) => e)) as InstanceType<typeof Anthropic.APIError>;
    expect(withMaxTokens.status).toBe(400);
    expect(withMaxTokens.message).toContain('max_tokens');
  });

  it('lists models in Anthropic\'s shape, page by page either way, and retrieves one', async () => {
    const viaOpenAiShape = (await (await fetch(`${h.url}/v1/models`, { headers: { authorization: `Bearer ${token}` } })).json()) as { data: { id: string }[] };
    const ids = viaOpenAiShape.data.map((m) => m.id);
    expect(ids).toEqual(expect.arrayContaining(['auto', 'claude-haiku-4-5', 'gpt-4o-mini']));

    const paged: Anthropic.ModelInfo[] = [];
    for await (const model of client.models.list({ limit: 2 })) paged.push(model);
    expect(paged.map((m) => m.id)).toEqual(ids);
    expect(paged.find((m) => m.id === 'claude-haiku-4-5')).toMatchObject({ type: 'model', display_name: 'claude-haiku-4-5', created_at: '2025-01-01T00:00:00.000Z' });

    const first = await client.models.list({ limit: 2 });
    expect(first.data).toHaveLength(2);
    expect(first.has_more).toBe(ids.length > 2);
    const back = await client.models.list({ before_id: ids[3]!, limit: 2 });
    expect(back.data.map((m) => m.id)).toEqual(ids.slice(1, 3));
    expect(back.has_more).toBe(true);

    expect(await client.models.retrieve('claude-haiku-4-5')).toMatchObject({ type: 'model', id: 'claude-haiku-4-5' });
    await expect(client.models.retrieve('claude-nonexistent')).rejects.toMatchObject({ status: 404 });
    await expect(client.models.list({ limit: 5000 })).rejects.toMatchObject({ status: 400 });
  });

  // The shape Claude Code 2.1 sends (captured from it): system blocks with cache_control, a system
  // message mid-conversation, adaptive thinking, clear-thinking context editing, effort "high",
  // metadata.user_id as JSON, /v1/messages?beta=true with its beta headers.
  const claudeCodeRequest = (model: string, messages: unknown[]) =>
    ({
      model,
      max_tokens: 32000,
      system: [
        { type: 'text', text: 'x-anthropic-billing-header: cc_version=2.1.332' },
        { type: 'text', text: 'You are an agent. Be brief.', cache_control: { type: 'ephemeral' } },
      ],
      messages,
      tools: [weather],
      metadata: { user_id: JSON.stringify({ device_id: 'd'.repeat(64), account_uuid: '', session_id: 'f95ba3be-4449-47d3-a060-58ec2291a673' }) },
      thinking: { type: 'adaptive', display: 'omitted' },
      context_management: { edits: [{ type: 'clear_thinking_20251015', keep: 'all' }] },
      output_config: { effort: 'high' },
    }) as unknown as Anthropic.Beta.Messages.MessageCreateParamsNonStreaming;
  const betas = ['claude-code-20250219', 'interleaved-thinking-2025-05-14', 'context-management-2025-06-27', 'effort-2025-11-24'];

  it.each(['gpt-4o-mini', 'claude-haiku-4-5'])('serves a Claude Code agent turn with %s: system messages, adaptive thinking, context editing, tool loop', async (model) => {
    const opening = [
      { role: 'user', content: [{ type: 'text', text: '<system-reminder>Attribution rules</system-reminder>' }, { type: 'text', text: 'get_weather city=Lisbon' }] },
      { role: 'system', content: [{ type: 'text', text: '# Environment\nPrimary working directory: /srv/app', cache_control: { type: 'ephemeral' } }] },
    ];
    const first = await client.beta.messages.stream({ ...claudeCodeRequest(model, opening), betas }).finalMessage();
    expect(first.stop_reason).toBe('tool_use');
    const use = first.content.find((b): b is Anthropic.Beta.BetaToolUseBlock => b.type === 'tool_use');
    expect(use).toMatchObject({ name: 'get_weather', input: { city: 'Lisbon' } });
    const sent = JSON.stringify(upstream()[0]?.body);
    expect(sent).toContain('Be brief.');
    expect(sent).toContain('Primary working directory: /srv/app');

    h.fake.reset();
    const answer = await client.beta.messages
      .stream({
        ...claudeCodeRequest(model, [
          ...opening,
          // Reasoning from an earlier answer comes back with it; a note shown only until the next user message.
          { role: 'assistant', content: [{ type: 'thinking', thinking: 'EARLIER-REASONING', signature: 'c2ln' }, { type: 'redacted_thinking', data: 'cmVkYWN0ZWQ=' }, ...first.content] },
          { role: 'system', content: 'ONE-TURN-NOTE', clear_at: 'next_user_message' },
          { role: 'user', content: [{ type: 'tool_result', tool_use_id: use!.id, content: '24 degrees' }] },
        ]),
        betas,
      })
      .finalMessage();
    expect(answer.content[0]).toMatchObject({ type: 'text', text: 'Tool result: 24 degrees' });
    const resent = JSON.stringify(upstream()[0]?.body);
    expect(resent).not.toContain('EARLIER-REASONING');
    expect(resent).not.toContain('ONE-TURN-NOTE');
    expect(resent).toContain('Primary working directory: /srv/app');
  });

  it('refuses what Claude Code can send but no model here honours, naming it: thinking budgets, other efforts, clearing tool results', async () => {
    const ask = [{ role: 'user', content: 'Say hi.' }];
    const refused = async (change: Record<string, unknown>) =>
      (await client.beta.messages
        .stream({ ...claudeCodeRequest('auto', ask), ...change, betas })
        .finalMessage()
        .catch((e: unknown) => e)) as InstanceType<typeof Anthropic.APIError>;

    const budget = await refused({ thinking: { type: 'enabled', budget_tokens: 4000 } });
    expect(budget.status).toBe(400);
    expect(budget.message).toContain('thinking');
    const effort = await refused({ output_config: { effort: 'medium' } });
    expect(effort.status).toBe(400);
    expect(effort.message).toContain('effort');
    const clearing = await refused({ context_management: { edits: [{ type: 'clear_tool_uses_20250919' }] } });
    expect(clearing.status).toBe(400);
    expect(clearing.message).toContain('context_management');
    expect(upstream()).toHaveLength(0);

    const disabled = await client.beta.messages.stream({ ...claudeCodeRequest('auto', ask), thinking: { type: 'disabled' }, betas }).finalMessage();
    expect(disabled.content.length).toBeGreaterThan(0);
    expect(upstream()).toHaveLength(1);
  });
});
