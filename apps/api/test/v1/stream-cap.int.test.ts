// /v1 admits a stream under the per-user cap while the request is classified and routed (so the
// admission's round trip is not in the time to first token), yet a stream over the cap is still
// refused with 429 too_many_streams before the model hears of it, and a slot comes back once a
// stream ends.
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChatHarness, type ChatHarness } from '../chat/harness';

let h: ChatHarness;
let client: OpenAI;

beforeAll(async () => {
  h = await startChatHarness({ env: { CACHE_TTL_SECONDS: '0', MAX_STREAMS_PER_USER: '1' } });
  client = new OpenAI({ baseURL: `${h.url}/v1`, apiKey: (await h.signup('v1cap')).token, maxRetries: 0 });
}, 60_000);
afterAll(async () => {
  await h?.close();
});

const ask = (content: string) => client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content }], stream: true });
const upstream = () => h.fake.requests.filter((r) => r.method === 'POST');

describe('/v1 stream cap', () => {
  it('refuses a second open stream before calling the model, and admits one again once the first ended', async () => {
    h.fake.reset();
    h.fake.setBehavior({ mode: 'ok', chunkDelayMs: 200 });
    const first = await ask('a slow answer with several words in it');
    const firstPieces = (async () => {
      let text = '';
      for await (const chunk of first) text += chunk.choices[0]?.delta.content ?? '';
      return text;
    })();
    await h.fake.waitFor((requests) => requests.some((r) => r.method === 'POST'));

    const refused = (await ask('a second question at once').catch((error: unknown) => error)) as InstanceType<typeof OpenAI.APIError>;
    expect(refused.status).toBe(429);
    expect((refused.error as { code?: string }).code).toBe('too_many_streams');
    expect(upstream()).toHaveLength(1);

    expect(await firstPieces).toContain('slow answer');
    h.fake.setBehavior({ mode: 'ok' });
    // The slot is given back as the first stream's response closes.
    await expect
      .poll(async () => {
        try {
          const again = await ask('and now?');
          for await (const _chunk of again);
          return 'admitted';
        } catch {
          return 'refused';
        }
      })
      .toBe('admitted');
  });
});
