// A per-provider circuit breaker. closed: calls flow; after `failureThreshold` consecutive
// failures it opens and calls are skipped for `cooldownMs` (or a longer Retry-After); then it is
// half-open and lets one trial call through: success closes it, failure opens it again.
export type CircuitState = 'closed' | 'open' | 'half-open';

export class CircuitBreaker {
  private state: CircuitState = 'closed';
  private openUntil = 0;
  private trialInFlight = false;
  consecutiveFailures = 0;

  constructor(
    private readonly failureThreshold: number,
    private readonly cooldownMs: number,
    private readonly now: () => number,
  ) {}

  current(): CircuitState {
    if (this.state === 'open' && this.now() >= this.openUntil) this.state = 'half-open';
    return this.state;
  }

  /** Whether a call may go through now; in half-open only one trial at a time. */
  tryAcquire(): boolean {
    const state = this.current();
    if (state === 'closed') return true;
    if (state === 'half-open' && !this.trialInFlight) {
      this.trialInFlight = true;
      return true;
    }
    return false;
  }

  /** Milliseconds until the circuit lets a trial through (0 when it would now). */
  retryInMs(): number {
    return this.current() === 'open' ? Math.max(0, this.openUntil - this.now()) : 0;
  }

  success(): void {
    this.state = 'closed';
    this.consecutiveFailures = 0;
    this.trialInFlight = false;
  }

  /** `holdMs` keeps it open at least that long (a Retry-After beyond what we wait out). */
  failure(holdMs = 0): void {
    this.consecutiveFailures++;
    const wasTrial = this.trialInFlight || this.state === 'half-open';
    this.trialInFlight = false;
    if (wasTrial || this.consecutiveFailures >= this.failureThreshold || holdMs > 0) {
      this.state = 'open';
      this.openUntil = this.now() + Math.max(holdMs, wasTrial || this.consecutiveFailures >= this.failureThreshold ? this.cooldownMs : 0);
    }
  }

  /** A call that ended without telling us about the provider (caller aborted). */
  release(): void {
    this.trialInFlight = false;
  }
}
