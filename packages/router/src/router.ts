import { CircuitBreaker } from './circuit-breaker';
import { defaultTiers, routerConfigSchema, type PolicyRule, type RouterConfig, type RouterConfigInput } from './config';
import { RouterError } from './errors';
import { createAnthropicProvider } from './providers/anthropic';
import { createExtractiveProvider, deltasOf } from './providers/local-extractive';
import { createOpenAIProvider } from './providers/openai';
import { ProviderError, type Provider, type ProviderAnswer } from './providers/provider';
import { findSensitive, maxSensitivity } from './sensitivity';
import { estimateTokens } from './tokens';
import type { ChatRequest, ChatResult, Classification, ProviderHealth, RouteDecision, Usage } from './types';

type ChainEntry = { provider: string; model: string };
type Attempt = ChatResult['attempts'][number];

export interface Router {
  /** Picks the tier and chain; throws RouterError `model_not_allowed` or `no_local_provider`. */
  decide(classification: Classification, opts?: { contextTokens?: number; requestedModel?: string }): RouteDecision;
  /**
   * Calls the chain in order, streaming through `onDelta`, falling back on errors, timeouts and
   * 429s. Never calls a non-local provider for a local-only (confidential) request, whatever
   * the decision says: the request content and context are checked again here.
   */
  chat(decision: RouteDecision, req: ChatRequest, opts?: { signal?: AbortSignal; onDelta?: (text: string) => void }): Promise<ChatResult>;
  health(): ProviderHealth[];
  test(providerId: string): Promise<{ ok: boolean; latencyMs: number; error?: string }>;
  models(): { id: string; provider: string; local: boolean }[];
}

export interface RouterDeps {
  /** Clock for circuit breakers (tests). */
  now?: () => number;
}

