// The last routing decisions, for the policy dry run ("how would the last N requests route under
// this policy?"). Each entry is what the router decided from: sensitivity, complexity, its score
// and signals (reasons in words; detectors never put the matched text in them), the context size
// and an explicit model, plus the outcome. Never the message, never who sent it. One Redis list
// shared by the replicas, capped at ROUTE_HISTORY_SIZE entries.
import type { DecisionRecord } from '@switchyard/router';
import type { Redis } from 'ioredis';

export class DecisionLog {
  readonly key: string;

  constructor(
    private readonly redis: Redis,
    prefix: string,
    private readonly opts: { size: number; onError?: (error: unknown) => void },
  ) {
    this.key = `${prefix}routing:decisions`;
  }

  /** Appends without waiting: recording must never slow down or fail a request. */
  record(decision: DecisionRecord): void {
    if (this.opts.size <= 0) return;
    this.redis
      .multi()
      .lpush(this.key, JSON.stringify(decision))
      .ltrim(this.key, 0, this.opts.size - 1)
      .exec()
      .catch((error: unknown) => this.opts.onError?.(error));
  }

  /** Newest first. */
  async recent(limit: number): Promise<DecisionRecord[]> {
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
