// Provider health that every replica must agree on: each provider's circuit breaker, its last
// errors and latency, the cooldowns of its keys, and the last connectivity probe. The router
// talks to a `BreakerStore`; `InMemoryBreakerStore` serves one process (and the tests), the API
// passes a Redis-backed one so that every replica sees the same state. A store implements the
// transitions below exactly; the shared contract tests (`breaker-store.contract.ts`) check that.
//
// The circuit: closed, calls flow; after `failureThreshold` consecutive failures it opens and
// calls are skipped for `cooldownMs` (or a longer Retry-After); then it is half-open and lets one
// trial call through (a lease, so a crashed replica cannot hold the trial for ever): success
// closes it, failure opens it again.

export type CircuitState = 'closed' | 'open' | 'half-open';

export interface BreakerSettings {
  failureThreshold: number;
  cooldownMs: number;
  /** How long a half-open trial holds the slot before another caller may try. */
  trialLeaseMs: number;
}

export interface CircuitSnapshot {
  failures: number;
  /** 0 while closed; otherwise when the open period ends (half-open after it until a success). */
  openUntil: number;
  /** While in the future, a half-open trial is in flight. */
  trialUntil: number;
}

export const CLOSED_CIRCUIT: CircuitSnapshot = { failures: 0, openUntil: 0, trialUntil: 0 };

export interface ProbeResult {
  ok: boolean;
  /** Epoch milliseconds. */
  at: number;
  latencyMs: number;
  error?: string;
}

export interface RecordedError {
  at: number;
  message: string;
}

/** How many recent errors a store keeps per provider. */
export const RECENT_ERRORS = 5;

export interface ProviderHealthRecord {
  circuit: CircuitSnapshot;
  lastError?: string;
  lastLatencyMs?: number;
  /** Newest first, at most RECENT_ERRORS. */
  recentErrors: RecordedError[];
  probe?: ProbeResult;
  /** Key fingerprint -> epoch ms until which the key rests. */
  keyCooldowns: Record<string, number>;
}

export interface Acquired {
  allowed: boolean;
  circuit: CircuitSnapshot;
  keyCooldowns: Record<string, number>;
}

export interface FailureReport {
  /** Keep the circuit open at least this long (a Retry-After beyond what the router waits out). */
  holdMs: number;
  error: string;
  latencyMs: number;
}

export interface BreakerStore {
  /** Whether a call to the provider may go now (in half-open, one trial at a time); with its keys' cooldowns. */
  acquire(providerId: string, now: number, settings: BreakerSettings): Promise<Acquired>;
  success(providerId: string, latencyMs: number): Promise<CircuitSnapshot>;
  failure(providerId: string, now: number, settings: BreakerSettings, report: FailureReport): Promise<CircuitSnapshot>;
  /** A call that ended without telling us about the provider (the caller cancelled, or the key was refused). */
  release(providerId: string): Promise<void>;
  /** Rests a key until `until`; `note` (why, with the key's last four only) joins the recent errors. */
  coolKey(providerId: string, keyId: string, until: number, note: RecordedError): Promise<void>;
  recordProbe(providerId: string, probe: ProbeResult): Promise<void>;
  read(providerIds: string[]): Promise<Map<string, ProviderHealthRecord>>;
  /** Drops everything about a provider (it was deleted). */
  forget(providerId: string): Promise<void>;
}

export function circuitState(circuit: CircuitSnapshot, now: number): CircuitState {
  if (circuit.openUntil === 0) return 'closed';
  return now < circuit.openUntil ? 'open' : 'half-open';
}

/** Milliseconds until the circuit lets a trial through (0 when it would now). */
export function retryInMs(circuit: CircuitSnapshot, now: number): number {
  return circuitState(circuit, now) === 'open' ? Math.max(0, circuit.openUntil - now) : 0;
}

// The transitions, as pure functions. The Redis store runs the same steps in Lua.

export function acquireTransition(circuit: CircuitSnapshot, now: number, settings: BreakerSettings): { allowed: boolean; next: CircuitSnapshot } {
  const state = circuitState(circuit, now);
  if (state === 'closed') return { allowed: true, next: circuit };
  if (state === 'half-open' && circuit.trialUntil <= now) {
    return { allowed: true, next: { ...circuit, trialUntil: now + settings.trialLeaseMs } };
  }
  return { allowed: false, next: circuit };
}

export function successTransition(): CircuitSnapshot {
  return { ...CLOSED_CIRCUIT };
}

export function failureTransition(circuit: CircuitSnapshot, now: number, settings: BreakerSettings, holdMs: number): CircuitSnapshot {
  const failures = circuit.failures + 1;
  const wasTrial = circuit.trialUntil > now || circuitState(circuit, now) === 'half-open';
  const tripped = wasTrial || failures >= settings.failureThreshold;
  if (!tripped && holdMs <= 0) return { ...circuit, failures, trialUntil: 0 };
  return { failures, openUntil: now + Math.max(holdMs, tripped ? settings.cooldownMs : 0), trialUntil: 0 };
}