const HEDGE = /\b(?:I'?m not sure|I am not sure|I don'?t know|I do not know|I cannot|I can'?t (?:help|answer)|as an AI|unable to (?:answer|help)|no information)\b/i;

function describeRule(rule: PolicyRule): string {
  if (rule.reason) return rule.reason;
  const parts: string[] = [];
  if (rule.when.sensitivity) parts.push(`sensitivity is ${rule.when.sensitivity.join(' or ')}`);
  if (rule.when.complexity) parts.push(`complexity is ${rule.when.complexity.join(' or ')}`);
  if (rule.when.minContextTokens !== undefined) parts.push(`context is at least ${rule.when.minContextTokens} tokens`);
  return parts.length > 0 ? `policy rule: ${parts.join(' and ')}` : 'the default policy rule';
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new ProviderError('the request was cancelled', 'aborted'));
    const onAbort = () => {
      clearTimeout(timer);
      reject(new ProviderError('the request was cancelled', 'aborted'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function createRouter(input: RouterConfig | RouterConfigInput, deps: RouterDeps = {}): Router {
  const config = routerConfigSchema.parse(input);
  const now = deps.now ?? Date.now;
  const policy = config.policy;

  const providers = new Map<string, Provider>();
  const breakers = new Map<string, CircuitBreaker>();
  const lastSeen = new Map<string, { lastError?: string; lastLatencyMs?: number }>();
  for (const p of config.providers) {
    if (providers.has(p.id)) throw new Error(`router config: provider id "${p.id}" is used twice`);
    const provider =
      p.kind === 'openai' ? createOpenAIProvider(p) : p.kind === 'anthropic' ? createAnthropicProvider(p) : createExtractiveProvider(p);
    providers.set(p.id, provider);
    breakers.set(p.id, new CircuitBreaker(config.circuit.failureThreshold, config.circuit.cooldownMs, now));
    lastSeen.set(p.id, {});
  }

  const parseEntry = (entry: string): ChainEntry | undefined => {
    const colon = entry.indexOf(':');
    const providerId = colon === -1 ? entry : entry.slice(0, colon);
    const provider = providers.get(providerId);
    if (!provider) return undefined;
    const model = colon === -1 ? provider.models[0] : entry.slice(colon + 1);
    return model ? { provider: providerId, model } : undefined;
  };
  // Chains list only configured providers; entries naming others are dropped.
  const tiers = new Map<string, ChainEntry[]>();
  for (const [tier, entries] of Object.entries(policy.tiers ?? defaultTiers(config.providers))) {
    tiers.set(tier, entries.map(parseEntry).filter((e): e is ChainEntry => e !== undefined));
  }
  const isLocal = (entry: ChainEntry) => providers.get(entry.provider)?.local === true;
  const allLocalEntries = (): ChainEntry[] =>
    [...providers.values()].filter((p) => p.local).flatMap((p) => (p.models[0] ? [{ provider: p.id, model: p.models[0] }] : []));
  const label = (entry: ChainEntry) => `${entry.provider}:${entry.model}`;

  function priceOf(entry: ChainEntry, usage: Usage): number {
    const price = config.prices[label(entry)] ?? config.prices[entry.model];
    if (!price) return 0;
    return (usage.promptTokens * price.inputPerMTok + usage.completionTokens * price.outputPerMTok) / 1_000_000;
  }

  function decide(c: Classification, opts: { contextTokens?: number; requestedModel?: string } = {}): RouteDecision {
    const reasons: string[] = [];
    const localOnly = policy.localOnly.includes(c.sensitivity);
    const deciding = c.signals.filter((s) => s.sensitivity === c.sensitivity).map((s) => s.reason);
    reasons.push(
      c.sensitivity === 'public' || deciding.length === 0
        ? `${c.sensitivity}: no personal data, secrets, records or markings found`
        : `${c.sensitivity}: ${deciding.join('; ')}`,
    );
    const overridden = c.signals.find((s) => s.kind === 'declared.overridden');
    if (overridden) reasons.push(overridden.reason);
    const complexityWhy = c.signals.filter((s) => s.kind.startsWith('complexity.')).map((s) => s.reason);
    reasons.push(`${c.complexity} (score ${c.complexityScore.toFixed(2)})${complexityWhy.length > 0 ? `: ${complexityWhy.join('; ')}` : ''}`);

    let tier: string;
    let chain: ChainEntry[];
    const requested = opts.requestedModel?.trim();
    if (requested && requested !== 'auto') {
      if (!policy.allowExplicitModels) {
        throw new RouterError('model_not_allowed', `choosing a model is disabled by policy; use model "auto"`);
      }
      // `provider:model` names one provider; a bare model name matches every provider listing it.
      const colon = requested.indexOf(':');
      const named = colon > 0 ? providers.get(requested.slice(0, colon)) : undefined;
      const known: ChainEntry[] =
        named && named.models.includes(requested.slice(colon + 1))
          ? [{ provider: named.id, model: requested.slice(colon + 1) }]
          : [...providers.values()].filter((p) => p.models.includes(requested)).map((p) => ({ provider: p.id, model: requested }));
      if (known.length === 0) {
        throw new RouterError('model_not_allowed', `model "${requested}" is not available; GET /v1/models lists the models you can use`);
      }
      const allowed = localOnly ? known.filter(isLocal) : known;
      if (allowed.length === 0) {
        // Fail closed, and say so: a confidential request must not reach a cloud model even if asked.
        throw new RouterError(
          'model_not_allowed',
          `model "${requested}" runs on a cloud provider, and this request is ${c.sensitivity} so it must stay on a local model; use model "auto" or a local model`,
        );
      }
      tier = 'explicit';
      chain = allowed.slice(0, 1);
      reasons.push(`model ${requested} was requested explicitly`);
    } else {
      const contextTokens = opts.contextTokens ?? 0;
      const rule = policy.rules.find(
        (r) =>
          (!r.when.sensitivity || r.when.sensitivity.includes(c.sensitivity)) &&
          (!r.when.complexity || r.when.complexity.includes(c.complexity)) &&
          (r.when.minContextTokens === undefined || contextTokens >= r.when.minContextTokens),
      );
      tier = rule?.tier ?? 'balanced';
      chain = [...(tiers.get(tier) ?? [])];
      reasons.push(`tier ${tier}: ${rule ? describeRule(rule) : 'no policy rule matched'}`);
      if (localOnly) {
        const local = chain.filter(isLocal);
        if (local.length < chain.length) reasons.push(`cloud providers left out: ${c.sensitivity} requests never leave this machine`);
        chain = local.length > 0 ? local : allLocalEntries();
      } else if (chain.length === 0) {
        chain = [...(tiers.get('balanced') ?? [])];
        if (chain.length === 0) chain = [...providers.values()].map((p) => ({ provider: p.id, model: p.models[0] ?? '' }));
        reasons.push(`tier ${tier} has no configured provider; using the fallback chain`);
      }
    }
    const first = chain[0];
    if (!first) {
      throw new RouterError(
        localOnly ? 'no_local_provider' : 'all_providers_failed',
        localOnly ? `this request is ${c.sensitivity} and must stay local, but no local provider is configured` : 'no provider is configured',
      );
    }
    if (!localOnly && isLocal(first) && tier !== 'local' && tier !== 'local-strong' && tier !== 'explicit') {
      reasons.push('no cloud model is configured for this tier, so a local model serves it');
    }
    if (providers.get(first.provider)?.kind === 'local-extractive') {
      reasons.push('served by the built-in extractive responder: it quotes your documents with citations and does not generate text');
    }
    return { sensitivity: c.sensitivity, complexity: c.complexity, tier, provider: first.provider, model: first.model, chain, reasons };
  }

  async function runAttempt(
    provider: Provider,
    entry: ChainEntry,
    req: ChatRequest,
    signal: AbortSignal | undefined,
    onDelta: ((text: string) => void) | undefined,
  ): Promise<ProviderAnswer> {
    const controller = new AbortController();
    const onCallerAbort = () => controller.abort(new ProviderError('the request was cancelled', 'aborted'));
    if (signal?.aborted) throw new ProviderError('the request was cancelled', 'aborted');
    signal?.addEventListener('abort', onCallerAbort, { once: true });
    let timer: NodeJS.Timeout | undefined;
    // An idle timeout: restarted by every delta, so a long answer that keeps streaming is fine.
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(
        () => controller.abort(new ProviderError(`no response within ${config.timeoutMs} ms`, 'timeout')),
        config.timeoutMs,
      );
    };
    arm();
    try {
      return await provider.chat({
        model: entry.model,
        messages: req.messages,
        ...(req.context ? { context: req.context } : {}),
        ...(req.temperature !== undefined ? { temperature: req.temperature } : {}),
        ...(req.maxTokens !== undefined ? { maxTokens: req.maxTokens } : {}),
        signal: controller.signal,
        onDelta: (text) => {
          arm();
          onDelta?.(text);
        },
      });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onCallerAbort);
    }
  }

  async function chat(
    decision: RouteDecision,
    req: ChatRequest,
    opts: { signal?: AbortSignal; onDelta?: (text: string) => void } = {},
  ): Promise<ChatResult> {
    const route: RouteDecision = { ...decision, chain: [...decision.chain], reasons: [...decision.reasons] };
    // Defense in depth: whatever decision we were handed, look at what is actually being sent.
    const contentLevel = maxSensitivity(...req.messages.flatMap((m) => findSensitive(m.content).map((f) => f.sensitivity)));
    const contextLevel = maxSensitivity(...(req.context ?? []).map((p) => p.sensitivity));
    const effective = maxSensitivity(decision.sensitivity, contentLevel, contextLevel);
    if (effective !== decision.sensitivity) {
      route.sensitivity = effective;
      route.reasons.push(`the request content is ${effective}, more than the decision said (${decision.sensitivity})`);
    }
    const localOnly = policy.localOnly.includes(effective);
    let chain = route.chain;
    if (localOnly) {
      const local = chain.filter(isLocal);
      if (local.length < chain.length) route.reasons.push(`cloud providers left out: ${effective} requests never leave this machine`);
      chain = local;
      if (chain.length === 0) {
        throw new RouterError('no_local_provider', `this request is ${effective} and must stay on a local model, but its route has no local provider`);
      }
    }

    const attempts: Attempt[] = [];
    const usageTotal: Usage = { promptTokens: 0, completionTokens: 0, totalTokens: 0, estimated: false };
    let costUsd = 0;
    let retryAfterMs: number | undefined;
    const noteRetryAfter = (ms: number) => {
      retryAfterMs = retryAfterMs === undefined ? ms : Math.min(retryAfterMs, ms);
    };
    const promptText = () => req.messages.map((m) => m.content).join('\n') + (req.context ?? []).map((p) => p.text).join('\n');

    /** One provider, with a single retry after a short Retry-After. Returns the answer or the error. */
    async function callEntry(entry: ChainEntry, onDelta: ((text: string) => void) | undefined): Promise<ProviderAnswer | ProviderError> {
      const provider = providers.get(entry.provider);
      const breaker = breakers.get(entry.provider);
      const seen = lastSeen.get(entry.provider);
      if (!provider || !breaker || !seen) {
        const error = new ProviderError(`provider "${entry.provider}" is not configured`, 'upstream');
        attempts.push({ provider: entry.provider, model: entry.model, ok: false, error: error.message, latencyMs: 0 });
        return error;
      }
      if (localOnly && !provider.local) {
        // Unreachable by construction; kept so that no future change can route around it.
        return new ProviderError('refused: cloud provider for a local-only request', 'upstream');
      }
      for (let tries = 0; ; tries++) {
        if (!breaker.tryAcquire()) {
          const wait = breaker.retryInMs();
          noteRetryAfter(wait);
          const error = new ProviderError(`circuit open, retry in ${Math.ceil(wait / 1000)} s`, 'upstream');
          attempts.push({ provider: entry.provider, model: entry.model, ok: false, error: error.message, latencyMs: 0 });
          return error;
        }
        const started = performance.now();
        try {
          const answer = await runAttempt(provider, entry, req, opts.signal, onDelta);
          const latencyMs = Math.round(performance.now() - started);
          breaker.success();
          seen.lastLatencyMs = latencyMs;
          attempts.push({ provider: entry.provider, model: entry.model, ok: true, latencyMs });
          return answer;
        } catch (caught) {
          const latencyMs = Math.round(performance.now() - started);
          const error = caught instanceof ProviderError ? caught : new ProviderError(String(caught), 'upstream');
          if (error.kind === 'aborted' || opts.signal?.aborted) {
            breaker.release();
            attempts.push({ provider: entry.provider, model: entry.model, ok: false, error: 'cancelled by the caller', latencyMs });
            throw new RouterError('aborted', 'the request was cancelled', { attempts });
          }
          attempts.push({ provider: entry.provider, model: entry.model, ok: false, error: error.message, latencyMs });
          seen.lastError = error.message;
          seen.lastLatencyMs = latencyMs;
          const wait = error.kind === 'rate_limited' ? (error.retryAfterMs ?? 1000) : undefined;
          if (wait !== undefined && wait <= policy.maxRetryAfterMs && tries === 0) {
            breaker.release();
            route.reasons.push(`${label(entry)} was rate limited; waited ${Math.round(wait)} ms as asked and retried`);
            try {
              await sleep(wait, opts.signal);
            } catch {
              throw new RouterError('aborted', 'the request was cancelled', { attempts });
            }
            continue;
          }
          if (wait !== undefined) noteRetryAfter(wait);
          breaker.failure(wait !== undefined && wait > policy.maxRetryAfterMs ? wait : 0);
          return error;
        }
      }
    }

    const finish = (entry: ChainEntry, answer: ProviderAnswer): ChatResult => {
      const usage: Usage = answer.usage ?? {
        promptTokens: estimateTokens(promptText()),
        completionTokens: estimateTokens(answer.text),
        totalTokens: 0,
        estimated: true,
      };
      if (!answer.usage) usage.totalTokens = usage.promptTokens + usage.completionTokens;
      costUsd += priceOf(entry, usage);
      usageTotal.promptTokens += usage.promptTokens;
      usageTotal.completionTokens += usage.completionTokens;
      usageTotal.totalTokens += usage.totalTokens;
      usageTotal.estimated ||= usage.estimated;
      route.provider = entry.provider;
      route.model = entry.model;
      route.chain = chain;
      return { text: answer.text, citations: answer.citations, route, usage: { ...usageTotal }, costUsd, attempts };
    };

    // Cascade: a cheap draft, checked, and escalated to the tier's chain when it falls short.
    const draftEntry = tiers.get('cheap')?.[0];
    if (
      config.cascade &&
      !localOnly &&
      route.complexity === 'moderate' &&
      route.tier !== 'explicit' &&
      draftEntry &&
      chain[0] &&
      label(draftEntry) !== label(chain[0])
    ) {
      const draft = await callEntry(draftEntry, undefined);
      if (!(draft instanceof ProviderError)) {
        const verdict = draftQuality(draft, req);
        if (verdict === undefined) {
          route.reasons.push(`cascade: the cheap draft from ${label(draftEntry)} passed the quality check`);
          for (const delta of deltasOf(draft.text, 4)) opts.onDelta?.(delta);
          return finish(draftEntry, draft);
        }
        const usage = draft.usage;
        if (usage) {
          costUsd += priceOf(draftEntry, usage);
          usageTotal.promptTokens += usage.promptTokens;
          usageTotal.completionTokens += usage.completionTokens;
          usageTotal.totalTokens += usage.totalTokens;
        }
        route.reasons.push(`cascade: the cheap draft from ${label(draftEntry)} failed the quality check (${verdict}); escalated`);
      } else {
        route.reasons.push(`cascade: the cheap draft from ${label(draftEntry)} failed (${draft.message}); escalated`);
      }
    }

    for (const [index, entry] of chain.entries()) {
      let emitted = false;
      const result = await callEntry(entry, (text) => {
        emitted = true;
        opts.onDelta?.(text);
      });
      if (!(result instanceof ProviderError)) {
        if (index > 0) route.reasons.push(`served by ${label(entry)} after ${index} fallback${index === 1 ? '' : 's'}`);
        return finish(entry, result);
      }
      if (emitted) {
        // Part of this answer already reached the caller; another model's answer cannot be spliced on.
        throw new RouterError('all_providers_failed', `the answer from ${label(entry)} broke off mid-stream: ${result.message}`, { attempts });
      }
      if (index < chain.length - 1) route.reasons.push(`${label(entry)} failed (${result.message}); falling back`);
    }

    const summary = attempts.map((a) => `${a.provider}:${a.model} ${a.error ?? 'failed'}`).join('; ');
    const retryAfterSeconds = retryAfterMs !== undefined ? Math.max(1, Math.ceil(retryAfterMs / 1000)) : undefined;
    const extra = { attempts, ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}) };
    if (localOnly) {
      throw new RouterError('no_local_provider', `this request is ${effective} and must stay on a local model, but no local model could serve it (${summary})`, extra);
    }
    const failed = attempts.filter((a) => !a.ok);
    if (failed.length > 0 && failed.every((a) => a.error?.startsWith('no response within') || a.error === 'upstream timed out')) {
      throw new RouterError('upstream_timeout', `every provider timed out (${summary})`, extra);
    }
    throw new RouterError('all_providers_failed', `every provider in the chain failed (${summary})`, extra);
  }

  return {
    decide,
    chat,
    health() {
      return config.providers.map((p) => {
        const breaker = breakers.get(p.id);
        const seen = lastSeen.get(p.id) ?? {};
        return {
          id: p.id,
          kind: p.kind,
          local: p.local,
          models: p.models,
          circuit: breaker?.current() ?? 'closed',
          consecutiveFailures: breaker?.consecutiveFailures ?? 0,
          ...(seen.lastError !== undefined ? { lastError: seen.lastError } : {}),
          ...(seen.lastLatencyMs !== undefined ? { lastLatencyMs: seen.lastLatencyMs } : {}),
        };
      });
    },
    async test(providerId) {
      const provider = providers.get(providerId);
      if (!provider) return { ok: false, latencyMs: 0, error: `unknown provider "${providerId}"` };
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(new ProviderError(`no response within ${config.timeoutMs} ms`, 'timeout')), config.timeoutMs);
      const started = performance.now();
      try {
        await provider.ping(controller.signal);
        return { ok: true, latencyMs: Math.round(performance.now() - started) };
      } catch (error) {
        return { ok: false, latencyMs: Math.round(performance.now() - started), error: error instanceof Error ? error.message : String(error) };
      } finally {
        clearTimeout(timer);
      }
    },
    models() {
      return [
        { id: 'auto', provider: 'router', local: false },
        ...config.providers.flatMap((p) => p.models.map((model) => ({ id: model, provider: p.id, local: p.local }))),
      ];
    },
  };
}

/** undefined when the draft is good enough, else why not (in words). */
export function draftQuality(draft: ProviderAnswer, req: ChatRequest): string | undefined {
  const text = draft.text.trim();
  if (draft.finishReason === 'length') return 'the draft was cut off';
  if (text.length < 24) return 'the draft is too short';
  if (HEDGE.test(text)) return 'the draft hedges or refuses';
  if ((req.context?.length ?? 0) > 0 && !/\[\d+\]/.test(text)) return 'the draft cites none of the documents';
  const question = [...req.messages].reverse().find((m) => m.role === 'user')?.content ?? '';
  const questionWords = question.split(/\s+/).length;
  const answerWords = text.split(/\s+/).length;
  if (questionWords > 40 && answerWords < questionWords / 2) return 'the draft is too thin for the question';
  return undefined;
}
