import { startFakeLlm, type FakeLlm } from '@switchyard/fake-llm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { classify } from './classify';
import { ClassifierPool } from './classifier-pool';
import { defaultRouterConfig, type RouterConfigInput } from './config';
import { RouterError } from './errors';
import { createRouter, type Router } from './router';
import type { ContextPassage, WireTurn } from './types';

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

function fullConfig(extra: Partial<RouterConfigInput> = {}): RouterConfigInput {
  const base = defaultRouterConfig({
    openaiApiKey: 'sk-test-openai-key-000000000000',
    openaiBaseURL: cloud.openaiBaseURL,
    anthropicApiKey: 'sk-ant-test-key-00000000000000000000',
    anthropicBaseURL: cloud.anthropicBaseURL,
    localOpenAIBaseURL: local.openaiBaseURL,
    localOpenAIModels: ['llama3.2:3b', 'qwen2.5:32b'],
  });
  return { ...base, timeoutMs: 200, ...extra };
}
const ask = (content: string) => ({ messages: [{ role: 'user' as const, content }] });
const confidentialMessage = 'Summarize: our AWS key AKIA2OGYBAH6STMKQF7P was shared with ops';

describe('policy defaults', () => {
  let router: Router;
  beforeAll(() => {
    router = createRouter(fullConfig());
  });
  const decide = (message: string, opts: { contextTokens?: number; declared?: 'confidential' } = {}) =>
    router.decide(classify({ message, ...(opts.declared ? { declaredSensitivity: opts.declared } : {}) }), opts);

  it('routes by sensitivity, complexity and context size', () => {
    expect(decide('What is the capital of France?')).toMatchObject({ tier: 'cheap', provider: 'openai', model: 'gpt-4o-mini' });
    expect(decide('Summarize the main arguments for remote work in a few paragraphs for my team newsletter.')).toMatchObject({
      tier: 'balanced',
    });
    const complex = 'Design a sharded job queue that must guarantee at-least-once delivery, compare two designs and prove the ordering bound step by step.';
    expect(decide(complex)).toMatchObject({ tier: 'strong', model: 'gpt-4.1' });
    expect(decide('Summarize these notes for me please, focusing on decisions.', { contextTokens: 50_000 })).toMatchObject({
      tier: 'long-context',
      provider: 'anthropic',
    });
    expect(decide(confidentialMessage)).toMatchObject({ tier: 'local', provider: 'local-openai', model: 'llama3.2:3b' });
    expect(decide(`${complex} Key: AKIA2OGYBAH6STMKQF7P`)).toMatchObject({ tier: 'local-strong', model: 'qwen2.5:32b' });
  });

  it('explains the decision in words and keeps confidential chains local', () => {
    const decision = decide(confidentialMessage);
    expect(decision.reasons[0]).toBe('confidential: message contains an AWS access key');
    expect(decision.reasons.join(' ')).toContain('confidential work stays on a local model');
    expect(decision.chain.every((e) => e.provider === 'local-openai' || e.provider === 'local-extractive')).toBe(true);
  });

  it('lets a declared level raise the route to local', () => {
    expect(decide('What is the capital of France?', { declared: 'confidential' }).tier).toBe('local');
  });

  it('resolves every tier to the extractive responder when no keys are configured', () => {
    const bare = createRouter(defaultRouterConfig({}));
    for (const message of ['hi', confidentialMessage, 'Design and compare three cache architectures step by step, prove bounds.']) {
      const decision = bare.decide(classify({ message }));
      expect(decision.chain).toEqual([{ provider: 'local-extractive', model: 'extractive-v1' }]);
      expect(decision.reasons.join(' ')).toContain('extractive');
    }
    expect(bare.models().map((m) => m.id)).toEqual(['auto', 'extractive-v1']);
  });

  it('honours an explicit model only when policy allows it, and never a cloud model for confidential work', () => {
    expect(router.decide(classify({ message: 'hi' }), { requestedModel: 'claude-opus-4-1' })).toMatchObject({
      tier: 'explicit',
      provider: 'anthropic',
      chain: [{ provider: 'anthropic', model: 'claude-opus-4-1' }],
    });
    expect(router.decide(classify({ message: 'hi' }), { requestedModel: 'auto' }).tier).toBe('cheap');
    const tryModel = (model: string, message: string) => {
      try {
        router.decide(classify({ message }), { requestedModel: model });
        return 'routed';
      } catch (error) {
        return (error as RouterError).code;
      }
    };
    expect(tryModel('gpt-4.1', confidentialMessage)).toBe('model_not_allowed');
    expect(tryModel('openai:gpt-4.1', confidentialMessage)).toBe('model_not_allowed');
    expect(tryModel('made-up-model', 'hi')).toBe('model_not_found');
    expect(router.decide(classify({ message: confidentialMessage }), { requestedModel: 'qwen2.5:32b' }).provider).toBe('local-openai');
  });

  it('rejects a policy that would let confidential work leave the machine', () => {
    expect(() => createRouter({ ...fullConfig(), policy: { localOnly: ['internal'] } })).toThrow(/confidential must stay local-only/);
  });
});

