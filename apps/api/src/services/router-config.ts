// Keeps the router's configuration in step with Redis on every replica. The configuration is the
// environment's (env providers, ROUTER_POLICY_FILE or the default policy, prices, timeouts) plus
// what admins changed at run time: stored providers (provider-catalog.ts) and the stored policy
// (policy-store.ts). A change is written to Redis, applied here at once, and announced on a
// pub/sub channel; every other replica re-reads Redis and reconfigures its router. A replica
// whose subscription dropped re-reads when it is back, so it cannot stay behind a missed message.
import type { PolicyConfig, Router, RouterConfig } from '@switchyard/router';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { UnreadableKeysError, type ProviderCatalog } from './provider-catalog';

/** Where the policy in force comes from, when an admin replaced the environment's. */
export interface PolicySource {
  current(): Promise<{ policy: PolicyConfig } | undefined>;
}

export interface RouterConfigSyncDeps {
  redis: Redis;
  channel: string;
  router: Router;
  /** The configuration the environment gives (providers, policy, prices, timeouts). */
  base: RouterConfig;
  catalog: ProviderCatalog;
  policies?: PolicySource;
  logger: Logger;
}

export class RouterConfigSync {
  private subscriber: Redis | undefined;
  private applying: Promise<void> = Promise.resolve();

  constructor(private readonly deps: RouterConfigSyncDeps) {}

  get base(): RouterConfig {
    return this.deps.base;
  }

  /**
   * The configuration for a stored state: env + stored providers, the stored (or env) policy,
   * env + stored prices. Stored providers whose keys cannot be opened are named in `unreadable`.
   */
  async compose(): Promise<{ config: RouterConfig; unreadable: string[] }> {
    const { base, catalog } = this.deps;
    const [snapshot, stored] = await Promise.all([catalog.read(), this.deps.policies?.current()]);
    const { providers, prices, unreadable } = catalog.compose(base.providers, snapshot);
    return { config: { ...base, providers, policy: stored?.policy ?? base.policy, prices: { ...base.prices, ...prices } }, unreadable };
  }

  /**
   * Reads Redis and reconfigures the router. At boot (`strict`) stored keys that cannot be
   * decrypted stop the start with UnreadableKeysError; later those providers are left out and
   * logged. Applies run one after another, so an older read never overwrites a newer one.
   */
  apply(opts: { strict?: boolean } = {}): Promise<void> {
    const run = this.applying.then(async () => {
      const { config, unreadable } = await this.compose();
      if (unreadable.length > 0) {
        if (opts.strict) throw new UnreadableKeysError(unreadable);
        this.deps.logger.error({ providers: unreadable }, new UnreadableKeysError(unreadable).message);
      }
      this.deps.router.reconfigure(config);
    });
    this.applying = run.catch(() => undefined);
    return run;
  }

  /** After a change was written: apply it here, then tell the other replicas. */
  async changed(): Promise<void> {
    await this.apply();
    try {
      await this.deps.redis.publish(this.deps.channel, 'changed');
    } catch (error) {
      // The others re-read when their subscription comes back; nothing else to do here.
      this.deps.logger.warn({ err: error }, 'router configuration: could not announce a change');
    }
  }

  /** Subscribes to changes from other replicas. */
  start(): void {
    if (this.subscriber) return;
    const subscriber = this.deps.redis.duplicate({
      enableOfflineQueue: true,
      maxRetriesPerRequest: null,
      autoResubscribe: false,
      lazyConnect: true,
      connectionName: 'switchyard-router-config',
    });
    subscriber.on('error', () => undefined); // the command connection reports outages
    subscriber.on('message', () => {
      this.apply().catch((error: unknown) => this.deps.logger.warn({ err: error }, 'router configuration: could not re-read after a change'));
    });
    subscriber.on('ready', () => {
      subscriber
        .subscribe(this.deps.channel)
        // Messages may have been missed while the subscription was down: read the current state.
        .then(() => this.apply())
        .catch((error: unknown) => this.deps.logger.warn({ err: error }, 'router configuration: could not subscribe or re-read'));
    });
    this.subscriber = subscriber;
    subscriber.connect().catch(() => undefined); // retried by ioredis
  }

  async close(): Promise<void> {
    const subscriber = this.subscriber;
    this.subscriber = undefined;
    if (subscriber) await subscriber.quit().catch(() => subscriber.disconnect());
    await this.applying;
  }
}
