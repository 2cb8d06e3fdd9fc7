// The routing decision, as a pure function: a classification and a view of the providers in,
// a tier and an ordered chain of provider:model out, with the reasons in words. No I/O, no clock:
// the same inputs always give the same decision, which is what the policy dry run relies on.
import { unmetNeed, type CapabilityNeed } from './capabilities';
import { defaultTiers, type PolicyConfig, type PolicyRule, type ProviderConfig } from './config';
import { RouterError } from './errors';
import type { Classification, ModelCapabilities, RouteDecision } from './types';

export interface ChainEntry {
  provider: string;
  model: string;
}

/** What the policy needs to know about a provider. */
export interface RoutableProvider {
  id: string;
  local: boolean;
  models: string[];
  /** Added to the reasons when this provider serves (e.g. the extractive responder's note). */
  servedNote?: string;
  /** What each of its models can do; absent: anything (tests that route without capabilities). */
  capabilities?: (model: string) => ModelCapabilities;
}

export interface RoutingView {
  policy: PolicyConfig;
  /** The enabled providers, in configuration order. Disabled ones are not here: they serve nothing. */
  providers: ReadonlyMap<string, RoutableProvider>;
  /** Tier -> chain, naming only providers in `providers`. */
  tiers: ReadonlyMap<string, ChainEntry[]>;
  /** Providers the connectivity probes could not reach, with why. */
  unreachable: ReadonlyMap<string, string>;
}

export interface DecideOptions {
  contextTokens?: number;
  requestedModel?: string;
  /** What the request needs of its model (capabilities.ts, `capabilityNeeds`): tools, JSON schema, vision... */
  needs?: CapabilityNeed[];
}

/** Tiers that only ever list local providers; a local model serving them is no news. */
const LOCAL_TIERS = new Set(['local', 'local-strong']);

export const label = (entry: ChainEntry) => `${entry.provider}:${entry.model}`;

export function describeRule(rule: PolicyRule): string {
  if (rule.reason) return rule.reason;
  const parts: string[] = [];
  if (rule.when.sensitivity) parts.push(`sensitivity is ${rule.when.sensitivity.join(' or ')}`);
  if (rule.when.complexity) parts.push(`complexity is ${rule.when.complexity.join(' or ')}`);
  if (rule.when.minContextTokens !== undefined) parts.push(`context is at least ${rule.when.minContextTokens} tokens`);
  return parts.length > 0 ? `policy rule: ${parts.join(' and ')}` : 'the default policy rule';
}

/**
 * The chains of each tier: the policy's own tiers, or ones derived from the providers. Entries
 * naming a provider that is not enabled (or a bare provider id without models) are dropped.
 */
export function resolveTiers(policy: PolicyConfig, configured: ProviderConfig[], enabled: ReadonlyMap<string, RoutableProvider>): Map<string, ChainEntry[]> {
  const parseEntry = (entry: string): ChainEntry | undefined => {
    const colon = entry.indexOf(':');
    const providerId = colon === -1 ? entry : entry.slice(0, colon);
    const provider = enabled.get(providerId);
    if (!provider) return undefined;
    const model = colon === -1 ? provider.models[0] : entry.slice(colon + 1);
    return model ? { provider: providerId, model } : undefined;
  };
  const tiers = new Map<string, ChainEntry[]>();
  for (const [tier, entries] of Object.entries(policy.tiers ?? defaultTiers(configured))) {
    tiers.set(tier, entries.map(parseEntry).filter((e): e is ChainEntry => e !== undefined));
  }
  return tiers;
}

/**
 * The enabled providers that serve `model` (bare, or `provider:model` naming one), in the order
 * the router tries them: configuration order, reachable ones first. Local-only requests get only
 * local providers. `GET /api/autodecide/:model` answers with exactly this list.
 */
