// Prometheus metrics of the chat pipeline, registered once per registry (tests build many apps
// in one process; prom-client refuses a second metric of the same name).
import { Counter, Histogram, type Registry } from 'prom-client';
import { metricsRegistry } from './metrics';

export interface ChatObservation {
  route: { tier: string; provider: string; model: string };
  cached: boolean;
  error: boolean;
  usage: { promptTokens: number; completionTokens: number };
  costUsd: number;
  latencyMs: number;
}

export interface ChatMetrics {
  observe(observation: ChatObservation): void;
}

const byRegistry = new WeakMap<Registry, ChatMetrics>();

function getOrCreate<T>(registry: Registry, name: string, create: () => T): T {
  return (registry.getSingleMetric(name) as T | undefined) ?? create();
}

/** On the app's registry (the one GET /metrics serves). */
export function chatMetrics(registry: Registry = metricsRegistry): ChatMetrics {
  const existing = byRegistry.get(registry);
  if (existing) return existing;
  const labelNames = ['tier', 'provider', 'model'] as const;
  const requests = getOrCreate(registry, 'switchyard_chat_requests_total', () =>
    new Counter({ name: 'switchyard_chat_requests_total', help: 'Chat requests by route and outcome', labelNames: [...labelNames, 'cached', 'outcome'], registers: [registry] }),
  );
  const cacheHits = getOrCreate(registry, 'switchyard_chat_cache_hits_total', () =>
    new Counter({ name: 'switchyard_chat_cache_hits_total', help: 'Chat answers served from the answer cache', registers: [registry] }),
  );
  const tokens = getOrCreate(registry, 'switchyard_chat_tokens_total', () =>
    new Counter({ name: 'switchyard_chat_tokens_total', help: 'Tokens by route and direction', labelNames: [...labelNames, 'direction'], registers: [registry] }),
  );
  const cost = getOrCreate(registry, 'switchyard_chat_cost_usd_total', () =>
    new Counter({ name: 'switchyard_chat_cost_usd_total', help: 'Model spend in USD by route', labelNames, registers: [registry] }),
  );
  const latency = getOrCreate(registry, 'switchyard_chat_latency_seconds', () =>
    new Histogram({
      name: 'switchyard_chat_latency_seconds',
      help: 'Chat latency (whole answer) by route',
      labelNames: ['tier', 'cached'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
  );
  const metrics: ChatMetrics = {
    observe({ route, cached, error, usage, costUsd, latencyMs }) {
      const labels = { tier: route.tier, provider: route.provider, model: route.model };
      requests.inc({ ...labels, cached: String(cached), outcome: error ? 'error' : 'ok' });
      if (cached) cacheHits.inc();
      if (usage.promptTokens > 0) tokens.inc({ ...labels, direction: 'prompt' }, usage.promptTokens);
      if (usage.completionTokens > 0) tokens.inc({ ...labels, direction: 'completion' }, usage.completionTokens);
      if (costUsd > 0) cost.inc(labels, costUsd);
      latency.observe({ tier: route.tier, cached: String(cached) }, latencyMs / 1000);
    },
  };
  byRegistry.set(registry, metrics);
  return metrics;
}
