// Usage statistics in Redis, so every API replica adds to and reads the same numbers.
// Per hour bucket and scope (everyone, and each user): one hash of counters whose fields are
// `${group}|${counter}` (groups: total, route:<tier>, model:<model>, provider:<provider>), and one
// capped list of latency samples per group for the percentiles. Each process counts in memory and
// writes its counts every STATS_FLUSH_MS, so another replica's numbers can lag by that much.
import type { StatsGroup, StatsPoint, StatsResponse } from '@switchyard/client';
import type { Redis } from 'ioredis';

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

/** Increments and latency samples not yet written to Redis. */
interface Pending {
  /** counters hash key -> field -> increment */
  counters: Map<string, Map<string, number>>;
  /** latency list key -> samples, oldest first */
  samples: Map<string, number[]>;
}

const emptyPending = (): Pending => ({ counters: new Map(), samples: new Map() });

export interface StatsStoreOptions {
  /** How often this process writes what it counted to Redis; 0 writes every record at once. */
  flushIntervalMs?: number;
  onFlushError?: (error: unknown) => void;
}

export class StatsStore {
  private pending = emptyPending();
  private flushing: Promise<void> | undefined;
  private readonly timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly options: StatsStoreOptions = {},
  ) {
    const every = options.flushIntervalMs ?? 0;
    if (every > 0) {
      this.timer = setInterval(() => void this.flush().catch((error: unknown) => options.onFlushError?.(error)), every);
      this.timer.unref();
    }
  }

  private countersKey = (scope: string, hour: string) => `${this.prefix}stats:${scope}:h:${hour}`;
  private latencyKey = (scope: string, hour: string, group: string) => `${this.prefix}stats:${scope}:lat:${hour}:${group}`;

  /**
   * Counts one chat. Requests are counted in this process and written to Redis together every
   * flush interval: writing each one cost more than the rest of a cached answer (about a third
   * of cache-hit throughput in bench/api).
   */
  record(record: ChatRecord): void {
    const hour = hourKey(record.at ?? new Date());
    const groups = ['total', `route:${record.tier}`, `model:${record.model}`, `provider:${record.provider}`];
    const increments: [string, number][] = [
      ['requests', 1],
      ['cacheHits', record.cached ? 1 : 0],
      ['errors', record.error ? 1 : 0],
      ['promptTokens', Math.round(record.promptTokens)],
      ['completionTokens', Math.round(record.completionTokens)],
      ['costUsd', record.costUsd],
    ];
    const latency = Math.round(record.latencyMs * 100) / 100;
    for (const scope of ['all', `user:${record.ownerId}`]) {
      const key = this.countersKey(scope, hour);
      const fields = this.pending.counters.get(key) ?? new Map<string, number>();
      this.pending.counters.set(key, fields);
      for (const group of groups) {
        for (const [counter, value] of increments) {
          if (value !== 0 || counter === 'requests') fields.set(`${group}|${counter}`, (fields.get(`${group}|${counter}`) ?? 0) + value);
        }
        const samplesKey = this.latencyKey(scope, hour, group);
        const samples = this.pending.samples.get(samplesKey) ?? [];
        this.pending.samples.set(samplesKey, samples);
        samples.push(latency);
        // Trimmed in bulk, not per request: only the newest SAMPLES_PER_HOUR are ever written.
        if (samples.length >= 2 * SAMPLES_PER_HOUR) samples.splice(0, samples.length - SAMPLES_PER_HOUR);
      }
    }
    if (!this.timer) void this.flush().catch((error: unknown) => this.options.onFlushError?.(error));
  }

  /**
   * Writes what this process has counted, in one transaction. If Redis refuses, the counts are
   * kept and go out with the next flush; nothing is dropped while Redis is down.
   */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing.catch(() => undefined);
    const batch = this.pending;
    if (batch.counters.size === 0 && batch.samples.size === 0) return;
    this.pending = emptyPending();
    const transaction = this.redis.multi();
    for (const [key, fields] of batch.counters) {
      for (const [field, value] of fields) {
        if (field.endsWith('|costUsd')) transaction.hincrbyfloat(key, field, value);
        else transaction.hincrby(key, field, value);
      }
      transaction.expire(key, RETENTION_SECONDS);
    }
    for (const [key, samples] of batch.samples) {
      transaction.lpush(key, ...samples.slice(-SAMPLES_PER_HOUR)).ltrim(key, 0, SAMPLES_PER_HOUR - 1).expire(key, RETENTION_SECONDS);
    }
    this.flushing = transaction.exec().then(
      () => undefined,
      (error: unknown) => {
        this.requeue(batch);
        throw error;
      },
    );
    try {
      await this.flushing;
    } finally {
      this.flushing = undefined;
    }
  }

  /** Stops the timer and writes what is left. */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.flush();
  }

  /** Puts a batch Redis refused back in front of what was counted since. */
  private requeue(batch: Pending): void {
    for (const [key, fields] of this.pending.counters) {
      const into = batch.counters.get(key) ?? new Map<string, number>();
      batch.counters.set(key, into);
      for (const [field, value] of fields) into.set(field, (into.get(field) ?? 0) + value);
    }
    for (const [key, samples] of this.pending.samples) {
      batch.samples.set(key, [...(batch.samples.get(key) ?? []), ...samples].slice(-SAMPLES_PER_HOUR));
    }
    this.pending = batch;
  }

  /** The last `hours` hours for everyone (`ownerId` undefined) or one user. */
  async summary(options: { ownerId?: string; hours?: number; now?: Date } = {}): Promise<StatsResponse> {
    await this.flush(); // this process's own latest requests are in what it reports
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
