// The last routing decisions, for the policy dry run ("how would the last N requests route under
// this policy?"). Each entry is what the router decided from: sensitivity, complexity, its score
// and signals (reasons in words; detectors never put the matched text in them), the context size
// and an explicit model, plus the outcome. Never the message, never who sent it. One Redis list
// shared by the replicas, capped at ROUTE_HISTORY_SIZE entries.
import type { DecisionRecord } from '@switchyard/router';
import type { Redis } from 'ioredis';

/** Decisions are written in batches: at most this long after they were made... */
const FLUSH_AFTER_MS = 250;
/** ...or as soon as this many are waiting. */
const FLUSH_AT = 100;

export class DecisionLog {
  readonly key: string;
  /** Serialised decisions not yet written, oldest first. */
  private pending: string[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly redis: Redis,
    prefix: string,
    private readonly opts: { size: number; onError?: (error: unknown) => void },
  ) {
    this.key = `${prefix}routing:decisions`;
  }

  /**
   * Appends without waiting: recording must never slow down or fail a request. Decisions are
   * written a batch at a time (one LPUSH of many), not one round of commands per request.
   */
  record(decision: DecisionRecord): void {
    if (this.opts.size <= 0) return;
    this.pending.push(JSON.stringify(decision));
    if (this.pending.length >= FLUSH_AT) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), FLUSH_AFTER_MS).unref();
  }

  /** Writes what is waiting (newest ends up first in the list, as LPUSH of one at a time would leave it). */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.pending;
    if (batch.length === 0) return;
    this.pending = [];
    await this.redis
      .multi()
      .lpush(this.key, ...batch)
      .ltrim(this.key, 0, this.opts.size - 1)
      .exec()
      .catch((error: unknown) => this.opts.onError?.(error));
  }

  /** Newest first. */
  async recent(limit: number): Promise<DecisionRecord[]> {
    await this.flush();
    const entries = await this.redis.lrange(this.key, 0, Math.max(0, limit - 1));
    return entries.flatMap((entry) => {
      try {
        return [JSON.parse(entry) as DecisionRecord];
      } catch {
        return [];
      }
    });
  }
}
