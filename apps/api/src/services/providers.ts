// What admins do with providers at run time: add, change, delete, test, disable/enable, move to
// the next key. Stored providers live in the catalog (Redis, keys sealed); providers from the
// environment can be disabled and enabled, not edited. Every change is validated as the router
// would (a configuration the router refuses is never stored), then applied on every replica.
import type { CreateProvider, ManagedProvider, ModelPrice, ProviderKindInfo, UpdateProvider } from '@switchyard/client';
import { findProviderKind, keysOf, providerKinds, validateRouterConfig, type ProviderConfig, type ProviderHealth, type Router } from '@switchyard/router';
import { AppError } from '../errors';
import { UnreadableKeysError, type ProviderCatalog, type StoredProvider } from './provider-catalog';
import type { RouterConfigSync } from './router-config';

export interface ProviderServiceDeps {
  router: Router;
  catalog: ProviderCatalog;
  sync: RouterConfigSync;
  now?: () => Date;
}

const notFound = () => new AppError('provider_not_found', 404, 'provider not found');

export function kindInfo(): ProviderKindInfo[] {
  return providerKinds().map((kind) => ({
    name: kind.name,
    label: kind.label,
    needsApiKey: kind.needsApiKey,
    generative: kind.generative,
    locality: kind.locality,
    ...(kind.defaultBaseURL ? { defaultBaseURL: kind.defaultBaseURL } : {}),
  }));
}

export class ProviderService {
  private readonly now: () => Date;