export function modelCandidates(model: string, view: RoutingView, localOnly = false): ChainEntry[] {
  const colon = model.indexOf(':');
  const named = colon > 0 ? view.providers.get(model.slice(0, colon)) : undefined;
  const known: ChainEntry[] =
    named && named.models.includes(model.slice(colon + 1))
      ? [{ provider: named.id, model: model.slice(colon + 1) }]
      : [...view.providers.values()].filter((p) => p.models.includes(model)).map((p) => ({ provider: p.id, model }));
  const allowed = localOnly ? known.filter((e) => view.providers.get(e.provider)?.local === true) : known;
  return [...allowed.filter((e) => !view.unreachable.has(e.provider)), ...allowed.filter((e) => view.unreachable.has(e.provider))];
}

function sensitivityReasons(c: Classification): string[] {
  const reasons: string[] = [];
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
  return reasons;
}

/** Picks the tier and chain; throws RouterError `model_not_allowed`, `no_local_provider` or `all_providers_failed`. */
export function decideRoute(c: Classification, opts: DecideOptions, view: RoutingView): RouteDecision {
  const { policy, providers, tiers, unreachable } = view;
  const reasons = sensitivityReasons(c);
  const localOnly = policy.localOnly.includes(c.sensitivity);
  const isLocal = (entry: ChainEntry) => providers.get(entry.provider)?.local === true;
  const isReachable = (entry: ChainEntry) => !unreachable.has(entry.provider);
  const allLocalEntries = (): ChainEntry[] =>
    [...providers.values()].filter((p) => p.local).flatMap((p) => (p.models[0] ? [{ provider: p.id, model: p.models[0] }] : []));

  const needs = opts.needs ?? [];
  const contextTokens = opts.contextTokens ?? 0;
  const unmet = (entry: ChainEntry) => {
    const capabilities = providers.get(entry.provider)?.capabilities?.(entry.model);
    return capabilities ? unmetNeed(capabilities, needs, contextTokens) : undefined;
  };
  const honours = (entry: ChainEntry) => unmet(entry) === undefined;
  /** The refusal when none of `considered` can serve: names the parameter and says why. */
  const cannotHonour = (considered: ChainEntry[], who: string): RouterError => {
    const first = considered.map(unmet).find((u) => u !== undefined);
    const where = localOnly ? ` (this request is ${c.sensitivity}, so it may only use a local model)` : '';
    if (!first) return new RouterError('all_providers_failed', 'no provider is configured');
    if ('capability' in first) {
      return new RouterError('unsupported_parameter', `${who} cannot honour ${first.what} (${first.param}), and no other model this request may use can${where}`, { param: first.param });
    }
    return new RouterError(
      'context_length_exceeded',
      `the request holds about ${first.contextTokens} tokens, more than ${who} takes (${first.contextWindow}), and no other model this request may use takes that much${where}`,
      { param: 'messages' },
    );
  };

  /**
   * The chain without models that cannot honour the request. When none of the tier's can, the
   * other models the policy allows (every tier's, then every enabled model) are looked at in order.
   */
  const capableChain = (tierChain: ChainEntry[]): ChainEntry[] => {
    const kept = tierChain.filter(honours);
    if (kept.length === tierChain.length) return kept;
    const dropped = tierChain.filter((e) => !honours(e)).map(label);
    if (kept.length > 0) {
      reasons.push(`left out as unable to honour the request: ${dropped.join(', ')}`);
      return kept;
    }
    const allowedHere = (e: ChainEntry) => !localOnly || isLocal(e);
    const everyModel = [...providers.values()].flatMap((p) => p.models.map((model) => ({ provider: p.id, model })));
    const others = [...[...tiers.values()].flat(), ...everyModel].filter(allowedHere);
    const seen = new Set<string>();
    const alternatives = others.filter((e) => honours(e) && !seen.has(label(e)) && seen.add(label(e)));
    if (alternatives.length === 0) throw cannotHonour(tierChain.length > 0 ? tierChain : others, tierChain.length === 1 ? label(tierChain[0]!) : 'the models of this tier');
    const need = needs.map((n) => n.what).join(', ') || `a context of ${contextTokens} tokens`;
    reasons.push(`no model of this tier can honour ${need}; ${label(alternatives[0]!)} can`);
    return alternatives;
  };

  let tier: string;
  let chain: ChainEntry[];
  const requested = opts.requestedModel?.trim();
  if (requested && requested !== 'auto') {
    if (!policy.allowExplicitModels) {
      throw new RouterError('model_not_allowed', `choosing a model is disabled by policy; use model "auto"`);
    }
    if (modelCandidates(requested, view).length === 0) {
      throw new RouterError('model_not_found', `model "${requested}" does not exist or is not enabled; GET /v1/models lists the models you can use`, { param: 'model' });
    }
    // The same model on every provider that serves it, never another model in its place.
    const allowed = modelCandidates(requested, view, localOnly);
    if (allowed.length === 0) {
      // Fail closed, and say so: a confidential request must not reach a cloud model even if asked.
      throw new RouterError(
        'model_not_allowed',
        `model "${requested}" runs on a cloud provider, and this request is ${c.sensitivity} so it must stay on a local model; use model "auto" or a local model`,
        { param: 'model' },
      );
    }
    const capable = allowed.filter(honours);
    if (capable.length === 0) throw cannotHonour(allowed, `model "${requested}"`);
    tier = 'explicit';
    chain = capable;
    reasons.push(`model ${requested} was requested explicitly`);
  } else {
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
    if (needs.length > 0 || contextTokens > 0) chain = capableChain(chain);
    ({ tier, chain } = avoidUnreachable(tier, chain, c, view, reasons, honours));
  }

  const first = chain[0];
  if (!first) {
    throw new RouterError(
      localOnly ? 'no_local_provider' : 'all_providers_failed',
      localOnly ? `this request is ${c.sensitivity} and must stay local, but no local provider is configured` : 'no provider is configured',
    );
  }
  if (!localOnly && isLocal(first) && !LOCAL_TIERS.has(tier) && tier !== 'explicit' && isReachable(first)) {
    if (!reasons.some((r) => r.startsWith('the cloud is unreachable'))) {
      reasons.push('no cloud model is configured for this tier, so a local model serves it');
    }
  }
  const note = providers.get(first.provider)?.servedNote;
  if (note) reasons.push(note);
  return { sensitivity: c.sensitivity, complexity: c.complexity, tier, provider: first.provider, model: first.model, chain, reasons };
}

