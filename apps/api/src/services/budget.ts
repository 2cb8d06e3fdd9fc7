// Per-user daily spend in Redis (a float counter per user and UTC day), checked before a model
// call: at or over the budget the request is refused with 402. A budget of 0 means unlimited.
// The check reads a spend this process knows (what it read, plus what it added since) instead of
// asking Redis on every request: a read older than a second is renewed in the background (one
// read at a time per user) while the request goes ahead on what is known, so only a user's first
// request of the day in this process waits for Redis, and a busy Redis never holds up a chat.
// Spend is written in batches every 250 ms: a budget can be overrun by what the other replicas
// spend within about a second and a read's round trip, never by more.
import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';
import { AppError } from '../errors';

const DAY_SECONDS = 24 * 3600;

/** How long a spend read from Redis is trusted for the budget check. */
const SPEND_FRESH_MS = 1000;
/** How often spend is written. */
const FLUSH_MS = 250;

export class BudgetGuard {
  /** Owner -> the spend last read (with what this process added since), by day key. */
  private readonly recent = new LRUCache<string, { key: string; spent: number; readAt: number; reading?: boolean }>({ max: 10_000 });
  /** Day key -> spend not yet written. */
  private unwritten = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly dailyBudgetUsd: number,
    private readonly now: () => number = Date.now,
  ) {}

  private key = (ownerId: string, at = new Date()) => `${this.prefix}budget:${ownerId}:${at.toISOString().slice(0, 10)}`;

  get limited(): boolean {
    return this.dailyBudgetUsd > 0;
  }

  async spentToday(ownerId: string): Promise<number> {
    return Number((await this.redis.get(this.key(ownerId))) ?? 0);
  }

  /** Throws 402 budget_exceeded when the user's spend today has reached the budget. */
  async assertWithinBudget(ownerId: string): Promise<void> {
    if (!this.limited) return;
    const key = this.key(ownerId);
    const known = this.recent.get(ownerId);
    let spent: number;
    if (known && known.key === key) {
      spent = known.spent;
      if (this.now() - known.readAt >= SPEND_FRESH_MS && !known.reading) this.renew(ownerId, key, known);
    } else {
      const readAt = this.now();
      spent = await this.read(key);
      this.recent.set(ownerId, { key, spent, readAt });
    }
    if (spent >= this.dailyBudgetUsd) {
      throw new AppError(
        'budget_exceeded',
        402,
        `the daily budget of $${this.dailyBudgetUsd} is spent ($${spent.toFixed(4)} today); it resets at midnight UTC`,
        { spentUsd: spent, budgetUsd: this.dailyBudgetUsd },
      );
    }
  }

  /** What Redis holds for the day, plus what this process counted and has not written yet. */
  private async read(key: string): Promise<number> {
    const pending = this.unwritten.get(key) ?? 0;
    return Number((await this.redis.get(key)) ?? 0) + pending;
  }

  /** Reads a user's spend again in the background; a failed read keeps what is known (tried again on the next check). */
  private renew(ownerId: string, key: string, known: { spent: number; readAt: number; reading?: boolean }): void {
    known.reading = true;
    const readAt = this.now();
    const addedBefore = known.spent;
    this.read(key)
      .then((spent) => {
        // Spend this process added while the read was out counts too.
        const current = this.recent.get(ownerId);
        if (current === known) this.recent.set(ownerId, { key, spent: spent + Math.max(0, known.spent - addedBefore), readAt });
      })
      .catch(() => undefined)
      .finally(() => {
        known.reading = false;
      });
  }

  /** Counts a spend: at once for this process's checks, in Redis with the next batch. */
  add(ownerId: string, costUsd: number): void {
    if (costUsd <= 0) return;
    const key = this.key(ownerId);
    const known = this.recent.get(ownerId);
    if (known?.key === key) known.spent += costUsd;
    this.unwritten.set(key, (this.unwritten.get(key) ?? 0) + costUsd);
    this.timer ??= setTimeout(() => void this.flush().catch(() => undefined), FLUSH_MS).unref();
  }

  /** Writes the spend counted since the last batch; kept for the next try when Redis fails. */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.unwritten.size === 0) return;
    const batch = this.unwritten;
    this.unwritten = new Map();
    const pipeline = this.redis.pipeline();
    for (const [key, usd] of batch) pipeline.incrbyfloat(key, usd).expire(key, 2 * DAY_SECONDS);
    const results = await pipeline.exec().catch((error: unknown) => [[error, null]] as [unknown, unknown][]);
    if (results?.some(([error]) => error)) {
      for (const [key, usd] of batch) this.unwritten.set(key, (this.unwritten.get(key) ?? 0) + usd);
      throw new Error('could not write the spend; it is kept for the next batch');
    }
  }

  /** On shutdown: the last batch. */
  async close(): Promise<void> {
    await this.flush().catch(() => undefined);
  }
}
