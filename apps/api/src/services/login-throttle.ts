// Per-account sign-in throttle with exponential backoff, in Redis so it holds across replicas.
//
// Every attempt is counted when it starts (an attempt is a failure until it succeeds), in one
// atomic script, so a burst of parallel guesses cannot all slip past the check. The first
// `freeAttempts` cost nothing; each later one makes the account wait baseMs, 2·baseMs, 4·baseMs…
// up to maxMs before the next attempt is even looked at. The account is slowed, never locked: once
// the wait is over, the right password works, and a success clears the count. The throttle is
// keyed by the email tried (hashed), whether or not such an account exists, so its answers tell
// nothing about who has one. Limits per client address are separate (middleware/rate-limit.ts),
// so an attacker slows only the accounts they target, and nobody else.
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

export interface LoginThrottleOptions {
  freeAttempts: number;
  baseMs: number;
  maxMs: number;
}

// KEYS[1] attempts counter, KEYS[2] wait marker. ARGV: free attempts, base ms, max ms, window ms.
// Returns 0 when the attempt may go ahead, else the milliseconds left to wait.
const ATTEMPT_SCRIPT = `
local wait = redis.call('PTTL', KEYS[2])
if wait > 0 then return wait end
local attempts = redis.call('INCR', KEYS[1])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
local free = tonumber(ARGV[1])
if attempts > free then
  local delay = tonumber(ARGV[2]) * 2 ^ math.min(attempts - free - 1, 40)
  delay = math.min(delay, tonumber(ARGV[3]))
  redis.call('SET', KEYS[2], '1', 'PX', math.floor(delay))
end
return 0`;

export class LoginThrottle {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly options: LoginThrottleOptions,
  ) {}

  private keys(email: string): [string, string] {
    const account = createHash('sha256').update(email).digest('hex');
    return [`${this.prefix}login:attempts:${account}`, `${this.prefix}login:wait:${account}`];
  }

  /** Milliseconds the account must still wait (0: go ahead; this attempt is now counted). */
  async attempt(email: string): Promise<number> {
    // Attempts are forgotten after a quiet spell well beyond the longest wait.
    const windowMs = Math.max(3_600_000, 4 * this.options.maxMs);
    const result = await this.redis.eval(ATTEMPT_SCRIPT, 2, ...this.keys(email), this.options.freeAttempts, this.options.baseMs, this.options.maxMs, windowMs);
    return Number(result);
  }

  async succeeded(email: string): Promise<void> {
    await this.redis.del(...this.keys(email));
  }
}