  constructor(private readonly deps: ProviderServiceDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  private envProvider(id: string): ProviderConfig | undefined {
    return this.deps.sync.base.providers.find((p) => p.id === id);
  }

  /** Every provider with its health as all replicas saw it. Non-admins see no keys, URLs or error log. */
  async list(admin: boolean): Promise<ManagedProvider[]> {
    const [health, snapshot] = await Promise.all([this.deps.router.refreshHealth(), this.deps.catalog.read()]);
    const stored = new Map(snapshot.stored.map((p) => [p.id, p]));
    return health.map((h) => this.view(h, stored.get(h.id), admin));
  }

  async get(id: string): Promise<ManagedProvider> {
    const found = (await this.list(true)).find((p) => p.id === id);
    if (!found) throw notFound();
    return found;
  }

  private view(health: ProviderHealth, stored: StoredProvider | undefined, admin: boolean): ManagedProvider {
    const source = this.envProvider(health.id) ? 'env' : 'stored';
    const prices: Record<string, ModelPrice> = {};
    const table = this.deps.router.currentConfig().prices;
    for (const model of health.models) {
      const price = table[`${health.id}:${model}`] ?? table[model];
      if (price) prices[model] = price;
    }
    return {
      id: health.id,
      kind: health.kind,
      label: health.label ?? health.kind,
      source,
      local: health.local,
      enabled: health.enabled !== false,
      generative: health.generative !== false,
      models: health.models,
      prices,
      circuit: health.circuit,
      consecutiveFailures: health.consecutiveFailures,
      ...(health.lastError !== undefined ? { lastError: health.lastError } : {}),
      ...(health.lastLatencyMs !== undefined ? { lastLatencyMs: health.lastLatencyMs } : {}),
      ...(health.reachable !== undefined ? { reachable: health.reachable } : {}),
      ...(health.lastProbeAt ? { lastProbeAt: health.lastProbeAt } : {}),
      ...(admin
        ? {
            ...(health.baseURL ? { baseURL: health.baseURL } : {}),
            recentErrors: health.recentErrors ?? [],
            keys: health.keys ?? [],
            ...(stored ? { createdAt: stored.createdAt, updatedAt: stored.updatedAt } : {}),
          }
        : {}),
    };
  }

  /** Refuses what the router could not honour, with the field at fault. */
  private check(candidate: Pick<StoredProvider, 'id' | 'kind' | 'local' | 'models' | 'prices'> & { keyCount: number }): void {
    const kind = findProviderKind(candidate.kind);
    if (!kind) {
      throw new AppError('unknown_provider_kind', 400, `unknown provider kind "${candidate.kind}"`, { kinds: providerKinds().map((k) => k.name) });
    }
    if (kind.locality === 'local' && !candidate.local) throw new AppError('invalid_provider', 400, `a ${kind.name} provider always runs locally: set local to true`);
    if (kind.locality === 'cloud' && candidate.local) throw new AppError('invalid_provider', 400, `a ${kind.name} provider is a cloud service: local must be false`);
    if (kind.needsApiKey && candidate.keyCount === 0) throw new AppError('api_key_required', 400, `a ${kind.name} provider needs at least one API key in apiKeys`);
    const unpriced = Object.keys(candidate.prices).filter((model) => !candidate.models.includes(model));
    if (unpriced.length > 0) {
      throw new AppError('invalid_provider', 400, `prices name models the provider does not list: ${unpriced.join(', ')}`, { fields: [{ path: 'prices', message: 'every priced model must be in models' }] });
    }
  }

  /** Validates the whole configuration with this provider in it, as the router will see it. */
  private async validateWith(provider: StoredProvider, keys: string[]): Promise<void> {
    const { config } = await this.deps.sync.compose();
    const others = config.providers.filter((p) => p.id !== provider.id);
    const candidate: ProviderConfig = {
      id: provider.id,
      kind: provider.kind,
      local: provider.local,
      models: provider.models,
      enabled: provider.enabled,
      ...(provider.baseURL ? { baseURL: provider.baseURL } : {}),
      ...(keys.length > 0 ? { apiKeys: keys } : {}),
    };
    try {
      validateRouterConfig({ ...config, providers: [...others, candidate] });
    } catch (error) {
      throw new AppError('invalid_provider', 400, error instanceof Error ? error.message.replace(/^router config: /, '') : 'the provider is not valid');
    }
  }

  async create(input: CreateProvider & { apiKeys: string[]; prices: Record<string, ModelPrice>; enabled: boolean }): Promise<ManagedProvider> {
    if (this.envProvider(input.id)) throw new AppError('provider_exists', 409, `provider "${input.id}" is configured by the environment`);
    this.check({ ...input, keyCount: input.apiKeys.length });
    const at = this.now().toISOString();
    const provider: StoredProvider = {
      id: input.id,
      kind: input.kind,
      local: input.local,
      models: input.models,
      prices: input.prices,
      enabled: input.enabled,
      activeKey: 0,
      keys: [],
      createdAt: at,
      updatedAt: at,
      ...(input.baseURL ? { baseURL: input.baseURL } : {}),
    };
    await this.validateWith(provider, input.apiKeys);
    provider.keys = this.deps.catalog.seal(provider.id, input.apiKeys);
    if (!(await this.deps.catalog.add(provider))) throw new AppError('provider_exists', 409, `a provider with id "${input.id}" already exists`);
    await this.deps.sync.changed();
    return this.get(provider.id);
  }

  private async stored(id: string): Promise<StoredProvider> {
    if (this.envProvider(id)) {
      throw new AppError('provider_managed_by_env', 409, `provider "${id}" is configured by environment variables; change it there (it can be disabled here)`);
    }
    const provider = await this.deps.catalog.get(id);
    if (!provider) throw notFound();
    return provider;
  }

  async update(id: string, patch: UpdateProvider): Promise<ManagedProvider> {
    const current = await this.stored(id);
    const keys = patch.apiKeys ?? this.openKeys(current);
    const { baseURL: _baseURL, ...rest } = current;
    const next: StoredProvider = {
      ...rest,
      ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
      ...(patch.local !== undefined ? { local: patch.local } : {}),
      ...(patch.models !== undefined ? { models: patch.models } : {}),
      ...(patch.prices !== undefined ? { prices: patch.prices } : {}),
      ...(patch.enabled !== undefined ? { enabled: patch.enabled } : {}),
      ...(patch.baseURL === undefined ? (current.baseURL ? { baseURL: current.baseURL } : {}) : patch.baseURL === null ? {} : { baseURL: patch.baseURL }),
      activeKey: patch.apiKeys !== undefined ? 0 : current.activeKey,
      updatedAt: this.now().toISOString(),
    };
    this.check({ ...next, keyCount: keys.length });
    await this.validateWith(next, keys);
    if (patch.apiKeys !== undefined) next.keys = this.deps.catalog.seal(id, keys);
    await this.deps.catalog.put(next);
    await this.deps.sync.changed();
    return this.get(id);
  }

  private openKeys(provider: StoredProvider): string[] {
    try {
      return this.deps.catalog.open(provider);
    } catch (error) {
      if (error instanceof UnreadableKeysError) throw new AppError('provider_keys_unreadable', 409, `${error.message}; or send new apiKeys`);
      throw error;
    }
  }

  async remove(id: string): Promise<void> {
    await this.stored(id);
    await this.deps.catalog.remove(id);
    await this.deps.sync.changed();
  }

  /** Enabled <-> disabled; a disabled provider serves nothing. Works on environment providers too. */
  async toggle(id: string): Promise<ManagedProvider> {
    const env = this.envProvider(id);
    if (env) {
      const enabled = this.deps.router.currentConfig().providers.find((p) => p.id === id)?.enabled !== false;
      await this.deps.catalog.setOverride(id, { enabled: !enabled });
    } else {
      const current = await this.deps.catalog.get(id);
      if (!current) throw notFound();
      await this.deps.catalog.put({ ...current, enabled: !current.enabled, updatedAt: this.now().toISOString() });
    }
    await this.deps.sync.changed();
    return this.get(id);
  }

  /** Moves the rotation on to the next key, on every replica. */
  async rollKey(id: string): Promise<ManagedProvider> {
    const env = this.envProvider(id);
    const count = env ? keysOf(env).length : (await this.stored(id)).keys.length;
    if (env || count < 2) {
      throw new AppError('no_next_key', 409, `provider "${id}" has ${count === 1 ? 'one key' : count === 0 ? 'no keys' : `${count} keys`}; add another key (PATCH apiKeys) to roll to it`);
    }
    const current = await this.stored(id);
    await this.deps.catalog.put({ ...current, activeKey: (current.activeKey + 1) % current.keys.length, updatedAt: this.now().toISOString() });
    await this.deps.sync.changed();
    return this.get(id);
  }

  async test(id: string): Promise<{ ok: boolean; latencyMs: number; error?: string }> {
    if (!this.deps.router.currentConfig().providers.some((p) => p.id === id)) throw notFound();
    return this.deps.router.test(id);
  }
}
