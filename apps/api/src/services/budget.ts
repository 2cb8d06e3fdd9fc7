// Per-user daily spend in Redis (a float counter per user and UTC day), checked before a model
// call: at or over the budget the request is refused with 402. A budget of 0 means unlimited.
// The check reads a spend this process read less than a second ago (plus what it added since)
// instead of asking Redis on every request: a budget can be overrun by what the other replicas
// spend within that second, never by more.
import type { ChainableCommander, Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';
import { AppError } from '../errors';

const DAY_SECONDS = 24 * 3600;

/** How long a spend read from Redis is trusted for the budget check. */
const SPEND_FRESH_MS = 1000;

export class BudgetGuard {
  /** Owner -> the spend last read (with what this process added since), by day key. */
  private readonly recent = new LRUCache<string, { key: string; spent: number; readAt: number }>({ max: 10_000 });

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
    if (known && known.key === key && this.now() - known.readAt < SPEND_FRESH_MS) spent = known.spent;
    else {
      const readAt = this.now();
      spent = await this.spentToday(ownerId);
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

  addOn(pipeline: ChainableCommander, ownerId: string, costUsd: number): void {
    if (costUsd <= 0) return;
    const key = this.key(ownerId);
    const known = this.recent.get(ownerId);
    if (known?.key === key) known.spent += costUsd;
    pipeline.incrbyfloat(key, costUsd).expire(key, 2 * DAY_SECONDS);
  }
}
