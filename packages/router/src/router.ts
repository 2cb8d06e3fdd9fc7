// The router: composes the pure policy (policy.ts), the provider registry (providers/registry.ts,
// one file per kind), the call path (call-path.ts, over a BreakerStore) and the cascade
// (cascade.ts). It holds the current configuration, which `reconfigure` replaces at run time
// (providers added, disabled or re-keyed; a new policy); calls in flight finish on what they had.
import { capabilityNeeds, TEXT_ONLY, withOverrides } from './capabilities';
import { CallSession, type CallPathSettings, type CallTarget } from './call-path';
import { cascadeApplies, draftFirst } from './cascade';
import { inlineClassifier, type Classifier } from './classifier-pool';
import { InMemoryBreakerStore, TolerantBreakerStore, circuitState, type BreakerStore } from './breaker-store';
import { FreshViewBreakerStore } from './breaker-view';
import { keysOf, routerConfigSchema, type PolicyConfig, type ProviderConfig, type RouterConfig, type RouterConfigInput } from './config';
import { RouterError } from './errors';
import { HealthSnapshot } from './health';
import { KeyRing } from './key-ring';
import { decideRoute, modelCandidates, resolveTiers, type ChainEntry, type DecideOptions, type RoutableProvider, type RoutingView } from './policy';
import './providers/builtin';
import { ProviderError, type DiscoveredModel } from './providers/provider';
import { providerKind, type ProviderServices } from './providers/registry';
import { maxSensitivity } from './sensitivity';
import type { AnswerChunk, ChatRequest, ChatResult, Classification, DecisionRecord, ModelCapabilities, ProviderHealth, RouteDecision, Sensitivity, Usage } from './types';
import { toolsText, turnText } from './wire';

export interface ProbeOutcome {
  ok: boolean;
  latencyMs: number;
  error?: string;
}

export interface Router {
  /** Picks the tier and chain; throws RouterError `model_not_allowed` or `no_local_provider`. */
  decide(classification: Classification, opts?: DecideOptions): RouteDecision;
  /** The decision `policy` would make with the current providers (the policy dry run); records nothing. */
  decideWith(policy: PolicyConfig, classification: Classification, opts?: DecideOptions): RouteDecision;
  /**
   * Calls the chain in order, streaming through `onDelta`, falling back on errors, timeouts and
   * 429s. Never calls a non-local provider for a local-only (confidential) request, whatever
   * the decision says: the request content and context are checked again here.
   */
  chat(decision: RouteDecision, req: ChatRequest, opts?: ChatCallOptions): Promise<ChatResult>;
  /** What `model` of `providerId` can do (its kind's defaults with the provider's overrides). */
  capabilities(providerId: string, model: string): ModelCapabilities | undefined;
  /** Provider health as this process last saw it (no I/O). */
  health(): ProviderHealth[];
  /** Provider health as the BreakerStore holds it: what every replica saw. */
  refreshHealth(): Promise<ProviderHealth[]>;
  /** A live, cheap authenticated request (the model list); the result counts as a connectivity probe. */
  test(providerId: string, opts?: { timeoutMs?: number }): Promise<ProbeOutcome>;
  /** Asks the provider which models it offers now (`GET /models`). */
  discover(providerId: string): Promise<DiscoveredModel[]>;
  /**
   * The enabled providers serving `model`, in the order the router tries them; for a request of
   * `sensitivity` (default public), only those it may reach (local ones for confidential work).
   */
  candidates(model: string, opts?: { sensitivity?: Sensitivity }): ChainEntry[];
  models(): { id: string; provider: string; local: boolean }[];
  /** Each tier's chain (`provider:model`) under `policy` (default: the one in force), with the enabled providers. */
  tiers(policy?: PolicyConfig): Record<string, string[]>;
  /** Replaces providers and policy at run time (validated as at construction; throws on a bad config). */
  reconfigure(input: RouterConfig | RouterConfigInput): void;
  /** The configuration in force (keys included: never send it anywhere as is). */
  currentConfig(): RouterConfig;
}

export interface ChatCallOptions {
  signal?: AbortSignal;
  /** Each piece of the first answer's text. */
  onDelta?: (text: string) => void;
  /** Every piece of every answer: text, tool-call pieces, log probabilities. */
  onChunk?: (chunk: AnswerChunk) => void;
}

