import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeLlm, type FakeLlm } from './index';

let fake: FakeLlm;
beforeAll(async () => {
  fake = await startFakeLlm();
});
afterAll(async () => {
  await fake.close();
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${fake.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer sk-secret', ...headers },
    body: JSON.stringify(body),
  });

describe('fake-llm', () => {
  it('answers chat completions with an echo of the last user message and records the request without credentials', async () => {
    fake.reset();
    const res = await post('/v1/chat/completions', { model: 'm', messages: [{ role: 'user', content: 'hi there' }] });
    const json = (await res.json()) as { choices: { message: { content: string } }[] };
    expect(json.choices[0]?.message.content).toBe('Echo: hi there');
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]?.headers.authorization).toBeUndefined();
    expect(fake.requests[0]?.path).toBe('/v1/chat/completions');
  });

  it('streams OpenAI chunks ending in [DONE] with usage when asked', async () => {
    fake.reset();
    const res = await post('/v1/chat/completions', {
      model: 'm',
      stream: true,
      stream_options: { include_usage: true },
      messages: [{ role: 'user', content: 'one two three' }],
    });
    const text = await res.text();
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    expect(text.trim().endsWith('data: [DONE]')).toBe(true);
    expect(text).toContain('"prompt_tokens"');
  });

  it('streams Anthropic events in order', async () => {
    fake.reset();
    const res = await post('/v1/messages', { model: 'c', max_tokens: 10, stream: true, messages: [{ role: 'user', content: 'hey' }] });
    const events = [...(await res.text()).matchAll(/^event: (\w+)$/gm)].map((m) => m[1]);
    expect(events).toEqual([
      'message_start',
      'content_block_start',
      'ping',
      'content_block_delta',
      'content_block_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
  });

  it('returns 429 with Retry-After in rate429 mode', async () => {
    fake.reset();
    fake.setBehavior({ mode: 'rate429', retryAfterSeconds: 7 });
    const res = await post('/v1/messages', { model: 'c', max_tokens: 10, messages: [] });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('7');
    expect(((await res.json()) as { error: { type: string } }).error.type).toBe('rate_limit_error');
  });

  it('gives deterministic embeddings of the requested dimension', async () => {
    fake.reset();
    const body = { model: 'e', input: ['a b', 'a b'], dimensions: 8, encoding_format: 'float' };
    const json = (await (await post('/v1/embeddings', body)).json()) as { data: { embedding: number[] }[] };
    expect(json.data[0]?.embedding).toHaveLength(8);
    expect(json.data[0]?.embedding).toEqual(json.data[1]?.embedding);
  });

  it('records a client abort on a hanging request', async () => {
    fake.reset();
    fake.setBehavior({ mode: 'hang' });
    const controller = new AbortController();
    const aborted = fetch(`${fake.url}/v1/chat/completions`, { method: 'POST', body: '{}', signal: controller.signal }).catch(
      () => 'aborted',
    );
    await fake.waitFor((r) => r.length === 1);
    controller.abort();
    expect(await aborted).toBe('aborted');
    await fake.waitFor((r) => r[0]?.aborted === true);
    expect(fake.requests[0]?.completed).toBe(false);
  });
});
