// A per-user limit of requests per minute that holds across replicas without a Redis round trip
// on every request. Each replica leases a few of a user's requests at a time from the user's
// counter for the current minute in Redis (one script: grant what is left, up to a batch) and
// spends them locally; it leases the next batch in the background when half is spent, so a busy
// user's requests do not wait for Redis. Leased requests are counted in Redis when leased, so
// the replicas together never serve more than the limit; a replica that stops receiving a
// user's requests leaves at most one unspent batch, which is why a batch is at most 2% of the
// limit. Small limits (50 a minute or fewer) lease one request at a time: exact, as before.
import type { Redis } from 'ioredis';

const WINDOW_MS = 60_000;

/** Grants min(batch, limit - used) requests and counts them; returns the grant and the ms left in the window. */
const LEASE_SCRIPT = `
local used = tonumber(redis.call('GET', KEYS[1]) or '0')
local grant = math.min(tonumber(ARGV[2]), tonumber(ARGV[1]) - used)
if grant <= 0 then return {0, redis.call('PTTL', KEYS[1])} end
redis.call('INCRBY', KEYS[1], grant)
if used == 0 then redis.call('PEXPIRE', KEYS[1], ARGV[3]) end
return {grant, redis.call('PTTL', KEYS[1])}
`;

interface UserWindow {
  window: number;
  tokens: number;
  /** The limit is spent in this window (by this replica or others). */
  exhausted: boolean;
  leasing?: Promise<void>;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export class LeasedRateLimiter {
  private readonly users = new Map<string, UserWindow>();
  readonly batch: number;

  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
    readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {
    this.batch = perMinute <= 50 ? 1 : Math.min(1000, Math.ceil(perMinute / 50));
  }

  private stateOf(userId: string, window: number): UserWindow {
    let state = this.users.get(userId);
    if (!state || state.window !== window) {
      if (this.users.size > 50_000) this.forgetOldWindows(window);
      state = { window, tokens: 0, exhausted: false };
      this.users.set(userId, state);
    }
    return state;
  }

  private forgetOldWindows(window: number): void {
    for (const [user, state] of this.users) if (state.window !== window) this.users.delete(user);
  }

  private lease(userId: string, state: UserWindow): Promise<void> {
    state.leasing ??= (async () => {
      try {
        // The limit is part of the key: replicas configured alike share one count.
        const key = `${this.keyPrefix}${userId}:${this.perMinute}:${state.window}`;
        const [granted] = (await this.redis.eval(LEASE_SCRIPT, 1, key, this.perMinute, this.batch, WINDOW_MS * 2)) as [number, number];
        state.tokens += granted;
        if (granted === 0) state.exhausted = true;
      } finally {
        state.leasing = undefined;
      }
    })();
    return state.leasing;
  }

  /** Spends one of the user's requests for this minute, or says how long until the next minute. */
  async take(userId: string): Promise<RateDecision> {
    for (;;) {
      const now = this.now();
      const window = Math.floor(now / WINDOW_MS);
      const state = this.stateOf(userId, window);
      if (state.tokens > 0) {
        state.tokens -= 1;
        if (this.batch > 1 && state.tokens <= this.batch / 2 && !state.leasing && !state.exhausted) {
          // Next batch in the background; a failure here is retried by the request that needs it.
          this.lease(userId, state).catch(() => undefined);
        }
        return { allowed: true };
      }
      if (state.exhausted) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(((window + 1) * WINDOW_MS - now) / 1000)) };
      await this.lease(userId, state);
    }
  }
}