export interface RouterDeps {
  /** Clock for circuit breakers and key cooldowns (tests). */
  now?: () => number;
  /**
   * Where breaker state, key cooldowns and probe results live; pass a shared one so replicas
   * agree. When it fails, this process's own state stands in (and `onStoreError` is told).
   */
  store?: BreakerStore;
  onStoreError?: (error: unknown) => void;
  /**
   * How long the view of a provider this process saw healthy (circuit closed, no failures, no
   * resting key) is trusted before it is read again in the background (calls never wait for that
   * read); what other replicas change shows up within it and a read. Default 1000 ms; 0 asks the
   * store on every call.
   */
  breakerViewMs?: number;
  /** Services of the host that provider kinds may use (the sentence encoder, say). */
  providerServices?: ProviderServices;
  /** Told about every decision (never the message itself), for the policy dry run. */
  onDecision?: (record: DecisionRecord) => void;
  /**
   * Reads what is sent for its sensitivity before each call. Default: on the calling thread; the
   * API passes its ClassifierPool, so a large conversation is read off the event loop.
   */
  classifier?: Pick<Classifier, 'sensitivityOf'>;
}

/** The providers of one configuration, ready to route and call. */
interface Active {
  config: RouterConfig;
  /** Every configured provider, enabled or not (tests and discovery work on disabled ones too). */
  targets: Map<string, CallTarget>;
  /** The enabled ones, as the policy sees them. */
  routable: Map<string, RoutableProvider>;
  tiers: Map<string, ChainEntry[]>;
  settings: CallPathSettings;
}

function checkProvider(p: ProviderConfig): void {
  const kind = providerKind(p.kind);
  if (kind.locality === 'local' && !p.local) throw new Error(`router config: provider "${p.id}" (${p.kind}) always runs locally; set local: true`);
  if (kind.locality === 'cloud' && p.local) throw new Error(`router config: provider "${p.id}" (${p.kind}) is a cloud service and cannot be local`);
  if (kind.needsApiKey && keysOf(p).length === 0) throw new Error(`router config: provider "${p.id}" (${p.kind}) needs an API key`);
}

function activate(input: RouterConfig | RouterConfigInput, services: ProviderServices): Active {
  const config = routerConfigSchema.parse(input);
  const targets = new Map<string, CallTarget>();
  const routable = new Map<string, RoutableProvider>();
  for (const p of config.providers) {
    if (targets.has(p.id)) throw new Error(`router config: provider id "${p.id}" is used twice`);
    checkProvider(p);
    const kind = providerKind(p.kind);
    const provider = kind.create({ id: p.id, kind: p.kind, local: p.local, models: p.models, ...(p.baseURL ? { baseURL: p.baseURL } : {}) }, services);
    const keys = keysOf(p);
    targets.set(p.id, { provider, ...(keys.length > 0 ? { keys: new KeyRing(keys, p.activeKey ?? 0) } : {}) });
    if (p.enabled !== false) {
      const capabilities = (model: string) => withOverrides(kind.capabilities?.(model) ?? TEXT_ONLY, p.capabilities, model);
      routable.set(p.id, { id: p.id, local: p.local, models: p.models, capabilities, ...(kind.servedNote ? { servedNote: kind.servedNote } : {}) });
    }
  }
  return {
    config,
    targets,
    routable,
    tiers: resolveTiers(config.policy, config.providers, routable),
    settings: {
      timeoutMs: config.timeoutMs,
      breaker: { ...config.circuit, trialLeaseMs: config.timeoutMs * 2 },
      maxRetryAfterMs: config.policy.maxRetryAfterMs,
      keyCooldown: config.keyCooldown,
    },
  };
}

/** Validates a configuration as `createRouter` and `reconfigure` would (throws on a bad one), without keeping anything. */
export function validateRouterConfig(input: RouterConfig | RouterConfigInput): RouterConfig {
  return activate(input, {}).config;
}

