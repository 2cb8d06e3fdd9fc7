// The connectivity agent: probes each enabled provider in the background (its model list, the
// cheapest authenticated request), a bounded number at a time, each round after a jittered
// interval so replicas do not probe in step. A failed probe marks the provider unreachable: the
// policy leaves it out and, when no cloud provider is left, routes to the local tier and says so.
// The next successful probe brings it back. Results go to the BreakerStore, so every replica
// (and the providers page) sees them.
import type { ProbeOutcome, Router } from './router';

export interface ConnectivityOptions {
  /** Mean time between the end of one round and the start of the next. */
  intervalMs: number;
  /** Each wait is intervalMs × (1 ± jitter); default 0.2. */
  jitter?: number;
  /** Probes in flight at once; default 2. */
  concurrency?: number;
  /** Per-probe timeout; default 5 s. */
  timeoutMs?: number;
  /** For tests: a source of randomness in [0, 1). */
  random?: () => number;
  /** Told when a probe throws instead of reporting (a store error, say). */
  onError?: (error: unknown) => void;
}

export class ConnectivityMonitor {
  private timer: NodeJS.Timeout | undefined;
  private round: Promise<Map<string, ProbeOutcome>> | undefined;
  private stopped = true;

  constructor(
    private readonly router: Pick<Router, 'health' | 'test' | 'refreshHealth'>,
    private readonly opts: ConnectivityOptions,
  ) {}

  /** Starts probing; the first round comes after one (jittered) interval. */
  start(): void {
    if (!this.stopped || this.opts.intervalMs <= 0) return;
    this.stopped = false;
    this.schedule();
  }

  /** Stops probing and waits for a round in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.round?.catch(() => undefined);
  }

  /** How long to wait before the next round: intervalMs × (1 ± jitter), uniformly. */
  nextWaitMs(): number {
    const jitter = this.opts.jitter ?? 0.2;
    const random = this.opts.random ?? Math.random;
    return Math.max(0, Math.round(this.opts.intervalMs * (1 + jitter * (2 * random() - 1))));
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.probeAll()
        .catch((error: unknown) => this.opts.onError?.(error))
        .finally(() => this.schedule());
    }, this.nextWaitMs());
    this.timer.unref();
  }

  /** One round over the enabled providers, at most `concurrency` at a time; rounds never overlap. */
  probeAll(): Promise<Map<string, ProbeOutcome>> {
    this.round ??= this.runRound().finally(() => {
      this.round = undefined;
    });
    return this.round;
  }

  private async runRound(): Promise<Map<string, ProbeOutcome>> {
    const ids = this.router
      .health()
      .filter((p) => p.enabled !== false)
      .map((p) => p.id);
    const results = new Map<string, ProbeOutcome>();
    const queue = [...ids];
    const worker = async () => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        try {
          results.set(id, await this.router.test(id, { timeoutMs: this.opts.timeoutMs ?? 5_000 }));
        } catch (error) {
          this.opts.onError?.(error);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(this.opts.concurrency ?? 2, ids.length)) }, worker));
    // Pick up what other replicas saw meanwhile.
    await this.router.refreshHealth();
    return results;
  }
}
