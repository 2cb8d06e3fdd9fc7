// Who each recently seen bearer token belongs to, kept in this process so that authenticating a
// request costs no Redis round trip (it cost two, on every request).
//
// It stays correct across replicas: logout and key revocation delete the token in Redis and then
// publish its hash on one channel, and every replica drops it on receipt. The cache answers only
// while that subscription is live: when the subscriber connection drops, it empties and every
// request reads Redis again until the subscription is back. A lookup that was reading Redis while
// an invalidation arrived is not stored, so a revoked token cannot slip back in.
import type { User } from '@switchyard/client';
import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';

/** Who a bearer token belongs to, and how it was presented (defined here, where it is kept). */
export interface Principal {
  user: User;
  via: 'session' | 'api_key' | 'admin_key';
  /** The sha256 of the session token (logout deletes it). */
  sessionHash?: string;
}

export interface PrincipalCacheOptions {
  /** How long an entry lives; 0 turns the cache off. */
  ttlMs: number;
  /** Most tokens kept; the least recently used go first. */
  max?: number;
  /** CLIENT SETNAME of the subscriber connection, to find it in CLIENT LIST. */
  connectionName?: string;
  onError?: (error: unknown) => void;
}

/** A message naming a user (`user:<id>`) rather than a token hash: drop all of that user's tokens. */
const USER_MESSAGE = 'user:';

export class PrincipalCache {
  private readonly entries: LRUCache<string, Principal> | undefined;
  private subscriber: Redis | undefined;
  private live = false;
  /** Bumped by every invalidation and every loss of the subscription. */
  private generation = 0;

  constructor(
    private readonly redis: Redis,
    private readonly channel: string,
    private readonly options: PrincipalCacheOptions,
  ) {
    if (options.ttlMs > 0) this.entries = new LRUCache({ max: options.max ?? 10_000, ttl: options.ttlMs });
  }

  /** Subscribes to invalidations; the cache serves nothing until the subscription is confirmed. */
  start(): void {
    if (!this.entries || this.subscriber) return;
    const subscriber = this.redis.duplicate({
      enableOfflineQueue: true,
      maxRetriesPerRequest: null,
      autoResubscribe: false,
      lazyConnect: true,
      connectionName: this.options.connectionName ?? 'switchyard-auth-invalidations',
    });
    subscriber.on('error', () => undefined); // the command connection reports outages
    subscriber.on('message', (_channel: string, message: string) =>
      message.startsWith(USER_MESSAGE) ? this.dropUser(message.slice(USER_MESSAGE.length)) : this.drop(message),
    );
    subscriber.on('close', () => this.goDark());
    subscriber.on('ready', () => {
      subscriber.subscribe(this.channel).then(
        () => {
          if (subscriber.status !== 'ready') return;
          this.generation += 1; // lookups begun while dark may have missed an invalidation
          this.live = true;
        },
        (error: unknown) => this.options.onError?.(error),
      );
    });
    this.subscriber = subscriber;
    subscriber.connect().catch(() => undefined); // retried by ioredis; until then the cache stays dark
  }

  /** Whether lookups are being served from memory right now. */
  get active(): boolean {
    return this.live;
  }

  get(tokenHash: string): Principal | undefined {
    return this.live ? this.entries?.get(tokenHash) : undefined;
  }

  /** Take before reading Redis; `set` ignores the result if anything was invalidated meanwhile. */
  snapshot(): number {
    return this.generation;
  }

  /** Stores a lookup, for at most `maxTtlMs` (a session's remaining life) when given. */
  set(tokenHash: string, principal: Principal, snapshot: number, maxTtlMs?: number): void {
    if (!this.entries || !this.live || snapshot !== this.generation) return;
    const ttl = maxTtlMs === undefined ? this.options.ttlMs : Math.min(this.options.ttlMs, maxTtlMs);
    if (ttl > 0) this.entries.set(tokenHash, principal, { ttl });
  }

  /** Drops a token here and in every other replica. Call after it was deleted from Redis. */
  async invalidate(tokenHash: string): Promise<void> {
    this.drop(tokenHash);
    if (!this.entries) return;
    try {
      await this.redis.publish(this.channel, tokenHash);
    } catch (error) {
      // Redis failed right after the delete succeeded. Other replicas' subscriptions drop with it,
      // which empties their caches; if they do not, their entry lives out its TTL.
      this.options.onError?.(error);
    }
  }

  /**
   * Drops every token of a user here and in every other replica: their role changed, the account
   * was disabled or deleted, or the password reset (services/users.ts). Call after Redis changed.
   */
  async invalidateUser(userId: string): Promise<void> {
    this.dropUser(userId);
    if (!this.entries) return;
    try {
      await this.redis.publish(this.channel, `${USER_MESSAGE}${userId}`);
    } catch (error) {
      this.options.onError?.(error);
    }
  }

  private dropUser(userId: string): void {
    this.generation += 1;
    for (const [tokenHash, principal] of this.entries?.entries() ?? []) {
      if (principal.user.id === userId) this.entries?.delete(tokenHash);
    }
  }

  async close(): Promise<void> {
    const subscriber = this.subscriber;
    this.subscriber = undefined;
    this.goDark();
    if (subscriber) await subscriber.quit().catch(() => subscriber.disconnect());
  }

  private drop(tokenHash: string): void {
    this.generation += 1;
    this.entries?.delete(tokenHash);
  }

  private goDark(): void {
    this.live = false;
    this.generation += 1;
    this.entries?.clear();
  }
}
