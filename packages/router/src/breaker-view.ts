// Keeps the shared BreakerStore (Redis, across replicas) off the path of a healthy call. A
// provider this process saw closed, with no failures and no resting key, is called without asking
// the store; once that view is older than `freshMs` the call still goes ahead and the view is
// read again in the background (one read at a time per provider), so what another replica
// changed (an open circuit, a resting key) is seen here within `freshMs` and a read's round trip,
// and no call waits for the store because its view aged — a slow or busy Redis no longer holds
// up a healthy provider's calls. A view not renewed for `5 × freshMs` (the reads fail) is given
// up and calls ask the store again, as does everything else: a failure, a refused key, an open
// or half-open circuit. A success is written in the background (a success always closes the
// circuit, so nothing waits on the answer), and for such a provider at most once per `freshMs`.
import { CLOSED_CIRCUIT, successTransition, type Acquired, type BreakerSettings, type BreakerStore, type CircuitSnapshot, type FailureReport, type ProbeResult, type ProviderHealthRecord, type RecordedError } from './breaker-store';

export class FreshViewBreakerStore implements BreakerStore {
  /** Provider id -> when the store last said it is closed, clean and has no resting key. */
  private readonly healthySince = new Map<string, number>();
  /** Provider id -> when its last success was written. */
  private readonly successWritten = new Map<string, number>();
  /** Providers whose view is being read again in the background. */
  private readonly revalidating = new Set<string>();

  constructor(
    private readonly inner: BreakerStore,
    private readonly freshMs: number,
    private readonly now: () => number,
    private readonly onBackgroundError: (error: unknown) => void = () => undefined,
  ) {}

  async acquire(providerId: string, now: number, settings: BreakerSettings): Promise<Acquired> {
    const seen = this.healthySince.get(providerId);
    if (seen !== undefined && now - seen < this.freshMs * 5) {
      if (now - seen >= this.freshMs) this.revalidate(providerId);
      return { allowed: true, circuit: { ...CLOSED_CIRCUIT }, keyCooldowns: {} };
    }
    const acquired = await this.inner.acquire(providerId, now, settings);
    const clean = acquired.allowed && acquired.circuit.openUntil === 0 && acquired.circuit.failures === 0;
    const resting = Object.values(acquired.keyCooldowns).some((until) => until > now);
    if (clean && !resting) this.healthySince.set(providerId, now);
    else this.healthySince.delete(providerId);
    return acquired;
  }

  /** Reads a healthy provider's state again, in the background: still clean renews the view, trouble ends it. */
  private revalidate(providerId: string): void {
    if (this.revalidating.has(providerId)) return;
    this.revalidating.add(providerId);
    this.inner
      .read([providerId])
      .then((records) => {
        const record = records.get(providerId);
        const now = this.now();
        const clean = !record || (record.circuit.openUntil === 0 && record.circuit.failures === 0 && !Object.values(record.keyCooldowns).some((until) => until > now));
        // A failure seen here meanwhile ended the view; a read begun before it does not bring it back.
        if (clean && this.healthySince.has(providerId)) this.healthySince.set(providerId, now);
        else if (!clean) this.healthySince.delete(providerId);
      }, this.onBackgroundError)
      .finally(() => this.revalidating.delete(providerId));
  }

  success(providerId: string, latencyMs: number): Promise<CircuitSnapshot> {
    const now = this.now();
    const healthy = this.healthySince.has(providerId);
    const written = this.successWritten.get(providerId);
    if (!healthy || written === undefined || now - written >= this.freshMs) {
      this.successWritten.set(providerId, now);
      this.inner.success(providerId, latencyMs).catch(this.onBackgroundError);
    }
    return Promise.resolve(successTransition());
  }

  failure(providerId: string, now: number, settings: BreakerSettings, report: FailureReport): Promise<CircuitSnapshot> {
    this.healthySince.delete(providerId);
    return this.inner.failure(providerId, now, settings, report);
  }

  release(providerId: string): Promise<void> {
    return this.inner.release(providerId);
  }

  coolKey(providerId: string, keyId: string, until: number, note: RecordedError): Promise<void> {
    this.healthySince.delete(providerId);
    return this.inner.coolKey(providerId, keyId, until, note);
  }

  recordProbe(providerId: string, probe: ProbeResult): Promise<void> {
    return this.inner.recordProbe(providerId, probe);
  }

  async read(providerIds: string[]): Promise<Map<string, ProviderHealthRecord>> {
    const records = await this.inner.read(providerIds);
    const now = this.now();
    for (const [id, record] of records) {
      // A fresh read that shows trouble ends the shortcut at once.
      if (record.circuit.openUntil !== 0 || record.circuit.failures > 0 || Object.values(record.keyCooldowns).some((until) => until > now)) this.healthySince.delete(id);
    }
    return records;
  }

  forget(providerId: string): Promise<void> {
    this.healthySince.delete(providerId);
    return this.inner.forget(providerId);
  }
}
