// Providers added at run time, kept in Redis (one JSON record per provider in one hash), their
// API keys sealed with PROVIDER_KEYS_SECRET (services/secret-box.ts). Providers configured by
// environment variables are not stored; only whether an admin disabled one is (`providers:env`).
// `compose` merges both into the router's provider list.
import { lastFour, type ProviderConfig } from '@switchyard/router';
import type { Redis } from 'ioredis';
import { AppError } from '../errors';
import { SecretBoxError, type SecretBox } from './secret-box';

export interface Price {
  inputPerMTok: number;
  outputPerMTok: number;
}

export interface StoredProvider {
  id: string;
  kind: string;
  local: boolean;
  baseURL?: string;
  models: string[];
  /** Model -> USD per million tokens. */
  prices: Record<string, Price>;
  enabled: boolean;
  /** Which key the rotation starts from (roll-key moves it). */
  activeKey: number;
  /** Sealed keys and their last four characters (what lists show). */
  keys: { sealed: string; lastFour: string }[];
  createdAt: string;
  updatedAt: string;
}

/** What an admin changed about an environment-configured provider. */
export interface EnvOverride {
  enabled: boolean;
}

/** A stored provider whose keys could not be opened (the secret changed, or is missing). */
export class UnreadableKeysError extends Error {
  override name = 'UnreadableKeysError';
  constructor(readonly providerIds: string[]) {
    super(
      `PROVIDER_KEYS_SECRET cannot decrypt the stored API keys of provider${providerIds.length === 1 ? '' : 's'} ${providerIds.map((id) => `"${id}"`).join(', ')}: ` +
        'start with the secret they were stored with (or delete them with that secret set)',
    );
    // One line when printed: this is an operator's message, not a bug.
    this.stack = `${this.name}: ${this.message}`;
  }
}

/** What a provider's model list said last time an admin asked (GET /api/providers/:id/models). */
export interface Discovery {
  at: string;
  models: { id: string; ownedBy?: string; name?: string; contextWindow?: number }[];
}

export interface CatalogSnapshot {
  stored: StoredProvider[];
  overrides: Map<string, EnvOverride>;
}

export class ProviderCatalog {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly box: SecretBox | undefined,
  ) {}

  private storedKey = () => `${this.prefix}providers`;
  private overridesKey = () => `${this.prefix}providers:env`;
  private discoveredKey = () => `${this.prefix}providers:discovered`;
  /** Bumped by every change; what replicas compare to know they are current. */
  readonly versionKey = () => `${this.prefix}providers:version`;

  async read(): Promise<CatalogSnapshot> {
    const [stored, overrides] = await Promise.all([this.redis.hgetall(this.storedKey()), this.redis.hgetall(this.overridesKey())]);
    return {
      stored: Object.values(stored)
        .map((json) => JSON.parse(json) as StoredProvider)
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)),
      overrides: new Map(Object.entries(overrides).map(([id, json]) => [id, JSON.parse(json) as EnvOverride])),
    };
  }

  async get(id: string): Promise<StoredProvider | undefined> {
    const json = await this.redis.hget(this.storedKey(), id);
    return json ? (JSON.parse(json) as StoredProvider) : undefined;
  }

  /** Adds a provider; false when the id is taken. */
  async add(provider: StoredProvider): Promise<boolean> {
    const added = await this.redis.hsetnx(this.storedKey(), provider.id, JSON.stringify(provider));
    if (added === 1) await this.redis.incr(this.versionKey());
    return added === 1;
  }

  async put(provider: StoredProvider): Promise<void> {
    await this.redis.multi().hset(this.storedKey(), provider.id, JSON.stringify(provider)).incr(this.versionKey()).exec();
  }

  async remove(id: string): Promise<boolean> {
    const [[, removed] = []] = (await this.redis.multi().hdel(this.storedKey(), id).hdel(this.discoveredKey(), id).incr(this.versionKey()).exec()) ?? [];
    return removed === 1;
  }

  async saveDiscovery(id: string, discovery: Discovery): Promise<void> {
    await this.redis.hset(this.discoveredKey(), id, JSON.stringify(discovery));
  }

  async discoveries(): Promise<Map<string, Discovery>> {
    const all = await this.redis.hgetall(this.discoveredKey());
    return new Map(Object.entries(all).map(([id, json]) => [id, JSON.parse(json) as Discovery]));
  }

  async setOverride(id: string, override: EnvOverride): Promise<void> {
    await this.redis.multi().hset(this.overridesKey(), id, JSON.stringify(override)).incr(this.versionKey()).exec();
  }

  /** Seals keys for `providerId`; refuses when no PROVIDER_KEYS_SECRET is configured. */
  seal(providerId: string, keys: string[]): StoredProvider['keys'] {
    if (keys.length === 0) return [];
    if (!this.box) {
      throw new AppError(
        'provider_keys_secret_missing',
        409,
        'this server has no PROVIDER_KEYS_SECRET, so it cannot store API keys; set it (openssl rand -hex 32) and restart, or add a provider that needs no key',
      );
    }
    const box = this.box;
    return keys.map((key) => ({ sealed: box.seal(key, providerId), lastFour: lastFour(key) }));
  }

  /** The keys of a stored provider in the clear; throws UnreadableKeysError. */
  open(provider: StoredProvider): string[] {
    if (provider.keys.length === 0) return [];
    if (!this.box) throw new UnreadableKeysError([provider.id]);
    const box = this.box;
    try {
      return provider.keys.map((key) => box.open(key.sealed, provider.id));
    } catch (error) {
      if (error instanceof SecretBoxError) throw new UnreadableKeysError([provider.id]);
      throw error;
    }
  }

  /**
   * The router's providers: the environment's (with admins' overrides), then the stored ones.
   * Stored providers whose keys cannot be opened are left out and named in `unreadable`.
   */
  compose(envProviders: ProviderConfig[], snapshot: CatalogSnapshot): { providers: ProviderConfig[]; prices: Record<string, Price>; unreadable: string[] } {
    const unreadable: string[] = [];
    const providers: ProviderConfig[] = envProviders.map((p) => {
      const override = snapshot.overrides.get(p.id);
      return override ? { ...p, enabled: override.enabled } : p;
    });
    const prices: Record<string, Price> = {};
    const taken = new Set(providers.map((p) => p.id));
    for (const stored of snapshot.stored) {
      if (taken.has(stored.id)) continue; // an environment provider of the same id wins
      let keys: string[];
      try {
        keys = this.open(stored);
      } catch (error) {
        if (!(error instanceof UnreadableKeysError)) throw error;
        unreadable.push(stored.id);
        continue;
      }
      providers.push({
        id: stored.id,
        kind: stored.kind,
        local: stored.local,
        models: stored.models,
        enabled: stored.enabled,
        ...(stored.baseURL ? { baseURL: stored.baseURL } : {}),
        ...(keys.length > 0 ? { apiKeys: keys, activeKey: stored.activeKey } : {}),
      });
      for (const [model, price] of Object.entries(stored.prices)) prices[`${stored.id}:${model}`] = price;
    }
    return { providers, prices, unreadable };
  }
}