/**
 * Leaves out providers the probes cannot reach. When no cloud provider of the chain is reachable,
 * the request goes to the local tier (the strong one for complex work) and the reasons say so.
 */
function avoidUnreachable(
  tier: string,
  chain: ChainEntry[],
  c: Classification,
  view: RoutingView,
  reasons: string[],
  honours: (entry: ChainEntry) => boolean = () => true,
): { tier: string; chain: ChainEntry[] } {
  const down = [...new Set(chain.map((e) => e.provider).filter((id) => view.unreachable.has(id)))];
  if (down.length === 0) return { tier, chain };
  const isLocal = (entry: ChainEntry) => view.providers.get(entry.provider)?.local === true;
  const why = down.map((id) => `${id}: ${view.unreachable.get(id)}`).join('; ');
  const reachable = chain.filter((e) => !view.unreachable.has(e.provider));
  const hadCloud = chain.some((e) => !isLocal(e));
  if (hadCloud && !reachable.some((e) => !isLocal(e))) {
    const localTier = c.complexity === 'complex' ? 'local-strong' : 'local';
    const localChain = (view.tiers.get(localTier) ?? []).filter((e) => isLocal(e) && !view.unreachable.has(e.provider) && honours(e));
    const next = localChain.length > 0 ? localChain : reachable;
    if (next.length > 0) {
      reasons.push(`the cloud is unreachable (${why}), so the ${localTier} tier serves this request`);
      return { tier: localChain.length > 0 ? localTier : tier, chain: next };
    }
    reasons.push(`every provider of this tier is unreachable (${why}); trying them anyway`);
    return { tier, chain };
  }
  if (reachable.length === 0) {
    reasons.push(`every provider of this tier is unreachable (${why}); trying them anyway`);
    return { tier, chain };
  }
  reasons.push(`left out as unreachable: ${why}`);
  return { tier, chain: reachable };
}
