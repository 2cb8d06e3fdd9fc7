// Builds the model router and what operates it at run time, once, for the composition root
// (composition.ts): the router (breaker state in Redis), the configuration sync (env + stored
// providers and policy, on every replica), the connectivity probes, the log of routing decisions
// for the policy dry run, and the provider, model and policy services the routes use.
import { readFile } from 'node:fs/promises';
import { ConnectivityMonitor, createRouter, defaultRouterConfig, policyConfigSchema, type Classifier, type ProviderServices, type Router, type RouterConfig } from '@switchyard/router';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Env } from '../env';
import { DecisionLog } from './decision-log';
import { ModelService } from './models';
import { PolicyService } from './policy';
import { PolicyStore } from './policy-store';
import { ProviderCatalog } from './provider-catalog';
import { ProviderService } from './providers';
import { RedisBreakerStore } from './redis-breaker-store';
import { RouterConfigSync } from './router-config';
import { parseKeysSecret, SecretBox } from './secret-box';

export interface ModelRouting {
  router: Router;
  /** Background probes of every enabled provider (stopped on shutdown; off when the interval is 0). */
  connectivity: ConnectivityMonitor;
  config: RouterConfigSync;
  providers: ProviderService;
  models: ModelService;
  policies: PolicyService;
}

/** Logs at most one line per 10 s while `what` keeps failing. */
function throttledWarning(logger: Logger, what: string): (error: unknown) => void {
  let lastLogged = 0;
  return (error) => {
    if (Date.now() - lastLogged < 10_000) return;
    lastLogged = Date.now();
    logger.warn({ err: error }, what);
  };
}

/** PROVIDER_PROBE_INTERVAL_MS, or 30 s (off under NODE_ENV=test: tests count the upstream calls they make). */
export function probeIntervalMs(env: Pick<Env, 'PROVIDER_PROBE_INTERVAL_MS' | 'NODE_ENV'>): number {
  return env.PROVIDER_PROBE_INTERVAL_MS ?? (env.NODE_ENV === 'test' ? 0 : 30_000);
}

/** The configuration the environment gives: its providers, ROUTER_POLICY_FILE or the default policy. */
export async function envRouterConfig(env: Env): Promise<RouterConfig> {
  const config = defaultRouterConfig({
    openaiApiKey: env.OPENAI_API_KEY,
    openaiBaseURL: env.OPENAI_BASE_URL,
    anthropicApiKey: env.ANTHROPIC_API_KEY,
    anthropicBaseURL: env.ANTHROPIC_BASE_URL,
    localOpenAIBaseURL: env.LOCAL_OPENAI_BASE_URL,
    localOpenAIModels: env.LOCAL_OPENAI_MODELS,
  });
  // Without tiers of its own, the policy's tiers are derived from whatever providers are
  // configured at the time, so providers added at run time join them.
  const { tiers: _derived, ...policy } = config.policy;
  const file = env.ROUTER_POLICY_FILE ? (JSON.parse(await readFile(env.ROUTER_POLICY_FILE, 'utf8')) as Record<string, unknown>) : {};
  return { ...config, policy: policyConfigSchema.parse({ ...policy, ...file }), cascade: env.ROUTER_CASCADE };
}

/**
 * The router and its run-time operation. Stored providers are read before the API serves: keys
 * that cannot be decrypted stop the start (UnreadableKeysError, one line). When Redis is not up
 * yet, the router starts with the environment's providers and catches up once it is. The caller
 * (the composition root) stops `connectivity` and closes `config` on shutdown.
 */
export async function createModelRouting(
  env: Env,
  redis: Redis,
  logger: Logger,
  override?: Router,
  /** What provider kinds may use from the host (the local sentence encoder for the extractive responder). */
  providerServices: ProviderServices = {},
  /** Reads what each call sends (the API's classifier threads); default: on the event loop. */
  classifier?: Classifier,
): Promise<ModelRouting> {
  const base = override ? override.currentConfig() : await envRouterConfig(env);
  const decisions = new DecisionLog(redis, env.REDIS_PREFIX, {
    size: env.ROUTE_HISTORY_SIZE,
    onError: throttledWarning(logger, 'routing decisions: could not record one for the policy dry run'),
  });
  const router =
    override ??
    createRouter(base, {
      // Circuit breakers, resting keys and probe results live in Redis: every replica agrees.
      store: new RedisBreakerStore(redis, env.REDIS_PREFIX),
      onStoreError: throttledWarning(logger, "provider health store unreachable; using this process's own until it is back"),
      onDecision: (decision) => decisions.record(decision),
      providerServices,
      ...(classifier ? { classifier } : {}),
    });
  const secret = env.PROVIDER_KEYS_SECRET ? parseKeysSecret(env.PROVIDER_KEYS_SECRET) : undefined;
  const catalog = new ProviderCatalog(redis, env.REDIS_PREFIX, secret ? new SecretBox(secret) : undefined);
  const policyStore = new PolicyStore(redis, env.REDIS_PREFIX);
  const config = new RouterConfigSync({ redis, channel: `${env.REDIS_PREFIX}router-config:changed`, router, base, catalog, policies: policyStore, logger });
  if (redis.status === 'ready') await config.apply({ strict: true });
  config.start();
  const connectivity = new ConnectivityMonitor(router, {
    intervalMs: probeIntervalMs(env),
    timeoutMs: env.PROVIDER_PROBE_TIMEOUT_MS,
    onError: throttledWarning(logger, 'connectivity probe failed to record its result'),
  });
  connectivity.start();
  return {
    router,
    config,
    connectivity,
    providers: new ProviderService({ router, catalog, sync: config }),
    models: new ModelService({ router, catalog }),
    policies: new PolicyService({ router, store: policyStore, sync: config, decisions }),
  };
}
