import { describe, expect, it } from 'vitest';
import { classify } from './classify';
import { defaultRouterConfig, policyConfigSchema, type ProviderConfig } from './config';
import { RouterError } from './errors';
import { decideRoute, modelCandidates, resolveTiers, type RoutableProvider, type RoutingView } from './policy';
import './providers/builtin';

const providers: ProviderConfig[] = defaultRouterConfig({
  openaiApiKey: 'sk-test-openai-0000',
  anthropicApiKey: 'sk-ant-test-0000',
  localOpenAIBaseURL: 'http://127.0.0.1:11434/v1',
  localOpenAIModels: ['llama3.2:3b', 'qwen2.5:32b'],
}).providers;

function viewOf(opts: { unreachable?: Record<string, string>; disabled?: string[]; extra?: ProviderConfig[] } = {}): RoutingView {
  const configured = [...providers, ...(opts.extra ?? [])].map((p) => (opts.disabled?.includes(p.id) ? { ...p, enabled: false } : p));
  const routable = new Map<string, RoutableProvider>(
    configured.filter((p) => p.enabled !== false).map((p) => [p.id, { id: p.id, local: p.local, models: p.models }]),
  );
  const policy = policyConfigSchema.parse({});
  return { policy, providers: routable, tiers: resolveTiers(policy, configured, routable), unreachable: new Map(Object.entries(opts.unreachable ?? {})) };
}

// Complexity is declared: these tests are about the policy, not the estimator.
const simple = classify({ message: 'What is the capital of France?', declaredComplexity: 'simple' });
const complex = classify({ message: 'Design a sharded job queue and prove its ordering bound.', declaredComplexity: 'complex' });

describe('decideRoute (pure)', () => {
  it('gives the same decision for the same inputs', () => {
    const view = viewOf();
    expect(decideRoute(simple, {}, view)).toEqual(decideRoute(simple, {}, view));
  });

  it('routes to the local tier and says so when every cloud provider is unreachable', () => {
    const down = { openai: 'cannot reach the provider: connection refused', anthropic: 'upstream timed out' };
    const cheap = decideRoute(simple, {}, viewOf({ unreachable: down }));
    expect(cheap).toMatchObject({ tier: 'local', provider: 'local-openai', model: 'llama3.2:3b' });
    expect(cheap.reasons.join(' | ')).toContain('the cloud is unreachable (openai: cannot reach the provider: connection refused; anthropic: upstream timed out)');
    expect(cheap.chain.every((e) => e.provider === 'local-openai' || e.provider === 'local-extractive')).toBe(true);

    const strong = decideRoute(complex, {}, viewOf({ unreachable: down }));
    expect(strong).toMatchObject({ tier: 'local-strong', model: 'qwen2.5:32b' });
  });

  it('leaves out an unreachable cloud provider but keeps a reachable one', () => {
    const decision = decideRoute(complex, {}, viewOf({ unreachable: { openai: 'connection refused' } }));
    expect(decision.tier).toBe('strong');
    expect(decision.provider).toBe('anthropic');
    expect(decision.chain.some((e) => e.provider === 'openai')).toBe(false);
    expect(decision.reasons).toContain('left out as unreachable: openai: connection refused');
  });

  it('serves a confidential request from the extractive responder when the local server is unreachable', () => {
    const confidential = classify({ message: 'Summarize the incident report.', declaredSensitivity: 'confidential', declaredComplexity: 'simple' });
    const decision = decideRoute(confidential, {}, viewOf({ unreachable: { 'local-openai': 'connection refused' } }));
    expect(decision).toMatchObject({ tier: 'local', provider: 'local-extractive' });
  });

  it('never lists a disabled provider, in any tier', () => {
    const view = viewOf({ disabled: ['openai'] });
    for (const c of [simple, complex]) {
      const decision = decideRoute(c, {}, view);
      expect(decision.chain.map((e) => e.provider)).not.toContain('openai');
    }
    expect(() => decideRoute(simple, { requestedModel: 'gpt-4.1' }, view)).toThrow(RouterError);
  });

  it('tries an explicit model on every provider serving it, reachable ones first, and never another model', () => {
    const mirror: ProviderConfig = { id: 'openai-eu', kind: 'openai', local: false, apiKey: 'sk-eu-0000', models: ['gpt-4.1'] };
    const view = viewOf({ extra: [mirror], unreachable: { openai: 'connection refused' } });
    expect(modelCandidates('gpt-4.1', view)).toEqual([
      { provider: 'openai-eu', model: 'gpt-4.1' },
      { provider: 'openai', model: 'gpt-4.1' },
    ]);
    const decision = decideRoute(simple, { requestedModel: 'gpt-4.1' }, view);
    expect(decision.chain.map((e) => e.model)).toEqual(['gpt-4.1', 'gpt-4.1']);
    expect(modelCandidates('openai:gpt-4.1', view)).toEqual([{ provider: 'openai', model: 'gpt-4.1' }]);
    expect(modelCandidates('no-such-model', view)).toEqual([]);
  });

  it('answers with a different tier under a different policy (what the dry run shows)', () => {
    const view = viewOf();
    const allStrong = policyConfigSchema.parse({ rules: [{ when: { sensitivity: ['confidential'] }, tier: 'local' }, { when: {}, tier: 'strong' }] });
    expect(decideRoute(simple, {}, view).tier).toBe('cheap');
    expect(decideRoute(simple, {}, { ...view, policy: allStrong, tiers: resolveTiers(allStrong, providers, view.providers) }).tier).toBe('strong');
  });
});
