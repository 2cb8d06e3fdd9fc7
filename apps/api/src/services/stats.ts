// Usage statistics in Redis, so every API replica adds to and reads the same numbers.
// Per hour bucket and scope (everyone, and each user): one hash of counters whose fields are
// `${group}|${counter}` (groups: total, route:<tier>, model:<model>, provider:<provider>), and one
// capped list of latency samples per group for the percentiles.
import type { StatsGroup, StatsResponse } from '@switchyard/client';
import type { ChainableCommander, Redis } from 'ioredis';

export interface ChatRecord {
  ownerId: string;
  tier: string;
  provider: string;
  model: string;
  cached: boolean;
  error: boolean;
  promptTokens: number;
  completionTokens: number;
  costUsd: number;
  latencyMs: number;
  at?: Date;
}

const COUNTERS = ['requests', 'cacheHits', 'errors', 'promptTokens', 'completionTokens', 'costUsd'] as const;
type Counter = (typeof COUNTERS)[number];
const SAMPLES_PER_HOUR = 500;
const RETENTION_SECONDS = 8 * 24 * 3600;
const HOUR_MS = 3_600_000;

export const hourKey = (at: Date) => at.toISOString().slice(0, 13);

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? 0;
}

export class StatsStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private countersKey = (scope: string, hour: string) => `${this.prefix}stats:${scope}:h:${hour}`;
  private latencyKey = (scope: string, hour: string, group: string) => `${this.prefix}stats:${scope}:lat:${hour}:${group}`;

  /** Queues the record on the caller's pipeline (one round trip with the other writes). */
  recordOn(pipeline: ChainableCommander, record: ChatRecord): void {
    const hour = hourKey(record.at ?? new Date());
    const groups = ['total', `route:${record.tier}`, `model:${record.model}`, `provider:${record.provider}`];
    const values: Record<Counter, number> = {
      requests: 1,
      cacheHits: record.cached ? 1 : 0,
      errors: record.error ? 1 : 0,
      promptTokens: record.promptTokens,
      completionTokens: record.completionTokens,
      costUsd: record.costUsd,
    };
    const latency = String(Math.round(record.latencyMs * 100) / 100);
    for (const scope of ['all', `user:${record.ownerId}`]) {
      const key = this.countersKey(scope, hour);
      for (const group of groups) {
        for (const counter of COUNTERS) {
          const value = values[counter];
          if (value === 0 && counter !== 'requests') continue;
          if (counter === 'costUsd') pipeline.hincrbyfloat(key, `${group}|${counter}`, value);
          else pipeline.hincrby(key, `${group}|${counter}`, value);
        }
        const samples = this.latencyKey(scope, hour, group);
        pipeline.lpush(samples, latency).ltrim(samples, 0, SAMPLES_PER_HOUR - 1).expire(samples, RETENTION_SECONDS);
      }
      pipeline.expire(key, RETENTION_SECONDS);
    }
  }

  async record(record: ChatRecord): Promise<void> {
    const pipeline = this.redis.pipeline();
    this.recordOn(pipeline, record);
    await pipeline.exec();
  }

  /** The last `hours` hours for everyone (`ownerId` undefined) or one user. */
  async summary(options: { ownerId?: string; hours?: number; now?: Date } = {}): Promise<StatsResponse> {
    const scope = options.ownerId === undefined ? 'all' : `user:${options.ownerId}`;
    const hoursBack = options.hours ?? 24;
    const now = (options.now ?? new Date()).getTime();
    const hours: string[] = [];
    for (let i = hoursBack - 1; i >= 0; i--) hours.push(hourKey(new Date(now - i * HOUR_MS)));

    const counterPipeline = this.redis.pipeline();
    for (const hour of hours) counterPipeline.hgetall(this.countersKey(scope, hour));
    const counterResults = (await counterPipeline.exec()) ?? [];
    const perHour = hours.map((_, index) => (counterResults[index]?.[1] ?? {}) as Record<string, string>);

    const latencyRequests: { hour: string; group: string }[] = [];
    perHour.forEach((fields, index) => {
      for (const field of Object.keys(fields)) {
        if (field.endsWith('|requests')) latencyRequests.push({ hour: hours[index] ?? '', group: field.slice(0, -'|requests'.length) });
      }
    });
    const latencyPipeline = this.redis.pipeline();
    for (const { hour, group } of latencyRequests) latencyPipeline.lrange(this.latencyKey(scope, hour, group), 0, -1);
    const latencyResults = latencyRequests.length > 0 ? ((await latencyPipeline.exec()) ?? []) : [];

    const counters = new Map<string, Record<Counter, number>>();
    const samples = new Map<string, number[]>();
    const hourSamples = new Map<string, number[]>();
    perHour.forEach((fields) => {
      for (const [field, raw] of Object.entries(fields)) {
        const separator = field.lastIndexOf('|');
        const group = field.slice(0, separator);
        const counter = field.slice(separator + 1) as Counter;
        const entry = counters.get(group) ?? { requests: 0, cacheHits: 0, errors: 0, promptTokens: 0, completionTokens: 0, costUsd: 0 };
        entry[counter] = (entry[counter] ?? 0) + Number(raw);
        counters.set(group, entry);
      }
    });
    latencyRequests.forEach(({ hour, group }, index) => {
      const values = ((latencyResults[index]?.[1] ?? []) as string[]).map(Number);
      samples.set(group, [...(samples.get(group) ?? []), ...values]);
      if (group === 'total') hourSamples.set(hour, values);
    });

    const toGroup = (group: string, key: string): StatsGroup => {
      const entry = counters.get(group) ?? { requests: 0, cacheHits: 0, errors: 0, promptTokens: 0, completionTokens: 0, costUsd: 0 };
      const sorted = [...(samples.get(group) ?? [])].sort((a, b) => a - b);
      return {
        key,
        ...entry,
        costUsd: roundUsd(entry.costUsd),
        latencyMs: { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), count: sorted.length },
      };
    };
    const byKind = (kind: string) =>
      [...counters.keys()]
        .filter((group) => group.startsWith(`${kind}:`))
        .map((group) => toGroup(group, group.slice(kind.length + 1)))
        .sort((a, b) => b.requests - a.requests);

    const totals = toGroup('total', 'total');
    return {
      totals,
      cacheHitRate: totals.requests === 0 ? 0 : totals.cacheHits / totals.requests,
      byRoute: byKind('route'),
      byModel: byKind('model'),
      byProvider: byKind('provider'),
      timeline: hours.map((hour, index) => {
        const fields = perHour[index] ?? {};
        const sorted = [...(hourSamples.get(hour) ?? [])].sort((a, b) => a - b);
        return {
          hour: `${hour}:00:00.000Z`,
          requests: Number(fields['total|requests'] ?? 0),
          cacheHits: Number(fields['total|cacheHits'] ?? 0),
          costUsd: roundUsd(Number(fields['total|costUsd'] ?? 0)),
          p50LatencyMs: percentile(sorted, 50),
        };
      }),
    };
  }
}

const roundUsd = (usd: number) => Math.round(usd * 1e8) / 1e8;
