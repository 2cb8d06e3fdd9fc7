// This process's picture of provider health: a mirror of the BreakerStore, updated by every call
// it makes and refreshed from the store (other replicas' calls and probes) by `refreshHealth()`
// and after each probe round. `router.health()` and the routing decision read it without I/O.
import { CLOSED_CIRCUIT, RECENT_ERRORS, type CircuitSnapshot, type ProbeResult, type ProviderHealthRecord } from './breaker-store';

export class HealthSnapshot {
  private readonly records = new Map<string, ProviderHealthRecord>();

  get(providerId: string): ProviderHealthRecord {
    let record = this.records.get(providerId);
    if (!record) {
      record = { circuit: { ...CLOSED_CIRCUIT }, recentErrors: [], keyCooldowns: {} };
      this.records.set(providerId, record);
    }
    return record;
  }

  circuit(providerId: string, circuit: CircuitSnapshot): void {
    this.get(providerId).circuit = { ...circuit };
  }

  succeeded(providerId: string, latencyMs: number): void {
    this.get(providerId).lastLatencyMs = latencyMs;
  }

  failed(providerId: string, at: number, message: string, latencyMs?: number): void {
    const record = this.get(providerId);
    record.lastError = message;
    if (latencyMs !== undefined) record.lastLatencyMs = latencyMs;
    record.recentErrors = [{ at, message }, ...record.recentErrors].slice(0, RECENT_ERRORS);
  }

  keyResting(providerId: string, keyId: string, until: number, note: { at: number; message: string }): void {
    const record = this.get(providerId);
    record.keyCooldowns[keyId] = until;
    record.recentErrors = [note, ...record.recentErrors].slice(0, RECENT_ERRORS);
  }

  probed(providerId: string, probe: ProbeResult): void {
    const record = this.get(providerId);
    record.probe = { ...probe };
    if (!probe.ok && probe.error) {
      record.recentErrors = [{ at: probe.at, message: `probe: ${probe.error}` }, ...record.recentErrors].slice(0, RECENT_ERRORS);
    }
  }

  /** Replaces the mirror of these providers with what the store holds. */
  replace(providerIds: string[], fromStore: Map<string, ProviderHealthRecord>): void {
    for (const id of providerIds) {
      const record = fromStore.get(id);
      if (record) this.records.set(id, structuredClone(record));
      else this.records.delete(id);
    }
  }

  forget(providerId: string): void {
    this.records.delete(providerId);
  }

  /** Providers whose latest probe, no older than `staleAfterMs`, failed: id -> why. */
  unreachable(now: number, staleAfterMs: number): Map<string, string> {
    const out = new Map<string, string>();
    for (const [id, record] of this.records) {
      const probe = record.probe;
      if (probe && !probe.ok && now - probe.at <= staleAfterMs) out.set(id, probe.error ?? 'not reachable');
    }
    return out;
  }
}
