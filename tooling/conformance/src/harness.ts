// One Switchyard API per test file, wired to the fake provider (tooling/fake-llm) as its OpenAI
// and Anthropic clouds, on a random port: what an integrator's client talks to.
import { startChatHarness, type ChatHarness } from '../../../apps/api/test/chat/harness';

export interface Gateway {
  /** `http://127.0.0.1:<port>/v1`, for OpenAI-style clients. */
  baseURL: string;
  /** The server root, for Anthropic's SDK (it appends /v1/messages). */
  rootURL: string;
  /** A Switchyard API token of a fresh user. */
  apiKey: string;
  harness: ChatHarness;
  /** POST bodies the fake provider received since the last reset. */
  upstream(): Record<string, unknown>[];
  close(): Promise<void>;
}

export async function startGateway(): Promise<Gateway> {
  // Cache off: every call reaches the fake, so what it received can be asserted.
  const harness = await startChatHarness({ env: { CACHE_TTL_SECONDS: '0' } });
  const { token } = await harness.signup('conformance');
  return {
    baseURL: `${harness.url}/v1`,
    rootURL: harness.url,
    apiKey: token,
    harness,
    upstream: () => harness.fake.requests.filter((r) => r.method === 'POST').map((r) => r.body as Record<string, unknown>),
    close: () => harness.close(),
  };
}
