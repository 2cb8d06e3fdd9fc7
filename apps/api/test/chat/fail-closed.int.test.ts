// Confidential requests fail closed even when the client names an endpoint of its own: fields
// like `base_url`, `baseURL`, `api_base` or `provider` in the body never send a confidential
// message to a cloud model, neither the configured one nor the one the client points at.
import { startFakeLlm, type FakeLlm } from '@switchyard/fake-llm';
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseSse, startChatHarness, type ChatHarness } from './harness';

let h: ChatHarness;
/** The endpoint a client tries to redirect to: another fake cloud, never configured. */
let named: FakeLlm;
let token: string;

beforeAll(async () => {
  h = await startChatHarness();
  named = await startFakeLlm();
  token = (await h.signup('patient-desk')).token;
}, 60_000);

afterAll(async () => {
  await h?.close();
  await named?.close();
});

beforeEach(() => {
  h.fake.reset();
  named.reset();
});

const SSN = '123-45-6789';
const CONFIDENTIAL = `Patient Jane Roe, SSN ${SSN}, asks about her lab results. Draft a short reply.`;
const PUBLIC = 'Draft a short reply thanking a customer for their feedback.';

/** Every way a client might try to choose the endpoint, pointing at both fake clouds. */
const endpointOverrides = () => ({
  base_url: named.openaiBaseURL,
  baseURL: h.fake.openaiBaseURL,
  api_base: named.anthropicBaseURL,
  provider: 'openai',
});

const collectText = (response: request.Response, done: (error: Error | null, body: string) => void) => {
  let text = '';
  response.setEncoding('utf8');
  response.on('data', (chunk: string) => (text += chunk));
  response.on('end', () => done(null, text));
};

interface Outcome {
  provider: string;
  answer: string;
}

const endpoints: [string, (message: string) => Promise<Outcome>][] = [
  [
    '/api/chat',
    async (message) => {
      const res = await request(h.app).post('/api/chat').set('Authorization', `Bearer ${token}`).send({ message, useDocuments: false, ...endpointOverrides() });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return { provider: res.body.route.provider, answer: res.body.answer };
    },
  ],
  [
    '/api/chat (streamed)',
    async (message) => {
      const res = await request(h.app)
        .post('/api/chat')
        .set('Authorization', `Bearer ${token}`)
        .send({ message, useDocuments: false, stream: true, ...endpointOverrides() })
        .buffer(true)
        .parse(collectText);
      expect(res.status).toBe(200);
      const done = parseSse(res.body as string).find((e) => e.event === 'done')?.data as { route: { provider: string }; answer: string } | undefined;
      expect(done, res.body as string).toBeDefined();
      return { provider: done!.route.provider, answer: done!.answer };
    },
  ],
];

describe('confidential requests that name an endpoint of their own', () => {
  it.each(endpoints)('%s: answers 200 from the local model, and neither cloud hears a word', async (_name, send) => {
    const outcome = await send(CONFIDENTIAL);
    expect(outcome.provider).toBe('local-extractive');
    expect(outcome.answer.length).toBeGreaterThan(0);
    expect(h.fake.requests).toEqual([]);
    expect(named.requests).toEqual([]);
  });

  it.each(endpoints)('%s: a public message with the same fields goes to the configured cloud only', async (name, send) => {
    // The control: the configured fake cloud is reachable, so the empty logs above mean something;
    // and the client-named endpoint is ignored here too. (One message per case: no cache hits.)
    const outcome = await send(`${PUBLIC} Mention ${name}.`);
    expect(['openai', 'anthropic']).toContain(outcome.provider);
    expect(h.fake.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(named.requests).toEqual([]);
  });
});

describe('/v1 refuses endpoint fields instead of ignoring them', () => {
  it.each([false, true])('names the field (stream: %s), and neither cloud hears a word, confidential or not', async (stream) => {
    for (const message of [CONFIDENTIAL, PUBLIC]) {
      const res = await request(h.app)
        .post('/v1/chat/completions')
        .set('Authorization', `Bearer ${token}`)
        .send({ model: 'auto', stream, messages: [{ role: 'user', content: message }], ...endpointOverrides() });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'invalid_request', type: 'invalid_request_error' });
      expect(['base_url', 'baseURL', 'api_base', 'provider']).toContain(res.body.error.param);
    }
    expect(h.fake.requests).toEqual([]);
    expect(named.requests).toEqual([]);
  });
});
