import { describe, expect, it } from 'vitest';
import { capabilityNeeds } from './capabilities';
import { classify } from './classify';
import { defaultRouterConfig, type RouterConfig } from './config';
import { RouterError } from './errors';
import { createRouter } from './router';
import type { ChatRequest } from './types';

const confidential = 'Employee SSN 123-45-6789: summarise the HR record of this person';
const publicMessage = 'What is the capital of France?';

function config(opts: { openai?: boolean; anthropic?: boolean; local?: boolean; localCapabilities?: RouterConfig['providers'][number]['capabilities'] } = {}): RouterConfig {
  const base = defaultRouterConfig({
    ...(opts.openai !== false ? { openaiApiKey: 'sk-test-openai-000000000000' } : {}),
    ...(opts.anthropic ? { anthropicApiKey: 'sk-ant-test-0000000000000' } : {}),
    ...(opts.local ? { localOpenAIBaseURL: 'http://127.0.0.1:9/v1', localOpenAIModels: ['llama3.2:3b'] } : {}),
  });
  if (opts.localCapabilities) {
    base.providers = base.providers.map((p) => (p.id === 'local-openai' ? { ...p, capabilities: opts.localCapabilities } : p));
  }
  return base;
}

function decide(cfg: RouterConfig, message: string, req: Pick<ChatRequest, 'turns' | 'generation' | 'stream'>, requestedModel?: string, contextTokens?: number) {
  const router = createRouter(cfg);
  return router.decide(classify({ message }), {
    needs: capabilityNeeds(req),
    ...(requestedModel ? { requestedModel } : {}),
    ...(contextTokens !== undefined ? { contextTokens } : {}),
  });
}

const refusal = (fn: () => unknown): RouterError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof RouterError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
};

const tools = { tools: [{ name: 'lookup', parameters: { type: 'object' } }] };

describe('capability-aware routing', () => {
  it('never routes a tool request to the extractive responder; a confidential one with no capable local model is refused naming tools', () => {
    const publicRoute = decide(config(), publicMessage, { generation: tools });
    expect(publicRoute.chain.map((e) => e.provider)).not.toContain('local-extractive');
    expect(publicRoute.provider).toBe('openai');

    const error = refusal(() => decide(config(), confidential, { generation: tools }));
    expect(error.code).toBe('unsupported_parameter');
    expect(error.status).toBe(400);
    expect(error.param).toBe('tools');
    expect(error.message).toMatch(/tool calling/);
    expect(error.message).toMatch(/confidential/);
  });

  it('serves a confidential structured-output request from a local model that can, never from the cloud', () => {
    const route = decide(config({ local: true }), confidential, {
      generation: { responseFormat: { type: 'json_schema', name: 'r', schema: { type: 'object' } } },
    });
    expect(route.provider).toBe('local-openai');
    expect(route.chain.every((e) => e.provider === 'local-openai')).toBe(true);
  });

  it('refuses parameters no allowed model supports, naming each', () => {
    // Anthropic and the local server: neither gives several answers, log probabilities or a seed.
    const cfg = config({ openai: false, anthropic: true, local: true });
    expect(refusal(() => decide(cfg, publicMessage, { generation: { n: 2 } })).param).toBe('n');
    expect(refusal(() => decide(cfg, publicMessage, { generation: { logprobs: true } })).param).toBe('logprobs');
    expect(refusal(() => decide(cfg, publicMessage, { generation: { presencePenalty: 0.5 } }, 'claude-haiku-4-5')).param).toBe('presence_penalty');
    // With OpenAI configured, the same requests go there.
    expect(decide(config({ anthropic: true }), publicMessage, { generation: { n: 2 } }).provider).toBe('openai');
  });

  it('refuses an explicit model that cannot honour the request, even when another model could', () => {
    const error = refusal(() => decide(config({ anthropic: true }), publicMessage, { generation: { seed: 7 } }, 'claude-sonnet-4-5'));
    expect(error).toMatchObject({ code: 'unsupported_parameter', param: 'seed' });
    expect(error.message).toMatch(/claude-sonnet-4-5/);
  });

  it('sends images only to models with vision; a provider setting can grant it', () => {
    const image = { turns: [{ role: 'user' as const, content: [{ type: 'image_url' as const, image_url: { url: 'data:image/png;base64,AAAA' } }] }] };
    expect(refusal(() => decide(config({ local: true }), confidential, image)).param).toBe('messages');
    const granted = decide(config({ local: true, localCapabilities: { 'llama3.2:3b': { vision: true } } }), confidential, image);
    expect(granted.provider).toBe('local-openai');
  });

  it('leaves out models whose context window is too small, and refuses when none is big enough', () => {
    // The local server takes 8k tokens by default; the extractive responder reads any amount.
    const route = decide(config({ local: true }), confidential, {}, undefined, 20_000);
    expect(route.provider).toBe('local-extractive');
    expect(route.reasons.join(' ')).toMatch(/left out as unable to honour the request: local-openai/);

    const tooLong = refusal(() => decide(config({ local: true }), confidential, { generation: { responseFormat: { type: 'json_object' } } }, undefined, 20_000));
    expect(tooLong).toMatchObject({ code: 'context_length_exceeded', param: 'messages' });
  });

  it('names tool turns in the conversation as needing tools, even with no tools offered', () => {
    const needs = capabilityNeeds({
      turns: [
        { role: 'assistant', content: null, toolCalls: [{ id: 'c1', type: 'function', function: { name: 'f', arguments: '{}' } }] },
        { role: 'tool', content: 'ok', toolCallId: 'c1' },
      ],
    });
    expect(needs).toEqual([{ capability: 'tools', param: 'messages', what: 'tool calls and tool results in the conversation' }]);
  });

  it('refuses an unknown model with model_not_found (404) naming the model parameter', () => {
    const error = refusal(() => decide(config(), publicMessage, {}, 'no-such-model'));
    expect(error).toMatchObject({ code: 'model_not_found', status: 404, param: 'model' });
  });
});
