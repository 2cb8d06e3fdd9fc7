// Usage statistics in Redis, so every API replica adds to and reads the same numbers.
// Per hour bucket and scope (everyone, and each user): one hash of counters whose fields are
// `${group}|${counter}` (groups: total, route:<tier>, model:<model>, provider:<provider>), and one
// capped list of latency samples per group for the percentiles.
import type { StatsGroup, StatsPoint, StatsResponse } from '@switchyard/client';
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

type Counter = 'requests' | 'cacheHits' | 'errors' | 'promptTokens' | 'completionTokens' | 'costUsd';
const SAMPLES_PER_HOUR = 500;
const RETENTION_SECONDS = 8 * 24 * 3600;
const HOUR_MS = 3_600_000;

export const hourKey = (at: Date) => at.toISOString().slice(0, 13);

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? 0;
}

// All counters and samples of one request in one server-side call: a pipeline of ~40 commands
// cost more client CPU than the rest of a cached answer.
// KEYS: counter hash per scope, then a latency list per scope and group.
// ARGV: retention, cap, latency, requests, cacheHits, errors, promptTokens, completionTokens, costUsd, groups...
const RECORD_SCRIPT = `
local retention = tonumber(ARGV[1])
local cap = tonumber(ARGV[2])
local names = {'requests', 'cacheHits', 'errors', 'promptTokens', 'completionTokens'}
local groupCount = #ARGV - 9
local scopeCount = #KEYS / (1 + groupCount)
for s = 1, scopeCount do
  local key = KEYS[s]
  for g = 1, groupCount do
    local group = ARGV[9 + g]
    for c = 1, 5 do
      local value = tonumber(ARGV[3 + c])
      if c == 1 or value ~= 0 then redis.call('HINCRBY', key, group .. '|' .. names[c], value) end
    end
    if tonumber(ARGV[9]) ~= 0 then redis.call('HINCRBYFLOAT', key, group .. '|costUsd', ARGV[9]) end
    local samples = KEYS[scopeCount + (s - 1) * groupCount + g]
    redis.call('LPUSH', samples, ARGV[3])
    redis.call('LTRIM', samples, 0, cap - 1)
    redis.call('EXPIRE', samples, retention)
  end
  redis.call('EXPIRE', key, retention)
end
return 1
`;

interface StatsCommand {
  syRecordStats(numKeys: number, ...args: (string | number)[]): unknown;
}

function ensureScript(redis: Redis): void {
  if (!('syRecordStats' in redis)) redis.defineCommand('syRecordStats', { lua: RECORD_SCRIPT });
}

export class StatsStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {
    // Before any pipeline is made: ioredis copies custom commands onto a pipeline when it is created.
    ensureScript(redis);
  }

  private countersKey = (scope: string, hour: string) => `${this.prefix}stats:${scope}:h:${hour}`;
  private latencyKey = (scope: string, hour: string, group: string) => `${this.prefix}stats:${scope}:lat:${hour}:${group}`;

  /** Queues the record on the caller's pipeline (one round trip with the other writes). */
  recordOn(pipeline: ChainableCommander, record: ChatRecord): void {
    const hour = hourKey(record.at ?? new Date());
    const groups = ['total', `route:${record.tier}`, `model:${record.model}`, `provider:${record.provider}`];
    const scopes = ['all', `user:${record.ownerId}`];
    const keys = [
      ...scopes.map((scope) => this.countersKey(scope, hour)),
      ...scopes.flatMap((scope) => groups.map((group) => this.latencyKey(scope, hour, group))),
    ];
    (pipeline as ChainableCommander & StatsCommand).syRecordStats(
      keys.length,
      ...keys,
      RETENTION_SECONDS,
      SAMPLES_PER_HOUR,
      Math.round(record.latencyMs * 100) / 100,
      1,
      record.cached ? 1 : 0,
      record.error ? 1 : 0,
      Math.round(record.promptTokens),
      Math.round(record.completionTokens),
      record.costUsd,
      ...groups,
    );
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
    /** Latency samples of one group in one hour, keyed `${hour}|${group}`. */
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
      hourSamples.set(`${hour}|${group}`, values);
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
        const point = (group: string): StatsPoint => ({
          requests: Number(fields[`${group}|requests`] ?? 0),
          cacheHits: Number(fields[`${group}|cacheHits`] ?? 0),
          costUsd: roundUsd(Number(fields[`${group}|costUsd`] ?? 0)),
          p50LatencyMs: percentile([...(hourSamples.get(`${hour}|${group}`) ?? [])].sort((a, b) => a - b), 50),
        });
        const pointsOf = (kind: string): Record<string, StatsPoint> =>
          Object.fromEntries(
            Object.keys(fields)
              .filter((field) => field.startsWith(`${kind}:`) && field.endsWith('|requests'))
              .map((field) => field.slice(0, -'|requests'.length))
              .map((group) => [group.slice(kind.length + 1), point(group)]),
          );
        return { hour: `${hour}:00:00.000Z`, ...point('total'), byRoute: pointsOf('route'), byModel: pointsOf('model') };
      }),
    };
  }
}

const roundUsd = (usd: number) => Math.round(usd * 1e8) / 1e8;