describe('fail-closed under fault injection', () => {
  const faults = ['error500', 'rate429', 'slow', 'hang', 'down'] as const;
  for (const fault of faults) {
    it(`never sends a confidential request to the cloud (cloud ${fault}, local ${fault})`, async () => {
      cloud.setBehavior({ mode: fault, delayMs: 1000, retryAfterSeconds: 1 });
      local.setBehavior({ mode: fault, delayMs: 1000, retryAfterSeconds: 1 });
      // Faults that answer at once get a timeout no cold start on a loaded machine can outlast, so
      // the local model is surely asked; slow and hanging ones keep the short timeout they test.
      const timeoutMs = fault === 'slow' || fault === 'hang' ? 200 : 5000;
      const config = fullConfig({ cascade: true, timeoutMs, policy: { maxRetryAfterMs: 0 } });
      // Local-only: no extractive fallback, so a failing local model must fail the request.
      config.providers = config.providers.filter((p) => p.id !== 'local-extractive');
      const router = createRouter(config);
      const decision = router.decide(classify({ message: confidentialMessage }));
      const error = (await router.chat(decision, ask(confidentialMessage)).catch((e: unknown) => e)) as RouterError;
      expect(error).toBeInstanceOf(RouterError);
      expect(error.code).toBe('no_local_provider');
      expect(error.status).toBe(503);
      expect(local.requests.length).toBeGreaterThan(0);
      expect(cloud.requests).toHaveLength(0);
    });
  }

  it('refuses a hand-made decision that points a confidential request at the cloud', async () => {
    const router = createRouter(fullConfig());
    const forged = { ...router.decide(classify({ message: 'hi' })), chain: [{ provider: 'openai', model: 'gpt-4o-mini' }] };
    const error = (await router.chat(forged, ask(confidentialMessage)).catch((e: unknown) => e)) as RouterError;
    expect(error.code).toBe('no_local_provider');
    const passage: ContextPassage = { id: 'd:0', documentId: 'd', title: 'HR', chunkIndex: 0, text: 'Salary bands', sensitivity: 'confidential' };
    const viaContext = (await router.chat(forged, { ...ask('summarize'), context: [passage] }).catch((e: unknown) => e)) as RouterError;
    expect(viaContext.code).toBe('no_local_provider');
    expect(cloud.requests).toHaveLength(0);
  });

  it('reads every turn that is sent, on the classifier threads too: a key in a long tool result of a forged public request stays local', async () => {
    const pool = await ClassifierPool.create({ threads: 1 });
    try {
      const router = createRouter(fullConfig(), { classifier: pool });
      const forged = { ...router.decide(classify({ message: 'hi' })), chain: [{ provider: 'openai', model: 'gpt-4o-mini' }] };
      const listing = 'src/index.ts: export * from "./lib";\n'.repeat(300);
      const turns: WireTurn[] = [
        { role: 'user', content: 'What is in the repo?' },
        { role: 'assistant', content: null, toolCalls: [{ id: 'c1', type: 'function', function: { name: 'read', arguments: '{"path":"."}' } }] },
        { role: 'tool', toolCallId: 'c1', content: `${listing}\n.env: AWS_ACCESS_KEY_ID=AKIA2OGYBAH6STMKQF7P\n${listing}` },
        { role: 'user', content: 'Summarize it.' },
      ];
      const error = (await router.chat(forged, { ...ask('Summarize it.'), turns }).catch((e: unknown) => e)) as RouterError;
      expect(error.code).toBe('no_local_provider');
      expect(cloud.requests).toHaveLength(0);
    } finally {
      await pool.close();
    }
  });

  it('falls back to the extractive responder when the local model fails', async () => {
    local.setBehavior({ mode: 'error500' });
    const router = createRouter(fullConfig());
    const decision = router.decide(classify({ message: confidentialMessage }));
    const result = await router.chat(decision, ask(confidentialMessage));
    expect(result.route.provider).toBe('local-extractive');
    expect(result.attempts.map((a) => a.ok)).toEqual([false, true]);
    expect(cloud.requests).toHaveLength(0);
  });

  it('falls back along a public chain from a failing cloud provider to the next one', async () => {
    cloud.setBehavior({ mode: 'error500' });
    const router = createRouter(fullConfig());
    const decision = router.decide(classify({ message: 'What is the capital of France?' }));
    const result = await router.chat(decision, ask('What is the capital of France?'));
    expect(result.route.provider).toBe('local-openai');
    expect(result.attempts.filter((a) => !a.ok).map((a) => a.provider)).toEqual(['openai', 'anthropic']);
    expect(result.route.reasons.join(' ')).toContain('falling back');
  });
});

