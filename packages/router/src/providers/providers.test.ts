import { startFakeLlm, type FakeLlm } from '@switchyard/fake-llm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRouter, type Router } from '../router';
import { RouterError } from '../errors';
import type { RouteDecision } from '../types';

let fake: FakeLlm;
beforeAll(async () => {
  fake = await startFakeLlm();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => fake.reset());

const kinds = ['openai', 'anthropic'] as const;

function routerFor(kind: (typeof kinds)[number], timeoutMs = 2000): Router {
  return createRouter({
    providers: [
      {
        id: 'cloud',
        kind,
        local: false,
        apiKey: 'sk-test-key-for-the-fake-server-000',
        baseURL: kind === 'openai' ? fake.openaiBaseURL : fake.anthropicBaseURL,
        models: ['fake-small'],
      },
    ],
    timeoutMs,
    policy: { maxRetryAfterMs: 1500 },
    prices: { 'fake-small': { inputPerMTok: 1, outputPerMTok: 2 } },
  });
}

const decision: RouteDecision = {
  sensitivity: 'public',
  complexity: 'simple',
  tier: 'cheap',
  provider: 'cloud',
  model: 'fake-small',
  chain: [{ provider: 'cloud', model: 'fake-small' }],
  reasons: [],
};
const ask = (content: string) => ({ messages: [{ role: 'user' as const, content }] });

describe.each(kinds)('%s provider against the fake server (official SDK)', (kind) => {
  it('streams the answer in several deltas and reports usage and cost', async () => {
    const deltas: string[] = [];
    const result = await routerFor(kind).chat(decision, ask('what is the weather like today'), { onDelta: (d) => deltas.push(d) });
    expect(result.text).toBe('Echo: what is the weather like today');
    expect(deltas.length).toBeGreaterThan(3);
    expect(deltas.join('')).toBe(result.text);
    expect(result.usage.estimated).toBe(false);
    expect(result.usage.completionTokens).toBeGreaterThan(0);
    expect(result.costUsd).toBeGreaterThan(0);
    const request = fake.requests[0];
    expect(request?.path).toBe(kind === 'openai' ? '/v1/chat/completions' : '/v1/messages');
    expect((request?.body as { stream: boolean }).stream).toBe(true);
  });

  it('sends grounding passages and turns [n] markers into citations', async () => {
    fake.setBehavior({ mode: 'ok', reply: 'Refunds take 30 days [1].' });
    const result = await routerFor(kind).chat(decision, {
      ...ask('how long do refunds take?'),
      context: [{ id: 'd:0', documentId: 'd', title: 'Policy', chunkIndex: 0, text: 'Refunds take 30 days.', sensitivity: 'public' }],
    });
    expect(result.citations).toEqual([expect.objectContaining({ id: 'd:0', title: 'Policy' })]);
    expect(JSON.stringify(fake.requests[0]?.body)).toContain('[1] (Policy) Refunds take 30 days.');
  });

  it('times out a hanging upstream with upstream_timeout and cancels the request', async () => {
    fake.setBehavior({ mode: 'hang' });
    const error = await routerFor(kind, 150).chat(decision, ask('anyone there?')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RouterError);
    expect((error as RouterError).code).toBe('upstream_timeout');
    expect((error as RouterError).status).toBe(504);
    await fake.waitFor((r) => r[0]?.aborted === true);
  });

  it('waits out a short 429 Retry-After and retries once', async () => {
    fake.setBehavior({ mode: 'rate429', retryAfterSeconds: 1 });
    const router = routerFor(kind);
    const pending = router.chat(decision, ask('retry me'));
    await fake.waitFor((r) => r.length === 1);
    fake.setBehavior({ mode: 'ok' });
    const result = await pending;
    expect(result.text).toBe('Echo: retry me');
    expect(fake.requests).toHaveLength(2);
    expect(fake.requests[1]!.at - fake.requests[0]!.at).toBeGreaterThanOrEqual(900);
    expect(result.route.reasons.join(' ')).toContain('rate limited');
  });

  it('reports a long 429 Retry-After to the caller instead of waiting', async () => {
    fake.setBehavior({ mode: 'rate429', retryAfterSeconds: 30 });
    const error = (await routerFor(kind).chat(decision, ask('x')).catch((e: unknown) => e)) as RouterError;
    expect(error.code).toBe('all_providers_failed');
    expect(error.retryAfterSeconds).toBe(30);
    expect(fake.requests).toHaveLength(1);
  });

  it('turns a 5xx into all_providers_failed with a readable reason', async () => {
    fake.setBehavior({ mode: 'error500' });
    const error = (await routerFor(kind).chat(decision, ask('x')).catch((e: unknown) => e)) as RouterError;
    expect(error.code).toBe('all_providers_failed');
    expect(error.status).toBe(502);
    expect(error.message).toContain('upstream error 500');
  });

  it('fails cleanly on a malformed stream without splicing another answer on', async () => {
    fake.setBehavior({ mode: 'malformed-stream' });
    const deltas: string[] = [];
    const error = (await routerFor(kind)
      .chat(decision, ask('break please'), { onDelta: (d) => deltas.push(d) })
      .catch((e: unknown) => e)) as RouterError;
    expect(error).toBeInstanceOf(RouterError);
    expect(error.code).toBe('all_providers_failed');
    expect(error.message).toContain('broke off mid-stream');
    expect(deltas.join('')).toBe('Echo: ');
  });

  it("cancels the upstream request when the caller aborts mid-stream", async () => {
    fake.setBehavior({ mode: 'ok', chunkDelayMs: 50 });
    const controller = new AbortController();
    const pending = routerFor(kind).chat(decision, ask('a long answer with many words in it'), {
      signal: controller.signal,
      onDelta: () => controller.abort(),
    });
    const error = (await pending.catch((e: unknown) => e)) as RouterError;
    expect(error.code).toBe('aborted');
    expect(error.status).toBe(499);
    await fake.waitFor((r) => r[0]?.aborted === true);
    expect(fake.requests[0]?.completed).toBe(false);
  });

  it('tests connectivity through the model list', async () => {
    const router = routerFor(kind);
    expect((await router.test('cloud')).ok).toBe(true);
    fake.setBehavior({ mode: 'down' });
    const down = await router.test('cloud');
    expect(down.ok).toBe(false);
    expect(down.error).toBeTruthy();
  });
});
