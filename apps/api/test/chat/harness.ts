// One API per test file for the chat tests: the real app and context (Redis, Chroma, router)
// with the fake LLM server standing in for OpenAI and Anthropic as the cloud providers.
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { startFakeLlm, type FakeLlm } from '@switchyard/fake-llm';
import { testEnv, uniqueId } from '@switchyard/testing';
import type { Embedder } from '@switchyard/vectorstore';
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../../src/app';
import { createServices, type Services } from '../../src/composition';
import { parseEnv } from '../../src/env';

export interface ChatHarness {
  app: Express;
  ctx: Services;
  fake: FakeLlm;
  /** Base URL of the app listening on a random port (for SDKs and raw streams). */
  url: string;
  signup(label?: string): Promise<{ token: string; userId: string }>;
  /** Keys of this app matching a pattern after the prefix, sorted (Redis returns them in no stable order). */
  keys(pattern: string): Promise<string[]>;
  close(): Promise<void>;
}

/** GET /metrics needs it (it is not public). */
export const CHAT_METRICS_TOKEN = 'metrics-token-for-chat-tests-0123456789';

export async function startChatHarness(
  options: { env?: Record<string, string>; fake?: FakeLlm; embedder?: Embedder } = {},
): Promise<ChatHarness> {
  const test = testEnv();
  const fake = options.fake ?? (await startFakeLlm());
  const prefix = `${test.keyPrefix}${uniqueId('chat')}:`;
  const env = parseEnv({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    REDIS_URL: test.redisUrl,
    REDIS_PREFIX: prefix,
    CHROMA_URL: test.chromaUrl,
    CHROMA_COLLECTION_PREFIX: `${test.collectionPrefix}${uniqueId('c')}_`,
    BLOB_DIR: path.join(test.dataDir, uniqueId('blobs')),
    ALLOW_SIGNUP: 'true',
    RATE_LIMIT_PER_MINUTE: '100000',
    DAILY_BUDGET_USD: '0',
    METRICS_TOKEN: CHAT_METRICS_TOKEN,
    OPENAI_API_KEY: 'sk-fake-openai-key-for-tests',
    OPENAI_BASE_URL: fake.openaiBaseURL,
    ANTHROPIC_API_KEY: 'sk-ant-fake-key-for-tests',
    ANTHROPIC_BASE_URL: fake.anthropicBaseURL,
    ...options.env,
  });
  const ctx = await createServices(env, options.embedder ? { embedder: options.embedder } : {});
  const app = createApp(ctx);
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let users = 0;

  return {
    app,
    ctx,
    fake,
    url,
    async signup(label = 'user') {
      users += 1;
      const res = await request(app)
        .post('/api/auth/signup')
        .send({ email: `${label}${users}-${uniqueId()}@example.com`, password: 'correct horse battery' });
      if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${JSON.stringify(res.body)}`);
      const body = res.body as { token: string; user: { id: string } };
      return { token: body.token, userId: body.user.id };
    },
    keys: async (pattern) => (await ctx.redis.keys(`${prefix}${pattern}`)).sort(),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await ctx.close();
      if (!options.fake) await fake.close();
    },
  };
}

export interface SseEvent {
  event: string;
  data: unknown;
}

/** Parses a complete text/event-stream body (comments skipped). */
export function parseSse(text: string): SseEvent[] {
  const events: SseEvent[] = [];
  for (const block of text.split(/\n\n/)) {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('event:')) event = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
    }
    if (data.length === 0) continue;
    const raw = data.join('\n');
    let parsed: unknown = raw;
    try {
      parsed = JSON.parse(raw);
    } catch {
      // `[DONE]` and other plain payloads stay strings
    }
    events.push({ event, data: parsed });
  }
  return events;
}