export function createRouter(input: RouterConfig | RouterConfigInput, deps: RouterDeps = {}): Router {
  const now = deps.now ?? Date.now;
  const shared = deps.store ? new TolerantBreakerStore(deps.store, new InMemoryBreakerStore(), deps.onStoreError) : undefined;
  // A healthy provider is called without a round trip to the shared store (breaker-view.ts).
  const store = shared ? new FreshViewBreakerStore(shared, deps.breakerViewMs ?? 1000, now, deps.onStoreError) : new InMemoryBreakerStore();
  const snapshot = new HealthSnapshot();
  const services = deps.providerServices ?? {};
  const classifier = deps.classifier ?? inlineClassifier;
  let active = activate(input, services);

  const isLocal = (entry: ChainEntry) => active.targets.get(entry.provider)?.provider.local === true;
  const targetOf = (entry: ChainEntry): CallTarget | undefined => (active.routable.has(entry.provider) ? active.targets.get(entry.provider) : undefined);

  function view(policy: PolicyConfig = active.config.policy): RoutingView {
    const tiers = policy === active.config.policy ? active.tiers : resolveTiers(policy, active.config.providers, active.routable);
    return { policy, providers: active.routable, tiers, unreachable: snapshot.unreachable(now(), active.config.probeStaleAfterMs) };
  }

  function priceOf(entry: ChainEntry, usage: Usage): number {
    const prices = active.config.prices;
    const price = prices[`${entry.provider}:${entry.model}`] ?? prices[entry.model];
    if (!price) return 0;
    return (usage.promptTokens * price.inputPerMTok + usage.completionTokens * price.outputPerMTok) / 1_000_000;
  }

  function decide(c: Classification, opts: DecideOptions = {}): RouteDecision {
    const record = (outcome: DecisionRecord['outcome']) =>
      deps.onDecision?.({
        at: new Date(now()).toISOString(),
        sensitivity: c.sensitivity,
        complexity: c.complexity,
        complexityScore: c.complexityScore,
        signals: c.signals,
        contextTokens: opts.contextTokens ?? 0,
        ...(opts.requestedModel ? { requestedModel: opts.requestedModel } : {}),
        outcome,
      });
    try {
      const decision = decideRoute(c, opts, view());
      record({ tier: decision.tier, provider: decision.provider, model: decision.model });
      return decision;
    } catch (error) {
      if (error instanceof RouterError) record({ error: error.code });
      throw error;
    }
  }

  async function chat(
    decision: RouteDecision,
    req: ChatRequest,
    opts: ChatCallOptions = {},
  ): Promise<ChatResult> {
    const { policy } = active.config;
    const route: RouteDecision = { ...decision, chain: [...decision.chain], reasons: [...decision.reasons] };
    // Defense in depth: whatever decision we were handed, look at what is actually being sent,
    // turn by turn (the classification read the conversation across turns; the turns an agent
    // sends again are looked up in the detectors' memo instead of being read again).
    const sent = [...req.messages.map((m) => m.content), ...(req.turns ? [...req.turns.map(turnText), toolsText(req.generation)] : [])].filter((text) => text.length > 0);
    const contentLevel = await classifier.sensitivityOf(sent);
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

    const session = new CallSession({ store, health: snapshot, now, settings: active.settings, priceOf }, req, route.reasons, {
      localOnly,
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
    const finish = (entry: ChainEntry, answer: Parameters<CallSession['charge']>[1]): ChatResult => {
      session.charge(entry, answer);
      route.provider = entry.provider;
      route.model = entry.model;
      route.chain = chain;
      return {
        text: answer.text,
        citations: answer.citations,
        route,
        usage: { ...session.usage },
        costUsd: session.costUsd,
        attempts: session.attempts,
        ...(answer.finishReason ? { finishReason: answer.finishReason as ChatResult['finishReason'] } : {}),
        ...(answer.toolCalls ? { toolCalls: answer.toolCalls } : {}),
        ...(answer.choices ? { choices: answer.choices } : {}),
      };
    };

    // A draft cannot be judged by its text alone when the request wants tools, a format, several answers...
    const plainText = capabilityNeeds(req).every((need) => need.capability === 'streaming');
    const draftEntry = active.tiers.get('cheap')?.[0];
    if (active.config.cascade && plainText && cascadeApplies(route, chain, draftEntry, localOnly)) {
      const draft = await draftFirst(session, draftEntry, targetOf(draftEntry), req, opts.onDelta);
      if (draft) return finish(draftEntry, draft);
    }
    const served = await session.callInOrder(chain, targetOf, opts.onDelta, opts.onChunk);
    if (served) return finish(served.entry, served.answer);
    throw session.exhausted(effective);
  }

  function healthOf(p: ProviderConfig): ProviderHealth {
    const record = snapshot.get(p.id);
    const kind = providerKind(p.kind);
    const keys = active.targets.get(p.id)?.keys;
    const at = now();
    const iso = (ms: number) => new Date(ms).toISOString();
    return {
      id: p.id,
      kind: p.kind,
      label: kind.label,
      local: p.local,
      enabled: p.enabled !== false,
      generative: kind.generative,
      models: p.models,
      ...(p.baseURL ?? kind.defaultBaseURL ? { baseURL: p.baseURL ?? kind.defaultBaseURL } : {}),
      circuit: circuitState(record.circuit, at),
      consecutiveFailures: record.circuit.failures,
      ...(record.lastError !== undefined ? { lastError: record.lastError } : {}),
      ...(record.lastLatencyMs !== undefined ? { lastLatencyMs: record.lastLatencyMs } : {}),
      ...(record.probe && at - record.probe.at <= active.config.probeStaleAfterMs ? { reachable: record.probe.ok, lastProbeAt: iso(record.probe.at) } : {}),
      recentErrors: record.recentErrors.map((e) => ({ at: iso(e.at), message: e.message })),
      ...(keys
        ? {
            keys: keys.keys.map((k, index) => {
              const resting = record.keyCooldowns[k.id] ?? 0;
              return { lastFour: k.lastFour, next: index === keys.nextIndex, ...(resting > at ? { restingUntil: iso(resting) } : {}) };
            }),
          }
        : {}),
    };
  }

  async function probe(
    providerId: string,
    what: 'ping' | 'discover',
    timeoutMs = active.config.timeoutMs,
  ): Promise<{ outcome: ProbeOutcome; models?: DiscoveredModel[] }> {
    const target = active.targets.get(providerId);
    if (!target) return { outcome: { ok: false, latencyMs: 0, error: `unknown provider "${providerId}"` } };
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new ProviderError(`no response within ${timeoutMs} ms`, 'timeout')), timeoutMs);
    const key = target.keys?.keys[target.keys.nextIndex]?.key;
    const started = performance.now();
    let outcome: ProbeOutcome;
    let models: DiscoveredModel[] | undefined;
    try {
      if (what === 'discover' && target.provider.listModels) models = await target.provider.listModels(controller.signal, key);
      else await target.provider.ping(controller.signal, key);
      outcome = { ok: true, latencyMs: Math.round(performance.now() - started) };
    } catch (error) {
      outcome = { ok: false, latencyMs: Math.round(performance.now() - started), error: error instanceof Error ? error.message : String(error) };
    } finally {
      clearTimeout(timer);
    }
    const result = { ok: outcome.ok, at: now(), latencyMs: outcome.latencyMs, ...(outcome.error ? { error: outcome.error } : {}) };
    snapshot.probed(providerId, result);
    await store.recordProbe(providerId, result);
    return { outcome, ...(models ? { models } : {}) };
  }

  return {
    decide,
    decideWith: (policy, c, opts = {}) => decideRoute(c, opts, view(policy)),
    chat,
    health: () => active.config.providers.map(healthOf),
    async refreshHealth() {
      const ids = active.config.providers.map((p) => p.id);
      snapshot.replace(ids, await store.read(ids));
      return active.config.providers.map(healthOf);
    },
    test: async (providerId, opts = {}) => (await probe(providerId, 'ping', opts.timeoutMs)).outcome,
    async discover(providerId) {
      const target = active.targets.get(providerId);
      if (!target?.provider.listModels) {
        // A kind that cannot list models (the extractive responder) offers what it is configured with.
        return target ? target.provider.models.map((id) => ({ id })) : [];
      }
      const { outcome, models } = await probe(providerId, 'discover');
      if (!outcome.ok) throw new RouterError('all_providers_failed', `${providerId} could not list its models: ${outcome.error ?? 'unknown error'}`);
      return models ?? [];
    },
    capabilities(providerId, model) {
      return active.routable.get(providerId)?.capabilities?.(model);
    },
    candidates: (model, opts = {}) => modelCandidates(model, view(), active.config.policy.localOnly.includes(opts.sensitivity ?? 'public')),
    models() {
      return [
        { id: 'auto', provider: 'router', local: false },
        ...[...active.routable.values()].flatMap((p) => p.models.map((model) => ({ id: model, provider: p.id, local: p.local }))),
      ];
    },
    tiers(policy) {
      const resolved = view(policy).tiers;
      return Object.fromEntries([...resolved].map(([tier, chain]) => [tier, chain.map((e) => `${e.provider}:${e.model}`)]));
    },
    reconfigure(next) {
      const previous = new Set(active.config.providers.map((p) => p.id));
      active = activate(next, services);
      for (const id of previous) if (!active.targets.has(id)) snapshot.forget(id);
    },
    currentConfig: () => active.config,
  };
}