export function releaseTransition(circuit: CircuitSnapshot): CircuitSnapshot {
  return { ...circuit, trialUntil: 0 };
}

/** One process's breaker state: for a single API process, the CLI and tests. */
export class InMemoryBreakerStore implements BreakerStore {
  private readonly records = new Map<string, ProviderHealthRecord>();

  private record(providerId: string): ProviderHealthRecord {
    let record = this.records.get(providerId);
    if (!record) {
      record = { circuit: { ...CLOSED_CIRCUIT }, recentErrors: [], keyCooldowns: {} };
      this.records.set(providerId, record);
    }
    return record;
  }

  async acquire(providerId: string, now: number, settings: BreakerSettings): Promise<Acquired> {
    const record = this.record(providerId);
    const { allowed, next } = acquireTransition(record.circuit, now, settings);
    record.circuit = next;
    return { allowed, circuit: { ...next }, keyCooldowns: { ...record.keyCooldowns } };
  }

  async success(providerId: string, latencyMs: number): Promise<CircuitSnapshot> {
    const record = this.record(providerId);
    record.circuit = successTransition();
    record.lastLatencyMs = latencyMs;
    return { ...record.circuit };
  }

  async failure(providerId: string, now: number, settings: BreakerSettings, report: FailureReport): Promise<CircuitSnapshot> {
    const record = this.record(providerId);
    record.circuit = failureTransition(record.circuit, now, settings, report.holdMs);
    record.lastError = report.error;
    record.lastLatencyMs = report.latencyMs;
    record.recentErrors = [{ at: now, message: report.error }, ...record.recentErrors].slice(0, RECENT_ERRORS);
    return { ...record.circuit };
  }

  async release(providerId: string): Promise<void> {
    const record = this.record(providerId);
    record.circuit = releaseTransition(record.circuit);
  }

  async coolKey(providerId: string, keyId: string, until: number, note: RecordedError): Promise<void> {
    const record = this.record(providerId);
    record.keyCooldowns[keyId] = until;
    record.recentErrors = [note, ...record.recentErrors].slice(0, RECENT_ERRORS);
  }

  async recordProbe(providerId: string, probe: ProbeResult): Promise<void> {
    const record = this.record(providerId);
    record.probe = { ...probe };
    if (!probe.ok && probe.error) {
      record.recentErrors = [{ at: probe.at, message: `probe: ${probe.error}` }, ...record.recentErrors].slice(0, RECENT_ERRORS);
    }
  }

  async read(providerIds: string[]): Promise<Map<string, ProviderHealthRecord>> {
    const out = new Map<string, ProviderHealthRecord>();
    for (const id of providerIds) {
      const record = this.records.get(id);
      if (record) out.set(id, structuredClone(record));
    }
    return out;
  }

  async forget(providerId: string): Promise<void> {
    this.records.delete(providerId);
  }
}

/**
 * A shared store that keeps working when it cannot be reached: each operation that fails on the
 * shared store (Redis down, say) runs on this process's own store instead, and `onError` is told.
 * A store outage then costs cross-replica agreement for a while, never a model call.
 */
export class TolerantBreakerStore implements BreakerStore {
  constructor(
    private readonly shared: BreakerStore,
    private readonly local: BreakerStore = new InMemoryBreakerStore(),
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  private async either<T>(run: (store: BreakerStore) => Promise<T>): Promise<T> {
    try {
      return await run(this.shared);
    } catch (error) {
      this.onError(error);
      return run(this.local);
    }
  }

  acquire(providerId: string, now: number, settings: BreakerSettings): Promise<Acquired> {
    return this.either((store) => store.acquire(providerId, now, settings));
  }
  success(providerId: string, latencyMs: number): Promise<CircuitSnapshot> {
    return this.either((store) => store.success(providerId, latencyMs));
  }
  failure(providerId: string, now: number, settings: BreakerSettings, report: FailureReport): Promise<CircuitSnapshot> {
    return this.either((store) => store.failure(providerId, now, settings, report));
  }
  release(providerId: string): Promise<void> {
    return this.either((store) => store.release(providerId));
  }
  coolKey(providerId: string, keyId: string, until: number, note: RecordedError): Promise<void> {
    return this.either((store) => store.coolKey(providerId, keyId, until, note));
  }
  recordProbe(providerId: string, probe: ProbeResult): Promise<void> {
    return this.either((store) => store.recordProbe(providerId, probe));
  }
  read(providerIds: string[]): Promise<Map<string, ProviderHealthRecord>> {
    return this.either((store) => store.read(providerIds));
  }
  forget(providerId: string): Promise<void> {
    return this.either((store) => store.forget(providerId));
  }
}
