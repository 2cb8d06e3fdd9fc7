// The keys of one provider. Calls take them round-robin; a key the provider refused (401/403,
// or 429) rests for a while (its cooldown lives in the BreakerStore, so every replica skips it)
// and the next key is used. Keys are known by a fingerprint and their last four characters only.
import { createHash } from 'node:crypto';

export interface KeyChoice {
  key: string;
  /** A short sha256 fingerprint: how the BreakerStore names the key. Never the key itself. */
  id: string;
  lastFour: string;
}

export function keyFingerprint(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

export const lastFour = (key: string) => key.slice(-4);

export class KeyRing {
  readonly keys: KeyChoice[];
  private cursor: number;

  /** `start`: which key the rotation begins with (a provider's `activeKey`). */
  constructor(keys: string[], start = 0) {
    this.keys = keys.map((key) => ({ key, id: keyFingerprint(key), lastFour: lastFour(key) }));
    this.cursor = keys.length > 0 ? start % keys.length : 0;
  }

  /** The index the rotation tries next. */
  get nextIndex(): number {
    return this.cursor;
  }

  get size(): number {
    return this.keys.length;
  }

  /** The next key round-robin that is not resting or already tried by this call; undefined when none is left. */
  pick(cooldowns: Record<string, number>, now: number, tried: ReadonlySet<string> = new Set()): KeyChoice | undefined {
    for (let step = 0; step < this.keys.length; step++) {
      const index = (this.cursor + step) % this.keys.length;
      const choice = this.keys[index];
      if (!choice || tried.has(choice.id) || (cooldowns[choice.id] ?? 0) > now) continue;
      this.cursor = (index + 1) % this.keys.length;
      return choice;
    }
    return undefined;
  }

  /** Milliseconds until the first resting key may be used again. */
  soonestReadyInMs(cooldowns: Record<string, number>, now: number): number {
    const waits = this.keys.map((k) => Math.max(0, (cooldowns[k.id] ?? 0) - now));
    return waits.length > 0 ? Math.min(...waits) : 0;
  }
}
