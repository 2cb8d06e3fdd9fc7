// The connectivity agent in a running API: background probes notice the cloud going away, the
// router sends work to the local tier and says why, the providers list shows the state and the
// errors, and everything returns once the cloud answers again.
import { startFakeLlm, type FakeLlm } from '@switchyard/fake-llm';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeIntervalMs } from '../src/services/model-routing';
import { bearer, buildTestApp, signup, waitFor, type SignedUp, type TestApp } from './helpers';

let cloud: FakeLlm;
let local: FakeLlm;
let t: TestApp;
let admin: SignedUp;

beforeAll(async () => {
  [cloud, local] = await Promise.all([startFakeLlm(), startFakeLlm({ models: ['llama3.2:3b'] })]);
  t = await buildTestApp({
    ALLOW_SIGNUP: 'true',
    RATE_LIMIT_PER_MINUTE: '100000',
    OPENAI_API_KEY: 'sk-env-configured-key-0000',
    OPENAI_BASE_URL: cloud.openaiBaseURL,
    LOCAL_OPENAI_BASE_URL: local.openaiBaseURL,
    LOCAL_OPENAI_MODELS: 'llama3.2:3b',
    PROVIDER_PROBE_INTERVAL_MS: '150',
    PROVIDER_PROBE_TIMEOUT_MS: '500',
  });
  admin = await signup(t.app);
}, 60_000);

afterAll(async () => {
  await t?.close();
  await Promise.all([cloud?.close(), local?.close()]);
});

interface Listed {
  id: string;
  reachable?: boolean;
  recentErrors?: { message: string }[];
}
const providers = async () => (await request(t.app).get('/api/providers').set(bearer(admin.token))).body.providers as Listed[];
const route = async () =>
  (await request(t.app).post('/api/route').set(bearer(admin.token)).send({ message: 'What is the capital of France?', complexity: 'simple' })).body.route as {
    tier: string;
    provider: string;
    reasons: string[];
  };

describe('connectivity', () => {
  it('probes in the background, routes locally while the cloud is unreachable, and comes back', async () => {
    await waitFor('a first probe of the cloud', async () => (await providers()).find((p) => p.id === 'openai')?.reachable === true, 10_000);
    expect(await route()).toMatchObject({ tier: 'cheap', provider: 'openai' });

    cloud.setBehavior({ mode: 'down' });
    const openai = await waitFor('the cloud to be seen unreachable', async () => (await providers()).find((p) => p.id === 'openai' && p.reachable === false), 10_000);
    expect(openai.recentErrors?.[0]?.message).toMatch(/^probe: cannot reach the provider/);
    expect((await providers()).find((p) => p.id === 'local-openai')?.reachable).toBe(true);
    const offline = await route();
    expect(offline).toMatchObject({ tier: 'local', provider: 'local-openai' });
    expect(offline.reasons.find((r) => r.startsWith('the cloud is unreachable'))).toContain('openai: cannot reach the provider');

    const answer = await request(t.app).post('/api/chat').set(bearer(admin.token)).send({ message: 'What is the capital of France?', complexity: 'simple', useDocuments: false });
    expect(answer.status).toBe(200);
    expect(answer.body.route.provider).toBe('local-openai');
    expect(cloud.requests.filter((r) => r.method === 'POST')).toHaveLength(0);

    cloud.setBehavior({ mode: 'ok' });
    await waitFor('the cloud to be reachable again', async () => (await providers()).find((p) => p.id === 'openai')?.reachable === true, 10_000);
    expect(await route()).toMatchObject({ tier: 'cheap', provider: 'openai' });
  });

  it('probes every 30 s by default, never under NODE_ENV=test unless asked, and not at all with 0', () => {
    expect(probeIntervalMs({ NODE_ENV: 'production', PROVIDER_PROBE_INTERVAL_MS: undefined })).toBe(30_000);
    expect(probeIntervalMs({ NODE_ENV: 'test', PROVIDER_PROBE_INTERVAL_MS: undefined })).toBe(0);
    expect(probeIntervalMs({ NODE_ENV: 'production', PROVIDER_PROBE_INTERVAL_MS: 0 })).toBe(0);
    expect(probeIntervalMs({ NODE_ENV: 'test', PROVIDER_PROBE_INTERVAL_MS: 150 })).toBe(150);
  });
});