describe('circuit breaker', () => {
  it('opens after repeated failures, half-opens after the cooldown and closes on success', async () => {
    let now = 1_000;
    const config = fullConfig({ circuit: { failureThreshold: 2, cooldownMs: 10_000 } });
    const router = createRouter(config, { now: () => now });
    const decision = router.decide(classify({ message: 'What is the capital of France?' }));
    const onlyOpenAI = { ...decision, chain: [{ provider: 'openai', model: 'gpt-4o-mini' }] };
    const state = () => router.health().find((h) => h.id === 'openai');
    cloud.setBehavior({ mode: 'error500' });
    await expect(router.chat(onlyOpenAI, ask('q'))).rejects.toThrow(RouterError);
    expect(state()).toMatchObject({ circuit: 'closed', consecutiveFailures: 1 });
    await expect(router.chat(onlyOpenAI, ask('q'))).rejects.toThrow(RouterError);
    expect(state()?.circuit).toBe('open');
    expect(state()?.lastError).toContain('500');

    const skipped = (await router.chat(onlyOpenAI, ask('q')).catch((e: unknown) => e)) as RouterError;
    expect(skipped.message).toContain('circuit open');
    expect(skipped.retryAfterSeconds).toBe(10);
    expect(cloud.requests).toHaveLength(2);

    now += 10_000;
    expect(state()?.circuit).toBe('half-open');
    await expect(router.chat(onlyOpenAI, ask('q'))).rejects.toThrow(RouterError);
    expect(state()?.circuit).toBe('open');
    now += 10_000;
    cloud.setBehavior({ mode: 'ok' });
    expect((await router.chat(onlyOpenAI, ask('q'))).text).toBe('Echo: q');
    expect(state()).toMatchObject({ circuit: 'closed', consecutiveFailures: 0 });
  });
});

describe('cascade', () => {
  const moderate = 'Summarize the main arguments for remote work in a few paragraphs for my team newsletter.';

  it('keeps a good cheap draft', async () => {
    const router = createRouter(fullConfig({ cascade: true }));
    const decision = router.decide(classify({ message: moderate }));
    expect(decision.complexity).toBe('moderate');
    cloud.setBehavior({ mode: 'ok', reply: 'Remote work saves commuting time and widens hiring, while teams must invest in writing things down.' });
    const deltas: string[] = [];
    const result = await router.chat(decision, ask(moderate), { onDelta: (d) => deltas.push(d) });
    expect(result.route.model).toBe('gpt-4o-mini');
    expect(result.route.reasons.join(' ')).toContain('passed the quality check');
    expect(deltas.join('')).toBe(result.text);
    expect(cloud.requests).toHaveLength(1);
  });

  it('escalates a hedging draft to the balanced chain', async () => {
    const router = createRouter(fullConfig({ cascade: true }));
    const decision = router.decide(classify({ message: moderate }));
    cloud.setBehavior({ mode: 'ok', reply: "I'm not sure what you mean by that, sorry." });
    const result = await router.chat(decision, ask(moderate));
    expect(result.route.model).toBe(decision.model);
    expect(result.route.reasons.join(' ')).toContain('failed the quality check (the draft hedges or refuses)');
    expect((cloud.requests.map((r) => (r.body as { model: string }).model))).toEqual(['gpt-4o-mini', decision.model]);
    expect(result.costUsd).toBeGreaterThan(0);
  });
});

describe('local-extractive responder', () => {
  const passages: ContextPassage[] = [
    {
      id: 'hb:2', documentId: 'hb', title: 'Employee Handbook', chunkIndex: 2, sensitivity: 'internal', score: 0.8,
      text: 'Employees accrue 25 days of paid vacation per year. Unused vacation days can be carried over until March 31. The office is closed on public holidays.',
    },
    {
      id: 'it:0', documentId: 'it', title: 'IT Guide', chunkIndex: 0, sensitivity: 'public', score: 0.4,
      text: 'Laptops are replaced every three years. Report lost devices to the service desk within 24 hours.',
    },
  ];
  const router = createRouter(defaultRouterConfig({}));

  it('answers from the most relevant sentences with citations, in several deltas', async () => {
    const question = 'How many vacation days do employees get, and can unused days be carried over?';
    const decision = router.decide(classify({ message: question }));
    const deltas: string[] = [];
    const result = await router.chat(decision, { ...ask(question), context: passages }, { onDelta: (d) => deltas.push(d) });
    expect(result.text).toContain('25 days of paid vacation per year. [1]');
    expect(result.text).toContain('carried over until March 31. [1]');
    expect(result.text).not.toContain('Laptops');
    expect(result.citations).toEqual([expect.objectContaining({ id: 'hb:2', title: 'Employee Handbook' })]);
    expect(deltas.length).toBeGreaterThan(2);
    expect(result.usage.estimated).toBe(true);
    expect(result.costUsd).toBe(0);
  });

  it('says plainly when the documents do not hold the answer', async () => {
    const question = 'What is the parental leave policy in Germany?';
    const result = await router.chat(router.decide(classify({ message: question })), { ...ask(question), context: passages });
    expect(result.text).toMatch(/couldn't find the answer in your documents/);
    expect(result.citations).toEqual([]);
  });
});
