// Per-user daily spend in Redis (a float counter per user and UTC day), checked before a model
// call: at or over the budget the request is refused with 402. A budget of 0 means unlimited.
import type { ChainableCommander, Redis } from 'ioredis';
import { AppError } from '../errors';

const DAY_SECONDS = 24 * 3600;

export class BudgetGuard {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly dailyBudgetUsd: number,
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
    const spent = await this.spentToday(ownerId);
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
    pipeline.incrbyfloat(key, costUsd).expire(key, 2 * DAY_SECONDS);
  }
}
