// The answer cache over /v1: a repeated request is served from the cache and reports the usage
// it took when it was made (cost zero); any parameter that changes the answer makes a new entry.
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startChatHarness, type ChatHarness } from '../chat/harness';

let h: ChatHarness;
let client: OpenAI;

beforeAll(async () => {
  h = await startChatHarness();
  const { token } = await h.signup('cache');
  client = new OpenAI({ baseURL: `${h.url}/v1`, apiKey: token, maxRetries: 0 });
}, 60_000);
afterAll(async () => {
  await h?.close();
});
beforeEach(() => h.fake.reset());

const upstreamCalls = () => h.fake.requests.filter((r) => r.method === 'POST').length;
type WithExtension = OpenAI.ChatCompletion & { switchyard: { cached: boolean; costUsd: number } };
const ask = async (params: Partial<OpenAI.ChatCompletionCreateParamsNonStreaming>, content = 'Which planet is the largest?') =>
  (await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content }], ...params })) as WithExtension;

describe('/v1 answer cache', () => {
  it('serves a repeat from the cache with the original usage and zero cost', async () => {
    const first = await ask({}, 'Which planet is the largest? (usage)');
    const again = await ask({}, 'Which planet is the largest? (usage)');
    expect(first.switchyard.cached).toBe(false);
    expect(first.switchyard.costUsd).toBeGreaterThan(0);
    expect(again.switchyard.cached).toBe(true);
    expect(again.switchyard.costUsd).toBe(0);
    expect(again.usage).toEqual(first.usage);
    expect(again.usage?.total_tokens).toBeGreaterThan(0);
    expect(again.choices[0]?.message.content).toBe(first.choices[0]?.message.content);
    expect(upstreamCalls()).toBe(1);
  });

  it.each<[string, Partial<OpenAI.ChatCompletionCreateParamsNonStreaming>]>([
    ['temperature', { temperature: 1.3 }],
    ['top_p', { top_p: 0.5 }],
    ['max_tokens', { max_tokens: 5 }],
    ['n', { n: 2 }],
    ['stop', { stop: ['planet'] }],
    ['seed', { seed: 11 }],
    ['presence_penalty', { presence_penalty: 1 }],
    ['response_format', { response_format: { type: 'json_object' } }],
    ['tools', { tools: [{ type: 'function', function: { name: 'lookup', parameters: { type: 'object', properties: {} } } }], tool_choice: 'none' }],
    ['logprobs', { logprobs: true }],
  ])('misses when %s changes', async (name, params) => {
    const question = `Which planet is the largest? (${name})`;
    await ask({}, question);
    const changed = await ask(params, question);
    expect(changed.switchyard.cached).toBe(false);
    const repeated = await ask(params, question);
    expect(repeated.switchyard.cached).toBe(true);
    expect(upstreamCalls()).toBe(2);
  });

  it('replays a cached tool call, streamed, as the same call', async () => {
    const params = {
      model: 'gpt-4o-mini',
      messages: [{ role: 'user' as const, content: 'get_weather city=Bergen' }],
      tools: [{ type: 'function' as const, function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } } }],
      tool_choice: 'required' as const,
    };
    const first = await client.chat.completions.create(params);
    const replay = await client.chat.completions.stream(params).finalChatCompletion();
    expect(upstreamCalls()).toBe(1);
    expect(replay.choices[0]?.finish_reason).toBe('tool_calls');
    expect(replay.choices[0]?.message.tool_calls).toEqual(first.choices[0]?.message.tool_calls);
  });
});
