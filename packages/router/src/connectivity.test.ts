import { startFakeLlm, type FakeLlm } from '@switchyard/fake-llm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { InMemoryBreakerStore } from './breaker-store';
import { classify } from './classify';
import { defaultRouterConfig } from './config';
import { ConnectivityMonitor } from './connectivity';
import { createRouter, type ProbeOutcome, type Router } from './router';
import type { ProviderHealth } from './types';

let cloud: FakeLlm;
let local: FakeLlm;
beforeAll(async () => {
  [cloud, local] = await Promise.all([startFakeLlm(), startFakeLlm()]);
});
afterAll(async () => {
  await Promise.all([cloud.close(), local.close()]);
});
beforeEach(() => {
  cloud.reset();
  local.reset();
});

const config = () => ({
  ...defaultRouterConfig({
    openaiApiKey: 'sk-test-openai-key-000000000000',
    openaiBaseURL: cloud.openaiBaseURL,
    anthropicApiKey: 'sk-ant-test-key-00000000000000000000',
    anthropicBaseURL: cloud.anthropicBaseURL,
    localOpenAIBaseURL: local.openaiBaseURL,
    localOpenAIModels: ['llama3.2:3b', 'qwen2.5:32b'],
  }),
  timeoutMs: 500,
});
const question = 'What is the capital of France?';

describe('connectivity: losing the cloud and getting it back', () => {
  it('routes to the local tier while the cloud is unreachable, says why, and returns to the cloud after it is back', async () => {
    const router = createRouter(config());
    const monitor = new ConnectivityMonitor(router, { intervalMs: 60_000, timeoutMs: 500 });
    expect(router.decide(classify({ message: question, declaredComplexity: 'simple' }))).toMatchObject({ tier: 'cheap', provider: 'openai' });

    cloud.setBehavior({ mode: 'down' });
    await monitor.probeAll();
    const offline = router.decide(classify({ message: question, declaredComplexity: 'simple' }));
    expect(offline).toMatchObject({ tier: 'local', provider: 'local-openai' });
    expect(offline.reasons.some((r) => r.startsWith('the cloud is unreachable (openai: cannot reach the provider')), offline.reasons.join('\n')).toBe(true);
    const answer = await router.chat(offline, { messages: [{ role: 'user', content: question }] });
    expect(answer.route.provider).toBe('local-openai');
    expect(cloud.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
    const openai = router.health().find((p) => p.id === 'openai')!;
    expect(openai.reachable).toBe(false);
    expect(openai.recentErrors?.[0]?.message).toMatch(/^probe: cannot reach the provider/);
    expect(router.health().find((p) => p.id === 'local-openai')?.reachable).toBe(true);

    cloud.setBehavior({ mode: 'ok' });
    await monitor.probeAll();
    expect(router.decide(classify({ message: question, declaredComplexity: 'simple' }))).toMatchObject({ tier: 'cheap', provider: 'openai' });
    expect(router.health().find((p) => p.id === 'openai')?.reachable).toBe(true);
  });

  it('a probe through one router changes the routing of another on the same store once it refreshes', async () => {
    const store = new InMemoryBreakerStore();
    const prober = createRouter(config(), { store });
    const other = createRouter(config(), { store });
    cloud.setBehavior({ mode: 'down' });
    await new ConnectivityMonitor(prober, { intervalMs: 60_000, timeoutMs: 500 }).probeAll();
    expect(other.decide(classify({ message: question, declaredComplexity: 'simple' })).tier).toBe('cheap');
    await other.refreshHealth();
    expect(other.decide(classify({ message: question, declaredComplexity: 'simple' })).tier).toBe('local');
  });

  it('ignores a probe result once it is older than probeStaleAfterMs', async () => {
    let now = 1_000;
    const router = createRouter({ ...config(), probeStaleAfterMs: 60_000 }, { now: () => now });
    cloud.setBehavior({ mode: 'down' });
    await new ConnectivityMonitor(router, { intervalMs: 60_000, timeoutMs: 500 }).probeAll();
    expect(router.decide(classify({ message: question, declaredComplexity: 'simple' })).tier).toBe('local');
    now += 60_001;
    expect(router.decide(classify({ message: question, declaredComplexity: 'simple' })).tier).toBe('cheap');
  });
});

describe('ConnectivityMonitor', () => {
  /** A router stand-in that counts probes in flight; each probe resolves when released. */
  function countingRouter(ids: string[]) {
    let inFlight = 0;
    let most = 0;
    const waiting: (() => void)[] = [];
    const probed: string[] = [];
    const router: Pick<Router, 'health' | 'test' | 'refreshHealth'> = {
      health: () => ids.map((id) => ({ id, enabled: id !== 'off' }) as ProviderHealth),
      test: async (id): Promise<ProbeOutcome> => {
        probed.push(id);
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise<void>((resolve) => waiting.push(resolve));
        inFlight--;
        return { ok: true, latencyMs: 1 };
      },
      refreshHealth: async () => [],
    };
    return { router, probed, most: () => most, releaseAll: () => waiting.splice(0).forEach((resolve) => resolve()), waiting };
  }

  it('probes every enabled provider, never more than `concurrency` at once, and never overlaps rounds', async () => {
    const stand = countingRouter(['a', 'b', 'c', 'd', 'off', 'e']);
    const monitor = new ConnectivityMonitor(stand.router, { intervalMs: 60_000, concurrency: 2 });
    const round = monitor.probeAll();
    expect(monitor.probeAll()).toBe(round);
    while (stand.probed.length < 5 || stand.waiting.length > 0) {
      await new Promise((resolve) => setImmediate(resolve));
      stand.releaseAll();
    }
    const results = await round;
    expect([...results.keys()].sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(stand.probed).not.toContain('off');
    expect(stand.most()).toBe(2);
  });

  it('spreads rounds by the jitter: a wait is interval × (1 ± jitter)', () => {
    const stand = countingRouter([]);
    const waits = [0, 0.5, 0.999].map((random) => new ConnectivityMonitor(stand.router, { intervalMs: 10_000, jitter: 0.2, random: () => random }).nextWaitMs());
    expect(waits).toEqual([8_000, 10_000, 11_996]);
  });
});
