// When the provider behind /v1 fails, each SDK throws its typed error rather than hanging or
// returning an empty answer: a 5xx before the answer started (InternalServerError, which the SDKs
// retry), and an error event once a stream has started, as OpenAI and Anthropic send them. Its
// own gateway: the failures open the provider's circuit breaker.
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type Gateway } from './harness';

let gw: Gateway;
beforeAll(async () => {
  gw = await startGateway();
  gw.harness.fake.setBehavior({ mode: 'error500' });
});
afterAll(async () => {
  await gw?.close();
});

describe('a failing provider', () => {
  it('openai: a 5xx as InternalServerError, and a stream that throws APIError', async () => {
    const client = new OpenAI({ baseURL: gw.baseURL, apiKey: gw.apiKey, maxRetries: 0 });
    const failed = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] }).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(OpenAI.InternalServerError);
    expect(failed).toMatchObject({ status: 502, type: 'api_error' });
    const streamed = await (async () => {
      const stream = await client.chat.completions.create({ model: 'gpt-4o-mini', stream: true, messages: [{ role: 'user', content: 'hi' }] });
      for await (const chunk of stream) void chunk;
    })().catch((e: unknown) => e);
    expect(streamed).toBeInstanceOf(OpenAI.APIError);
  });

  it('anthropic: a 5xx as InternalServerError, and a stream that throws APIError', async () => {
    const client = new Anthropic({ baseURL: gw.rootURL, apiKey: gw.apiKey, maxRetries: 0 });
    const failed = await client.messages.create({ model: 'claude-haiku-4-5', max_tokens: 50, messages: [{ role: 'user', content: 'hi' }] }).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(Anthropic.InternalServerError);
    expect((failed as InstanceType<typeof Anthropic.APIError>).error).toMatchObject({ type: 'error', error: { type: 'api_error' } });
    const streamed = await client.messages.stream({ model: 'claude-haiku-4-5', max_tokens: 50, messages: [{ role: 'user', content: 'hi' }] }).finalMessage().catch((e: unknown) => e);
    expect(streamed).toBeInstanceOf(Anthropic.APIError);
  });
});
